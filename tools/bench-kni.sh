#!/usr/bin/env bash
# Side by side, one run: our KNI path (net_kni, TAP + KNI thread) against DPDK's TAP PMD (dpdk-testpmd --vdev
# net_tap0), same machine, same workloads, each in a network namespace of its own:
#   app → kernel: testpmd txonly into the interface (--txpkts=SIZE); counted as the interface's rx_packets/rx_bytes,
#                 i.e. frames the kernel took in (they are then dropped at L2: not for this host);
#   kernel → app: a kernel sender in the namespace (mausezahn, raw UDP frames of SIZE bytes out of the interface) and
#                 testpmd rxonly; counted as the interface's tx_packets/tx_bytes, i.e. frames the application read
#                 (tun counts a frame when it is copied to user space; frames the app was too slow for are tx_dropped).
# SIZE = 64 and 1500 bytes (Ethernet frame without FCS). Prints pps and Gbit/s per cell and the ratio ours/net_tap.
#   latency (BENCH_DIRS containing "lat"): two ports in testpmd's io forwarding between namespace A (198.18.0.1) and
#                 namespace B (198.18.0.2): two net_kni ports for ours, two DPDK net_tap ports for dpdk-testpmd (its
#                 second TAP moved into B). Round trips A -> B -> A: ping (BENCH_LAT_PINGS, default 500, every
#                 BENCH_LAT_INTERVAL s, default 0.02: the KNI threads go idle between two, as on a quiet interface)
#                 and a UDP request/response at a fixed rate (BENCH_LAT_UDP_RATE per second, default 1000, for
#                 BENCH_LAT_UDP_COUNT requests, default 5000, after BENCH_LAT_UDP_WARMUP unrecorded ones, default
#                 2000, as the ping's warm-up; the client sleeps between requests and spins only the
#                 last 200 µs, as a real client would not hold a CPU), p50/p99/p99.9 in µs (exact, from every sample);
#                 and the same request/response with sockperf (ping-pong, --full-rtt, same rate, 64-byte messages,
#                 BENCH_LAT_UDP_COUNT / rate seconds after its own 400 ms warm-up; percentiles from its per-message
#                 log): a compiled client that takes its timestamps around the syscalls, where the Python client's
#                 own interpreter time after send() is inside its round trip. sockperf's client paces by spinning.
# Ours runs twice: "kni" with the default --kni-tap-io=io_uring (batched TAP writes) and "kni-write" with
# --kni-tap-io=write (one write(2) per frame, the fallback); "kni-nodb" (--kni-doorbell=off: the KNI thread wakes
# only on its TAP and the scheduling interval, as rte_kni.ko's); and "knid": the same kernel side in tools/knid, a
# process of its own, testpmd reaching it with --kni-daemon (issue 15: within 10% of "kni", latency no worse; knid
# does not lend its TAPs, so its round trips are those of BENCH_KNI_OPTS=--kni-direct-io=off).
# Each cell is the best of BENCH_RUNS runs (default 1): on a shared 2-CPU VM single runs vary by 10-30%.
#
#   tools/bench-kni.sh [SECONDS]        SECONDS measured per cell (default 5), after BENCH_WARMUP s (default 2)
#   BENCH_RUNS=3 BENCH_SIZES="64 1500" BENCH_DIRS="tx rx lat" BENCH_PMDS="kni kni-write kni-nodb knid tap" \
#     BENCH_KNI_OPTS="--kni-..." (in-process) BENCH_KNID_OPTS="--..." (knid's options) \
#     tools/bench-kni.sh
#
# Needs root, /dev/net/tun, iproute2; dpdk-testpmd (Debian: dpdk), mausezahn (Debian: netsniff-ng) and sockperf,
# installed with apt-get when missing (without sockperf its latency row reads n/a). Without mausezahn the kernel → app
# cells use a python3 UDP sender (slower source).
# Everything it creates (namespaces, interfaces, processes, temp files) is removed on exit, failure and Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

