/**
 * The driver conformance kit: abstract JUnit 5 suites every PMD runs with a thin subclass
 * ({@link io.ethdev4j.testkit.EthDevConformance} nests the lifecycle, control, burst and stats suites), the fixture
 * a subclass opens ({@link io.ethdev4j.testkit.PortFixture}), the capabilities it declares, the frames the suites
 * send, and gates for tests that need root, netns, TAP, tcpdump or QEMU ({@link io.ethdev4j.testkit.Prerequisites}).
 * <p>
 * May depend on: the core (the runtime included: a fixture opens an {@code Eal}), {@code io.ethdev4j.sys}, JUnit 5.
 * Never on a driver: drivers depend on the kit from their tests, not the reverse. Only test code depends on it.
 */
package io.ethdev4j.testkit;
