package io.ethdev4j.testpmd.cmd;

import io.ethdev4j.ethdev.EthDev;
import io.ethdev4j.mbuf.MbufDescriptor;
import io.ethdev4j.mbuf.MbufPool;
import io.ethdev4j.mem.DmaRegion;
import io.ethdev4j.ring.Ring;
import io.ethdev4j.sys.RteLog;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code dump_*} commands (cmdline.c: cmd_dump, cmd_dump_one), in the layouts of the EAL functions they call
 * (rte_dump_physmem_layout, rte_memzone_dump, rte_ring_dump, rte_mempool_dump, rte_devargs_dump, rte_log_dump) for
 * what this runtime has: its DMA regions stand for DPDK's memory segments and memzones, its rings and mbuf pools
 * for DPDK's. Beyond DPDK, {@code dump_mempool} ends with each pool's {@code in_use_count}, so that a leak can be
 * seen from the shell. DPDK's help lists none of them.
 */
final class DumpCommands extends CommandGroup
{
    DumpCommands(final Context c)
    {
        super(c);
    }

    @Override
    List<Command> commands()
    {
        return List.of(
            Command.of("dump_physmem", null, a -> physmem()),
            Command.of("dump_memzone", null, a -> memzones()),
            Command.of("dump_struct_sizes", null, a -> structSizes()),
            Command.of("dump_ring", null, a -> Ring.walk(this::ring)),
            Command.of("dump_mempool", null, a -> MbufPool.walk(this::mempool)),
            Command.of("dump_devargs", null, a -> devargs()),
            Command.of("dump_log_types", null, a -> logTypes()),
            Command.of("dump_ring|dump_mempool <name:string>", null, this::dumpOne));
    }

    /** The DMA regions of the memory the mbuf pool lives in, in allocation order. */
    private List<DmaRegion> regions()
    {
        return ports.pool().region().memory().regions();
    }

    /** rte_dump_physmem_layout: one line per page of each region ("Segment list-index"). */
    private void physmem()
    {
        final List<DmaRegion> regions = regions();
        for (int l = 0; l < regions.size(); l++)
        {
            final DmaRegion r = regions.get(l);
            final long pages = (r.length() + r.pageSize() - 1) / r.pageSize();
            for (long s = 0; s < pages; s++)
            {
                final long off = s * r.pageSize();
                out.printf("Segment %d-%d: IOVA:0x%x, len:%d, virt:0x%x, socket_id:0, hugepage_sz:%d, nchannel:0, " +
                    "nrank:0 fd:%d%n", l, s, r.iova() + off, r.pageSize(), r.address() + off, r.pageSize(), r.fd());
            }
        }
    }

    /** rte_memzone_dump: per region, its name, length and address, then its pages. */
    private void memzones()
    {
        final List<DmaRegion> regions = regions();
        for (int z = 0; z < regions.size(); z++)
        {
            final DmaRegion r = regions.get(z);
            out.printf("Zone %d: name:<%s>, len:0x%x, virt:0x%x, socket_id:0, flags:0%n", z, r.name(), r.length(),
                r.address());
            out.println("physical segments used:");
            final long first = r.address() / r.pageSize() * r.pageSize();
            for (long va = first; va < r.address() + r.length(); va += r.pageSize())
            {
                out.printf("  addr: 0x%x iova: 0x%x len: 0x%x pagesz: 0x%x%n", va, r.iova() + (va - r.address()),
                    r.pageSize(), r.pageSize());
            }
        }
    }

    /** dump_struct_sizes: the mbuf header here, and the x86-64 sizes of DPDK's mempool and ring headers. */
    private void structSizes()
    {
        out.printf("sizeof(struct rte_mbuf) = %d%n", MbufDescriptor.HEADER_LENGTH);
        out.printf("sizeof(struct rte_mempool) = %d%n", 192);
        out.printf("sizeof(struct rte_ring) = %d%n", 384);
    }

