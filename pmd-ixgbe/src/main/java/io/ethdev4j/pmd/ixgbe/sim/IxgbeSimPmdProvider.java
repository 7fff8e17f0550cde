package io.ethdev4j.pmd.ixgbe.sim;

import io.ethdev4j.bus.ProbeContext;
import io.ethdev4j.bus.VdevPmdProvider;
import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.ethdev.EthDevOps;
import io.ethdev4j.pci.PciId;
import io.ethdev4j.pmd.intel.sim.SimDma;
import io.ethdev4j.pmd.intel.sim.SimMode;
import io.ethdev4j.pmd.ixgbe.IxgbeEthDev;
import io.ethdev4j.pmd.ixgbe.IxgbePmdProvider;
import io.ethdev4j.sys.Errno;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code --vdev net_ixgbe_simN[,mode=instant|loopback|wire][,wire=NAME][,device_id=0x10fb][,strict=1|0]}: the ixgbe
 * PMD over the in-process {@link Ixgbe82599Model}. Two ports in wire mode with the same {@code wire=NAME} are cabled
 * to each other (what one sends the other receives, through its filters and RSS); without it, wire-mode frames leave
 * through {@link Ixgbe82599Model#pollTransmitted} and arrive by {@link Ixgbe82599Model#inject}. Strict mode (default
 * on) fails the access that breaks a datasheet ordering rule.
 */
public final class IxgbeSimPmdProvider implements VdevPmdProvider
{
    public static final String DRIVER_NAME = "net_ixgbe_sim";

    /** Wire-mode ports waiting for their peer, by cable name. */
    private static final Map<String, Ixgbe82599Model> CABLES = new ConcurrentHashMap<>();

    @Override
    public String driverName()
    {
        return DRIVER_NAME;
    }

    @Override
    public Map<String, String> devargs()
    {
        final Map<String, String> m = new LinkedHashMap<>();
        m.put("mode", "instant | loopback | wire (default instant)");
        m.put("wire", "<name> wire mode: cable this port to the other port given the same name");
        m.put("device_id", "<hex> the PCI device id the model presents (default 0x10fb, 82599 SFP+)");
        m.put("strict", "1 | 0 fail on datasheet ordering violations (default 1)");
        return m;
    }

    @Override
    public EthDevOps probe(final ProbeContext ctx)
    {
        final String op = "probe(" + ctx.devargs() + ")";
        final String m = ctx.devargs().get("mode", "instant");
        final SimMode mode;
        try
        {
            mode = SimMode.valueOf(m.toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException ex)
        {
            throw EthDevException.of(Errno.EINVAL, op, "mode=" + m + " (valid: instant, loopback, wire)");
        }
        final String idText = ctx.devargs().get("device_id", "0x10fb");
        final int deviceId;
        try
        {
            deviceId = Integer.decode(idText);
        }
        catch (final NumberFormatException ex)
        {
            throw EthDevException.of(Errno.EINVAL, op, "device_id=" + idText + " (a number such as 0x10fb)");
        }
        final IxgbeEthDev.MacType type = IxgbePmdProvider.macType(new PciId(PciId.VENDOR_INTEL, deviceId));
        if (type == null)
        {
            throw EthDevException.of(Errno.EINVAL, op, "device_id=" + idText + " is not an id net_ixgbe claims");
        }
        final String strictText = ctx.devargs().get("strict", "1");
        if (!strictText.equals("1") && !strictText.equals("0"))
        {
            throw EthDevException.of(Errno.EINVAL, op, "strict=" + strictText + " (valid: 1, 0)");
        }
        final String wire = ctx.devargs().get("wire", null);
        if (wire != null && mode != SimMode.WIRE)
        {
            throw EthDevException.of(Errno.EINVAL, op, "wire=" + wire + " needs mode=wire");
        }
        final long mac = Ixgbe82599Model.DEFAULT_MAC + ctx.data().portId();
        final Ixgbe82599Model model = new Ixgbe82599Model(deviceId, mac, mode, strictText.equals("1"),
            SimDma.IDENTITY);
        if (wire != null)
        {
            final Ixgbe82599Model other = CABLES.remove(wire);
            if (other != null)
            {
                model.connect(other);
            }
            else
            {
                CABLES.put(wire, model);
            }
        }
        final IxgbeSimDevice dev = new IxgbeSimDevice(model, ctx.data().portId());
        final AutoCloseable owner = () ->
        {
            if (wire != null)
            {
                CABLES.remove(wire, model);
            }
            dev.close();
        };
        return IxgbeEthDev.probe(ctx.data(), ctx.eal(), dev, type, 0, owner);
    }
}
