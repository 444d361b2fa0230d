#!/usr/bin/env bash
# HTML extraction speed (issue 15, "Measured"): JMH on the development corpus pages, read from ../shared/corpus
# (never copied), with the default compilers and with C1 only (-XX:TieredStopAtLevel=1, as Lambda runs Java),
# then readability-lxml (Debian's python3-readability: apt-get install -y python3-readability) on the same pages
# in the same run, and a summary: ms per page, MB/s of HTML per core, extraction / parse, ours / readability.
# JMH times wall-clock, which grows with the machine's load; the summary therefore also reads each
# operation's thread CPU time (HtmlCpuTime, same operations, same JVM flags) and readability-lxml's process
# CPU time: on a shared machine those are the per-core figures.
#   bench/html.sh            # both corpora (html: 38 news pages, zyte: 90 benchmark pages)
# FORKS (default 1) JMH forks per benchmark; ROUNDS (default 3) timed rounds of readability-lxml;
# JMH=0 skips JMH (CPU-time figures only).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
./mvnw -B -q test-compile
CP=$(./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
jmh() {  # $1 = result file, rest = extra JMH options
  local result=$1; shift
  java -cp "target/test-classes:target/classes:${CP}" org.openjdk.jmh.Main '\.HtmlExtractionBenchmark\.' \
    -f "${FORKS:-1}" -wi 3 -w 2s -i 5 -r 2s -rf json -rff "$result" "$@"
}
if [ "${JMH:-1}" != 0 ]; then
  jmh "$out/default.json"
  jmh "$out/c1.json" -jvmArgsAppend -XX:TieredStopAtLevel=1
fi
cpu() {  # $1 = result file, rest = JVM flags
  local result=$1; shift
  java "$@" -cp "target/test-classes:target/classes:${CP}" org.articlepipeline.bench.HtmlCpuTime 20 5 | tee "$result"
}
cpu "$out/cpu-default.txt"
cpu "$out/cpu-c1.txt" -XX:TieredStopAtLevel=1
uptime
for c in html zyte; do
  dir=../shared/corpus/html; [ "$c" = zyte ] && dir=../shared/corpus/zyte/html
  /usr/bin/python3 bench/readability_lxml.py --rounds "${ROUNDS:-3}" "$dir" | tee "$out/readability-$c.txt"
done
/usr/bin/python3 - "$out" <<'PY'
import json, os, re, sys
out = sys.argv[1]
rl = {}
for c in ("html", "zyte"):
    m = re.search(r"wall ([\d.]+) ms/page, cpu ([\d.]+) ms/page", open(os.path.join(out, "readability-%s.txt" % c)).read())
    rl[c] = (float(m.group(1)), float(m.group(2)))
for mode in ("default", "c1"):
    print("== %s" % ("default compilers" if mode == "default" else "C1 only (-XX:TieredStopAtLevel=1)"))
    cpu = {}
    for line in open(os.path.join(out, "cpu-%s.txt" % mode)):
        f = line.split()
        cpu[(f[1], f[2])] = (float(f[3]), int(f[5]), int(f[7]))
    for c in ("html", "zyte"):
        p, n, b = cpu[(c, "parse")]
        e, z = cpu[(c, "extract")][0], cpu[(c, "normalize")][0]
        print("  cpu  %-4s %3d pages %4.1f MB | ms/page: parse %.2f, extract %.2f (%.2fx parse, %.1f MB/s), "
              "normalize %.2f (%.2fx parse, %.1f MB/s) | readability-lxml %.1f ms/page = %.1fx our normalize"
              % (c, n, b / 1e6, p / n, e / n, e / p, b / e / 1e3, z / n, z / p, b / z / 1e3, rl[c][1], rl[c][1] / (z / n)))
    path = os.path.join(out, mode + ".json")
    if os.path.exists(path):
        ms = {(r["params"]["corpus"], r["benchmark"].rsplit(".", 1)[1]): r["primaryMetric"]["score"] for r in json.load(open(path))}
        for c in ("html", "zyte"):
            n, b = cpu[(c, "parse")][1:]
            p, e, z = ms[(c, "parse")], ms[(c, "extract")], ms[(c, "normalize")]
            print("  wall %-4s JMH ms/page: parse %.2f, extract %.2f (%.2fx), normalize %.2f (%.2fx) | readability-lxml wall %.1f"
                  % (c, p / n, e / n, e / p, z / n, z / p, rl[c][0]))
PY
