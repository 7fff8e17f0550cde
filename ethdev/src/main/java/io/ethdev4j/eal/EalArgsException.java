package io.ethdev4j.eal;

/** A bad EAL option: the message names the option and the value. Launchers print it and exit non-zero. */
public final class EalArgsException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    public EalArgsException(final String message)
    {
        super(message);
    }
}
