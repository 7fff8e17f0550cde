package io.ethdev4j.mem;

import io.ethdev4j.ethdev.EthDevException;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.sys.Errno;
import org.agrona.UnsafeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The memory events: regions registered when allocated (pools once built), unregistered before their pages go,
 * replayed to late listeners, told in subscription order and withdrawn in reverse, refused as a whole when a listener
 * refuses.
 */
class MemoryRegistryTest
{
    private final DmaMemory memory = new DmaMemory(true, 0);
    private final List<String> events = new ArrayList<>();

    @AfterEach
    void closeMemory()
    {
        memory.close();
    }

    /** Writes "name+region" / "name-region" into {@link #events}; optionally refuses regions named {@code refuse}. */
    private final class Recorder implements MemoryListener
    {
        private final String name;
        private String refuse;

        Recorder(final String name)
        {
            this.name = name;
        }

        Recorder refusing(final String regionName)
        {
            this.refuse = regionName;
            return this;
        }

        @Override
        public void onRegister(final DmaRegion region)
        {
            if (region.name().equals(refuse))
            {
                throw EthDevException.of(Errno.ENOSPC, "recorder(" + name + ")", "refuses " + region.name());
            }
            events.add(name + "+" + region.name());
        }

        @Override
        public void onUnregister(final DmaRegion region)
        {
            events.add(name + "-" + region.name());
        }

        @Override
        public String toString()
        {
            return name;
        }
    }

    @Test
    void shouldRegisterARegionWhenAllocatedAndUnregisterItWhenClosed()
    {
        memory.registry().addListener(new Recorder("a"));
        final DmaRegion r = memory.allocate("r1", 4096);
        assertEquals(List.of("a+r1"), events);
        assertTrue(memory.registry().isRegistered(r));
        assertSame(r, memory.registry().regionOf(r.address() + 100));
        assertEquals(DmaRegion.Use.DEVICE, r.use());
        assertNull(r.mempool());
        r.close();
        r.close();
        assertEquals(List.of("a+r1", "a-r1"), events, "withdrawn once");
        assertFalse(memory.registry().isRegistered(r));
        assertNull(memory.registry().regionOf(r.address()));
    }

    @Test
    void shouldReplayTheRegionsAlreadyThereToALateListenerInRegistrationOrder()
    {
        final DmaRegion r1 = memory.allocate("r1", 4096);
        memory.allocate("r2", 4096, DmaRegion.Use.HOST);
        final DmaRegion r3 = memory.allocate("r3", 4096);
        r1.close();
        memory.registry().addListener(new Recorder("late"));
        assertEquals(List.of("late+r2", "late+r3"), events, "what is registered now, oldest first");
        r3.close();
        assertEquals(List.of("late+r2", "late+r3", "late-r3"), events);
    }

    @Test
    void shouldTellListenersInSubscriptionOrderAndWithdrawInReverse()
    {
        memory.registry().addListener(new Recorder("iommu"));
        memory.registry().addListener(new Recorder("kni"));
        final DmaRegion r = memory.allocate("r", 4096);
        r.close();
        assertEquals(List.of("iommu+r", "kni+r", "kni-r", "iommu-r"), events);
    }

    @Test
    void shouldRegisterAPoolOnceItIsBuiltWithItsIdentity()
    {
        final List<RegionPool> seen = new ArrayList<>();
        final List<Boolean> livePools = new ArrayList<>();
        final List<Long> firstWordAtUnregister = new ArrayList<>();
        memory.registry().addListener(new MemoryListener()
        {
            @Override
            public void onRegister(final DmaRegion region)
            {
                seen.add(region.mempool());
                livePools.add(MbufPool.lookup("mre_pool") == region.mempool());
            }

            @Override
            public void onUnregister(final DmaRegion region)
            {
                // the pages are still mapped while listeners let go (a device may still be told to stop first)
                firstWordAtUnregister.add(UnsafeApi.getLong(region.address() + MbufDescriptor.BUF_ADDR_OFFSET));
            }
        });
        final MbufPool pool = MbufPool.create(memory, "mre_pool", 63, 0, 0, MbufDescriptor.DEFAULT_BUF_SIZE);
        assertEquals(List.of(pool), seen, "one event, carrying the pool");
        assertEquals(List.of(true), livePools, "the pool is live (lookup) when it is announced");
        assertSame(pool, pool.region().mempool());
        assertTrue(memory.registry().isRegistered(pool.region()));
        final long bufAddr = pool.mbuf(0).bufAddr();
        pool.close();
        assertEquals(List.of(bufAddr), firstWordAtUnregister);
        assertFalse(memory.registry().isRegistered(pool.region()));
    }

    @Test
    void shouldRefuseTheAllocationWhenAListenerRefusesAndWithdrawItFromTheOthers()
    {
        memory.registry().addListener(new Recorder("a"));
        memory.registry().addListener(new Recorder("b").refusing("bad"));
        memory.registry().addListener(new Recorder("c"));
        final EthDevException ex = assertThrows(EthDevException.class, () -> memory.allocate("bad", 4096));
        assertEquals(Errno.ENOSPC, ex.errno(), "what the listener threw");
        assertEquals(List.of("a+bad", "a-bad"), events, "a had accepted it and is told it is gone; c never heard");
        assertEquals(0, memory.allocatedBytes(), "the memory is freed");
        assertTrue(memory.regions().isEmpty());
        assertTrue(memory.registry().regions().isEmpty());
    }

