#!/usr/bin/env bash
# Runs ethdev4j's JMH benchmarks and, in the same invocation, DPDK's own perf tests on this machine, then prints
# per-object costs side by side (ns and TSC cycles, ours / DPDK). The goal is ratio <= 1.5.
#
#   tools/bench-vs-dpdk.sh                 build the bench jar if needed, run everything (about 6 minutes)
#   tools/bench-vs-dpdk.sh --no-dpdk       our side only
#   tools/bench-vs-dpdk.sh --no-jmh        DPDK's side only
#
# Environment:
#   JMH_OPTS       JMH options (default: -wi 3 -i 5 -f 1 -w 1s -r 1s). A -jvmArgsAppend given here replaces the
#                  benchmarks' own, so repeat --add-exports java.base/jdk.internal.misc=ALL-UNNAMED
#                  --enable-native-access=ALL-UNNAMED in it.
#   JMH_FILTER     benchmark regexp (default: all of MempoolBench, RingBench, NullPortBench)
#   DPDK_TEST      dpdk-test binary (default: dpdk-test from PATH; Debian: apt-get install dpdk-dev)
#   DPDK_TESTPMD   dpdk-testpmd binary (default: from PATH); used for the null-port row
#   DPDK_EAL       EAL options for DPDK (default: --no-huge -m 512 --no-pci -l 0-1)
#   MEMPOOL_TIME_DIVISOR  see below (default 10; 1 = DPDK's own 5 s per configuration)
#   OUT            results directory (default: bench/target/bench-vs-dpdk)
#
# How the DPDK figures are read (DPDK 22.11 app/test):
#   ring_perf_autotest, "legacy APIs: SP/SC: burst (size: 32): X" is TSC cycles per enqueue-burst + dequeue-burst
#     pair on one lcore; X / 32 is per object. "single: X" is per object already.
#   mempool_perf_autotest, "cache=C cores=1 n_get_bulk=32 n_put_bulk=32 n_keep=32 constant_n=1 rate_persec=R" is
#     objects got and put back per second on one lcore; 1e9 / R ns per object. The test runs ~360 configurations
#     for 5 s each (half an hour). To bound it, a tiny LD_PRELOAD shim divides rte_get_tsc_hz() by
#     MEMPOOL_TIME_DIVISOR, so each configuration runs 5/divisor s; the printed rate is then divisor times too low
#     and is scaled back here. Only the timing window changes, not DPDK's code path. The test is stopped once the
#     cores=1 lines needed here have been printed.
#   dpdk-testpmd io forwarding on one net_null port (the same loop as NullPortBench.rxTx), Rx-pps after ~6 s.
# Our figures: JMH average time per operation, one operation = one object (one packet for the null port).
# Cycles are TSC cycles (what rdtsc counts, DPDK's unit) at the TSC frequency DPDK's EAL measures, else the
# "cpu MHz" of /proc/cpuinfo.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

RUN_JMH=1
RUN_DPDK=1
for a in "$@"; do
    case "$a" in
        --no-dpdk) RUN_DPDK=0 ;;
        --no-jmh) RUN_JMH=0 ;;
        -h|--help) sed -n '2,34p' "$0"; exit 0 ;;
        *) echo "unknown option: $a (try --help)" >&2; exit 2 ;;
    esac
done

JMH_OPTS=${JMH_OPTS:--wi 3 -i 5 -f 1 -w 1s -r 1s}
JMH_FILTER=${JMH_FILTER:-'(MempoolBench|RingBench|NullPortBench)'}
DPDK_EAL=${DPDK_EAL:---no-huge -m 512 --no-pci -l 0-1}
MEMPOOL_TIME_DIVISOR=${MEMPOOL_TIME_DIVISOR:-10}
OUT=${OUT:-$ROOT/bench/target/bench-vs-dpdk}
JAR=$ROOT/bench/target/benchmarks.jar
mkdir -p "$OUT"

log() { printf '== %s\n' "$*" >&2; }

