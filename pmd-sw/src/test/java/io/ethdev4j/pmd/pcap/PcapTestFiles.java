package io.ethdev4j.pmd.pcap;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hand-made capture files, test frames and the tool gate for the net_pcap tests. */
final class PcapTestFiles
{
    private PcapTestFiles()
    {
    }

    /** An Ethernet frame of {@code len} bytes: broadcast dst, a fixed src, EtherType 0x88b5, a seeded pattern. */
    static byte[] frame(final int len, final int seed)
    {
        final byte[] b = new byte[len];
        for (int i = 0; i < len; i++)
        {
            b[i] = (byte)(seed * 31 + i * 7 + (i >> 8));
        }
        final byte[] hdr = {-1, -1, -1, -1, -1, -1, 2, 0, 0, 0, 0, (byte)seed, (byte)0x88, (byte)0xb5};
        System.arraycopy(hdr, 0, b, 0, Math.min(len, hdr.length));
        return b;
    }

    /** A classic pcap file; {@code tsFrac[i]} is µs or ns by {@code nanos}. */
    static byte[] pcap(final ByteOrder order, final boolean nanos, final int linktype, final byte[][] pkts,
        final long[] tsSec, final long[] tsFrac)
    {
        int size = 24;
        for (final byte[] p : pkts)
        {
            size += 16 + p.length;
        }
        final ByteBuffer b = ByteBuffer.allocate(size).order(order);
        b.putInt(nanos ? 0xA1B23C4D : 0xA1B2C3D4).putShort((short)2).putShort((short)4).putInt(0).putInt(0)
            .putInt(65535).putInt(linktype);
        for (int i = 0; i < pkts.length; i++)
        {
            b.putInt((int)tsSec[i]).putInt((int)tsFrac[i]).putInt(pkts[i].length).putInt(pkts[i].length).put(pkts[i]);
        }
        return b.array();
    }

    static byte[] pcap(final ByteOrder order, final boolean nanos, final byte[]... pkts)
    {
        final long[] sec = new long[pkts.length];
        final long[] frac = new long[pkts.length];
        for (int i = 0; i < pkts.length; i++)
        {
            sec[i] = 1_700_000_000L + i;
            frac[i] = 1000 + i;
        }
        return pcap(order, nanos, 1, pkts, sec, frac);
    }

    /** Builds a pcapng file block by block. */
    static final class Pcapng
    {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private ByteOrder order;

        Pcapng(final ByteOrder order)
        {
            this.order = order;
        }

        private Pcapng block(final int type, final byte[] body)
        {
            final int pad = (4 - body.length % 4) % 4;
            final int total = 12 + body.length + pad;
            final ByteBuffer b = ByteBuffer.allocate(total).order(order);
            b.putInt(type).putInt(total).put(body).position(8 + body.length + pad);
            b.putInt(total);
            out.writeBytes(b.array());
            return this;
        }

        private ByteBuffer body(final int len)
        {
            return ByteBuffer.allocate(len).order(order);
        }

        Pcapng shb(final ByteOrder newOrder)
        {
            order = newOrder;
            final ByteBuffer b = body(16);
            b.putInt(0x1A2B3C4D).putShort((short)1).putShort((short)0).putLong(-1);
            return block(0x0A0D0D0A, b.array());
        }

        Pcapng shb()
        {
            return shb(order);
        }

        /** An IDB; tsresol &lt; 0 leaves the option out (µs). */
        Pcapng idb(final int linktype, final int snaplen, final int tsresol, final long tsoffsetSec)
        {
            final ByteBuffer b = body(8 + 8 + 12 + 12 + 4);
            b.putShort((short)linktype).putShort((short)0).putInt(snaplen);
            b.putShort((short)2).putShort((short)3).put(new byte[] {'e', 't', 'h'}).put((byte)0);  // if_name
            if (tsresol >= 0)
            {
                b.putShort((short)9).putShort((short)1).put((byte)tsresol).put(new byte[3]);
            }
            if (tsoffsetSec != 0)
            {
                b.putShort((short)14).putShort((short)8).putLong(tsoffsetSec);
            }
            b.putShort((short)0).putShort((short)0);
            return block(1, java.util.Arrays.copyOf(b.array(), b.position()));
        }

        Pcapng idb(final int linktype)
        {
            return idb(linktype, 0, -1, 0);
        }

        Pcapng epb(final int iface, final long ts, final byte[] data)
        {
            final int pad = (4 - data.length % 4) % 4;
            final ByteBuffer b = body(20 + data.length + pad + 8);
            b.putInt(iface).putInt((int)(ts >>> 32)).putInt((int)ts).putInt(data.length).putInt(data.length).put(data);
            b.position(b.position() + pad);
            b.putShort((short)1).putShort((short)1).put((byte)'c').put(new byte[3]);  // opt_comment, then no endofopt
            return block(6, b.array());
        }

        Pcapng pb(final int iface, final long ts, final byte[] data)
        {
            final int pad = (4 - data.length % 4) % 4;
            final ByteBuffer b = body(20 + data.length + pad);
            b.putShort((short)iface).putShort((short)0).putInt((int)(ts >>> 32)).putInt((int)ts).putInt(data.length)
                .putInt(data.length).put(data);
            return block(2, b.array());
        }

        Pcapng spb(final byte[] data)
        {
            final int pad = (4 - data.length % 4) % 4;
            final ByteBuffer b = body(4 + data.length + pad);
            b.putInt(data.length).put(data);
            return block(3, b.array());
        }

        Pcapng unknown(final int type, final int bodyLength)
        {
            final byte[] body = new byte[bodyLength];
            java.util.Arrays.fill(body, (byte)0x5A);
            return block(type, body);
        }

        Pcapng raw(final byte[] bytes)
        {
            out.writeBytes(bytes);
            return this;
        }

        byte[] bytes()
        {
            return out.toByteArray();
        }
    }

    static Path write(final Path dir, final String name, final byte[] content) throws java.io.IOException
    {
        final Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    /** Skips the test with the reason when {@code command} is missing; fails it instead under {@code CI=true}. */
    static void requireCommand(final String command)
    {
        io.ethdev4j.testkit.Prerequisites.requireCommand(command);
    }
}
