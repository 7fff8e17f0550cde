package io.ethdev4j.test;

import java.nio.ByteBuffer;

/** Builds Ethernet/IPv4/UDP frames (UDP checksum 0, IPv4 header checksum computed). */
public final class Frames
{
    private Frames()
    {
    }

    public static byte[] udp(final byte[] dstMac, final byte[] srcMac, final byte[] srcIp, final byte[] dstIp,
        final int srcPort, final int dstPort, final byte[] payload)
    {
        final int ipLen = 20 + 8 + payload.length;
        final ByteBuffer b = ByteBuffer.allocate(14 + ipLen);
        b.put(dstMac).put(srcMac).putShort((short)0x0800);
        final int ip = b.position();
        b.put((byte)0x45).put((byte)0).putShort((short)ipLen).putShort((short)0).putShort((short)0x4000)
            .put((byte)64).put((byte)17).putShort((short)0).put(srcIp).put(dstIp);
        int sum = 0;
        for (int i = 0; i < 20; i += 2)
        {
            sum += ((b.get(ip + i) & 0xFF) << 8) | (b.get(ip + i + 1) & 0xFF);
        }
        while ((sum >> 16) != 0)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        b.putShort(ip + 10, (short)~sum);
        b.putShort((short)srcPort).putShort((short)dstPort).putShort((short)(8 + payload.length)).putShort((short)0);
        b.put(payload);
        return b.array();
    }

    public static byte[] ip(final String dotted)
    {
        final String[] p = dotted.split("\\.");
        return new byte[] {(byte)Integer.parseInt(p[0]), (byte)Integer.parseInt(p[1]), (byte)Integer.parseInt(p[2]),
            (byte)Integer.parseInt(p[3])};
    }

    /** UDP payload of an Ethernet/IPv4/UDP frame to {@code dstPort}, or null. */
    public static byte[] udpPayload(final byte[] frame, final int dstPort)
    {
        if (frame.length < 42 || frame[12] != 0x08 || frame[13] != 0x00 || frame[23] != 17)
        {
            return null;
        }
        final int ihl = (frame[14] & 0xF) * 4;
        final int udp = 14 + ihl;
        final int port = ((frame[udp + 2] & 0xFF) << 8) | (frame[udp + 3] & 0xFF);
        final int len = ((frame[udp + 4] & 0xFF) << 8) | (frame[udp + 5] & 0xFF);
        if (port != dstPort)
        {
            return null;
        }
        final byte[] p = new byte[len - 8];
        System.arraycopy(frame, udp + 8, p, 0, p.length);
        return p;
    }
}
