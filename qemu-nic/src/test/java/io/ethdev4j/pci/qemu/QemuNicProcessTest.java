package io.ethdev4j.pci.qemu;

import io.ethdev4j.testsupport.TestPrerequisites;

import io.ethdev4j.pci.PciConfig;
import io.ethdev4j.pci.PciException;
import io.ethdev4j.sys.Errno;
import io.ethdev4j.sys.PosixSpawn;
import org.junit.jupiter.api.Test;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;


import static org.junit.jupiter.api.Assertions.*;

/** Process lifecycle: a QEMU that dies or cannot start gives a clear error, never a hang; close is idempotent. */
class QemuNicProcessTest
{
    /** The 82576 STATUS register (BAR0 0x8): any register will do for these tests. */
    private static final int STATUS = 0x8;

    private static QemuNetdev loopbackNetdev() throws Exception
    {
        try (DatagramSocket a = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            DatagramSocket b = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
        {
            return QemuNetdev.udp(a.getLocalPort(), b.getLocalPort());
        }
    }

    @Test
    void shouldFailWithEioNamingPidAndExitStatusWhenQemuDies() throws Exception
    {
        final QemuBinary qemu = TestPrerequisites.requireQemu();
        try (QemuNicProcess p = QemuNicProcess.start(new QemuNicProcess.Config(qemu, loopbackNetdev()).name("dies")))
        {
            assertEquals(0x8086, p.device().readConfig16(PciConfig.PCI_VENDOR_ID));
            assertTrue(PosixSpawn.signal(p.pid(), PosixSpawn.SIGKILL));

            final long t0 = System.nanoTime();
            final PciException ex = assertThrows(PciException.class, () -> p.device().read32(0, STATUS));
            final long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertEquals(Errno.EIO, ex.errno());
            assertTrue(ex.getMessage().contains("qemu pid " + p.pid()), ex.getMessage());
            assertTrue(ex.getMessage().contains("was killed by signal 9"), ex.getMessage());
            assertTrue(ex.getMessage().startsWith("BAR_READ failed: EIO"), ex.getMessage());
            assertFalse(p.isAlive());
            System.out.println("death detected in " + ms + " ms: " + ex.getMessage());
        }
    }

    @Test
    void shouldReportQemuStderrWhenStartupFails() throws Exception
    {
        final QemuBinary qemu = TestPrerequisites.requireQemu();
        final PciException ex = assertThrows(PciException.class, () -> QemuNicProcess.start(
            new QemuNicProcess.Config(qemu, loopbackNetdev()).model("no-such-nic").name("bad-model")));
        assertEquals(Errno.EIO, ex.errno());
        assertTrue(ex.getMessage().contains("exited with status 1"), ex.getMessage());
        assertTrue(ex.getMessage().contains("no-such-nic"), "stderr tail expected in: " + ex.getMessage());
    }

    @Test
    void shouldStopQemuAndRemoveItsFilesOnCloseIdempotently() throws Exception
    {
        final QemuBinary qemu = TestPrerequisites.requireQemu();
        final long t0 = System.nanoTime();
        final QemuNicProcess p = QemuNicProcess.start(new QemuNicProcess.Config(qemu, loopbackNetdev()).name("close"));
        System.out.printf("QEMU start to device open (QMP handshake, BARs placed): %.1f ms%n",
            (System.nanoTime() - t0) / 1e6);
        final int pid = p.pid();
        final Path bios = Path.of(p.commandLine().get(p.commandLine().indexOf("-bios") + 1));
        assertTrue(Files.exists(bios));
        assertTrue(p.qmp("{\"execute\":\"query-status\"}").contains("running"));

        final long t1 = System.nanoTime();
        p.close();
        System.out.printf("close (EOF, exit, reap, files removed): %.1f ms%n", (System.nanoTime() - t1) / 1e6);
        p.close();

        assertFalse(p.isAlive());
        assertFalse(PosixSpawn.signal(pid, 0), "pid " + pid + " must be gone (reaped)");
        assertFalse(Files.exists(bios.getParent()));
        final PciException ex = assertThrows(PciException.class, () -> p.device().read32(0, STATUS));
        assertEquals(Errno.EBADF, ex.errno());
    }

    @Test
    void shouldBringLinkDownAndUpThroughQmp() throws Exception
    {
        final QemuBinary qemu = TestPrerequisites.requireQemu();
        try (QemuNicProcess p = QemuNicProcess.start(new QemuNicProcess.Config(qemu, loopbackNetdev()).name("link")))
        {
            p.qmp("{\"execute\":\"set_link\",\"arguments\":{\"name\":\"n0\",\"up\":false}}");
            p.qmp("{\"execute\":\"set_link\",\"arguments\":{\"name\":\"n0\",\"up\":true}}");
            final PciException ex = assertThrows(PciException.class,
                () -> p.qmp("{\"execute\":\"no-such-command\"}"));
            assertTrue(ex.getMessage().contains("CommandNotFound"), ex.getMessage());
        }
    }
}
