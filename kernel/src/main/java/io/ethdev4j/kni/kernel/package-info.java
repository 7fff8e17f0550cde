/**
 * The KNI kernel side on upstream Linux (plays rte_kni.ko), as a whole: its module parameters
 * ({@link io.ethdev4j.kni.kernel.KniModuleParams}), the device table and KNI threads
 * ({@link io.ethdev4j.kni.kernel.KniKernel}), one interface wired from its three parts
 * ({@link io.ethdev4j.kni.kernel.KniDevice}: {@code netdev}, {@code datapath} for its lo_mode, {@code request}), and
 * the control channel served in-process ({@link io.ethdev4j.kni.kernel.LocalKniControl}, registered as the
 * {@code local} {@link io.ethdev4j.kni.control.KniControlProvider}).
 * <p>
 * Applications do not use this package: they open a {@link io.ethdev4j.kni.control.KniControl}. Its classes are
 * public for the kernel side's tests and for a daemon that serves the same channel over a socket.
 * <p>
 * May depend on: {@link io.ethdev4j.kni.abi}, {@link io.ethdev4j.kni.control}, its subpackages
 * {@link io.ethdev4j.kni.kernel.netdev}, {@link io.ethdev4j.kni.kernel.datapath}, {@link io.ethdev4j.kni.kernel.request},
 * and {@code io.ethdev4j.sys}. The subpackages never depend on this package.
 */
package io.ethdev4j.kni.kernel;
