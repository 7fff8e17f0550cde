/**
 * The application's channel to knid: {@link io.ethdev4j.kni.daemon.client.KnidControl} (a
 * {@link io.ethdev4j.kni.control.KniControl} over the daemon's socket, passing the memfds behind the application's
 * pools and FIFOs, reconnecting when the daemon comes back) and its ServiceLoader entry
 * {@link io.ethdev4j.kni.daemon.client.KnidControlProvider} ({@code --kni-daemon=SOCKET}).
 * <p>
 * May depend on: {@link io.ethdev4j.kni.daemon}, {@link io.ethdev4j.kni.control}, {@link io.ethdev4j.kni.abi},
 * {@code io.ethdev4j.sys}, the JDK. Never on the kernel side ({@code io.ethdev4j.kni.kernel..}): an application with
 * this channel has only the socket, as it had only /dev/kni.
 */
package io.ethdev4j.kni.daemon.client;
