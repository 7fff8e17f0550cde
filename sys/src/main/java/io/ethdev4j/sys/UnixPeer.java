package io.ethdev4j.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Who is at the other end of an AF_UNIX socket, and user/group names as ids: {@code getsockopt(SO_PEERCRED)},
 * {@code getsockopt(SO_PEERGROUPS)}, {@code getpwnam(3)}, {@code getgrnam(3)} (glibc, x86-64 Linux).
 * <h2>Layouts (x86-64)</h2>
 * <pre>
 * struct ucred (12 bytes, &lt;sys/socket.h&gt;):  0 pid (i32) | 4 uid (u32) | 8 gid (u32)
 * struct passwd: 0 pw_name (ptr) | 8 pw_passwd (ptr) | 16 pw_uid (u32) | 20 pw_gid (u32) | ...
 * struct group:  0 gr_name (ptr) | 8 gr_passwd (ptr) | 16 gr_gid (u32) | 24 gr_mem (ptr) ...
 * </pre>
 * The credentials are the peer's at connect(2) time, as the kernel recorded them: they cannot be forged by the peer.
 */
public final class UnixPeer
{
    public static final int SO_PEERCRED = 17;
    public static final int SO_PEERGROUPS = 59;
    public static final int UCRED_PID_OFFSET = 0;
    public static final int UCRED_UID_OFFSET = 4;
    public static final int UCRED_GID_OFFSET = 8;
    public static final int UCRED_SIZE = 12;
    public static final int PASSWD_UID_OFFSET = 16;
    public static final int GROUP_GID_OFFSET = 16;
    /** NGROUPS_MAX is 65536; a peer in more than this many groups is answered with the first ones only. */
    private static final int MAX_GROUPS = 1024;

    static
    {
        Native.register(UnixPeer.class, com.sun.jna.Platform.C_LIBRARY_NAME);
    }

    private UnixPeer()
    {
    }

    private static native int getsockopt(int fd, int level, int name, int[] value, int[] len) throws LastErrorException;

    private static native Pointer getpwnam(String name);

    private static native Pointer getgrnam(String name);

    /** The peer's credentials at connect time. */
    public record Credentials(int pid, int uid, int gid, int[] groups)
    {
        /** True when {@code g} is the peer's primary or one of its supplementary groups. */
        public boolean inGroup(final int g)
        {
            if (gid == g)
            {
                return true;
            }
            for (final int s : groups)
            {
                if (s == g)
                {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString()
        {
            return "pid " + pid + " uid " + Integer.toUnsignedString(uid) + " gid " + Integer.toUnsignedString(gid);
        }
    }

    /**
     * SO_PEERCRED and SO_PEERGROUPS (Linux 4.13; the supplementary groups are empty before) of a connected AF_UNIX
     * socket.
     *
     * @throws SysException naming getsockopt and the errno.
     */
    public static Credentials credentials(final int fd)
    {
        final int[] cred = new int[UCRED_SIZE / 4];
        try
        {
            getsockopt(fd, UnixSocket.SOL_SOCKET, SO_PEERCRED, cred, new int[] {UCRED_SIZE});
        }
        catch (final LastErrorException ex)
        {
            throw new SysException("getsockopt", ex.getErrorCode(), "fd=" + fd + ", SO_PEERCRED");
        }
        final int[] groups = new int[MAX_GROUPS];
        final int[] len = {MAX_GROUPS * 4};
        int n;
        try
        {
            getsockopt(fd, UnixSocket.SOL_SOCKET, SO_PEERGROUPS, groups, len);
            n = len[0] / 4;
        }
        catch (final LastErrorException ex)
        {
            // ERANGE: more groups than we read (the first ones are there); else a kernel before 4.13: none known
            n = ex.getErrorCode() == Errno.ERANGE ? MAX_GROUPS : 0;
        }
        return new Credentials(cred[UCRED_PID_OFFSET / 4], cred[UCRED_UID_OFFSET / 4], cred[UCRED_GID_OFFSET / 4],
            java.util.Arrays.copyOf(groups, n));
    }

    /** getpwnam(3): the uid of user {@code name}, or -1 when there is no such user. Not thread-safe (static buffer). */
    public static synchronized int uidOf(final String name)
    {
        final Pointer p = getpwnam(name);
        return p == null ? -1 : p.getInt(PASSWD_UID_OFFSET);
    }

    /** getgrnam(3): the gid of group {@code name}, or -1 when there is no such group. */
    public static synchronized int gidOf(final String name)
    {
        final Pointer p = getgrnam(name);
        return p == null ? -1 : p.getInt(GROUP_GID_OFFSET);
    }
}
