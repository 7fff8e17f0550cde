package io.ethdev4j.kni.kernel.datapath;

import com.sun.jna.Pointer;
import io.ethdev4j.sys.EventFd;
import io.ethdev4j.sys.RteLog;
import io.ethdev4j.sys.LibC;
import io.ethdev4j.sys.Poll;
import org.agrona.UnsafeApi;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A KNI thread ({@code kni_single} or {@code kni_<name>}): passes over its interfaces' {@link KniDataPath data paths}
 * moving frames both ways.
 *
 * <h2>Duty cycle (differs from the module, on purpose)</h2>
 * The module ran 1000 passes back to back and then slept {@code usleep_range(min, max)}. Its passes were a few
 * memory reads when idle; ours include a non-blocking TAP read (a syscall, ~0.5 µs), so 1000 idle passes would burn a
 * core. Instead: after a pass that moved anything the next pass starts at once; after an idle pass the thread sleeps
 * in {@code ppoll} on its TAP fds — {@code min_scheduling_interval} first, doubling on each further idle pass up to
 * {@code max_scheduling_interval}. A frame from the netdev wakes it at once (kernel → application latency is the
 * wake-up, not the interval). A frame on rx_q wakes it at once too: before each sleep the thread arms each
 * interface's doorbell ({@link io.ethdev4j.kni.abi.KniDoorbellDescriptor}, see {@link #DOORBELL_ARM_AFTER_IDLE_NS})
 * and checks rx_q once more; an application that then puts packets on rx_q signals the thread's eventfd, which it
 * sleeps on beside the TAP fds. A busy thread never sleeps, so the application pays nothing then; the scheduling
 * intervals still bound every sleep. With min = 0 the first idle
 * pass only polls, then the sleep grows from 1 µs.
 * <h2>Busy polling after traffic ({@code busy_poll}, an ethdev4j addition)</h2>
 * A wake-up costs more than a round trip through testpmd (a request the thread just passed to the application comes
 * back on the other interface's rx_q a few µs later; the peer's answer reaches the TAP some 20 µs later). So after a
 * pass that moved frames the thread keeps polling for {@code busy_poll} µs before it starts the sleep sequence above,
 * and it calls {@code sched_yield} on each idle pass of that window: on a 2-CPU machine where testpmd's lcore owns
 * one CPU, the processes the thread waits for (the peer answering, the application's client) must get the other at
 * once, and a plain spin would hold it until the scheduler's tick (measured: UDP round trip p50 ~260 µs spinning,
 * ~42 µs yielding, ~80 µs sleeping at once; net_tap ~60). An interface without traffic never busy-polls.
 * <h2>Real-time wake-ups ({@code rt_priority}, an ethdev4j addition)</h2>
 * rte_kni.ko's thread was a kernel thread; ours is a user thread, and on a small machine the CPU it wakes on is often
 * busy with something that a SCHED_OTHER wake-up does not preempt for a whole slice: a JIT compiler thread, or a kernel
 * thread such as kdamond (here: 1-4 ms every 0.5 s). That was the ping round trip's p99 (0.8-1.1 ms against net_tap's
 * 0.2). With rt_priority &gt; 0 the thread sleeps at SCHED_FIFO, so its wake-up preempts them, and handles what woke it
 * at that priority: after giving frames to the application it polls for up to {@link #APP_WAIT_NS} without yielding
 * (the application's lcore runs on another CPU). It drops to SCHED_OTHER to busy-poll for a process on its own CPU (a
 * real-time thread would keep that process from running) and once traffic has kept it busy for {@link #RT_BURST_NS}
 * since the wake-up, so a flood shares the CPU as before; it takes SCHED_FIFO again before the next sleep. The policy
 * changes only at those transitions (one sched_setscheduler each), never per frame.
 * <h2>Lending the TAP while asleep ({@code direct_io}, an ethdev4j addition)</h2>
 * With the doorbell armed and nothing on rx_q, the thread lends each lo_mode_none interface's TAP to an application
 * that does direct I/O ({@link KniDataPath#lend}, {@link io.ethdev4j.kni.abi.KniDirectIoDescriptor}), and takes it back
 * after the sleep, before its next pass ({@link KniDataPath#recall}). A TAP the application is reading stays out of the
 * poll set: a frame on it is the application's to read, on its lcore, and waking this thread for it would take the CPU
 * from the processes behind the interface (measured: ping through testpmd p50 ~45 µs with direct I/O, ~80 µs without,
 * net_tap ~95). While every interface is lent to an application that reads it, a wake-up at the scheduling interval
 * would only take the TAPs back for a pass that finds nothing, so the thread sleeps on for {@link #LENT_SLEEP_NS} at a
 * time, until the doorbell rings, the device list changes or an application stops reading.
 * <p>
 * Allocation-free after start: the device array is replaced (copy-on-write) by the control thread and read here once
 * per pass.
 */
public final class KniKthread implements Runnable
{
    /**
     * How long the thread must have been idle before it arms the doorbell: 0, every sleep is armed. Measured on the
     * quiet machine (tools/bench-kni.sh, 2026-11-30): with 10 ms, a request/response crossing testpmd waited a whole
     * first sleep (min_scheduling_interval) at each app-to-kernel hop, because the application forwards the packet
     * while the thread that just delivered the request takes its first, unarmed, sleep: UDP round trip p50 267 µs
     * against net_tap's 51 µs. With 0: p50 75-77 µs (net_tap 67 µs), and app-to-kernel throughput 1.47 Mpps
     * (1.61x net_tap; 1.42 Mpps with 10 ms): a flooding application rarely finds the thread asleep, so it rarely
     * rings.
     */
    public static final long DOORBELL_ARM_AFTER_IDLE_NS = 0;

    /**
     * With rt_priority: how long after a wake-up the thread may stay at SCHED_FIFO. A request or a ping is handled in
     * well under this (wake-up, to the application, back from it, to the netdev: ~40-100 µs here); traffic that keeps
     * the thread busy longer is a flood, which then shares the CPU at SCHED_OTHER.
     */
    public static final long RT_BURST_NS = 250_000;

    /**
     * With rt_priority: how long, after giving frames to the application, the thread polls at SCHED_FIFO without
     * yielding for what the application sends back (testpmd's lcore forwards within a few µs).
     */
    public static final long APP_WAIT_NS = 20_000;

    /**
     * direct_io: how long the thread sleeps at a time while every interface it serves is lent to an application that
     * reads it. The doorbell still wakes it at once, and so do {@link #add}, {@link #remove} and {@link #stop} (they
     * signal the same eventfd); the timeout only bounds how late it notices an application that stopped reading. At the
     * scheduling interval (200 µs) each wake-up took a server's or a client's CPU for a moment, 5000 times a second.
     */
    public static final long LENT_SLEEP_NS = 50_000_000;

    /** Interfaces one thread serves at most (one poll slot each). */
    public static final int MAX_DEVICES = 256;

    private final String name;
    private final int bindCore;
    private final long minNs;
    private final long maxNs;
    private final long busyPollNs;
    private final MbufValidator validator;
    private final Poll poll = new Poll(MAX_DEVICES + 1);
    private final int[] fds = new int[MAX_DEVICES + 1];
    /** The devices whose TAP this sleep lent (direct_io), by poll slot. This thread only. */
    private final boolean[] lent = new boolean[MAX_DEVICES];
    /** The doorbell: applications signal it when they put packets on an rx_q while this thread sleeps. */
    private final int doorbellFd;
    private final boolean doorbell;
    /** 8 bytes for the eventfd's counter. */
    private final com.sun.jna.Memory doorbellValue = new com.sun.jna.Memory(EventFd.VALUE_LENGTH);
    /** 8 bytes for the control thread's {@link #kick}. */
    private final com.sun.jna.Memory kickValue = new com.sun.jna.Memory(EventFd.VALUE_LENGTH);
    private final Thread thread;

    /** Writer: control thread (add/remove); reader: this thread. */
    private volatile KniDataPath[] devices = new KniDataPath[0];
    private volatile boolean running = true;
    /** Writer: this thread, after every pass; control thread waits on it to know a removed device is no longer used. */
    private volatile long passes;
    private volatile Throwable failure;
    private KniDataPath[] polled;
    /** rt_priority: SCHED_FIFO to sleep and just after a wake-up (false: never, or refused). This thread only. */
    private boolean rt;
    /** struct sched_param for each policy, made once: a policy change allocates nothing. */
    private final int[] fifoParam;
    private final int[] otherParam = {0};
    /** The policy this thread runs at now (SCHED_FIFO when true). This thread only. */
    private boolean fifo;
    /** The last pass that moved frames gave some to the application. This thread only. */
    private boolean awaitingApp;
    /** When the last sleep ended. This thread only. */
    private long wokeAt;
    private int polledDetached;

    /**
     * @param bindCore                 CPU to run on (kthread_mode=multiple with force_bind), or -1.
     * @param minSchedulingIntervalUs  the module's min_scheduling_interval.
     * @param maxSchedulingIntervalUs  the module's max_scheduling_interval.
     * @param doorbell                 arm the doorbell before each sleep.
     * @param busyPollUs               keep polling (yielding) this long after a pass that moved frames (busy_poll).
     * @param rtPriority               SCHED_FIFO priority to sleep and wake at (rt_priority), 0: never.
     * @param registry                 the mempools whose mbufs may be followed.
     */
    public KniKthread(final String name, final int bindCore, final int minSchedulingIntervalUs,
        final int maxSchedulingIntervalUs, final boolean doorbell, final int busyPollUs, final int rtPriority,
        final MempoolRegistry registry)
    {
        this.rt = rtPriority > 0;
        this.fifoParam = new int[] {rtPriority};
        this.busyPollNs = TimeUnit.MICROSECONDS.toNanos(busyPollUs);
        this.doorbell = doorbell;
        this.name = name;
        this.bindCore = bindCore;
        this.minNs = TimeUnit.MICROSECONDS.toNanos(minSchedulingIntervalUs);
        this.maxNs = TimeUnit.MICROSECONDS.toNanos(maxSchedulingIntervalUs);
        this.validator = new MbufValidator(registry);
        this.doorbellFd = EventFd.create();
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    public void start()
    {
        thread.start();
    }

    public String name()
    {
        return name;
    }

    public Thread thread()
    {
        return thread;
    }

    /** The eventfd an application signals to wake this thread ({@code KniControl.doorbellFd}). */
    public int doorbellFd()
    {
        return doorbellFd;
    }

    /**
     * Starts serving {@code dev} with the next pass.
     *
     * @return false when this thread already serves {@link #MAX_DEVICES} interfaces (nothing changed).
     */
    public synchronized boolean add(final KniDataPath dev)
    {
        final KniDataPath[] cur = devices;
        if (cur.length == MAX_DEVICES)
        {
            return false;
        }
        final KniDataPath[] next = Arrays.copyOf(cur, cur.length + 1);
        next[cur.length] = dev;
        devices = next;
        kick();
        return true;
    }

    /** Wakes the thread from a sleep (control thread): the device list changed, or it is to stop. */
    private synchronized void kick()
    {
        if (thread.isAlive())
        {
            EventFd.signal(doorbellFd, Pointer.nativeValue(kickValue));
        }
    }

    /** Removes a device and returns once this thread no longer touches it (or has stopped). */
    public synchronized void remove(final KniDataPath dev)
    {
        devices = Arrays.stream(devices).filter(d -> d != dev).toArray(KniDataPath[]::new);
        kick();
        awaitPasses(2);
    }

    public int size()
    {
        return devices.length;
    }

    private void awaitPasses(final int n)
    {
        final long target = passes + n;
        final long deadline = System.nanoTime() + maxNs * 4 + TimeUnit.SECONDS.toNanos(2);
        while (thread.isAlive() && passes < target && System.nanoTime() - deadline < 0)
        {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000);
        }
    }

    public void stop()
    {
        running = false;
        kick();
        if (thread.isAlive() && thread != Thread.currentThread())
        {
            try
            {
                thread.join(TimeUnit.NANOSECONDS.toMillis(maxNs) + 5_000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        if (!thread.isAlive())
        {
            poll.close();
            LibC.closeQuietly(doorbellFd);
            doorbellValue.close();
            kickValue.close();
        }
    }

    /**
     * With rt: switches the calling (this) thread's policy when it changes. A refusal (EPERM: SCHED_FIFO needs
     * CAP_SYS_NICE) is logged once and leaves the thread at the policy it has, for good.
     */
    private void policy(final int p)
    {
        if (rt && fifo != (p == LibC.SCHED_FIFO))
        {
            final int rc = LibC.setScheduler(p, p == LibC.SCHED_FIFO ? fifoParam : otherParam);
            if (rc != 0)
            {
                rt = false;
                RteLog.warn("KNI", "kni thread " + name + ": rt_priority=" + fifoParam[0] + ": sched_setscheduler(" +
                    (p == LibC.SCHED_FIFO ? "SCHED_FIFO" : "SCHED_OTHER") + ") refused (" +
                    io.ethdev4j.sys.Errno.name(rc) + "; SCHED_FIFO needs CAP_SYS_NICE); it stays at " +
                    (fifo ? "SCHED_FIFO" : "SCHED_OTHER"));
                return;
            }
            fifo = p == LibC.SCHED_FIFO;
        }
    }

    public Throwable failure()
    {
        return failure;
    }

    /**
     * With {@code arm}: arms the doorbells, checks rx_q once more, lends the TAPs ({@link KniDataPath#lend}, direct_io),
     * sleeps (TAP fds and the doorbell eventfd, at most {@code sleepNs}; a lent TAP that the application is reading
     * stays out of the set), takes the TAPs back, disarms. Without: sleeps on the fds only. Armed only once the thread
     * has been idle for {@link #DOORBELL_ARM_AFTER_IDLE_NS} (0: every sleep): sparse traffic (a ping, a request) is not
     * delayed by the interval, and a flooding application rarely finds the thread asleep.
     */
    private void sleep(final KniDataPath[] devs, final long sleepNs, final boolean arm)
    {
        if (!arm)
        {
            poll.poll(sleepNs);
            return;
        }
        for (final KniDataPath d : devs)
        {
            d.doorbellArm();
        }
        UnsafeApi.fullFence();
        boolean pending = false;
        for (final KniDataPath d : devs)
        {
            pending |= d.rxPending();
        }
        if (!pending)
        {
            final long now = System.nanoTime();
            int nPolling = 0;
            for (int i = 0; i < devs.length; i++)
            {
                final KniDataPath d = devs[i];
                lent[i] = d.lend();
                if (lent[i] && d.appPolling(now))
                {
                    // the application reads this TAP on its lcore: a wake-up per frame is what lending avoids
                    poll.fd(i, -1);
                    nPolling++;
                }
            }
            int ready = poll.poll(sleepNs);
            // every interface lent to an application that reads it: a pass would find nothing the application does
            // not move itself, and would take the TAPs from it meanwhile; sleep on until the doorbell rings, the
            // device list changes, or an application stops reading (then the interval's passes resume)
            while (ready == 0 && nPolling == devs.length && nPolling > 0 && running && devices == devs &&
                allAppsPolling(devs))
            {
                ready = poll.poll(LENT_SLEEP_NS);
            }
            for (int i = 0; i < devs.length; i++)
            {
                if (lent[i])
                {
                    lent[i] = false;
                    devs[i].recall();
                    poll.fd(i, fds[i]);
                }
            }
        }
        for (final KniDataPath d : devs)
        {
            d.doorbellDisarm();
        }
        if (!pending)
        {
            EventFd.drain(doorbellFd, Pointer.nativeValue(doorbellValue));
        }
    }

    /** Every interface's application read its TAP directly within the last APP_POLLING_NS, and none is detached. */
    private static boolean allAppsPolling(final KniDataPath[] devs)
    {
        final long now = System.nanoTime();
        for (final KniDataPath d : devs)
        {
            if (d.detached() || !d.appPolling(now))
            {
                return false;
            }
        }
        return true;
    }

    public void run()
    {
        try
        {
            if (bindCore >= 0)
            {
                LibC.setAffinity(0, bindCore);
            }
            long sleepNs = 0;
            long idleSince = 0;
            long lastWork = System.nanoTime() - busyPollNs;
            policy(LibC.SCHED_FIFO);
            boolean idleBefore = false;
            while (running)
            {
                final KniDataPath[] devs = devices;
                int detached = 0;
                for (final KniDataPath d : devs)
                {
                    detached += d.detached() ? 1 : 0;
                }
                if (devs != polled || detached != polledDetached)
                {
                    // a deleted netdev's TAP fd reports POLLERR at once, every time: leave it out (ppoll skips fd -1)
                    for (int i = 0; i < devs.length; i++)
                    {
                        fds[i] = devs[i].detached() ? -1 : devs[i].tapFd();
                    }
                    fds[devs.length] = doorbellFd;
                    poll.set(fds, devs.length + 1);
                    polled = devs;
                    polledDetached = detached;
                }
                validator.refresh();
                int toKernel = 0;
                int toApp = 0;
                for (final KniDataPath d : devs)
                {
                    toKernel += d.rxPass(validator);
                    toApp += d.txPass(validator);
                }
                passes++;
                if (toKernel + toApp > 0)
                {
                    idleBefore = false;
                    lastWork = System.nanoTime();
                    if (fifo && lastWork - wokeAt >= RT_BURST_NS)
                    {
                        // busy since the wake-up (a flood): share the CPU as any thread
                        policy(LibC.SCHED_OTHER);
                    }
                    // frames just went to the application: what it sends back (forwarded, answered) comes within µs
                    awaitingApp = toApp > 0;
                    continue;
                }
                final long idleAt = System.nanoTime();
                final long idle = idleAt - lastWork;
                if (rt && awaitingApp && idle < APP_WAIT_NS && idleAt - wokeAt < RT_BURST_NS)
                {
                    // just woken, frames just given to the application: its lcore (another CPU) answers within µs;
                    // poll on at SCHED_FIFO, so nothing else on this CPU takes it meanwhile
                    policy(LibC.SCHED_FIFO);
                    Thread.onSpinWait();
                    continue;
                }
                if (idle < busyPollNs)
                {
                    // waiting for a process on this CPU (the peer the frames went to): poll, yielding to it
                    policy(LibC.SCHED_OTHER);
                    Thread.yield();
                    continue;
                }
                // about to sleep: a wake-up at SCHED_FIFO takes the CPU at once, whatever runs there
                policy(LibC.SCHED_FIFO);
                final boolean firstIdle = !idleBefore;
                if (firstIdle)
                {
                    sleepNs = minNs;
                    idleBefore = true;
                }
                else
                {
                    sleepNs = Math.min(maxNs, Math.max(1_000L, sleepNs * 2));
                }
                final long now = System.nanoTime();
                if (firstIdle)
                {
                    idleSince = now;
                }
                sleep(devs, sleepNs, doorbell && sleepNs > 0 && now - idleSince >= DOORBELL_ARM_AFTER_IDLE_NS);
                wokeAt = System.nanoTime();
            }
        }
        catch (final Throwable t)
        {
            failure = t;
            RteLog.err("KNI", "kni thread " + name + " died: " + t);
        }
        finally
        {
            passes = Long.MAX_VALUE / 2;
        }
    }
}
