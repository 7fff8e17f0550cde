package io.ethdev4j.pci;

import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.ErrnoException;

/**
 * A failed PCI device operation (control path): carries an errno-like code and a message naming the operation,
 * the device and the offending value, e.g. {@code BAR_READ(bar=0, offset=0x8) on 0000:00:03.0 failed: EIO - ...}.
 * Maps one-to-one onto the ethdev layer's {@code EthDevException} codes; both are {@link ErrnoException}s, the
 * runtime's common type.
 */
public final class PciException extends ErrnoException
{
    private static final long serialVersionUID = 1L;

    public PciException(final int errno, final String operation, final String detail)
    {
        this(errno, operation, detail, null);
    }

    public PciException(final int errno, final String operation, final String detail, final Throwable cause)
    {
        super(errno, operation, operation + " failed: " + Errno.name(errno) + " - " + detail, cause);
    }
}
