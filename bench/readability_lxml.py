#!/usr/bin/python3
"""Times readability-lxml (Debian's python3-readability) on a set of HTML pages, for bench/html.sh.

Usage: bench/readability_lxml.py [--rounds N] DIR_OR_FILES...
  .html files are read as they are, .html.gz files decompressed; pages are decoded as UTF-8 (with
  replacement) before timing, as the Java side times from decoded text too.
Each round runs Document(page).summary() and .short_title() (its article and its headline) on every
page; the first round is a warm-up. Prints one line: pages, bytes, then per page the wall-clock and the
CPU time of this process (the figure to compare on a shared machine), and MB/s of CPU time.
"""
import gzip
import os
import sys
import time

from readability import Document


def pages(args):
    paths = []
    for a in args:
        if os.path.isdir(a):
            paths += sorted(os.path.join(a, f) for f in os.listdir(a) if f.endswith((".html", ".html.gz")))
        else:
            paths.append(a)
    out = []
    for p in paths:
        raw = gzip.open(p).read() if p.endswith(".gz") else open(p, "rb").read()
        out.append((len(raw), raw.decode("utf-8", "replace")))
    return out


def main():
    args = sys.argv[1:]
    rounds = 5
    if args[:1] == ["--rounds"]:
        rounds, args = int(args[1]), args[2:]
    docs = pages(args)
    total = sum(n for n, _ in docs)
    times = []
    cpu = []
    for r in range(rounds + 1):
        t0 = time.perf_counter()
        c0 = time.process_time()
        for _, html in docs:
            d = Document(html)
            d.summary()
            d.short_title()
        if r > 0:
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
    wall = sum(times) / len(times)
    mean = sum(cpu) / len(cpu)
    print("readability-lxml: %d pages, %d bytes, wall %.2f ms/page, cpu %.2f ms/page, %.2f MB/s of cpu"
          % (len(docs), total, wall * 1e3 / len(docs), mean * 1e3 / len(docs), total / mean / 1e6))

if __name__ == "__main__":
    main()
