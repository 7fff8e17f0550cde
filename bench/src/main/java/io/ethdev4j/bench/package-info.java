/**
 * JMH benchmarks of the hot paths (mempool bulk get/put, ring enqueue/dequeue, a {@code net_null} port's rx→tx, the
 * igb PMD on its simulated device), each run with {@code -prof gc} to show ≈0 B/op; {@code tools/bench-vs-dpdk.sh}
 * runs them beside DPDK's {@code dpdk-test}.
 * <p>
 * May depend on: the core and {@code io.ethdev4j.sys}, JMH. The PMDs it measures ({@code pmd-sw}, {@code pmd-igb})
 * are runtime dependencies found with {@link java.util.ServiceLoader}, not compiled against. Nothing depends on it.
 */
package io.ethdev4j.bench;
