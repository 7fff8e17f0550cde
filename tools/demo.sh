#!/usr/bin/env bash
# The main job in one command: set up this machine, build, and run the KNI scenario (tools/demo-kni.sh):
# testpmd forwarding between two KNI ports whose Linux interfaces sit in two network namespaces
# (kni0 = 198.18.0.1/24 in A, kni1 = 198.18.0.2/24 in B), 200 pings from A to B through testpmd, then testpmd's
# port statistics. Everything it creates is removed afterwards.
# Without root (no namespaces, no TAP) it runs testpmd on two reference null ports instead (tools/demo-null.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh >/dev/null
if [ "$(id -u)" -eq 0 ] && [ -c /dev/net/tun ]; then
  exec tools/demo-kni.sh
fi
echo "demo: not root or no /dev/net/tun: running testpmd on two null ports instead of the KNI scenario" >&2
exec tools/demo-null.sh
