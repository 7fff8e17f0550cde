package io.ethdev4j.pci.qemu;

/**
 * The backend of the emulated NIC's wire: a UDP socket pair on 127.0.0.1 (each frame = one datagram; no root, no
 * TAP), a TCP connection on 127.0.0.1 between two models (lossless), or a TAP interface the caller created (e.g. in
 * a test network namespace).
 */
public final class QemuNetdev
{
    private static final String LOOPBACK = "127.0.0.1";

    private final String arg;
    private final String description;

    private QemuNetdev(final String arg, final String description)
    {
        this.arg = arg;
        this.description = description;
    }

    /**
     * QEMU's {@code -netdev dgram}: it binds 127.0.0.1:{@code qemuPort} and sends every transmitted frame as one
     * datagram to 127.0.0.1:{@code peerPort}; every datagram it receives there is a received frame.
     */
    public static QemuNetdev udp(final int qemuPort, final int peerPort)
    {
        checkPort(qemuPort, "qemuPort");
        checkPort(peerPort, "peerPort");
        return new QemuNetdev("dgram,id=%s,local.type=inet,local.host=" + LOOPBACK + ",local.port=" + qemuPort +
            ",remote.type=inet,remote.host=" + LOOPBACK + ",remote.port=" + peerPort,
            "udp " + LOOPBACK + ":" + qemuPort + " <-> " + LOOPBACK + ":" + peerPort);
    }

    /**
     * QEMU's {@code -netdev stream} as the listening end of a TCP connection on 127.0.0.1:{@code port}; the other
     * model connects with {@link #tcpConnect} once this one runs. Each frame travels length-prefixed on the
     * connection, so TCP's flow control holds back a burst the receiving model cannot take yet (QEMU queues it and
     * the receiver stops reading while its rx ring is full), where a {@link #udp} wire drops whatever overflows the
     * receiving socket's buffer (about 200 small frames with Linux's default rmem). For two models cabled to each
     * other that must not lose a frame, e.g. a NIC pair sending 512-frame bursts.
     */
    public static QemuNetdev tcpListen(final int port)
    {
        checkPort(port, "port");
        return new QemuNetdev("stream,id=%s,server=on,addr.type=inet,addr.host=" + LOOPBACK + ",addr.port=" + port,
            "tcp " + LOOPBACK + ":" + port + " (listening)");
    }

    /** The connecting end of {@link #tcpListen}: QEMU connects to 127.0.0.1:{@code port} as it starts. */
    public static QemuNetdev tcpConnect(final int port)
    {
        checkPort(port, "port");
        return new QemuNetdev("stream,id=%s,server=off,addr.type=inet,addr.host=" + LOOPBACK + ",addr.port=" + port,
            "tcp " + LOOPBACK + ":" + port + " (connecting)");
    }

    /** QEMU's {@code -netdev tap} on an existing interface {@code ifname} (no scripts run). */
    public static QemuNetdev tap(final String ifname)
    {
        if (ifname == null || ifname.isEmpty() || ifname.length() > 15 || !ifname.matches("[A-Za-z0-9_.-]+"))
        {
            throw new IllegalArgumentException("QemuNetdev.tap(ifname='" + ifname +
                "'): an interface name of 1..15 characters [A-Za-z0-9_.-]");
        }
        return new QemuNetdev("tap,id=%s,ifname=" + ifname + ",script=no,downscript=no", "tap " + ifname);
    }

    private static void checkPort(final int port, final String name)
    {
        if (port <= 0 || port > 65535)
        {
            throw new IllegalArgumentException("QemuNetdev(" + name + "=" + port + "): a port in 1..65535");
        }
    }

    String toArg(final String id)
    {
        return String.format(arg, id);
    }

    @Override
    public String toString()
    {
        return description;
    }
}
