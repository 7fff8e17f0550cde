/**
 * The KNI request channel: req_q, resp_q and the sync area with the module's 3 s timeout
 * ({@link io.ethdev4j.kni.kernel.request.KniRequestChannel}), and the rtnetlink watcher that turns {@code ip link}
 * changes into requests and reverts what the application refuses
 * ({@link io.ethdev4j.kni.kernel.request.KniLinkWatcher}). Results are values (0 or -errno), as the module's.
 * <p>
 * May depend on: {@link io.ethdev4j.kni.abi}, {@link io.ethdev4j.kni.kernel.netdev} (the state it compares and
 * reverts), {@code io.ethdev4j.sys}. Not on the data path nor the module.
 */
package io.ethdev4j.kni.kernel.request;
