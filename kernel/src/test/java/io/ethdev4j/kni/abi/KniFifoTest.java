package io.ethdev4j.kni.abi;

import io.ethdev4j.test.TestMemory;
import org.agrona.UnsafeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

class KniFifoTest
{
    private final TestMemory memory = new TestMemory(1 << 20);

    @AfterEach
    void tearDown()
    {
        memory.close();
    }

    private long fifo(final int len)
    {
        final long a = memory.allocate(KniFifoDescriptor.lengthBytes(len), 64);
        KniFifo.init(a, len);
        return a;
    }

    @Test
    void shouldInitHeaderAsKniFifoInit()
    {
        final long a = fifo(1024);
        assertEquals(0, UnsafeApi.getInt(a));
        assertEquals(0, UnsafeApi.getInt(a + 4));
        assertEquals(1024, UnsafeApi.getInt(a + 8));
        assertEquals(8, UnsafeApi.getInt(a + 12));
    }

    @Test
    void shouldHoldLenMinusOneEntries()
    {
        final KniFifo f = new KniFifo().attach(fifo(1024));
        assertEquals(1023, f.capacity());
        assertEquals(1023, f.freeCount());
        final long[] in = new long[2000];
        for (int i = 0; i < in.length; i++)
        {
            in[i] = 0x1000 + i * 8L;
        }
        assertEquals(1023, f.put(in, 0, in.length));
        assertEquals(1023, f.count());
        assertEquals(0, f.freeCount());
        assertFalse(f.put(1L));
        final long[] out = new long[2000];
        assertEquals(1023, f.get(out, 0, out.length));
        for (int i = 0; i < 1023; i++)
        {
            assertEquals(in[i], out[i]);
        }
        assertTrue(f.isEmpty());
        assertEquals(-1L, f.get(-1L));
    }

    @Test
    void shouldWrapAroundAndWriteEntriesAtBufferOffset()
    {
        final long a = fifo(4);
        final KniFifo f = new KniFifo().attach(a);
        for (int round = 0; round < 10; round++)
        {
            assertTrue(f.put(100L + round));
            assertTrue(f.put(200L + round));
            final int slot = UnsafeApi.getInt(a + KniFifoDescriptor.WRITE_OFFSET);
            assertEquals(200L + round, UnsafeApi.getLong(a + KniFifoDescriptor.entryOffset((slot + 3) & 3)));
            assertEquals(100L + round, f.get(0L));
            assertEquals(200L + round, f.get(0L));
        }
        assertEquals(0, f.count());
    }

    @Test
    void shouldRejectBadHeaders()
    {
        final long a = memory.allocate(KniFifoDescriptor.KNI_FIFO_SIZE, 64);
        final IllegalArgumentException notPow2 = assertThrows(IllegalArgumentException.class, () -> KniFifo.init(a, 1000));
        assertTrue(notPow2.getMessage().contains("len=1000"), notPow2.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KniFifo.init(a, 2048));
        UnsafeApi.putInt(a + 8, 1024);
        UnsafeApi.putInt(a + 12, 4);
        final IllegalArgumentException elem = assertThrows(IllegalArgumentException.class, () -> new KniFifo().attach(a));
        assertTrue(elem.getMessage().contains("elem_size=4"), elem.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new KniFifo().attach(a + 4));
    }

    @Test
    void shouldStayInsideFifoWhenPeerCorruptsIndices()
    {
        final long a = fifo(8);
        final KniFifo f = new KniFifo().attach(a);
        UnsafeApi.putInt(a + KniFifoDescriptor.WRITE_OFFSET, 0x7fffffff);
        UnsafeApi.putInt(a + KniFifoDescriptor.LEN_OFFSET, 1 << 30);
        final long[] out = new long[64];
        final int n = f.get(out, 0, out.length);
        assertTrue(n <= 7, "read " + n + " entries from an 8-slot FIFO");
    }

    @Test
    void shouldPassEveryEntryInOrderBetweenTwoThreads() throws Exception
    {
        final long a = fifo(64);
        final KniFifo producer = new KniFifo().attach(a);
        final KniFifo consumer = new KniFifo().attach(a);
        final int total = 1_000_000;
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread t = new Thread(() ->
        {
            final long[] batch = new long[16];
            long next = 1;
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (next <= total && System.nanoTime() < deadline)
            {
                int n = 0;
                while (n < batch.length && next + n <= total)
                {
                    batch[n] = next + n;
                    n++;
                }
                next += producer.put(batch, 0, n);
            }
        });
        t.start();
        final long[] out = new long[16];
        long expect = 1;
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (expect <= total && System.nanoTime() < deadline)
        {
            final int n = consumer.get(out, 0, out.length);
            for (int i = 0; i < n; i++)
            {
                if (out[i] != expect)
                {
                    failure.compareAndSet(null, new AssertionError("expected " + expect + " got " + out[i]));
                }
                expect++;
            }
        }
        t.join(TimeUnit.SECONDS.toMillis(25));
        assertNull(failure.get());
        assertEquals(total + 1, expect);
    }
}
