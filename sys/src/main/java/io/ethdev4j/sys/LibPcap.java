package io.ethdev4j.sys;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * libpcap's filter compiler (what {@code dpdk-dumpcap} links for {@code -f}): {@code pcap_open_dead},
 * {@code pcap_compile}, {@code pcap_geterr}, {@code bpf_image}, {@code pcap_freecode}, {@code pcap_close}, bound
 * with JNA direct mapping from {@code libpcap.so} or Debian's {@code libpcap.so.0.8} (package libpcap0.8, which
 * tcpdump pulls in). The library is looked for once, on first use: {@link #isAvailable()} and
 * {@link #unavailabilityCause()} say whether it was found (Netty's probe-once pattern).
 *
 * <h2>Layouts (x86-64, {@code <pcap/bpf.h>})</h2>
 * <pre>
 * struct bpf_program (16):  0 bf_len (u32) | 4 pad | 8 bf_insns (ptr)
 * struct bpf_insn (8):      0 code (u16) | 2 jt (u8) | 3 jf (u8) | 4 k (u32)
 * </pre>
 * (checked end to end by LibPcapTest: the instructions read back equal {@code tcpdump -dd}'s).
 */
public final class LibPcap
{
    /** DLT_EN10MB. */
    public static final int DLT_EN10MB = 1;
    /** PCAP_NETMASK_UNKNOWN. */
    public static final int PCAP_NETMASK_UNKNOWN = 0xFFFFFFFF;
    public static final int BPF_PROGRAM_LEN_OFFSET = 0;
    public static final int BPF_PROGRAM_INSNS_OFFSET = 8;
    public static final int BPF_PROGRAM_SIZE = 16;
    public static final int BPF_INSN_SIZE = 8;

    private static final String[] NAMES = {"pcap", "libpcap.so.0.8", "libpcap.so.1"};
    private static final Throwable UNAVAILABILITY_CAUSE = load();

    private LibPcap()
    {
    }

    private static Throwable load()
    {
        Throwable cause = null;
        for (final String name : NAMES)
        {
            try
            {
                Native.register(Natives.class, NativeLibrary.getInstance(name));
                return null;
            }
            catch (final UnsatisfiedLinkError ex)
            {
                cause = cause == null ? ex : cause;
            }
        }
        return cause;
    }

    public static boolean isAvailable()
    {
        return UNAVAILABILITY_CAUSE == null;
    }

    /** Why libpcap could not be loaded, or null. */
    public static Throwable unavailabilityCause()
    {
        return UNAVAILABILITY_CAUSE;
    }

    /**
     * A compiled filter: the instructions as libpcap made them, and their text ({@code tcpdump -d}'s lines,
     * {@code (000) ldh [12]}).
     */
    public record Program(short[] code, byte[] jt, byte[] jf, int[] k, String[] image)
    {
        public int length()
        {
            return code.length;
        }
    }

    /**
     * pcap_compile(pcap_open_dead(linktype, snaplen), expression, optimize = 1, PCAP_NETMASK_UNKNOWN), as
     * dpdk-dumpcap's compile_filters() does.
     *
     * @throws IllegalArgumentException with libpcap's message for an expression it does not accept
     * @throws UnsupportedOperationException when libpcap is not available
     */
    public static Program compile(final int linktype, final int snaplen, final String expression)
    {
        if (!isAvailable())
        {
            throw new UnsupportedOperationException("libpcap is not available (" + UNAVAILABILITY_CAUSE.getMessage() +
                "): install libpcap0.8", UNAVAILABILITY_CAUSE);
        }
        final Pointer pcap = Natives.pcap_open_dead(linktype, snaplen);
        if (pcap == null)
        {
            throw new IllegalStateException("pcap_open_dead(" + linktype + ", " + snaplen + ") failed");
        }
        try
        {
            final Memory prog = new Memory(BPF_PROGRAM_SIZE);
            prog.clear();
            if (Natives.pcap_compile(pcap, prog, expression, 1, PCAP_NETMASK_UNKNOWN) != 0)
            {
                throw new IllegalArgumentException(Natives.pcap_geterr(pcap));
            }
            try
            {
                final int n = prog.getInt(BPF_PROGRAM_LEN_OFFSET);
                final Pointer insns = prog.getPointer(BPF_PROGRAM_INSNS_OFFSET);
                final short[] code = new short[n];
                final byte[] jt = new byte[n];
                final byte[] jf = new byte[n];
                final int[] k = new int[n];
                final String[] image = new String[n];
                for (int i = 0; i < n; i++)
                {
                    final Pointer insn = insns.share((long)i * BPF_INSN_SIZE);
                    code[i] = insn.getShort(0);
                    jt[i] = insn.getByte(2);
                    jf[i] = insn.getByte(3);
                    k[i] = insn.getInt(4);
                    image[i] = Natives.bpf_image(insn, i);
                }
                return new Program(code, jt, jf, k, image);
            }
            finally
            {
                Natives.pcap_freecode(prog);
            }
        }
        finally
        {
            Natives.pcap_close(pcap);
        }
    }

    /** The natives, registered by {@link #load()} against whichever library name was found. */
    private static final class Natives
    {
        static native Pointer pcap_open_dead(int linktype, int snaplen);

        static native int pcap_compile(Pointer p, Pointer program, String expression, int optimize, int netmask);

        static native String pcap_geterr(Pointer p);

        static native String bpf_image(Pointer insn, int n);

        static native void pcap_freecode(Pointer program);

        static native void pcap_close(Pointer p);
    }
}
