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


def input_root(pattern):
    """The folder a glob starts from ('corpus/*/*.txt' -> '/abs/corpus/'):
    documents are named by their path below it, as `newsgraph ingest FOLDER`
    names them, so the same article gets the same name either way."""
    cut = min([pattern.find(c) for c in "*?[{" if c in pattern] or [len(pattern)])
    root = pattern[:cut].rsplit("/", 1)[0] + "/"
    if "://" not in root:
        root = os.path.abspath(root) + "/"
    return root


def document_name(path, root):
    """A Spark path ('file:/abs/corpus/copy01/x.txt') named below `root`."""
    local = path[len("file:"):] if path.startswith("file:") else path
    for p in (path, local):
        if p.startswith(root):
            return p[len(root):]
    return os.path.basename(path)


def extract_partition(articles, root):
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
            doc = document_name(path, root)
            proc.stdin.write(json.dumps({"doc": doc, "text": text}) + "\n")
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
    root = input_root(args.input)
    articles.mapPartitions(lambda part: extract_partition(part, root)).saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
