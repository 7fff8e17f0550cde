package io.ethdev4j.pmd.kni;

import io.ethdev4j.eal.Eal;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.sys.Errno;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12 defect: netns= values with '/' or '..' reached setns; they are refused at probe (no root needed). */
class KniNetnsDevargTest
{
    @Test
    void shouldRefuseNetnsValuesThatAreNotNames()
    {
        for (final String bad : new String[] {"..", ".", "../../proc/1/ns/net", "/proc/1/ns/net", "a/b", "ns 1", ""})
        {
            final EthDevException ex = assertThrows(EthDevException.class,
                () -> Eal.init("--no-huge", "-m", "64", "--vdev", "net_kni0,netns=" + bad).close(), bad);
            assertEquals(Errno.EINVAL, ex.errno(), ex.getMessage());
            assertTrue(ex.getMessage().contains("netns='" + bad + "' is not a namespace name"), ex.getMessage());
        }
    }

    @Test
    void shouldAcceptIpNetnsNames()
    {
        for (final String good : new String[] {"blue", "ns-1.a_b", "..x"})
        {
            assertDoesNotThrow(() -> KniPmdProvider.checkNetnsName("probe", good), good);
        }
    }
}
