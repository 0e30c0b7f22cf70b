#!/usr/bin/env bash
# The start-up, batch and extract benchmarks of issue 14, in one run, for every JDK found:
#   JAVA_HOME, when it lists several JDKs separated by ':', else every JDK >= 17 in /usr/lib/jvm.
# For each JDK (through ./vbios, with the start-up cache the launcher makes for that JDK):
#   start-up  `vbios --version` against `java -version` of the same JDK (hyperfine medians);
#             target 1.5x on Java 25+, 2.0x on 17-24
#   batch     `vbios info --json` over 1,000 distinct real-like ROMs (the corpus ROMs, each copy with
#             one byte changed inside its first image) against the C walker bench/romwalk.c run
#             once per file; target 0.6x on Java 25+, 1.0x on 17-24
#   extract   `vbios extract` against `UEFIExtract FILE all` on the corpus LG image, OVMF_CODE_4M.fd
#             and an 8 MiB AMI Aptio V-like image (bench/AptioImage.java); target 0.5x
# A missed target is followed by where the time goes: the launcher script, JVM start and cache
# (start-up); JIT (-XX:+CITime), GC (-Xlog:gc) and Java samples by kind (JFR: decoding, hashing,
# parsing, JSON, ...) for batch and extract.
# Usage: bench/all.sh [RUNS]     (RUNS: extract and batch runs per median, default 5; start-up 20)
set -euo pipefail
cd "$(dirname "$0")/.."
here="$(pwd)"
runs="${1:-5}"
work="$here/target/bench"
mkdir -p "$work"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for tool in hyperfine cc UEFIExtract; do
  command -v "$tool" >/dev/null || { echo "bench: needs $tool (apt install hyperfine gcc uefitool-cli)" >&2; exit 2; }
done
corpus=""
for c in ../shared/corpus ../../shared/corpus; do
  [ -d "$c/roms" ] && { corpus="$(cd "$c" && pwd)"; break; }
done
[ -n "$corpus" ] || { echo "bench: corpus not found (../shared/corpus)" >&2; exit 2; }

# ---- the JDKs ----
jdks=()
if [[ "${JAVA_HOME:-}" == *:* ]]; then
  IFS=: read -r -a jdks <<< "$JAVA_HOME"
