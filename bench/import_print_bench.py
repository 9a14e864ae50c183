#!/usr/bin/env python3
"""Whole-process figures for bulk import and for printing rows, with sqlite3
as the reference (docs/performance.md, "Bulk import and printing rows").

    bench/import_print_bench.py [--build build] [--triples 1000000] [--runs 3]
                                [--dir /tmp/kg-ipbench] [--kg PATH] [--repeat 200]

1. `kg-gen --triples N --seed 42` once into DIR/graph.nt.
2. `kg import` of it into a new database, RUNS times: wall, user + sys CPU and
   peak RSS of each process (/usr/bin/time), and their medians.
3. With /usr/bin/sqlite3: DIR/ref.sqlite, a table triples(s, p, o) of the
   same graph (local names, literal lexical forms) with indexes (s,p,o),
   (p,o,s) and (o,s,p), built once.
4. Printing rows in tsv: a REPL over a pipe (`kg repl`, `.format tsv`) and
   `sqlite3` (`.mode tabs`, `.headers on`) each read a script that runs the
   same question REPEAT times; a statement's cost is (time of the script -
   time of a one-statement script) / (REPEAT - 1), the median of RUNS. The
   cost includes answering the question; the REPL's own `.timing` gives the
   part spent in the query.
5. One `kg query ... --format tsv` process against one `sqlite3 FILE SQL`
   process for the same rows, medians of RUNS.

The machine's load average is printed before and after: figures taken while
other processes compete for the cores are not comparable.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import time

QUESTIONS = [
    # (name, kg statement, SQL, expected rows)
    ("point lookup", "MATCH company_0 -?p-> ?o RETURN ?p, ?o",
     "SELECT p, o FROM triples WHERE s = 'company_0'", 981),
    ("hub, reverse", "MATCH ?c -invests_in-> country_0 RETURN ?c",
     "SELECT s FROM triples WHERE p = 'invests_in' AND o = 'country_0'", 25042),
]


def timed(cmd, stdin=None, env=None):
    """Runs cmd under /usr/bin/time; (wall s, cpu s, max RSS MB, stdout bytes)."""
    fmt = "%e %U %S %M"
    inp = open(stdin, "rb") if stdin else subprocess.DEVNULL
    start = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-f", fmt] + cmd, stdin=inp, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env)
    wall = time.monotonic() - start
    if stdin:
        inp.close()
    if p.returncode != 0:
        raise SystemExit("failed: %s\n%s" % (" ".join(cmd), p.stderr.decode()[-2000:]))
    e, u, s, m = p.stderr.decode().strip().splitlines()[-1].split()
    return wall, float(u) + float(s), int(m) / 1024, p.stdout


def load():
    return open("/proc/loadavg").read().split()[0]


def local(term):
    """An N-Triples term as the SQLite reference stores it."""
    if term.startswith("<"):
        iri = term[1:-1]
        if iri == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type":
            return "is_a"
        return re.split(r"[/#]", iri)[-1]
    if term.startswith('"'):
        return term[1:term.rindex('"')]
    return term


def build_sqlite(graph, ref):
    if os.path.exists(ref):
        return
    tsv = ref + ".tsv"
    with open(graph) as f, open(tsv, "w") as out:
        for line in f:
            s, p, rest = line.rstrip(" .\n").split(" ", 2)
            out.write("%s\t%s\t%s\n" % (local(s), local(p), local(rest)))
    script = ("CREATE TABLE triples(s TEXT, p TEXT, o TEXT);\n.mode tabs\n.import %s triples\n"
              "CREATE INDEX spo ON triples(s, p, o);\nCREATE INDEX pos ON triples(p, o, s);\n"
              "CREATE INDEX osp ON triples(o, s, p);\n" % tsv)
    subprocess.run(["sqlite3", ref], input=script.encode(), check=True)
    os.remove(tsv)


def per_statement(cmd, script_one, script_many, repeat, runs):
    """Median seconds per statement beyond the first, over runs."""
    costs = []
    for _ in range(runs):
        one = timed(cmd, stdin=script_one)[0]
        many = timed(cmd, stdin=script_many)[0]
        costs.append((many - one) / (repeat - 1))
    return statistics.median(costs)


def write_script(path, header, statement, n):
    with open(path, "w") as f:
        f.write(header)
        f.write((statement + ";\n") * n)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--kg", help="the kg binary (default BUILD/kg)")
    ap.add_argument("--triples", type=int, default=1000000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=200)
    ap.add_argument("--dir", default="/tmp/kg-ipbench")
    args = ap.parse_args()
    kg = args.kg or os.path.join(args.build, "kg")
    os.makedirs(args.dir, exist_ok=True)
    graph = os.path.join(args.dir, "graph.nt")
    if not os.path.exists(graph):
        subprocess.run([os.path.join(args.build, "kg-gen"), "--triples", str(args.triples), "--seed", "42",
                        "-o", graph], check=True)
    print("load average before: %s" % load())

    db = os.path.join(args.dir, "db")
    walls, cpus, rss = [], [], []
    for i in range(args.runs):
        shutil.rmtree(db, ignore_errors=True)
        w, c, m, _ = timed([kg, "--db", db, "import", graph])
        walls.append(w), cpus.append(c), rss.append(m)
        print("import run %d: %.2f s wall, %.2f s CPU, %.0f MB max RSS" % (i + 1, w, c, m))
    print("import median: %.2f s wall, %.2f s CPU, %.0f MB max RSS" %
          (statistics.median(walls), statistics.median(cpus), statistics.median(rss)))

    have_sqlite = shutil.which("sqlite3") is not None
    ref = os.path.join(args.dir, "ref.sqlite")
    if have_sqlite:
        build_sqlite(graph, ref)
    for name, statement, sql, rows in QUESTIONS:
        one, many = os.path.join(args.dir, "kg-1.txt"), os.path.join(args.dir, "kg-n.txt")
        write_script(one, ".format tsv\n", statement, 1)
        write_script(many, ".format tsv\n", statement, args.repeat)
        got = timed([kg, "--db", db, "repl"], stdin=one)[3].count(b"\n") - 1
        if got != rows:
            raise SystemExit("%s: %d rows, expected %d" % (name, got, rows))
        kg_ms = 1000 * per_statement([kg, "--db", db, "repl"], one, many, args.repeat, args.runs)
        line = "REPL, %s (%d rows in tsv): kg %.3f ms per statement" % (name, rows, kg_ms)
        kg_proc = statistics.median(
            timed([kg, "--db", db, "query", statement, "--format", "tsv"])[0] for _ in range(args.runs))
        proc = "one process, %s: kg query %.0f ms" % (name, 1000 * kg_proc)
        if have_sqlite:
            write_script(one, ".mode tabs\n.headers on\n", sql, 1)
            write_script(many, ".mode tabs\n.headers on\n", sql, args.repeat)
            sq_ms = 1000 * per_statement(["sqlite3", ref], one, many, args.repeat, args.runs)
            line += ", sqlite3 %.3f ms (kg / sqlite3 = %.2f)" % (sq_ms, kg_ms / sq_ms)
            sq_proc = statistics.median(
                timed(["sqlite3", "-header", "-separator", "\t", ref, sql])[0] for _ in range(args.runs))
            proc += ", sqlite3 %.0f ms" % (1000 * sq_proc)
        print(line)
        print(proc)
    print("load average after: %s" % load())


if __name__ == "__main__":
    main()
