#!/usr/bin/env bash
# Every comparison of issue 13 in one run, written to docs/benchmarks.md (tables and an SVG chart from the same
# numbers; raw results under bench/target/bench).
#
#   tools/bench.sh [-r ROUNDS] [-w WINDOW_S] [-n]      defaults: 3 rounds, 4 s measuring window; -n: do not write docs
#
# 1. Equal-work forwarding, ours (tools/testpmd) and dpdk-testpmd alternately, one forwarding core (-l 0-1), rounds
#    interleaved: io, mac, macswap with --tx-first on two looped net_ring ports (both sides move pointers; mac and
#    macswap write the MACs) and txonly on two net_null ports. Measured by tools/fwd_rate.py: packets of port 0
#    between two stats blocks, per wall second and per CPU-second of the forwarding thread (schedstat). On a shared
#    machine the CPU-normalised rate is the comparable one; both are printed with the thread's CPU share.
# 2. igb rx+tx on net_igb_sim in instant mode: bench CpuTimePerPacket (thread CPU ns per packet, ParallelGC), in
#    cycles at the CPU's nominal MHz.
# 3. Latency: our testpmd, io forwarding on two net_null ports paced at 1 Mpps per port (net_null rate=) and
#    unpaced (as fast as it goes), --latencystats, `show latency` after WINDOW_S seconds.
# Results are medians over the rounds; the spread (min..max) is printed beside.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS=3; WINDOW=4; WRITE_DOCS=1
while getopts "r:w:n" o; do
  case "$o" in r) ROUNDS=$OPTARG;; w) WINDOW=$OPTARG;; n) WRITE_DOCS=0;; *) sed -n '2,20p' "$0"; exit 2;; esac
done
command -v dpdk-testpmd >/dev/null || { echo "dpdk-testpmd not found (apt-get install dpdk)" >&2; exit 1; }
OUT="$ROOT/bench/target/bench"; mkdir -p "$OUT"
log() { printf '== %s\n' "$*" >&2; }

log "building testpmd and the bench jar"
"$ROOT/tools/testpmd" -h >/dev/null 2>&1 || { echo "tools/testpmd does not build: see tools/.cache/build.log" >&2; exit 1; }
(cd "$ROOT" && mvn -B -o -q -Dstyle.color=never package -pl bench -am -Dmaven.test.skip=true) >"$OUT/build.log" 2>&1 ||
  { echo "bench jar build failed: $OUT/build.log" >&2; exit 1; }
JAR="$ROOT/bench/target/benchmarks.jar"
MHZ=$(awk -F: '/^cpu MHz/ { gsub(/ /, "", $2); print $2; exit }' /proc/cpuinfo)

# ------------------------------------------------------------------ 1. forwarding
FWD="$OUT/fwd.tsv"; : > "$FWD"
CASES=("io net_ring io RX-packets --tx-first" "mac net_ring mac RX-packets --tx-first"
  "macswap net_ring macswap RX-packets --tx-first" "txonly net_null txonly TX-packets")
run_fwd() { # who name vdev mode counter [extra]
  local who=$1 name=$2 vdev=$3 mode=$4 counter=$5 extra=${6:-} cmd
  [[ $who == dpdk ]] && cmd=(dpdk-testpmd) || cmd=("$ROOT/tools/testpmd")
  "$ROOT/tools/fwd_rate.py" --counter "$counter" --warmup 3 --window "$WINDOW" -- "${cmd[@]}" --no-huge -m 1024 \
    --no-pci --file-prefix="bench$$" --vdev "${vdev}0" --vdev "${vdev}1" -l 0-1 -- --total-num-mbufs=16384 \
    --stats-period=1 --forward-mode="$mode" $extra 2>&1 | tail -1
}
for r in $(seq 1 "$ROUNDS"); do
  for c in "${CASES[@]}"; do
    read -r name vdev mode counter extra <<<"$c"
    # alternate who goes first, round by round
    order=(dpdk ours); (( r % 2 == 0 )) && order=(ours dpdk)
    for who in "${order[@]}"; do
      line=$(run_fwd "$who" "$name" "$vdev" "$mode" "$counter" "${extra:-}")
      log "round $r $name $who: $line"
      printf '%s\t%s\t%s\t%s\n' "$name" "$r" "$who" "$line" >> "$FWD"
    done
  done
done

# ------------------------------------------------------------------ 2. igb cycles per packet
IGB="$OUT/igb.tsv"; : > "$IGB"
for r in $(seq 1 "$ROUNDS"); do
  line=$(java -XX:+UseParallelGC --add-exports java.base/jdk.internal.misc=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \
    -cp "$JAR" io.ethdev4j.bench.CpuTimePerPacket net_igb_sim0,mode=instant 9 "$MHZ" 2>&1 | grep cpu_ns_per_packet)
  log "round $r igb: $line"
  printf '%s\t%s\n' "$r" "$line" >> "$IGB"
done

# ------------------------------------------------------------------ 3. latency (ours)
LAT="$OUT/latency.tsv"; : > "$LAT"
run_latency() { # label rate
  local label=$1 rate=$2 vdevs
  vdevs=(--vdev "net_null0${rate:+,rate=$rate}" --vdev "net_null1${rate:+,rate=$rate}")
  { echo start; sleep $((WINDOW + 2)); echo "clear latency"; sleep "$WINDOW"; echo "show latency"; echo stop; echo quit; } |
    "$ROOT/tools/testpmd" --no-huge -m 1024 --no-pci --file-prefix="bench$$" "${vdevs[@]}" -l 0-1 -- -i \
      --total-num-mbufs=16384 --latencystats=1 > "$OUT/latency-$label.txt" 2>&1 || true
  python3 - "$label" "$OUT/latency-$label.txt" >> "$LAT" <<'PY'
import re, sys
label, text = sys.argv[1], open(sys.argv[2], errors="replace").read()
m = re.search(r"RX-to-TX packets: (\d+) +min_latency_ns: (\d+) +avg_latency_ns: (\d+) +max_latency_ns: (\d+)\n"
              r"  p50: (\d+) +p90: (\d+) +p99: (\d+) +p99\.9: (\d+) +p99\.99: (\d+) +max: (\d+)", text)
if m:
    print("\t".join([label] + list(m.groups())))
PY
}
for r in $(seq 1 "$ROUNDS"); do
  run_latency "1mpps-r$r" 1000000; log "round $r latency at 1 Mpps per port: $(tail -1 "$LAT")"
  run_latency "max-r$r" ""; log "round $r latency unpaced: $(tail -1 "$LAT")"
done

# ------------------------------------------------------------------ report
python3 "$ROOT/tools/bench_report.py" "$OUT" "$MHZ" "$ROUNDS" "$WINDOW" "$WRITE_DOCS" "$ROOT/docs"
