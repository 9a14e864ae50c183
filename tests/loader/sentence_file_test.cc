// Runs the data-driven loader tests: every tests/loader/sentences/*.test
// file, one GoogleTest case per file. Each case is a short article given to
// ExtractArticle, followed by facts that must (+, =) or must not (-) come
// out. Format: tests/loader/sentences/README.md.
//
// `+` and `-` match like `kg eval` (the key-fact matcher, loader/eval.h), so
// expectations read like key facts and survive harmless wording changes;
// `=` compares the printed form exactly, for when the wording is the point.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "loader/eval.h"
#include "loader/extract_format.h"
#include "loader/loader.h"
#include "syntax/model_registry.h"

namespace kg::loader {
namespace {

struct Term {
  std::string text;     // without quotes
  bool quoted = false;  // written "…": a literal in the gold-list sense
};

struct Expectation {
  size_t line = 0;
  // '+' must match, '-' must not match, '=' must match exactly, '!' must not
  // match an asserted fact (hedged ones may), '*' must match an asserted fact
  char kind = '+';
  std::string written;
  Term subject, predicate, object;
};

struct Case {
  size_t line = 0;
  std::string name;
  std::string title = "Test article";
  std::vector<std::string> body;
  std::vector<Expectation> expectations;
};

struct ParseError {
  size_t line = 0;
  std::string what;
};

bool Fail(ParseError* err, size_t line, std::string what) {
  *err = {line, std::move(what)};
  return false;
}

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // A line of spaces counts as blank, so it ends a block as it looks like it does.
    if (line.find_first_not_of(" \t") == std::string::npos) line.clear();
    lines.push_back(line);
  }
  return lines;
}

// Splits `s` into bare words and "double-quoted strings" (no escapes, no
// tabs: a value must fit in one gold-list column). "" on success.
std::string SplitValues(const std::string& s, std::vector<Term>* out) {
  size_t i = 0;
  while (true) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i == s.size()) return "";
    Term v;
    if (s[i] == '"') {
      const size_t close = s.find('"', i + 1);
      if (close == std::string::npos) return "unterminated quote";
      v = {s.substr(i + 1, close - i - 1), true};
      i = close + 1;
      if (i < s.size() && s[i] != ' ') return "text right after a closing quote";
    } else {
      const size_t end = std::min(s.find(' ', i), s.size());
      v.text = s.substr(i, end - i);
      if (v.text.find('"') != std::string::npos) return "quote inside a bare word";
      i = end;
    }
    if (v.text.empty() || v.text.find('\t') != std::string::npos) return "empty value or tab in a value";
    out->push_back(std::move(v));
  }
}

std::string ParseExpectation(const std::string& line, Expectation* e) {
  std::vector<Term> values;
  if (line.size() < 2 || line[1] != ' ') return "expected a space after '" + line.substr(0, 1) + "'";
  if (std::string err = SplitValues(line.substr(2), &values); !err.empty()) return err;
  if (values.size() != 3) return "expected SUBJECT PREDICATE OBJECT, got " + std::to_string(values.size());
  if (values[1].quoted) return "the predicate must be a bare word";
  // kg eval would read an unquoted "#…" subject as a comment line.
  if (values[0].text[0] == '#' && !values[0].quoted) return "quote a subject starting with #";
  e->kind = line[0];
  e->written = line;
  e->subject = values[0], e->predicate = values[1], e->object = values[2];
  return "";
}

// "case NAME" and the optional "title:" line; leaves *i at the article text.
bool ParseHead(const std::vector<std::string>& lines, size_t* i, Case* c, ParseError* err) {
  std::istringstream head(lines[*i]);
  std::string word, extra;
  head >> word >> c->name >> extra;
  c->line = ++*i;
  if (word != "case" || c->name.empty() || !extra.empty()) {
    return Fail(err, c->line, "expected 'case NAME', got '" + lines[c->line - 1] + "'");
  }
  if (*i < lines.size() && lines[*i].rfind("title:", 0) == 0) {
    c->title = lines[(*i)++].substr(6);
    c->title.erase(0, c->title.find_first_not_of(' '));
    if (c->title.empty()) return Fail(err, *i, "empty title");
  }
  return true;
}

// The article text up to "----"; a blank line or the end of the file before
// it means the separator is missing (blocks end at blank lines).
bool ParseBody(const std::vector<std::string>& lines, size_t* i, Case* c, ParseError* err) {
  for (; *i < lines.size() && !lines[*i].empty() && lines[*i] != "----"; ++*i) c->body.push_back(lines[*i]);
  if (*i == lines.size() || lines[*i] != "----") {
    const std::string at =
        *i == lines.size() ? "the end of the file" : "the blank line " + std::to_string(*i + 1);
    return Fail(err, c->line, "case '" + c->name + "': no '----' line before " + at);
  }
  if (c->body.empty()) return Fail(err, *i + 1, "case '" + c->name + "' has no article text before '----'");
  ++*i;
  return true;
}

