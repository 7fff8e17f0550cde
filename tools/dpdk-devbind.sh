#!/usr/bin/env bash
# Shows and changes which kernel driver owns a PCI NIC, as DPDK's usertools/dpdk-devbind.py does. ethdev4j's PCI
# PMDs (net_e1000_igb) reach a real NIC through VFIO, so the NIC must be bound to vfio-pci first.
#
#   tools/dpdk-devbind.sh --status                         network devices and the driver of each
#   tools/dpdk-devbind.sh --bind=vfio-pci 0000:01:00.0 ... bind to vfio-pci (loads it when needed)
#   tools/dpdk-devbind.sh --bind=igb 0000:01:00.0          give the NIC back to the kernel's igb
#   tools/dpdk-devbind.sh --unbind 0000:01:00.0 ...        unbind from whatever driver holds it
#
# Options: --force binds even an interface that carries routes (your SSH session may be on it) or a function that
# is not a network device. Exit status: 0 done, 1 failed (the message says why and what to do), 2 bad usage.
# ETHDEV4J_SYSFS names another sysfs root (tests run the script against a fake tree), as the ethdev4j.sysfs
# system property does for the runtime.
set -euo pipefail

PROG="tools/dpdk-devbind.sh"
SYSFS="${ETHDEV4J_SYSFS:-/sys}"
DEVICES="$SYSFS/bus/pci/devices"
DRIVERS="$SYSFS/bus/pci/drivers"
FORCE=0

die() { echo "$PROG: error: $*" >&2; exit 1; }
usage_error() { echo "$PROG: $*" >&2; echo "Try '$PROG --help'." >&2; exit 2; }

