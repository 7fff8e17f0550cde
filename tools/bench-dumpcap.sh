#!/usr/bin/env bash
# How much does a running capture cost forwarding? testpmd forwards at full speed between two net_null ports (io, one
# forwarding core, -l 0-1); in the same testpmd process, alternately, forwarding is measured without a capture and
# with tools/dumpcap attached to both ports (rx and tx, every packet, 64 bytes).
#   tools/bench-dumpcap.sh [-r ROUNDS] [-s SECONDS] [-w FILE]
# Forwarding rate = RX-packets of both ports over SECONDS from `show port stats all` (packets forwarded per second).
# Capture rate = packets dumpcap wrote per second: received - dropped from its "Packets received/dropped" lines over
# the time it was attached. -w: where dumpcap writes (default /dev/null: the cost of the data path and the rings, not
# of the disk). Prints each round, then the median ratio captured/uncaptured forwarding rate.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS=3; SECS=5; OUT=/dev/null
while getopts "r:s:w:" o; do
  case "$o" in r) ROUNDS=$OPTARG;; s) SECS=$OPTARG;; w) OUT=$OPTARG;; *) exit 2;; esac
done
"$ROOT/tools/testpmd" -h >/dev/null 2>&1 || true   # build both once, outside the timed runs
"$ROOT/tools/dumpcap" -h >/dev/null 2>&1 || true
PREFIX=benchcap$$
TMP="$(mktemp -d)"
mkfifo "$TMP/in"
cleanup() {
  exec 3>&- 2>/dev/null || true
  [[ -n "${DC:-}" ]] && kill "$DC" 2>/dev/null || true
  [[ -n "${TP:-}" ]] && { sleep 2; kill "$TP" 2>/dev/null || true; }
  rm -rf "$TMP"
}
trap cleanup EXIT

"$ROOT/tools/testpmd" --no-huge -m 1024 --no-pci --file-prefix "$PREFIX" --vdev net_null0 --vdev net_null1 -l 0-1 \
  -- -i --total-num-mbufs=16384 <"$TMP/in" >"$TMP/testpmd.out" 2>&1 &
TP=$!
exec 3>"$TMP/in"

screens() { grep -c "NIC statistics for port 1" "$TMP/testpmd.out" || true; }
# snap → prints RX-packets of port 0 + port 1 from a fresh `show port stats all`
snap() {
  local n; n=$(screens)
  echo "show port stats all" >&3
  while [[ $(screens) -le $n ]]; do sleep 0.05; done
  sleep 0.1
  awk '/NIC statistics for port/{port=$5} $1=="RX-packets:"{rx[port]=$2} END{print rx[0]+rx[1]}' "$TMP/testpmd.out"
}
now() { date +%s.%N; }
rate() { awk -v a="$1" -v b="$2" -v t0="$3" -v t1="$4" 'BEGIN{printf "%.2f", (b-a)/(t1-t0)/1e6}'; }

until grep -q "testpmd>" "$TMP/testpmd.out"; do
  kill -0 "$TP" 2>/dev/null || { cat "$TMP/testpmd.out"; exit 1; }
  sleep 0.2
done
echo start >&3
sleep 5   # warm-up: JIT, caches

# uncaptured → Mpps forwarded
uncaptured() {
  local a b t0 t1
  a=$(snap); t0=$(now); sleep "$SECS"; b=$(snap); t1=$(now)
  rate "$a" "$b" "$t0" "$t1"
}

# captured → "FWD_MPPS CAPTURE_MPPS DROPPED_PCT"
captured() {
  local a b t0 t1 c0 c1
  "$ROOT/tools/dumpcap" --file-prefix "$PREFIX" -i 0 -i 1 -q -w "$OUT" >"$TMP/dc.out" 2>"$TMP/dc.err" &
  DC=$!
  until grep -q "Capturing on" "$TMP/dc.out"; do
    kill -0 "$DC" 2>/dev/null || { cat "$TMP/dc.err" >&2; exit 1; }
    sleep 0.05
  done
  c0=$(now)
  sleep 1   # dumpcap's own warm-up
  a=$(snap); t0=$(now); sleep "$SECS"; b=$(snap); t1=$(now)
  kill -INT "$DC"; wait "$DC" || true; DC=""
  c1=$(now)
  local fwd cap
  fwd=$(rate "$a" "$b" "$t0" "$t1")
  cap=$(awk -F'[:/ ]+' '/Packets received\/dropped/{r+=$(NF-2); d+=$(NF-1)} END{printf "%d %d", r, d}' "$TMP/dc.err")
  awk -v f="$fwd" -v rd="$cap" -v t0="$c0" -v t1="$c1" 'BEGIN{split(rd, x, " ");
    printf "%s %.2f %.1f", f, (x[1]-x[2])/(t1-t0)/1e6, x[1] > 0 ? 100*x[2]/x[1] : 0}'
}

echo "== testpmd io, 2 x net_null (64 B), 1 forwarding core; dumpcap -i 0 -i 1 -w $OUT; ${SECS}s per measurement"
ratios=()
for r in $(seq 1 "$ROUNDS"); do
  u=$(uncaptured)
  read -r c cap drop <<<"$(captured)"
  ratio=$(awk -v c="$c" -v u="$u" 'BEGIN{ if (u > 0) printf "%.2f", c/u; else print "nan" }')
  ratios+=("$ratio")
  printf "round %d  forwarding %8s Mpps uncaptured  %8s Mpps captured (ratio %s)  capture %6s Mpps written, %5s%% dropped\n" \
    "$r" "$u" "$c" "$ratio" "$cap" "$drop"
done
med=$(printf "%s\n" "${ratios[@]}" | sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.2f", (a[NR/2]+a[NR/2+1])/2 }')
echo "median forwarding rate captured/uncaptured: $med"
echo stop >&3
echo quit >&3
wait "$TP" || true
TP=""
