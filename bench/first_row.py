#!/usr/bin/env python3
"""Times a command's output through a pipe, for the streaming figures of
docs/performance.md ("Streaming cursor").

    bench/first_row.py RUNS COMMAND...

Runs COMMAND under /usr/bin/time -v RUNS times and prints, per run and as
medians, the seconds from the start to the first data line (the second line:
tsv and csv have a header), to the end of the output, the line count and the
peak RSS.
"""
import re
import statistics
import subprocess
import sys
import time


def run(cmd):
    start = time.monotonic()
    p = subprocess.Popen(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first, lines = None, 0
    while True:
        chunk = p.stdout.read1(1 << 20)
        if not chunk:
            break
        lines += chunk.count(b"\n")
        if first is None and lines >= 2:
            first = time.monotonic() - start
    err = p.stderr.read().decode()
    p.wait()
    total = time.monotonic() - start
    rss_mb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1)) / 1024
    status = "ok" if p.returncode == 0 else "exit %d: %s" % (p.returncode, err.splitlines()[0])
    return first, total, lines, rss_mb, status


def main():
    runs, cmd = int(sys.argv[1]), sys.argv[2:]
    results = [run(cmd) for _ in range(runs)]
    for first, total, lines, rss, status in results:
        shown = "-" if first is None else "%.3f" % first
        print("first=%s total=%.2f lines=%d rss=%.0fMB %s" % (shown, total, lines, rss, status))
    firsts = [r[0] for r in results if r[0] is not None]
    print("median first=%s total=%.2f rss=%.0fMB" % (
        "%.3f" % statistics.median(firsts) if firsts else "-",
        statistics.median(r[1] for r in results), statistics.median(r[3] for r in results)))


if __name__ == "__main__":
    main()
