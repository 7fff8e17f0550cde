package io.ethdev4j.testpmd.ixgbediff;

import java.io.PrintStream;
import java.util.function.IntFunction;

/**
 * A {@link BarModel} that logs every access before passing it on: sequence number, R/W, offset, the register's name
 * (from the naming function given) and the value. For investigating a difference: the tests wrap their model in one
 * when the system property {@code ixgbe.diff.trace} names a file.
 */
final class TracingBarModel implements BarModel
{
    private final BarModel model;
    private final IntFunction<String> names;
    private final PrintStream out;
    private long seq;

    TracingBarModel(final BarModel model, final IntFunction<String> names, final PrintStream out)
    {
        this.model = model;
        this.names = names;
        this.out = out;
    }

    @Override
    public int read32(final int offset)
    {
        final int v = model.read32(offset);
        out.printf("%7d R 0x%05x %-16s 0x%08x%n", ++seq, offset, names.apply(offset), v);
        return v;
    }

    @Override
    public void write32(final int offset, final int value)
    {
        out.printf("%7d W 0x%05x %-16s 0x%08x%n", ++seq, offset, names.apply(offset), value);
        model.write32(offset, value);
    }
}