// The +/-/= lines up to a blank line or the end of the file.
bool ParseExpectations(const std::vector<std::string>& lines, size_t* i, Case* c, ParseError* err) {
  for (; *i < lines.size() && !lines[*i].empty(); ++*i) {
    const std::string& l = lines[*i];
    if (l[0] == '#') continue;
    Expectation e;
    e.line = *i + 1;
    const bool known = l[0] == '+' || l[0] == '-' || l[0] == '=' || l[0] == '!' || l[0] == '*';
    const std::string what = known ? ParseExpectation(l, &e) : "unknown line (expected +, -, =, ! or *)";
    if (!what.empty()) return Fail(err, *i + 1, what + ": '" + l + "'");
    c->expectations.push_back(std::move(e));
  }
  if (c->expectations.empty()) return Fail(err, c->line, "case '" + c->name + "' has no expectations");
  return true;
}

bool ParseFile(const std::vector<std::string>& lines, std::vector<Case>* cases, ParseError* err) {
  std::set<std::string> names;
  for (size_t i = 0; i < lines.size();) {
    if (lines[i].empty() || lines[i][0] == '#') {
      ++i;
      continue;
    }
    Case c;
    if (!ParseHead(lines, &i, &c, err) || !ParseBody(lines, &i, &c, err) ||
        !ParseExpectations(lines, &i, &c, err)) {
      return false;
    }
    if (!names.insert(c.name).second) return Fail(err, c.line, "duplicate case name '" + c.name + "'");
    cases->push_back(std::move(c));
  }
  return !cases->empty() || Fail(err, 1, "no cases");
}

// The article as `kg extract` would read it from a file: a "title:" header
// (recognized whatever the title's punctuation, unlike a bare first line),
// a blank line, then the body.
std::string ArticleText(const Case& c) {
  std::string text = "title: " + c.title + "\n\n";
  for (const std::string& l : c.body) text += l + "\n";
  return text;
}

std::string GoldColumn(const Term& v) { return v.quoted ? "\"" + v.text + "\"" : v.text; }

// Asks the `kg eval` scorer itself, with a one-fact gold list; the header
// line keeps a subject named "subject" from being taken for one.
bool KeyFactFound(const ArticleData& data, const Expectation& e) {
  const std::string gold = "subject\tpredicate\tobject\n" + GoldColumn(e.subject) + "\t" + e.predicate.text +
                           "\t" + GoldColumn(e.object) + "\n";
  Result<EvalReport> report = EvaluateAgainstGold(data, gold);
  return report.ok() && report->gold_matched == 1;
}

std::string Fold(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Compares with the first three columns `kg extract --format tsv` prints, so
// `=` lines can be copied from its output (the header row never matches).
bool ExactFactFound(const std::string& tsv, const Expectation& e) {
  const std::string want = Fold(e.subject.text + "\t" + e.predicate.text + "\t" + e.object.text + "\t");
  std::istringstream rows(tsv);
  for (std::string row; std::getline(rows, row);) {
    if (Fold(row).rfind(want, 0) == 0) return true;
  }
  return false;
}

void CheckCase(const std::string& path, const Case& c) {
  Result<ArticleData> data = ExtractArticle(c.name, ArticleText(c));
  if (!data.ok()) {
    ADD_FAILURE_AT(path.c_str(), static_cast<int>(c.line))
        << "case '" << c.name << "': the loader failed: " << data.status().ToString();
    return;
  }
  const std::string tsv = FormatExtraction(*data, "tsv");
  for (const Expectation& e : c.expectations) {
    bool found = false;
    if (e.kind == '=') {
      found = ExactFactFound(tsv, e);
    } else if (e.kind == '!' || e.kind == '*') {
      ArticleData asserted = *data;
      std::erase_if(asserted.facts, [](const Fact& f) { return f.modality != Modality::kAsserted; });
      found = KeyFactFound(asserted, e);
    } else {
      found = KeyFactFound(*data, e);
    }
    if (found == (e.kind == '+' || e.kind == '=' || e.kind == '*')) continue;
    std::string warnings;
    for (const std::string& w : data->warnings) warnings += "warning: " + w + "\n";
    ADD_FAILURE_AT(path.c_str(), static_cast<int>(e.line))
        << "case '" << c.name << "': " << (found ? "unwanted fact extracted" : "expected fact not extracted")
        << "\n  " << e.written << "\nfacts extracted (kg extract --format tsv):\n"
        << tsv << warnings;
  }
}

class SentenceFileTest : public ::testing::TestWithParam<std::string> {};

TEST_P(SentenceFileTest, Runs) {
  // The expectations were written against the trained parser; without it
  // they would fail confusingly, so say why at once.
  auto model = syntax::LoadDefaultModel();
  ASSERT_TRUE(model.ok()) << model.status().ToString() << " " << model.status().hint();
  const std::string path = GetParam();
  std::vector<Case> cases;
  ParseError err;
  if (!ParseFile(ReadLines(path), &cases, &err)) {
    ADD_FAILURE_AT(path.c_str(), static_cast<int>(err.line)) << "malformed test file: " << err.what;
    return;
  }
  for (const Case& c : cases) CheckCase(path, c);
  std::printf("%s: %zu cases\n", path.c_str(), cases.size());
}

std::vector<std::string> TestFiles() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(KG_LOADER_SENTENCES_DIR)) {
    if (e.path().extension() == ".test") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string stem = std::filesystem::path(info.param).stem().string();
  for (char& c : stem) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return stem;
}

INSTANTIATE_TEST_SUITE_P(Files, SentenceFileTest, ::testing::ValuesIn(TestFiles()), TestName);

}  // namespace
}  // namespace kg::loader
