package io.ethdev4j.kni.control;

/**
 * Where the application's shared memory comes from, for a kernel side in another process: the mapping (and the fd
 * behind it) that holds an address. rte_kni.ko needed no such thing (it could read the memory of the process that
 * opened /dev/kni); a daemon ({@code tools/knid}) maps the same file at the same address before it follows anything
 * there. The in-process kernel side ignores it.
 */
public interface KniMemory
{
    /**
     * One shared mapping of the application: {@code length} bytes of the file {@code fd} (from offset 0) mapped at
     * {@code address}. The fd stays the application's; a kernel side that keeps it dups it.
     */
    record Region(long address, long length, int fd)
    {
    }

    /** The region holding {@code address}, or null when it is not in shared memory this side knows. */
    Region regionOf(long address);

    /** For the in-process kernel side, and tests: knows no region. */
    KniMemory NONE = address -> null;
}
