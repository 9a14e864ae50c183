// Loader benchmarks (docs/loader.md, "Speed"): the whole extraction pipeline
// (document parsing, tokenizing, tagging, the trained parser or
// link-grammar, clauses, canonicalization) in words per second on one
// thread.
//
//   build/bench/kg_bench_loader [--benchmark_repetitions=5]
//
// Inputs: every data/*.txt article shipped in the repository (one benchmark
// per article with the default options, and one over all of them per
// LoaderOptions::syntax_source: /trained, /link-grammar, /none), and a
// one-sentence-per-line file
// such as the CaRB development sentences ($KG_BENCH_SENTENCES, default
// ../shared/data/carb-dev/sentences.txt next to the source tree; skipped when
// absent; also per source). The "words/s" counter is whitespace-separated
// words of the input per CPU-second of the extracting thread (Google
// Benchmark rates divide by CPU time), i.e. the per-core figure; the syntax
// model ($KG_SYNTAX_MODEL or the default), link-grammar's dictionary,
// WordNet and the gazetteers are loaded before timing.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "loader/extract_format.h"
#include "loader/loader.h"

namespace kg::bench {
namespace {

struct Input {
  std::string name;
  std::string text;
  double words = 0;
};

double CountWords(const std::string& text) {
  double words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

bool ReadFile(const std::filesystem::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

std::vector<Input> Articles() {
  std::vector<Input> inputs;
  std::error_code ec;
  const std::filesystem::path dir = std::filesystem::path(KG_SOURCE_DIR) / "data";
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".txt") continue;
    Input in;
    in.name = entry.path().stem().string();
    if (!ReadFile(entry.path(), &in.text)) continue;
    in.words = CountWords(in.text);
    inputs.push_back(std::move(in));
  }
  std::sort(inputs.begin(), inputs.end(), [](const Input& a, const Input& b) { return a.name < b.name; });
  return inputs;
}

std::filesystem::path SentencesPath() {
  if (const char* env = std::getenv("KG_BENCH_SENTENCES")) return env;
  return std::filesystem::path(KG_SOURCE_DIR) / ".." / "shared" / "data" / "carb-dev" / "sentences.txt";
}

void BM_Article(benchmark::State& state, const Input* input) {
  size_t facts = 0;
  for (auto _ : state) {
    auto data = loader::ExtractArticle(input->name, input->text);
    if (!data.ok()) {
      state.SkipWithError(data.status().ToString().c_str());
      return;
    }
    facts = data->facts.size();
    benchmark::DoNotOptimize(facts);
  }
  state.counters["words/s"] =
      benchmark::Counter(input->words * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["facts"] = static_cast<double>(facts);
}

void BM_AllArticles(benchmark::State& state, const std::vector<Input>* inputs,
                    loader::LoaderOptions options) {
  double words = 0;
  for (const auto& in : *inputs) words += in.words;
  for (auto _ : state) {
    for (const auto& in : *inputs) {
      auto data = loader::ExtractArticle(in.name, in.text, options);
      benchmark::DoNotOptimize(data);
    }
  }
  state.counters["words/s"] =
      benchmark::Counter(words * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_Sentences(benchmark::State& state, const Input* input, loader::LoaderOptions options) {
  size_t facts = 0;
  for (auto _ : state) {
    auto ex = loader::ExtractSentences(input->text, options);
    if (!ex.ok()) {
      state.SkipWithError(ex.status().ToString().c_str());
      return;
    }
    facts = ex->facts.size();
    benchmark::DoNotOptimize(facts);
  }
  state.counters["words/s"] =
      benchmark::Counter(input->words * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["facts"] = static_cast<double>(facts);
}

}  // namespace
}  // namespace kg::bench

int main(int argc, char** argv) {
  using kg::bench::Input;
  static std::vector<Input> articles = kg::bench::Articles();
  static Input sentences;
  sentences.name = "carb-dev";
  const bool have_sentences = kg::bench::ReadFile(kg::bench::SentencesPath(), &sentences.text);
  sentences.words = kg::bench::CountWords(sentences.text);
  // The syntax sources compared, by benchmark name suffix.
  const std::pair<const char*, kg::loader::SyntaxSource> sources[] = {
      {"trained", kg::loader::SyntaxSource::kTrainedParser},
      {"link-grammar", kg::loader::SyntaxSource::kLinkGrammar},
      {"none", kg::loader::SyntaxSource::kNone}};
  // Load the syntax model, the link-grammar dictionary, WordNet and the
  // gazetteers once, outside the timed loops.
  for (const auto& [name, source] : sources) {
    kg::loader::LoaderOptions options;
    options.syntax_source = source;
    auto warm =
        kg::loader::ExtractArticle("warm-up", "Warm Up\n\nThe company plans an office in Paris.\n", options);
    if (warm.ok()) {
      for (const auto& w : warm->warnings)
        std::fprintf(stderr, "kg_bench_loader (%s): %s\n", name, w.c_str());
    }
  }
  for (const auto& in : articles) {
    benchmark::RegisterBenchmark(("BM_Article/" + in.name).c_str(), kg::bench::BM_Article, &in)
        ->Unit(benchmark::kMillisecond);
  }
  if (!articles.empty()) {
    for (const auto& [name, source] : sources) {
      kg::loader::LoaderOptions options;
      options.syntax_source = source;
      benchmark::RegisterBenchmark((std::string("BM_AllArticles/") + name).c_str(), kg::bench::BM_AllArticles,
                                   &articles, options)
          ->Unit(benchmark::kMillisecond);
    }
  } else {
    std::fprintf(stderr, "kg_bench_loader: no articles in %s/data\n", KG_SOURCE_DIR);
  }
  if (have_sentences) {
    for (const auto& [name, source] : sources) {
      kg::loader::LoaderOptions options;
      options.syntax_source = source;
      benchmark::RegisterBenchmark((std::string("BM_Sentences/carb-dev/") + name).c_str(),
                                   kg::bench::BM_Sentences, &sentences, options)
          ->Unit(benchmark::kMillisecond);
    }
  } else {
    std::fprintf(stderr, "kg_bench_loader: %s not found; sentence benchmark skipped\n",
                 kg::bench::SentencesPath().string().c_str());
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
