package io.ethdev4j.kni.daemon.server;

import io.ethdev4j.sys.RteLog;

import java.util.concurrent.CountDownLatch;

/** {@code tools/knid}: runs a {@link KnidServer} until SIGTERM/SIGINT, then releases every client's interfaces. */
public final class KnidMain
{
    private KnidMain()
    {
    }

    public static void main(final String[] args) throws InterruptedException
    {
        for (final String a : args)
        {
            if ("-h".equals(a) || "--help".equals(a))
            {
                RteLog.notice("KNID", KnidConfig.USAGE);
                return;
            }
        }
        final KnidConfig config;
        try
        {
            config = KnidConfig.parse(args);
        }
        catch (final IllegalArgumentException ex)
        {
            RteLog.err("KNID", ex.getMessage());
            System.exit(2);
            return;
        }
        final KnidServer server;
        try
        {
            server = new KnidServer(config);
        }
        catch (final RuntimeException ex)
        {
            RteLog.err("KNID", "knid: " + ex.getMessage());
            System.exit(1);
            return;
        }
        final CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            RteLog.notice("KNID", "knid stopping: releasing " + server.interfaces() + " interfaces of " +
                server.clients() + " clients");
            server.close();
            done.countDown();
        }, "knid-shutdown"));
        RteLog.notice("KNID", "knid: ready on " + config.socketPath());
        done.await();
    }
}
