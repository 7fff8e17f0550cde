package io.ethdev4j.testpmd.ixgbediff;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The differential run's harness on its own, over {@link MiniResponder} instead of the project's 82599 model: DPDK's
 * net_ixgbe probes through the fake sysfs tree, every BAR access crosses the socket, and DMA works both ways through
 * the shared memfd: testpmd in txonly mode sends more frames than its 256-descriptor tx ring holds, which
 * only happens if the DD bits the responder writes land in testpmd's descriptors, and every frame the responder read
 * from testpmd's buffers is txonly's 64-byte IPv4 packet.
 */
class ShimHarnessTest
{
    @TempDir
    Path work;

    @BeforeEach
    void prerequisites()
    {
        ShimmedDpdkTestPmd.requirePrerequisites();
    }

    @Test
    void shouldProbeStartAndTransmitThroughTheShim() throws Exception
    {
        final MiniResponder[] model = new MiniResponder[1];
        final ModelServer server = new ModelServer(work.resolve("model.sock"), dma -> model[0] = new MiniResponder(dma));
        final String out;
        final int rc;
        try (ShimmedDpdkTestPmd tp = new ShimmedDpdkTestPmd(work, server, 0x10F8, "--total-num-mbufs=2048",
            "--forward-mode=txonly"))
        {
            tp.awaitPrompt(60_000);
            tp.command("start", 10_000);
            tp.await("2048 frames transmitted", 20_000, () -> model[0].txFrames.get() >= 2048);
            tp.command("stop", 10_000);
            rc = tp.quit();
            out = tp.output();
        }
        System.out.println("ShimHarnessTest: " + server.reads() + " reads, " + server.writes() + " writes, memory " +
            server.windows() + ", phases " + server.marks());
        assertNull(server.failure(), () -> "model server: " + server.failure() + "\n" + out);
        assertEquals(0, rc, out);
        assertTrue(out.contains("Port 0: 00:1B:21:AA:BB:CC"), out);
        assertEquals(model[0].txFrames.get(), model[0].txIpv4Frames.get(), () -> "frames that were not txonly's, the last: " + model[0].lastFrame);
        assertEquals(1, server.windowCount(), server.windows());
        assertTrue(server.reads() > 3_000 && server.writes() > 3_000, server.reads() + " reads, " + server.writes() +
            " writes");
        assertTrue(server.marks().stream().anyMatch(m -> m.startsWith("start(port 0) -> 0")), server.marks()::toString);
    }
}
