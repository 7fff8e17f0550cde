package io.ethdev4j.testpmd.ixgbediff;

import io.ethdev4j.testkit.Prerequisites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shim's instruction decoder, every form it claims (mov r/m32 both ways, mov imm32/imm16/imm8 stores, movzx and
 * movsx loads, REX.W 64-bit loads and stores split into two 32-bit accesses, REX.R destination registers, SIB and
 * disp8/disp32 addressing), on a RAM BAR behind the model server: {@code src/test/c/ixgbe-diff-selftest.c} reads back
 * what it wrote. It also prints the cost of one trapped read round trip (not asserted). Needs gcc.
 */
class ShimDecoderTest
{
    @TempDir
    Path work;

    @Test
    void shouldDecodeEveryClaimedInstructionForm() throws Exception
    {
        Prerequisites.requireCommand("gcc");
        final Path lib = ShimmedDpdkTestPmd.shim(work);
        final Path exe = work.resolve("ixgbe-diff-selftest");
        final Path src = ShimmedDpdkTestPmd.repositoryRoot().resolve("testpmd/src/test/c/ixgbe-diff-selftest.c");
        final Process gcc = new ProcessBuilder("gcc", "-O2", "-Wall", "-Wextra", "-Werror", "-o", exe.toString(),
            src.toString()).redirectErrorStream(true).start();
        final String gccOut = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(gcc.waitFor(60, TimeUnit.SECONDS) && gcc.exitValue() == 0, gccOut);
        final Path sysfs = FakePciSysfs.create(work.resolve("sys"), 0x10FB);
        final String out;
        final int rc;
        try (ModelServer server = new ModelServer(work.resolve("ram.sock"), dma -> new RamBar()))
        {
            final ProcessBuilder pb = new ProcessBuilder(exe.toString(), "20000").redirectErrorStream(true);
            pb.environment().put("LD_PRELOAD", lib.toString());
            pb.environment().put("SYSFS_PCI_DEVICES", sysfs.toString());
            pb.environment().put("IXGBE_DIFF_SOCKET", server.socket().toString());
            pb.environment().put("IXGBE_DIFF_PROC", "ixgbe-diff-selftest");
            final Process p = pb.start();
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
            rc = p.exitValue();
            server.close();
            assertNull(server.failure(), () -> String.valueOf(server.failure()));
        }
        System.out.println("ShimDecoderTest:\n" + out);
        assertFalse(out.contains("MISMATCH"), out);
        assertEquals(11, out.lines().filter(l -> l.startsWith("ok ")).count(), out);
        assertEquals(0, rc, out);
    }
}
