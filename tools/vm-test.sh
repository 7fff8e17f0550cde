#!/usr/bin/env bash
# Runs a command inside a QEMU guest that has a real Linux kernel, an emulated Intel IOMMU (VT-d) and emulated
# igb NICs (82576) bound to vfio-pci: the path a user with a physical 82576/I350 takes, on a machine without one.
#
#   tools/vm-test.sh [options] [--] [CMD [ARGS...]]
#
# The guest boots Debian's stock kernel (downloaded once into ~/.cache/ethdev4j-vm by tools/vm/image.sh), sees the
# host's / read-only (writes go to a RAM overlay) and this checkout read-write at the same path, binds the NICs to
# vfio-pci (tools/vm/init), runs CMD as root in the current directory, powers off, and exits with CMD's status
# (125: the guest failed to boot or timed out). Default CMD: tools/vm/guest-tests.sh, the project's VFIO test
# suite (vm-tests/, built on the host first).
#
# Options:
#   --nics N          igb ports on one QEMU hub, wired to each other (default 2): 0000:01:00.0, 0000:02:00.0, ...
#   --error-devices   also the devices of the error-path tests: one igb left on the kernel's igb driver, and one
#                     igb whose IOMMU group it shares (behind a PCIe-to-PCI bridge) with a virtio device bound to
#                     virtio-pci (a group that is not viable)
#   --no-iommu        no emulated IOMMU (the "no IOMMU" error path): nothing can bind to vfio-pci
#   --mem MB          guest memory (default 2048)       --smp N    guest CPUs (default 2)
#   --hugepages N     2 MiB hugepages reserved and mounted at /dev/hugepages in the guest (default 0)
#   --timeout S       kill the guest after S seconds (default 900), the budget of every boot together
#   --crash-retries N boot again, up to N times, when QEMU itself crashes (SIGABRT/SIGSEGV) or the guest stops
#                     (no heartbeat for --stall S seconds) before the command gave its status (default 1; see below)
#   --stall S         the guest counts as stopped after S seconds without its heartbeat (default 90)
#   --accel A         kvm, tcg or auto (default: kvm only when the CPU shows vmx/svm, TCG otherwise)
#   --tcg-thread T    under TCG: single (one host thread for every vCPU, the default) or multi (a host thread per
#                     vCPU: the guest suite runs about 5-10% faster, but QEMU 10.0.2 now and then loses the EOI of a
#                     vCPU's timer interrupt and the guest stops; docs/igb.md). Also ETHDEV4J_VM_TCG_THREAD.
#   --verbose         the guest kernel's console too
# ETHDEV4J_VM_KAPPEND: more guest kernel parameters (e.g. nokaslr to read a stopped guest's RIP against System.map).
# Prints one line per phase with its time ("vm-test: ...").
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
nics=2 errdev=0 iommu=1 mem=2048 smp=2 huge=0 timeout=900 crash_retries=1 stall=90 accel=${ETHDEV4J_VM_ACCEL:-auto} verbose=0
tcg_thread=${ETHDEV4J_VM_TCG_THREAD:-single}
usage() { sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case $1 in
    --nics) nics=$2; shift 2 ;;
    --error-devices) errdev=1; shift ;;
    --no-iommu) iommu=0; shift ;;
    --mem) mem=$2; shift 2 ;;
    --smp) smp=$2; shift 2 ;;
    --hugepages) huge=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --crash-retries) crash_retries=$2; shift 2 ;;
    --stall) stall=$2; shift 2 ;;
    --accel) accel=$2; shift 2 ;;
    --tcg-thread) tcg_thread=$2; shift 2 ;;
    --verbose) verbose=1; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; break ;;
    -*) echo "vm-test: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) break ;;
  esac
done
for v in nics mem smp huge timeout crash_retries stall; do
  [[ ${!v} =~ ^[0-9]+$ ]] || { n=${v/huge/hugepages}; echo "vm-test: --${n//_/-} needs a number, got '${!v}'" >&2; exit 2; }
done
[ "$nics" -ge 1 ] && [ "$nics" -le 8 ] || { echo "vm-test: --nics must be 1..8, got $nics" >&2; exit 2; }
case $accel in auto|kvm|tcg) ;; *) echo "vm-test: --accel must be kvm, tcg or auto, got '$accel'" >&2; exit 2 ;; esac
case $tcg_thread in single|multi) ;; *) echo "vm-test: --tcg-thread must be single or multi, got '$tcg_thread'" >&2; exit 2 ;; esac

