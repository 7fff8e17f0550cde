package io.ethdev4j.pmd.ixgbe;

import io.ethdev4j.pmd.intel.QueueRegisterMap;

/**
 * The 82599/X540/X550 queue registers ({@link IxgbeRegs}: rx block {@code 0x01000 + 0x40·q}, {@code 0x0D000 +
 * 0x40·(q − 64)} above 63; tx block {@code 0x06000 + 0x40·q}) and SRRCTL bits (DROP_EN bit 28, BSIZEPKT 4:0) for the
 * shared ring code.
 */
public final class IxgbeQueueRegisterMap implements QueueRegisterMap
{
    public static final IxgbeQueueRegisterMap INSTANCE = new IxgbeQueueRegisterMap();

    private IxgbeQueueRegisterMap()
    {
    }

    @Override
    public int RDBAL(final int q)
    {
        return IxgbeRegs.RDBAL(q);
    }

    @Override
    public int RDBAH(final int q)
    {
        return IxgbeRegs.RDBAH(q);
    }

    @Override
    public int RDLEN(final int q)
    {
        return IxgbeRegs.RDLEN(q);
    }

    @Override
    public int SRRCTL(final int q)
    {
        return IxgbeRegs.SRRCTL(q);
    }

    @Override
    public int RDH(final int q)
    {
        return IxgbeRegs.RDH(q);
    }

    @Override
    public int RDT(final int q)
    {
        return IxgbeRegs.RDT(q);
    }

    @Override
    public int RXDCTL(final int q)
    {
        return IxgbeRegs.RXDCTL(q);
    }

    @Override
    public int TDBAL(final int q)
    {
        return IxgbeRegs.TDBAL(q);
    }

    @Override
    public int TDBAH(final int q)
    {
        return IxgbeRegs.TDBAH(q);
    }

    @Override
    public int TDLEN(final int q)
    {
        return IxgbeRegs.TDLEN(q);
    }

    @Override
    public int TDH(final int q)
    {
        return IxgbeRegs.TDH(q);
    }

    @Override
    public int TDT(final int q)
    {
        return IxgbeRegs.TDT(q);
    }

    @Override
    public int TXDCTL(final int q)
    {
        return IxgbeRegs.TXDCTL(q);
    }

    @Override
    public int srrctlDropEn()
    {
        return IxgbeRegs.SRRCTL_DROP_EN;
    }

    @Override
    public int srrctlBsizePktMask()
    {
        return IxgbeRegs.SRRCTL_BSIZEPKT_MASK;
    }
}
