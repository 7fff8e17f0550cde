package io.ethdev4j.testpmd;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs testpmd in-process on two net_null ports with scripted stdin; captures stdout/stderr. */
final class Sessions
{
    static final String[] EAL = {"--no-huge", "-m", "512", "--no-pci", "--vdev", "net_null0", "--vdev", "net_null1",
        "-l", "0-1", "--"};

    final int rc;
    final String out;
    final String err;

    private Sessions(final int rc, final String out, final String err)
    {
        this.rc = rc;
        this.out = out;
        this.err = err;
    }

    static Sessions run(final String stdin, final String... appArgs)
    {
        final String[] argv = new String[EAL.length + appArgs.length];
        System.arraycopy(EAL, 0, argv, 0, EAL.length);
        System.arraycopy(appArgs, 0, argv, EAL.length, appArgs.length);
        return runRaw(stdin, argv);
    }

    static Sessions runRaw(final String stdin, final String... argv)
    {
        final ByteArrayOutputStream o = new ByteArrayOutputStream();
        final ByteArrayOutputStream e = new ByteArrayOutputStream();
        final int rc = TestPmd.run(argv, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Sessions(rc, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** MACs → XX:..., numbers after "packets:"/pps kept (callers normalise what varies). */
    static String normaliseMacs(final String s)
    {
        return s.replaceAll("([0-9A-F]{2}:){5}[0-9A-F]{2}", "XX:XX:XX:XX:XX:XX");
    }
}