else
  for j in /usr/lib/jvm/*/; do
    j="${j%/}"
    [ -L "$j" ] || [ ! -x "$j/bin/java" ] && continue
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$j/release" 2>/dev/null)
    [ -n "$v" ] && [ "$v" -ge 17 ] && jdks+=("$j")
  done
fi
[ "${#jdks[@]}" -gt 0 ] || { echo "bench: no JDK >= 17 found" >&2; exit 2; }
major() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"; }

# ---- inputs, built once ----
JAVA_HOME="${jdks[0]}" ./vbios --version >/dev/null   # builds target/vbios.jar when needed
cc -O2 -o "$tmp/romwalk" bench/romwalk.c
roms="$work/roms"
if [ "$(ls "$roms" 2>/dev/null | wc -l)" -lt 1000 ]; then
  rm -rf "$roms"; mkdir -p "$roms"
  mapfile -t base < <(ls "$corpus"/roms/*.rom)
  per=$(( (1000 + ${#base[@]} - 1) / ${#base[@]} ))
  for f in "${base[@]}"; do
    start=$(./vbios info --json "$f" | awk '/"pciView"/ {p=1} p && /"start"/ {gsub(/[^0-9]/, ""); print; exit}')
    name=$(basename "$f" .rom)
    for i in $(seq "$per"); do
      out="$roms/$name-$i.rom"
      cp "$f" "$out"
      # two bytes (copy number) inside the first image's code: every file and sha256 differs
      printf "$(printf '\\%03o\\%03o' $((i % 256)) $((i / 256)))" \
        | dd of="$out" bs=1 seek=$((start + 0x40)) conv=notrunc status=none
    done
  done
fi
mapfile -t batch < <(ls "$roms"/*.rom | head -n 1000)
aptio="$work/aptio-v-8m.bin"
[ -f "$aptio" ] && [ "$aptio" -nt bench/AptioImage.java ] || \
  "${jdks[0]}/bin/java" -cp target/vbios.jar bench/AptioImage.java "$aptio" "$corpus/roms/turing-tu117-t1000.rom" >/dev/null
images=()
for f in "$corpus/firmware/lg-r510-insyde.fd" /usr/share/OVMF/OVMF_CODE_4M.fd "$aptio"; do
  [ -f "$f" ] && images+=("$f")
done

# ---- helpers ----
now() { date +%s%N; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
verdict() { awk -v r="$1" -v t="$2" 'BEGIN {print (r <= t) ? "ok" : "MISSED"}'; }
c_walk() { for f in "$@"; do "$tmp/romwalk" "$f" >/dev/null 2>&1 || true; done; }
# time_ms CMD...: "WALL CPU", medians in ms over $runs runs (CPU = user + system, children too:
# on a loaded machine the wall time says little, the CPU time still compares)
time_ms() {
  local w=() c=() line
  for _ in $(seq "$runs"); do
    [ -n "${before_each:-}" ] && eval "$before_each"   # untimed set-up (UEFIExtract's old dump)
    line=$( { TIMEFORMAT='%R %U %S'; time "$@" >/dev/null 2>&1 || true; } 2>&1 | tail -n1)
    w+=("$(awk '{printf "%d", $1 * 1000}' <<< "$line")")
    c+=("$(awk '{printf "%d", ($2 + $3) * 1000}' <<< "$line")")
  done
  echo "$(median "${w[@]}") $(median "${c[@]}")"
}
# where_time_goes LABEL CMD...: one run of a ./vbios command line with JIT, GC and JFR reports
where_time_goes() {
  local label="$1"; shift
  local jfr="$tmp/rec.jfr" gc="$tmp/gc.log" out="$tmp/diag.out"
  rm -f "$jfr" "$gc"
  VBIOS_JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+CITime -Xlog:gc:file=$gc \
-XX:StartFlightRecording=filename=$jfr,settings=profile" "$@" > "$out" 2>&1 || true
  local user sys
  echo "    where the time goes ($label, one run with JIT/GC/JFR reports):"
  awk '/C1 Compile Time|C2 Compile Time|Total compilation time/ {sub(/^ */, ""); print "      JIT: " $0}' "$out" | head -n 3
  if [ -s "$gc" ]; then
    awk '/Pause/ {n++; gsub(/ms/, "", $NF); ms += $NF} END {printf "      GC: %d pauses, %.1f ms\n", n, ms}' "$gc"
  fi
  if [ -s "$jfr" ] && [ -x "$jdk/bin/jfr" ]; then
    "$jdk/bin/jfr" print --events jdk.ExecutionSample "$jfr" 2>/dev/null | awk '
      /stackTrace = \[/ {getline; f=$1; n++
        if (f ~ /^(sun\.security\.provider|java\.security\.MessageDigest)/ || f ~ /Sha|SHA|Digest/) k="hashing"
        else if (f ~ /^(org\.tukaani|org\.brotli|java\.util\.zip)/ || f ~ /^io\.github\.vbios\.codec\./) k="decoding"
        else if (f ~ /^io\.github\.vbios\.(rom|firmware)\./) k="parsing/walking"
        else if (f ~ /^java\.lang\.invoke\.VarHandleByteArray/) k="byte reads (ByteSlice VarHandles, interpreted/C1)"
        else if (f ~ /^com\.fasterxml\.jackson/) k="JSON"
        else if (f ~ /^(java\.io|java\.nio|sun\.nio)/) k="I/O"
        else if (f ~ /^io\.github\.vbios\./) k="vbios other"
        else k="JDK/other (" f ")"
        c[k]++}
      END {for (k in c) printf "      %5.1f%%  %s\n", 100 * c[k] / n, k; printf "      (%d Java samples)\n", n}' \
      | sort -rn | head -n 8
  fi
}

