package io.ethdev4j.pmd.pcap;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.testkit.Capability;
import io.ethdev4j.testkit.EthDevConformance;
import io.ethdev4j.testkit.PortFixture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.ethdev4j.testkit.Capability.*;

/**
 * net_pcap replaying a small classic pcap file in a loop ({@code infinite_rx=1}) and writing tx to a file, which the
 * suites read back ({@link PortFixture#withTxRecord}) where a wired port's peer would receive.
 */
class PcapPmdConformanceTest extends EthDevConformance
{
    private static final Path DIR;
    private static final Path RX_FILE;

    static
    {
        try
        {
            DIR = Files.createTempDirectory("pcap-conformance");
            DIR.toFile().deleteOnExit();
            RX_FILE = DIR.resolve("rx.pcap");
            final int packets = 16;
            final ByteBuffer b = ByteBuffer.allocate(24 + packets * (16 + 64)).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(0xa1b2c3d4).putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(65535).putInt(1);
            for (int i = 0; i < packets; i++)
            {
                b.putInt(1_700_000_000 + i).putInt(0).putInt(64).putInt(64);
                for (int k = 0; k < 64; k++)
                {
                    b.put((byte)(k < 6 ? 0xFF : i + k));
                }
            }
            Files.write(RX_FILE, b.array());
            RX_FILE.toFile().deleteOnExit();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private int seq;

    @Override
    protected PortFixture open()
    {
        final Path tx = DIR.resolve("tx" + (seq++) + ".pcap");
        tx.toFile().deleteOnExit();
        final Eal eal = Eal.init("--no-huge", "--vdev", "net_pcap0,rx_pcap=" + RX_FILE + ",tx_pcap=" + tx + ",infinite_rx=1");
        return PortFixture.single(eal, eal.port(0)).withTxRecord(() -> readFrames(tx));
    }

    @Override
    protected Set<Capability> capabilities()
    {
        return EnumSet.of(RX_WITHOUT_TX, TX_SINK, LINK_FOLLOWS_START, LINK_UP_DOWN, MTU_SET, MAC_SET, PROMISCUOUS, ALLMULTICAST);
    }

    /** The frames of a little-endian classic pcap file (net_pcap writes the nanosecond magic), in order. */
    private static List<byte[]> readFrames(final Path file)
    {
        try
        {
            final ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            if (b.remaining() < 24 || b.getInt(0) != 0xa1b23c4d && b.getInt(0) != 0xa1b2c3d4)
            {
                throw new AssertionError(file + ": not a little-endian pcap file (" + b.remaining() + " bytes)");
            }
            b.position(24);
            final List<byte[]> frames = new ArrayList<>();
            while (b.remaining() >= 16)
            {
                b.getInt();
                b.getInt();
                final int inclLen = b.getInt();
                final int origLen = b.getInt();
                if (inclLen != origLen || inclLen > b.remaining())
                {
                    throw new AssertionError(file + ": record " + frames.size() + " incl_len " + inclLen +
                        ", orig_len " + origLen + ", " + b.remaining() + " bytes left");
                }
                final byte[] f = new byte[inclLen];
                b.get(f);
                frames.add(f);
            }
            if (b.hasRemaining())
            {
                throw new AssertionError(file + ": " + b.remaining() + " bytes after the last record");
            }
            return frames;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    protected String driverName()
    {
        return "net_pcap";
    }
}
