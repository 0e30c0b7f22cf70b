#!/usr/bin/env bash
# Prepares what the qemu-tagged ACPI guest tests (AcpiGuestBootTest, GuestBootMatrixTest) boot: a
# Debian kernel, a static busybox and the test's own probe module vbrom.ko (src/test/guest/vbrom,
# built against that kernel's headers), all in .cache/guest/ (git-ignored). The tests skip with a
# message when these files are missing. Needs apt-get (Debian 12) and network access; installing
# the headers (linux-headers-VERSION, the same version as linux-image-amd64) needs root, else the
# header packages are unpacked into .cache/guest-build/ instead (gcc-12 and make must be there;
# VBIOS_UNPACK_HEADERS=1 does that as root too).
set -euo pipefail
cd "$(dirname "$0")/.."
dest=.cache/guest
mkdir -p "$dest"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# linux-image-amd64 is a meta package: download the versioned kernel package it depends on.
kpkg=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
kver=${kpkg#linux-image-}
if [ -s "$dest/vmlinuz" ] && [ -s "$dest/busybox" ] && [ -s "$dest/battery.ko" ] \
    && [ "$(cat "$dest/version" 2>/dev/null)" = "$kver" ]; then
  echo "guest kernel $kver and busybox already in $dest"
else
  (cd "$tmp" && apt-get download -q busybox-static "$kpkg")
  dpkg-deb -x "$tmp"/busybox-static_*.deb "$tmp/bb"
  dpkg-deb -x "$tmp"/linux-image-*.deb "$tmp/k"
  cp "$tmp/bb/bin/busybox" "$dest/busybox.part" && mv "$dest/busybox.part" "$dest/busybox"
  cp "$tmp"/k/boot/vmlinuz-* "$dest/vmlinuz.part" && mv "$dest/vmlinuz.part" "$dest/vmlinuz"
  # Debian builds the ACPI battery and AC drivers as modules: the guest loads them to show BAT0/AC0.
  for m in battery ac; do
    cp "$tmp"/k/lib/modules/*/kernel/drivers/acpi/$m.ko "$dest/$m.ko"
  done
  rm -f "$dest/vbrom.ko"
  echo "$kver" > "$dest/version"
  echo "guest kernel $kver and busybox ready in $dest"
fi

# The probe module: built against the headers of exactly this kernel (vermagic must match).
src=src/test/guest/vbrom
if [ -s "$dest/vbrom.ko" ] && [ "$dest/vbrom.ko" -nt "$src/vbrom.c" ]; then
  echo "vbrom.ko already built for $kver"
  exit 0
fi
kdir=/usr/src/linux-headers-$kver
if [ ! -d "$kdir" ] || [ -n "${VBIOS_UNPACK_HEADERS:-}" ]; then
  if [ "$(id -u)" = 0 ] && [ -z "${VBIOS_UNPACK_HEADERS:-}" ]; then
    apt-get install -y -q --no-install-recommends "linux-headers-$kver"
  else
    # Unpacked headers: the -amd64 tree points at the -common tree through a relative symlink
    # (../linux-headers-V-common) and at kbuild under ../../lib/linux-kbuild-X.Y.
    hb=.cache/guest-build
    mkdir -p "$tmp/h"
    (cd "$tmp/h" && apt-get download -q "linux-headers-$kver" "linux-headers-${kver%-amd64}-common" \
        "linux-kbuild-$(echo "$kver" | cut -d. -f1-2)")
    for d in "$tmp"/h/*.deb; do dpkg-deb -x "$d" "$hb"; done
    kdir=$PWD/$hb/usr/src/linux-headers-$kver
    # its Makefile includes the -common tree by absolute path: point it at the unpacked one
    sed -i "s|/usr/src/|$PWD/$hb/usr/src/|" "$kdir/Makefile"
  fi
fi
build="$tmp/vbrom"
cp -r "$src" "$build"
make -s -C "$kdir" M="$build" modules
cp "$build/vbrom.ko" "$dest/vbrom.ko.part" && mv "$dest/vbrom.ko.part" "$dest/vbrom.ko"
echo "vbrom.ko built against $kdir"
