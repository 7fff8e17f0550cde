/**
 * testpmd's shell ({@code cmdline.c}): the one command table ({@link io.ethdev4j.testpmd.cmd.TestPmdCommands}, each
 * command a template, DPDK's help text and a handler) from which dispatch, tab completion and {@code help} are all
 * derived ({@link io.ethdev4j.testpmd.cmd.CommandTable}, {@link io.ethdev4j.testpmd.cmd.Command},
 * {@link io.ethdev4j.testpmd.cmd.Token}, {@link io.ethdev4j.testpmd.cmd.Args}), and the JLine or plain-line shell
 * ({@link io.ethdev4j.testpmd.cmd.CommandShell}).
 * <p>
 * May depend on: {@code io.ethdev4j.testpmd} (the settings, port and forwarding control the handlers act through),
 * {@code io.ethdev4j.testpmd.fwd}, the core, {@code io.ethdev4j.sys}, JLine. Never on a bus or driver module.
 */
package io.ethdev4j.testpmd.cmd;