SECS=${1:-5}
SIZES=${BENCH_SIZES:-64 1500}
DIRS=${BENCH_DIRS:-tx rx lat}
PMDS=${BENCH_PMDS:-kni kni-write knid tap}
RUNS=${BENCH_RUNS:-1}
KNI_OPTS=${BENCH_KNI_OPTS:-}
KNID_OPTS=${BENCH_KNID_OPTS:-}
KNID_PID=""
WORK="$(mktemp -d /tmp/kni-bench.XXXXXX)"
NS=""
NSB=""
TP_PID=""
SRC_PID=""

die() { echo "bench-kni: $*" >&2; exit 1; }

stop_cell() {
  set +e
  [[ -n "$SRC_PID" ]] && kill -TERM "$SRC_PID" 2>/dev/null && wait "$SRC_PID" 2>/dev/null
  SRC_PID=""
  exec 3>&-
  if [[ -n "$TP_PID" ]]; then
    for _ in $(seq 100); do kill -0 "$TP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -TERM "$TP_PID" 2>/dev/null; sleep 0.5; kill -KILL "$TP_PID" 2>/dev/null; wait "$TP_PID" 2>/dev/null
  fi
  TP_PID=""
  if [[ -n "$KNID_PID" ]]; then
    kill -TERM "$KNID_PID" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$KNID_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$KNID_PID" 2>/dev/null; wait "$KNID_PID" 2>/dev/null
  fi
  KNID_PID=""
  [[ -n "$NS" ]] && ip netns del "$NS" 2>/dev/null
  [[ -n "$NSB" ]] && ip netns del "$NSB" 2>/dev/null
  NS=""
  NSB=""
  set -e
}

cleanup() {
  local rc=$?
  trap - INT TERM EXIT
  stop_cell
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'echo "bench-kni: interrupted" >&2; exit 130' INT TERM

[[ "$(id -u)" == 0 ]] || die "needs root"
[[ -c /dev/net/tun ]] || die "needs /dev/net/tun"
if ! command -v dpdk-testpmd >/dev/null || ! command -v mausezahn >/dev/null || ! command -v sockperf >/dev/null; then
  echo "bench-kni: installing dpdk, netsniff-ng (mausezahn) and sockperf with apt-get..." >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dpdk netsniff-ng sockperf; } >"$WORK/apt.log" 2>&1 ||
    echo "bench-kni: apt-get failed (see below); going on with what is there" >&2
fi
command -v dpdk-testpmd >/dev/null || die "dpdk-testpmd not found (Debian package dpdk)"
SENDER=mausezahn
command -v mausezahn >/dev/null || { SENDER=python; echo "bench-kni: no mausezahn: python3 UDP sender" >&2; }

# counter NAME: the interface's /sys statistics counter inside the cell's namespace
counter() { ip netns exec "$NS" cat "/sys/class/net/$IFNAME/statistics/$1"; }

wait_output() {
  local text="$1" secs="$2" i
  for ((i = 0; i < secs * 10; i++)); do
    grep -qF -- "$text" "$WORK/testpmd.out" 2>/dev/null && return 0
    kill -0 "$TP_PID" 2>/dev/null || { tail -n 20 "$WORK/testpmd.out" >&2; die "testpmd exited early"; }
    sleep 0.1
  done
  tail -n 20 "$WORK/testpmd.out" >&2
  die "timed out waiting for '$text' from testpmd"
}

start_sender() {
  local size=$1 pad=$(($1 - 42))
  if [[ "$SENDER" == mausezahn ]]; then
    ip netns exec "$NS" mausezahn "$IFNAME" -c 0 -a 02:00:00:00:00:01 -b 02:00:00:00:00:02 -t udp "sp=1,dp=9" \
      -p "$pad" -q >/dev/null 2>&1 &
  else
    ip netns exec "$NS" timeout $((SECS + 10)) python3 -c '
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1 << 20)
payload = bytes(int(sys.argv[1]))
while True:
    try:
        s.sendto(payload, ("198.18.0.9", 9))
    except OSError:
        pass' "$pad" >/dev/null 2>&1 &
  fi
  SRC_PID=$!
}

