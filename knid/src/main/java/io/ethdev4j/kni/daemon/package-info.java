/**
 * The knid protocol, shared by the daemon ({@link io.ethdev4j.kni.daemon.server}) and the application's channel to it
 * ({@link io.ethdev4j.kni.daemon.client}): {@link io.ethdev4j.kni.daemon.KnidMessage} (ops and byte layouts), the
 * default socket path.
 * <p>
 * May depend on: {@code io.ethdev4j.sys}, {@link io.ethdev4j.kni.abi}, {@link io.ethdev4j.kni.control}, the JDK.
 */
package io.ethdev4j.kni.daemon;
