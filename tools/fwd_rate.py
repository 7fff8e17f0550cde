#!/usr/bin/env python3
"""Forwarding rate of one testpmd run (ours or dpdk-testpmd), by wall clock and per CPU-second of the forwarding thread.

  tools/fwd_rate.py [--counter RX-packets|TX-packets] [--warmup S] [--window S] -- CMD...

CMD must print `show port stats` blocks periodically (--stats-period=1). After --warmup seconds the script waits for
the next port 0 block and samples, from /proc/PID/task/*/schedstat, the CPU time of every thread of CMD; after
--window seconds it samples again at the next block. The forwarding thread is the one that ran most in between.
Packets are port 0's cumulative counter from the two blocks (packets per direction). Prints one line:

  wall_mpps=<packets / wall seconds> cpu_mpps=<packets / CPU seconds of the forwarding thread> cpu_share=<CPU/wall>

cpu_mpps is what a whole core would forward: on a machine shared with other work the forwarding thread waits in the
run queue part of the time (cpu_share < 1), which lowers wall_mpps but not cpu_mpps (cache pollution by the other
work still counts). Each block is read as soon as it is complete, so both samples sit at the same point of the
stats cycle. Ends CMD with SIGINT (then SIGKILL after 10 s).
"""
import os
import re
import signal
import subprocess
import sys
import tempfile
import time


def main():
    args = sys.argv[1:]
    counter, warmup, window = "RX-packets", 3.0, 4.0
    while args and args[0] != "--":
        opt, val = args[0], args[1]
        args = args[2:]
        if opt == "--counter":
            counter = val
        elif opt == "--warmup":
            warmup = float(val)
        elif opt == "--window":
            window = float(val)
        else:
            sys.exit("unknown option " + opt)
    cmd = args[1:]
    out = tempfile.NamedTemporaryFile(prefix="fwd_rate", suffix=".txt", delete=False)
    # stdin: a pipe left open (our testpmd ends at end of input); stdout line-buffered (dpdk-testpmd via stdbuf)
    proc = subprocess.Popen(["stdbuf", "-oL"] + cmd, stdin=subprocess.PIPE, stdout=out, stderr=subprocess.STDOUT)
    block = re.compile(r"NIC statistics for port 0 .*?" + re.escape(counter) + r":\s+(\d+)", re.S)
    deadline = time.time() + warmup + window + 60

    def blocks():
        with open(out.name, errors="replace") as f:
            return [int(x) for x in block.findall(f.read())]

    def next_block(after):
        while time.time() < deadline:
            b = blocks()
            if len(b) > after:
                return len(b), b[-1]
            if proc.poll() is not None:
                break
            time.sleep(0.005)
        raise RuntimeError("no stats block from " + " ".join(cmd) + ": " + open(out.name, errors="replace").read()[-2000:])

    def cpu():
        ns = {}
        for tid in os.listdir(f"/proc/{proc.pid}/task"):
            try:
                with open(f"/proc/{proc.pid}/task/{tid}/schedstat") as f:
                    ns[tid] = int(f.read().split()[0])
            except OSError:
                pass
        return ns

    try:
        time.sleep(warmup)
        n, _ = next_block(len(blocks()))
        n, p0 = next_block(n)
        t0, c0 = time.time(), cpu()
        time.sleep(max(0.0, window - 0.5))
        n, p1 = next_block(len(blocks()))
        t1, c1 = time.time(), cpu()
        busiest = max(c1, key=lambda t: c1[t] - c0.get(t, 0))
        cpu_s = (c1[busiest] - c0.get(busiest, 0)) / 1e9
        wall = t1 - t0
        pkts = p1 - p0
        print(f"wall_mpps={pkts / wall / 1e6:.2f} cpu_mpps={pkts / cpu_s / 1e6 if cpu_s > 0 else 0:.2f} "
              f"cpu_share={cpu_s / wall:.2f}")
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        os.unlink(out.name)


if __name__ == "__main__":
    main()