t0=$(date +%s.%N)
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f s", b - a }'; }
qemu=$("$root/tools/setup-qemu.sh" --print 2>/dev/null | tail -1) || { echo "vm-test: no qemu-system-x86_64 >= 8 (run tools/setup.sh)" >&2; exit 125; }
img=$("$root/tools/vm/image.sh" | tail -1) || { echo "vm-test: building the guest image failed" >&2; exit 125; }
[ -f "$img/vmlinux" ] || { echo "vm-test: no guest image in '$img'" >&2; exit 125; }
echo "vm-test: image $(basename "$img") ready ($(since "$t0"))"

if [ $# -eq 0 ]; then
  set -- "$root/tools/vm/guest-tests.sh"
fi
if [ "$accel" = auto ]; then
  # /dev/kvm alone is not enough: a software-nested KVM (no vmx/svm in cpuinfo) opens but hangs stock kernels
  accel=tcg
  if [ -r /dev/kvm ] && [ -w /dev/kvm ] && grep -qwE 'vmx|svm' /proc/cpuinfo; then accel=kvm; fi
fi
if [ "$accel" = kvm ]; then
  mach=(-accel kvm -machine q35,kernel-irqchip=split -cpu host,-arch-capabilities)
else
  # thread=single by default: with a host thread per vCPU (multi), QEMU 10.0.2 left a vCPU halted with its LAPIC
  # timer vector (0xec) in service and pending (ISR and IRR 236, PPR 0xe0): the EOI of a timer interrupt was lost, the
  # vCPU never took another timer interrupt, and the guest stopped (RCU: "timer wakeup didn't happen ... Possible
  # timer handling issue on cpu=1"; 3 of 8 suite boots, 1 of 6 two-class boots on 2026-11-30). One thread for every
  # vCPU: 0 of 15 two-class boots stopped, each about 35% slower (the whole suite: 158-163 s instead of 146-155 s).
  mach=(-accel tcg,thread=$tcg_thread -machine q35 -cpu max)
fi

ctl=$(mktemp -d -t ethdev4j-vm.XXXXXX)
trap 'rm -rf "$ctl"' EXIT
devs=() kernel_igb="" port=0
next_port() { port=$((port + 1)); devs+=(-device pcie-root-port,id=rp$port,chassis=$port,slot=$port); }
pair=""
for i in $(seq 1 "$nics"); do
  next_port
  devs+=(-netdev hubport,id=n$i,hubid=0 -device igb,bus=rp$port,netdev=n$i,mac=52:54:00:12:34:$(printf %02x "$i"))
  pair+=" $(printf '0000:%02x:00.0' "$port")"
done
if [ "$errdev" = 1 ]; then
  next_port
  devs+=(-device igb,bus=rp$port,mac=52:54:00:12:35:01)
  kernel_igb=$(printf '0000:%02x:00.0' "$port")
  next_port   # the bridge takes this bus; the devices behind it get the next one
  devs+=(-device pcie-pci-bridge,id=pbr,bus=rp$port
         -device igb,bus=pbr,addr=1,mac=52:54:00:12:35:02
         -device virtio-rng-pci,bus=pbr,addr=2)
  shared_igb=$(printf '0000:%02x:01.0' "$((port + 1))")
fi
# no_timer_check: under TCG on a loaded host the kernel's IO-APIC timer check can miss its window and panic
# ("timer doesn't work through Interrupt-remapped IO-APIC"); the timer works, only the check is too strict
iommu_dev=() kappend="console=ttyS0 panic=-1 no_timer_check"
if [ "$iommu" = 1 ]; then
  iommu_dev=(-device intel-iommu,intremap=on,caching-mode=on)
  kappend+=" intel_iommu=on"
fi
[ "$verbose" = 1 ] || kappend+=" quiet loglevel=1"
kappend+="${ETHDEV4J_VM_KAPPEND:+ $ETHDEV4J_VM_KAPPEND}"
printf 'SHARE=%q\nHUGEPAGES=%q\nKERNEL_IGB=%q\n' "$root" "$huge" "$kernel_igb" > "$ctl/config"
{
  echo 'export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 TERM=dumb'
  echo 'export ETHDEV4J_IN_VM=1'
  printf 'export VM_TEST_PORTS=%q VM_TEST_KERNEL_IGB=%q VM_TEST_SHARED_GROUP_IGB=%q VM_TEST_IOMMU=%q VM_TEST_HUGEPAGES=%q\n' \
    "${pair# }" "$kernel_igb" "${shared_igb:-}" "$iommu" "$huge"
  for v in CI JAVA_HOME MAVEN_OPTS GUEST_TESTS_DIAG_AFTER; do
    [ -n "${!v:-}" ] && printf 'export %s=%q\n' "$v" "${!v}"
  done
  printf 'cd %q 2>/dev/null || cd %q\n' "$PWD" "$root"
  printf 'exec'; printf ' %q' "$@"; echo
} > "$ctl/cmd.sh"
fs=(-fsdev local,id=fsroot,path=/,readonly=on,security_model=none -device virtio-9p-pci,fsdev=fsroot,mount_tag=hostroot
    -fsdev local,id=fsctl,path="$ctl",security_model=none -device virtio-9p-pci,fsdev=fsctl,mount_tag=ctl
    -fsdev local,id=fswork,path="$root",security_model=none -device virtio-9p-pci,fsdev=fswork,mount_tag=work)

# What a stopped guest was doing, from QEMU's monitor: the busiest QEMU threads (a vCPU thread near 100% spins, an
# idle one halts), each vCPU's RIP, RFLAGS and halted state (3 samples a second apart), and each local APIC's timer,
# ISR, IRR and priorities (a vector left in service blocks every interrupt of its priority class and below).
stall_report() {
  local pid; pid=$(pgrep -f "path=$ctl" | tail -1)
  [ -n "$pid" ] && top -H -b -n 2 -d 1 -p "$pid" 2>/dev/null | awk '/^top -/ { n++ } n == 2 && $1 ~ /^[0-9]+$/ && $9 > 0 {
    printf "vm-test:   QEMU thread %s (%s): %s%% CPU\n", $1, $12, $9 }'
  python3 - "$ctl/monitor.sock" <<'PY' 2>&1 | sed 's/^/vm-test:   /'
import socket, sys, time, re
def hmp(cmd):
    s = socket.socket(socket.AF_UNIX); s.settimeout(5); s.connect(sys.argv[1])
    buf = b""
    def until_prompt():
        nonlocal buf
        while not buf.rstrip().endswith(b"(qemu)"):
            d = s.recv(65536)
            if not d: break
            buf += d
    until_prompt(); buf = b""
    s.sendall(cmd.encode() + b"\n"); until_prompt(); s.close()
    out = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", buf.decode(errors="replace").replace("\r", ""))
    return out.split("\n", 1)[1] if out.startswith(cmd) else out
try:
    print("info cpus:", " | ".join(l.strip() for l in hmp("info cpus").splitlines()[1:-1]))
    for i in range(3):
        regs = hmp("info registers -a")
        cpus = re.split(r"\nCPU#", "\n" + regs)[1:]
        print("sample %d:" % i, "; ".join("CPU#%s RIP=%s RFLAGS=%s HLT=%s" % (c.split(None, 1)[0],
              (re.search(r"RIP=(\w+)", c) or [None, "?"])[1], (re.search(r"RFL=(\w+)", c) or [None, "?"])[1],
              (re.search(r"HLT=(\d)", c) or [None, "?"])[1]) for c in cpus))
        time.sleep(1)
    for i in range(len(cpus)):
        print("lapic %d:" % i, " | ".join(" ".join(l.split()) for l in hmp("info lapic %d" % i).splitlines()
              if re.match(r"\s*(LVT0|LVTT|Timer|ISR|IRR|PPR|TPR|APR)", l)))
except Exception as e:
    print("monitor unavailable:", e)
PY
}
# The guest's init writes $ctl/heartbeat every 5 s. When it goes stale for stall while QEMU runs, the guest has
# stopped (under multi-threaded TCG: a vCPU deaf to its timer, see --tcg-thread; QEMU idle, every timed sleep in the
# guest stuck, its console silent): say so, print its state (stall_report), mark it, and stop QEMU.
watch_heartbeat() {
  while sleep 5; do
    [ -f "$ctl/rc" ] && return
    [ -f "$ctl/heartbeat" ] || continue
    local age=$(( $(date +%s) - $(stat -c %Y "$ctl/heartbeat") ))
    if [ "$age" -ge "$stall" ]; then
      local cpu
      cpu=$(ps -o pcpu= -p "$(pgrep -f "path=$ctl" | tail -1)" 2>/dev/null | tr -d ' ')
      echo "vm-test: the guest stopped: no heartbeat for ${age} s (QEMU at ${cpu:-?}% CPU over its life); its state:" >&2
      stall_report >&2
      echo "vm-test: stopping QEMU" >&2
      : > "$ctl/stalled"
      pkill -TERM -f "path=$ctl" 2>/dev/null
      return
    fi
  done
}
boot() {
  local budget=$1; shift
  rm -f "$ctl/heartbeat" "$ctl/stalled"
  watch_heartbeat &
  local watcher=$!
  echo "vm-test: booting ($accel$([ "$accel" = tcg ] && echo " $tcg_thread-threaded"), $nics NIC(s)${kernel_igb:+ + error devices}, iommu=$iommu, ${mem} MB, $smp CPU(s), $huge hugepages): $*"
  tb=$(date +%s.%N)
  timeout -k 5 "$budget" "$qemu" "${mach[@]}" -smp "$smp" -m "$mem" \
    -nodefaults -no-user-config -display none -no-reboot -monitor unix:"$ctl/monitor.sock",server=on,wait=off -serial stdio \
    "${iommu_dev[@]}" "${devs[@]}" "${fs[@]}" \
    -kernel "$img/vmlinux" -initrd "$img/initrd.gz" -append "$kappend" </dev/null \
    2> >(grep --line-buffered -v -e 'is not connected to host network' -e 'has no peer' >&2) |
    while IFS= read -r line; do
      line=${line%$'\r'}
      case $line in
        "vm-test-guest: booted"*) echo "vm-test: guest booted ($(since "$tb"))"; tc=$(date +%s.%N) ;;
        "vm-test-guest: command exited"*) rcl=${line#vm-test-guest: command exited }; echo "vm-test: command finished, ${rcl%% at *} ($(since "${tc:-$tb}"))" ;;
        "vm-test-guest: "*) echo "vm-test: ${line#vm-test-guest: }" ;;
        *"reboot: Power down"*) ;;
        *) printf '%s\n' "$line" ;;
      esac
    done
  local rc=${PIPESTATUS[0]}
  kill "$watcher" 2>/dev/null; wait "$watcher" 2>/dev/null
  return "$rc"
}
elapsed() { awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%d", b - a }'; }
attempt=1
while :; do
  boot "$((timeout - $(elapsed)))" "$@"
  qrc=$?
  if [ -f "$ctl/rc" ]; then
    rc=$(cat "$ctl/rc")
    echo "vm-test: exit $rc, total $(since "$t0")"
    exit "$rc"
  fi
  # The emulator failed, not the guest's command: QEMU itself died of SIGABRT/SIGSEGV (134/139 from timeout(1); under
  # TCG, QEMU 10.0 aborted once in iotlb_to_section(), "section_index < d->map.sections_nb", mid-suite in CI on
  # 2026-11-30), or the guest stopped (stale heartbeat, see watch_heartbeat). The guest is fresh on every boot, so one
  # more boot is a clean rerun; a failure that repeats fails.
  why=""
  if [ -f "$ctl/stalled" ]; then
    why="the guest stopped"
  elif [ "$qrc" = 134 ] || [ "$qrc" = 139 ]; then
    why="QEMU crashed (exit $qrc: $( [ "$qrc" = 134 ] && echo SIGABRT || echo SIGSEGV), see its message above)"
  fi
  left=$((timeout - $(elapsed)))
  if [ -n "$why" ] && [ "$attempt" -le "$crash_retries" ] && [ "$left" -ge 120 ]; then
    echo "vm-test: $why after $(since "$tb"); booting again (retry $attempt of $crash_retries, ${left} s left)" >&2
    attempt=$((attempt + 1))
    continue
  fi
  break
done
if [ -f "$ctl/stalled" ]; then
  echo "vm-test: the guest stopped (no heartbeat for ${stall} s), total $(since "$t0")" >&2
elif [ "$qrc" = 124 ] || [ "$qrc" = 137 ]; then
  echo "vm-test: TIMEOUT after ${timeout} s: guest killed (total $(since "$t0"))" >&2
else
  echo "vm-test: the guest gave no exit status (qemu exit $qrc, accel $accel): boot failure, see the output above (--verbose shows the kernel's)" >&2
fi
exit 125
