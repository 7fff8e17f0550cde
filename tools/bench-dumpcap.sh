#!/usr/bin/env bash
# What does a running capture cost forwarding? testpmd forwards between two net_null ports (io, 64 B packets, one
# forwarding core, -l 0-1); in the same testpmd process, alternately, forwarding is measured without a capture and
# with tools/dumpcap attached to port 0 (its rx and tx, every packet).
#   tools/bench-dumpcap.sh [-r ROUNDS] [-s SECONDS] [-m paced|slow|full|all] [-w FILE]
# paced: each port offers 500 kpps (net_null rate=500000): 1 Mpps forwarded, and port 0 sees 1 Mpps (0.5 in, 0.5
#        out), all of it captured: "a capture at ~1 Mpps".
# slow:  net_null as fast as it goes, dumpcap writing to a reader that takes ~1 Mpps of its pcapng (-w - into a
#        112 MB/s pipe, like a slow disk): the forwarding core at its ceiling while ~1 Mpps is captured, the rest
#        counted as dropped.
# full:  net_null as fast as it goes, dumpcap writing to FILE as fast as it can: the cost of copying what it takes.
# Forwarding rate = RX-packets of both ports over SECONDS, from `show port stats all`. Capture rate = packets dumpcap
# wrote per second (received - dropped from its "Packets received/dropped" line, over the time it was attached).
# -w: where dumpcap writes (default /dev/null: the cost of the taps and the rings, not of a disk). Prints each
# round and the median ratio captured/uncaptured forwarding rate per mode.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS=3; SECS=5; OUT=/dev/null; MODES="paced slow full"
while getopts "r:s:m:w:" o; do
  case "$o" in r) ROUNDS=$OPTARG;; s) SECS=$OPTARG;; w) OUT=$OPTARG;; m) [[ $OPTARG == all ]] || MODES=$OPTARG;; *) exit 2;; esac
done
"$ROOT/tools/testpmd" -h >/dev/null 2>&1 || true   # build both once, outside the timed runs
"$ROOT/tools/dumpcap" -h >/dev/null 2>&1 || true
TMP="$(mktemp -d)"
TP=""; DC=""
cleanup() {
  exec 3>&- 2>/dev/null || true
  [[ -n "$DC" ]] && kill "$DC" 2>/dev/null || true
  [[ -n "$TP" ]] && { sleep 2; kill "$TP" 2>/dev/null || true; }
  rm -rf "$TMP"
}
trap cleanup EXIT

screens() { grep -c "NIC statistics for port 1" "$TMP/testpmd.out" || true; }
# snap → RX-packets of port 0 + port 1 from a fresh `show port stats all`
snap() {
  local n; n=$(screens)
  echo "show port stats all" >&3
  while [[ $(screens) -le $n ]]; do sleep 0.05; done
  sleep 0.1
  awk '/NIC statistics for port/{port=$6} $1=="RX-packets:"{rx[port]=$2} END{print rx[0]+rx[1]}' "$TMP/testpmd.out"
}
now() { date +%s.%N; }
rate() { awk -v a="$1" -v b="$2" -v t0="$3" -v t1="$4" 'BEGIN{printf "%.2f", (b-a)/(t1-t0)/1e6}'; }

# uncaptured → Mpps forwarded
uncaptured() {
  local a b t0 t1
  a=$(snap); t0=$(now); sleep "$SECS"; b=$(snap); t1=$(now)
  rate "$a" "$b" "$t0" "$t1"
}

# A reader taking at most $1 bytes/s from stdin (a slow disk).
slow_reader() {
  python3 -c 'import sys, time
rate = float(sys.argv[1]); t0 = time.monotonic(); n = 0
while True:
    b = sys.stdin.buffer.read1(1 << 16)
    if not b: break
    n += len(b)
    ahead = n / rate - (time.monotonic() - t0)
    if ahead > 0: time.sleep(ahead)' "$1"
}

