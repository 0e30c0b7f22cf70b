#!/usr/bin/env bash
# Prepares what the qemu-tagged ACPI guest test (AcpiGuestBootTest) boots: a Debian kernel and a
# static busybox, unpacked into .cache/guest/ (git-ignored). The test skips with a message when
# these files are missing. Needs apt-get (Debian/Ubuntu) and network access; no root needed.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=.cache/guest
mkdir -p "$dest"
if [ -s "$dest/vmlinuz" ] && [ -s "$dest/busybox" ] && [ -s "$dest/battery.ko" ]; then
  echo "guest files already in $dest"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# linux-image-amd64 is a meta package: download the versioned kernel package it depends on.
kpkg=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
(cd "$tmp" && apt-get download -q busybox-static "$kpkg")
dpkg-deb -x "$tmp"/busybox-static_*.deb "$tmp/bb"
dpkg-deb -x "$tmp"/linux-image-*.deb "$tmp/k"
cp "$tmp/bb/bin/busybox" "$dest/busybox.part" && mv "$dest/busybox.part" "$dest/busybox"
cp "$tmp"/k/boot/vmlinuz-* "$dest/vmlinuz.part" && mv "$dest/vmlinuz.part" "$dest/vmlinuz"
# Debian builds the ACPI battery and AC drivers as modules: the guest loads them to show BAT0/AC0.
for m in battery ac; do
  cp "$tmp"/k/lib/modules/*/kernel/drivers/acpi/$m.ko "$dest/$m.ko"
done
echo "guest kernel and busybox ready in $dest"
