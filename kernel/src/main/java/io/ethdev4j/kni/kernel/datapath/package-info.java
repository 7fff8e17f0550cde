/**
 * The KNI data path: frames between the four packet FIFOs (rx_q, tx_q, alloc_q, free_q) and the netdev.
 * {@link io.ethdev4j.kni.kernel.datapath.KniDataPath} with one subclass per {@code lo_mode}, chosen once at create
 * ({@link io.ethdev4j.kni.kernel.datapath.LoModeNoneDataPath} with its io_uring batched TAP writes,
 * {@link io.ethdev4j.kni.kernel.datapath.LoModeFifoDataPath},
 * {@link io.ethdev4j.kni.kernel.datapath.LoModeFifoSkbDataPath}); the thread that drives them
 * ({@link io.ethdev4j.kni.kernel.datapath.KniKthread}); the check of every FIFO entry against the registered mempools
 * ({@link io.ethdev4j.kni.kernel.datapath.MbufValidator}, {@link io.ethdev4j.kni.kernel.datapath.MempoolRegistry});
 * the counters ({@link io.ethdev4j.kni.kernel.datapath.KniDeviceStats}).
 * <p>
 * Hot path: after create nothing here allocates, throws or logs per frame.
 * <p>
 * May depend on: {@link io.ethdev4j.kni.abi}, {@link io.ethdev4j.kni.kernel.netdev} (the TAP fd, deleted-from-outside),
 * {@code io.ethdev4j.sys}. Not on the request channel nor the module.
 */
package io.ethdev4j.kni.kernel.datapath;
