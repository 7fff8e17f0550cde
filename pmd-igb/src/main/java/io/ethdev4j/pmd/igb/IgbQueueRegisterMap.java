package io.ethdev4j.pmd.igb;

import io.ethdev4j.pmd.intel.QueueRegisterMap;

/**
 * The 82576/I350 queue registers ({@link IgbRegs}: rx block {@code 0xC000 + 0x40·q}, tx block {@code 0xE000 +
 * 0x40·q}) and SRRCTL bits (DROP_EN bit 31, BSIZEPKT 6:0) for the shared ring code.
 */
public final class IgbQueueRegisterMap implements QueueRegisterMap
{
    public static final IgbQueueRegisterMap INSTANCE = new IgbQueueRegisterMap();

    private IgbQueueRegisterMap()
    {
    }

    @Override
    public int RDBAL(final int q)
    {
        return IgbRegs.RDBAL(q);
    }

    @Override
    public int RDBAH(final int q)
    {
        return IgbRegs.RDBAH(q);
    }

    @Override
    public int RDLEN(final int q)
    {
        return IgbRegs.RDLEN(q);
    }

    @Override
    public int SRRCTL(final int q)
    {
        return IgbRegs.SRRCTL(q);
    }

    @Override
    public int RDH(final int q)
    {
        return IgbRegs.RDH(q);
    }

    @Override
    public int RDT(final int q)
    {
        return IgbRegs.RDT(q);
    }

    @Override
    public int RXDCTL(final int q)
    {
        return IgbRegs.RXDCTL(q);
    }

    @Override
    public int TDBAL(final int q)
    {
        return IgbRegs.TDBAL(q);
    }

    @Override
    public int TDBAH(final int q)
    {
        return IgbRegs.TDBAH(q);
    }

    @Override
    public int TDLEN(final int q)
    {
        return IgbRegs.TDLEN(q);
    }

    @Override
    public int TDH(final int q)
    {
        return IgbRegs.TDH(q);
    }

    @Override
    public int TDT(final int q)
    {
        return IgbRegs.TDT(q);
    }

    @Override
    public int TXDCTL(final int q)
    {
        return IgbRegs.TXDCTL(q);
    }

    @Override
    public int srrctlDropEn()
    {
        return IgbRegs.SRRCTL_DROP_EN;
    }

    @Override
    public int srrctlBsizePktMask()
    {
        return IgbRegs.SRRCTL_BSIZEPKT_MASK;
    }
}
