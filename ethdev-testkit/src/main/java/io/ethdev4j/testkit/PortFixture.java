package io.ethdev4j.testkit;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDev;

/**
 * The port(s) a conformance suite runs against: a fresh runtime, the port under test and, for drivers that loop
 * traffic back, the port that receives what the port under test sends (the port itself for a self-wired port,
 * the other end for a back-to-back pair). Closing the fixture closes the runtime (ports, pools, memory).
 */
public final class PortFixture implements AutoCloseable
{
    private final Eal eal;
    private final EthDev port;
    private final EthDev peer;

    private PortFixture(final Eal eal, final EthDev port, final EthDev peer)
    {
        this.eal = eal;
        this.port = port;
        this.peer = peer;
    }

    /** A port with no loopback partner. */
    public static PortFixture single(final Eal eal, final EthDev port)
    {
        return new PortFixture(eal, port, null);
    }

    /** A port that receives what it sends (queue q to queue q). */
    public static PortFixture loopback(final Eal eal, final EthDev port)
    {
        return new PortFixture(eal, port, port);
    }

    /** Two ports wired back to back: what {@code port} sends, {@code peer} receives. */
    public static PortFixture pair(final Eal eal, final EthDev port, final EthDev peer)
    {
        return new PortFixture(eal, port, peer);
    }

    public Eal eal()
    {
        return eal;
    }

    public EthDev port()
    {
        return port;
    }

    /** The port receiving {@link #port()}'s traffic; null when there is none, {@link #port()} when self-wired. */
    public EthDev peer()
    {
        return peer;
    }

    public boolean hasSeparatePeer()
    {
        return peer != null && peer != port;
    }

    @Override
    public void close()
    {
        eal.close();
    }

    @Override
    public String toString()
    {
        return "PortFixture[" + port + (peer == null ? "" : peer == port ? ", self-wired" : ", peer=" + peer) + "]";
    }
}