# start_knid: tools/knid on $WORK/knid.sock (KNID_PID), ready when it says so
start_knid() {
  rm -f "$WORK/knid.sock" "$WORK/knid.out"
  # shellcheck disable=SC2086
  tools/knid --socket="$WORK/knid.sock" --carrier=on $KNID_OPTS >"$WORK/knid.out" 2>&1 &
  KNID_PID=$!
  local k
  for ((k = 0; k < 6000; k++)); do
    [[ -S "$WORK/knid.sock" ]] && grep -q "ready on" "$WORK/knid.out" 2>/dev/null && break
    kill -0 "$KNID_PID" 2>/dev/null || { cat "$WORK/knid.out" >&2; die "knid exited early"; }
    sleep 0.1
  done
}

# cell PMD DIR SIZE → prints "pps bytes_per_s offered_pps"
cell() {
  local pmd=$1 dir=$2 size=$3 mode
  NS="kni-bench-$$-$pmd-$dir-$size"
  NS=${NS:0:60}
  ip netns add "$NS"
  ip netns exec "$NS" ip link set lo up
  ip netns exec "$NS" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  case $dir in
    tx) mode="--forward-mode=txonly --txpkts=$size" ;;
    rx) mode="--forward-mode=rxonly" ;;
    *) mode="--forward-mode=icmpecho" ;;
  esac
  rm -f "$WORK/stdin"; mkfifo "$WORK/stdin"
  if [[ $pmd == knid ]]; then
    IFNAME=kni0
    start_knid
    # shellcheck disable=SC2086
    tools/testpmd --no-huge -m 512 -l 0-1 --file-prefix=knibench$$ --kni-daemon="$WORK/knid.sock" --vdev "net_kni0,netns=$NS" -- \
      --total-num-mbufs=16384 $mode <"$WORK/stdin" >"$WORK/testpmd.out" 2>&1 &
  elif [[ $pmd == kni* ]]; then
    IFNAME=kni0
    local tapio=""
    [[ $pmd == kni-write ]] && tapio="--kni-tap-io=write"
    [[ $pmd == kni-nodb ]] && tapio="--kni-doorbell=off"
    # shellcheck disable=SC2086
    tools/testpmd --file-prefix "kni-bench-$$" --no-huge -m 512 -l 0-1 --kni-carrier=on $tapio $KNI_OPTS --vdev "net_kni0,netns=$NS" -- \
      --total-num-mbufs=16384 $mode <"$WORK/stdin" >"$WORK/testpmd.out" 2>&1 &
  else
    IFNAME=dtap0
    # shellcheck disable=SC2086
    ip netns exec "$NS" stdbuf -oL -eL dpdk-testpmd --file-prefix "kni-bench-dpdk-$$" --no-huge -m 512 --no-pci -l 0-1 --log-level=lib.eal:error \
      --vdev net_tap0,iface=dtap0 -- --total-num-mbufs=16384 $mode <"$WORK/stdin" >"$WORK/testpmd.out" 2>&1 &
  fi
  TP_PID=$!
  exec 3>"$WORK/stdin"
  wait_output "Press enter to exit" 600
  ip netns exec "$NS" ip addr add 198.18.0.1/24 dev "$IFNAME"
  ip netns exec "$NS" ip link set "$IFNAME" up
  ip netns exec "$NS" ip neigh replace 198.18.0.9 lladdr 02:00:00:00:00:02 dev "$IFNAME"
  local i
  for ((i = 0; i < 100; i++)); do
    ip netns exec "$NS" ip -o link show "$IFNAME" | grep -q LOWER_UP && break
    sleep 0.1
  done
  ((i < 100)) || die "$IFNAME: no carrier after 10 s"
  if [[ $dir == lat ]]; then
    # icmpecho answers ARP too: let the kernel resolve the address instead of the fake neighbour
    ip netns exec "$NS" ip neigh del 198.18.0.9 dev "$IFNAME" 2>/dev/null || true
    ip netns exec "$NS" ping -q -c 200 -i 0.005 -W 1 198.18.0.9 >/dev/null 2>&1 || true   # warm-up
    local avg
    avg=$(ip netns exec "$NS" ping -q -c $((SECS * 500)) -i 0.002 -W 1 198.18.0.9 2>/dev/null |
      awk -F/ '/^rtt/ { printf "%d", $5 * 1000 }')
    echo "" >&3
    stop_cell
    echo "${avg:-0} 0 0"
    return
  fi
  local pk by
  if [[ $dir == tx ]]; then pk=rx_packets; by=rx_bytes; else pk=tx_packets; by=tx_bytes; start_sender "$size"; fi
  sleep "${BENCH_WARMUP:-2}"   # JIT warm-up of our side (each cell is a new JVM)
  local p0 b0 d0 p1 b1 d1
  p0=$(counter $pk); b0=$(counter $by); d0=$(counter tx_dropped)
  sleep "$SECS"
  p1=$(counter $pk); b1=$(counter $by); d1=$(counter tx_dropped)
  echo "" >&3
  stop_cell
  local offered=0
  [[ $dir == rx ]] && offered=$(( (p1 - p0 + d1 - d0) / SECS ))
  echo "$(( (p1 - p0) / SECS )) $(( (b1 - b0) / SECS )) $offered"
}

