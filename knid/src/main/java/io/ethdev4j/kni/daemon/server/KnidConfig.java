package io.ethdev4j.kni.daemon.server;

import io.ethdev4j.kni.daemon.Knid;
import io.ethdev4j.kni.kernel.KniModuleParams;
import io.ethdev4j.sys.UnixPeer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * knid's options: where it listens, who may connect, the limits per client, and the module parameters every client's
 * kernel side runs with (rte_kni.ko's insmod parameters, as options):
 * <pre>
 *   --socket=PATH                 the unix socket (default /run/ethdev4j/knid.sock)
 *   --allow-user=NAME|UID         may connect (repeatable); root and knid's own user always may
 *   --allow-group=NAME|GID        members (primary or supplementary group) may connect (repeatable)
 *   --lo-mode=lo_mode_none|lo_mode_fifo|lo_mode_fifo_skb, --kthread-mode=single|multiple, --carrier=off|on,
 *   --enable-bifurcated=off|on, --min-scheduling-interval=US, --max-scheduling-interval=US, --tap-io=io_uring|write,
 *   --doorbell=on|off, --busy-poll=US, --rt-priority=0..99
 *                                 the module parameters (also as insmod writes them: lo_mode=lo_mode_fifo, and as the
 *                                 in-process side takes them: --kni-lo-mode=...)
 *   --max-clients=N (64), --max-interfaces=N per client (64), --max-pools=N per client (256),
 *   --max-client-memory=BYTES per client (64 GiB)
 * </pre>
 * Bad values throw {@link IllegalArgumentException} naming the option.
 */
public final class KnidConfig
{
    private String socketPath = Knid.DEFAULT_SOCKET;
    private final List<String> allowUsers = new ArrayList<>();
    private final List<String> allowGroups = new ArrayList<>();
    private final List<Integer> allowedUids = new ArrayList<>();
    private final List<Integer> allowedGids = new ArrayList<>();
    private final Map<String, String> moduleOptions = new LinkedHashMap<>();
    private KniModuleParams params = KniModuleParams.defaults();
    private int maxClients = 64;
    private int maxInterfaces = 64;
    private int maxPools = 256;
    private long maxClientMemory = 64L << 30;

    public static final String USAGE = String.join("\n",
        "usage: knid [options]   the KNI kernel side as a service (needs CAP_NET_ADMIN)",
        "  --socket=PATH                  unix socket to listen on (default " + Knid.DEFAULT_SOCKET + ")",
        "  --allow-user=NAME|UID          a user that may connect (repeatable; root and knid's user always may)",
        "  --allow-group=NAME|GID         a group whose members may connect (repeatable)",
        "  --lo-mode=MODE                 lo_mode_none (default), lo_mode_fifo, lo_mode_fifo_skb",
        "  --kthread-mode=single|multiple --carrier=off|on --enable-bifurcated=off|on",
        "  --min-scheduling-interval=US   --max-scheduling-interval=US   --tap-io=io_uring|write",
        "  --doorbell=on|off  --busy-poll=US (100: keep polling this long after traffic)",
        "  --rt-priority=0..99 (1: KNI threads sleep and wake at SCHED_FIFO; needs CAP_SYS_NICE; 0: never)",
        "                                 rte_kni.ko's module parameters (also as lo_mode=..., or --kni-lo-mode=...)",
        "  --max-clients=N (64)  --max-interfaces=N (64 per client)  --max-pools=N (256 per client)",
        "  --max-client-memory=BYTES (64 GiB per client)",
        "  -h, --help");

    /** @throws IllegalArgumentException for an unknown option or a bad value. */
    public static KnidConfig parse(final String... args)
    {
        final KnidConfig c = new KnidConfig();
        for (final String arg : args)
        {
            final int eq = arg.indexOf('=');
            if (eq < 0)
            {
                throw new IllegalArgumentException("knid: option " + arg + " needs a value (" + arg + "=...)");
            }
            final String key = arg.substring(0, eq);
            final String value = arg.substring(eq + 1);
            switch (key)
            {
                case "--socket": c.socketPath = value; break;
                case "--allow-user": c.allowUser(value); break;
                case "--allow-group": c.allowGroup(value); break;
                case "--max-clients": c.maxClients = positive(key, value); break;
                case "--max-interfaces": c.maxInterfaces = positive(key, value); break;
                case "--max-pools": c.maxPools = positive(key, value); break;
                case "--max-client-memory": c.maxClientMemory = positiveLong(key, value); break;
                default:
                    c.moduleOptions.put(moduleOption(key, arg), value);
            }
        }
        final List<String> kni = new ArrayList<>();
        c.moduleOptions.forEach((k, v) -> kni.add(k + "=" + v));
        c.params = KniModuleParams.parse(kni.toArray(new String[0]));
        return c;
    }

    /** {@code lo_mode}, {@code --lo-mode} and {@code --kni-lo-mode} are one option: {@code --kni-lo-mode}. */
    private static String moduleOption(final String key, final String arg)
    {
        String k = key;
        if (k.startsWith("--kni-"))
        {
            return k;
        }
        if (k.startsWith("--"))
        {
            k = k.substring(2);
        }
        else if (k.startsWith("-"))
        {
            throw new IllegalArgumentException("knid: unknown option " + arg + "\n" + USAGE);
        }
        return "--kni-" + k.replace('_', '-');
    }

    private static int positive(final String key, final String value)
    {
        final long v = positiveLong(key, value);
        if (v > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("knid: " + key + "=" + value + ": too large");
        }
        return (int)v;
    }

    private static long positiveLong(final String key, final String value)
    {
        try
        {
            final long v = Long.parseLong(value);
            if (v > 0)
            {
                return v;
            }
        }
        catch (final NumberFormatException ignore)
        {
            // below
        }
        throw new IllegalArgumentException("knid: " + key + "=" + value + ": expected a positive number");
    }

    private void allowUser(final String nameOrId)
    {
        allowUsers.add(nameOrId);
        allowedUids.add(id("--allow-user", "user", nameOrId, UnixPeer::uidOf));
    }

    private void allowGroup(final String nameOrId)
    {
        allowGroups.add(nameOrId);
        allowedGids.add(id("--allow-group", "group", nameOrId, UnixPeer::gidOf));
    }

    /** A number as it is, a name looked up; -1 from the lookup is "no such". */
    private static int id(final String option, final String what, final String nameOrId,
        final java.util.function.ToIntFunction<String> lookup)
    {
        final int id = !nameOrId.isEmpty() && nameOrId.chars().allMatch(Character::isDigit)
            ? Integer.parseUnsignedInt(nameOrId) : lookup.applyAsInt(nameOrId);
        if (id == -1)
        {
            throw new IllegalArgumentException("knid: " + option + "=" + nameOrId + ": no such " + what);
        }
        return id;
    }

    /** Root, knid's own user, an allowed user, or a member of an allowed group. */
    public boolean allows(final UnixPeer.Credentials peer, final int ownUid)
    {
        if (peer.uid() == 0 || peer.uid() == ownUid || allowedUids.contains(peer.uid()))
        {
            return true;
        }
        for (final int g : allowedGids)
        {
            if (peer.inGroup(g))
            {
                return true;
            }
        }
        return false;
    }

    public String describeAllowed()
    {
        return "root, knid's user" + (allowUsers.isEmpty() ? "" : ", users " + String.join(",", allowUsers)) +
            (allowGroups.isEmpty() ? "" : ", groups " + String.join(",", allowGroups));
    }

    public String describeParams()
    {
        return params.loMode().dpdkName() + ", kthread_mode=" + params.kthreadMode().name().toLowerCase() +
            ", carrier=" + (params.carrier() ? "on" : "off") + ", enable_bifurcated=" +
            (params.enableBifurcated() ? "on" : "off") + ", min_scheduling_interval=" +
            params.minSchedulingIntervalUs() + ", max_scheduling_interval=" + params.maxSchedulingIntervalUs() +
            ", tap_io=" + params.tapIo().name().toLowerCase();
    }

    public String socketPath()
    {
        return socketPath;
    }

    public KnidConfig socketPath(final String path)
    {
        this.socketPath = path;
        return this;
    }

    public KniModuleParams params()
    {
        return params;
    }

    public int maxClients()
    {
        return maxClients;
    }

    public int maxInterfaces()
    {
        return maxInterfaces;
    }

    public int maxPools()
    {
        return maxPools;
    }

    public long maxClientMemory()
    {
        return maxClientMemory;
    }
}
