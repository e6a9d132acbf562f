#!/usr/bin/env bash
# The worked example, end to end on a local Spark: the dev set copied COPIES
# times is extracted on Spark (local[2]), the parts are merged with
# `ingest --facts`, and the store answers "who invested in C" for every
# country exactly as a single-process `ingest` of the same files does.
# usage: examples/spark/run.sh PYTHON [COPIES]   (PYTHON has pyspark installed)
set -euo pipefail
cd "$(dirname "$0")/../.."
python=$1
copies=${2:-20}
bin=target/release/newsgraph
[ -x "$bin" ] || cargo build --release --quiet
work=target/spark-example
rm -rf "$work" && mkdir -p "$work/corpus"
for k in $(seq -w 1 "$copies"); do
  mkdir -p "$work/corpus/copy$k"
  cp ../shared/eval/dev/texts/*.txt "$work/corpus/copy$k/"
done
start=$(date +%s)
"$python" examples/spark/extract.py --bin "$bin" --input "$work/corpus/*/*.txt" \
  --output "$work/facts" --master 'local[2]'
echo "spark extract: $(cat "$work"/facts/part-* | wc -l) documents in $(( $(date +%s) - start )) s"
"$bin" ingest --facts "$work"/facts/part-* --store "$work/spark.ng"
"$bin" ingest "$work/corpus" --store "$work/single.ng" >/dev/null
"$bin" export json --store "$work/single.ng" \
  | "$python" -c 'import json,sys; print("\n".join(n["name"] for n in json.load(sys.stdin)["nodes"] if n["type"]=="Country"))' \
  > "$work/countries.txt"
n=0
while IFS= read -r c; do
  a=$("$bin" ask "who invested in $c" --store "$work/spark.ng" --format csv | sort)
  b=$("$bin" ask "who invested in $c" --store "$work/single.ng" --format csv | sort)
  if [ "$a" != "$b" ]; then
    echo "spark example: who invested in $c differs"; diff <(echo "$a") <(echo "$b"); exit 1
  fi
  n=$((n + 1))
done < "$work/countries.txt"
echo "spark example: the Spark-built store answers as the single-process one for $n countries"
