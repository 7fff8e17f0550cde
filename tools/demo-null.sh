#!/usr/bin/env bash
# testpmd on reference ports: set up this machine, build, and run testpmd forwarding between two
# reference ports (net_null0 <-> net_null1, io mode, one forwarding core), printing the port statistics
# screen every second for DEMO_SECONDS (default 5), then the end-of-forwarding statistics.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh >/dev/null
secs=${DEMO_SECONDS:-5}
echo "== ethdev4j testpmd: io forwarding net_null0 <-> net_null1 for about ${secs}s =="
# without -i, testpmd forwards until Enter or end of input: the input stays open for $secs seconds
# (plus 3 s for JVM start-up)
tools/testpmd --no-huge -m 1024 --no-pci --vdev net_null0 --vdev net_null1 -l 0-1 -- \
  --total-num-mbufs=16384 --forward-mode=io --stats-period=1 < <(sleep "$((secs + 3))")
