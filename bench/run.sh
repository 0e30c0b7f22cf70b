#!/usr/bin/env bash
# Benchmark: `vbios info --json` over N ROMs in one process versus a C walker run once per file.
# Usage: bench/run.sh [COPIES]   (default 200 copies of the 5 corpus ROMs = 1000 files)
set -euo pipefail
cd "$(dirname "$0")/.."
copies="${1:-200}"
roms=""
for c in ../shared/corpus/roms ../../shared/corpus/roms; do
  if [ -d "$c" ]; then roms="$c"; break; fi
done
[ -n "$roms" ] || { echo "corpus not found (../shared/corpus/roms)"; exit 4; }
[ -f target/vbios.jar ] || ./mvnw -q -B package -DskipTests
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cc -O2 -o "$tmp/romwalk" bench/romwalk.c

args=()
for i in $(seq "$copies"); do for f in "$roms"/*.rom; do args+=("$f"); done; done

echo "== ./vbios info --json, one process (launcher flags: C1 only, tuned for start-up)"
start=$(date +%s.%N)
./vbios info --json "${args[@]}" > /dev/null
end=$(date +%s.%N)
java_s=$(echo "$end - $start" | bc)
echo "   ${#args[@]} files in ${java_s} s"

echo "== ./vbios info --json, one process, VBIOS_JAVA_OPTS=-XX:TieredStopAtLevel=4 (full JIT for batches)"
start=$(date +%s.%N)
VBIOS_JAVA_OPTS=-XX:TieredStopAtLevel=4 ./vbios info --json "${args[@]}" > /dev/null
end=$(date +%s.%N)
jit_s=$(echo "$end - $start" | bc)
echo "   ${#args[@]} files in ${jit_s} s"

echo "== in-process harness (files/s, MB/s)"
java -cp target/vbios.jar bench/InfoBench.java "$copies" "$roms"

echo "== C walker, one process per file"
start=$(date +%s.%N)
for f in "${args[@]}"; do "$tmp/romwalk" "$f" > /dev/null || true; done
end=$(date +%s.%N)
c_s=$(echo "$end - $start" | bc)
echo "   ${#args[@]} files in ${c_s} s"
echo "== ratio vbios/C = $(echo "scale=3; $java_s / $c_s" | bc) (launcher defaults), $(echo "scale=3; $jit_s / $c_s" | bc) (full JIT); target < 0.5"
echo "   (vbios decompresses and hashes every EFI GOP; the C walker reads headers only; load: $(cut -d' ' -f1-3 /proc/loadavg))"
