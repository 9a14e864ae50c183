// Storage benchmarks (docs/performance.md): N-Triples import throughput, the
// 8 scan patterns on the 10^6-triple synthetic graph, dictionary lookups.
//
//   build/bench/kg_bench_storage [--benchmark_filter=Scan]
//
// Each import iteration starts from an empty database; the scans and lookups
// share one database imported and compacted at first use.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "bench/bench_fixture.h"
#include "rdf/import.h"
#include "storage/store.h"

namespace kg::bench {
namespace {

constexpr uint64_t kScanGraph = 1'000'000;

void BM_ImportNTriples(benchmark::State& state) {
  const uint64_t triples = static_cast<uint64_t>(state.range(0));
  const std::string& file = GraphFile(triples);
  const uint64_t file_bytes = std::filesystem::file_size(file);
  uint64_t run = 0, db_bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::string db = ScratchDir() + "/import-" + std::to_string(triples) + "-" + std::to_string(run++);
    std::filesystem::remove_all(db);
    state.ResumeTiming();

    auto store = storage::Store::Open(db);
    if (!store.ok()) {
      state.SkipWithError(store.status().ToString().c_str());
      break;
    }
    auto report = rdf::ImportFile(store.value().get(), file);
    if (!report.ok()) {
      state.SkipWithError(report.status().ToString().c_str());
      break;
    }

    state.PauseTiming();
    Status st = store.value()->Compact();
    if (!st.ok()) state.SkipWithError(st.ToString().c_str());
    store.value().reset();
    db_bytes = DirectoryBytes(db);
    std::filesystem::remove_all(db);
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * triples));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * file_bytes));
  state.counters["db_MB_compacted"] = static_cast<double>(db_bytes) / 1e6;
  state.counters["peak_rss_MB"] = static_cast<double>(PeakRssKib()) / 1024.0;
}
BENCHMARK(BM_ImportNTriples)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->DisplayAggregatesOnly(true);

// The 8 bound/unbound shapes, each on the role entities of the synthetic
// graph (bench/synthetic_graph.h).
enum Shape { kSPO, kSP, kSO, kS, kPO, kP, kO, kAll };

void BM_Scan(benchmark::State& state) {
  storage::Store* store = GraphStore(kScanGraph);
  const storage::TermId company0 = store->FindEntity("company_0");
  const storage::TermId country0 = store->FindEntity("country_0");
  const storage::TermId invests = store->FindPredicate("invests_in");
  const storage::TermId partners = store->FindPredicate("partners_with");
  const storage::TermId part_of = store->FindPredicate("part_of");
  if (!company0 || !country0 || !invests || !partners || !part_of) {
    state.SkipWithError("role entities or predicates not found");
    return;
  }
  storage::TermId s = 0, p = 0, o = 0;
  switch (static_cast<Shape>(state.range(0))) {
    case kSPO:
      s = company0, p = invests, o = country0;
      break;
    case kSP:
      s = company0, p = partners;
      break;
    case kSO:
      s = company0, o = country0;
      break;
    case kS:
      s = company0;
      break;
    case kPO:
      p = invests, o = country0;
      break;
    case kP:
      p = part_of;
      break;
    case kO:
      o = country0;
      break;
    case kAll:
      break;
  }
  uint64_t rows = 0;
  for (auto _ : state) {
    rows = 0;
    for (auto c = store->Scan(s, p, o); c->Valid(); c->Next()) {
      benchmark::DoNotOptimize(c->Get());
      ++rows;
    }
  }
  state.counters["rows"] = static_cast<double>(rows);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * rows));
}
BENCHMARK(BM_Scan)
    ->ArgName("shape")
    ->Arg(kSPO)
    ->Arg(kSP)
    ->Arg(kSO)
    ->Arg(kS)
    ->Arg(kPO)
    ->Arg(kP)
    ->Arg(kO)
    ->Arg(kAll)
    ->Unit(benchmark::kMicrosecond)
    ->Repetitions(5)
    ->DisplayAggregatesOnly(true);

std::vector<std::string> EntityNames(size_t n) {
  std::vector<std::string> names;
  for (size_t i = 0; i < n; ++i) {
    // Mixed case: lookups are case-insensitive.
    names.push_back((i % 2 ? "Company_" : "company_") + std::to_string((i * 7919) % 100'000));
  }
  return names;
}

void BM_FindEntity(benchmark::State& state) {
  storage::Store* store = GraphStore(kScanGraph);
  const std::vector<std::string> names = EntityNames(4096);
  size_t i = 0, found = 0;
  for (auto _ : state) {
    found += store->FindEntity(names[i++ & 4095]) != storage::kNoTerm;
  }
  if (found != static_cast<size_t>(state.iterations())) state.SkipWithError("an entity was not found");
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_FindEntity)->Repetitions(5)->DisplayAggregatesOnly(true);

void BM_FindPredicate(benchmark::State& state) {
  storage::Store* store = GraphStore(kScanGraph);
  const char* names[] = {"invests_in", "part_of", "located_in", "is_a"};
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(store->FindPredicate(names[i++ & 3]));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_FindPredicate)->Repetitions(5)->DisplayAggregatesOnly(true);

void BM_FindLiteral(benchmark::State& state) {
  storage::Store* store = GraphStore(kScanGraph);
  std::vector<Value> values;
  for (int m = 1; m <= 256; ++m) values.push_back(Value::Money(m * 1e6, "USD"));
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(store->FindLiteral(values[i++ & 255]));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_FindLiteral)->Repetitions(5)->DisplayAggregatesOnly(true);

void BM_GetTerm(benchmark::State& state) {
  storage::Store* store = GraphStore(kScanGraph);
  std::vector<storage::TermId> ids;
  for (const std::string& n : EntityNames(4096)) ids.push_back(store->FindEntity(n));
  size_t i = 0;
  for (auto _ : state) {
    auto v = store->GetTerm(ids[i++ & 4095]);
    benchmark::DoNotOptimize(v);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_GetTerm)->Repetitions(5)->DisplayAggregatesOnly(true);

void BM_GetIri(benchmark::State& state) {
  storage::Store* store = GraphStore(kScanGraph);
  std::vector<storage::TermId> ids;
  for (const std::string& n : EntityNames(4096)) ids.push_back(store->FindEntity(n));
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(store->GetIri(ids[i++ & 4095]));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_GetIri)->Repetitions(5)->DisplayAggregatesOnly(true);

}  // namespace
}  // namespace kg::bench

// Not BENCHMARK_MAIN(): the stores opened by the fixture must close before
// static destruction, or RocksDB's own statics may already be gone.
int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  kg::bench::CloseStores();
  return 0;
}
