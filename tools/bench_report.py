#!/usr/bin/env python3
"""tools/bench.sh's report: medians of the rounds in bench/target/bench/*.tsv -> stdout, docs/benchmarks.md and
docs/benchmarks.svg (the chart is drawn from the same numbers as the tables).

  bench_report.py OUT_DIR CPU_MHZ ROUNDS WINDOW_S WRITE_DOCS(0|1) DOCS_DIR
"""
import datetime
import os
import re
import statistics
import sys

out, mhz, rounds, window, write_docs, docs = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4], \
    sys.argv[5] == "1", sys.argv[6]


def kv(line):
    return {k: float(v) for k, v in re.findall(r"(\w+)=([0-9.]+)", line)}


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def spread(xs, digits=1):
    return f"{min(xs):.{digits}f}..{max(xs):.{digits}f}" if xs else "-"


# ---- forwarding
fwd = {}
for line in open(os.path.join(out, "fwd.tsv")):
    name, rnd, who, rest = line.rstrip("\n").split("\t", 3)
    fwd.setdefault(name, {}).setdefault(who, {})[int(rnd)] = kv(rest)
cases = [c for c in ("io", "mac", "macswap", "txonly") if c in fwd]
rows = []
for c in cases:
    ours, dpdk = fwd[c].get("ours", {}), fwd[c].get("dpdk", {})
    both = sorted(set(ours) & set(dpdk))
    cpu_ratios = [ours[r]["cpu_mpps"] / dpdk[r]["cpu_mpps"] for r in both if dpdk[r].get("cpu_mpps")]
    wall_ratios = [ours[r]["wall_mpps"] / dpdk[r]["wall_mpps"] for r in both if dpdk[r].get("wall_mpps")]
    rows.append(dict(case=c,
                     ours_cpu=[ours[r]["cpu_mpps"] for r in ours], dpdk_cpu=[dpdk[r]["cpu_mpps"] for r in dpdk],
                     ours_wall=[ours[r]["wall_mpps"] for r in ours], dpdk_wall=[dpdk[r]["wall_mpps"] for r in dpdk],
                     ours_share=[ours[r]["cpu_share"] for r in ours], dpdk_share=[dpdk[r]["cpu_share"] for r in dpdk],
                     cpu_ratio=cpu_ratios, wall_ratio=wall_ratios))

# ---- igb
igb = [re.search(r"cpu_ns_per_packet median=([0-9.]+) min=([0-9.]+)", l) for l in open(os.path.join(out, "igb.tsv"))]
igb_ns = [float(m.group(1)) for m in igb if m]
igb_min = [float(m.group(2)) for m in igb if m]

# ---- latency
lat = {}
for line in open(os.path.join(out, "latency.tsv")):
    f = line.rstrip("\n").split("\t")
    if len(f) < 11:
        continue
    label = f[0].rsplit("-r", 1)[0]
    lat.setdefault(label, []).append([int(x) for x in f[1:11]])  # packets min avg max p50 p90 p99 p99.9 p99.99 max

lines = []
p = lines.append
p(f"# Benchmarks\n")
p(f"Written by `tools/bench.sh` ({datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC, {rounds} rounds, {window} s windows) "
  f"on this machine: {os.cpu_count()} CPUs, {mhz:.0f} MHz, possibly shared with other work while it ran (see the "
  f"CPU share columns). Medians of the rounds, the spread (min..max) beside. Raw results: `bench/target/bench/`.\n")
p("## Forwarding at equal work, ours vs dpdk-testpmd 22.11\n")
p("One forwarding core (`-l 0-1`; this machine has no room for two or four), runs alternating round by round. "
  "Mpps = packets of port 0 (one direction) per second. *per CPU-s* divides by the CPU time the forwarding thread "
  "really got (schedstat): on a loaded machine that thread waits in the run queue part of the time, so the wall "
  "rate measures the load as much as the code; the ratio uses the per-CPU-second rates of the same round.\n")
p("| workload | ours Mpps per CPU-s | DPDK Mpps per CPU-s | ratio ours/DPDK | ours wall Mpps | DPDK wall Mpps | CPU share ours / DPDK |")
p("|---|---|---|---|---|---|---|")
desc = {"io": "io, `--tx-first`, 2 x net_ring", "mac": "mac, `--tx-first`, 2 x net_ring",
        "macswap": "macswap, `--tx-first`, 2 x net_ring", "txonly": "txonly, 2 x net_null (64 B)"}
for r in rows:
    p(f"| {desc[r['case']]} | {med(r['ours_cpu']):.1f} ({spread(r['ours_cpu'])}) | {med(r['dpdk_cpu']):.1f} "
      f"({spread(r['dpdk_cpu'])}) | **{med(r['cpu_ratio']):.2f}** ({spread(r['cpu_ratio'], 2)}) | "
      f"{med(r['ours_wall']):.1f} ({spread(r['ours_wall'])}) | {med(r['dpdk_wall']):.1f} ({spread(r['dpdk_wall'])}) | "
      f"{med(r['ours_share']):.2f} / {med(r['dpdk_share']):.2f} |")