gbps() { awk -v b="$1" 'BEGIN { printf "%.2f", b * 8 / 1e9 }'; }

# percentiles: the µs values on stdin → "p50 p99 p99.9" (exact: the sample at that rank)
percentiles() {
  sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "n/a n/a n/a"; exit }
    split("0.5 0.99 0.999", q, " ")
    for (i = 1; i <= 3; i++) { r = int(q[i] * NR + 0.999999); if (r < 1) r = 1; if (r > NR) r = NR; printf "%s%.1f", (i > 1 ? " " : ""), v[r] }
    print "" }'
}

# lat_cell PMD → prints "ping_p50 ping_p99 ping_p999 udp_p50 udp_p99 udp_p999 lost" (µs; lost = pings + requests)
lat_cell() {
  local pmd=$1 ifa ifb
  NS="kni-bench-$$-$pmd-lat-a"; NSB="kni-bench-$$-$pmd-lat-b"
  local ns
  for ns in "$NS" "$NSB"; do
    ip netns add "$ns"
    ip netns exec "$ns" ip link set lo up
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  done
  rm -f "$WORK/stdin"; mkfifo "$WORK/stdin"
  if [[ $pmd == knid ]]; then
    ifa=kni0; ifb=kni1
    start_knid
    tools/testpmd --file-prefix "kni-bench-$$" --no-huge -m 512 -l 0-1 --kni-daemon="$WORK/knid.sock" \
      --vdev "net_kni0,netns=$NS" --vdev "net_kni1,netns=$NSB" -- --total-num-mbufs=16384 --forward-mode=io \
      <"$WORK/stdin" >"$WORK/testpmd.out" 2>&1 &
  elif [[ $pmd == kni* ]]; then
    ifa=kni0; ifb=kni1
    local tapio=""
    [[ $pmd == kni-write ]] && tapio="--kni-tap-io=write"
    [[ $pmd == kni-nodb ]] && tapio="--kni-doorbell=off"
    # shellcheck disable=SC2086
    tools/testpmd --file-prefix "kni-bench-$$" --no-huge -m 512 -l 0-1 --kni-carrier=on $tapio $KNI_OPTS --vdev "net_kni0,netns=$NS" \
      --vdev "net_kni1,netns=$NSB" -- --total-num-mbufs=16384 --forward-mode=io <"$WORK/stdin" >"$WORK/testpmd.out" 2>&1 &
  else
    ifa=dtap0; ifb=dtap1
    ip netns exec "$NS" stdbuf -oL -eL dpdk-testpmd --file-prefix "kni-bench-dpdk-$$" --no-huge -m 512 --no-pci -l 0-1 --log-level=lib.eal:error \
      --vdev net_tap0,iface=dtap0 --vdev net_tap1,iface=dtap1 -- --total-num-mbufs=16384 --forward-mode=io \
      <"$WORK/stdin" >"$WORK/testpmd.out" 2>&1 &
  fi
  TP_PID=$!
  exec 3>"$WORK/stdin"
  wait_output "Press enter to exit" 600
  [[ $pmd == tap ]] && ip netns exec "$NS" ip link set dtap1 netns "$NSB"
  ip netns exec "$NS" ip addr add 198.18.0.1/24 dev "$ifa"
  ip netns exec "$NSB" ip addr add 198.18.0.2/24 dev "$ifb"
  ip netns exec "$NS" ip link set "$ifa" up
  ip netns exec "$NSB" ip link set "$ifb" up
  local i
  for ((i = 0; i < 100; i++)); do
    ip netns exec "$NS" ip -o link show "$ifa" | grep -q LOWER_UP && ip netns exec "$NSB" ip -o link show "$ifb" |
      grep -q LOWER_UP && ip netns exec "$NS" ping -c 1 -W 1 198.18.0.2 >/dev/null 2>&1 && break
    sleep 0.1
  done
  ((i < 100)) || die "$pmd: 198.18.0.2 not reachable from A after 10 s"
  ip netns exec "$NS" ping -n -q -c 200 -i 0.005 198.18.0.2 >/dev/null 2>&1 || true   # warm-up (JIT)
  local pings=${BENCH_LAT_PINGS:-500}
  ip netns exec "$NS" ping -n -c "$pings" -i "${BENCH_LAT_INTERVAL:-0.02}" -W 1 198.18.0.2 >"$WORK/ping.out" 2>&1 || true
  local ping_pct ping_got
  ping_pct=$(sed -n 's/.* time=\([0-9.]*\) ms.*/\1/p' "$WORK/ping.out" | awk '{ print $1 * 1000 }' | percentiles)
  ping_got=$(grep -c ' time=' "$WORK/ping.out" || true)
  ip netns exec "$NSB" timeout 120 python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("198.18.0.2", 9100))
