package io.ethdev4j.testpmd.cmd;

import io.ethdev4j.ethdev.MacAddress;

/**
 * The values of a matched command line (DPDK's parsed result struct): keywords by position, values by the name the
 * template gives them.
 */
public final class Args
{
    private final Command command;
    private final Object[] values;

    Args(final Command command, final Object[] values)
    {
        this.command = command;
        this.values = values;
    }

    public Command command()
    {
        return command;
    }

    /** The keyword typed at token {@code i} (0 = the command's first word). */
    public String word(final int i)
    {
        return (String)values[i];
    }

    /** Whether optional token {@code i} was typed. */
    public boolean has(final int i)
    {
        return i < values.length && values[i] != null;
    }

    /** A number token's value. */
    public long num(final String name)
    {
        return (Long)value(name);
    }

    /** A port token's value: the id, or {@link Token#ALL_PORTS} for {@code all}. */
    public int port(final String name)
    {
        return (int)(long)(Long)value(name);
    }

    public MacAddress mac(final String name)
    {
        return (MacAddress)value(name);
    }

    /** A string token's word. */
    public String text(final String name)
    {
        return (String)value(name);
    }

    private Object value(final String name)
    {
        for (int i = 0; i < command.tokens().size(); i++)
        {
            if (name.equals(command.tokens().get(i).name()))
            {
                return values[i];
            }
        }
        throw new IllegalArgumentException("'" + command.template() + "' has no value named " + name);
    }
}
