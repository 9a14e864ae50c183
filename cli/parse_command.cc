#include "cli/parse_command.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "kg/syntax.h"
#include "syntax/evaluate.h"

namespace kg::cli {
namespace {

constexpr const char* kInputHint = "kg parse takes a UTF-8 text file, or - for standard input";
constexpr const char* kUtf8Hint = "convert the file to UTF-8, e.g. `iconv -f latin1 -t utf-8 FILE`";

// The whole of `path` ("-": standard input).
Result<std::string> ReadInput(const std::string& path, std::istream& in) {
  std::ostringstream buf;
  if (path == "-") {
    buf << in.rdbuf();
    return buf.str();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return Status::InvalidArgument("'" + path + "' is a directory, not a file");
  std::ifstream file(path, std::ios::binary);
  if (!file) return Status::NotFound("cannot read '" + path + "': " + std::strerror(errno));
  buf << file.rdbuf();
  if (file.bad()) return Status::IOError("error reading '" + path + "'");
  return buf.str();
}

// Prints `status` with `hint` unless it carries its own.
void Fail(Status status, const std::string& hint) {
  if (status.hint().empty() && !hint.empty()) status.WithHint(hint);
  PrintError(status);
}

std::shared_ptr<const SyntaxModel> LoadModel(const std::string& path) {
  auto model = SyntaxModel::Load(path);
  if (!model.ok()) {
    PrintError(model.status());
    return nullptr;
  }
  return *model;
}

// "file.txt: " before messages about an input, so the user knows which.
Status Prefixed(const Status& s, const std::string& path) {
  Status out(s.code(), (path == "-" ? std::string("standard input") : path) + ": " + s.message());
  out.WithHint(s.hint());
  return out;
}

int ParseTextInput(const SyntaxModel& model, const std::string& path, const std::string& text,
                   std::ostream& out) {
  auto sentences = model.ParseText(text);
  if (!sentences.ok()) {
    // Only the invalid-UTF-8 error carries a span (line and column).
    Fail(Prefixed(sentences.status(), path), sentences.status().span() ? kUtf8Hint : kInputHint);
    return kExitUserError;
  }
  size_t id = 0;
  for (SyntaxSentence& s : *sentences) s.comments.push_back("sent_id = " + std::to_string(++id));
  out << WriteConllu(*sentences);
  return kExitOk;
}

int ParseConlluInput(const SyntaxModel& model, const std::string& path, const std::string& text,
                     std::ostream& out) {
  auto sentences = ReadConllu(text);
  if (!sentences.ok()) {
    Fail(Prefixed(sentences.status(), path),
         "--conllu takes CoNLL-U: one word per line, 10 tab-separated columns");
    return kExitUserError;
  }
  if (sentences->empty()) {
    Fail(Prefixed(Status::InvalidArgument("empty input: no sentences"), path),
         "--conllu takes CoNLL-U with at least one sentence");
    return kExitUserError;
  }
  for (SyntaxSentence& s : *sentences) model.Annotate(s);
  out << WriteConllu(*sentences);
  return kExitOk;
}

syntax::Sentence ForScoring(const SyntaxSentence& s) {
  syntax::Sentence out;
  for (const SyntaxWord& w : s.words) {
    out.words.push_back(syntax::Word{.form = w.form,
                                     .lemma = w.lemma,
                                     .upos = w.upos,
                                     .xpos = w.xpos,
                                     .head = w.head,
                                     .deprel = w.deprel});
  }
  return out;
}

void PrintScores(const syntax::Scores& sc, double seconds, std::ostream& out) {
  auto line = [&out](const char* name, double value, const char* note) {
    char buf[96];
    std::snprintf(buf, sizeof(buf), "%-9s %6.2f%%%s\n", name, value, note);
    out << buf;
  };
  line("UPOS", sc.Percent(sc.upos), "");
  line("XPOS", sc.Percent(sc.xpos), "");
  line("lemma", sc.Percent(sc.lemma), "");
  line("UAS", sc.Percent(sc.uas), "");
  line("LAS", sc.Percent(sc.las), "   universal relations (CoNLL 2018)");
  line("LAS full", sc.Percent(sc.las_full), "   relations with subtypes");
  const double speed = seconds > 0 ? static_cast<double>(sc.words) / seconds : 0;
  char buf[128];
  std::snprintf(buf, sizeof(buf), "words     %zu\nspeed     %.0f words/s (tagging and parsing, %.2f s)\n",
                sc.words, speed, seconds);
  out << buf;
}

int Evaluate(const SyntaxModel& model, const std::string& path, const std::string& text, std::ostream& out) {
  auto gold = ReadConllu(text);
  if (!gold.ok()) {
    Fail(Prefixed(gold.status(), path), "--eval takes a gold treebank in CoNLL-U");
    return kExitUserError;
  }
  if (gold->empty()) {
    Fail(Prefixed(Status::InvalidArgument("empty input: no sentences"), path),
         "--eval takes a gold treebank in CoNLL-U");
    return kExitUserError;
  }
  std::vector<SyntaxSentence> system = *gold;
  for (SyntaxSentence& s : system) {
    for (SyntaxWord& w : s.words) w = SyntaxWord{.form = w.form};  // nothing of the gold answer is seen
  }
  // One sentence first, untimed: the first call opens WordNet for the
  // lemmatizer, a one-off cost like loading the model.
  SyntaxSentence warm_up = system.front();
  model.Annotate(warm_up);
  const auto start = std::chrono::steady_clock::now();
  for (SyntaxSentence& s : system) model.Annotate(s);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::vector<syntax::Sentence> g, p;
  for (size_t i = 0; i < gold->size(); ++i) {
    g.push_back(ForScoring((*gold)[i]));
    p.push_back(ForScoring(system[i]));
  }
  auto scores = syntax::Evaluate(g, p);
  if (!scores.ok()) {
    PrintError(scores.status());
    return kExitUserError;
  }
  PrintScores(*scores, seconds, out);
  return kExitOk;
}

}  // namespace

int RunParse(const ParseArgs& args, std::istream& in, std::ostream& out) {
  if (args.input.empty() == args.eval.empty()) {
    std::cerr << "error: "
              << (args.input.empty() ? "give a FILE to parse (or - for standard input), or --eval GOLD"
                                     : "--eval scores the model on its gold file; give no FILE with it")
              << "\nhint: see `kg parse --help` for the usage and examples\n";
    return kExitUsage;
  }
  const std::string& path = args.eval.empty() ? args.input : args.eval;
  auto text = ReadInput(path, in);
  if (!text.ok()) {
    Fail(text.status(), args.eval.empty() ? kInputHint : "--eval takes a gold treebank in CoNLL-U");
    return kExitUserError;
  }
  std::shared_ptr<const SyntaxModel> model = LoadModel(args.model);
  if (model == nullptr) return kExitUserError;
  if (!args.eval.empty()) return Evaluate(*model, path, *text, out);
  return args.conllu ? ParseConlluInput(*model, path, *text, out) : ParseTextInput(*model, path, *text, out);
}

}  // namespace kg::cli
