package io.ethdev4j.testpmd;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 behaviour: {@code start} drains the forwarding ports' rx queues first (flush_fwd_rx_queues), so packets
 * left from before are not counted, unless {@code --no-flush-rx}. A net_pcap port whose file holds 10 packets shows
 * it: flushed, forwarding sees none; with --no-flush-rx it forwards all 10.
 */
class FlushRxTest
{
    private static Path pcapOf10(final Path dir) throws IOException
    {
        final ByteBuffer b = ByteBuffer.allocate(24 + 10 * (16 + 64)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xa1b2c3d4).putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(65535).putInt(1);
        for (int i = 0; i < 10; i++)
        {
            b.putInt(i).putInt(0).putInt(64).putInt(64);
            b.put(new byte[] {-1, -1, -1, -1, -1, -1, 2, 0, 0, 0, 0, 1, (byte)0x88, (byte)0xb5});
            b.position(b.position() + 50);
        }
        return Files.write(dir.resolve("ten.pcap"), b.array());
    }

    private static long port0Rx(final Path pcap, final String... extra)
    {
        final String[] base = {"--no-huge", "-m", "512", "--no-pci", "--vdev", "net_pcap0,rx_pcap=" + pcap, "--vdev",
            "net_null1,no-rx=1", "-l", "0-1", "--", "--total-num-mbufs=16384", "-i"};
        final String[] argv = new String[base.length + extra.length];
        System.arraycopy(base, 0, argv, 0, base.length);
        System.arraycopy(extra, 0, argv, base.length, extra.length);
        final Sessions s = Sessions.runRaw("start\nstop\nquit\n", argv);
        assertEquals(0, s.rc, s.err);
        final Matcher m = Pattern.compile("Forward statistics for port 0  -+\n  RX-packets: (\\d+)").matcher(s.out);
        assertTrue(m.find(), s.out);
        return Long.parseLong(m.group(1));
    }

    @Test
    void shouldDrainRxQueuesAtStartUnlessNoFlushRx(@TempDir final Path dir) throws IOException
    {
        final Path pcap = pcapOf10(dir);
        assertEquals(0, port0Rx(pcap), "flushed at start: the file's packets are not forwarded");
        assertEquals(10, port0Rx(pcap, "--no-flush-rx"), "--no-flush-rx: every packet of the file is forwarded");
    }
}
