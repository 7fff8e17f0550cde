package io.ethdev4j.kni.daemon;

import io.ethdev4j.kni.control.KniControlException;
import io.ethdev4j.sys.Errno;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One message of the knid protocol: a {@code SOCK_SEQPACKET} datagram (the socket keeps the boundaries), little-endian,
 * with the fds it names passed beside it ({@code SCM_RIGHTS}). The client sends a request and waits for its reply; the
 * daemon never speaks first.
 * <pre>
 * request:  0 op (u32) | 4 seq (u32) | 8 payload (per op, below)
 * reply:    0 op (u32) | 4 seq (u32) | 8 errno (i32, 0 = done) | 12 payload, or on errno != 0 the message (string)
 * string:   length (u16) | UTF-8 bytes
 *
 * HELLO            version (u32)                                          → the daemon's parameters (string)
 * REGISTER_POOL    pool (i32) | base (i64) | elementSize (i32) | elementCount (i32) | bufferOffset (i32)
 *                  | regionAddress (i64) | regionLength (i64);  fds: the region's memfd    → nothing
 * UNREGISTER_POOL  pool (i32)                                                              → found (u8)
 * CREATE           name (string) | groupId | coreId (i32) | forceBind (u8) | mbufSize | mtu | minMtu | maxMtu (i32)
 *                  | hasMac (u8) | mac (6) | netns (string, "" = the client's own)
 *                  | 7 x (fifo address (i64) | regionAddress (i64) | regionLength (i64)): tx, rx, alloc, free, req,
 *                    resp, sync | cpus (u16) | cpus x cpu (i32): the creating thread's affinity, which a KNI thread
 *                    started in-process would have inherited;
 *                  fds: the 7 regions' memfds, then the network namespace's fd
 *                                                   → handle (i32) | doorbell (u8);  fds: with doorbell = 1, the
 *                                                     eventfd of the KNI thread serving the interface (its doorbell,
 *                                                     {@link io.ethdev4j.kni.abi.KniDoorbellDescriptor}), else none
 * RELEASE          handle (i32)                                                            → found (u8)
 * STATUS           handle (i32)   → name (string) | ifIndex (i32) | present, carrier (u8) | requests, refusals (i64)
 *                                   | lastRefusal (string, "" = none) | lastIoErrno (i32)
 * READ_COUNTERS    handle (i32)                                                  → count (i32) | count x i64
 * UPDATE_LINK      handle (i32) | up (u8)                                        → previous (i32)
 * SET_MTU          handle (i32) | mtu (i32)                                      → nothing
 * SET_MAC          handle (i32) | mac (6)                                        → nothing
 * SET_PROMISC, SET_ALLMULTI   handle (i32) | on (u8)                             → nothing
 * </pre>
 * Closing the socket is the client's close: the daemon releases its interfaces and unmaps its memory.
 * A message shorter than its op needs, an unknown op, or fds an op does not take is refused with EINVAL, the fds
 * closed, and the connection kept. Replies carry no fds but a successful CREATE's doorbell; a client that receives a
 * reply shorter than its op's fields or with other fds closes them and drops the connection (the daemon is not one it
 * can talk to).
 * <p>
 * Version 2 added the doorbell to the CREATE reply.
 */
public final class KnidMessage
{
    public static final int VERSION = 2;
    /** Largest datagram either side sends; a longer one is refused (EMSGSIZE). */
    public static final int MAX_LENGTH = 4096;
    /** Most fds on one message (CREATE: 7 zones and a netns). */
    public static final int MAX_FDS = 8;
    /** Most fds on one reply (CREATE: the doorbell). */
    public static final int MAX_REPLY_FDS = 1;
    public static final int HEADER_LENGTH = 8;
    public static final int REPLY_HEADER_LENGTH = 12;
    /** The FIFO zones of CREATE, in order. */
    public static final int ZONES = 7;

    public static final int HELLO = 1;
    public static final int REGISTER_POOL = 2;
    public static final int UNREGISTER_POOL = 3;
    public static final int CREATE = 4;
    public static final int RELEASE = 5;
    public static final int STATUS = 6;
    public static final int READ_COUNTERS = 7;
    public static final int UPDATE_LINK = 8;
    public static final int SET_MTU = 9;
    public static final int SET_MAC = 10;
    public static final int SET_PROMISC = 11;
    public static final int SET_ALLMULTI = 12;

    private final ByteBuffer buf;
    /** The fds to pass with this message: the sender's own copies, which it closes once sent (or not sent). */
    private int[] fds = new int[0];

