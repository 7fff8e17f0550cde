package io.ethdev4j.bench;

/** Constants shared by the benchmarks (annotation values must be compile-time constants). */
final class BenchConfig
{
    /** Burst size of every bulk/burst benchmark, as DPDK's MAX_PKT_BURST and the perf autotests' largest bulk. */
    static final int BURST = 32;

    /**
     * JVM options every fork needs: Agrona reaches {@code jdk.internal.misc.Unsafe}, the syscall bindings use
     * native access. Same as {@code ethdev4j.jvm.args} in the parent POM.
     */
    static final String ADD_EXPORTS = "--add-exports";
    static final String ADD_EXPORTS_VALUE = "java.base/jdk.internal.misc=ALL-UNNAMED";
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    /**
     * The collector tools/testpmd runs with (no concurrent-marking barriers on reference stores): the benchmarks
     * measure what testpmd's forwarding lcores pay.
     */
    static final String PARALLEL_GC = "-XX:+UseParallelGC";

    private BenchConfig()
    {
    }
}
