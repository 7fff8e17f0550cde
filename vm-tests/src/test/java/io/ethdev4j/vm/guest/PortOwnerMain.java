package io.ethdev4j.vm.guest;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The second process of {@link VfioLifecycleGuestTest}: opens the two wired ports with the EAL options it is given
 * and passes frames both ways. While another process holds them ({@code EBUSY}) it prints {@code BUSY <message>}
 * and tries again on each line of stdin (end of input: exit 2). Then prints {@code OPENED}, {@code TRAFFIC OK},
 * {@code CLOSED} and exits 0; any other failure is exit 1 with the stack trace.
 */
public final class PortOwnerMain
{
    private PortOwnerMain()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        final BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try
        {
            Eal eal = null;
            while (eal == null)
            {
                try
                {
                    eal = Eal.init(args);
                }
                catch (final EthDevException ex)
                {
                    if (ex.errno() != Errno.EBUSY)
                    {
                        throw ex;
                    }
                    System.out.println("BUSY " + ex.getMessage());
                    System.out.flush();
                    if (stdin.readLine() == null)
                    {
                        System.exit(2);
                    }
                }
            }
            try
            {
                System.out.println("OPENED " + eal.portCount() + " ports");
                final WirePair wire = new WirePair(eal, "owner");
                final int inUse = wire.pool.inUse();
                wire.startBoth();
                wire.exchangeBothWays(32);
                wire.ports[0].stop();
                wire.ports[1].stop();
                if (wire.pool.inUse() != inUse)
                {
                    throw new AssertionError("mbufs leaked: " + wire.pool.inUse() + " in use after stop, " + inUse + " before");
                }
                System.out.println("TRAFFIC OK");
            }
            finally
            {
                eal.close();
            }
            System.out.println("CLOSED");
            System.out.flush();
            System.exit(0);
        }
        catch (final RuntimeException | AssertionError ex)
        {
            ex.printStackTrace(System.out);
            System.out.flush();
            System.exit(1);
        }
    }
}
