package io.ethdev4j.archtests;

import io.ethdev4j.eal.EalArgs;
import io.ethdev4j.eal.EalArgsException;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.pci.PciException;
import io.ethdev4j.ring.Ring;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.ErrnoException;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.SysException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A caller of the runtime catches one type, {@link ErrnoException}, and reads the errno as a value, whichever layer
 * failed; each layer's message reads as it did before there was a common type.
 */
class OneErrnoExceptionTest
{
    @Test
    void shouldCatchASystemCallFailureAsErrnoException()
    {
        final ErrnoException ex = assertThrows(ErrnoException.class, () -> LibC.closeChecked(-1));
        assertInstanceOf(SysException.class, ex);
        assertEquals(Errno.EBADF, ex.errno());
        assertEquals("EBADF", ex.errnoName());
        assertEquals("close", ex.operation());
        assertEquals("close", ((SysException)ex).syscall());
        assertEquals("close(fd=-1) failed: EBADF (Bad file descriptor)", ex.getMessage());
    }

    @Test
    void shouldCatchAControlPathFailureAsErrnoException()
    {
        final ErrnoException ex = assertThrows(ErrnoException.class, () -> Ring.create("r", 1000, 0));
        assertInstanceOf(EthDevException.class, ex);
        assertEquals(Errno.EINVAL, ex.errno());
        assertEquals(-Errno.EINVAL, ex.diag());
        assertEquals("ringCreate(name=r, count=1000, flags=0x0) failed: EINVAL - count must be a power of two in "
            + "2..268435456 (capacity count-1), or use F_EXACT_SZ", ex.getMessage());
        assertEquals("ringCreate(name=r, count=1000, flags=0x0)", ex.operation(), "EthDevException.of names it");
        assertNull(new EthDevException(-Errno.EIO, "x failed: EIO - y").operation(), "a bare message names none");
        assertEquals(Errno.EIO, new EthDevException(-Errno.EIO, "x failed: EIO - y").errno(), "kept positive");
    }

    @Test
    void shouldCatchABadEalOptionAsErrnoExceptionWithEinval()
    {
        final ErrnoException ex = assertThrows(ErrnoException.class, () -> EalArgs.parse("--bogus"));
        assertInstanceOf(EalArgsException.class, ex);
        assertEquals(Errno.EINVAL, ex.errno(), "DPDK's rte_eal_init: rte_errno = EINVAL");
        assertEquals(EalArgsException.OPERATION, ex.operation());
        assertEquals("unrecognized EAL option '--bogus' (see --help)", ex.getMessage());
    }

    @Test
    void shouldCatchAPciDeviceFailureAsErrnoException()
    {
        final ErrnoException ex = new PciException(Errno.EIO, "BAR_READ(bar=0, offset=0x8) on 0000:00:03.0", "timeout");
        assertEquals(Errno.EIO, ex.errno());
        assertEquals("BAR_READ(bar=0, offset=0x8) on 0000:00:03.0", ex.operation());
        assertEquals("BAR_READ(bar=0, offset=0x8) on 0000:00:03.0 failed: EIO - timeout", ex.getMessage());
    }
}
