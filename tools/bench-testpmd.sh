#!/usr/bin/env bash
# Side-by-side: dpdk-testpmd vs ours (tools/testpmd) on the same workload, alternating, several rounds.
#   tools/bench-testpmd.sh [-r ROUNDS] [-s SECONDS] [-m io|rxonly|txonly|all]
# Workload: two net_null ports, one forwarding core (-l 0-1), --stats-period=1; each run lasts SECONDS after
# start-up and is stopped by SIGINT. Mpps = the last "Rx-pps" (io, rxonly) or "Tx-pps" (txonly) of port 0 from the
# periodic `show port stats` screen, i.e. packets per second per direction. Prints per-round Mpps and ratio
# ours/DPDK, and the median ratio last.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS=3; SECS=5; MODES="io rxonly txonly"
while getopts "r:s:m:" o; do
  case "$o" in r) ROUNDS=$OPTARG;; s) SECS=$OPTARG;; m) [[ $OPTARG == all ]] || MODES=$OPTARG;; *) exit 2;; esac
done
command -v dpdk-testpmd >/dev/null || { echo "dpdk-testpmd not found (apt-get install dpdk-dev)" >&2; exit 1; }
"$ROOT/tools/testpmd" -h >/dev/null 2>&1 || true   # build once, outside the timed runs
EAL=(--no-huge -m 1024 --no-pci --file-prefix=bench$$ --vdev net_null0 --vdev net_null1 -l 0-1)
TMP="$(mktemp -d)"; trap 'rm -rf "$TMP"' EXIT

# run_one CMD MODE → prints Mpps
run_one() {
  local cmd=$1 mode=$2 out="$TMP/out" field=Rx-pps grace
  [[ $mode == txonly ]] && field=Tx-pps
  [[ $cmd == dpdk-testpmd ]] && grace=1 || grace=4
  # stdin stays open for the whole run (ours would stop at end of input); SIGINT ends it as it ends dpdk-testpmd
  timeout -s INT $((SECS + grace)) "$cmd" "${EAL[@]}" -- --total-num-mbufs=16384 --stats-period=1 \
    --forward-mode="$mode" < <(sleep $((SECS + grace + 5))) >"$out" 2>/dev/null || true
  awk -v f="$field" '/NIC statistics for port 0 /{p=1} /NIC statistics for port 1 /{p=0} p && $1==f":" {v=$2} END{printf "%.2f", v/1e6}' "$out"
}

for mode in $MODES; do
  ratios=()
  echo "== $mode: 2 x net_null, 1 forwarding core, ${SECS}s per run"
  for r in $(seq 1 "$ROUNDS"); do
    d=$(run_one dpdk-testpmd "$mode")
    o=$(run_one "$ROOT/tools/testpmd" "$mode")
    ratio=$(awk -v a="$o" -v b="$d" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "nan" }')
    ratios+=("$ratio")
    printf "round %d  dpdk-testpmd %8s Mpps  ours %8s Mpps  ratio %s\n" "$r" "$d" "$o" "$ratio"
  done
  med=$(printf "%s\n" "${ratios[@]}" | sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.2f", (a[NR/2]+a[NR/2+1])/2 }')
  echo "$mode median ratio ours/dpdk: $med"
done
