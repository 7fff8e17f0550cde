package io.ethdev4j.testpmd.cmd;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.testpmd.FwdControl;
import io.ethdev4j.testpmd.PortControl;
import io.ethdev4j.testpmd.TestPmdConfig;

import java.io.PrintStream;
import java.util.List;

/**
 * A group of shell commands (one area of app/test-pmd/cmdline.c and config.c) and what their handlers share: the
 * settings, ports and forwarding they act through, where they print, and DPDK's checks (port_id_is_invalid,
 * "Please stop forwarding first"). {@link TestPmdCommands} puts the groups' commands in one table.
 */
abstract class CommandGroup
{
    final TestPmdConfig config;
    final PortControl ports;
    final FwdControl fwd;
    final PrintStream out;
    final PrintStream err;

    /** What every group's handlers act through and print to. */
    record Context(TestPmdConfig config, PortControl ports, FwdControl fwd, PrintStream out, PrintStream err)
    {
    }

    CommandGroup(final Context c)
    {
        this.config = c.config();
        this.ports = c.ports();
        this.fwd = c.fwd();
        this.out = c.out();
        this.err = c.err();
    }

    /** The group's commands, in the order they join the table. */
    abstract List<Command> commands();

    /** port_id_is_invalid(ENABLED_WARN): "Invalid port N" and true for a port id that is no port. */
    final boolean invalidPort(final int p)
    {
        if (ports.isValid(p))
        {
            return false;
        }
        err.printf("Invalid port %d%n", p);
        return true;
    }

    /** test_done == 0: "Please stop forwarding first" and true while forwarding runs. */
    final boolean forwarding()
    {
        if (fwd.isRunning())
        {
            err.println("Please stop forwarding first");
            return true;
        }
        return false;
    }

    /** The value a failed ethdev call returns in DPDK (-errno). */
    static int diag(final EthDevException ex)
    {
        return -ex.errno();
    }

    /** strerror(errno). */
    static String strerror(final EthDevException ex)
    {
        return Errno.describe(ex.errno());
    }

    /**
     * The line DPDK's ethdev logs for this failure, if it logs one: the reason {@link EthDevException#of} was given,
     * for the failures whose reason is DPDK's log text (they are the ones whose errno is not ENOTSUP/ENODEV).
     */
    final void printEthdevLog(final EthDevException ex)
    {
        if (ex.reason() != null && ex.errno() != Errno.ENOTSUP)
        {
            err.println(ex.reason());
        }
    }

    /** The ethdev log line for a port id that is no port (RTE_ETH_VALID_PORTID_OR_ERR_RET). */
    final void printInvalidPortId(final int p)
    {
        err.printf("Invalid port_id=%d%n", p);
    }
}
