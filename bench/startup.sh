#!/usr/bin/env bash
# Start-up benchmark: `vbios --version` through the ./vbios launcher (start-up cache, C1, serial
# GC) against a bare `java -Xshare:auto -version` on the same machine, with hyperfine.
# Prints both medians and their ratio; exits 1 when the median exceeds the budget (150 ms by
# default, VBIOS_STARTUP_BUDGET_MS to change it). Not part of the test run.
#   bench/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-30}"
budget="${VBIOS_STARTUP_BUDGET_MS:-150}"

command -v hyperfine >/dev/null 2>&1 || { echo "startup.sh: needs hyperfine (apt install hyperfine)" >&2; exit 2; }
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
[ -f target/vbios.jar ] || ./mvnw -q -B package -DskipTests >&2
./vbios --version >/dev/null   # builds the jar and archive when sources are newer

csv="$(mktemp)"
trap 'rm -f "$csv"' EXIT
hyperfine -N --style basic --warmup 5 --runs "$runs" --export-csv "$csv" \
  -n "vbios --version" "./vbios --version" \
  -n "vbios --help" "./vbios --help" \
  -n "java -Xshare:auto -version" "$java_bin -Xshare:auto -version" >&2

# CSV columns: command,mean,stddev,median,user,system,min,max (seconds)
vbios_ms=$(awk -F, '$1=="vbios --version" {printf "%.1f", $4*1000}' "$csv")
help_ms=$(awk -F, '$1=="vbios --help" {printf "%.1f", $4*1000}' "$csv")
java_ms=$(awk -F, '$1=="java -Xshare:auto -version" {printf "%.1f", $4*1000}' "$csv")
ratio=$(awk -v a="$vbios_ms" -v b="$java_ms" 'BEGIN {printf "%.2f", a/b}')
cds="no"
for f in target/start-up/*.jsa target/start-up/*.aot; do
  [ -f "$f" ] && [ "$f" -nt target/vbios.jar ] && cds="yes (${f##*/})"
done

echo "machine: $(nproc) cores, $("$java_bin" -version 2>&1 | head -n1), start-up cache: $cds"
echo "vbios --version median: ${vbios_ms} ms (budget ${budget} ms)"
echo "vbios --help median: ${help_ms} ms (builds the whole picocli command tree)"
echo "java -Xshare:auto -version median: ${java_ms} ms"
echo "ratio vbios/java: ${ratio}"
awk -v a="$vbios_ms" -v b="$budget" 'BEGIN {exit !(a <= b)}' || { echo "over budget" >&2; exit 1; }
