#!/usr/bin/env bash
# The KNI demo (tools/demo-kni.sh) with testpmd as an unprivileged user: knid (the KNI kernel side as a service)
# runs as root, testpmd as a user made for the demo, without any capability, reaching knid with --kni-daemon.
# Needs root (to start knid and make the user), /dev/net/tun, iproute2, ping, useradd/userdel, setpriv.
# Everything it creates (the user, knid, the namespaces and interfaces, a temp dir) is removed on exit, on failure and
# on Ctrl-C. Options: DEMO_PINGS (default 200).
set -euo pipefail
cd "$(dirname "$0")/.."

WORK="$(mktemp -d /tmp/knid-demo.XXXXXX)"
chmod 755 "$WORK"
DEMO_USER="knidemo$$"
KNID_PID=""
USER_MADE=""

die() { echo "demo-knid: $*" >&2; exit 1; }

cleanup() {
  local rc=$?
  set +e
  trap - INT TERM EXIT
  if [[ -n "$KNID_PID" ]] && kill -0 "$KNID_PID" 2>/dev/null; then
    kill -TERM "$KNID_PID"; for _ in $(seq 50); do kill -0 "$KNID_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$KNID_PID" 2>/dev/null
  fi
  [[ -n "$USER_MADE" ]] && userdel "$DEMO_USER" 2>/dev/null
  if [[ $rc -ne 0 && -s "$WORK/knid.out" ]]; then
    echo "--- knid output (last 20 lines) ---" >&2; tail -n 20 "$WORK/knid.out" >&2
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'echo "demo-knid: interrupted" >&2; exit 130' INT TERM

[[ "$(id -u)" == 0 ]] || die "needs root (to run knid and make the demo's user)"
for c in useradd userdel setpriv ip ping; do command -v "$c" >/dev/null || die "needs $c"; done

# testpmd's class path, built and cached by tools/testpmd (-h: build, print the help, exit); the jars copied where the
# demo's user can read them (the Maven repository under /root is not readable to it)
tools/testpmd -h >/dev/null 2>&1 || die "building testpmd failed (tools/.cache/build.log)"
mkdir -m 755 "$WORK/lib"
CP="$PWD/testpmd/target/classes"
IFS=: read -r -a entries < tools/.cache/testpmd.classpath || true  # no newline at its end
for e in "${entries[@]}"; do
  if [[ -f "$e" ]]; then install -m 644 "$e" "$WORK/lib/"; CP="$CP:$WORK/lib/$(basename "$e")"; else CP="$CP:$e"; fi
done

useradd --no-create-home --no-user-group --gid nogroup --shell /usr/sbin/nologin "$DEMO_USER"
USER_MADE=1
uid=$(id -u "$DEMO_USER")
gid=$(id -g "$DEMO_USER")

echo "== knid: --socket=$WORK/knid.sock --allow-user=$DEMO_USER --carrier=on (as root) =="
tools/knid --socket="$WORK/knid.sock" --allow-user="$DEMO_USER" --carrier=on >"$WORK/knid.out" 2>&1 &
KNID_PID=$!
for ((i = 0; i < 6000; i++)); do
  grep -q "ready on" "$WORK/knid.out" && break
  kill -0 "$KNID_PID" 2>/dev/null || die "knid exited: $(cat "$WORK/knid.out")"
  sleep 0.1
done
((i < 6000)) || die "knid not ready in 600 s"

# the launcher the KNI demo runs: java as the demo's user, no capabilities (none inheritable, empty bounding set)
JAVA="$(command -v java)"
cat >"$WORK/testpmd-unprivileged" <<EOS
#!/bin/sh
exec setpriv --reuid=$uid --regid=$gid --clear-groups --inh-caps=-all --bounding-set=-all --no-new-privs -- \\
  env -i HOME=$WORK PATH=/usr/bin:/bin TERM=dumb \\
  "$JAVA" --add-exports java.base/jdk.internal.misc=ALL-UNNAMED --enable-native-access=ALL-UNNAMED \\
  -XX:+UseParallelGC -cp "$CP" io.ethdev4j.testpmd.TestPmd "\$@"
EOS
chmod 755 "$WORK/testpmd-unprivileged"
echo "== testpmd runs as $DEMO_USER (uid $uid), no capabilities =="
DEMO_TESTPMD="$WORK/testpmd-unprivileged" DEMO_KNI_OPTS="--kni-daemon=$WORK/knid.sock" tools/demo-kni.sh
echo "== knid log =="
grep -E "connected|created|disconnected" "$WORK/knid.out" | sed 's/^/  /'
