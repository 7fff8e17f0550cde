#!/usr/bin/env bash
# Makes a qemu-system-x86_64 >= 8 (QEMU 10 from Debian bookworm-backports) available for the
# QEMU-backed tests (igb = 82576 device model, driven over mpqemu; see pmd-igb).
#
# Idempotent. Order of preference:
#   1. $ETHDEV4J_QEMU or qemu-system-x86_64 on PATH, if it is version >= 8: nothing to do;
#   2. root: add the bookworm-backports apt source if no apt source names it, then
#      apt-get install -t bookworm-backports --no-install-recommends qemu-system-x86;
#   3. not root: apt-get download + dpkg -x into tools/.cache/qemu (works when the libraries the
#      binary needs are installed already, as with Debian's own 7.2 QEMU; ldd is checked).
# Prints the path of the binary on its last line (stdout); everything else goes to stderr.
# Usage: tools/setup-qemu.sh [--print]    (--print: only report, never install; exit 1 if absent)
set -euo pipefail

MIN_MAJOR=8
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE="$HERE/.cache/qemu"
BPO_LINE='deb http://deb.debian.org/debian bookworm-backports main'
BPO_LIST=/etc/apt/sources.list.d/bookworm-backports.list

log() { echo "setup-qemu: $*" >&2; }

# major version of a qemu binary, or 0 if it cannot run
qemu_major() {
  local v
  v=$("$@" --version 2>/dev/null | sed -n 's/^QEMU emulator version \([0-9]*\)\..*/\1/p' | head -1) || true
  echo "${v:-0}"
}

good() { [ -x "$1" ] && [ "$(qemu_major "$1")" -ge "$MIN_MAJOR" ]; }

find_qemu() {
  local c
  for c in "${ETHDEV4J_QEMU:-}" "$(command -v qemu-system-x86_64 || true)" /usr/bin/qemu-system-x86_64 \
           "$CACHE/usr/bin/qemu-system-x86_64"; do
    if [ -n "$c" ] && good "$c"; then echo "$c"; return 0; fi
  done
  return 1
}

report() {
  local q=$1
  log "found $q ($("$q" --version | head -1))"
  if [ "$q" = "$CACHE/usr/bin/qemu-system-x86_64" ]; then
    log "set QEMU_MODULE_DIR=$CACHE/usr/lib/x86_64-linux-gnu/qemu when running it (the tests do)"
  fi
  echo "$q"
}

if q=$(find_qemu); then report "$q"; exit 0; fi
if [ "${1:-}" = "--print" ]; then log "no qemu-system-x86_64 >= $MIN_MAJOR"; exit 1; fi

. /etc/os-release
if [ "${VERSION_CODENAME:-}" != bookworm ]; then
  log "this script knows Debian bookworm only (found ${PRETTY_NAME:-unknown}); install QEMU >= $MIN_MAJOR yourself and set ETHDEV4J_QEMU"
  exit 1
fi

has_bpo_source() {
  grep -rqsE '^[^#]*bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null
}

if [ "$(id -u)" = 0 ]; then
  if ! has_bpo_source; then
    log "adding $BPO_LIST"
    echo "$BPO_LINE" > "$BPO_LIST"
  fi
  log "apt-get update"
  apt-get update -q >&2
  log "apt-get install -t bookworm-backports qemu-system-x86"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends -t bookworm-backports \
    qemu-system-x86 >&2
else
  # No root: fetch the single deb with a private apt state and unpack it (no dependencies installed).
  mkdir -p "$CACHE/apt/lists/partial" "$CACHE/apt/archives/partial" "$CACHE/debs"
  : > "$CACHE/apt/status"
  cat > "$CACHE/apt/sources.list" <<SRC
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main
$BPO_LINE
SRC
  APT_OPTS=(-o "Dir::State=$CACHE/apt" -o "Dir::State::status=$CACHE/apt/status"
            -o "Dir::Cache=$CACHE/apt" -o "Dir::Etc::SourceList=$CACHE/apt/sources.list"
            -o "Dir::Etc::SourceParts=-" -o "Debug::NoLocking=1")
  log "apt-get update (private state in $CACHE/apt)"
  apt-get "${APT_OPTS[@]}" update -q >&2
  (cd "$CACHE/debs" && apt-get "${APT_OPTS[@]}" download qemu-system-x86/bookworm-backports >&2)
  for d in "$CACHE"/debs/*.deb; do dpkg -x "$d" "$CACHE"; done
  missing=$(ldd "$CACHE/usr/bin/qemu-system-x86_64" | grep 'not found' || true)
  if [ -n "$missing" ]; then
    log "unpacked, but these libraries are missing (run this script as root instead):"
    echo "$missing" >&2
    exit 1
  fi
fi

if q=$(find_qemu); then report "$q"; exit 0; fi
log "installation finished but no qemu-system-x86_64 >= $MIN_MAJOR was found"
exit 1
