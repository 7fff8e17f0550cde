package io.ethdev4j.sys;

/**
 * The runtime's one exception type: an errno carried as a value, the operation that failed, and a message naming the
 * operation, its arguments and the reason. A caller of the runtime catches this one type and branches on
 * {@link #errno()}; nothing parses a code back out of a message.
 * <p>
 * Each layer throws its own subclass, which decides the message format; the errno values are Linux's ({@link Errno}):
 * <ul>
 *   <li>{@link SysException} (sys): a failed system call,
 *       {@code ioctl(...) failed: EBUSY (Device or resource busy)};</li>
 *   <li>{@code io.ethdev4j.ethdev.EthDevException} (core): the port API and drivers' control path,
 *       {@code setMtu(port=1, mtu=9000) failed: EINVAL - max 2034 for this mempool};</li>
 *   <li>{@code io.ethdev4j.eal.EalArgsException} (core): a bad EAL option, always EINVAL as DPDK's
 *       {@code rte_eal_init} reports it;</li>
 *   <li>{@code io.ethdev4j.pci.PciException} (bus-pci): a failed PCI device operation.</li>
 * </ul>
 * It lives in {@code sys}, the lowest module, so that every module, the KNI kernel side included, can throw and catch
 * it. Unchecked; control paths only: burst functions return counts and never throw.
 */
public abstract class ErrnoException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final String operation;

    /**
     * @param errno     the code, positive or DPDK's negative diag; kept positive.
     * @param operation what failed (a syscall, a method with its arguments), or null when the message alone names it.
     * @param message   the whole message, already formatted by the subclass.
     */
    protected ErrnoException(final int errno, final String operation, final String message)
    {
        super(message);
        this.errno = Math.abs(errno);
        this.operation = operation;
    }

    protected ErrnoException(final int errno, final String operation, final String message, final Throwable cause)
    {
        super(message, cause);
        this.errno = Math.abs(errno);
        this.operation = operation;
    }

    /** Positive errno ({@link Errno#EINVAL}, {@link Errno#ENOTSUP}, ...). */
    public int errno()
    {
        return errno;
    }

    /** DPDK's return-value convention: the negative errno ("diag=-95"). */
    public int diag()
    {
        return -errno;
    }

    /** The symbolic name of {@link #errno()}: {@code "EINVAL"}. */
    public String errnoName()
    {
        return Errno.name(errno);
    }

    /**
     * What failed, as the thrower named it apart from the message (a syscall, {@code setMtu(port=1, mtu=9000)}), or
     * null when it is only in the message.
     */
    public String operation()
    {
        return operation;
    }
}
