package io.ethdev4j.sys;

import io.ethdev4j.test.TestMemory;
import org.agrona.UnsafeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The io_uring bindings: layout constants, batched writes in order, per-request errors, full SQ, idempotent close. */
class IoUringTest
{
    @TempDir
    Path dir;
    private TestMemory memory;

    @BeforeEach
    void setUp()
    {
        memory = new TestMemory(1 << 20);
    }

    @AfterEach
    void tearDown()
    {
        memory.close();
    }

    @Test
    void shouldMatchTheUapiLayout()
    {
        assertEquals(120, IoUring.PARAMS_LENGTH);
        assertEquals(40, IoUring.SQ_OFF);
        assertEquals(80, IoUring.CQ_OFF);
        assertEquals(64, IoUring.SQE_LENGTH);
        assertEquals(32, IoUring.SQE_USER_DATA);
        assertEquals(16, IoUring.CQE_LENGTH);
        assertEquals(8, IoUring.CQE_RES);
        assertEquals(23, IoUring.IORING_OP_WRITE);
        assertEquals(2, IoUring.IORING_OP_WRITEV);
    }

    @Test
    void shouldProbeAvailabilityOnceAndExplainAbsence()
    {
        final String why = IoUring.unavailabilityCause();
        assertEquals(why == null, IoUring.isAvailable());
        assertSame(why, IoUring.unavailabilityCause());
    }

    @Test
    void shouldWriteABatchInOrderWithOneEnter() throws IOException
    {
        assumeTrue(IoUring.isAvailable(), () -> "io_uring unavailable: " + IoUring.unavailabilityCause());
        final Path file = dir.resolve("out.bin");
        final int fd = LibC.openChecked(file.toString(), LibC.O_WRONLY | LibC.O_CREAT | LibC.O_CLOEXEC, 0600);
        try (IoUring ring = new IoUring(8, fd))
        {
            assertEquals(8, ring.entries());
            final long buf = memory.allocate(4096, 64);
            for (int round = 0; round < 3; round++)
            {
                for (int i = 0; i < 8; i++)
                {
                    UnsafeApi.putByte(buf + round * 8 + i, (byte)(round * 8 + i));
                    assertTrue(ring.queueWrite(buf + round * 8 + i, 1, round * 8 + i));
                }
                assertFalse(ring.queueWrite(buf, 1, 99), "the SQ holds 8");
                assertEquals(8, ring.submitAndWait());
                for (int i = 0; i < 8; i++)
                {
                    assertEquals(1, ring.completionResult(i));
                    assertEquals(round * 8 + i, ring.completionUserData(i));
                }
                ring.releaseCompletions(8);
                assertEquals(0, ring.queued());
            }
            assertEquals(0, ring.submitAndWait(), "nothing queued");
        }
        finally
        {
            LibC.closeQuietly(fd);
        }
        final byte[] b = Files.readAllBytes(file);
        assertEquals(24, b.length);
        for (int i = 0; i < 24; i++)
        {
            assertEquals(i, b[i], "byte " + i + ": writes complete in submission order");
        }
    }

    @Test
    void shouldReportEachRequestsErrnoInItsCompletion() throws IOException
    {
        assumeTrue(IoUring.isAvailable(), () -> "io_uring unavailable: " + IoUring.unavailabilityCause());
        final Path file = dir.resolve("ro.bin");
        Files.write(file, new byte[] {1});
        final int fd = LibC.openChecked(file.toString(), LibC.O_RDONLY | LibC.O_CLOEXEC, 0);
        final IoUring ring = new IoUring(4, fd);
        try
        {
            final long buf = memory.allocate(64, 64);
            assertTrue(ring.queueWrite(buf, 1, 7));
            assertEquals(1, ring.submitAndWait());
            assertEquals(-Errno.EBADF, ring.completionResult(0), "write to an O_RDONLY fd");
            assertEquals(7, ring.completionUserData(0));
            ring.releaseCompletions(1);
        }
        finally
        {
            ring.close();
            ring.close();
            LibC.closeQuietly(fd);
        }
    }

    @Test
    void shouldRefuseABadRingSize()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new IoUring(3, 0));
        assertTrue(ex.getMessage().contains("entries=3"), ex.getMessage());
    }
}
