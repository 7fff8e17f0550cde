package io.ethdev4j.kni.control;

/**
 * One KNI interface's state as the kernel side sees it, at the moment {@link KniControl#status} was called: plain
 * values only.
 *
 * @param name        the interface name.
 * @param ifIndex     its ifindex in its network namespace.
 * @param present     false once it was deleted from outside, or destroyed with the namespace it was moved to.
 * @param carrier     the carrier (rte_kni_update_link, or the module's {@code carrier=on} when it went up).
 * @param requests    requests sent to the application so far (req_q).
 * @param refusals    changes the application refused (non-zero result, or no answer: ETIME), each reverted.
 * @param lastRefusal the log line of the last refusal, or null.
 * @param lastIoErrno errno of the last failed TAP read or write, 0 if none.
 */
public record KniDeviceStatus(String name, int ifIndex, boolean present, boolean carrier, long requests, long refusals,
    String lastRefusal, int lastIoErrno)
{
}
