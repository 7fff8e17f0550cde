#!/bin/sh
# Inside the tools/vm-test.sh guest: runs the project's VFIO test classes (vm-tests, package io.ethdev4j.vm.guest,
# compiled on the host) with JUnit's console launcher; there is no Maven in the guest.
#   tools/vm/guest-tests.sh [--reports DIR] [--tags EXPR] [CLASS ...]
# default: every *GuestTest class without the tag no-iommu (those need a guest booted with --no-iommu);
# --tags: a JUnit tag expression instead (e.g. no-iommu).
# Exit status 0 when every test passed; the XML report (TEST-junit-jupiter.xml) goes to DIR.
root=$(cd "$(dirname "$0")/../.." && pwd)
reports=$root/vm-tests/target/guest-reports
tags='!no-iommu'
while [ $# -gt 0 ]; do
  case $1 in
    --reports) reports=$2; shift 2 ;;
    --tags) tags=$2; shift 2 ;;
    *) break ;;
  esac
done
cpfile=$root/vm-tests/target/guest.classpath
if [ ! -f "$cpfile" ] || [ ! -d "$root/vm-tests/target/test-classes" ]; then
  echo "guest-tests: vm-tests is not built: run 'mvn -pl vm-tests -am test-compile' on the host first" >&2
  exit 2
fi
cp=$root/vm-tests/target/test-classes:$(cat "$cpfile")
if [ $# -eq 0 ]; then
  set -- --scan-class-path "$root/vm-tests/target/test-classes" --include-classname '.*GuestTest' --include-tag "$tags"
else
  sel=""
  for c in "$@"; do sel="$sel --select-class $c"; done
  set -- $sel
fi
mkdir -p "$reports"
# as the host build does for test JVMs: runtimes without --file-prefix get test<pid>, so the test JVM and the
# processes it starts do not meet on /var/run/dpdk/rte's config lock (they test VFIO's own refusal instead)
export ETHDEV4J_DEFAULT_FILE_PREFIX=${ETHDEV4J_DEFAULT_FILE_PREFIX:-test%p}
# If the run has not ended after GUEST_TESTS_DIAG_AFTER seconds (default 540, before tools/vm-test.sh's 900 s kill),
# a watchdog prints what every thread of the JVM and every blocked task of the guest is doing, once, so that a hang
# leaves its trace in the CI log.
java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED --enable-native-access=ALL-UNNAMED -Xmx768m \
  -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -cp "$cp" org.junit.platform.console.ConsoleLauncher execute \
  --disable-banner --disable-ansi-colors --details=tree --details-theme=ascii --reports-dir "$reports" "$@" &
pid=$!
diag_after=${GUEST_TESTS_DIAG_AFTER:-540}
(
  waited=0
  while [ "$waited" -lt "$diag_after" ]; do
    sleep 10; waited=$((waited + 10))
    kill -0 "$pid" 2>/dev/null || exit 0
  done
  echo "guest-tests: WATCHDOG: the tests still run after ${diag_after} s; what the JVM's threads and the guest's blocked tasks do:"
  jcmd "$pid" Thread.print 2>&1 | sed 's/^/guest-tests: jvm: /'
  for t in /proc/[0-9]*; do
    st=$(awk '{ print $3 }' "$t/stat" 2>/dev/null)
    if [ "$st" = D ]; then
      echo "guest-tests: D-state $(cat "$t/comm" 2>/dev/null) ($(basename "$t")):"
      sed 's/^/guest-tests:   /' "$t/stack" 2>/dev/null
    fi
  done
  dmesg 2>/dev/null | tail -40 | sed 's/^/guest-tests: dmesg: /'
) &
watchdog=$!
wait "$pid"
rc=$?
kill "$watchdog" 2>/dev/null
exit "$rc"