# captured PREFIX MODE → "FWD_MPPS CAPTURE_MPPS DROPPED_PCT"
captured() {
  local a b t0 t1 c0 c1 fwd counts
  : >"$TMP/dc.out"; : >"$TMP/dc.err"
  if [[ $2 == slow ]]; then
    # 64-byte packets take 112 bytes of pcapng each (EPB header, data, epb_flags, epb_queue): 112 MB/s ~ 1 Mpps
    "$ROOT/tools/dumpcap" --file-prefix "$1" -i 0 -q -w - 2>"$TMP/dc.err" > >(slow_reader 112000000) &
    DC=$!
  else
    "$ROOT/tools/dumpcap" --file-prefix "$1" -i 0 -q -w "$OUT" >"$TMP/dc.out" 2>"$TMP/dc.err" &
    DC=$!
  fi
  until grep -q "Capturing on" "$TMP/dc.out" "$TMP/dc.err" 2>/dev/null; do
    kill -0 "$DC" 2>/dev/null || { cat "$TMP/dc.err" >&2; exit 1; }
    sleep 0.05
  done
  c0=$(now)
  sleep 1   # dumpcap's own warm-up
  a=$(snap); t0=$(now); sleep "$SECS"; b=$(snap); t1=$(now)
  kill -TERM "$DC"; wait "$DC" || true; DC=""   # TERM: a background job ignores SIGINT
  c1=$(now)
  fwd=$(rate "$a" "$b" "$t0" "$t1")
  counts=$(awk -F'[:/ ]+' '/Packets received\/dropped/{r+=$(NF-2); d+=$(NF-1)} END{printf "%d %d", r, d}' "$TMP/dc.err")
  awk -v f="$fwd" -v rd="$counts" -v t0="$c0" -v t1="$c1" 'BEGIN{split(rd, x, " ");
    printf "%s %.2f %.1f", f, (x[1] - x[2]) / (t1 - t0) / 1e6, (x[1] > 0 ? 100 * x[2] / x[1] : 0)}'
}

median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.2f", (a[NR/2]+a[NR/2+1])/2 }'; }

for mode in $MODES; do
  case "$mode" in
    paced) devargs=",rate=500000"; what="each port offers 0.5 Mpps (net_null rate=500000)"; dest=$OUT;;
    slow) devargs=""; what="net_null as fast as it goes"; dest="a 112 MB/s pipe (~1 Mpps)";;
    full) devargs=""; what="net_null as fast as it goes"; dest=$OUT;;
    *) echo "unknown mode $mode" >&2; exit 2;;
  esac
  prefix=benchcap$$$mode
  rm -f "$TMP/in"; mkfifo "$TMP/in"
  "$ROOT/tools/testpmd" --no-huge -m 1024 --no-pci --file-prefix "$prefix" --vdev "net_null0$devargs" \
    --vdev "net_null1$devargs" -l 0-1 -- -i --total-num-mbufs=16384 <"$TMP/in" >"$TMP/testpmd.out" 2>&1 &
  TP=$!
  exec 3>"$TMP/in"
  until grep -q "testpmd>" "$TMP/testpmd.out"; do
    kill -0 "$TP" 2>/dev/null || { cat "$TMP/testpmd.out"; exit 1; }
    sleep 0.2
  done
  echo start >&3
  sleep 5   # warm-up: JIT, caches
  echo "== $mode: testpmd io, 2 x net_null (64 B), 1 forwarding core, $what; dumpcap -i 0 into $dest; ${SECS}s each"
  ratios=()
  for r in $(seq 1 "$ROUNDS"); do
    u=$(uncaptured)
    read -r c cap drop <<<"$(captured "$prefix" "$mode")"
    ratio=$(awk -v c="$c" -v u="$u" 'BEGIN{ if (u > 0) printf "%.2f", c/u; else print "nan" }')
    ratios+=("$ratio")
    printf "round %d  forwarding %7s Mpps uncaptured, %7s Mpps captured (ratio %s); capture %6s Mpps written, %5s%% dropped\n" \
      "$r" "$u" "$c" "$ratio" "$cap" "$drop"
  done
  echo "$mode median forwarding rate captured/uncaptured: $(printf "%s\n" "${ratios[@]}" | median)"
  echo stop >&3
  echo quit >&3
  exec 3>&-
  wait "$TP" || true
  TP=""
done
