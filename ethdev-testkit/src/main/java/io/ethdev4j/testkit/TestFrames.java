package io.ethdev4j.testkit;

import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.mbuf.Mbuf;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The frames the conformance suites send, in one place because both {@link PortConformanceBase} (what the port under
 * test sends) and {@link PortFixture} (what a NIC pair's peer sends as rx stimulus) build them.
 * <pre>
 * sequence frame (ether type 0x88B5):
 *   0        6        12   14     18                 length
 *   +--------+--------+----+------+------------------+
 *   |  dst   |  src   |88B5| seq  | (byte)(seq + i)  |
 *   +--------+--------+----+------+------------------+
 *
 * flow frame (IPv4/UDP, so that a NIC's RSS hashes it by flow), 64 bytes:
 *   0        6        12   14              34             42     46     50      64
 *   +--------+--------+----+---------------+--------------+------+------+-------+
 *   |  dst   |  src   |0800| IPv4 header   | UDP header   | flow | seq  | zeros |
 *   |        |        |    | 10.0.0.1 ->   | sport = 1024 |      |      |       |
 *   |        |        |    | 10.0.0.2      |   + flow     |      |      |       |
 *   +--------+--------+----+---------------+--------------+------+------+-------+
 * </pre>
 * Addresses are locally administered; the destination is the caller's (see {@link PortFixture#destinationFor}).
 */
final class TestFrames
{
    /** The destination the suites always wrote; receivers that do not filter by MAC keep getting it. */
    static final MacAddress DEFAULT_DST = MacAddress.parse("02:01:02:03:04:05");
    static final MacAddress SRC = MacAddress.parse("02:07:08:09:0a:0b");
    static final int SEQ_ETHER_TYPE = 0x88B5;
    static final int SEQ_OFFSET = 14;
    static final int FLOW_FRAME_LENGTH = 64;
    static final int FLOW_ID_OFFSET = 42;
    static final int FLOW_SEQ_OFFSET = 46;
    private static final int IP_OFFSET = 14;
    private static final int UDP_OFFSET = 34;

    private TestFrames()
    {
    }

    /** Writes {@code mac} at {@code offset} (MacAddress has no bulk write into an mbuf). */
    private static void putMac(final Mbuf m, final int offset, final MacAddress mac)
    {
        for (int b = 0; b < 6; b++)
        {
            m.putByte(offset + b, (byte)mac.octet(b));
        }
    }

    /** Appends {@code length} bytes to {@code m} and writes the sequence frame for {@code seq} to {@code dst}. */
    static void fillSeq(final Mbuf m, final MacAddress dst, final int seq, final int length)
    {
        assertTrue(length >= 18 && length <= m.tailroom(), "bad test packet length " + length);
        m.append(length);
        putMac(m, 0, dst);
        putMac(m, 6, SRC);
        m.putShortBE(12, SEQ_ETHER_TYPE);
        m.putIntBE(SEQ_OFFSET, seq);
        for (int b = 18; b < length; b++)
        {
            m.putByte(b, (byte)(seq + b));
        }
    }

    /** Asserts {@code m} is the sequence frame for {@code seq} with {@code length} bytes. */
    static void assertSeq(final Mbuf m, final int seq, final int length)
    {
        assertEquals(length, m.pktLen(), "pkt_len of packet " + seq);
        assertEquals(seq, m.getIntBE(SEQ_OFFSET), "sequence number (order or corruption)");
        assertEquals(SEQ_ETHER_TYPE, m.getShortBE(12), "ether type of packet " + seq);
        if (m.isContiguous())
        {
            for (int b = 18; b < length; b++)
            {
                if (m.getByte(b) != (byte)(seq + b))
                {
                    fail("payload byte " + b + " of packet " + seq + " corrupted");
                }
            }
        }
    }

    /** Asserts {@code frame} (bytes a port wrote) is the sequence frame for {@code seq} with {@code length} bytes. */
    static void assertSeq(final byte[] frame, final int seq, final int length)
    {
        assertEquals(length, frame.length, "length of frame " + seq);
        assertEquals(SEQ_ETHER_TYPE, (frame[12] & 0xFF) << 8 | (frame[13] & 0xFF), "ether type of frame " + seq);
        final int got = (frame[SEQ_OFFSET] & 0xFF) << 24 | (frame[SEQ_OFFSET + 1] & 0xFF) << 16 |
            (frame[SEQ_OFFSET + 2] & 0xFF) << 8 | (frame[SEQ_OFFSET + 3] & 0xFF);
        assertEquals(seq, got, "sequence number (order or corruption)");
        for (int b = 18; b < length; b++)
        {
            if (frame[b] != (byte)(seq + b))
            {
                fail("payload byte " + b + " of frame " + seq + " corrupted");
            }
        }
    }

    /** Appends {@value #FLOW_FRAME_LENGTH} bytes to {@code m}: the flow frame of {@code flow} carrying {@code seq}. */
    static void fillFlow(final Mbuf m, final MacAddress dst, final int flow, final int seq)
    {
        m.append(FLOW_FRAME_LENGTH);
        for (int b = 0; b < FLOW_FRAME_LENGTH; b++)
        {
            m.putByte(b, (byte)0);
        }
        putMac(m, 0, dst);
        putMac(m, 6, SRC);
        m.putShortBE(12, 0x0800);
        final int ipLength = FLOW_FRAME_LENGTH - IP_OFFSET;
        m.putByte(IP_OFFSET, (byte)0x45);
        m.putShortBE(IP_OFFSET + 2, ipLength);
        m.putByte(IP_OFFSET + 8, (byte)64);
        m.putByte(IP_OFFSET + 9, (byte)17);
        m.putIntBE(IP_OFFSET + 12, 0x0A00_0001);
        m.putIntBE(IP_OFFSET + 16, 0x0A00_0002);
        int sum = 0;
        for (int b = 0; b < 20; b += 2)
        {
            sum += m.getShortBE(IP_OFFSET + b);
        }
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        m.putShortBE(IP_OFFSET + 10, ~sum & 0xFFFF);
        m.putShortBE(UDP_OFFSET, 1024 + flow);
        m.putShortBE(UDP_OFFSET + 2, 9);
        m.putShortBE(UDP_OFFSET + 4, ipLength - 20);
        m.putIntBE(FLOW_ID_OFFSET, flow);
        m.putIntBE(FLOW_SEQ_OFFSET, seq);
    }
}
