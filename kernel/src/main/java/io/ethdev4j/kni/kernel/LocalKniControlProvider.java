package io.ethdev4j.kni.kernel;

import io.ethdev4j.kni.control.KniControl;
import io.ethdev4j.kni.control.KniControlException;
import io.ethdev4j.kni.control.KniControlProvider;
import io.ethdev4j.sys.Errno;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ServiceLoader entry for {@value KniControl#LOCAL}: the kernel side in the application's process, its module
 * parameters parsed from the runtime's {@code --kni-*} options ({@link KniModuleParams#parse}).
 */
public final class LocalKniControlProvider implements KniControlProvider
{
    @Override
    public String name()
    {
        return KniControl.LOCAL;
    }

    /** @throws KniControlException EINVAL for a bad {@code --kni-*} option. */
    @Override
    public KniControl open(final Map<String, String> kniOptions)
    {
        final List<String> args = new ArrayList<>();
        for (final Map.Entry<String, String> e : kniOptions.entrySet())
        {
            args.add(e.getKey() + "=" + e.getValue());
        }
        final KniModuleParams params;
        try
        {
            params = KniModuleParams.parse(args.toArray(new String[0]));
        }
        catch (final IllegalArgumentException ex)
        {
            // every check of the module parameters is insmod's -EINVAL
            throw new KniControlException(Errno.EINVAL, "kniInit() failed: EINVAL - " + ex.getMessage(), ex);
        }
        return new LocalKniControl(params);
    }
}
