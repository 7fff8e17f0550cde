package io.ethdev4j.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A network namespace made by a test and deleted (with everything in it) on close. */
public final class TestNetns implements AutoCloseable
{
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final String name;
    private boolean closed;

    public TestNetns()
    {
        name = "kni-t" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet();
        Shell.ok("ip", "netns", "add", name);
        Shell.ok("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up");
    }

    public String name()
    {
        return name;
    }

    public String path()
    {
        return "/var/run/netns/" + name;
    }

    /** {@code ip netns exec NAME cmd...}, must succeed. */
    public String exec(final String... cmd)
    {
        return Shell.ok(prefix(cmd));
    }

    public Shell.Result tryExec(final String... cmd)
    {
        return Shell.run(prefix(cmd));
    }

    private String[] prefix(final String... cmd)
    {
        final List<String> all = new ArrayList<>(Arrays.asList("ip", "netns", "exec", name));
        all.addAll(Arrays.asList(cmd));
        return all.toArray(new String[0]);
    }

    public void close()
    {
        if (!closed)
        {
            closed = true;
            Shell.run("ip", "netns", "del", name);
        }
    }
}
