/**
 * testpmd's shell ({@code cmdline.c}): the one command table from which dispatch, tab completion and {@code help} are
 * all derived ({@link io.ethdev4j.testpmd.cmd.CommandTable}, {@link io.ethdev4j.testpmd.cmd.Command},
 * {@link io.ethdev4j.testpmd.cmd.Token}, {@link io.ethdev4j.testpmd.cmd.Args}); its commands, each a template, the
 * first line of its DPDK help entry and a handler, declared by {@link io.ethdev4j.testpmd.cmd.TestPmdCommands} and one
 * {@code CommandGroup} per area (configuration, queues, port display, addresses, VLAN, checksum, dumps); DPDK's
 * {@code help} text ({@code HelpText}, read from {@code dpdk-help.txt}); and the JLine or plain-line shell
 * ({@link io.ethdev4j.testpmd.cmd.CommandShell}).
 * <p>
 * May depend on: {@code io.ethdev4j.testpmd} (the settings, port and forwarding control the handlers act through),
 * {@code io.ethdev4j.testpmd.fwd}, the core, {@code io.ethdev4j.sys}, JLine. Never on a bus or driver module.
 */
package io.ethdev4j.testpmd.cmd;
