package io.ethdev4j.eal;

import io.ethdev4j.sys.RteLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runtime's {@link Log} and {@link RteLog}, which code below the core calls: one level, one stream. */
class LogTest
{
    private final int levelBefore = Log.level();

    @AfterEach
    void restore()
    {
        Log.level(levelBefore);
        Log.output(System.err);
    }

    @Test
    void shouldShareOneLevelAndOneStreamWithRteLog()
    {
        final ByteArrayOutputStream lines = new ByteArrayOutputStream();
        Log.output(new PrintStream(lines, true, StandardCharsets.UTF_8));
        Log.level(Log.NOTICE);
        assertEquals(RteLog.NOTICE, RteLog.level());

        Log.warn("EAL", "from the core");
        RteLog.warn("KNI", "from below the core");
        Log.info("EAL", "filtered");
        RteLog.debug("KNI", "filtered");
        RteLog.level(RteLog.DEBUG);
        Log.debug("EAL", "now shown");

        assertEquals("EAL: from the core\nKNI: from below the core\nEAL: now shown\n",
            lines.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
        assertTrue(Log.enabled(Log.DEBUG));
    }

    @Test
    void shouldClampTheLevelAsBefore()
    {
        Log.level(0);
        assertEquals(Log.EMERG, RteLog.level());
        Log.level(42);
        assertEquals(Log.DEBUG, Log.level());
        Log.level(Log.ERR);
        assertFalse(RteLog.enabled(RteLog.WARNING));
    }
}
