#include "cli/eval_command.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "cli/commands.h"
#include "loader/eval.h"
#include "loader/loader.h"

namespace kg::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kGoldSuffix = ".gold.tsv";

struct ArticleScore {
  std::string name;
  loader::EvalReport report;
};

bool ReadText(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buf;
  buf << in.rdbuf();
  *out = buf.str();
  return !in.bad();
}

// Extracts `txt` and scores it against `gold`; prints the error and returns
// false on failure.
bool Score(const std::string& txt, const std::string& gold, loader::EvalReport* report) {
  std::string gold_text, text;
  if (!ReadText(gold, &gold_text)) {
    std::cerr << "error: cannot read '" << gold << "'\n";
    return false;
  }
  if (!ReadText(txt, &text)) {
    std::cerr << "error: cannot read '" << txt << "'\n";
    return false;
  }
  auto data = loader::ExtractArticle(ArticleNameForFile(txt), text);
  if (!data.ok()) {
    std::cerr << "error: " << txt << ": " << data.status().message() << '\n';
    return false;
  }
  auto r = loader::EvaluateAgainstGold(*data, gold_text);
  if (!r.ok()) {
    std::cerr << "error: " << gold << ": " << r.status().message() << '\n';
    return false;
  }
  *report = std::move(*r);
  return true;
}

double Ratio(size_t a, size_t b) { return b == 0 ? 0 : static_cast<double>(a) / static_cast<double>(b); }

std::string Row(const std::string& name, size_t width, size_t gold, size_t found, size_t facts,
                size_t matched, bool tsv) {
  char buf[512];
  if (tsv) {
    std::snprintf(buf, sizeof buf, "%s\t%zu\t%zu\t%.3f\t%zu\t%zu\t%.3f\n", name.c_str(), gold, found,
                  Ratio(found, gold), facts, matched, Ratio(matched, facts));
  } else {
    std::snprintf(buf, sizeof buf, "%-*s %5zu %6zu %7.3f %6zu %8zu %10.3f\n", static_cast<int>(width),
                  name.c_str(), gold, found, Ratio(found, gold), facts, matched, Ratio(matched, facts));
  }
  return buf;
}

std::string FormatScores(const std::vector<ArticleScore>& scores, bool tsv) {
  size_t width = 7;
  for (const auto& s : scores) width = std::max(width, s.name.size());
  const std::string total_name = "total (" + std::to_string(scores.size()) + " articles)";
  width = std::max(width, total_name.size());
  std::string out;
  if (tsv) {
    out = "article\tgold\tfound\trecall\tfacts\tmatched\tprecision\n";
  } else {
    char buf[256];
    std::snprintf(buf, sizeof buf, "%-*s %5s %6s %7s %6s %8s %10s\n", static_cast<int>(width), "article",
                  "gold", "found", "recall", "facts", "matched", "precision");
    out = buf;
  }
  size_t gold = 0, found = 0, facts = 0, matched = 0;
  for (const auto& s : scores) {
    const auto& r = s.report;
    out += Row(s.name, width, r.gold, r.gold_matched, r.extracted, r.extracted_matched, tsv);
    gold += r.gold;
    found += r.gold_matched;
    facts += r.extracted;
    matched += r.extracted_matched;
  }
  // Micro average: every gold fact (and every extracted fact) counts once,
  // so long articles weigh more, as in the "22 of 261".
  out += Row(tsv ? "TOTAL" : total_name, width, gold, found, facts, matched, tsv);
  return out;
}

std::string FormatMisses(const std::vector<ArticleScore>& scores, bool tsv) {
  std::string out = tsv ? "article\tsubject\tpredicate\tobject\tevidence\n" : "";
  for (const auto& s : scores) {
    const auto& r = s.report;
    if (!tsv) {
      out += "\nmissed in " + s.name + " (" + std::to_string(r.missed.size()) + " of " +
             std::to_string(r.gold) + "):\n";
    }
    for (size_t i = 0; i < r.missed.size(); ++i) {
      const std::string& evidence = r.missed_evidence[i];
      if (tsv) {
        std::string row = r.missed[i];
        for (size_t p; (p = row.find("  ")) != std::string::npos;) row.replace(p, 2, "\t");
        out += s.name + "\t" + row + "\t" + evidence + "\n";
      } else {
        out += "  " + r.missed[i] + "\n";
        if (!evidence.empty()) out += "      " + evidence + "\n";
      }
    }
  }
  return out;
}

int RunDirectory(const EvalArgs& args) {
  std::error_code ec;
  std::vector<std::string> texts;
  for (const auto& entry : fs::directory_iterator(args.path, ec)) {
    if (entry.path().extension() == ".txt" && entry.is_regular_file(ec))
      texts.push_back(entry.path().string());
  }
  if (ec) {
    std::cerr << "error: cannot list '" << args.path << "': " << ec.message() << '\n';
    return kExitUserError;
  }
  std::sort(texts.begin(), texts.end());
  std::vector<ArticleScore> scores;
  for (const auto& txt : texts) {
    const std::string name = fs::path(txt).stem().string();
    const std::string gold = (fs::path(txt).parent_path() / (name + std::string(kGoldSuffix))).string();
    if (!fs::exists(gold, ec)) {
      std::cerr << "note: " << name << ".txt has no " << name << kGoldSuffix << "; skipped\n";
      continue;
    }
    ArticleScore s{name, {}};
    if (!Score(txt, gold, &s.report)) return kExitUserError;
    scores.push_back(std::move(s));
  }
  if (scores.empty()) {
    std::cerr << "error: no article in '" << args.path << "' has gold facts\n"
              << "hint: kg eval DIR scores each NAME.txt that has a NAME.gold.tsv beside it\n";
    return kExitUserError;
  }
  const bool tsv = args.format == "tsv";
  if (tsv && args.misses) {
    std::cout << FormatMisses(scores, true);
  } else {
    std::cout << FormatScores(scores, tsv);
    if (args.misses) std::cout << FormatMisses(scores, false);
  }
  return kExitOk;
}

}  // namespace

int RunEval(const EvalArgs& args) {
  std::error_code ec;
  const bool is_dir = fs::is_directory(args.path, ec);
  if (!is_dir && !fs::exists(args.path, ec)) {
    std::cerr << "error: '" << args.path << "' does not exist\n"
              << "hint: kg eval DIR, or kg eval --gold FACTS.tsv ARTICLE.txt\n";
    return kExitUserError;
  }
  if (is_dir) {
    if (!args.gold.empty()) {
      std::cerr << "error: --gold takes one article, but '" << args.path << "' is a directory\n"
                << "hint: kg eval DIR reads NAME.gold.tsv beside each NAME.txt\n";
      return kExitUsage;
    }
    return RunDirectory(args);
  }
  if (args.gold.empty()) {
    std::cerr << "error: --gold is required to score one article\n"
              << "hint: kg eval --gold FACTS.tsv ARTICLE.txt, or kg eval DIR\n";
    return kExitUsage;
  }
  if (args.misses || args.format != "text") {
    std::cerr << "error: --misses and --format work with a directory\n"
              << "hint: the one-article report already lists missed facts\n";
    return kExitUsage;
  }
  loader::EvalReport report;
  if (!Score(args.path, args.gold, &report)) return kExitUserError;
  std::cout << loader::FormatEvalReport(report);
  return kExitOk;
}

}  // namespace kg::cli
