#!/bin/sh
# Codec throughput on the real corpus (EFI 1.1 decompression, EFI compression, LZMA on OVMF).
# Usage: bench/run-codec-bench.sh [CORPUS_ROMS_DIR] [SECONDS_PER_MEASUREMENT]
set -eu
cd "$(dirname "$0")/.."
[ -d target/classes/io/github/vbios/codec ] || ./mvnw -q -B -o compile
CP="target/classes:$(find "${HOME}/.m2/repository/org/tukaani/xz" -name 'xz-*.jar' | sort | tail -1)"
exec java -cp "$CP" bench/CodecBench.java "${1:-../shared/corpus/roms}" "${2:-3}"
