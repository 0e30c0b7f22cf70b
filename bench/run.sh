#!/usr/bin/env bash
# Benchmark (issue 3): `vbios info --json` over N ROMs in one process versus a C walker run once
# per file. Prints wall times (median of RUNS), files/s, MB/s and the ratios; target < 0.5.
#
# Usage: bench/run.sh [COPIES] [RUNS]   (default 200 copies of the 5 corpus ROMs = 1000 files, 3 runs)
#
# Three vbios runs, so the numbers say what they measure:
#   copies     the issue's benchmark: COPIES copies of the corpus, as ./vbios starts it (the
#              launcher picks the full tiered JIT for more than 64 arguments).
#   memo off   the same with the run's EFI payload memo off (--no-efi-memo): every GOP driver is
#              decompressed and hashed again, as if no two ROMs shared a GOP build.
#   distinct   COPIES distinct files: each copy has one byte changed inside its first image, so
#              every PCI view (and its sha256) differs; the GOP drivers stay shared, as they are
#              across real VBIOS builds of one GPU family.
# The C walker (bench/romwalk.c) reads headers only; vbios also decompresses, hashes and checks.
set -euo pipefail
cd "$(dirname "$0")/.."
copies="${1:-200}"
runs="${2:-3}"
roms=""
for c in ../shared/corpus/roms ../../shared/corpus/roms; do
  if [ -d "$c" ]; then roms="$c"; break; fi
done
[ -n "$roms" ] || { echo "corpus not found (../shared/corpus/roms)"; exit 4; }
[ -f target/vbios.jar ] || ./mvnw -q -B package -DskipTests
command -v cc >/dev/null || { echo "needs a C compiler (cc) for the baseline"; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cc -O2 -o "$tmp/romwalk" bench/romwalk.c

now() { date +%s%N; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# time_ms CMD...: median wall time of RUNS runs in ms
time_ms() {
  local t=() s
  for _ in $(seq "$runs"); do
    s=$(now); "$@" > /dev/null 2>&1 || true; t+=($(( ($(now) - s) / 1000000 )))
  done
  median "${t[@]}"
}
c_walk() { for f in "$@"; do "$tmp/romwalk" "$f" || true; done; }

copy_args=()
for i in $(seq "$copies"); do for f in "$roms"/*.rom; do copy_args+=("$f"); done; done
n=${#copy_args[@]}
bytes=0
for f in "${copy_args[@]:0:5}"; do bytes=$((bytes + $(stat -c %s "$f"))); done
mb=$(echo "scale=1; $bytes * $copies / 1048576" | bc)

# distinct copies: byte (pciView.start + 0x40) set to the copy number
mkdir -p "$tmp/distinct"
distinct_args=()
for f in "$roms"/*.rom; do
  start=$(./vbios info --json "$f" | awk '/"pciView"/ {p=1} p && /"start"/ {gsub(/[^0-9]/, ""); print; exit}')
  base=$(basename "$f" .rom)
  for i in $(seq "$copies"); do
    out="$tmp/distinct/$base-$i.rom"
    cp "$f" "$out"
    printf "$(printf '\\%03o' $((i % 256)))" | dd of="$out" bs=1 seek=$((start + 0x40)) conv=notrunc status=none
    distinct_args+=("$out")
  done
done

echo "== $n files, $mb MB per run, median of $runs runs (machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
copies_ms=$(time_ms ./vbios info --json "${copy_args[@]}")
memo_ms=$(time_ms ./vbios info --json --no-efi-memo "${copy_args[@]}")
distinct_ms=$(time_ms ./vbios info --json "${distinct_args[@]}")
c_ms=$(time_ms c_walk "${copy_args[@]}")
c_distinct_ms=$(time_ms c_walk "${distinct_args[@]}")

rate() { echo "$(echo "scale=0; $n * 1000 / $1" | bc) files/s, $(echo "scale=1; $mb * 1000 / $1" | bc) MB/s"; }
ratio() { echo "scale=2; $1 / $2" | bc; }
printf '%-34s %7s ms  (%s)\n' "vbios info --json, copies" "$copies_ms" "$(rate "$copies_ms")"
printf '%-34s %7s ms  (%s)\n' "vbios info --json, memo off" "$memo_ms" "$(rate "$memo_ms")"
printf '%-34s %7s ms  (%s)\n' "vbios info --json, distinct" "$distinct_ms" "$(rate "$distinct_ms")"
printf '%-34s %7s ms\n' "C walker, one process per file" "$c_ms"
printf '%-34s %7s ms\n' "C walker, distinct files" "$c_distinct_ms"
echo "ratio vbios/C: copies $(ratio "$copies_ms" "$c_ms"), memo off $(ratio "$memo_ms" "$c_ms")," \
     "distinct $(ratio "$distinct_ms" "$c_distinct_ms"); target < 0.5"
