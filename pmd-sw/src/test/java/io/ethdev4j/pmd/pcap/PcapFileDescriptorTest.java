package io.ethdev4j.pmd.pcap;

import org.junit.jupiter.api.Test;

import static io.ethdev4j.pmd.pcap.PcapFileDescriptor.*;
import static io.ethdev4j.pmd.pcap.PcapngBlockDescriptor.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PcapFileDescriptorTest
{
    @Test
    void shouldMatchPcapSavefileLayout()
    {
        assertEquals(0xA1B2C3D4, MAGIC_USEC);
        assertEquals(0xA1B23C4D, MAGIC_NSEC);
        assertEquals(0, MAGIC_OFFSET);
        assertEquals(4, VERSION_MAJOR_OFFSET);
        assertEquals(6, VERSION_MINOR_OFFSET);
        assertEquals(8, THISZONE_OFFSET);
        assertEquals(12, SIGFIGS_OFFSET);
        assertEquals(16, SNAPLEN_OFFSET);
        assertEquals(20, LINKTYPE_OFFSET);
        assertEquals(24, FILE_HEADER_LENGTH);
        assertEquals(0, TS_SEC_OFFSET);
        assertEquals(4, TS_FRAC_OFFSET);
        assertEquals(8, INCL_LEN_OFFSET);
        assertEquals(12, ORIG_LEN_OFFSET);
        assertEquals(16, RECORD_HEADER_LENGTH);
        assertEquals(1, LINKTYPE_ETHERNET);
    }

    @Test
    void shouldMatchPcapngBlockLayout()
    {
        assertEquals(0, BLOCK_TYPE_OFFSET);
        assertEquals(4, BLOCK_TOTAL_LENGTH_OFFSET);
        assertEquals(8, BLOCK_BODY_OFFSET);
        assertEquals(12, BLOCK_MIN_LENGTH);
        assertEquals(0x0A0D0D0A, SHB_TYPE);
        assertEquals(8, SHB_BYTE_ORDER_MAGIC_OFFSET);
        assertEquals(12, SHB_MAJOR_VERSION_OFFSET);
        assertEquals(14, SHB_MINOR_VERSION_OFFSET);
        assertEquals(16, SHB_SECTION_LENGTH_OFFSET);
        assertEquals(24, SHB_OPTIONS_OFFSET);
        assertEquals(28, SHB_MIN_LENGTH);
        assertEquals(1, IDB_TYPE);
        assertEquals(8, IDB_LINKTYPE_OFFSET);
        assertEquals(10, IDB_RESERVED_OFFSET);
        assertEquals(12, IDB_SNAPLEN_OFFSET);
        assertEquals(16, IDB_OPTIONS_OFFSET);
        assertEquals(20, IDB_MIN_LENGTH);
        assertEquals(6, EPB_TYPE);
        assertEquals(8, EPB_INTERFACE_ID_OFFSET);
        assertEquals(12, EPB_TIMESTAMP_HIGH_OFFSET);
        assertEquals(16, EPB_TIMESTAMP_LOW_OFFSET);
        assertEquals(20, EPB_CAPTURED_LENGTH_OFFSET);
        assertEquals(24, EPB_ORIGINAL_LENGTH_OFFSET);
        assertEquals(28, EPB_DATA_OFFSET);
        assertEquals(32, EPB_MIN_LENGTH);
        assertEquals(3, SPB_TYPE);
        assertEquals(8, SPB_ORIGINAL_LENGTH_OFFSET);
        assertEquals(12, SPB_DATA_OFFSET);
        assertEquals(16, SPB_MIN_LENGTH);
        assertEquals(2, PB_TYPE);
        assertEquals(8, PB_INTERFACE_ID_OFFSET);
        assertEquals(10, PB_DROPS_COUNT_OFFSET);
        assertEquals(28, PB_DATA_OFFSET);
        assertEquals(0, OPTION_CODE_OFFSET);
        assertEquals(2, OPTION_LENGTH_OFFSET);
        assertEquals(4, OPTION_VALUE_OFFSET);
        assertEquals(9, OPT_IF_TSRESOL);
        assertEquals(14, OPT_IF_TSOFFSET);
        assertEquals(5, ISB_TYPE);
        assertEquals(8, ISB_INTERFACE_ID_OFFSET);
        assertEquals(12, ISB_TIMESTAMP_HIGH_OFFSET);
        assertEquals(16, ISB_TIMESTAMP_LOW_OFFSET);
        assertEquals(20, ISB_OPTIONS_OFFSET);
        assertEquals(24, ISB_MIN_LENGTH);
        // option codes of draft-ietf-opsawg-pcapng-02 sections 3.5, 4.1, 4.2, 4.3, 4.6
        assertEquals(1, OPT_COMMENT);
        assertEquals(3, OPT_SHB_OS);
        assertEquals(4, OPT_SHB_USERAPPL);
        assertEquals(2, OPT_IF_NAME);
        assertEquals(3, OPT_IF_DESCRIPTION);
        assertEquals(6, OPT_IF_MACADDR);
        assertEquals(8, OPT_IF_SPEED);
        assertEquals(11, OPT_IF_FILTER);
        assertEquals(15, OPT_IF_HARDWARE);
        assertEquals(2, OPT_EPB_FLAGS);
        assertEquals(6, OPT_EPB_QUEUE);
        assertEquals(1, EPB_FLAG_INBOUND);
        assertEquals(2, EPB_FLAG_OUTBOUND);
        assertEquals(2, OPT_ISB_STARTTIME);
        assertEquals(3, OPT_ISB_ENDTIME);
        assertEquals(4, OPT_ISB_IFRECV);
        assertEquals(5, OPT_ISB_IFDROP);
        assertEquals(6, OPT_ISB_FILTERACCEPT);
        assertEquals(8, OPT_ISB_USRDELIV);
        assertEquals(8, align4(5));
        assertEquals(8, align4(8));
    }
}