while True:
    d, a = s.recvfrom(2048)
    s.sendto(d, a)' >/dev/null 2>&1 &
  SRC_PID=$!
  sleep 0.5
  local udp
  udp=$(ip netns exec "$NS" timeout 120 python3 -c '
import socket, sys, time
rate, count, warm = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(1.0)
s.connect(("198.18.0.2", 9100))
period = 1e9 / rate
rtts, lost = [], 0
t_next = time.perf_counter_ns()
for i in range(warm + count):
    # sleep through the gap (a client that spun would hold a CPU the KNI thread or the server needs), then spin
    # the last 200 us to send on time
    gap = t_next - time.perf_counter_ns()
    if gap > 300000:
        time.sleep((gap - 200000) / 1e9)
    while time.perf_counter_ns() < t_next:
        pass
    t_next += period
    t0 = time.perf_counter_ns()
    s.send(i.to_bytes(8, "little") + bytes(56))
    try:
        while int.from_bytes(s.recv(2048)[:8], "little") != i:
            pass
        if i >= warm:
            rtts.append((time.perf_counter_ns() - t0) / 1000.0)
    except socket.timeout:
        lost += 1 if i >= warm else 0
for r in rtts:
    print("%.1f" % r)
print("lost", lost, file=sys.stderr)' "${BENCH_LAT_UDP_RATE:-1000}" "${BENCH_LAT_UDP_COUNT:-5000}" \
    "${BENCH_LAT_UDP_WARMUP:-2000}" 2>"$WORK/udp.err" | percentiles)
  local udp_lost
  udp_lost=$(awk '/^lost/ { print $2 }' "$WORK/udp.err")
  kill -TERM "$SRC_PID" 2>/dev/null; wait "$SRC_PID" 2>/dev/null || true; SRC_PID=""
  local sp="n/a n/a n/a" sp_lost=0
  if command -v sockperf >/dev/null; then
    ip netns exec "$NSB" timeout 120 sockperf server -i 198.18.0.2 -p 9101 >"$WORK/sockperf-server.out" 2>&1 &
    SRC_PID=$!
    sleep 0.5
    local rate=${BENCH_LAT_UDP_RATE:-1000} count=${BENCH_LAT_UDP_COUNT:-5000}
    rm -f "$WORK/sockperf.csv"
    ip netns exec "$NS" timeout 120 sockperf ping-pong -i 198.18.0.2 -p 9101 -m 64 --mps "$rate" \
      -t $(( (count + rate - 1) / rate )) --full-rtt --full-log "$WORK/sockperf.csv" >"$WORK/sockperf.out" 2>&1 || true
    # the log: "packet, txTime(sec), rxTime(sec), rtt(usec)" then one line per answered message
    sp=$(awk -F', *' '$1 ~ /^[0-9]+$/ && NF == 4 { print $4 }' "$WORK/sockperf.csv" 2>/dev/null | percentiles)
    sp_lost=$(sed -n 's/.*# dropped messages = \([0-9]*\).*/\1/p' "$WORK/sockperf.out" | head -1)
  fi
  echo "" >&3
  stop_cell
  echo "$ping_pct $udp $sp $(( pings - ping_got + ${udp_lost:-0} + ${sp_lost:-0} ))"
}

