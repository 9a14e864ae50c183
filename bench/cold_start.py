#!/usr/bin/env python3
"""Cold-process benchmark: one `kg query` process per question, against
`sqlite3` on the same data (docs/performance.md, "Cold processes").

    bench/cold_start.py [--build build] [--dir /tmp/kg-cold] [--triples 1000000] [--runs 5] [--only NAME]

Generates the kg-gen graph (seed 42) with BUILD/kg-gen, imports it with
`BUILD/kg import`, and, when /usr/bin/sqlite3 is installed, writes the same
triples into a SQLite file (one table with three covering indexes, as a user
would). All are kept in DIR and reused. Then, page cache warm, each
measurement is one warm-up run followed by RUNS timed runs of a whole
process; it prints the median wall time and the median peak RSS, and checks
that kg and sqlite3 print the same number of rows. Last, each shape runs
RUNS + 2 times in one fresh REPL: the first run, the second and the median of
the others (the REPL's .timing, inside the library call).
"""
import argparse
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import time

SQLITE = "/usr/bin/sqlite3"
ENTITY = "https://kg.example.org/entity/"
PREDICATE = "https://kg.example.org/predicate/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

# (name, kg query, SQL over t(s, p, o, n)); n is the number of a numeric or
# money literal (its amount), NULL otherwise.
SHAPES = [
    ("point lookup, bound subject", "company_0 -?p-> ?o",
     "SELECT p, o FROM t WHERE s = 'company_0'"),
    ("reverse lookup on a hub", "?c -invests_in-> country_0",
     "SELECT s FROM t WHERE p = 'invests_in' AND o = 'country_0'"),
    ("two-hop join counted", "MATCH ?c -invests_in-> ?k, ?k -located_in-> ?r RETURN COUNT(*)",
     "SELECT COUNT(*) FROM t a JOIN t b ON b.s = a.o AND b.p = 'located_in' WHERE a.p = 'invests_in'"),
    ("group-by top-10 over a join",
     "MATCH ?c -invests_in-> ?k, ?k -located_in-> ?r RETURN ?r, COUNT(*) AS n ORDER BY n DESC LIMIT 10",
     "SELECT b.o, COUNT(*) AS n FROM t a JOIN t b ON b.s = a.o AND b.p = 'located_in' "
     "WHERE a.p = 'invests_in' GROUP BY b.o ORDER BY n DESC LIMIT 10"),
    ("literal filter + join",
     "MATCH ?c -invests_in-> country_0, ?c -investment_amount-> ?a WHERE ?a > 900000000 RETURN ?c, ?a",
     "SELECT a.s, b.o FROM t a JOIN t b ON b.s = a.s AND b.p = 'investment_amount' "
     "WHERE a.p = 'invests_in' AND a.o = 'country_0' AND b.n > 900000000"),
    ("reverse closure into a hub", "?x -part_of+-> company_1",
     "WITH RECURSIVE r(x) AS (SELECT s FROM t WHERE p = 'part_of' AND o = 'company_1' "
     "UNION SELECT t.s FROM t JOIN r ON t.o = r.x AND t.p = 'part_of') SELECT x FROM r"),
]


def local(term):
    """The kg name of an N-Triples term; literals keep their lexical form."""
    if term.startswith("<"):
        iri = term[1:-1]
        if iri == RDF_TYPE:
            return "is_a"
        for prefix in (ENTITY, PREDICATE):
            if iri.startswith(prefix):
                return iri[len(prefix):]
        return iri
    return term[1:term.rindex('"')]


def amount(literal):
    m = re.match(r"^(-?\d+(?:\.\d+)?)(?: [A-Z]{3})?$", literal)
    return float(m.group(1)) if m else None


def build_sqlite(nt, path):
    line_re = re.compile(r'^(<[^>]*>) (<[^>]*>) (<[^>]*>|".*"(?:\^\^<[^>]*>|@[a-zA-Z-]+)?) \.$')
    tmp = path + ".tmp"
    if os.path.exists(tmp):
        os.remove(tmp)
    db = sqlite3.connect(tmp)
    db.execute("CREATE TABLE t(s TEXT, p TEXT, o TEXT, n REAL)")
    rows = []
    with open(nt, encoding="utf-8") as f:
        for line in f:
            m = line_re.match(line.rstrip("\n"))
            o = local(m.group(3))
            rows.append((local(m.group(1)), local(m.group(2)), o,
                         amount(o) if m.group(3).startswith('"') else None))
    db.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", rows)
    db.execute("CREATE INDEX spo ON t(s, p, o)")
    db.execute("CREATE INDEX pos ON t(p, o, s)")
    db.execute("CREATE INDEX osp ON t(o, s, p)")
    db.execute("CREATE INDEX pn ON t(p, s, n)")
    db.commit()
    db.execute("ANALYZE")
    db.close()
    os.rename(tmp, path)


