package io.ethdev4j.kni.abi;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every offset of the shared-memory ABI against DPDK v22.11 (GCC, x86-64). */
class KniLayoutTest
{
    @Test
    void shouldMatchRteKniFifoLayout()
    {
        assertEquals(0, KniFifoDescriptor.WRITE_OFFSET);
        assertEquals(4, KniFifoDescriptor.READ_OFFSET);
        assertEquals(8, KniFifoDescriptor.LEN_OFFSET);
        assertEquals(12, KniFifoDescriptor.ELEM_SIZE_OFFSET);
        assertEquals(16, KniFifoDescriptor.BUFFER_OFFSET);
        assertEquals(16, KniFifoDescriptor.HEADER_LENGTH);
        assertEquals(8, KniFifoDescriptor.ELEM_SIZE);
        assertEquals(1024, KniFifoDescriptor.KNI_FIFO_COUNT_MAX);
        assertEquals(8208, KniFifoDescriptor.KNI_FIFO_SIZE);
        assertEquals(8208, KniFifoDescriptor.lengthBytes(1024));
        assertEquals(16 + 8 * 5, KniFifoDescriptor.entryOffset(5));
    }

    @Test
    void shouldMatchRteKniRequestLayout()
    {
        assertEquals(0, KniRequestDescriptor.REQ_ID_OFFSET);
        assertEquals(4, KniRequestDescriptor.UNION_OFFSET);
        assertEquals(8, KniRequestDescriptor.UNION_LENGTH);
        assertEquals(4, KniRequestDescriptor.NEW_MTU_OFFSET);
        assertEquals(4, KniRequestDescriptor.IF_UP_OFFSET);
        assertEquals(4, KniRequestDescriptor.MAC_ADDR_OFFSET);
        assertEquals(6, KniRequestDescriptor.MAC_ADDR_LENGTH);
        assertEquals(4, KniRequestDescriptor.PROMISCUSITY_OFFSET);
        assertEquals(4, KniRequestDescriptor.ALLMULTI_OFFSET);
        assertEquals(12, KniRequestDescriptor.ASYNC_BYTE_OFFSET);
        assertEquals(1, KniRequestDescriptor.ASYNC_BIT);
        assertEquals(13, KniRequestDescriptor.RESULT_OFFSET);
        assertEquals(17, KniRequestDescriptor.LENGTH);
        assertEquals(64, KniDoorbellDescriptor.DOORBELL_OFFSET, "the doorbell: a cache line of its own after the request");
        assertEquals(68, KniDoorbellDescriptor.SYNC_LENGTH);
        assertTrue(KniDoorbellDescriptor.SYNC_LENGTH <= KniFifoDescriptor.KNI_FIFO_SIZE, "fits the sync zone");
    }

    @Test
    void shouldMatchRteKniRequestIds()
    {
        assertEquals(0, KniRequestId.RTE_KNI_REQ_UNKNOWN);
        assertEquals(1, KniRequestId.RTE_KNI_REQ_CHANGE_MTU);
        assertEquals(2, KniRequestId.RTE_KNI_REQ_CFG_NETWORK_IF);
        assertEquals(3, KniRequestId.RTE_KNI_REQ_CHANGE_MAC_ADDR);
        assertEquals(4, KniRequestId.RTE_KNI_REQ_CHANGE_PROMISC);
        assertEquals(5, KniRequestId.RTE_KNI_REQ_CHANGE_ALLMULTI);
        assertEquals(6, KniRequestId.RTE_KNI_REQ_MAX);
    }

    @Test
    void shouldMatchRteMbufLayout()
    {
        assertEquals(0, KniMbufDescriptor.BUF_ADDR_OFFSET);
        assertEquals(8, KniMbufDescriptor.BUF_IOVA_OFFSET);
        assertEquals(16, KniMbufDescriptor.DATA_OFF_OFFSET);
        assertEquals(18, KniMbufDescriptor.REFCNT_OFFSET);
        assertEquals(20, KniMbufDescriptor.NB_SEGS_OFFSET);
        assertEquals(22, KniMbufDescriptor.PORT_OFFSET);
        assertEquals(24, KniMbufDescriptor.OL_FLAGS_OFFSET);
        assertEquals(32, KniMbufDescriptor.PACKET_TYPE_OFFSET);
        assertEquals(36, KniMbufDescriptor.PKT_LEN_OFFSET);
        assertEquals(40, KniMbufDescriptor.DATA_LEN_OFFSET);
        assertEquals(42, KniMbufDescriptor.VLAN_TCI_OFFSET);
        assertEquals(44, KniMbufDescriptor.HASH_OFFSET);
        assertEquals(52, KniMbufDescriptor.VLAN_TCI_OUTER_OFFSET);
        assertEquals(54, KniMbufDescriptor.BUF_LEN_OFFSET);
        assertEquals(56, KniMbufDescriptor.POOL_OFFSET);
        assertEquals(64, KniMbufDescriptor.NEXT_OFFSET);
        assertEquals(128, KniMbufDescriptor.HEADER_LENGTH);
    }
}
