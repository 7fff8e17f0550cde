/**
 * The control channel between a KNI application and the kernel side, what {@code /dev/kni}'s ioctls were:
 * {@link io.ethdev4j.kni.control.KniControl} (register mempools, create/release an interface by handle, read its
 * status and counters, set its carrier, MTU, MAC and rx modes), obtained through a
 * {@link io.ethdev4j.kni.control.KniControlProvider} by name; failures are
 * {@link io.ethdev4j.kni.control.KniControlException}s carrying the errno as a value.
 * <p>
 * Plain values only (numbers, strings, byte arrays, the ABI's value classes, records), so an implementation may live
 * in the application's process (the kernel module's {@code local} provider) or behind a socket.
 * <p>
 * May depend on: {@link io.ethdev4j.kni.abi}, {@code io.ethdev4j.sys.Errno} (errno names), the JDK. Never on the
 * kernel side's packages ({@code io.ethdev4j.kni.kernel..}).
 */
package io.ethdev4j.kni.control;