declare -A PPS BPS OFF LAT
echo "bench-kni: $SECS s per cell; kernel sender: $SENDER; $(nproc) CPUs; $(uname -r)"
for dir in $DIRS; do
  if [[ $dir == lat ]]; then
    for pmd in $PMDS; do
      lat_cell "$pmd" >"$WORK/result"
      LAT[$pmd]="$(cat "$WORK/result")"
      read -r a b c d e f g h i l <"$WORK/result"
      printf '  %-9s lat ping p50/p99/p99.9 %s/%s/%s us, udp %s/%s/%s us, sockperf %s/%s/%s us, lost %s\n' "$pmd" \
        "$a" "$b" "$c" "$d" "$e" "$f" "$g" "$h" "$i" "$l"
    done
    continue
  fi
  for size in $SIZES; do
    for pmd in $PMDS; do
      p=0; b=0; o=0
      for ((run = 0; run < RUNS; run++)); do
        cell "$pmd" "$dir" "$size" >"$WORK/result"
        read -r rp rb ro <"$WORK/result"
        # throughput: the best run; latency: the lowest average
        if [[ $dir == lat ]]; then
          if ((run == 0 || (rp > 0 && rp < p))); then p=$rp; fi
        elif ((rp > p)); then p=$rp; b=$rb; o=$ro; fi
      done
      if [[ $dir == lat ]]; then
        PPS[$pmd,$dir,$size]=$p
        printf '  %-9s %-3s ping: %6d us average RTT\n' "$pmd" "$dir" "$p"
        continue
      fi
      PPS[$pmd,$dir,$size]=$p; BPS[$pmd,$dir,$size]=$b; OFF[$pmd,$dir,$size]=$o
      printf '  %-9s %-3s %5s B: %9d pps %7.2f Gbit/s%s\n' "$pmd" "$dir" "$size" "$p" \
        "$(gbps "$b")" "$([[ $dir == rx ]] && echo " (offered by the sender: $o pps)")"
    done
  done
done

ratio() { awk -v k="$1" -v t="$2" 'BEGIN { if (t > 0) printf "%.2fx", k / t; else print "n/a" }'; }

[[ " $DIRS " == *" tx "* || " $DIRS " == *" rx "* ]] && { echo
printf '%-24s %6s %20s %20s %20s %9s %9s\n' "workload" "size" "ours io_uring" "ours write" "net_tap" \
  "uring/tap" "write/tap"; }