    @Test
    void shouldFailThePoolCreationWhenAListenerRefusesItsRegion()
    {
        memory.registry().addListener(new Recorder("iommu").refusing("mempool:mre_refused"));
        final EthDevException ex = assertThrows(EthDevException.class,
            () -> MbufPool.create(memory, "mre_refused", 63, 0, 0, MbufDescriptor.DEFAULT_BUF_SIZE));
        assertEquals(Errno.ENOSPC, ex.errno());
        assertNull(MbufPool.lookup("mre_refused"), "the pool is forgotten");
        assertEquals(0, memory.allocatedBytes());
        events.clear();
        try (MbufPool again = MbufPool.create(memory, "mre_ok", 63, 0, 0, MbufDescriptor.DEFAULT_BUF_SIZE))
        {
            assertEquals(List.of("iommu+mempool:mre_ok"), events, "the next pool is fine");
            assertSame(again, MbufPool.lookup("mre_ok"));
        }
    }

    @Test
    void shouldNotSubscribeAListenerThatRefusesDuringTheReplay()
    {
        memory.allocate("r1", 4096);
        memory.allocate("bad", 4096);
        final Recorder picky = new Recorder("picky").refusing("bad");
        assertEquals(Errno.ENOSPC, assertThrows(EthDevException.class,
            () -> memory.registry().addListener(picky)).errno());
        assertEquals(List.of("picky+r1", "picky-r1"), events, "what it accepted is withdrawn");
        assertEquals(0, memory.registry().listenerCount());
        memory.allocate("r3", 4096);
        assertEquals(2, events.size(), "not subscribed");
    }

    @Test
    void shouldTellARemovedListenerNothingAndRefuseSubscribingTwice()
    {
        final Recorder a = new Recorder("a");
        memory.registry().addListener(a);
        assertEquals(Errno.EEXIST, assertThrows(EthDevException.class,
            () -> memory.registry().addListener(a)).errno());
        final DmaRegion r = memory.allocate("r", 4096);
        assertTrue(memory.registry().removeListener(a));
        assertFalse(memory.registry().removeListener(a));
        r.close();
        memory.allocate("s", 4096);
        assertEquals(List.of("a+r"), events);
    }

    @Test
    void shouldGoOnWhenAListenerFailsToLetGo()
    {
        memory.registry().addListener(new Recorder("a"));
        memory.registry().addListener(new MemoryListener()
        {
            @Override
            public void onRegister(final DmaRegion region)
            {
            }

            @Override
            public void onUnregister(final DmaRegion region)
            {
                throw new IllegalStateException("device gone");
            }
        });
        final DmaRegion r = memory.allocate("r", 4096);
        r.close();
        assertEquals(List.of("a+r", "a-r"), events, "the others are still told");
        assertTrue(r.isClosed());
        assertEquals(0, memory.allocatedBytes());
    }

    @Test
    void shouldRefuseAllocatingFromInsideACallback()
    {
        final List<Integer> errnos = new ArrayList<>();
        memory.registry().addListener(new MemoryListener()
        {
            @Override
            public void onRegister(final DmaRegion region)
            {
                try
                {
                    memory.allocate("nested", 4096);
                }
                catch (final EthDevException ex)
                {
                    errnos.add(ex.errno());
                }
            }

            @Override
            public void onUnregister(final DmaRegion region)
            {
            }
        });
        memory.allocate("outer", 4096);
        assertEquals(List.of(Errno.EBUSY), errnos);
        assertEquals(1, memory.registry().regions().size(), "only the outer region");
        assertEquals(4096, memory.allocatedBytes(), "the nested allocation was given back");
    }

    @Test
    void shouldRefuseFreeingFromInsideACallbackAndChangeNothing()
    {
        final DmaRegion victim = memory.allocate("victim", 4096);
        final List<Integer> errnos = new ArrayList<>();
        memory.registry().addListener(new MemoryListener()
        {
            @Override
            public void onRegister(final DmaRegion region)
            {
                if (region != victim)
                {
                    try
                    {
                        victim.close();
                    }
                    catch (final EthDevException ex)
                    {
                        errnos.add(ex.errno());
                    }
                }
            }

            @Override
            public void onUnregister(final DmaRegion region)
            {
            }
        });
        memory.allocate("trigger", 4096);
        assertEquals(List.of(Errno.EBUSY), errnos);
        assertFalse(victim.isClosed(), "still allocated");
        assertTrue(memory.registry().isRegistered(victim), "still registered");
        victim.close();
        assertFalse(memory.registry().isRegistered(victim));
    }

    @Test
    void shouldKeepEachMemorysRegionsToItsOwnRegistry()
    {
        try (DmaMemory other = new DmaMemory(true, 0))
        {
            memory.registry().addListener(new Recorder("runtime"));
            final DmaRegion elsewhere = other.allocate("elsewhere", 4096);
            assertTrue(events.isEmpty(), "nothing heard of other memory");
            assertFalse(memory.registry().isRegistered(elsewhere));
            assertTrue(other.registry().isRegistered(elsewhere));
            assertSame(other, elsewhere.memory());
        }
    }
}
