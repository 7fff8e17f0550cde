package io.ethdev4j.pmd.igb;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Issue 5's end to end: testpmd forwards between an igb port (QEMU's 82576 driven by the Java igb PMD, its netdev a
 * TAP in netns A) and a KNI port (net_kni, its Linux interface created inside netns B):
 * <pre>
 *   netns A: tapA 198.18.0.1/24 ── QEMU igb ── port 0 ┐ testpmd io  ┌ port 1 (net_kni0) ── kni0 198.18.0.2/24 :netns B
 *                                                     └─────────────┘
 * </pre>
 * kni0 is created by net_kni inside netns B ({@code netns=}) with the KNI kernel side's {@code --kni-carrier=on}, so
 * the kernel transmits on it as soon as it is up; "up" itself is a KNI request answered by net_kni's request thread.
 * See {@link TestPmdNetnsPingBase} for the checks.
 */
class TestPmdQemuIgbKniNetnsTest extends TestPmdNetnsPingBase
{
    private static final String KNI = "kni0";

    @Test
    void shouldPingFromIgbInNetnsAToKniInNetnsBThroughTestPmd() throws Exception
    {
        pingAcrossTestPmd();
    }

    @Override
    protected List<String> portOneArgs(final String nsB)
    {
        return List.of("--vdev", "net_kni0,netns=" + nsB, "--kni-carrier=on");
    }

    @Override
    protected int qemuCount()
    {
        return 1;
    }

    @Override
    protected String bringUpB(final String nsB) throws Exception
    {
        sh("ip", "netns", "exec", nsB, "sysctl", "-qw", "net.ipv6.conf." + KNI + ".disable_ipv6=1");
        sh("ip", "-n", nsB, "addr", "add", "198.18.0.2/24", "dev", KNI);
        sh("ip", "-n", nsB, "link", "set", KNI, "up");
        await(() -> runQuietly("ip", "-n", nsB, "-br", "link", "show", KNI).contains("LOWER_UP"), COMMAND_TIMEOUT,
            KNI + " up with carrier in " + nsB);
        return KNI;
    }
}
