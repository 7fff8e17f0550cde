package io.ethdev4j.dumpcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.ethdev4j.pmd.pcap.PcapngBlockDescriptor.*;
import static org.junit.jupiter.api.Assertions.*;

/** A little-endian pcapng file read in full for assertions: interfaces, packets with their options, statistics. */
final class PcapngFile
{
    record Interface(String name, int snaplen, String filter) {}

    record Packet(int interfaceId, long timestampNs, int capturedLength, int originalLength, byte[] data, int flags,
        int queue) {}

    record Stats(int interfaceId, Map<Integer, Long> counters) {}

    final List<Interface> interfaces = new ArrayList<>();
    final List<Packet> packets = new ArrayList<>();
    final List<Stats> stats = new ArrayList<>();
    String application;

    static PcapngFile read(final Path file) throws IOException
    {
        final ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        final PcapngFile f = new PcapngFile();
        int off = 0;
        assertEquals(SHB_TYPE, b.getInt(0), "starts with a section header");
        while (off < b.limit())
        {
            final int type = b.getInt(off);
            final int len = b.getInt(off + BLOCK_TOTAL_LENGTH_OFFSET);
            assertTrue(len >= BLOCK_MIN_LENGTH && len % 4 == 0 && off + len <= b.limit(), "block at " + off);
            assertEquals(len, b.getInt(off + len - 4), "trailing length of the block at " + off);
            final int end = off + len - 4;
            if (type == SHB_TYPE)
            {
                f.application = strings(b, off + SHB_OPTIONS_OFFSET, end).get(OPT_SHB_USERAPPL);
            }
            else if (type == IDB_TYPE)
            {
                final Map<Integer, String> o = strings(b, off + IDB_OPTIONS_OFFSET, end);
                final String filter = o.get(OPT_IF_FILTER);
                f.interfaces.add(new Interface(o.get(OPT_IF_NAME), b.getInt(off + IDB_SNAPLEN_OFFSET),
                    filter == null ? null : filter.substring(1)));
            }
            else if (type == EPB_TYPE)
            {
                final int cap = b.getInt(off + EPB_CAPTURED_LENGTH_OFFSET);
                final byte[] data = new byte[cap];
                b.get(off + EPB_DATA_OFFSET, data);
                final Map<Integer, Long> o = numbers(b, off + EPB_DATA_OFFSET + align4(cap), end, false);
                final long ts = (b.getInt(off + EPB_TIMESTAMP_HIGH_OFFSET) & 0xFFFFFFFFL) << 32 |
                    b.getInt(off + EPB_TIMESTAMP_LOW_OFFSET) & 0xFFFFFFFFL;
                f.packets.add(new Packet(b.getInt(off + EPB_INTERFACE_ID_OFFSET), ts, cap,
                    b.getInt(off + EPB_ORIGINAL_LENGTH_OFFSET), data, o.getOrDefault(OPT_EPB_FLAGS, -1L).intValue(),
                    o.getOrDefault(OPT_EPB_QUEUE, -1L).intValue()));
            }
            else if (type == ISB_TYPE)
            {
                f.stats.add(new Stats(b.getInt(off + ISB_INTERFACE_ID_OFFSET),
                    numbers(b, off + ISB_OPTIONS_OFFSET, end, true)));
            }
            off += len;
        }
        return f;
    }

    private static Map<Integer, String> strings(final ByteBuffer b, final int from, final int end)
    {
        final Map<Integer, String> m = new HashMap<>();
        for (int o = from; o + 4 <= end && b.getShort(o) != OPT_ENDOFOPT; )
        {
            final int len = b.getShort(o + OPTION_LENGTH_OFFSET) & 0xFFFF;
            final byte[] v = new byte[len];
            b.get(o + OPTION_VALUE_OFFSET, v);
            m.put((int)b.getShort(o), new String(v, StandardCharsets.UTF_8));
            o += OPTION_VALUE_OFFSET + align4(len);
        }
        return m;
    }

    private static Map<Integer, Long> numbers(final ByteBuffer b, final int from, final int end, final boolean u64)
    {
        final Map<Integer, Long> m = new HashMap<>();
        for (int o = from; o + 4 <= end && b.getShort(o) != OPT_ENDOFOPT; )
        {
            final int len = b.getShort(o + OPTION_LENGTH_OFFSET) & 0xFFFF;
            final long v = len == 8 && u64 ? b.getLong(o + OPTION_VALUE_OFFSET) : len >= 4 ?
                b.getInt(o + OPTION_VALUE_OFFSET) & 0xFFFFFFFFL : 0;
            m.put((int)b.getShort(o), v);
            o += OPTION_VALUE_OFFSET + align4(len);
        }
        return m;
    }

    long count(final int interfaceId, final int flags)
    {
        return packets.stream().filter(p -> p.interfaceId() == interfaceId && p.flags() == flags).count();
    }
}
