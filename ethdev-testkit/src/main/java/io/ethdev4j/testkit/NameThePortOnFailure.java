package io.ethdev4j.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Prefixes every failure of a conformance test with the concrete test class and the fixture, because the
 * suites run as nested classes of {@link EthDevConformance} whose reports carry the suite's class name only.
 */
final class NameThePortOnFailure implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler
{
    @Override
    public void handleTestExecutionException(final ExtensionContext context, final Throwable throwable) throws Throwable
    {
        throw named(context, throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(final ExtensionContext context, final Throwable throwable)
        throws Throwable
    {
        throw named(context, throwable);
    }

    @Override
    public void handleAfterEachMethodExecutionException(final ExtensionContext context, final Throwable throwable)
        throws Throwable
    {
        throw named(context, throwable);
    }

    private static Throwable named(final ExtensionContext context, final Throwable throwable)
    {
        if (throwable instanceof org.opentest4j.TestAbortedException)
        {
            return throwable;
        }
        final StringBuilder who = new StringBuilder("[");
        context.getTestInstances().ifPresent(ti ->
        {
            final Object outermost = ti.getAllInstances().get(0);
            who.append(outermost.getClass().getSimpleName());
            final Object inner = ti.getInnermostInstance();
            if (inner instanceof PortConformanceBase && ((PortConformanceBase)inner).fixture != null)
            {
                who.append(' ').append(((PortConformanceBase)inner).fixture);
            }
        });
        who.append("] ");
        final AssertionError e = new AssertionError(who + String.valueOf(throwable.getMessage()), throwable);
        e.setStackTrace(throwable.getStackTrace());
        return e;
    }
}
