package io.ethdev4j.vm.guest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Base of the guest tests that drive the two wired ports: runs only in the guest, and fails a test during which
 * the kernel logged a DMA fault for either port (DMA memory unmapped while a port still used it).
 */
abstract class WiredPairGuestTest
{
    /** The two wired ports' PCI addresses. */
    protected String[] ports;
    private String kmsgMark;

    @BeforeEach
    final void requireGuestAndMarkKernelLog()
    {
        Guest.require();
        ports = Guest.pair();
        kmsgMark = KernelLog.mark(getClass().getSimpleName());
    }

    /** No DMA of either port was refused by the IOMMU during the test. */
    @AfterEach
    final void assertNoDmaFault()
    {
        if (kmsgMark != null)
        {
            assertEquals(List.of(), KernelLog.dmarFaults(kmsgMark, ports),
                "DMA faults logged by the kernel during the test");
        }
    }

    /** The DMA faults logged for the ports since the test began (for checks in the middle of a test). */
    protected final List<String> dmaFaultsSoFar()
    {
        return KernelLog.dmarFaults(kmsgMark, ports);
    }
}
