package io.ethdev4j.testpmd.ixgbediff;

import io.ethdev4j.sys.LibC;
import org.agrona.UnsafeApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model server's side of the shim protocol, driven by a client in this JVM: reads and writes reach the model,
 * a memory window announced as {@code /proc/<pid>/fd/<n>} is mapped shared (a write through the window is seen in
 * the announcing process's mapping), and a bad request (unknown op, unaligned offset, an address outside every
 * window) ends the connection with a failure that names it.
 */
class ModelServerTest
{
    @TempDir
    Path work;

    private static ByteBuffer request(final int op, final int arg, final long a, final long b, final long c)
    {
        final ByteBuffer r = ByteBuffer.allocate(ModelServer.RECORD_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        r.putInt(op).putInt(arg).putLong(a).putLong(b).putLong(c).flip();
        return r;
    }

    /** Sends one request; the reply, or null when the server closed the connection. */
    private static ByteBuffer exchange(final SocketChannel ch, final ByteBuffer req) throws IOException
    {
        while (req.hasRemaining())
        {
            ch.write(req);
        }
        final ByteBuffer reply = ByteBuffer.allocate(ModelServer.RECORD_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        while (reply.hasRemaining())
        {
            if (ch.read(reply) < 0)
            {
                return null;
            }
        }
        return reply.flip();
    }

    private static SocketChannel connect(final ModelServer server) throws IOException
    {
        final SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(server.socket()));
        return ch;
    }

    @Test
    void shouldServeReadsWritesAndASharedMemoryWindow() throws Exception
    {
        final RamBar ram = new RamBar();
        final long[] seen = new long[1];
        final int memfd = LibC.memfdCreate("ixgbe-diff-test", LibC.MFD_CLOEXEC);
        final long len = 2 * 1024 * 1024;
        LibC.ftruncateChecked(memfd, len);
        final long mine = LibC.mmapChecked(0, len, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, memfd, 0);
        try
        {
            final DmaWindows[] dma = new DmaWindows[1];
            try (ModelServer server = new ModelServer(work.resolve("s.sock"), d ->
            {
                dma[0] = d;
                return ram;
            }); SocketChannel ch = connect(server))
            {
                final long remote = 0x7000_0000_0000L; // any address: the "driver" says where it sees the window
                assertEquals(ModelServer.OP_HELLO, exchange(ch, request(ModelServer.OP_HELLO, 0, LibC.pid(), 0, 0))
                    .getInt(0));
                assertEquals(ModelServer.OP_MEM, exchange(ch, request(ModelServer.OP_MEM, memfd, remote, len, 0))
                    .getInt(0));
                exchange(ch, request(ModelServer.OP_WRITE, 0x42A0, 0xCAFEF00DL, 0, 0));
                assertEquals(0xCAFEF00DL, exchange(ch, request(ModelServer.OP_READ, 0x42A0, 0, 0, 0)).getLong(8));
                exchange(ch, request(ModelServer.OP_MARK, 2, 0, 0, 0));
                server.inspect(bar ->
                {
                    final long local = dma[0].toLocal(remote + 4096, 8);
                    UnsafeApi.putLong(local, 0x1122_3344_5566_7788L);
                    seen[0] = UnsafeApi.getLong(mine + 4096);
                    return null;
                });
                final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                    () -> dma[0].toLocal(remote + len - 4, 8));
                assertTrue(ex.getMessage().contains("outside the announced DPDK memory"), ex.getMessage());
                ch.close();
                server.close();
                assertNull(server.failure());
                assertEquals(1, server.reads());
                assertEquals(1, server.writes());
                assertEquals(1, server.windowCount());
                assertTrue(server.marks().get(0).startsWith("start(port 0) begins after 2 accesses"),
                    server.marks().toString());
            }
            assertEquals(0x1122_3344_5566_7788L, seen[0], "the window is the announcing process's memory");
            assertEquals(0xCAFEF00D, ram.regs[0x42A0 >> 2]);
        }
        finally
        {
            LibC.munmapChecked(mine, len);
            LibC.closeChecked(memfd);
        }
    }

    @Test
    void shouldEndTheConnectionNamingABadRequest() throws Exception
    {
        for (final ByteBuffer bad : new ByteBuffer[] {request(99, 0, 0, 0, 0),
            request(ModelServer.OP_READ, 0x42A2, 0, 0, 0)})
        {
            final String expected = bad.getInt(0) == 99 ? "unknown request op 99 from the shim" : "unaligned BAR offset 0x42a2";
            final Path sock = work.resolve("bad.sock");
            try (ModelServer server = new ModelServer(sock, d -> new RamBar()); SocketChannel ch = connect(server))
            {
                assertNull(exchange(ch, bad), "the connection is closed instead of answered");
                server.close();
                assertInstanceOf(IllegalStateException.class, server.failure());
                assertEquals(expected, server.failure().getMessage());
            }
            assertFalse(Files.exists(sock), "socket removed");
        }
    }
}
