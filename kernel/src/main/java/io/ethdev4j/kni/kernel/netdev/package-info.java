/**
 * The netdev of a KNI interface ({@link io.ethdev4j.kni.kernel.netdev.KniNetdev}): the TAP created in its network
 * namespace, the ioctl and rtnetlink sockets that see it, its carrier, and the netlink-facing state the other parts
 * share (changes the application made itself, deleted from outside).
 * <p>
 * May depend on: {@link io.ethdev4j.kni.abi} (the create call's device info), {@code io.ethdev4j.sys}. Nothing of the
 * data path, the request channel or the module.
 */
package io.ethdev4j.kni.kernel.netdev;
