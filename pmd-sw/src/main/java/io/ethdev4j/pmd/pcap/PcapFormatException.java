package io.ethdev4j.pmd.pcap;

/** A capture file that cannot be replayed: the byte offset where the reader stopped and what is wrong there. */
final class PcapFormatException extends Exception
{
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String problem;

    PcapFormatException(final long offset, final String problem)
    {
        super("offset " + offset + ": " + problem, null, false, false);
        this.offset = offset;
        this.problem = problem;
    }

    long offset()
    {
        return offset;
    }

    String problem()
    {
        return problem;
    }
}
