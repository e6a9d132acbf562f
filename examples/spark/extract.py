#!/usr/bin/env python3
"""Extract a corpus too big for one machine on Spark.

Each partition of articles is piped through `newsgraph extract -` (JSON
Lines of {"doc", "text"} in, one interchange line per article out); the
lines are written back as text files, ready for `newsgraph ingest --facts`
(merge is order-independent and idempotent, so parts merge in any order and
a re-run part changes nothing).

usage: extract.py --bin PATH/TO/newsgraph --input 'DIR/**/*.txt' --output OUT_DIR
                  [--master local[2]] [--partitions N]

On a cluster: ship the binary with the job (this script adds it with
SparkContext.addFile; spark-submit --files works too) or bake it into the
executor image, and point --input and --output at object storage
(s3a://..., gs://..., abfss://...).
"""
import argparse
import json
import os
import subprocess
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def extract_partition(articles):
    """Runs one newsgraph process over a partition's (path, text) pairs."""
    exe = SparkFiles.get("newsgraph")
    os.chmod(exe, 0o755)
    proc = subprocess.Popen(
        [exe, "extract", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )

    def feed():
        for path, text in articles:
            # the document is named by its file name, as `newsgraph ingest` names it
            proc.stdin.write(json.dumps({"doc": os.path.basename(path), "text": text}) + "\n")
        proc.stdin.close()

    writer = threading.Thread(target=feed)
    writer.start()
    for line in proc.stdout:
        yield line.rstrip("\n")
    writer.join()
    if proc.wait() != 0:
        raise RuntimeError(f"newsgraph extract exited with {proc.returncode}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True, help="the newsgraph binary to ship to the executors")
    ap.add_argument("--input", required=True, help="articles: a path or glob Spark reads")
    ap.add_argument("--output", required=True, help="folder for the JSON Lines parts")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=0, help="default: twice the default parallelism")
    args = ap.parse_args()

    spark = SparkSession.builder.master(args.master).appName("newsgraph-extract").getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    sc.addFile(os.path.abspath(args.bin))
    partitions = args.partitions or 2 * sc.defaultParallelism
    articles = sc.wholeTextFiles(args.input, minPartitions=partitions)
    articles.mapPartitions(extract_partition).saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
