// kg-train: trains the syntax model (tagger, lemmatizer, parser) from a UD
// treebank and writes the model file. docs/syntax.md shows the command that
// reproduces models/en.kgm.
#include <chrono>
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
    "                [--tagger-epochs N] [--parser-epochs N] [--folds N] [--beam N] [--prune F] [--seed N]\n";

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
    else if (a == "--tagger-epochs") o.tagger_epochs = std::stoi(next());
    else if (a == "--parser-epochs") o.parser_epochs = std::stoi(next());
    else if (a == "--folds") o.jackknife_folds = std::stoi(next());
    else if (a == "--seed") o.seed = std::stoull(next());
    else if (a == "--beam") o.beam_width = std::stoi(next());
    else if (a == "--prune") o.prune = std::stof(next());
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
