/**
 * The Linux bindings, one class per OS facility: libc memory and file descriptors ({@link io.ethdev4j.sys.LibC},
 * {@link io.ethdev4j.sys.PosixFile}), {@code posix_spawn}, AF_UNIX sockets with fd passing, {@code ppoll}, io_uring,
 * VFIO ioctls and structures, TAP, packet sockets ({@link io.ethdev4j.sys.PacketSocket}), netdev ioctls, rtnetlink
 * and network namespaces; errno values and names
 * ({@link io.ethdev4j.sys.Errno}); and the two things every layer above shares: the runtime's one exception type,
 * {@link io.ethdev4j.sys.ErrnoException} (here thrown as {@link io.ethdev4j.sys.SysException}, naming the syscall and
 * errno), and the process's one log, {@link io.ethdev4j.sys.RteLog}.
 * <p>
 * Syscalls are made here and nowhere else. Control calls throw; hot-path calls ({@code Tun.write}, io_uring
 * submission) return counts or negative errnos and never allocate.
 * <p>
 * May depend on: the JDK, JNA and Agrona only — nothing else of ethdev4j. Every other module may depend on it.
 */
package io.ethdev4j.sys;
