/**
 * knid, the daemon: {@link io.ethdev4j.kni.daemon.server.KnidServer} (the socket, SO_PEERCRED against the allowed
 * users and groups, one {@link io.ethdev4j.kni.daemon.server.KnidSession} per client hosting today's in-process kernel
 * side, {@link io.ethdev4j.kni.kernel.LocalKniControl}, over the client's memory mapped at the client's addresses by
 * {@link io.ethdev4j.kni.daemon.server.ClientMemory}), its options ({@link io.ethdev4j.kni.daemon.server.KnidConfig})
 * and {@code main} ({@link io.ethdev4j.kni.daemon.server.KnidMain}, {@code tools/knid}).
 * <p>
 * May depend on: {@link io.ethdev4j.kni.daemon}, {@link io.ethdev4j.kni.kernel} (the kernel side it hosts),
 * {@link io.ethdev4j.kni.control}, {@link io.ethdev4j.kni.abi}, {@code io.ethdev4j.sys}, the JDK.
 */
package io.ethdev4j.kni.daemon.server;