usage() {
  sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

# 0000:01:00.0 from 01:00.0 or 0000:01:00.0 (lower case); fails for anything else.
normalize() {
  local a="${1,,}"
  if [[ "$a" =~ ^[0-9a-f]{2}:[0-1][0-9a-f]\.[0-7]$ ]]; then
    a="0000:$a"
  fi
  [[ "$a" =~ ^[0-9a-f]{4}:[0-9a-f]{2}:[0-1][0-9a-f]\.[0-7]$ ]] || return 1
  echo "$a"
}

read_id() { local v; v="$(cat "$1" 2>/dev/null)" || return 1; v="${v#0x}"; echo "${v:0:4}"; }

driver_of() {
  local link="$DEVICES/$1/driver"
  [[ -L "$link" ]] && basename "$(readlink "$link")" || true
}

# Interfaces of a function: net/ directly, or below a virtio child.
ifaces_of() {
  local d="$DEVICES/$1" n
  for n in "$d"/net/* "$d"/virtio*/net/*; do
    [[ -e "$n" ]] && basename "$n"
  done
  return 0
}

# Interfaces that carry routes (DPDK's "*Active*"): never bound without --force.
active_ifaces() {
  if [[ "$SYSFS" == "/sys" ]] && command -v ip >/dev/null 2>&1; then
    ip -o route show table all 2>/dev/null | sed -n 's/.* dev \([^ ]*\).*/\1/p' | sort -u
  fi
}

describe() {
  local addr="$1" vendor device name="" drv ifs unused=""
  vendor="$(read_id "$DEVICES/$addr/vendor")"; device="$(read_id "$DEVICES/$addr/device")"
  if [[ "$SYSFS" == "/sys" ]] && command -v lspci >/dev/null 2>&1; then
    name="$(lspci -s "$addr" -mm 2>/dev/null | awk -F'"' '{print $6}')"
  fi
  drv="$(driver_of "$addr")"
  ifs="$(ifaces_of "$addr" | paste -sd, -)"
  if [[ -r "$DEVICES/$addr/modalias" ]] && command -v modprobe >/dev/null 2>&1 && [[ "$SYSFS" == "/sys" ]]; then
    unused="$(modprobe -R "$(cat "$DEVICES/$addr/modalias")" 2>/dev/null | grep -vx "${drv:-}" | paste -sd, - || true)"
  fi
  local line="$addr '${name:+$name }$vendor:$device'"
  [[ -n "$ifs" ]] && line+=" if=$ifs"
  [[ -n "$drv" ]] && line+=" drv=$drv"
  [[ -n "$unused" ]] && line+=" unused=$unused"
  local i
  for i in ${ifs//,/ }; do
    if grep -qx "$i" <<<"$ACTIVE"; then line+=" *Active*"; break; fi
  done
  echo "$line"
}

status() {
  if [[ ! -d "$DEVICES" ]]; then
    echo "No PCI bus at $DEVICES (is sysfs mounted? set ETHDEV4J_SYSFS for another root)"
    return 0
  fi
  ACTIVE="$(active_ifaces)"
  local vfio=() kernel=() other=() d addr cls drv
  for d in "$DEVICES"/*; do
    [[ -e "$d" ]] || continue
    addr="$(basename "$d")"
    cls="$(cat "$d/class" 2>/dev/null || echo 0x000000)"
    [[ "${cls:0:4}" == "0x02" ]] || continue
    drv="$(driver_of "$addr")"
    case "$drv" in
      vfio-pci|uio_pci_generic|igb_uio) vfio+=("$(describe "$addr")") ;;
      "") other+=("$(describe "$addr")") ;;
      *) kernel+=("$(describe "$addr")") ;;
    esac
  done
  section "Network devices using DPDK-compatible driver" "${vfio[@]+"${vfio[@]}"}"
  section "Network devices using kernel driver" "${kernel[@]+"${kernel[@]}"}"
  section "Other Network devices" "${other[@]+"${other[@]}"}"
  if [[ ! -e "${ETHDEV4J_VFIO_DEV:-/dev/vfio}/vfio" ]]; then
    echo
    echo "Note: ${ETHDEV4J_VFIO_DEV:-/dev/vfio}/vfio does not exist: VFIO is not loaded (--bind=vfio-pci loads it;" \
      "the IOMMU must be on: intel_iommu=on or amd_iommu=on iommu=pt on the kernel command line)."
  fi
}

section() {
  local title="$1"; shift
  echo
  echo "$title"
  printf '%*s\n' "${#title}" '' | tr ' ' '='
  if [[ $# -eq 0 ]]; then echo "<none>"; else printf '%s\n' "$@"; fi
}

# Writes $2 to sysfs file $1, naming the file and the kernel's complaint on failure.
sysfs_write() {
  local file="$1" value="$2" err
  if ! err="$( { printf '%s' "$value" > "$file"; } 2>&1 )"; then
    die "cannot write '$value' to $file: ${err##*: }"
  fi
}

check_not_active() {
  local addr="$1" i
  [[ $FORCE -eq 0 ]] || return 0
  for i in $(ifaces_of "$addr"); do
    if grep -qx "$i" <<<"$ACTIVE"; then
      die "$addr is interface $i, which has routes (active); not modifying it. Take it down first" \
        "(ip link set $i down, remove its routes) or use --force"
    fi
  done
}

check_device() {
  local addr="$1" cls
  [[ -d "$DEVICES/$addr" ]] || die "no PCI device $addr ($DEVICES/$addr does not exist; list devices with $PROG --status or lspci -D)"
  cls="$(cat "$DEVICES/$addr/class" 2>/dev/null || echo 0x000000)"
  if [[ "${cls:0:4}" != "0x02" && $FORCE -eq 0 ]]; then
    die "$addr is not a network device (class $cls); use --force to bind it anyway"
  fi
}

need_write_access() {
  if [[ "$SYSFS" == "/sys" && $EUID -ne 0 ]]; then
    die "changing driver bindings writes to /sys/bus/pci: run as root (sudo $PROG $*)"
  fi
}

load_driver() {
  local drv="$1" module="${1//-/_}"
  [[ -d "$DRIVERS/$drv" ]] && return 0
  if [[ "$SYSFS" == "/sys" ]] && command -v modprobe >/dev/null 2>&1; then
    modprobe "$module" >/dev/null 2>&1 || true
  fi
  [[ -d "$DRIVERS/$drv" ]] && return 0
  if [[ "$drv" == "vfio-pci" ]]; then
    die "the vfio-pci driver is not loaded and 'modprobe vfio-pci' did not load it ($DRIVERS/vfio-pci does not" \
      "exist): this kernel needs CONFIG_VFIO_PCI (Debian/Ubuntu kernels have it), and in a container the host must" \
      "load it"
  fi
  die "driver $drv is not loaded and 'modprobe $module' did not load it ($DRIVERS/$drv does not exist)"
}

unbind_one() {
  local addr="$1" drv
  drv="$(driver_of "$addr")"
  if [[ -z "$drv" ]]; then
    echo "Notice: $addr is not bound to any driver"
    return 0
  fi
  sysfs_write "$DEVICES/$addr/driver/unbind" "$addr"
}

bind_one() {
  local addr="$1" target="$2" drv vendor device
  drv="$(driver_of "$addr")"
  if [[ "$drv" == "$target" ]]; then
    echo "Notice: $addr already bound to driver $target, skipping"
    return 0
  fi
  if [[ "$target" == "vfio-pci" && ! -L "$DEVICES/$addr/iommu_group" ]]; then
    echo "Warning: $addr has no IOMMU group: vfio-pci will not take it until the IOMMU is on (VT-d/AMD-Vi in the" \
      "firmware, intel_iommu=on or amd_iommu=on iommu=pt on the kernel command line, then reboot)" >&2
  fi
  if [[ -n "$drv" ]]; then
    sysfs_write "$DEVICES/$addr/driver/unbind" "$addr"
  fi
  if [[ -e "$DEVICES/$addr/driver_override" ]]; then
    sysfs_write "$DEVICES/$addr/driver_override" "$target"
    sysfs_write "$DRIVERS/$target/bind" "$addr"
  else
    # kernels before 3.15: teach the driver the id; it then probes every unbound function with that id
    vendor="$(read_id "$DEVICES/$addr/vendor")"; device="$(read_id "$DEVICES/$addr/device")"
    printf '%s %s' "$vendor" "$device" > "$DRIVERS/$target/new_id" 2>/dev/null || true
    [[ "$(driver_of "$addr")" == "$target" ]] || sysfs_write "$DRIVERS/$target/bind" "$addr"
  fi
  if [[ "$SYSFS" == "/sys" && "$(driver_of "$addr")" != "$target" ]]; then
    die "$addr: the kernel did not bind it to $target (see dmesg | tail)${drv:+; it was on $drv: $PROG --bind=$drv $addr}"
  fi
  echo "$addr: bound to $target${drv:+ (was $drv)}"
}

MODE=""; TARGET=""; ADDRS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    -s|--status) MODE=status ;;
    -b|--bind) [[ $# -ge 2 ]] || usage_error "option $1 requires a driver name"; MODE=bind; TARGET="$2"; shift ;;
    --bind=*) MODE=bind; TARGET="${1#--bind=}" ;;
    -u|--unbind) MODE=unbind ;;
    --force) FORCE=1 ;;
    -*) usage_error "unknown option '$1'" ;;
    *) ADDRS+=("$1") ;;
  esac
  shift
done

case "$MODE" in
  status)
    [[ ${#ADDRS[@]} -eq 0 ]] || usage_error "--status takes no PCI address (got ${ADDRS[*]})"
    status ;;
  bind|unbind)
    [[ ${#ADDRS[@]} -gt 0 ]] || usage_error "--$MODE needs at least one PCI address, e.g. 0000:01:00.0"
    if [[ "$MODE" == bind && ! "$TARGET" =~ ^[A-Za-z0-9_.-]+$ ]]; then
      usage_error "invalid driver name '$TARGET' (e.g. --bind=vfio-pci)"
    fi
    ACTIVE="$(active_ifaces)"
    NORM=()
    for a in "${ADDRS[@]}"; do
      n="$(normalize "$a")" || usage_error "'$a' is not a PCI address (expected DDDD:BB:DD.F or BB:DD.F, e.g. 0000:01:00.0)"
      check_device "$n"
      check_not_active "$n"
      NORM+=("$n")
    done
    need_write_access "${ADDRS[@]}"
    if [[ "$MODE" == bind ]]; then
      load_driver "$TARGET"
      for n in "${NORM[@]}"; do bind_one "$n" "$TARGET"; done
    else
      for n in "${NORM[@]}"; do
        if [[ -e "$DEVICES/$n/driver_override" ]]; then sysfs_write "$DEVICES/$n/driver_override" $'\n'; fi
        unbind_one "$n"
      done
    fi ;;
  *) usage_error "nothing to do: give --status, --bind=DRIVER ADDR... or --unbind ADDR..." ;;
esac
