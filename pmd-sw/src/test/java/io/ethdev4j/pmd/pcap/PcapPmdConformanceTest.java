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
import java.util.EnumSet;
import java.util.Set;

import static io.ethdev4j.testkit.Capability.*;

/** net_pcap replaying a small classic pcap file in a loop ({@code infinite_rx=1}) and writing tx to a file. */
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
        return PortFixture.single(eal, eal.port(0));
    }

    @Override
    protected Set<Capability> capabilities()
    {
        return EnumSet.of(RX_WITHOUT_TX, LINK_FOLLOWS_START, LINK_UP_DOWN, MTU_SET, MAC_SET, PROMISCUOUS, ALLMULTICAST);
    }

    @Override
    protected String driverName()
    {
        return "net_pcap";
    }
}