    /** rte_ring_dump. */
    private void ring(final Ring<?> r)
    {
        final int[] ht = r.headsAndTails();
        out.printf("ring <%s>@0x%x%n", r.name(), System.identityHashCode(r));
        out.printf("  flags=%x%n  size=%d%n  capacity=%d%n", r.flags(), r.size(), r.capacity());
        out.printf("  ct=%d%n  ch=%d%n  pt=%d%n  ph=%d%n", Integer.toUnsignedLong(ht[3]), Integer.toUnsignedLong(ht[2]),
            Integer.toUnsignedLong(ht[1]), Integer.toUnsignedLong(ht[0]));
        final int used = r.count();
        out.printf("  used=%d%n  avail=%d%n", used, r.capacity() - used);
    }

    /** rte_mempool_dump for what a pool here has, then (beyond DPDK) the mbufs in use. */
    private void mempool(final MbufPool pool)
    {
        out.printf("mempool <%s>@0x%x%n", pool.name(), pool.baseAddress());
        out.printf("  flags=10%n  socket_id=0%n");
        out.printf("  iova=0x%x%n", pool.region().iova());
        out.printf("  nb_mem_chunks=1%n  size=%d%n  populated_size=%d%n", pool.size(), pool.size());
        out.printf("  header_size=0%n  elt_size=%d%n  trailer_size=0%n  total_obj_size=%d%n", pool.elementSize(),
            pool.elementSize());
        out.printf("  private_data_size=%d%n", pool.privSize());
        out.printf("  ops_name: <%s>%n", "ring_mp_mc");
        out.printf("  avg bytes/object=%f%n", (double)pool.region().length() / pool.size());
        out.printf("  internal cache infos:%n    cache_size=%d%n", pool.cacheSize());
        if (pool.cacheSize() != 0)
        {
            int total = 0;
            for (int lcore = 0; lcore < ConfigCommands.MAX_LCORE; lcore++)
            {
                final int n = pool.cacheCount(lcore);
                out.printf("    cache_count[%d]=%d%n", lcore, n);
                total += n;
            }
            out.printf("    total_cache_count=%d%n", total);
        }
        out.printf("  common_pool_count=%d%n", Math.min(pool.commonPoolCount(), pool.size() - pool.cacheCount()));
        out.printf("  in_use_count=%d%n", pool.inUse());
    }

    /** cmd_dump_one: the ring or pool named so. */
    private void dumpOne(final Args a)
    {
        final String name = a.text("name");
        if (a.word(0).equals("dump_ring"))
        {
            final List<Ring<?>> found = new ArrayList<>();
            Ring.walk(r ->
            {
                if (found.isEmpty() && r.name().equals(name))
                {
                    found.add(r);
                }
            });
            if (found.isEmpty())
            {
                out.println("Cannot find ring");
                return;
            }
            ring(found.get(0));
            return;
        }
        final MbufPool pool = MbufPool.lookup(name);
        if (pool == null)
        {
            out.println("Cannot find mempool");
            return;
        }
        mempool(pool);
    }

    /** rte_devargs_dump: the devices given (--vdev, -a, port attach) with their bus and arguments. */
    private void devargs()
    {
        out.println("User device list:");
        for (final int p : ports.ids())
        {
            final EthDev d = ports.port(p);
            out.printf("  [%s]: %s %s%n", d.data().busName(), d.name(), d.data().devargs());
        }
    }

    /** rte_log_dump: the global level, then each registered log type and its level. */
    private void logTypes()
    {
        out.printf("global log level is %s%n", RteLog.levelName(RteLog.level()));
        final List<RteLog.Type> types = RteLog.types();
        for (int i = 0; i < types.size(); i++)
        {
            out.printf("id %d: %s, level is %s%n", i, types.get(i).name(), RteLog.levelName(types.get(i).level()));
        }
    }
}
