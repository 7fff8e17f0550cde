package io.ethdev4j.dumpcap;

/** dpdk-dumpcap's {@code rte_exit(EXIT_FAILURE, ...)}: the message is printed and dumpcap exits with status 1. */
final class DumpCapException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    DumpCapException(final String message)
    {
        super(message);
    }

    DumpCapException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