p("")
p("Equal work: net_ring rx/tx move pointers only on both sides (no byte counters, no mbuf touched; DPDK's net_ring "
  "counts no bytes either). mac writes the two MACs on both sides; DPDK's macfwd also sets ol_flags and the l2/l3 "
  "lengths in each mbuf (ours does not: no tx offloads are configured). txonly: both allocate a burst, fill 64-byte "
  "UDP frames and free them on net_null tx; DPDK's txonly copies three header templates and sets ol_flags and the "
  "l2/l3 lengths per packet where ours copies one frame template, and DPDK's net_null tx frees one mbuf at a time "
  "(rte_pktmbuf_free) with an atomic add per burst where ours frees in bulk: our side does less there.\n")

p("## igb rx+tx, cycles per packet\n")
if igb_ns:
    p(f"net_igb_sim in instant mode (each RDT/TDT write completes the descriptors at once), rx burst 32 -> tx, one "
      f"lcore, ParallelGC: **{med(igb_ns):.1f} ns = {med(igb_ns) * mhz / 1000:.0f} cycles per packet** "
      f"(median of {len(igb_ns)} runs, {spread(igb_ns)} ns; best window {min(igb_min):.1f} ns = "
      f"{min(igb_min) * mhz / 1000:.0f} cycles), thread CPU time (bench `CpuTimePerPacket`), cycles at {mhz:.0f} MHz. "
      f"Includes the simulator's own descriptor write-backs. For scale: ixy's C driver is reported at about 91 "
      f"cycles per packet on real hardware (not measured here). 0 bytes allocated per packet and no native call "
      f"(AllocationGuardTest, NativeCallGuardTest). ixgbe is not on this branch.\n")

p("## Latency, rx to tx, ours (`--latencystats`)\n")
p("io forwarding on two net_null ports, HdrHistogram of every packet (timestamps per burst: rx burst return to tx "
  f"burst return), measured over {window} s after a warm-up and `clear latency`. dpdk-testpmd has no command to "
  "show its latencystats (dpdk-proc-info reads them from a running primary, which needs the shared hugepage "
  "config) and its net_null cannot be paced, so there is no DPDK column.\n")
p("| offered | forwarded Mpps (both ports) | packets | min | p50 | p90 | p99 | p99.9 | p99.99 | max (ns) |")
p("|---|---|---|---|---|---|---|---|---|---|")
for label, title in (("1mpps", "1 Mpps per port (net_null rate=1000000)"), ("max", "unpaced (highest sustained)")):
    if label in lat:
        rs = lat[label]
        col = lambda i: med([x[i] for x in rs])
        p(f"| {title} | {col(0) / float(window) / 1e6:.2f} | {col(0):.0f} | {col(1):.0f} | {col(4):.0f} | {col(5):.0f} | {col(6):.0f} "
          f"| {col(7):.0f} | {col(8):.0f} | {col(3):.0f} |")
p("")
p("Where the forwarding thread shared its CPU with other work (a CPU share below 1 above), the tail percentiles "
  "include the times it was descheduled, which a dedicated core does not have.\n")

# ---- chart (SVG) from the same numbers
W, BAR, GAP, LEFT = 640, 18, 14, 120
vmax = max([med(r["ours_cpu"]) for r in rows] + [med(r["dpdk_cpu"]) for r in rows] + [1])
H = 40 + len(rows) * (2 * BAR + GAP) + 30
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
       f'<text x="10" y="20" font-size="14">Mpps per CPU-second of the forwarding thread (median of {rounds} rounds)</text>']
y = 40
for r in rows:
    for who, val, color in (("ours", med(r["ours_cpu"]), "#2b7bba"), ("dpdk-testpmd", med(r["dpdk_cpu"]), "#aaaaaa")):
        w = (W - LEFT - 80) * val / vmax
        svg.append(f'<rect x="{LEFT}" y="{y}" width="{w:.1f}" height="{BAR - 2}" fill="{color}"/>')
        svg.append(f'<text x="{LEFT + w + 4:.1f}" y="{y + BAR - 6}">{val:.1f} {who}</text>')
        y += BAR
    svg.append(f'<text x="10" y="{y - BAR + 2}">{r["case"]} ({med(r["cpu_ratio"]):.2f}x)</text>')
    y += GAP
svg.append("</svg>")

p("## Chart\n")
p("![forwarding, Mpps per CPU-second](benchmarks.svg)\n")
p("```")
for r in rows:
    for who, val in (("ours", med(r["ours_cpu"])), ("dpdk", med(r["dpdk_cpu"]))):
        p(f"{r['case']:8} {who:5} {'#' * int(round(50 * val / vmax)):50} {val:6.1f}")
p("```")

text = "\n".join(lines) + "\n"
print(text)
if write_docs:
    os.makedirs(docs, exist_ok=True)
    open(os.path.join(docs, "benchmarks.md"), "w").write(text)
    open(os.path.join(docs, "benchmarks.svg"), "w").write("\n".join(svg) + "\n")
