package io.ethdev4j.pdump;

import org.agrona.UnsafeApi;

/**
 * A classic BPF program (the {@code struct bpf_insn} array libpcap's {@code pcap_compile()} produces for a capture
 * filter such as {@code udp port 53}) and its interpreter, with libpcap's {@code bpf_filter()} semantics: the
 * program sees the packet's bytes, a load outside them or a division by zero ends it with 0 (reject), and the
 * value it returns is how many bytes to keep (0 = drop the packet). DPDK converts the same program to eBPF and runs
 * it in the primary process ({@code rte_bpf_convert}, {@code rte_bpf_exec_burst} in pdump); we interpret it there.
 * <p>
 * {@link #validate} checks a program as the kernel's {@code sk_chk_filter()} / libpcap's {@code bpf_validate()} do
 * (known opcodes, jumps inside the program, scratch memory indexes below 16, no constant division by zero, ends
 * with a return), so a program from another process cannot make the interpreter misbehave. {@link #run} allocates
 * nothing; one instance is for one thread (its scratch memory is a field).
 */
public final class BpfProgram
{
    // instruction classes
    public static final int BPF_LD = 0x00;
    public static final int BPF_LDX = 0x01;
    public static final int BPF_ST = 0x02;
    public static final int BPF_STX = 0x03;
    public static final int BPF_ALU = 0x04;
    public static final int BPF_JMP = 0x05;
    public static final int BPF_RET = 0x06;
    public static final int BPF_MISC = 0x07;
    // ld/ldx sizes
    public static final int BPF_W = 0x00;
    public static final int BPF_H = 0x08;
    public static final int BPF_B = 0x10;
    // ld/ldx modes
    public static final int BPF_IMM = 0x00;
    public static final int BPF_ABS = 0x20;
    public static final int BPF_IND = 0x40;
    public static final int BPF_MEM = 0x60;
    public static final int BPF_LEN = 0x80;
    public static final int BPF_MSH = 0xa0;
    // alu operations
    public static final int BPF_ADD = 0x00;
    public static final int BPF_SUB = 0x10;
    public static final int BPF_MUL = 0x20;
    public static final int BPF_DIV = 0x30;
    public static final int BPF_OR = 0x40;
    public static final int BPF_AND = 0x50;
    public static final int BPF_LSH = 0x60;
    public static final int BPF_RSH = 0x70;
    public static final int BPF_NEG = 0x80;
    public static final int BPF_MOD = 0x90;
    public static final int BPF_XOR = 0xa0;
    // jumps
    public static final int BPF_JA = 0x00;
    public static final int BPF_JEQ = 0x10;
    public static final int BPF_JGT = 0x20;
    public static final int BPF_JGE = 0x30;
    public static final int BPF_JSET = 0x40;
    // operand source
    public static final int BPF_K = 0x00;
    public static final int BPF_X = 0x08;
    // return value source
    public static final int BPF_A = 0x10;
    // misc
    public static final int BPF_TAX = 0x00;
    public static final int BPF_TXA = 0x80;
    /** BPF_MEMWORDS: scratch memory words. */
    public static final int MEMWORDS = 16;

    private final short[] code;
    private final byte[] jt;
    private final byte[] jf;
    private final int[] k;
    private final int[] mem = new int[MEMWORDS];

    private BpfProgram(final short[] code, final byte[] jt, final byte[] jf, final int[] k)
    {
        this.code = code;
        this.jt = jt;
        this.jf = jf;
        this.k = k;
    }

    /**
     * A validated program from its instructions.
     *
     * @throws IllegalArgumentException naming the first bad instruction
     */
    public static BpfProgram of(final short[] code, final byte[] jt, final byte[] jf, final int[] k)
    {
        validate(code, jt, jf, k);
        return new BpfProgram(code.clone(), jt.clone(), jf.clone(), k.clone());
    }

    /** A copy with its own scratch memory, for another thread. */
    public BpfProgram copy()
    {
        return new BpfProgram(code, jt, jf, k);
    }

