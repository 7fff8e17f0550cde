package io.ethdev4j.kni.kernel.datapath;

import io.ethdev4j.sys.Errno;
import io.ethdev4j.test.TestMbufPool;
import io.ethdev4j.test.TestMemory;
import org.agrona.UnsafeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.ethdev4j.kni.abi.KniMbufDescriptor.*;
import static org.junit.jupiter.api.Assertions.*;

class MbufValidatorTest
{
    private final TestMemory memory = new TestMemory(4 << 20);
    private final TestMbufPool pool = new TestMbufPool(memory, 7, 64);
    private final MutableMempoolRegistry registry = new MutableMempoolRegistry();
    private final MbufValidator v;

    MbufValidatorTest()
    {
        registry.register(pool.range());
        v = new MbufValidator(registry);
    }

    @AfterEach
    void tearDown()
    {
        memory.close();
    }

    @Test
    void shouldAcceptAWellFormedSegmentAndRecordIt()
    {
        final long m = pool.allocFrame(new byte[100]);
        final int p = v.findPool(m);
        assertEquals(0, p);
        assertEquals(100, v.checkChain(m, p));
        assertEquals(1, v.segmentCount());
        assertEquals(m + 128 + 128, v.segmentAddress(0));
        assertEquals(2048, v.checkEmpty(pool.alloc()));
    }

    @Test
    void shouldAcceptAChainWhoseLengthsAddUp()
    {
        final long a = pool.allocFrame(new byte[100]);
        final long b = pool.allocFrame(new byte[50]);
        UnsafeApi.putLong(a + NEXT_OFFSET, b);
        UnsafeApi.putShort(a + NB_SEGS_OFFSET, (short)2);
        UnsafeApi.putInt(a + PKT_LEN_OFFSET, 150);
        assertEquals(150, v.checkChain(a, v.findPool(a)));
        assertEquals(2, v.segmentCount());
        assertEquals(50, v.segmentLength(1));
    }

    @Test
    void shouldRefuseAddressesOutsidePoolsOrOffElementBoundaries()
    {
        final long m = pool.alloc();
        assertEquals(MbufValidator.BAD_ADDRESS, v.findPool(m + 8));
        assertEquals(MbufValidator.BAD_ADDRESS, v.findPool(0));
        assertEquals(MbufValidator.BAD_ADDRESS, v.findPool(-1L));
        assertEquals(MbufValidator.BAD_ADDRESS, v.findPool(pool.base() - TestMbufPool.ELEMENT_SIZE));
        assertEquals(MbufValidator.BAD_ADDRESS, v.findPool(pool.base() + (long)TestMbufPool.ELEMENT_SIZE * 64));
        assertEquals(MbufValidator.BAD_ADDRESS, v.checkEmpty(0xdeadbeef000L));
    }

    @Test
    void shouldRefuseInconsistentBufferFields()
    {
        final long m = pool.allocFrame(new byte[100]);
        UnsafeApi.putLong(m + BUF_ADDR_OFFSET, 0x1000);
        assertEquals(MbufValidator.BAD_BUFFER, v.checkChain(m, v.findPool(m)));
        pool.reset(m);
        UnsafeApi.putShort(m + BUF_LEN_OFFSET, (short)60000);
        assertEquals(MbufValidator.BAD_BUFFER, v.checkChain(m, v.findPool(m)));
        pool.reset(m);
        UnsafeApi.putShort(m + DATA_LEN_OFFSET, (short)2049);
        UnsafeApi.putInt(m + PKT_LEN_OFFSET, 2049);
        assertEquals(MbufValidator.BAD_BUFFER, v.checkChain(m, v.findPool(m)));
        pool.reset(m);
        UnsafeApi.putShort(m + DATA_OFF_OFFSET, (short)2130);
        assertEquals(MbufValidator.BAD_BUFFER, v.checkEmpty(m));
    }

    @Test
    void shouldRefuseLoopsAndInconsistentChains()
    {
        final long a = pool.allocFrame(new byte[100]);
        UnsafeApi.putLong(a + NEXT_OFFSET, a);
        UnsafeApi.putShort(a + NB_SEGS_OFFSET, (short)MbufValidator.MAX_SEGS);
        UnsafeApi.putInt(a + PKT_LEN_OFFSET, 100 * MbufValidator.MAX_SEGS);
        assertEquals(MbufValidator.BAD_CHAIN, v.checkChain(a, v.findPool(a)), "self loop");
        UnsafeApi.putShort(a + NB_SEGS_OFFSET, (short)0xFFFF);
        assertEquals(MbufValidator.BAD_CHAIN, v.checkChain(a, v.findPool(a)), "nb_segs too large");
        UnsafeApi.putShort(a + NB_SEGS_OFFSET, (short)0);
        assertEquals(MbufValidator.BAD_CHAIN, v.checkChain(a, v.findPool(a)), "nb_segs 0");
        pool.reset(a);
        UnsafeApi.putShort(a + DATA_LEN_OFFSET, (short)100);
        UnsafeApi.putInt(a + PKT_LEN_OFFSET, 99);
        assertEquals(MbufValidator.BAD_CHAIN, v.checkChain(a, v.findPool(a)), "pkt_len mismatch");
        UnsafeApi.putInt(a + PKT_LEN_OFFSET, -1);
        assertEquals(MbufValidator.TOO_BIG, v.checkChain(a, v.findPool(a)), "huge pkt_len");
        pool.reset(a);
        UnsafeApi.putShort(a + NB_SEGS_OFFSET, (short)2);
        UnsafeApi.putLong(a + NEXT_OFFSET, 0x4000_0000_0000L);
        assertEquals(MbufValidator.BAD_CHAIN, v.checkChain(a, v.findPool(a)), "wild next");
    }

    @Test
    void shouldSeePoolsRegisteredLater()
    {
        final TestMbufPool other = new TestMbufPool(memory, 8, 4);
        final long m = other.alloc();
        assertEquals(MbufValidator.BAD_ADDRESS, v.findPool(m));
        registry.register(other.range());
        v.refresh();
        assertEquals(1, v.findPool(m));
        assertEquals(-Errno.EEXIST, registry.register(other.range()), "the same pool id twice");
    }
}
