package io.ethdev4j.pmd.igb;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Two net_qemu_igb ports forwarded by testpmd, each wired to a TAP in its own namespace:
 * <pre>
 *   netns A: tapA 198.18.0.1/24 ── QEMU igb ── port 0 ┐ testpmd io  ┌ port 1 ── QEMU igb ── tapB 198.18.0.2/24 :netns B
 *                                                     └─────────────┘
 * </pre>
 * See {@link TestPmdNetnsPingBase} for the wiring and the checks.
 */
class TestPmdQemuIgbNetnsTest extends TestPmdNetnsPingBase
{
    private final String tapB = "e4jtb" + ProcessHandle.current().pid() % 100_000;

    @Test
    void shouldPingFromNetnsAToNetnsBThroughTestPmdAndTwoQemuIgbPorts() throws Exception
    {
        pingAcrossTestPmd();
    }

    @Override
    protected List<String> portOneArgs(final String nsB) throws Exception
    {
        sh("ip", "tuntap", "add", "dev", tapB, "mode", "tap");
        return List.of("--vdev", "net_qemu_igb1,netdev=tap:" + tapB + ",mac=52:54:00:e4:00:02,link_wait_ms=5000");
    }

    @Override
    protected int qemuCount()
    {
        return 2;
    }

    @Override
    protected String bringUpB(final String nsB) throws Exception
    {
        moveAndAddress(tapB, nsB, "198.18.0.2/24");
        return tapB;
    }

    @Override
    protected void cleanUpB() throws Exception
    {
        run("ip", "link", "del", tapB); // a TAP never moved is still in the root namespace
    }
}
