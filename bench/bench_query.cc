// Query benchmarks (docs/performance.md, "Query benchmark"): the seven query
// shapes of issue 3 run through kg::query::Execute on the synthetic graph at
// 10^5 and 10^6 triples, each imported once per process into a real Store.
//
//   build/bench/kg_bench_query [--benchmark_filter=TwoHop]
//
// Every shape is checked once before timing (the row count it must return),
// so a wrong answer fails the benchmark instead of producing a fast figure.
// $KG_BENCH_DIR keeps the imported databases between runs (bench_fixture.h).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "bench/bench_fixture.h"
#include "bench/synthetic_graph.h"
#include "kg/article.h"
#include "query/engine.h"
#include "storage/store.h"

namespace kg::bench {
namespace {

enum QueryShape { kPoint, kReverse, kTwoHopCount, kBoundedPath, kGroupTop10, kFilterJoin, kReverseClosure };

// The generator's statistics for the fixture's graph (seed 42, as
// bench_fixture.cc writes it): the deep node's name depends on the chain depth.
const GraphStats& Stats(uint64_t triples) {
  static std::map<uint64_t, GraphStats> cache;
  auto it = cache.find(triples);
  if (it != cache.end()) return it->second;
  GraphSpec spec;
  spec.triples = triples;
  spec.seed = 42;
  return cache.emplace(triples, GenerateGraph(spec, [](const std::string&) {})).first->second;
}

std::string QueryText(QueryShape shape, uint64_t triples) {
  switch (shape) {
    case kPoint:
      return "MATCH company_0 -?p-> ?o RETURN ?p, ?o";
    case kReverse:
      return "MATCH ?c -invests_in-> country_0 RETURN ?c";
    case kTwoHopCount:
      return "MATCH ?c -invests_in-> ?k, ?k -located_in-> ?r RETURN COUNT(*)";
    case kBoundedPath:
      return "MATCH program_" + std::to_string(Stats(triples).chain_depth - 1) +
             " -(part_of|located_in){1,5}-> ?y RETURN ?y";
    case kGroupTop10:
      return "MATCH ?c -invests_in-> ?k RETURN ?k, COUNT(*) AS n ORDER BY n DESC LIMIT 10";
    case kFilterJoin:
      return "MATCH ?c -invests_in-> country_0, ?c -investment_amount-> ?a WHERE ?a > 900000000 "
             "RETURN ?c, ?a";
    case kReverseClosure:
      return "MATCH ?x -part_of+-> company_1 RETURN ?x";
  }
  return {};
}

// The row count each shape must return, from the generator's statistics
// where they define it (0 = only required to be non-empty).
uint64_t ExpectedRows(QueryShape shape, uint64_t triples) {
  const GraphStats& st = Stats(triples);
  switch (shape) {
    case kPoint:
      return st.company0_out;
    case kReverse:
      return st.country0_invests_in;
    case kBoundedPath:
      return 5;
    case kGroupTop10:
      return 10;
    case kReverseClosure:
      return st.subsidiary_tree;
    default:
      return 0;
  }
}

void BM_Query(benchmark::State& state) {
  const uint64_t triples = static_cast<uint64_t>(state.range(0));
  const auto shape = static_cast<QueryShape>(state.range(1));
  storage::Store* store = GraphStore(triples);
  const std::string text = QueryText(shape, triples);
  // The first run of a shape in the process (Google Benchmark calls this
  // function several times) fills the block cache, the decoded terms and the
  // per-key counts; reported as first_ms. Shapes share caches, so later
  // shapes start partly warm.
  static std::map<std::pair<uint64_t, int>, double> first_runs;
  auto t0 = std::chrono::steady_clock::now();
  auto first = query::Execute(text, *store);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  const double first_ms =
      first_runs.emplace(std::make_pair(triples, static_cast<int>(shape)), ms).first->second;
  if (!first.ok()) {
    state.SkipWithError(first.status().ToString().c_str());
    return;
  }
  uint64_t rows = first->rows.size();
  if (shape == kTwoHopCount) rows = static_cast<uint64_t>(first->rows.at(0).at(0).integer());
  uint64_t want = ExpectedRows(shape, triples);
  if (shape == kTwoHopCount) want = Stats(triples).invests_in;
  if (rows == 0 || (want != 0 && rows != want)) {
    std::string msg = "wrong answer: " + std::to_string(rows) + " rows, expected " + std::to_string(want);
    state.SkipWithError(msg.c_str());
    return;
  }
  for (auto _ : state) {
    auto r = query::Execute(text, *store);
    if (!r.ok()) {
      state.SkipWithError(r.status().ToString().c_str());
      break;
    }
    benchmark::DoNotOptimize(r->rows.data());
  }
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["first_ms"] = first_ms;
  state.SetLabel(text);
}

// The same query right after a write (an article of one unrelated fact,
// added and deleted in alternate iterations, outside the timing): every
// cache keyed by the data version — in-memory pair tables, cached per-key
// count lists — is then stale, so this is the cost of each shape on data
// that just changed (the decoded-term cache and block cache stay warm).
void BM_QueryAfterWrite(benchmark::State& state) {
  const uint64_t triples = static_cast<uint64_t>(state.range(0));
  const auto shape = static_cast<QueryShape>(state.range(1));
  storage::Store* store = GraphStore(triples);
  const std::string text = QueryText(shape, triples);
  ArticleData touch;
  touch.name = "bench-touch";
  touch.content = "Bench touched the store.";
  touch.sentences = {touch.content};
  // related = 0: one fact of a predicate no shape reads (cached pair tables
  // carry over the write); related = 1: one fact of every predicate the
  // shapes read, so every cached table and count list is stale.
  const bool related = state.range(2) != 0;
  for (const char* pred :
       related ? std::vector<const char*>{"invests_in", "investment_amount", "part_of", "located_in"}
               : std::vector<const char*>{"touched"}) {
    Fact f;
    f.subject = Value::Entity("bench_touch");
    f.predicate = pred;
    f.object = std::string_view(pred) == "investment_amount" ? Value::Integer(123456789)
                                                             : Value::Entity("bench_store");
    touch.facts.push_back(f);
  }
  bool present = false;
  for (auto _ : state) {
    state.PauseTiming();
    Status st = present ? store->DeleteArticle(touch.name) : store->AddArticle(touch).status();
    present = !present;
    if (!st.ok()) {
      state.SkipWithError(st.ToString().c_str());
      break;
    }
    state.ResumeTiming();
    auto r = query::Execute(text, *store);
    if (!r.ok()) {
      state.SkipWithError(r.status().ToString().c_str());
      break;
    }
    benchmark::DoNotOptimize(r->rows.data());
  }
  if (present) (void)store->DeleteArticle(touch.name);
  state.SetLabel(text);
}

void Shapes(benchmark::internal::Benchmark* b) {
  b->ArgNames({"triples", "shape"});
  for (int64_t n : {100'000, 1'000'000}) {
    for (int s = kPoint; s <= kReverseClosure; ++s) b->Args({n, s});
  }
}

void ShapesAfterWrite(benchmark::internal::Benchmark* b) {
  b->ArgNames({"triples", "shape", "related"});
  for (int64_t n : {100'000, 1'000'000}) {
    for (int64_t related : {0, 1}) {
      for (int s = kPoint; s <= kReverseClosure; ++s) b->Args({n, s, related});
    }
  }
}

// A fixed number of iterations: each one also writes (untimed), and the
// fast shapes would otherwise run thousands of writes per repetition.
BENCHMARK(BM_QueryAfterWrite)
    ->Apply(ShapesAfterWrite)
    ->Iterations(100)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

BENCHMARK(BM_Query)->Apply(Shapes)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

// `--explain`: prints each shape's query and plan (for docs/performance.md)
// instead of timing.
int PrintPlans() {
  for (uint64_t n : {100'000ull, 1'000'000ull}) {
    storage::Store* store = GraphStore(n);
    for (int s = kPoint; s <= kReverseClosure; ++s) {
      std::string text = QueryText(static_cast<QueryShape>(s), n);
      auto r = query::Execute("EXPLAIN " + text, *store);
      std::printf("== %llu triples, shape %d\n%s\n%s\n", static_cast<unsigned long long>(n), s, text.c_str(),
                  r.ok() ? r->plan.c_str() : r.status().ToString().c_str());
    }
  }
  return 0;
}

}  // namespace
}  // namespace kg::bench

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--explain") {
      int rc = kg::bench::PrintPlans();
      kg::bench::CloseStores();
      return rc;
    }
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  kg::bench::CloseStores();
  return 0;
}
