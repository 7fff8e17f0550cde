package io.ethdev4j.pdump;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of the {@link PdumpProtocol capture control channel}: what {@code tools/dumpcap} uses to list an
 * application's ports and to enable and disable capture into a {@link CaptureRegion}. Closing it ends the capture
 * in the application.
 */
public final class PdumpClient implements AutoCloseable
{
    private final SocketChannel channel;
    private final BufferedReader in;
    private final PrintWriter out;
    private final ByteBuffer probe = ByteBuffer.allocate(1);

    private PdumpClient(final SocketChannel channel)
    {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        this.out = new PrintWriter(Channels.newOutputStream(channel), false, StandardCharsets.UTF_8);
    }

    /**
     * Connects to the application whose runtime directory is {@code runtimeDir}.
     *
     * @throws EthDevException ENOENT when there is no socket (no application with that prefix runs),
     *                         ECONNREFUSED when nothing listens on it any more
     */
    public static PdumpClient connect(final Path runtimeDir)
    {
        final Path path = runtimeDir.resolve(PdumpProtocol.SOCKET_NAME);
        final String op = "pdumpConnect(" + path + ")";
        if (!Files.exists(path))
        {
            throw EthDevException.of(Errno.ENOENT, op, "no such socket: is the application running with this " +
                "--file-prefix?");
        }
        try
        {
            final SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try
            {
                ch.connect(UnixDomainSocketAddress.of(path));
            }
            catch (final IOException ex)
            {
                ch.close();
                throw EthDevException.of(Errno.ECONNREFUSED, op, "nothing listens on it (the application exited?): " +
                    ex.getMessage());
            }
            return new PdumpClient(ch);
        }
        catch (final IOException ex)
        {
            throw EthDevException.of(Errno.EIO, op, ex.toString());
        }
    }

    /** The application's ports, in id order. */
    public List<PdumpProtocol.PortInfo> ports()
    {
        final List<PdumpProtocol.PortInfo> list = new ArrayList<>();
        for (final String line : request(PdumpProtocol.PORTS, "pdumpPorts()"))
        {
            list.add(PdumpProtocol.PortInfo.parse(line));
        }
        return list;
    }

    /** Asks the application to map {@code region} and tap the queues it names. */
    public void enable(final Path regionFile)
    {
        request(PdumpProtocol.ENABLE + " " + regionFile, "pdumpEnable(" + regionFile + ")");
    }

    /** Asks the application to remove its taps and unmap the region; when this returns no lcore writes to it. */
    public void disable()
    {
        request(PdumpProtocol.DISABLE, "pdumpDisable()");
    }

    /** rte_eth_promiscuous_enable / disable on the application's port. */
    public void promiscuous(final int portId, final boolean on)
    {
        request(PdumpProtocol.PROMISC + " " + portId + " " + (on ? "on" : "off"),
            "pdumpPromiscuous(port=" + portId + ", " + (on ? "on" : "off") + ")");
    }

    /** Sends one request; returns the lines before OK, or throws the application's ERR as an EthDevException. */
    private List<String> request(final String line, final String op)
    {
        final List<String> lines = new ArrayList<>();
        try
        {
            out.print(line + "\n");
            out.flush();
            if (out.checkError())
            {
                throw EthDevException.of(Errno.EPIPE, op, "the application closed the connection");
            }
            String reply;
            while ((reply = in.readLine()) != null)
            {
                if (reply.equals(PdumpProtocol.OK))
                {
                    return lines;
                }
                if (reply.startsWith(PdumpProtocol.ERR + " "))
                {
                    final String rest = reply.substring(PdumpProtocol.ERR.length() + 1);
                    final int sp = rest.indexOf(' ');
                    final int errno = parseErrno(sp < 0 ? rest : rest.substring(0, sp));
                    throw new EthDevException(errno, sp < 0 ? op + " failed: " + Errno.name(errno) : rest.substring(sp + 1));
                }
                lines.add(reply);
            }
            throw EthDevException.of(Errno.EPIPE, op, "the application closed the connection");
        }
        catch (final IOException ex)
        {
            throw EthDevException.of(Errno.EIO, op, ex.toString());
        }
    }

    /**
     * False once the application has closed the connection (it exited or died): dumpcap's check of the primary
     * process (rte_eal_primary_proc_alive). Between requests only.
     */
    public boolean isApplicationAlive()
    {
        try
        {
            channel.configureBlocking(false);
            try
            {
                probe.clear();
                return channel.read(probe) >= 0;
            }
            finally
            {
                channel.configureBlocking(true);
            }
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private static int parseErrno(final String s)
    {
        try
        {
            return Integer.parseInt(s);
        }
        catch (final NumberFormatException ex)
        {
            return Errno.EIO;
        }
    }

    @Override
    public void close()
    {
        try
        {
            channel.close();
        }
        catch (final IOException ignore)
        {
            // closing anyway
        }
    }
}