echo "bench: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), ${#batch[@]} ROMs, images: ${images[*]##*/}"
for jdk in "${jdks[@]}"; do
  export JAVA_HOME="$jdk"
  m=$(major "$jdk")
  aid="JDK $m: $(if [ "$m" -ge 25 ]; then echo "AOT cache"; else echo "AppCDS archive"; fi)"
  VBIOS_PREPARE_CACHE=1 ./vbios || true   # this JDK's start-up caches (once per JDK and build)
  echo
  echo "== $jdk ($aid)"

  # start-up
  csv="$tmp/startup.csv"
  flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData)
  cache="$here/target/start-up/${jdk##*/}"
  if [ "$m" -ge 25 ]; then flags+=(-XX:AOTCache="$cache-start.aot"); else flags+=(-Xshare:auto -XX:SharedArchiveFile="$cache.jsa"); fi
  hyperfine -N --style none --warmup 3 --runs $((runs * 4)) --export-csv "$csv" \
    -n vbios "./vbios --version" -n jvm-only "$jdk/bin/java ${flags[*]} -jar target/vbios.jar --version" \
    -n no-cache "env VBIOS_NO_CDS=1 ./vbios --version" -n java "$jdk/bin/java -version" >/dev/null 2>&1
  med() { awk -F, -v n="$1" '$1==n {printf "%.1f", $4 * 1000}' "$csv"; }
  cpu() { awk -F, -v n="$1" '$1==n {printf "%.1f", ($5 + $6) * 1000}' "$csv"; }
  target=$([ "$m" -ge 25 ] && echo 1.5 || echo 2.0)
  r=$(ratio "$(med vbios)" "$(med java)")
  printf '  start-up  vbios --version %6s ms   java -version %6s ms   ratio %s (target %s) %s   [cpu %s / %s ms = %s]\n' \
    "$(med vbios)" "$(med java)" "$r" "$target" "$(verdict "$r" "$target")" "$(cpu vbios)" "$(cpu java)" \
    "$(ratio "$(cpu vbios)" "$(cpu java)")"
  if [ "$(verdict "$r" "$target")" != ok ]; then
    echo "    where the time goes (wall/cpu ms): the JVM alone with the cache $(med jvm-only)/$(cpu jvm-only)," \
         "so the launcher script $(awk -v a="$(med vbios)" -v b="$(med jvm-only)" 'BEGIN {printf "%.1f", a - b}')/$(awk \
         -v a="$(cpu vbios)" -v b="$(cpu jvm-only)" 'BEGIN {printf "%.1f", a - b}');" \
         "without the cache $(med no-cache)/$(cpu no-cache); java -version $(med java)/$(cpu java)"
    "$jdk/bin/java" "${flags[@]}" -Xlog:startuptime -jar target/vbios.jar --version 2>/dev/null \
      | awk '/Genesis|Initialize java.lang classes|Initialize module system|Create VM/ {
          sub(/.*\]\[startuptime\] /, ""); printf "      JVM start: %s\n", $0}'
  fi

  # batch
  read -r vb vbc < <(time_ms ./vbios info --json "${batch[@]}")
  read -r cw cwc < <(time_ms c_walk "${batch[@]}")
  target=$([ "$m" -ge 25 ] && echo 0.6 || echo 1.0)
  r=$(ratio "$vb" "$cw")
  printf '  batch     vbios info --json %5s ms   C walker per file %6s ms   ratio %s (target %s) %s   [cpu %s / %s ms = %s]\n' \
    "$vb" "$cw" "$r" "$target" "$(verdict "$r" "$target")" "$vbc" "$cwc" "$(ratio "$vbc" "$cwc")"
  [ "$(verdict "$r" "$target")" = ok ] || where_time_goes "info --json, ${#batch[@]} ROMs" ./vbios info --json "${batch[@]}"

  # extract
  for img in "${images[@]}"; do
    name="${img##*/}"
    cp "$img" "$tmp/$name"
    read -r ue uec < <(cd "$tmp" && before_each="rm -rf '$name.dump' '$name.report.txt'" time_ms UEFIExtract "$name" all)
    read -r ve vec < <(time_ms ./vbios extract "$tmp/$name" -o "$tmp/out" --force)
    r=$(ratio "$ve" "$ue")
    printf '  extract   %-18s vbios %6s ms   UEFIExtract all %6s ms   ratio %s (target 0.5) %s   [cpu %s / %s ms = %s]\n' \
      "$name" "$ve" "$ue" "$r" "$(verdict "$r" 0.5)" "$vec" "$uec" "$(ratio "$vec" "$uec")"
    [ "$(verdict "$r" 0.5)" = ok ] || where_time_goes "extract $name" ./vbios extract "$tmp/$name" -o "$tmp/out" --force
    rm -rf "$tmp/$name" "$tmp/$name.dump" "$tmp/$name.report.txt" "$tmp/out"
  done
done
