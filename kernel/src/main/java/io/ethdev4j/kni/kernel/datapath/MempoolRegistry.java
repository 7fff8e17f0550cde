package io.ethdev4j.kni.kernel.datapath;

import io.ethdev4j.kni.abi.MempoolRange;

/**
 * The only thing the kernel side needs from the application's memory: where its mbufs are. Every address read from
 * a FIFO is checked against these ranges before it is followed (see {@link MbufValidator}).
 * <p>
 * {@link #ranges()} is called by KNI threads once per pass: it must not allocate, and must return the same array
 * until the set of pools changes (then a new array; never mutate a returned one). {@link MutableMempoolRegistry}
 * does exactly that.
 */
public interface MempoolRegistry
{
    MempoolRange[] ranges();
}
