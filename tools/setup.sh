#!/usr/bin/env bash
# Installs what ethdev4j needs on a fresh Debian bookworm machine (idempotent; root for apt-get).
#   JDK 17 + Maven      build and run (the machine kind ships them; installed here if missing)
#   dpdk, dpdk-dev      dpdk-testpmd / dpdk-test: the reference we compare against side by side
#   tcpdump, tshark     pcap read-back checks; tmux: interactive shell tests
#   iproute2, iputils-ping, ethtool, netcat-openbsd: KNI end-to-end tests in network namespaces
#   QEMU >= 8           emulated igb for the igb PMD tests (tools/setup-qemu.sh, when present)
#   xz-utils, util-linux the VFIO guest of tools/vm-test.sh: its image (tools/vm/image.sh unpacks Debian's kernel
#                       package, fetched once into ~/.cache/ethdev4j-vm) and setpriv/prlimit in the non-root test
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

want=(openjdk-17-jdk-headless maven dpdk dpdk-dev tcpdump tshark tmux iproute2 iputils-ping ethtool netcat-openbsd
      xz-utils util-linux)
missing=()
for p in "${want[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
# The machine kind may carry its own JDK/Maven outside dpkg: accept those.
if command -v javac >/dev/null 2>&1; then missing=("${missing[@]/openjdk-17-jdk-headless}"); fi
if command -v mvn >/dev/null 2>&1; then missing=("${missing[@]/maven}"); fi
read -r -a missing <<<"${missing[*]:-}"

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing packages ${missing[*]} and not root: install them with apt-get" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections 2>/dev/null || true
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -x "$here/setup-qemu.sh" ]; then
  "$here/setup-qemu.sh"
fi
echo "setup: ok ($(java -version 2>&1 | head -1), $(mvn -v 2>/dev/null | head -1))"
