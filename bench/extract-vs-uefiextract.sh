#!/usr/bin/env bash
# Benchmark: `vbios extract` against `UEFIExtract FILE all` (what VBiosFinder runs), whole process,
# same inputs, median of 5 runs each; prints the ratio vbios/UEFIExtract (issue 5 target: <= 0.25).
#
# Usage: bench/extract-vs-uefiextract.sh [IMAGE...]
#   default images: ../shared/corpus/firmware/lg-r510-insyde.fd and the OVMF code images.
# Needs: target/vbios.jar (./mvnw -q -B -o package -DskipTests), UEFIExtract (package uefitool-cli).
# vbios runs as the ./vbios launcher starts it (same JVM flags) with its class-data-sharing
# archive target/vbios.jsa, which this script creates when missing; the launcher itself is timed too.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="$here/target/vbios.jar"
jsa="$here/target/vbios.jsa"
runs=5
command -v UEFIExtract >/dev/null || { echo "UEFIExtract not installed (package uefitool-cli)" >&2; exit 2; }
[ -f "$jar" ] || { echo "build first: ./mvnw -q -B -o package -DskipTests" >&2; exit 2; }

images=("$@")
if [ ${#images[@]} -eq 0 ]; then
  for f in "$here/../shared/corpus/firmware/lg-r510-insyde.fd" "$here/../../shared/corpus/firmware/lg-r510-insyde.fd" \
           /usr/share/OVMF/OVMF_CODE_4M.fd /usr/share/OVMF/OVMF_CODE.fd; do
    [ -f "$f" ] && images+=("$(readlink -f "$f")")
  done
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto)
if [ ! -f "$jsa" ] || [ "$jar" -nt "$jsa" ]; then
  java "${flags[@]}" -XX:ArchiveClassesAtExit="$jsa" -jar "$jar" extract "${images[0]}" >/dev/null 2>&1 || true
fi
[ -f "$jsa" ] && flags+=("-XX:SharedArchiveFile=$jsa")

now() { date +%s%N; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '%-22s %12s %12s %12s %8s %8s\n' image "UEFIExtract" "vbios(java)" "vbios(./vbios)" ratio ratio2
for img in "${images[@]}"; do
  name="$(basename "$img")"
  cp "$img" "$work/$name"
  ue=(); vb=(); vl=()
  for _ in $(seq $runs); do
    rm -rf "$work/$name.dump"
    t=$(now); (cd "$work" && UEFIExtract "$name" all >/dev/null 2>&1) || true; ue+=($(( ($(now) - t) / 1000000 )))
    t=$(now); java "${flags[@]}" -jar "$jar" extract "$work/$name" -o "$work/out" --force >/dev/null 2>&1 || true
    vb+=($(( ($(now) - t) / 1000000 )))
    t=$(now); "$here/vbios" extract "$work/$name" -o "$work/out" --force >/dev/null 2>&1 || true
    vl+=($(( ($(now) - t) / 1000000 )))
  done
  mu=$(median "${ue[@]}"); mv=$(median "${vb[@]}"); ml=$(median "${vl[@]}")
  printf '%-22s %10s ms %10s ms %12s ms %8s %8s\n' "$name" "$mu" "$mv" "$ml" \
    "$(awk -v a="$mv" -v b="$mu" 'BEGIN {printf "%.2f", a / b}')" \
    "$(awk -v a="$ml" -v b="$mu" 'BEGIN {printf "%.2f", a / b}')"
done
echo "ratio = vbios (java -jar, launcher flags + CDS) / UEFIExtract all; ratio2 = via ./vbios launcher. Target <= 0.25."
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
