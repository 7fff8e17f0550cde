package io.ethdev4j.pdump;

import org.agrona.UnsafeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.ethdev4j.pdump.BpfProgram.*;
import static org.junit.jupiter.api.Assertions.*;

class BpfProgramTest
{
    private final long buf = UnsafeApi.allocateMemory(2048);

    @AfterEach
    void free()
    {
        UnsafeApi.freeMemory(buf);
    }

    /** tcpdump -d 'udp port 53' on DLT_EN10MB (libpcap 1.10.3), as { code, jt, jf, k }. */
    static final int[][] UDP_PORT_53 = {
        {0x28, 0, 0, 0x0000000c}, {0x15, 0, 6, 0x000086dd}, {0x30, 0, 0, 0x00000014}, {0x15, 0, 15, 0x00000011},
        {0x28, 0, 0, 0x00000036}, {0x15, 12, 0, 0x00000035}, {0x28, 0, 0, 0x00000038}, {0x15, 10, 11, 0x00000035},
        {0x15, 0, 10, 0x00000800}, {0x30, 0, 0, 0x00000017}, {0x15, 0, 8, 0x00000011}, {0x28, 0, 0, 0x00000014},
        {0x45, 6, 0, 0x00001fff}, {0xb1, 0, 0, 0x0000000e}, {0x48, 0, 0, 0x0000000e}, {0x15, 2, 0, 0x00000035},
        {0x48, 0, 0, 0x00000010}, {0x15, 0, 1, 0x00000035}, {0x06, 0, 0, 0x00040000}, {0x06, 0, 0, 0x00000000},
    };

    static BpfProgram program(final int[][] insns)
    {
        final int n = insns.length;
        final short[] code = new short[n];
        final byte[] jt = new byte[n];
        final byte[] jf = new byte[n];
        final int[] k = new int[n];
        for (int i = 0; i < n; i++)
        {
            code[i] = (short)insns[i][0];
            jt[i] = (byte)insns[i][1];
            jf[i] = (byte)insns[i][2];
            k[i] = insns[i][3];
        }
        return BpfProgram.of(code, jt, jf, k);
    }

    private int udpIpv4(final int srcPort, final int dstPort)
    {
        final byte[] f = new byte[60];
        f[12] = 0x08; // IPv4
        f[14] = 0x45;
        f[23] = 17; // UDP
        f[34] = (byte)(srcPort >> 8);
        f[35] = (byte)srcPort;
        f[36] = (byte)(dstPort >> 8);
        f[37] = (byte)dstPort;
        for (int i = 0; i < f.length; i++)
        {
            UnsafeApi.putByte(buf + i, f[i]);
        }
        return f.length;
    }

    @Test
    void shouldRunLibpcapsUdpPort53Program()
    {
        final BpfProgram p = program(UDP_PORT_53);
        assertEquals(0x40000, p.run(buf, udpIpv4(1234, 53), 60), "dst port 53");
        assertEquals(0x40000, p.run(buf, udpIpv4(53, 999), 60), "src port 53");
        assertEquals(0, p.run(buf, udpIpv4(1234, 54), 60), "other port");
        UnsafeApi.putByte(buf + 23, (byte)6);
        assertEquals(0, p.run(buf, 60, 60), "TCP");
        udpIpv4(1234, 53);
        UnsafeApi.putByte(buf + 21, (byte)1); // fragment offset 8: a later fragment, no ports to look at
        assertEquals(0, p.run(buf, 60, 60));
    }

    @Test
    void shouldRejectWhenALoadFallsOutsideThePacket()
    {
        final BpfProgram p = program(UDP_PORT_53);
        udpIpv4(1234, 53);
        assertEquals(0, p.run(buf, 30, 60), "the ports are past the 30 bytes given (bpf_filter returns 0)");
        assertEquals(0, program(new int[][] {{BPF_LD | BPF_W | BPF_ABS, 0, 0, -1}, {0x16, 0, 0, 0}}).run(buf, 60, 60));
        assertEquals(0, program(new int[][] {{BPF_LDX | BPF_IMM, 0, 0, -4}, {BPF_LD | BPF_B | BPF_IND, 0, 0, 8},
            {0x16, 0, 0, 0}}).run(buf, 60, 60), "x + k wraps");
    }

    @Test
    void shouldComputeAluAndMemoryLikeBpfFilter()
    {
        final BpfProgram p = program(new int[][] {
            {BPF_LD | BPF_W | BPF_LEN, 0, 0, 0},          // A = wirelen (100)
            {BPF_ALU | BPF_MUL | BPF_K, 0, 0, 3},         // 300
            {BPF_ST, 0, 0, 5},                            // M[5] = 300
            {BPF_LDX | BPF_IMM, 0, 0, 7},
            {BPF_ALU | BPF_MOD | BPF_X, 0, 0, 0},         // 300 % 7 = 6
            {BPF_MISC | BPF_TAX, 0, 0, 0},                // X = 6
            {BPF_LD | BPF_MEM, 0, 0, 5},                  // A = 300
            {BPF_ALU | BPF_SUB | BPF_X, 0, 0, 0},         // 294
            {BPF_ALU | BPF_RSH | BPF_K, 0, 0, 1},         // 147
            {BPF_JMP | BPF_JEQ | BPF_K, 1, 0, 147},
            {BPF_RET | BPF_K, 0, 0, 0},
            {BPF_RET | BPF_A, 0, 0, 0},
        });
        assertEquals(147, p.run(buf, 0, 100));
        assertEquals(0, program(new int[][] {{BPF_LDX | BPF_IMM, 0, 0, 0}, {BPF_ALU | BPF_DIV | BPF_X, 0, 0, 0},
            {BPF_RET | BPF_K, 0, 0, 1}}).run(buf, 0, 10), "division by X = 0 rejects");
    }

    @Test
    void shouldRefuseProgramsThatCouldMisbehave()
    {
        assertThrows(IllegalArgumentException.class, () -> program(new int[][] {}), "empty");
        assertThrows(IllegalArgumentException.class, () -> program(new int[][] {{BPF_LD | BPF_IMM, 0, 0, 1}}),
            "no return at the end");
        assertThrows(IllegalArgumentException.class, () -> program(new int[][] {{BPF_JMP | BPF_JEQ | BPF_K, 5, 0, 1},
            {BPF_RET | BPF_K, 0, 0, 1}}), "jump past the end");
        assertThrows(IllegalArgumentException.class, () -> program(new int[][] {{BPF_JMP | BPF_JA, 0, 0, -1},
            {BPF_RET | BPF_K, 0, 0, 1}}), "backward jump");
        assertThrows(IllegalArgumentException.class, () -> program(new int[][] {{BPF_ST, 0, 0, 16},
            {BPF_RET | BPF_K, 0, 0, 1}}), "scratch memory index 16");
        assertThrows(IllegalArgumentException.class, () -> program(new int[][] {{BPF_ALU | BPF_DIV | BPF_K, 0, 0, 0},
            {BPF_RET | BPF_K, 0, 0, 1}}), "division by constant 0");
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> program(new int[][] {{0xff, 0, 0, 0}, {BPF_RET | BPF_K, 0, 0, 1}}));
        assertEquals("BPF instruction 0 is invalid: { 0xff, 0, 0, 0x00000000 }", ex.getMessage());
    }
}