    public int length()
    {
        return code.length;
    }

    /** sk_chk_filter / bpf_validate. */
    public static void validate(final short[] code, final byte[] jt, final byte[] jf, final int[] k)
    {
        final int n = code.length;
        if (n == 0 || n > CaptureRegionDescriptor.MAX_FILTER_LEN || jt.length != n || jf.length != n || k.length != n)
        {
            throw new IllegalArgumentException("BPF program length " + n + " is not within 1.." +
                CaptureRegionDescriptor.MAX_FILTER_LEN);
        }
        for (int pc = 0; pc < n; pc++)
        {
            final int c = code[pc] & 0xFFFF;
            final int kk = k[pc];
            final boolean ok;
            switch (c & 0x07)
            {
                case BPF_LD:
                case BPF_LDX:
                    switch (c & 0xe0)
                    {
                        case BPF_IMM:
                        case BPF_LEN:
                            ok = (c & 0x18) == BPF_W;
                            break;
                        case BPF_ABS:
                        case BPF_IND:
                            ok = (c & 0x07) == BPF_LD && (c & 0x18) != 0x18;
                            break;
                        case BPF_MEM:
                            ok = (c & 0x18) == BPF_W && Integer.compareUnsigned(kk, MEMWORDS) < 0;
                            break;
                        case BPF_MSH:
                            ok = c == (BPF_LDX | BPF_B | BPF_MSH);
                            break;
                        default:
                            ok = false;
                    }
                    break;
                case BPF_ST:
                case BPF_STX:
                    ok = (c & 0xf8) == 0 && Integer.compareUnsigned(kk, MEMWORDS) < 0;
                    break;
                case BPF_ALU:
                    switch (c & 0xf0)
                    {
                        case BPF_ADD: case BPF_SUB: case BPF_MUL: case BPF_OR: case BPF_AND: case BPF_LSH:
                        case BPF_RSH: case BPF_XOR:
                            ok = (c & ~0xf8) == BPF_ALU;
                            break;
                        case BPF_DIV:
                        case BPF_MOD:
                            ok = (c & ~0xf8) == BPF_ALU && ((c & BPF_X) != 0 || kk != 0);
                            break;
                        case BPF_NEG:
                            ok = c == (BPF_ALU | BPF_NEG);
                            break;
                        default:
                            ok = false;
                    }
                    break;
                case BPF_JMP:
                    if ((c & 0xf0) == BPF_JA)
                    {
                        ok = c == (BPF_JMP | BPF_JA) && Integer.compareUnsigned(kk, n - pc - 1) < 0;
                    }
                    else
                    {
                        ok = (c & 0xf0) <= BPF_JSET && (c & ~0xf8) == BPF_JMP &&
                            pc + 1 + (jt[pc] & 0xFF) < n && pc + 1 + (jf[pc] & 0xFF) < n;
                    }
                    break;
                case BPF_RET:
                    ok = (c & 0x18) != 0x18 && (c & ~0x18) == BPF_RET;
                    break;
                default: // BPF_MISC
                    ok = c == (BPF_MISC | BPF_TAX) || c == (BPF_MISC | BPF_TXA);
            }
            if (!ok)
            {
                throw new IllegalArgumentException(String.format("BPF instruction %d is invalid: { 0x%x, %d, %d, 0x%08x }",
                    pc, c, jt[pc] & 0xFF, jf[pc] & 0xFF, kk));
            }
        }
        if ((code[n - 1] & 0x07) != BPF_RET)
        {
            throw new IllegalArgumentException("BPF program does not end with a return (last instruction " + (n - 1) + ")");
        }
    }

