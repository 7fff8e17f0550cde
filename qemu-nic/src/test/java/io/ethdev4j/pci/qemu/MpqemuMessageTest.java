package io.ethdev4j.pci.qemu;

import org.junit.jupiter.api.Test;

import static io.ethdev4j.pci.qemu.MpqemuMessage.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every offset of the mpqemu wire format, against QEMU's include/hw/remote/mpqemu-link.h (x86-64). */
class MpqemuMessageTest
{
    @Test
    void shouldMatchMpqemuLinkHeaderLayout()
    {
        assertEquals(0, HEADER_CMD_OFFSET);
        assertEquals(8, HEADER_SIZE_OFFSET);
        assertEquals(16, HEADER_LENGTH);
        assertEquals(0, CONF_ADDR_OFFSET);
        assertEquals(4, CONF_VAL_OFFSET);
        assertEquals(8, CONF_LEN_OFFSET);
        assertEquals(12, CONF_LENGTH);
        assertEquals(0, BAR_ADDR_OFFSET);
        assertEquals(8, BAR_VAL_OFFSET);
        assertEquals(16, BAR_SIZE_OFFSET);
        assertEquals(20, BAR_MEMORY_OFFSET);
        assertEquals(24, BAR_LENGTH);
        assertEquals(0, SYSMEM_GPAS_OFFSET);
        assertEquals(64, SYSMEM_SIZES_OFFSET);
        assertEquals(128, SYSMEM_OFFSETS_OFFSET);
        assertEquals(192, SYSMEM_LENGTH);
        assertEquals(0, RET_VALUE_OFFSET);
        assertEquals(8, RET_LENGTH);
        assertEquals(7, MAX_FDS);
    }

    @Test
    void shouldNumberCommandsAsMpqemuCmd()
    {
        assertEquals(0, CMD_SYNC_SYSMEM);
        assertEquals(1, CMD_RET);
        assertEquals(2, CMD_PCI_CFGWRITE);
        assertEquals(3, CMD_PCI_CFGREAD);
        assertEquals(4, CMD_BAR_WRITE);
        assertEquals(5, CMD_BAR_READ);
        assertEquals(6, CMD_SET_IRQFD);
        assertEquals(7, CMD_DEVICE_RESET);
        assertEquals("BAR_READ", commandName(CMD_BAR_READ));
    }
}
