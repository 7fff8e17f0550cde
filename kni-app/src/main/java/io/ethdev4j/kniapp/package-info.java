/**
 * DPDK's KNI sample application ({@code examples/kni}, v22.07), as the example splits it: the flow, lcores, link
 * monitor and signals ({@link io.ethdev4j.kniapp.KniApp}), the options ({@link io.ethdev4j.kniapp.KniAppArgs},
 * {@link io.ethdev4j.kniapp.KniPortParams}), port set-up and the KNI callbacks
 * ({@link io.ethdev4j.kniapp.KniPortControl}) and the per-port counters ({@link io.ethdev4j.kniapp.KniAppStats}).
 * What it prints on its out stream is the example's printf output (its user interface); its RTE_LOG lines go through
 * {@code io.ethdev4j.eal.Log}.
 * <p>
 * May depend on: the core (the runtime included), {@code io.ethdev4j.sys} and the KNI library ({@code io.ethdev4j.kni},
 * the application's rte_kni.h). Never on the KNI kernel side, a bus or a driver: the PMDs are found at run time with
 * {@link java.util.ServiceLoader}. Nothing depends on it.
 */
package io.ethdev4j.kniapp;
