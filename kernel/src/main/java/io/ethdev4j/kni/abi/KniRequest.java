package io.ethdev4j.kni.abi;

import org.agrona.UnsafeApi;

import static io.ethdev4j.kni.abi.KniRequestDescriptor.*;

/**
 * Flyweight over one {@link KniRequestDescriptor rte_kni_request} in memory (the sync area, or a private copy).
 * Multi-byte fields are little-endian, as on x86-64; {@code result} is unaligned (offset 13).
 */
public final class KniRequest
{
    private long address;

    public KniRequest wrap(final long address)
    {
        this.address = address;
        return this;
    }

    public long address()
    {
        return address;
    }

    /** Zeroes all 17 bytes. */
    public KniRequest clear()
    {
        UnsafeApi.setMemory(address, LENGTH, (byte)0);
        return this;
    }

    public int reqId()
    {
        return UnsafeApi.getInt(null, address + REQ_ID_OFFSET);
    }

    public KniRequest reqId(final int reqId)
    {
        UnsafeApi.putInt(null, address + REQ_ID_OFFSET, reqId);
        return this;
    }

    public int newMtu()
    {
        return UnsafeApi.getInt(null, address + NEW_MTU_OFFSET);
    }

    public KniRequest newMtu(final int mtu)
    {
        UnsafeApi.putInt(null, address + NEW_MTU_OFFSET, mtu);
        return this;
    }

    public int ifUp()
    {
        return UnsafeApi.getByte(null, address + IF_UP_OFFSET) & 0xFF;
    }

    public KniRequest ifUp(final int ifUp)
    {
        UnsafeApi.putByte(null, address + IF_UP_OFFSET, (byte)ifUp);
        return this;
    }

    public int promiscusity()
    {
        return UnsafeApi.getByte(null, address + PROMISCUSITY_OFFSET) & 0xFF;
    }

    public KniRequest promiscusity(final int on)
    {
        UnsafeApi.putByte(null, address + PROMISCUSITY_OFFSET, (byte)on);
        return this;
    }

    public int allmulti()
    {
        return UnsafeApi.getByte(null, address + ALLMULTI_OFFSET) & 0xFF;
    }

    public KniRequest allmulti(final int on)
    {
        UnsafeApi.putByte(null, address + ALLMULTI_OFFSET, (byte)on);
        return this;
    }

    public void readMacAddr(final byte[] dst)
    {
        for (int i = 0; i < MAC_ADDR_LENGTH; i++)
        {
            dst[i] = UnsafeApi.getByte(null, address + MAC_ADDR_OFFSET + i);
        }
    }

    public KniRequest macAddr(final byte[] mac)
    {
        for (int i = 0; i < MAC_ADDR_LENGTH; i++)
        {
            UnsafeApi.putByte(null, address + MAC_ADDR_OFFSET + i, mac[i]);
        }
        return this;
    }

    public boolean async()
    {
        return (UnsafeApi.getByte(null, address + ASYNC_BYTE_OFFSET) & ASYNC_BIT) != 0;
    }

    public KniRequest async(final boolean async)
    {
        final int b = UnsafeApi.getByte(null, address + ASYNC_BYTE_OFFSET);
        UnsafeApi.putByte(null, address + ASYNC_BYTE_OFFSET, (byte)(async ? (b | ASYNC_BIT) : (b & ~ASYNC_BIT)));
        return this;
    }

    public int result()
    {
        return UnsafeApi.getInt(null, address + RESULT_OFFSET);
    }

    public KniRequest result(final int result)
    {
        UnsafeApi.putInt(null, address + RESULT_OFFSET, result);
        return this;
    }

    /** Copies the whole request to {@code dst} (17 bytes). */
    public void copyTo(final long dst)
    {
        UnsafeApi.copyMemory(address, dst, LENGTH);
    }
}
