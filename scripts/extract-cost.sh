#!/usr/bin/env bash
# Instructions and simulated L1 data-cache misses per article of extraction,
# counted by callgrind (deterministic, unlike wall time on a shared machine).
# Usage: scripts/extract-cost.sh [DIR] [REPS]   (default: data/articles 20)
# Needs valgrind (Debian package `valgrind`).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-data/articles}
reps=${2:-20}
command -v valgrind >/dev/null || { echo "extract-cost: valgrind is not installed" >&2; exit 1; }
cargo build --release --quiet --example extract_cost
out=$(mktemp)
trap 'rm -f "$out"' EXIT
valgrind --tool=callgrind --cache-sim=yes --callgrind-out-file="$out" \
  --toggle-collect='extract_cost::measured*' \
  target/release/examples/extract_cost "$dir" "$reps" >/dev/null 2>&1
docs=$(find "$dir" -maxdepth 1 -type f | wc -l)
# events: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw
callgrind_annotate "$out" 2>/dev/null | grep "PROGRAM TOTALS" | sed -E 's/\([^)]*\)//g; s/,//g' |
  awk -v n=$((docs * reps)) '{printf "per article: %d instructions, %d L1 data read misses\n", $1 / n, $5 / n}'
