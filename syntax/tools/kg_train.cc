// kg-train: trains the syntax model (tagger, lemmatizer, parser) from a UD
// treebank and writes the model file. docs/syntax.md shows the command that
// reproduces models/en.kgm.
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "syntax/conllu.h"
#include "syntax/evaluate.h"
#include "syntax/trainer.h"

namespace {

const char kUsage[] =
    "usage: kg-train --train TRAIN.conllu [--dev DEV.conllu] --out MODEL.kgm\n"
    "                [--tagger-epochs N] [--parser-epochs N] [--folds N] [--beam N] [--decode-beam N]\n"
    "                [--prune F] [--seed N]\n";

kg::Result<std::vector<kg::syntax::Sentence>> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return kg::Status::NotFound("cannot open '" + path + "'");
  std::ostringstream ss;
  ss << in.rdbuf();
  std::vector<std::string> warnings;
  auto r = kg::syntax::ReadConllu(ss.str(), &warnings);
  for (const auto& w : warnings) std::cerr << "kg-train: " << path << ": " << w << "\n";
  if (!r.ok()) return kg::Status::InvalidArgument(path + ": " + r.status().message());
  return r;
}

// A whole non-negative number (or -1 when the text is not one).
long ParseCount(const std::string& text) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) return -1;
  return std::stol(text);
}

}  // namespace

int main(int argc, char** argv) {
  std::string train_path, dev_path, out_path;
  kg::syntax::TrainOptions o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--train") train_path = next();
    else if (a == "--dev") dev_path = next();
    else if (a == "--out") out_path = next();
    else if (a == "--tagger-epochs" || a == "--parser-epochs" || a == "--folds" || a == "--seed" ||
             a == "--beam" || a == "--decode-beam" || a == "--prune") {
      std::string value = next();
      long n = ParseCount(value);
      if (a == "--prune") {
        char* end = nullptr;
        double f = std::strtod(value.c_str(), &end);
        if (value.empty() || *end != '\0' || !(f >= 0 && f < 1)) n = -1;
        else o.prune = static_cast<float>(f);
      }
      bool positive = a != "--folds" && a != "--seed" && a != "--prune";
      if (n < 0 || (positive && n == 0)) {
        std::cerr << "kg-train: " << a << " needs a " << (a == "--prune" ? "fraction in [0, 1)" : positive ? "positive whole number" : "whole number")
                  << ", not '" << value << "'\n" << kUsage;
        return 2;
      }
      if (a == "--tagger-epochs") o.tagger_epochs = static_cast<int>(n);
      else if (a == "--parser-epochs") o.parser_epochs = static_cast<int>(n);
      else if (a == "--folds") o.jackknife_folds = static_cast<int>(n);
      else if (a == "--seed") o.seed = static_cast<uint64_t>(n);
      else if (a == "--beam") o.beam_width = static_cast<int>(n);
      else if (a == "--decode-beam") o.decode_beam_width = static_cast<int>(n);
    }
    else if (a == "--help" || a == "-h") { std::cout << kUsage; return 0; }
    else { std::cerr << "kg-train: unknown argument '" << a << "'\n" << kUsage; return 2; }
  }
  if (train_path.empty() || out_path.empty()) { std::cerr << kUsage; return 2; }
  auto start = std::chrono::steady_clock::now();
  auto train = ReadFile(train_path);
  if (!train.ok()) { std::cerr << "kg-train: " << train.status().message() << "\n"; return 1; }
  std::vector<kg::syntax::Sentence> dev;
  if (!dev_path.empty()) {
    auto d = ReadFile(dev_path);
    if (!d.ok()) { std::cerr << "kg-train: " << d.status().message() << "\n"; return 1; }
    dev = std::move(d).value();
  }
  o.log = [](const std::string& line) { std::cerr << line << std::endl; };
  auto model = kg::syntax::TrainModel(train.value(), dev, o);
  if (!model.ok()) { std::cerr << "kg-train: " << model.status().message() << "\n"; return 1; }
  auto st = model.value().SaveFile(out_path);
  if (!st.ok()) { std::cerr << "kg-train: " << st.message() << "\n"; return 1; }
  const auto& m = model.value();
  std::cerr << fmt::format("kg-train: tagger {} features / {} weights, parser {} features / {} weights\n",
                           m.tagger().model().num_features(), m.tagger().model().num_weights(),
                           m.parser().model().num_features(), m.parser().model().num_weights());
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << fmt::format("kg-train: wrote {} in {:.0f} s\n", out_path, secs);
  return 0;
}
