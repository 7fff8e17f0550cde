#!/usr/bin/env bash
# Builds the guest image tools/vm-test.sh boots: Debian's stock kernel (from its .deb, never installed on the host)
# and a busybox initrd holding tools/vm/init and the modules the guest needs. Downloads once into the cache
# (${ETHDEV4J_VM_CACHE:-~/.cache/ethdev4j-vm}), outside the repository; rebuilds the initrd when init or this
# script changed. Prints the image directory on its last line.
#
#   vmlinux     the kernel as an uncompressed ELF (QEMU boots it through its PVH note: no in-guest xz
#               decompression, which costs seconds under TCG); vmlinuz is kept for PVH-less QEMUs
#   initrd.gz   busybox-static + modules: virtio_pci and 9p (the host's / as the guest's root), overlay,
#               vfio-pci + vfio_iommu_type1 (the tests' subject), igb (one port left on the kernel driver for
#               the "bound to the wrong driver" test)
#
# Env: ETHDEV4J_VM_KPKG=linux-image-... (default: what bookworm's linux-image-amd64 depends on)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${ETHDEV4J_VM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ethdev4j-vm}
dl=$cache/dl
mkdir -p "$dl"
log() { echo "vm-image: $*" >&2; }

kpkg=${ETHDEV4J_VM_KPKG:-}
if [ -z "$kpkg" ]; then
  kpkg=$(cat "$cache/kpkg" 2>/dev/null || true)
fi
if [ -z "$kpkg" ]; then
  kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
  if [ -z "$kpkg" ]; then
    log "apt-get update (to resolve Debian's kernel package)"
    apt-get update -qq >&2 || true
    kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
  fi
fi
[ -n "$kpkg" ] || { log "cannot resolve Debian's kernel package (apt-cache depends linux-image-amd64 gave nothing)"; exit 1; }
out=$cache/$kpkg
if [ -f "$out/vmlinux" ] && [ -f "$out/initrd.gz" ] && [ "$out/initrd.gz" -nt "$here/init" ] \
   && [ "$out/initrd.gz" -nt "$0" ]; then
  echo "$kpkg" > "$cache/kpkg"
  echo "$out"; exit 0
fi
for tool in xz gzip dpkg-deb; do
  command -v "$tool" >/dev/null || { log "needs $tool (tools/setup.sh installs it)"; exit 1; }
done
cd "$dl"
fetch() { # $1 = package name: apt-get download once, keep the .deb in the cache
  ls "$1"_*.deb >/dev/null 2>&1 && return 0
  log "downloading $1 (once, into $dl)"
  apt-get -q -o APT::Sandbox::User=root download "$1" >&2 || { apt-get update -qq >&2; apt-get -q -o APT::Sandbox::User=root download "$1" >&2; }
}
fetch "$kpkg"
fetch busybox-static
work=$(mktemp -d "$cache/build.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/k" "$work/bb" "$work/ird" "$out.new"
dpkg-deb -x "$dl/$kpkg"_*.deb "$work/k"
dpkg-deb -x "$dl"/busybox-static_*.deb "$work/bb"
kver=$(ls "$work/k/lib/modules" | head -1)
bb=$work/bb/bin/busybox
cp "$work/k/boot/vmlinuz-$kver" "$out.new/vmlinuz"
# the bzImage carries the kernel as one xz (or zstd) stream: cut it out for the PVH-bootable ELF
if off=$(LC_ALL=C grep -obUaP '\xfd7zXZ\x00' "$out.new/vmlinuz" | head -1 | cut -d: -f1) && [ -n "$off" ]; then
  { tail -c +$((off + 1)) "$out.new/vmlinuz" | xz -dc --single-stream > "$out.new/vmlinux"; } || true
elif off=$(LC_ALL=C grep -obUaP '\x28\xb5\x2f\xfd' "$out.new/vmlinuz" | head -1 | cut -d: -f1) && [ -n "$off" ]; then
  { tail -c +$((off + 1)) "$out.new/vmlinuz" | zstd -dcq > "$out.new/vmlinux"; } 2>/dev/null || true
fi
[ "$(head -c 4 "$out.new/vmlinux" | od -An -c | tr -d ' ')" = '177ELF' ] || { log "could not extract vmlinux from $kpkg"; exit 1; }

mods="virtio_pci 9pnet_virtio 9p overlay vfio_iommu_type1 vfio-pci igb"
m=$work/k/lib/modules/$kver
"$bb" depmod -b "$work/k" "$kver"
norm() { echo "$1" | tr - _; }
closure() { # module name -> its file and its dependencies' files, dependencies first
  awk -v n="$(norm "$1")" -F: '{f=$1; sub(/.*\//,"",f); sub(/\.ko(\.xz|\.zst|\.gz)?$/,"",f); gsub(/-/,"_",f);
       if (f==n) {print; exit}}' "$m/modules.dep" | tr ' :' '\n\n' | grep . | tac
}
dst=$work/ird/lib/modules/$kver
mkdir -p "$dst" "$work/ird"/{bin,proc,sys,dev,newroot,etc,lower,rw}
for mod in $mods; do
  files=$(closure "$mod")
  if [ -z "$files" ]; then
    grep -q "/$(norm "$mod" | sed 's/_/[-_]/g')\.ko" "$m/modules.builtin" && continue
    log "module $mod is neither in modules.dep nor built in ($kver)"; exit 1
  fi
  for f in $files; do
    mkdir -p "$dst/$(dirname "$f")"
    case $f in
      *.ko.xz)  xz -dc "$m/$f" > "$dst/${f%.xz}" ;;
      *.ko.zst) zstd -dcq "$m/$f" > "$dst/${f%.zst}" ;;
      *)        cp -n "$m/$f" "$dst/$f" ;;
    esac
  done
done
cp "$m/modules.builtin" "$m/modules.order" "$dst/" 2>/dev/null || true
"$bb" depmod -b "$work/ird" "$kver"
cp "$bb" "$work/ird/bin/busybox"
for a in sh mount umount mkdir modprobe cat echo sleep poweroff sync chroot ls grep sed tr readlink dmesg; do
  ln -sf busybox "$work/ird/bin/$a"
done
echo "virtio_pci 9pnet_virtio 9p overlay vfio_iommu_type1 vfio-pci" > "$work/ird/etc/modules.boot"
cp "$here/init" "$work/ird/init"; chmod +x "$work/ird/init"
(cd "$work/ird" && find . | "$bb" cpio -o -H newc 2>/dev/null | gzip -1) > "$out.new/initrd.gz"
echo "$kver" > "$out.new/kver"
rm -rf "$out"; mv "$out.new" "$out"
echo "$kpkg" > "$cache/kpkg"
log "built $out ($kpkg, kernel $kver)"
echo "$out"
