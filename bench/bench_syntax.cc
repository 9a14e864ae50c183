// The syntax benchmark (docs/syntax.md, "Measured figures"): loading the model
// file, and tagging + lemmatizing + parsing the EWT dev set with gold
// tokenization, one thread. Words/s is the items_per_second counter.
//   build/bench/kg_bench_syntax --benchmark_repetitions=5
//       --benchmark_report_aggregates_only=true   (one command line)
// KG_SYNTAX_MODEL overrides the model (default: models/en.kgm).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "syntax/conllu.h"
#include "syntax/model.h"

namespace {

std::string ModelPath() {
  const char* env = std::getenv("KG_SYNTAX_MODEL");
  return env != nullptr && *env != '\0' ? env : KG_SOURCE_DIR "/models/en.kgm";
}

const std::vector<kg::syntax::Sentence>& Dev() {
  static const auto* dev = [] {
    std::ifstream in(KG_SOURCE_DIR "/../shared/data/ud-ewt/en_ewt-ud-dev.conllu");
    std::stringstream ss;
    ss << in.rdbuf();
    auto r = kg::syntax::ReadConllu(ss.str(), nullptr);
    return new std::vector<kg::syntax::Sentence>(r.ok() ? std::move(r).value()
                                                        : std::vector<kg::syntax::Sentence>{});
  }();
  return *dev;
}

void BM_ModelLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto m = kg::syntax::Model::LoadFile(ModelPath());
    if (!m.ok()) {
      state.SkipWithError(m.status().message().c_str());
      return;
    }
    benchmark::DoNotOptimize(m);
  }
}
BENCHMARK(BM_ModelLoad)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_AnnotateDev(benchmark::State& state) {
  auto m = kg::syntax::Model::LoadFile(ModelPath());
  if (!m.ok() || Dev().empty()) {
    state.SkipWithError("model or EWT dev file missing");
    return;
  }
  size_t words = 0;
  for (auto _ : state) {
    for (const auto& gold : Dev()) {
      kg::syntax::Sentence s = gold;
      m.value().Annotate(s);
      words += s.words.size();
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(words));
}
BENCHMARK(BM_AnnotateDev)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);

}  // namespace

BENCHMARK_MAIN();
