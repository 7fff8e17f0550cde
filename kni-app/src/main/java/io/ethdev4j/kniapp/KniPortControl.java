package io.ethdev4j.kniapp;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.eal.Log;
import io.ethdev4j.ethdev.DescLimits;
import io.ethdev4j.ethdev.DevInfo;
import io.ethdev4j.ethdev.EthConf;
import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.MacAddress;
import io.ethdev4j.kni.KniOps;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.sys.Errno;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The example's port handling: init_port, the KNI callbacks (kni_change_mtu, kni_config_network_interface,
 * kni_config_mac_address) and the port half of kni_free_kni, with its log lines. The callbacks run on the port's rx
 * lcore (which calls {@code handleRequest}); they raise {@link #pause()} while they stop and start the port, so the tx
 * lcores wait, as the example's {@code kni_pause}. Promiscuous and all-multicast requests have no callback, as in the
 * example: the KNI library applies them to {@code port_id} itself.
 */
final class KniPortControl
{
    /** NB_RXD, NB_TXD. */
    static final int NB_RXD = 1024;
    static final int NB_TXD = 1024;

    private final Eal eal;
    private final MbufPool pool;
    private final boolean promiscuous;
    /** kni_pause: callbacks in progress; the lcores spin while non-zero. */
    private final AtomicInteger pause = new AtomicInteger();

    KniPortControl(final Eal eal, final MbufPool pool, final boolean promiscuous)
    {
        this.eal = eal;
        this.pool = pool;
        this.promiscuous = promiscuous;
    }

    AtomicInteger pause()
    {
        return pause;
    }

    /** The ops of a port's first KNI: port_id and the three callbacks. */
    KniOps ops(final int portId)
    {
        return new KniOps().portId(portId).changeMtu(this::changeMtu).configNetworkIf(this::configNetworkInterface)
            .configMacAddress(this::configMacAddress);
    }

    /** init_port: 1 rx and 1 tx queue of NB_RXD/NB_TXD descriptors (adjusted to the port), start, -P. */
    void initPort(final int port)
    {
        Log.info("APP", "Initialising port " + port + " ...");
        final EthDev dev = eal.port(port);
        final DevInfo info;
        try
        {
            info = dev.info();
        }
        catch (final EthDevException ex)
        {
            throw new KniAppExit("Error during getting device (port " + port + ") info: " + ex.getMessage(), ex);
        }
        try
        {
            dev.configure(1, 1, new EthConf());
        }
        catch (final EthDevException ex)
        {
            throw new KniAppExit("Could not configure port" + port + " (" + -ex.errno() + "): " + ex.getMessage(), ex);
        }
        setupQueuesOrExit(dev, info);
        try
        {
            dev.start();
        }
        catch (final EthDevException ex)
        {
            throw new KniAppExit("Could not start port" + port + " (" + -ex.errno() + "): " + ex.getMessage(), ex);
        }
        if (promiscuous)
        {
            try
            {
                dev.promiscuousEnable();
            }
            catch (final EthDevException ex)
            {
                throw new KniAppExit("Could not enable promiscuous mode for port" + port + ": " + ex.getMessage(), ex);
            }
        }
    }

    private void setupQueuesOrExit(final EthDev dev, final DevInfo info)
    {
        final QueueFailure f = setupQueues(dev, info);
        if (f != null)
        {
            throw new KniAppExit("Could not setup up " + f.which + " queue for port" + dev.portId() + " (" +
                -f.cause.errno() + "): " + f.cause.getMessage(), f.cause);
        }
    }

    /** Which queue setup failed, and why. */
    private static final class QueueFailure
    {
        final String which;
        final EthDevException cause;

        QueueFailure(final String which, final EthDevException cause)
        {
            this.which = which;
            this.cause = cause;
        }
    }

    /** Rx and tx queue 0 with NB_RXD/NB_TXD descriptors adjusted to the port; null, or what failed. */
    private QueueFailure setupQueues(final EthDev dev, final DevInfo info)
    {
        try
        {
            dev.rxQueueSetup(0, adjust(NB_RXD, info.rxDescLim), pool, null);
        }
        catch (final EthDevException ex)
        {
            return new QueueFailure("RX", ex);
        }
        try
        {
            dev.txQueueSetup(0, adjust(NB_TXD, info.txDescLim), null);
        }
        catch (final EthDevException ex)
        {
            return new QueueFailure("TX", ex);
        }
        return null;
    }

    /** rte_eth_dev_adjust_nb_rx_tx_desc: into [nb_min, nb_max], rounded up to nb_align. */
    static int adjust(final int nb, final DescLimits lim)
    {
        int n = Math.min(nb, lim.nbMax);
        n = Math.max(n, lim.nbMin);
        if (lim.nbAlign > 1)
        {
            n = (n + lim.nbAlign - 1) / lim.nbAlign * lim.nbAlign;
            if (n > lim.nbMax)
            {
                n -= lim.nbAlign;
            }
        }
        return n;
    }

    /** kni_change_mtu: pause the lcores, stop, reconfigure with the MTU, set the queues up again, start. */
    int changeMtu(final int portId, final int newMtu)
    {
        pause.incrementAndGet();
        try
        {
            return changeMtuPaused(portId, newMtu);
        }
        finally
        {
            pause.decrementAndGet();
        }
    }

    private int changeMtuPaused(final int portId, final int newMtu)
    {
        if (!eal.isValidPort(portId))
        {
            Log.err("APP", "Invalid port id " + portId);
            return -Errno.EINVAL;
        }
        Log.info("APP", "Change MTU of port " + portId + " to " + newMtu);
        final EthDev dev = eal.port(portId);
        int r = attempt(dev::stop, "Failed to stop port " + portId);
        if (r != 0)
        {
            return r;
        }
        final EthConf conf = new EthConf();
        conf.mtu = newMtu;
        r = attempt(() -> dev.configure(1, 1, conf), "Fail to reconfigure port " + portId);
        if (r != 0)
        {
            return r;
        }
        final DevInfo info;
        try
        {
            info = dev.info();
        }
        catch (final EthDevException ex)
        {
            Log.err("APP", "Error during getting device (port " + portId + ") info: " + ex.getMessage());
            return -ex.errno();
        }
        final QueueFailure f = setupQueues(dev, info);
        if (f != null)
        {
            Log.err("APP", "Fail to setup " + (f.which.equals("RX") ? "Rx" : "Tx") + " queue of port " + portId + " (" +
                f.cause.getMessage() + ")");
            return -f.cause.errno();
        }
        return attempt(dev::start, "Fail to restart port " + portId);
    }

    /** One step of a callback: 0, or the error logged as {@code failure (reason)} and its -errno. */
    private static int attempt(final Runnable step, final String failure)
    {
        try
        {
            step.run();
            return 0;
        }
        catch (final EthDevException ex)
        {
            Log.err("APP", failure + " (" + ex.getMessage() + ")");
            return -ex.errno();
        }
    }

    /** kni_config_network_interface: up = stop then start the port, down = stop it. */
    int configNetworkInterface(final int portId, final int ifUp)
    {
        if (!eal.isValidPort(portId))
        {
            Log.err("APP", "Invalid port id " + portId);
            return -Errno.EINVAL;
        }
        Log.info("APP", "Configure network interface of " + portId + " " + (ifUp != 0 ? "up" : "down"));
        pause.incrementAndGet();
        try
        {
            final EthDev dev = eal.port(portId);
            final int r = attempt(dev::stop, "Failed to stop port " + portId);
            if (r != 0 || ifUp == 0)
            {
                return r;
            }
            return attempt(dev::start, "Failed to start port " + portId);
        }
        finally
        {
            pause.decrementAndGet();
        }
    }

    /** kni_config_mac_address: the port's default MAC address. */
    int configMacAddress(final int portId, final byte[] macAddr)
    {
        if (!eal.isValidPort(portId))
        {
            Log.err("APP", "Invalid port id " + portId);
            return -Errno.EINVAL;
        }
        Log.info("APP", "Configure mac address of " + portId);
        final MacAddress mac = MacAddress.of(macAddr);
        Log.info("APP", "\tAddress:" + mac);
        try
        {
            eal.port(portId).setMacAddr(mac);
            return 0;
        }
        catch (final EthDevException ex)
        {
            Log.err("APP", "Failed to config mac_addr for port " + portId + " (" + ex.getMessage() + ")");
            return -ex.errno();
        }
    }

    /** The port half of kni_free_kni: stop and close. */
    void freePort(final int port)
    {
        final EthDev dev = eal.port(port);
        try
        {
            dev.stop();
        }
        catch (final EthDevException ex)
        {
            Log.err("APP", "Failed to stop port " + port + ": " + ex.getMessage());
        }
        dev.close();
    }
}
