// kg-extract-dev: run the loader on a file without the CLI, for iterating on
// extraction quality and speed.
//   kg-extract-dev FILE [--format tsv|jsonl|openie] [--gold GOLD.tsv]
//                  [--sentences] [--tags] [--repeat N]
//                  [--syntax trained|link-grammar|none] [--no-parser]
//                  [--model MODEL.kgm] [--parse-words N]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "loader/canonical/gazetteer.h"
#include "loader/eval.h"
#include "loader/extract/clauses.h"
#include "loader/extract_format.h"
#include "loader/linguistics/link_parser.h"
#include "loader/linguistics/parser_hints.h"
#include "loader/loader.h"
#include "loader/text/document.h"
#include "loader/text/tokens.h"
#include "syntax/model_registry.h"

namespace {

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  *out = ss.str();
  return true;
}

size_t CountWords(const std::string& s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool sp = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(
        stderr,
        "usage: kg-extract-dev FILE [--format tsv|jsonl|openie] [--gold GOLD.tsv] [--sentences] [--tags] "
        "[--repeat N] [--syntax trained|link-grammar|none] [--no-parser] [--chunker-openie] [--tree-only] "
        "[--model MODEL.kgm] "
        "[--parse-words N]\n");
    return 2;
  }
  std::string file = argv[1], format = "tsv", gold;
  bool sentences = false, tags = false;
  int repeat = 0;
  kg::loader::LoaderOptions options;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--format" && i + 1 < argc) {
      format = argv[++i];
    } else if (a == "--gold" && i + 1 < argc) {
      gold = argv[++i];
    } else if (a == "--sentences") {
      sentences = true;
    } else if (a == "--tags") {
      tags = true;
    } else if (a == "--repeat" && i + 1 < argc) {
      repeat = std::atoi(argv[++i]);
    } else if (a == "--parse-words" && i + 1 < argc) {
      options.max_parse_words = std::atoi(argv[++i]);
    } else if (a == "--syntax" && i + 1 < argc) {
      const std::string v = argv[++i];
      if (v == "trained") {
        options.syntax_source = kg::loader::SyntaxSource::kTrainedParser;
      } else if (v == "link-grammar") {
        options.syntax_source = kg::loader::SyntaxSource::kLinkGrammar;
      } else if (v == "none") {
        options.syntax_source = kg::loader::SyntaxSource::kNone;
      } else {
        std::fprintf(stderr, "unknown syntax source '%s' (trained, link-grammar, none)\n", v.c_str());
        return 2;
      }
    } else if (a == "--tree-only") {
      options.chunker_facts = false;
    } else if (a == "--chunker-openie") {
      options.tree_open_ie = false;
    } else if (a == "--no-parser") {
      options.syntax_source = kg::loader::SyntaxSource::kNone;
    } else if (a == "--model" && i + 1 < argc) {
      options.syntax_model = argv[++i];
    } else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 2;
    }
  }
  if (!kg::loader::IsExtractionFormat(format)) {
    std::fprintf(stderr, "unknown format '%s' (tsv, jsonl, openie)\n", format.c_str());
    return 2;
  }
  std::string text;
  if (!ReadFile(file, &text)) {
    std::fprintf(stderr, "cannot read %s\n", file.c_str());
    return 1;
  }
  if (tags) {
    auto doc = kg::loader::text::ParseDocument(text);
    if (!doc.ok()) {
      std::fprintf(stderr, "%s\n", doc.status().ToString().c_str());
      return 1;
    }
    const auto& gaz = kg::loader::canonical::Gazetteer::Get();
    std::shared_ptr<const kg::syntax::Model> model;
    if (options.syntax_source == kg::loader::SyntaxSource::kTrainedParser) {
      auto m = kg::syntax::LoadModel(options.syntax_model);
      if (!m.ok()) {
        std::fprintf(stderr, "%s\n", m.status().ToString().c_str());
        return 1;
      }
      model = *m;
    }
    for (const auto& s : doc->sentences) {
      auto toks = kg::loader::text::Tokenize(s.text);
      std::vector<kg::loader::linguistics::PosHint> hints;
      if (model != nullptr) {
        std::vector<kg::loader::linguistics::TokenSpan> spans;
        for (const auto& t : toks) spans.push_back({t.begin, t.end});
        hints = kg::loader::linguistics::HintsFromParse(
            kg::loader::linguistics::ParseSentence(*model, s.text), spans);
      } else if (options.syntax_source == kg::loader::SyntaxSource::kLinkGrammar &&
                 options.max_parse_words > 0) {
        hints = kg::loader::linguistics::ParseHints(s.text, {});
      }
      kg::loader::text::TagTokens(
          toks, [&gaz](std::string_view w) { return gaz.StartsName(w); }, hints.empty() ? nullptr : &hints);
      for (const auto& t : toks) std::printf("%s/%s ", t.text.c_str(), kg::loader::text::TagName(t.tag));
      std::printf("%s%s\n", s.heading ? "[heading]" : "", hints.empty() ? "[no parse]" : "");
      auto a = kg::loader::extract::AnalyzeSentence(toks);
      for (const auto& np : a.nps) {
        std::printf("  NP[%s]", kg::loader::extract::RangeText(s.text, a.tokens, np.range).c_str());
      }
      std::printf("\n");
      for (const auto& c : a.clauses) {
        std::printf("  CL verb=[%s] lemma=%s subj=",
                    kg::loader::extract::RangeText(s.text, a.tokens, c.verb_group).c_str(), c.lemma.c_str());
        for (int n : c.subject)
          std::printf("{%s}", kg::loader::extract::RangeText(s.text, a.tokens, a.nps[n].range).c_str());
        std::printf(" obj=");
        for (int n : c.objects)
          std::printf("{%s}", kg::loader::extract::RangeText(s.text, a.tokens, a.nps[n].range).c_str());
        for (const auto& p : c.preps) {
          std::printf(" %s:", p.prep.c_str());
          for (int n : p.objects)
            std::printf("{%s}", kg::loader::extract::RangeText(s.text, a.tokens, a.nps[n].range).c_str());
        }
        std::printf("%s%s%s%s parent=%d\n", c.negated ? " NEG" : "", c.hedged ? " HEDGE" : "",
                    c.passive ? " PASS" : "",
                    c.infinitive ? " INF"
                    : c.gerund   ? " GER"
                                 : "",
                    c.parent);
      }
    }
    return 0;
  }
  if (sentences) {
    auto t0 = std::chrono::steady_clock::now();
    auto ex = kg::loader::ExtractSentences(text, options);
    auto t1 = std::chrono::steady_clock::now();
    if (!ex.ok()) {
      std::fprintf(stderr, "%s\n", ex.status().ToString().c_str());
      return 1;
    }
    std::fputs(kg::loader::FormatOpenIe(*ex).c_str(), stdout);
    for (const auto& w : ex->warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
    const double sec = std::chrono::duration<double>(t1 - t0).count();
    std::fprintf(stderr, "%zu sentences, %zu extractions, %.0f words/s\n", ex->sentences.size(),
                 ex->facts.size(), static_cast<double>(CountWords(text)) / sec);
    return 0;
  }
  auto t0 = std::chrono::steady_clock::now();
  auto data = kg::loader::ExtractArticle("dev", text, options);
  auto t1 = std::chrono::steady_clock::now();
  if (!data.ok()) {
    std::fprintf(stderr, "%s\n", data.status().ToString().c_str());
    return 1;
  }
  if (repeat > 0) {
    auto r0 = std::chrono::steady_clock::now();
    for (int i = 0; i < repeat; ++i) {
      auto d = kg::loader::ExtractArticle("dev", text, options);
      if (!d.ok()) return 1;
    }
    auto r1 = std::chrono::steady_clock::now();
    const double sec = std::chrono::duration<double>(r1 - r0).count() / repeat;
    std::fprintf(stderr, "%.2f ms per article, %.0f words/s (single thread)\n", sec * 1000,
                 static_cast<double>(CountWords(text)) / sec);
  }
  if (gold.empty()) {
    std::fputs(kg::loader::FormatExtraction(*data, format).c_str(), stdout);
    for (const auto& w : data->warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
    std::fprintf(stderr, "%zu sentences, %zu facts, %zu raw facts, %zu entities, %.1f ms\n",
                 data->sentences.size(), data->facts.size(), data->raw_facts.size(), data->entities.size(),
                 std::chrono::duration<double, std::milli>(t1 - t0).count());
    return 0;
  }
  std::string gold_text;
  if (!ReadFile(gold, &gold_text)) {
    std::fprintf(stderr, "cannot read %s\n", gold.c_str());
    return 1;
  }
  for (const auto& w : data->warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
  auto report = kg::loader::EvaluateAgainstGold(*data, gold_text);
  if (!report.ok()) {
    std::fprintf(stderr, "%s\n", report.status().ToString().c_str());
    return 1;
  }
  std::fputs(kg::loader::FormatEvalReport(*report).c_str(), stdout);
  return 0;
}