# ------------------------------------------------------------------------------------------------ build
build_if_needed() {
    local stale=0
    if [[ ! -f $JAR ]]; then
        stale=1
    elif [[ -n $(find sys/src/main ethdev/src/main bus-pci/src/main qemu-nic/src/main pmd-sw/src/main pmd-igb/src/main intel-common/src/main pmd-ixgbe/src/main \
            bench/src ./*/pom.xml pom.xml -newer "$JAR" -type f -print -quit) ]]; then
        stale=1
    fi
    if (( stale )); then
        log "building $JAR"
        # One reactor build of bench and the modules it runs with (nothing installed into ~/.m2); maven.test.skip:
        # the bench jar needs their main classes only, not their tests compiled.
        mvn -B -o -q -Dstyle.color=never package -pl bench -am -Dmaven.test.skip=true
    fi
}

# ------------------------------------------------------------------------------------------------ TSC frequency
tsc_mhz_from_dpdk() {
    # EAL logs "TSC frequency is ~2445406 KHz" at debug level.
    echo quit | timeout 30 "$DPDK_TEST_BIN" $DPDK_EAL --log-level=lib.eal:debug 2>&1 |
        sed -n 's/.*TSC frequency is ~\([0-9]*\) KHz.*/\1/p' | head -1 | awk '{ if ($1 > 0) printf "%.3f", $1 / 1000 }'
}
tsc_mhz_from_cpuinfo() {
    awk -F: '/^cpu MHz/ { gsub(/ /, "", $2); print $2; exit }' /proc/cpuinfo
}

# ------------------------------------------------------------------------------------------------ DPDK runs
DPDK_TEST_BIN=${DPDK_TEST:-$(command -v dpdk-test || true)}
DPDK_TESTPMD_BIN=${DPDK_TESTPMD:-$(command -v dpdk-testpmd || true)}

run_ring_perf() {
    log "DPDK ring_perf_autotest"
    echo ring_perf_autotest | timeout 300 "$DPDK_TEST_BIN" $DPDK_EAL --log-level=lib.eal:error > "$OUT/dpdk-ring_perf.txt" 2>&1 || true
}

build_shim() {
    local src=$OUT/tsc_hz_divisor.c
    cat > "$src" <<'EOF'
/* Divides rte_get_tsc_hz() by $BENCH_TSC_HZ_DIVISOR: shortens mempool_perf_autotest's fixed 5 s windows. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>

uint64_t rte_get_tsc_hz(void)
{
	static uint64_t (*real)(void);
	static uint64_t div;

	if (real == NULL) {
		const char *d = getenv("BENCH_TSC_HZ_DIVISOR");

		real = (uint64_t (*)(void))dlsym(RTLD_NEXT, "rte_get_tsc_hz");
		div = d != NULL ? strtoull(d, NULL, 10) : 1;
		if (div == 0)
			div = 1;
	}
	return real() / div;
}
EOF
    cc -O2 -shared -fPIC -o "$OUT/tsc_hz_divisor.so" "$src" -ldl
}

run_mempool_perf() {
    local file=$OUT/dpdk-mempool_perf.txt preload=
    if (( MEMPOOL_TIME_DIVISOR > 1 )); then
        if command -v cc > /dev/null && build_shim; then
            preload=$OUT/tsc_hz_divisor.so
        else
            log "no C compiler: mempool_perf_autotest runs with its 5 s windows (bounded to 10 minutes)"
            MEMPOOL_TIME_DIVISOR=1
        fi
    fi
    echo "# MEMPOOL_TIME_DIVISOR=$MEMPOOL_TIME_DIVISOR" > "$file"
    log "DPDK mempool_perf_autotest (time divisor $MEMPOOL_TIME_DIVISOR; stopped once the cores=1 lines are in)"
    # stdbuf: line-buffered output so the loop below sees the lines as they come.
    BENCH_TSC_HZ_DIVISOR=$MEMPOOL_TIME_DIVISOR LD_PRELOAD=$preload timeout 600 stdbuf -oL \
        "$DPDK_TEST_BIN" $DPDK_EAL --log-level=lib.eal:error < <(echo mempool_perf_autotest) >> "$file" 2>&1 &
    local pid=$!
    local want='cache=512 cores=1 n_get_bulk=32 n_put_bulk=32 n_keep=32 constant_n=1 '
    while kill -0 "$pid" 2> /dev/null; do
        if grep -q "$want" "$file"; then
            kill -TERM "$pid" 2> /dev/null || true
            break
        fi
        sleep 1
    done
    wait "$pid" 2> /dev/null || true
}

run_testpmd_null() {
    log "dpdk-testpmd io forwarding on net_null0 (6 s)"
    timeout -s INT 8 "$DPDK_TESTPMD_BIN" $DPDK_EAL --vdev net_null0 --log-level=lib.eal:error -- \
        --forward-mode=io --nb-cores=1 --burst=32 --total-num-mbufs=8192 --stats-period=2 \
        > "$OUT/dpdk-testpmd-null.txt" 2>&1 || true
}

# ------------------------------------------------------------------------------------------------ main
if (( RUN_JMH )); then
    build_if_needed
    log "JMH: $JMH_OPTS -prof gc '$JMH_FILTER'"
    java -jar "$JAR" $JMH_OPTS -prof gc -rf json -rff "$OUT/jmh.json" "$JMH_FILTER" > "$OUT/jmh.txt" 2>&1 || {
        tail -40 "$OUT/jmh.txt" >&2
        echo "JMH failed; full output in $OUT/jmh.txt" >&2
        exit 1
    }
fi

TSC_MHZ=
TSC_SOURCE=
if (( RUN_DPDK )); then
    if [[ -z $DPDK_TEST_BIN || ! -x $DPDK_TEST_BIN ]]; then
        echo "dpdk-test not found (Debian/Ubuntu: apt-get install dpdk-dev; or set DPDK_TEST)" >&2
        exit 1
    fi
    TSC_MHZ=$(tsc_mhz_from_dpdk || true)
    TSC_SOURCE="DPDK EAL TSC calibration"
    run_ring_perf
    run_mempool_perf
    if [[ -n $DPDK_TESTPMD_BIN && -x $DPDK_TESTPMD_BIN ]]; then
        run_testpmd_null
    else
        : > "$OUT/dpdk-testpmd-null.txt"
    fi
fi
if [[ -z $TSC_MHZ ]]; then
    TSC_MHZ=$(tsc_mhz_from_cpuinfo)
    TSC_SOURCE="/proc/cpuinfo cpu MHz"
fi

python3 - "$OUT" "$TSC_MHZ" "$TSC_SOURCE" "$RUN_JMH" "$RUN_DPDK" <<'EOF'
import json, os, re, sys

out, tsc_mhz, tsc_source, run_jmh, run_dpdk = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4] == "1", sys.argv[5] == "1"
ghz = tsc_mhz / 1000.0

def read(name):
    p = os.path.join(out, name)
    return open(p, errors="replace").read() if os.path.exists(p) else ""

# ---- ours
ours, alloc = {}, {}
if run_jmh and os.path.exists(os.path.join(out, "jmh.json")):
    for r in json.load(open(os.path.join(out, "jmh.json"))):
        name = r["benchmark"].rsplit(".", 2)
        key = name[-2] + "." + name[-1]
        params = r.get("params") or {}
        if params:
            key += "(" + ",".join(f"{k}={v}" for k, v in sorted(params.items())) + ")"
        pm = r["primaryMetric"]
        ours[key] = (pm["score"], pm.get("scoreError", float("nan")))
        sec = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        if sec is not None:
            alloc[key] = sec["score"]

# ---- DPDK: ns per object
dpdk = {}
ring = read("dpdk-ring_perf.txt")
def ring_line(pattern, per):
    m = re.search(r"^legacy APIs: " + pattern + r": ([0-9.]+)$", ring, re.M)
    return None if m is None else float(m.group(1)) / per / ghz
for sync in ("SP/SC", "MP/MC"):
    dpdk["ring " + sync + " burst"] = ring_line(re.escape(sync) + r": burst \(size: 32\)", 32)
    dpdk["ring " + sync + " bulk"] = ring_line(re.escape(sync) + r": bulk \(size: 32\)", 32)
    dpdk["ring " + sync + " single"] = ring_line(re.escape(sync) + r": single", 1)

mp = read("dpdk-mempool_perf.txt")
m = re.search(r"MEMPOOL_TIME_DIVISOR=(\d+)", mp)
divisor = int(m.group(1)) if m else 1
def mempool(cache):
    best = None
    for const in ("1", "0"):
        m = re.search(rf"cache={cache} cores=1 n_get_bulk=32 n_put_bulk=32 n_keep=32 constant_n={const} rate_persec=(\d+)", mp)
        if m and int(m.group(1)) > 0:
            return 1e9 / (int(m.group(1)) * divisor), const
    return None, None
dpdk["mempool cache"], const_c = mempool(512)
dpdk["mempool nocache"], const_n = mempool(0)

pmd = read("dpdk-testpmd-null.txt")
pps = [int(x) for x in re.findall(r"Rx-pps:\s+(\d+)", pmd) if int(x) > 0]
dpdk["null"] = 1e9 / pps[-1] if pps else None

rows = [
    ("mempool get+put bulk 32, cache 512", "MempoolBench.getPutBulk(cacheSize=512)", "mempool cache",
     f"mempool_perf cache=512 cores=1 bulk 32/32 keep 32 const_n={const_c}"),
    ("mempool get+put bulk 32, no cache", "MempoolBench.getPutBulk(cacheSize=0)", "mempool nocache",
     f"mempool_perf cache=0 cores=1 bulk 32/32 keep 32 const_n={const_n}"),
    ("mbuf alloc_bulk+free_bulk 32, cache 512", "MempoolBench.allocFreeBulk(cacheSize=512)", None, "-"),
    ("mbuf alloc_bulk+free_bulk 32, no cache", "MempoolBench.allocFreeBulk(cacheSize=0)", None, "-"),
    ("ring SP/SC burst 32 enq+deq", "RingBench.burst(sync=SP_SC)", "ring SP/SC burst", "ring_perf SP/SC burst (size: 32) / 32"),
    ("ring MP/MC burst 32 enq+deq", "RingBench.burst(sync=MP_MC)", "ring MP/MC burst", "ring_perf MP/MC burst (size: 32) / 32"),
    ("ring SP/SC bulk 32 enq+deq", "RingBench.bulk(sync=SP_SC)", "ring SP/SC bulk", "ring_perf SP/SC bulk (size: 32) / 32"),
    ("ring MP/MC bulk 32 enq+deq", "RingBench.bulk(sync=MP_MC)", "ring MP/MC bulk", "ring_perf MP/MC bulk (size: 32) / 32"),
    ("ring SP/SC single enq+deq", "RingBench.single(sync=SP_SC)", "ring SP/SC single", "ring_perf SP/SC single"),
    ("ring MP/MC single enq+deq", "RingBench.single(sync=MP_MC)", "ring MP/MC single", "ring_perf MP/MC single"),
    ("net_null rx->tx per packet, burst 32", "NullPortBench.rxTx", "null", "dpdk-testpmd io fwd net_null0, 1 core"),
    ("  same via EthDev.rx/txBurst", "NullPortBench.rxTxViaPort", "null", "dpdk-testpmd io fwd net_null0, 1 core"),
]

def fmt(v, w=7, p=2):
    return f"{v:{w}.{p}f}" if v is not None else " " * (w - 1) + "-"

print()
print(f"Per object (one get+put, one enqueue+dequeue, one packet rx+tx); cycles = TSC cycles at {tsc_mhz:.1f} MHz ({tsc_source})")
hdr = f"{'operation':40} {'ours ns':>8} {'±err':>6} {'cyc':>7} {'B/op':>6} | {'DPDK ns':>8} {'cyc':>7} | {'ratio':>6}  DPDK source"
print(hdr)
print("-" * len(hdr) + "-" * 30)
for label, key, dkey, src in rows:
    o = ours.get(key)
    d = dpdk.get(dkey) if dkey else None
    ons = o[0] if o else None
    err = o[1] if o else None
    ratio = (ons / d) if (ons is not None and d) else None
    flag = "" if ratio is None else (" ok" if ratio <= 1.5 else " !!")
    b = alloc.get(key)
    bstr = f"{b:6.3f}" if b is not None else "     -"
    print(f"{label:40} {fmt(ons, 8)} {fmt(err, 6)} {fmt(ons * ghz if ons is not None else None)} {bstr} | "
          f"{fmt(d, 8)} {fmt(d * ghz if d is not None else None)} | {fmt(ratio, 6)}{flag:3}  {src}")
print()
print("ratio = ours / DPDK (goal <= 1.5); B/op = JMH -prof gc gc.alloc.rate.norm (goal ~0).")
if divisor > 1:
    print(f"mempool_perf_autotest ran with {5 / divisor:.1f} s windows (rates scaled by {divisor}).")
print(f"Raw outputs: {out}")
EOF
