package io.ethdev4j.testpmd.ixgbediff;

import io.ethdev4j.pmd.ixgbe.sim.Ixgbe82599Model;
import io.ethdev4j.pmd.ixgbe.sim.Ixgbe82599RegisterMap;
import io.ethdev4j.pmd.ixgbe.sim.Ixgbe82599RegisterMap.Access;
import io.ethdev4j.pmd.ixgbe.sim.Ixgbe82599RegisterMap.Register;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every configuration register instance of an {@link Ixgbe82599Model} as {@code NAME} or {@code NAME(i)} → value,
 * read with {@link Ixgbe82599Model#peek} (no read side effects), in the register map's order. Statistics counters
 * (clear on read: their value depends on when each driver last read them) and write-only command registers are left
 * out; the counters are compared through testpmd's statistics instead.
 */
final class RegisterSnapshot
{
    private RegisterSnapshot()
    {
    }

    static Map<String, Integer> of(final Ixgbe82599Model model)
    {
        final Map<String, Integer> r = new LinkedHashMap<>();
        for (final Register reg : Ixgbe82599RegisterMap.ALL)
        {
            if (!compared(reg.access()))
            {
                continue;
            }
            for (int i = 0; i < reg.instances(); i++)
            {
                r.put(reg.instances() == 1 ? reg.name() : reg.name() + "(" + i + ")", model.peek(reg.name(), i));
            }
        }
        return r;
    }

    /** The statistics counters as the drivers left them (what neither read since it last changed). */
    static Map<String, Integer> counters(final Ixgbe82599Model model)
    {
        final Map<String, Integer> r = new LinkedHashMap<>();
        for (final Register reg : Ixgbe82599RegisterMap.ALL)
        {
            if (reg.access() == Access.RC || reg.access() == Access.RC_LO || reg.access() == Access.RC_HI)
            {
                for (int i = 0; i < reg.instances(); i++)
                {
                    r.put(reg.instances() == 1 ? reg.name() : reg.name() + "(" + i + ")", model.peek(reg.name(), i));
                }
            }
        }
        return r;
    }

    static boolean compared(final Access access)
    {
        return access == Access.RW || access == Access.RO;
    }

    /** The register name of a snapshot key ({@code RAL(3)} → {@code RAL}). */
    static String nameOf(final String key)
    {
        final int p = key.indexOf('(');
        return p < 0 ? key : key.substring(0, p);
    }

    /** Keys whose values differ, with both values as {@code 0xDPDK / 0xOURS}. */
    static Map<String, String> diff(final Map<String, Integer> theirs, final Map<String, Integer> ours)
    {
        final Map<String, String> d = new TreeMap<>();
        for (final Map.Entry<String, Integer> e : theirs.entrySet())
        {
            final Integer o = ours.get(e.getKey());
            if (!e.getValue().equals(o))
            {
                d.put(e.getKey(), String.format("dpdk 0x%08x / ours %s", e.getValue(),
                    o == null ? "absent" : String.format("0x%08x", o)));
            }
        }
        return d;
    }
}