for dir in $DIRS; do
  [[ $dir == lat ]] && continue
  for size in $SIZES; do
    k=${PPS[kni,$dir,$size]:-0}; w=${PPS[kni-write,$dir,$size]:-0}; t=${PPS[tap,$dir,$size]:-0}
    name=$([[ $dir == tx ]] && echo "app -> kernel (txonly)" || echo "kernel -> app (rxonly)")
    printf '%-24s %5sB %9d %5s Gb/s %9d %5s Gb/s %9d %5s Gb/s %9s %9s\n' "$name" "$size" \
      "$k" "$(gbps "${BPS[kni,$dir,$size]:-0}")" "$w" "$(gbps "${BPS[kni-write,$dir,$size]:-0}")" \
      "$t" "$(gbps "${BPS[tap,$dir,$size]:-0}")" "$(ratio "$k" "$t")" "$(ratio "$w" "$t")"
  done
done
if [[ " $DIRS " == *" lat "* ]]; then
  echo
  printf '%-28s' "round trip A -> B -> A (us)"
  for pmd in $PMDS; do printf ' %26s' "$pmd p50/p99/p99.9"; done
  echo
  for kind in ping udp sockperf; do
    case $kind in
      ping) printf '%-28s' "ping every ${BENCH_LAT_INTERVAL:-0.02} s" ;;
      udp) printf '%-28s' "udp at ${BENCH_LAT_UDP_RATE:-1000}/s (python)" ;;
      sockperf) printf '%-28s' "udp at ${BENCH_LAT_UDP_RATE:-1000}/s (sockperf)" ;;
    esac
    for pmd in $PMDS; do
      read -r a b c d e f g h i l <<<"${LAT[$pmd]:-n/a n/a n/a n/a n/a n/a n/a n/a n/a 0}"
      case $kind in
        ping) printf ' %26s' "$a/$b/$c" ;;
        udp) printf ' %26s' "$d/$e/$f" ;;
        sockperf) printf ' %26s' "$g/$h/$i" ;;
      esac
    done
    echo
  done
  echo "goal: round-trip p50 and p99 at most net_tap's"
fi
[[ " $DIRS " == *" tx "* || " $DIRS " == *" rx "* ]] && echo "goal: >= 1.5x net_tap app -> kernel, >= 1.0x kernel -> app"
if [[ " $PMDS " == *" knid "* && " $PMDS " == *" kni "* ]]; then
  echo
  echo "knid (kernel side in its own process) against kni (in-process), same workloads:    knid      kni   knid/kni"
  for dir in $DIRS; do
    [[ $dir == lat ]] && continue   # in the round-trip table above
    for size in $SIZES; do
      name=$([[ $dir == tx ]] && echo "app -> kernel $size B" || echo "kernel -> app $size B")
      extra=""
      # kernel -> app: the sender is part of the measurement; what share of its offer each side read is comparable
      [[ $dir == rx ]] && extra=$(awk -v a="${PPS[knid,$dir,$size]:-0}" -v oa="${OFF[knid,$dir,$size]:-0}" \
        -v b="${PPS[kni,$dir,$size]:-0}" -v ob="${OFF[kni,$dir,$size]:-0}" \
        'BEGIN { if (oa > 0 && ob > 0) printf "  (read %.0f%% / %.0f%% of what the sender offered)", a * 100 / oa, b * 100 / ob }')
      printf '  %-24s %9d pps %9d pps %8s%s\n' "$name" "${PPS[knid,$dir,$size]:-0}" "${PPS[kni,$dir,$size]:-0}" \
        "$(ratio "${PPS[knid,$dir,$size]:-0}" "${PPS[kni,$dir,$size]:-0}")" "$extra"
    done
  done
  echo "goal: knid/kni >= 0.90x throughput, latency no worse; on a shared 2-CPU machine single runs vary by 10-30%"
fi
[[ " $DIRS " == *" rx "* ]] && echo "kernel -> app: compare with the sender's offered rate above; when ours reads all it is offered, the sender is the limit" || true