    private KnidMessage(final ByteBuffer buf)
    {
        this.buf = buf.order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A request to fill: header written. */
    public static KnidMessage request(final int op, final int seq)
    {
        final KnidMessage m = new KnidMessage(ByteBuffer.allocate(MAX_LENGTH));
        m.buf.putInt(op).putInt(seq);
        return m;
    }

    /** A successful reply to fill: header and errno 0 written. */
    public static KnidMessage reply(final int op, final int seq)
    {
        final KnidMessage m = new KnidMessage(ByteBuffer.allocate(MAX_LENGTH));
        m.buf.putInt(op).putInt(seq).putInt(0);
        return m;
    }

    /** A refusal: errno and the message naming the problem (cut to fit). */
    public static KnidMessage error(final int op, final int seq, final int errno, final String message)
    {
        final KnidMessage m = new KnidMessage(ByteBuffer.allocate(MAX_LENGTH));
        m.buf.putInt(op).putInt(seq).putInt(errno);
        final String text = message.length() > 1000 ? message.substring(0, 1000) + "..." : message;
        m.string(text);
        return m;
    }

    /** Reads {@code bytes[0 .. length)}. */
    public static KnidMessage read(final byte[] bytes, final int length)
    {
        return new KnidMessage(ByteBuffer.wrap(bytes, 0, length));
    }

    public KnidMessage i32(final int v)
    {
        buf.putInt(v);
        return this;
    }

    public KnidMessage i64(final long v)
    {
        buf.putLong(v);
        return this;
    }

    public KnidMessage i16(final int v)
    {
        buf.putShort((short)v);
        return this;
    }

    public int u16()
    {
        return buf.getShort() & 0xFFFF;
    }

    public KnidMessage u8(final boolean v)
    {
        buf.put((byte)(v ? 1 : 0));
        return this;
    }

    public KnidMessage bytes(final byte[] v)
    {
        buf.put(v);
        return this;
    }

    public KnidMessage string(final String s)
    {
        final byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        buf.putShort((short)b.length).put(b);
        return this;
    }

    public int i32()
    {
        return buf.getInt();
    }

    public long i64()
    {
        return buf.getLong();
    }

    /** A boolean byte: 0 or 1, anything else is malformed. */
    public boolean bool()
    {
        final byte b = buf.get();
        if (b != 0 && b != 1)
        {
            throw new KniControlException(Errno.EINVAL, "knid message malformed: a boolean byte of " + b + " (0 or 1)");
        }
        return b == 1;
    }

    public byte[] bytes(final int n)
    {
        final byte[] b = new byte[n];
        buf.get(b);
        return b;
    }

    public String string()
    {
        final int n = buf.getShort() & 0xFFFF;
        if (n > buf.remaining())
        {
            throw new BufferUnderflowException();
        }
        final byte[] b = new byte[n];
        buf.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    public int remaining()
    {
        return buf.remaining();
    }

    /** Passes {@code fd} with this message (SCM_RIGHTS); the message now owns it ({@link #closeFds}). */
    public KnidMessage attach(final int fd)
    {
        fds = java.util.Arrays.copyOf(fds, fds.length + 1);
        fds[fds.length - 1] = fd;
        return this;
    }

    /** The fds attached, to send. */
    public int[] fds()
    {
        return fds;
    }

    /** Closes the fds attached (after sending them, or instead). Idempotent. */
    public void closeFds()
    {
        for (final int fd : fds)
        {
            io.ethdev4j.sys.LibC.closeQuietly(fd);
        }
        fds = new int[0];
    }

    /** The bytes written so far (to send). */
    public int length()
    {
        return buf.position();
    }

    public byte[] array()
    {
        return buf.array();
    }

    /** The name of an op, for messages. */
    public static String opName(final int op)
    {
        switch (op)
        {
            case HELLO: return "hello";
            case REGISTER_POOL: return "registerMempool";
            case UNREGISTER_POOL: return "unregisterMempool";
            case CREATE: return "create";
            case RELEASE: return "release";
            case STATUS: return "status";
            case READ_COUNTERS: return "readCounters";
            case UPDATE_LINK: return "updateLink";
            case SET_MTU: return "setMtu";
            case SET_MAC: return "setMacAddr";
            case SET_PROMISC: return "setPromiscuous";
            case SET_ALLMULTI: return "setAllmulticast";
            default: return "op " + op;
        }
    }
}