def prepare(args):
    os.makedirs(args.dir, exist_ok=True)
    nt = os.path.join(args.dir, "graph-%d.nt" % args.triples)
    kgdb = os.path.join(args.dir, "graph-%d.db" % args.triples)
    sq = os.path.join(args.dir, "graph-%d.sqlite" % args.triples)
    needed = [nt, kgdb] + ([sq] if os.path.exists(SQLITE) else [])
    args.built_here = not all(os.path.exists(f) for f in needed) and "KG_COLD_REEXEC" not in os.environ
    if not os.path.exists(nt):
        subprocess.run([os.path.join(args.build, "kg-gen"), "--triples", str(args.triples), "--seed", "42",
                        "-o", nt], check=True)
    if not os.path.exists(kgdb):
        subprocess.run([os.path.join(args.build, "kg"), "--db", kgdb, "import", nt], check=True,
                       stdout=subprocess.DEVNULL)
    if os.path.exists(SQLITE) and not os.path.exists(sq):
        build_sqlite(nt, sq)
    empty = os.path.join(args.dir, "empty.db")
    if not os.path.exists(empty):
        subprocess.run([os.path.join(args.build, "kg"), "--db", empty, "repl", "--create"], check=True,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    return kgdb, sq if os.path.exists(sq) else None, empty


def measure(cmd, runs):
    """One warm-up, then `runs` timed runs: (median wall ms, median CPU ms, median peak RSS MB, lines).
    CPU is user + system time; unlike the wall time, another process's load
    barely inflates it."""
    walls, cpus, rss, lines = [], [], [], 0
    for i in range(runs + 1):
        # Started by subprocess (vfork and exec), not os.fork: a forked copy
        # of this interpreter, which holds the graph's rows, spent about 8 ms
        # of CPU (its page faults) before the exec, and wait4 counted them as
        # the measured process's (docs/performance.md, "Third pass").
        with open(os.path.join(ARGS.dir, "out.txt"), "wb") as out:
            before = time.monotonic()
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.monotonic() - before
        proc.returncode = status  # reaped above
        if status != 0:
            sys.exit("failed (status %d): %s" % (status, " ".join(cmd)))
        if i == 0:
            with open(os.path.join(ARGS.dir, "out.txt"), "rb") as f:
                lines = f.read().count(b"\n")
            continue
        walls.append(wall * 1000)
        cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
        rss.append(usage.ru_maxrss / 1024)
    return statistics.median(walls), statistics.median(cpus), statistics.median(rss), lines


def repl_runs(kg, db, query, runs):
    """total_ms of each of `runs` runs of `query` in one fresh REPL (.timing)."""
    script = ".timing on\n.format tsv\n" + (query + ";\n") * runs
    p = subprocess.run([kg, "--db", db, "repl"], input=script.encode(), stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, check=True)
    return [float(m) for m in re.findall(r"timing: total_ms=([0-9.]+)", p.stderr.decode())]


def main():
    global ARGS
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build")
    ap.add_argument("--kg", help="the kg binary (default: BUILD/kg)")
    ap.add_argument("--dir", default="/tmp/kg-cold")
    ap.add_argument("--triples", type=int, default=1000000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only", help="only the measurements whose name contains this")
    ARGS = ap.parse_args()
    kg = ARGS.kg or os.path.join(ARGS.build, "kg")
    kgdb, sq, empty = prepare(ARGS)
    if ARGS.built_here:
        # Building the SQLite file held the graph's rows in this interpreter,
        # and a child started by vfork records its parent's peak RSS as its
        # own when it execs (every process measured 285 MB). A fresh
        # interpreter measures with the files in place.
        os.environ["KG_COLD_REEXEC"] = "1"
        os.execv(sys.executable, [sys.executable] + sys.argv)

    print("load average: %.2f %.2f %.2f" % os.getloadavg())
    print("%-32s %10s %8s %8s %10s %8s %8s %8s" % ("what", "kg ms", "kg cpu", "kg MB", "sqlite ms", "ratio",
                                                   "sq cpu", "rows"))
    for name, cmd in [("kg --version", [kg, "--version"]),
                      ("query on an empty database", [kg, "--db", empty, "query", "?s -is_a-> ?c"]),
                      ("open + one-row query", [kg, "--db", kgdb, "query", "company_0 -headquartered_in-> ?k"])]:
        if ARGS.only and ARGS.only not in name:
            continue
        ms, cpu, mb, _ = measure(cmd, ARGS.runs)
        print("%-32s %10.1f %8.1f %8.0f" % (name, ms, cpu, mb))
    shapes = [s for s in SHAPES if not ARGS.only or ARGS.only in s[0]]
    for name, q, sql in shapes:
        ms, cpu, mb, rows = measure([kg, "--db", kgdb, "query", q, "--format", "tsv"], ARGS.runs)
        rows -= 1  # the tsv header
        line = "%-32s %10.1f %8.1f %8.0f" % (name, ms, cpu, mb)
        if sq:
            sms, scpu, _, srows = measure([SQLITE, sq, sql], ARGS.runs)
            check = "" if srows == rows else "  ROW COUNTS DIFFER: sqlite3 %d" % srows
            line += " %10.1f %8.2f %8.1f %8d%s" % (sms, ms / sms, scpu, rows, check)
        else:
            line += " %10s %8s %8s %8d" % ("-", "-", "-", rows)
        print(line, flush=True)
    print("\nin one fresh REPL (.timing total_ms): first, second, median of runs 3-%d" % (ARGS.runs + 2))
    for name, q, _ in shapes:
        t = repl_runs(kg, kgdb, q, ARGS.runs + 2)
        warm = statistics.median(t[2:])
        print("%-32s %8.2f %8.2f %8.2f   first/warm %.1f" % (name, t[0], t[1], warm, t[0] / warm), flush=True)
    print("load average: %.2f %.2f %.2f" % os.getloadavg())


if __name__ == "__main__":
    main()
