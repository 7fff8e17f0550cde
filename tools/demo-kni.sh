#!/usr/bin/env bash
# KNI through testpmd in one command (needs root, /dev/net/tun, iproute2, ping):
#   two net_kni ports in io forwarding, kni0 = 198.18.0.1/24 in network namespace A, kni1 = 198.18.0.2/24 in B;
#   200 pings from A to B cross testpmd; prints the ping summary and testpmd's port statistics.
# Everything it creates (two namespaces, the interfaces inside them, a temp dir) is removed on exit, on failure and
# on Ctrl-C. Every wait is bounded. Options: DEMO_PINGS (default 200); DEMO_TESTPMD (the launcher, default tools/testpmd)
# and DEMO_KNI_OPTS (default --kni-carrier=on), which tools/demo-knid.sh sets to run testpmd unprivileged through knid.
set -euo pipefail
cd "$(dirname "$0")/.."

PINGS=${DEMO_PINGS:-200}
TESTPMD=${DEMO_TESTPMD:-tools/testpmd}
KNI_OPTS=${DEMO_KNI_OPTS:---kni-carrier=on}
NS_A="kni-demo-a-$$"
NS_B="kni-demo-b-$$"
WORK="$(mktemp -d /tmp/kni-demo.XXXXXX)"
OUT="$WORK/testpmd.out"
TP_PID=""

die() { echo "demo-kni: $*" >&2; exit 1; }

cleanup() {
  local rc=$?
  set +e
  trap - INT TERM EXIT
  exec 3>&-
  if [[ -n "$TP_PID" ]] && kill -0 "$TP_PID" 2>/dev/null; then
    # the closed stdin makes testpmd quit; give it 10 s, then stop it
    for _ in $(seq 100); do kill -0 "$TP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -TERM "$TP_PID" 2>/dev/null; sleep 1; kill -KILL "$TP_PID" 2>/dev/null
  fi
  ip netns del "$NS_A" 2>/dev/null
  ip netns del "$NS_B" 2>/dev/null
  if [[ $rc -ne 0 && -s "$OUT" ]]; then
    echo "--- testpmd output (last 40 lines) ---" >&2; tail -n 40 "$OUT" >&2
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'echo "demo-kni: interrupted" >&2; exit 130' INT TERM

[[ "$(id -u)" == 0 ]] || die "needs root (network namespaces, TAP devices)"
[[ -c /dev/net/tun ]] || die "needs /dev/net/tun"
command -v ip >/dev/null && command -v ping >/dev/null || die "needs iproute2 and ping"

# wait_for TEXT SECONDS [FROM_BYTE]: until TEXT appears in testpmd's output after FROM_BYTE, testpmd still running
wait_for() {
  local text="$1" secs="$2" from="${3:-0}" i
  for ((i = 0; i < secs * 10; i++)); do
    tail -c +"$((from + 1))" "$OUT" 2>/dev/null | grep -qF -- "$text" && return 0
    kill -0 "$TP_PID" 2>/dev/null || die "testpmd exited before printing '$text'"
    sleep 0.1
  done
  die "timed out after ${secs}s waiting for '$text' from testpmd"
}

# cmd LINE TEXT: types LINE into testpmd and waits for TEXT in what it prints next; leaves the offset in $MARK
cmd() {
  MARK=$(stat -c %s "$OUT")
  echo "$1" >&3
  wait_for "$2" 20 "$MARK"
}

echo "== namespaces $NS_A and $NS_B =="
ip netns add "$NS_A"
ip netns add "$NS_B"
for ns in "$NS_A" "$NS_B"; do
  ip netns exec "$ns" ip link set lo up
  ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
done

echo "== testpmd: $KNI_OPTS --vdev net_kni0,netns=$NS_A --vdev net_kni1,netns=$NS_B, io forwarding =="
mkfifo "$WORK/stdin"
# shellcheck disable=SC2086 # KNI_OPTS: several options
"$TESTPMD" --no-huge -m 512 -l 0-1 --file-prefix="kni-demo-$$" $KNI_OPTS \
  --vdev "net_kni0,netns=$NS_A" --vdev "net_kni1,netns=$NS_B" -- \
  -i --total-num-mbufs=8192 --forward-mode=io <"$WORK/stdin" >"$OUT" 2>&1 &
TP_PID=$!
exec 3>"$WORK/stdin"
# the first run builds testpmd (Maven): allow for it
wait_for "testpmd> " 600
cmd "start" "io packet forwarding"

ip netns exec "$NS_A" ip addr add 198.18.0.1/24 dev kni0
ip netns exec "$NS_B" ip addr add 198.18.0.2/24 dev kni1
ip netns exec "$NS_A" ip link set kni0 up
ip netns exec "$NS_B" ip link set kni1 up
for ((i = 0; i < 100; i++)); do
  ip netns exec "$NS_A" ip -o link show kni0 | grep -q LOWER_UP &&
    ip netns exec "$NS_B" ip -o link show kni1 | grep -q LOWER_UP && break
  sleep 0.1
done
((i < 100)) || die "kni0/kni1 did not come up with carrier in 10 s"
ip netns exec "$NS_A" ip -br addr show kni0
ip netns exec "$NS_B" ip -br addr show kni1
# the first exchange resolves ARP; then count from zero
ip netns exec "$NS_A" ping -c 1 -W 5 198.18.0.2 >/dev/null || die "198.18.0.2 not reachable from $NS_A"
cmd "clear port stats all" "NIC statistics for port 1 cleared"

echo "== $NS_A: ping -c $PINGS -i 0.01 198.18.0.2 (through testpmd) =="
ip netns exec "$NS_A" ping -n -q -c "$PINGS" -i 0.01 -W 2 198.18.0.2 | tail -n 2

echo "== testpmd> show port stats all =="
MARK=$(stat -c %s "$OUT")
echo "show port stats all" >&3
BORDER='^  #\{76\}$'
for ((i = 0; i < 100; i++)); do
  (( $(tail -c +"$((MARK + 1))" "$OUT" | grep -c "$BORDER") >= 2 )) && break
  sleep 0.1
done
((i < 100)) || die "no port statistics from testpmd in 10 s"
last=$(tail -c +"$((MARK + 1))" "$OUT" | grep -n "$BORDER" | sed -n 2p | cut -d: -f1)
tail -c +"$((MARK + 1))" "$OUT" | head -n "$last" | grep -v '^testpmd> '

cmd "stop" "Done."
echo "quit" >&3
exec 3>&-
for ((i = 0; i < 200; i++)); do kill -0 "$TP_PID" 2>/dev/null || break; sleep 0.1; done
wait "$TP_PID" && echo "== testpmd quit: interfaces released ==" || die "testpmd exited with $?"
TP_PID=""
