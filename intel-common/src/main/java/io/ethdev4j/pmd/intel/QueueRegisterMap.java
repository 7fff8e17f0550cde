package io.ethdev4j.pmd.intel;

/**
 * Where one NIC keeps the registers of its rx and tx queues (BAR0 offsets) and the SRRCTL bits that differ between
 * NICs: what {@link RingProgrammer} and the queues' {@link TailRegister tail registers} are driven by. Methods keep the
 * datasheet names; each NIC implements them from its own register class, for example
 * <ul>
 * <li>82576/I350: {@code RDBAL(q) = 0xC000 + 0x40·q}, {@code TDBAL(q) = 0xE000 + 0x40·q}, SRRCTL at +0x0C in the rx
 * block, DROP_EN bit 31, BSIZEPKT bits 6:0;</li>
 * <li>82599/X540: {@code RDBAL(q) = 0x01000 + 0x40·q} for q &lt; 64, {@code 0x0D000 + 0x40·(q − 64)} above;
 * {@code SRRCTL(q) = 0x01014 + 0x40·q} (0x02100 + 4·q is the 82598 alias for q &lt; 16); {@code TDBAL(q) = 0x06000 +
 * 0x40·q}; DROP_EN bit 28, BSIZEPKT bits 4:0 (shared/reference/ixgbe-82599.md §2.1, §2.3).</li>
 * </ul>
 * Control path only: the data path sees nothing of it but the tail offsets, resolved once at queue setup.
 */
public interface QueueRegisterMap
{
    /** SRRCTL.DESCTYPE = 001, advanced one-buffer descriptors ({@link AdvRxDescriptor}); bits 27:25 on both NICs. */
    int SRRCTL_DESCTYPE_ADV_ONEBUF = 0x0200_0000;
    /** RXDCTL/TXDCTL queue enable, bit 25 on both NICs (E1000_RXDCTL_QUEUE_ENABLE, IXGBE_RXDCTL_ENABLE). */
    int XDCTL_QUEUE_ENABLE = 0x0200_0000;
    /** RXDCTL/TXDCTL threshold fields: PTHRESH, HTHRESH, WTHRESH (widths differ; values are the NIC's). */
    int PTHRESH_SHIFT = 0;
    int HTHRESH_SHIFT = 8;
    int WTHRESH_SHIFT = 16;

    int RDBAL(int q);

    int RDBAH(int q);

    int RDLEN(int q);

    int SRRCTL(int q);

    int RDH(int q);

    int RDT(int q);

    int RXDCTL(int q);

    int TDBAL(int q);

    int TDBAH(int q);

    int TDLEN(int q);

    int TDH(int q);

    int TDT(int q);

    int TXDCTL(int q);

    /** SRRCTL.DROP_EN: drop a frame when the queue has no descriptor instead of holding the packet buffer. */
    int srrctlDropEn();

    /** SRRCTL.BSIZEPKT mask (bits from 0, in KiB): the largest receive buffer the NIC takes per descriptor. */
    int srrctlBsizePktMask();
}