    /**
     * bpf_filter over {@code buflen} bytes at {@code address} of a packet {@code wirelen} bytes long.
     *
     * @return the number of bytes to keep; 0 = reject
     */
    public int run(final long address, final int buflen, final int wirelen)
    {
        final short[] code = this.code;
        final int[] k = this.k;
        final int[] mem = this.mem;
        int a = 0;
        int x = 0;
        int pc = 0;
        while (true)
        {
            final int c = code[pc] & 0xFFFF;
            final int kk = k[pc];
            switch (c)
            {
                case BPF_RET | BPF_K:
                    return kk;
                case BPF_RET | BPF_A:
                    return a;
                case BPF_RET | BPF_X:
                    return x;
                case BPF_LD | BPF_W | BPF_ABS:
                    if (!inBounds(kk, 4, buflen))
                    {
                        return 0;
                    }
                    a = Integer.reverseBytes(UnsafeApi.getInt(address + (kk & 0xFFFFFFFFL)));
                    break;
                case BPF_LD | BPF_H | BPF_ABS:
                    if (!inBounds(kk, 2, buflen))
                    {
                        return 0;
                    }
                    a = Short.reverseBytes(UnsafeApi.getShort(address + (kk & 0xFFFFFFFFL))) & 0xFFFF;
                    break;
                case BPF_LD | BPF_B | BPF_ABS:
                    if (!inBounds(kk, 1, buflen))
                    {
                        return 0;
                    }
                    a = UnsafeApi.getByte(address + (kk & 0xFFFFFFFFL)) & 0xFF;
                    break;
                case BPF_LD | BPF_W | BPF_LEN:
                    a = wirelen;
                    break;
                case BPF_LDX | BPF_W | BPF_LEN:
                    x = wirelen;
                    break;
                case BPF_LD | BPF_W | BPF_IND:
                {
                    final int off = x + kk;
                    if (Integer.compareUnsigned(kk, ~x) > 0 || !inBounds(off, 4, buflen))
                    {
                        return 0;
                    }
                    a = Integer.reverseBytes(UnsafeApi.getInt(address + (off & 0xFFFFFFFFL)));
                    break;
                }
                case BPF_LD | BPF_H | BPF_IND:
                {
                    final int off = x + kk;
                    if (Integer.compareUnsigned(kk, ~x) > 0 || !inBounds(off, 2, buflen))
                    {
                        return 0;
                    }
                    a = Short.reverseBytes(UnsafeApi.getShort(address + (off & 0xFFFFFFFFL))) & 0xFFFF;
                    break;
                }
                case BPF_LD | BPF_B | BPF_IND:
                {
                    final int off = x + kk;
                    if (Integer.compareUnsigned(kk, ~x) > 0 || !inBounds(off, 1, buflen))
                    {
                        return 0;
                    }
                    a = UnsafeApi.getByte(address + (off & 0xFFFFFFFFL)) & 0xFF;
                    break;
                }
                case BPF_LDX | BPF_B | BPF_MSH:
                    if (!inBounds(kk, 1, buflen))
                    {
                        return 0;
                    }
                    x = (UnsafeApi.getByte(address + (kk & 0xFFFFFFFFL)) & 0xF) << 2;
                    break;
                case BPF_LD | BPF_IMM:
                    a = kk;
                    break;
                case BPF_LDX | BPF_IMM:
                    x = kk;
                    break;
                case BPF_LD | BPF_MEM:
                    a = mem[kk];
                    break;
                case BPF_LDX | BPF_MEM:
                    x = mem[kk];
                    break;
                case BPF_ST:
                    mem[kk] = a;
                    break;
                case BPF_STX:
                    mem[kk] = x;
                    break;
                case BPF_JMP | BPF_JA:
                    pc += kk;
                    break;
                case BPF_JMP | BPF_JGT | BPF_K:
                    pc += Integer.compareUnsigned(a, kk) > 0 ? jt[pc] & 0xFF : jf[pc] & 0xFF;
                    break;
                case BPF_JMP | BPF_JGE | BPF_K:
                    pc += Integer.compareUnsigned(a, kk) >= 0 ? jt[pc] & 0xFF : jf[pc] & 0xFF;
                    break;
                case BPF_JMP | BPF_JEQ | BPF_K:
                    pc += a == kk ? jt[pc] & 0xFF : jf[pc] & 0xFF;
                    break;
                case BPF_JMP | BPF_JSET | BPF_K:
                    pc += (a & kk) != 0 ? jt[pc] & 0xFF : jf[pc] & 0xFF;
                    break;
                case BPF_JMP | BPF_JGT | BPF_X:
                    pc += Integer.compareUnsigned(a, x) > 0 ? jt[pc] & 0xFF : jf[pc] & 0xFF;
                    break;
                case BPF_JMP | BPF_JGE | BPF_X:
                    pc += Integer.compareUnsigned(a, x) >= 0 ? jt[pc] & 0xFF : jf[pc] & 0xFF;
                    break;
                case BPF_JMP | BPF_JEQ | BPF_X:
                    pc += a == x ? jt[pc] & 0xFF : jf[pc] & 0xFF;
                    break;
                case BPF_JMP | BPF_JSET | BPF_X:
                    pc += (a & x) != 0 ? jt[pc] & 0xFF : jf[pc] & 0xFF;
                    break;
                case BPF_ALU | BPF_ADD | BPF_X:
                    a += x;
                    break;
                case BPF_ALU | BPF_SUB | BPF_X:
                    a -= x;
                    break;
                case BPF_ALU | BPF_MUL | BPF_X:
                    a *= x;
                    break;
                case BPF_ALU | BPF_DIV | BPF_X:
                    if (x == 0)
                    {
                        return 0;
                    }
                    a = Integer.divideUnsigned(a, x);
                    break;
                case BPF_ALU | BPF_MOD | BPF_X:
                    if (x == 0)
                    {
                        return 0;
                    }
                    a = Integer.remainderUnsigned(a, x);
                    break;
                case BPF_ALU | BPF_AND | BPF_X:
                    a &= x;
                    break;
                case BPF_ALU | BPF_OR | BPF_X:
                    a |= x;
                    break;
                case BPF_ALU | BPF_XOR | BPF_X:
                    a ^= x;
                    break;
                case BPF_ALU | BPF_LSH | BPF_X:
                    a = Integer.compareUnsigned(x, 32) < 0 ? a << x : 0;
                    break;
                case BPF_ALU | BPF_RSH | BPF_X:
                    a = Integer.compareUnsigned(x, 32) < 0 ? a >>> x : 0;
                    break;
                case BPF_ALU | BPF_ADD | BPF_K:
                    a += kk;
                    break;
                case BPF_ALU | BPF_SUB | BPF_K:
                    a -= kk;
                    break;
                case BPF_ALU | BPF_MUL | BPF_K:
                    a *= kk;
                    break;
                case BPF_ALU | BPF_DIV | BPF_K:
                    a = Integer.divideUnsigned(a, kk);
                    break;
                case BPF_ALU | BPF_MOD | BPF_K:
                    a = Integer.remainderUnsigned(a, kk);
                    break;
                case BPF_ALU | BPF_AND | BPF_K:
                    a &= kk;
                    break;
                case BPF_ALU | BPF_OR | BPF_K:
                    a |= kk;
                    break;
                case BPF_ALU | BPF_XOR | BPF_K:
                    a ^= kk;
                    break;
                case BPF_ALU | BPF_LSH | BPF_K:
                    a = Integer.compareUnsigned(kk, 32) < 0 ? a << kk : 0;
                    break;
                case BPF_ALU | BPF_RSH | BPF_K:
                    a = Integer.compareUnsigned(kk, 32) < 0 ? a >>> kk : 0;
                    break;
                case BPF_ALU | BPF_NEG:
                    a = -a;
                    break;
                case BPF_MISC | BPF_TAX:
                    x = a;
                    break;
                case BPF_MISC | BPF_TXA:
                    a = x;
                    break;
                default:
                    return 0; // unreachable for a validated program
            }
            pc++;
        }
    }

    private static boolean inBounds(final int offset, final int size, final int buflen)
    {
        return Integer.compareUnsigned(offset, buflen) <= 0 && buflen - offset >= size;
    }
}
