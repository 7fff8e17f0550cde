package io.ethdev4j.pdump;

import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

class CaptureDescriptorTest
{
    @Test
    void shouldLayOutTheRegionHeaderAsItsDiagram()
    {
        assertEquals(0, CaptureRegionDescriptor.MAGIC_OFFSET);
        assertEquals(8, CaptureRegionDescriptor.VERSION_OFFSET);
        assertEquals(12, CaptureRegionDescriptor.RING_COUNT_OFFSET);
        assertEquals(16, CaptureRegionDescriptor.SNAPLEN_OFFSET);
        assertEquals(20, CaptureRegionDescriptor.FILTER_LEN_OFFSET);
        assertEquals(24, CaptureRegionDescriptor.RING_CAPACITY_OFFSET);
        assertEquals(28, CaptureRegionDescriptor.RESERVED_OFFSET);
        assertEquals(32, CaptureRegionDescriptor.REGION_LENGTH_OFFSET);
        assertEquals(64, CaptureRegionDescriptor.FILTER_OFFSET);
        assertEquals(64, CaptureRegionDescriptor.HEADER_LENGTH);
        assertEquals(8, CaptureRegionDescriptor.INSN_LENGTH);
        assertEquals(0, CaptureRegionDescriptor.INSN_CODE_OFFSET);
        assertEquals(2, CaptureRegionDescriptor.INSN_JT_OFFSET);
        assertEquals(3, CaptureRegionDescriptor.INSN_JF_OFFSET);
        assertEquals(4, CaptureRegionDescriptor.INSN_K_OFFSET);
        final byte[] magic = new byte[8];
        java.nio.ByteBuffer.wrap(magic).order(ByteOrder.LITTLE_ENDIAN).putLong(CaptureRegionDescriptor.MAGIC);
        assertEquals("E4JPDUMP", new String(magic, StandardCharsets.US_ASCII));
    }

    @Test
    void shouldPlaceRingsOn128ByteBoundariesAfterTheFilter()
    {
        assertEquals(128, CaptureRegionDescriptor.ringsOffset(0));
        assertEquals(128, CaptureRegionDescriptor.ringsOffset(8));
        assertEquals(256, CaptureRegionDescriptor.ringsOffset(9));
        assertEquals(32896, CaptureRegionDescriptor.ringsOffset(4096)); // 64 + 4096 * 8 rounded up to 128
        assertEquals(512 + 65536, CaptureRegionDescriptor.ringStride(65536));
        assertEquals(128 + 2 * (512 + 65536), CaptureRegionDescriptor.ringOffset(4, 65536, 2));
        assertEquals(128 + 3 * (512 + 65536), CaptureRegionDescriptor.regionLength(4, 65536, 3));
    }

    @Test
    void shouldLayOutARingAsItsDiagram()
    {
        assertEquals(0, CaptureRingDescriptor.PORT_OFFSET);
        assertEquals(2, CaptureRingDescriptor.QUEUE_OFFSET);
        assertEquals(4, CaptureRingDescriptor.DIRECTION_OFFSET);
        assertEquals(128, CaptureRingDescriptor.TAIL_OFFSET);
        assertEquals(256, CaptureRingDescriptor.SEEN_OFFSET);
        assertEquals(264, CaptureRingDescriptor.FILTERED_OFFSET);
        assertEquals(272, CaptureRingDescriptor.DROPPED_OFFSET);
        assertEquals(384, CaptureRingDescriptor.HEAD_OFFSET);
        assertEquals(512, CaptureRingDescriptor.HEADER_LENGTH);
        final int[] groups = {CaptureRingDescriptor.PORT_OFFSET, CaptureRingDescriptor.TAIL_OFFSET,
            CaptureRingDescriptor.DROPPED_OFFSET, CaptureRingDescriptor.HEAD_OFFSET};
        for (int i = 1; i < groups.length; i++)
        {
            assertNotEquals(groups[i - 1] / 128, groups[i] / 128, "static, tail, counters and head: one 128-byte pair each");
        }
        assertEquals(0, CaptureRingDescriptor.RECORD_LENGTH_OFFSET);
        assertEquals(4, CaptureRingDescriptor.RECORD_ORIG_LENGTH_OFFSET);
        assertEquals(8, CaptureRingDescriptor.RECORD_TIMESTAMP_OFFSET);
        assertEquals(16, CaptureRingDescriptor.RECORD_DATA_OFFSET);
        assertEquals(16, CaptureRingDescriptor.RECORD_HEADER_LENGTH);
        assertEquals(16, CaptureRingDescriptor.recordStride(0));
        assertEquals(80, CaptureRingDescriptor.recordStride(64));
        assertEquals(80, CaptureRingDescriptor.recordStride(60));
        assertEquals(88, CaptureRingDescriptor.recordStride(65));
    }
}
