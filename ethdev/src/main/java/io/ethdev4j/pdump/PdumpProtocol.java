package io.ethdev4j.pdump;

import io.ethdev4j.ethdev.MacAddress;

/**
 * The capture control channel (our counterpart of DPDK's {@code mp_pdump} multi-process action): a stream unix
 * socket {@value #SOCKET_NAME} in the application's runtime directory; UTF-8 lines, one request, then its reply.
 * <pre>
 *   PORTS                 →  PORT id name driver nb_rxq nb_txq mac speed_mbps up|down promisc|-  (one per port)
 *                            OK
 *   ENABLE /dev/shm/FILE  →  OK | ERR errno message      the application maps the capture region and taps the
 *                                                        queues its rings name (see CaptureRegionDescriptor);
 *                                                        errno is a number (17), the message names it (EEXIST)
 *   DISABLE               →  OK                          taps removed, region unmapped
 *   PROMISC id on|off     →  OK | ERR errno message      rte_eth_promiscuous_enable/disable (dumpcap's default
 *                                                        promiscuous capture, undone at exit unless it was on)
 * </pre>
 * A connection holds at most one enabled region; closing the connection (the client exits or dies) disables it,
 * so a capture never outlives its client.
 */
public final class PdumpProtocol
{
    /** The socket's name in the runtime directory (DPDK's action name for pdump requests). */
    public static final String SOCKET_NAME = "mp_pdump";
    public static final String PORTS = "PORTS";
    public static final String ENABLE = "ENABLE";
    public static final String DISABLE = "DISABLE";
    public static final String PROMISC = "PROMISC";
    public static final String PORT = "PORT";
    public static final String OK = "OK";
    public static final String ERR = "ERR";

    private PdumpProtocol()
    {
    }

    /** One line of the {@code PORTS} reply. */
    public record PortInfo(int portId, String name, String driver, int nbRxQueues, int nbTxQueues, MacAddress mac,
        int speedMbps, boolean linkUp, boolean promiscuous)
    {
        public String format()
        {
            return PORT + " " + portId + " " + name + " " + driver + " " + nbRxQueues + " " + nbTxQueues + " " + mac +
                " " + speedMbps + " " + (linkUp ? "up" : "down") + " " + (promiscuous ? "promisc" : "-");
        }

        /** @throws IllegalArgumentException for a line that is not a PORT line */
        public static PortInfo parse(final String line)
        {
            final String[] f = line.split(" ");
            if (f.length != 10 || !f[0].equals(PORT))
            {
                throw new IllegalArgumentException("not a PORT line: '" + line + "'");
            }
            return new PortInfo(Integer.parseInt(f[1]), f[2], f[3], Integer.parseInt(f[4]), Integer.parseInt(f[5]),
                MacAddress.parse(f[6]), Integer.parseInt(f[7]), f[8].equals("up"), f[9].equals("promisc"));
        }
    }
}
