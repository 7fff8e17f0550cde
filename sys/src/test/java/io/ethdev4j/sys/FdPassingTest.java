package io.ethdev4j.sys;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link FdMessage}, {@link UnixPeer} and {@link FdMemory} on a socketpair and a memfd (no privilege needed). */
class FdPassingTest
{
    @Test
    void shouldReplaceWhatAnFdNumberRefersTo()
    {
        final int small = LibC.memfdCreate("fd-replace-small", LibC.MFD_CLOEXEC);
        final int big = LibC.memfdCreate("fd-replace-big", LibC.MFD_CLOEXEC);
        try
        {
            LibC.ftruncateChecked(small, 4096);
            LibC.ftruncateChecked(big, 8192);
            PosixFile.replaceCloexec(small, big);
            assertEquals(4096, FdMemory.size(big), "the number now refers to the other file");
            assertEquals(4096, FdMemory.size(small), "the source stays open");
            final SysException ex = assertThrows(SysException.class, () -> PosixFile.replaceCloexec(-1, big));
            assertEquals(Errno.EBADF, ex.errno());
            assertTrue(ex.getMessage().contains("dup3"), ex.getMessage());
            assertEquals(4096, FdMemory.size(big), "a failed replace leaves the number as it was");
        }
        finally
        {
            LibC.closeQuietly(small);
            LibC.closeQuietly(big);
        }
    }

    @Test
    void shouldPassFdsWithADatagramAndSeeWhoIsAtTheOtherEnd()
    {
        final int[] sv = UnixSocket.socketPair(UnixSocket.SOCK_SEQPACKET);
        final int memfd = LibC.memfdCreate("fd-passing", LibC.MFD_CLOEXEC);
        try
        {
            LibC.ftruncateChecked(memfd, 8192);
            final byte[] msg = {1, 2, 3, 4, 5};
            assertEquals(5, FdMessage.send(sv[0], msg, msg.length, new int[] {memfd, memfd}));
            final byte[] buf = new byte[16];
            final FdMessage.Received r = FdMessage.receive(sv[1], buf, 4, 0, new int[1]);
            try
            {
                assertEquals(5, r.length());
                assertArrayEquals(msg, java.util.Arrays.copyOf(buf, 5));
                assertEquals(2, r.fds().length);
                assertFalse(r.truncated() || r.fdsTruncated());
                assertEquals(8192, FdMemory.size(r.fds()[0]), "the received fd is the memfd");
            }
            finally
            {
                r.closeFds();
            }
            // more fds than the receiver takes: the kernel closes the rest and says so
            FdMessage.send(sv[0], msg, msg.length, new int[] {memfd, memfd, memfd});
            final FdMessage.Received cut = FdMessage.receive(sv[1], buf, 1, 0, new int[1]);
            cut.closeFds();
            assertTrue(cut.fdsTruncated());
            // a longer datagram than the buffer
            FdMessage.send(sv[0], new byte[64], 64, new int[0]);
            assertTrue(FdMessage.receive(sv[1], buf, 1, 0, new int[1]).truncated());
            final int[] errno = new int[1];
            assertEquals(null, FdMessage.receive(sv[1], buf, 1, UnixSocket.MSG_DONTWAIT, errno));
            assertEquals(Errno.EAGAIN, errno[0]);

            final UnixPeer.Credentials peer = UnixPeer.credentials(sv[1]);
            assertEquals(ProcessHandle.current().pid(), peer.pid());
            assertEquals(LibC.uid(), peer.uid());
            assertEquals(0, UnixPeer.uidOf("root"));
            assertEquals(-1, UnixPeer.uidOf("no-such-user-fd-passing"));
            assertEquals(-Errno.ESPIPE, FdMemory.size(sv[0]));
        }
        finally
        {
            LibC.closeQuietly(memfd);
            LibC.closeQuietly(sv[0]);
            LibC.closeQuietly(sv[1]);
        }
    }

    @Test
    void shouldMapAtAFreeAddressOnlyAndSwapForZeroPages()
    {
        final int memfd = LibC.memfdCreate("fd-memory", LibC.MFD_CLOEXEC);
        final long len = 16384;
        final long view = LibC.mmapChecked(0, len, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, memfd, 0);
        try
        {
            LibC.ftruncateChecked(memfd, len);
            assertEquals(-Errno.EEXIST, FdMemory.mapAt(view, len, memfd), "never over an existing mapping");
            final long free = 0x5B00_0000_0000L + (ProcessHandle.current().pid() % 4096) * (1L << 24);
            assertEquals(0, FdMemory.mapAt(free, len, memfd));
            org.agrona.UnsafeApi.putLong(view + 8, 0x1234L);
            assertEquals(0x1234L, org.agrona.UnsafeApi.getLong(free + 8), "the same pages");
            FdMemory.replaceWithAnonymous(free, len);
            assertEquals(0L, org.agrona.UnsafeApi.getLong(free + 8), "zero pages now");
            assertEquals(0, FdMemory.mapOver(free, len, memfd));
            assertEquals(0x1234L, org.agrona.UnsafeApi.getLong(free + 8));
            LibC.munmapChecked(free, len);
        }
        finally
        {
            LibC.munmapChecked(view, len);
            LibC.closeQuietly(memfd);
        }
    }
}
