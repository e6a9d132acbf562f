#!/usr/bin/env bash
# Cross-validation of the learned decisions over the dev set's folds: for each
# fold, train on the four others, extract the held fold with those weights,
# and score it; then score the five held folds pooled.
# usage: scripts/cv.sh [DEV_DIR] [--per-doc]   (DEV_DIR defaults to ../shared/eval/dev)
# NEWSGRAPH_BIN names a prebuilt binary; otherwise `cargo build --release` builds one.
set -euo pipefail
cd "$(dirname "$0")/.."
dev=../shared/eval/dev
flags=()
for a in "$@"; do case "$a" in --*) flags+=("$a");; *) dev=$a;; esac; done
score=$(cd "$dev/.." && pwd)/score.py
bin=${NEWSGRAPH_BIN:-}
if [ -z "$bin" ]; then
  cargo build --release --quiet
  bin=target/release/newsgraph
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dev=$(cd "$dev" && pwd)
pooled=$work/pooled.jsonl
: > "$pooled"
mkdir -p "$work/all-gold"
folds=$(tail -n +2 "$dev/folds.tsv" | cut -f2 | sort -u)
for k in $folds; do
  f=$work/fold$k
  mkdir -p "$f/train-texts" "$f/train-gold" "$f/held-texts" "$f/held-gold"
  while IFS=$'\t' read -r doc fold; do
    [ "$doc" = doc ] && continue
    stem=${doc%.txt}
    if [ "$fold" = "$k" ]; then
      ln -s "$dev/texts/$doc" "$f/held-texts/$doc"
      ln -s "$dev/gold/$stem.json" "$f/held-gold/$stem.json"
      ln -sf "$dev/gold/$stem.json" "$work/all-gold/$stem.json"
    else
      ln -s "$dev/texts/$doc" "$f/train-texts/$doc"
      ln -s "$dev/gold/$stem.json" "$f/train-gold/$stem.json"
    fi
  done < "$dev/folds.tsv"
  "$bin" train --texts "$f/train-texts" --gold "$f/train-gold" -o "$f/weights.ron"
  "$bin" extract --model "$f/weights.ron" "$f/held-texts" > "$f/pred.jsonl"
  cat "$f/pred.jsonl" >> "$pooled"
  echo "== fold $k ($(ls "$f/held-texts" | wc -l) articles)"
  python3 "$score" "$f/held-gold" "$f/pred.jsonl" | grep -E '^(metric|entities |invest_pairs|supply_pairs|relations |amounts)'
done
[ -n "${CV_OUT:-}" ] && cp "$pooled" "$CV_OUT"
echo "== pooled over the held folds ($(wc -l < "$pooled") articles)"
python3 "$score" "$work/all-gold" "$pooled" "${flags[@]}"
