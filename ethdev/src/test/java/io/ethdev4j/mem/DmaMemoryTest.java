package io.ethdev4j.mem;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class DmaMemoryTest
{
    @Test
    void shouldAllocateZeroedSharedRegionsAndReleaseThem()
    {
        try (DmaMemory mem = new DmaMemory(true, 0))
        {
            final DmaRegion r = mem.allocate("t", 5000);
            assertEquals(8192, r.length(), "rounded up to 4 KiB pages");
            assertEquals(r.address(), r.iova(), "IOVA = VA");
            assertTrue(r.fd() >= 0);
            assertFalse(r.hugepages());
            assertEquals(0, org.agrona.UnsafeApi.getLong(r.address() + 4096));
            assertTrue(r.contains(r.address(), 8192));
            assertFalse(r.contains(r.address(), 8193));
            assertEquals(8192, mem.allocatedBytes());
            r.close();
            r.close();
            assertTrue(r.isClosed());
            assertEquals(0, mem.allocatedBytes());
            assertEquals(Errno.EINVAL, assertThrows(EthDevException.class, () -> mem.allocate("z", 0)).errno());
        }
    }

    @Test
    void shouldGiveEnomemNamingTheSizesBeyondTheLimit()
    {
        try (DmaMemory mem = new DmaMemory(true, 1L << 20))
        {
            final DmaRegion a = mem.allocate("a", 600_000);
            final EthDevException ex = assertThrows(EthDevException.class, () -> mem.allocate("b", 600_000));
            assertEquals(Errno.ENOMEM, ex.errno());
            assertTrue(ex.getMessage().startsWith("dmaAllocate(name=b, length=600000) failed: ENOMEM"), ex.getMessage());
            assertTrue(ex.getMessage().contains("602112") && ex.getMessage().contains("1048576") &&
                ex.getMessage().contains("-m 1"), ex.getMessage());
            assertEquals(602112, mem.allocatedBytes(), "a refused request takes nothing");
            a.close();
            mem.allocate("b", 600_000);
        }
    }

    @Test
    void shouldLimitTheRuntimeWithDashM()
    {
        try (Eal eal = Eal.init("--no-huge", "-m", "4"))
        {
            final EthDevException ex = assertThrows(EthDevException.class,
                () -> eal.createPktmbufPool("toobig", 4095, 0, 0, 2176));
            assertEquals(Errno.ENOMEM, ex.errno());
            assertTrue(ex.getMessage().contains("4194304"), ex.getMessage());
            eal.createPktmbufPool("fits", 511, 0, 0, 2176);
        }
    }
}
