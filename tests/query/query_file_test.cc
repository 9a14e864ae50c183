// Runs the data-driven query tests: every tests/queries/*.test file and the
// ```kg-test blocks of docs/query-language.md and of any other page of
// README.md and docs/ (so the reference's examples are executed). Format (see tests/queries/README.md):
//
//   data                      dataset lines until a blank line (test_dataset.h)
// Every case runs against an in-memory storage::MemorySource and an on-disk
// storage::Store holding the same data (EXPLAIN and "memory" cases: the
// in-memory source only), and through a cursor (query::OpenCursor) as well
// as whole (query::Execute): the two must agree row for row.
//
//   query [set] [hedged] [memory]
//                             query lines, then "----", then the expected
//                             header + rows (" | " between values) and
//                             "hint: …" lines, until a blank line; "set"
//                             compares rows ignoring order
//   error                     query lines, "----", the expected RenderError()
//                             output (message, position, source line, carets, hint)
//   explain                   query lines, "----", the expected plan lines
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kg/query_result.h"
#include "query/engine.h"
#include "query/query_cursor.h"
#include "storage/memory_source.h"
#include "storage/store.h"
#include "tests/query/test_dataset.h"
#include "tests/storage/test_util.h"

namespace kg::testing {
namespace {

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  std::string line;
  bool markdown = path.size() > 3 && path.substr(path.size() - 3) == ".md";
  bool inside = !markdown;
  size_t indent = 0;  // of the block's fence (a block inside a list item is indented)
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (markdown) {
      const size_t first = line.find_first_not_of(' ');
      const bool fence = first != std::string::npos && line.compare(first, 3, "```") == 0;
      if (!inside && fence && line.compare(first, 10, "```kg-test") == 0) {
        inside = true;
        indent = first;
        lines.push_back("");
        continue;
      }
      if (inside && fence) {
        inside = false;
        lines.push_back("");
        continue;
      }
      if (!inside) continue;
      line.erase(0, std::min(indent, first == std::string::npos ? line.size() : first));
    }
    lines.push_back(line);
  }
  lines.push_back("");
  return lines;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line);
  return out;
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

std::string RowText(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) out += (i ? " | " : "") + cells[i];
  return out;
}

// The rows of a result as the .test files write them, sorted when the case
// compares a set.
std::vector<std::string> RowLines(const QueryResult& result, bool set) {
  std::vector<std::string> rows;
  for (const auto& r : result.rows) {
    std::vector<std::string> cells;
    for (const Value& v : r) cells.push_back(Render(v));
    rows.push_back(RowText(cells));
  }
  if (set) std::sort(rows.begin(), rows.end());
  return rows;
}

// What a cursor over `query` hands out, gathered into a QueryResult; its
// error when it fails to open or its rows end with one.
Result<QueryResult> ViaCursor(const std::string& query, const storage::TripleSource& source,
                              const QueryOptions& options) {
  Result<std::unique_ptr<QueryCursor>> cursor = query::OpenCursor(query, source, options);
  if (!cursor.ok()) return cursor.status();
  QueryResult out;
  out.columns = (*cursor)->columns();
  out.plan = (*cursor)->plan();
  std::vector<Value> row;
  while ((*cursor)->Next(&row)) out.rows.push_back(row);
  if (!(*cursor)->status().ok()) return (*cursor)->status();
  out.hints = (*cursor)->hints();  // complete once the rows ended
  return out;
}

// Issue 12: the cursor gives exactly the answer of Execute — the same
// error, or the same columns, rows in the same order, hints and plan.
void ExpectSameAnswer(const Result<QueryResult>& whole, const Result<QueryResult>& streamed,
                      const std::string& query, const char* where) {
  ASSERT_EQ(whole.ok(), streamed.ok())
      << where << ": " << RenderError(whole.ok() ? streamed.status() : whole.status(), query);
  if (!whole.ok()) {
    EXPECT_EQ(RenderError(whole.status(), query), RenderError(streamed.status(), query)) << where;
    return;
  }
  EXPECT_EQ(whole->columns, streamed->columns) << where;
  EXPECT_EQ(RowLines(*whole, false), RowLines(*streamed, false)) << where;
  EXPECT_EQ(whole->hints, streamed->hints) << where;
  EXPECT_EQ(whole->plan, streamed->plan) << where;
}

// The same data in an on-disk store, so that every case runs against both
// sources (issue 12: they used to fold names differently).
class StoreMirror {
 public:
  bool Add(const std::string& line, std::string* error) { return builder_.AddDataLine(line, error); }
  // Writes the data added so far (articles replaced as a whole).
  void Sync() {
    if (store_ == nullptr) {
      auto opened = storage::Store::Open(dir_.path());
      ASSERT_TRUE(opened.ok()) << opened.status().ToString();
      store_ = std::move(opened).value();
    }
    WriteOptions replace;
    replace.replace = true;
    for (const ArticleData& a : builder_.Articles()) {
      auto report = store_->AddArticle(a, replace);
      ASSERT_TRUE(report.ok()) << a.name << ": " << report.status().ToString();
    }
  }
  const storage::Store* store() const { return store_.get(); }

 private:
  storage::testing::TempDir dir_;
  ArticleBuilder builder_;
  std::unique_ptr<storage::Store> store_;
};

class QueryFileTest : public ::testing::TestWithParam<std::string> {};

TEST_P(QueryFileTest, Runs) {
  const std::string path = GetParam();
  std::vector<std::string> lines = ReadLines(path);
  storage::MemorySource source;
  StoreMirror disk;
  size_t i = 0, cases = 0;
  while (i < lines.size()) {
    const std::string& line = lines[i];
    if (line.empty() || line[0] == '#') {
      ++i;
      continue;
    }
    std::vector<std::string> words = SplitWords(line);
    size_t start = i + 1;
    if (words[0] == "data") {
      for (i = start; i < lines.size() && !lines[i].empty(); ++i) {
        if (lines[i][0] == '#') continue;
        std::string err;
        ASSERT_TRUE(AddDataLine(lines[i], &source, &err)) << path << ":" << i + 1 << ": " << err;
        ASSERT_TRUE(disk.Add(lines[i], &err)) << path << ":" << i + 1 << ": " << err;
      }
      source.Finish();
      disk.Sync();
      continue;
    }
    ASSERT_TRUE(words[0] == "query" || words[0] == "error" || words[0] == "explain")
        << path << ":" << i + 1 << ": unknown directive '" << line << "'";
    bool set = std::find(words.begin(), words.end(), "set") != words.end();
    QueryOptions options;
    options.include_hedged = std::find(words.begin(), words.end(), "hedged") != words.end();
    std::vector<std::string> query_lines, expected;
    for (i = start; i < lines.size() && lines[i] != "----"; ++i) query_lines.push_back(lines[i]);
    ASSERT_LT(i, lines.size()) << path << ":" << start << ": missing ----";
    for (++i; i < lines.size() && !lines[i].empty(); ++i) expected.push_back(lines[i]);
    std::string query = Join(query_lines);
    query.pop_back();
    ++cases;
    SCOPED_TRACE(path + ":" + std::to_string(start) + ": " + query);
    Result<QueryResult> result = query::Execute(query, source, options);
    if (const char* print_path = std::getenv("KG_QUERY_TEST_PRINT")) {
      // Authoring aid: write what the engine returns to a file, to review by hand.
      FILE* out = std::fopen(print_path, "a");
      ASSERT_NE(out, nullptr);
      std::fprintf(out, "%s\n%s\n----\n", line.c_str(), query.c_str());
      if (!result.ok()) {
        std::fprintf(out, "%s\n", RenderError(result.status(), query).c_str());  // ends the case
      } else if (words[0] == "explain") {
        std::fprintf(out, "%s\n", result->plan.c_str());
      } else {
        std::fprintf(out, "%s\n", RowText(result->columns).c_str());
        for (const auto& r : result->rows) {
          std::vector<std::string> cells;
          for (const Value& v : r) cells.push_back(Render(v));
          std::fprintf(out, "%s\n", RowText(cells).c_str());
        }
        for (const std::string& h : result->hints) std::fprintf(out, "hint: %s\n", h.c_str());
        std::fprintf(out, "\n");
      }
      std::fclose(out);
    }
    // Plans (EXPLAIN) carry estimates from the source's statistics, so they
    // are compared on the in-memory source only.
    // "memory" marks a case that only the in-memory source can answer as
    // written (facts without an article).
    bool memory_only = std::find(words.begin(), words.end(), "memory") != words.end();
    Result<QueryResult> on_disk = words[0] == "explain" || memory_only || disk.store() == nullptr
                                      ? Result<QueryResult>(Status::NotFound("no store"))
                                      : query::Execute(query, *disk.store(), options);
    ExpectSameAnswer(result, ViaCursor(query, source, options), query, "cursor");
    if (words[0] != "explain" && !memory_only && disk.store() != nullptr)
      ExpectSameAnswer(on_disk, ViaCursor(query, *disk.store(), options), query, "cursor on the store");
    if (words[0] == "error") {
      ASSERT_FALSE(result.ok()) << "expected an error";
      std::vector<std::string> got = SplitLines(RenderError(result.status(), query));
      EXPECT_EQ(Join(expected), Join(got));
      if (disk.store() != nullptr && !memory_only) {
        ASSERT_FALSE(on_disk.ok()) << "expected an error on the store";
        EXPECT_EQ(Join(expected), Join(SplitLines(RenderError(on_disk.status(), query)))) << "on the store";
      }
      continue;
    }
    ASSERT_TRUE(result.ok()) << RenderError(result.status(), query);
    std::vector<std::string> got;
    if (words[0] == "explain") {
      got = SplitLines(result->plan);
      EXPECT_EQ(Join(expected), Join(got));
      continue;
    }
    got.push_back(RowText(result->columns));
    std::vector<std::string> rows;
    for (const auto& r : result->rows) {
      std::vector<std::string> cells;
      for (const Value& v : r) cells.push_back(Render(v));
      rows.push_back(RowText(cells));
    }
    std::vector<std::string> want_rows, want_hints;
    for (size_t k = 1; k < expected.size(); ++k) {
      if (expected[k].rfind("hint: ", 0) == 0) {
        want_hints.push_back(expected[k].substr(6));
      } else {
        want_rows.push_back(expected[k]);
      }
    }
    if (set) {
      std::sort(rows.begin(), rows.end());
      std::sort(want_rows.begin(), want_rows.end());
    }
    // The same query answered from in-memory pair tables (as a store does
    // for predicates in repeated use) must give the same rows.
    source.set_pair_tables(true);
    Result<QueryResult> tabled = query::Execute(query, source, options);
    source.set_pair_tables(false);
    ASSERT_TRUE(tabled.ok()) << RenderError(tabled.status(), query);
    std::vector<std::string> tabled_rows;
    for (const auto& r : tabled->rows) {
      std::vector<std::string> cells;
      for (const Value& v : r) cells.push_back(Render(v));
      tabled_rows.push_back(RowText(cells));
    }
    if (set) std::sort(tabled_rows.begin(), tabled_rows.end());
    EXPECT_EQ(Join(rows), Join(tabled_rows)) << "with pair tables";
    got.insert(got.end(), rows.begin(), rows.end());
    std::vector<std::string> want = {expected.empty() ? "" : expected[0]};
    want.insert(want.end(), want_rows.begin(), want_rows.end());
    EXPECT_EQ(Join(want), Join(got));
    EXPECT_EQ(Join(want_hints), Join(result->hints));
    if (disk.store() != nullptr && !memory_only) {
      ASSERT_TRUE(on_disk.ok()) << "on the store: " << RenderError(on_disk.status(), query);
      std::vector<std::string> disk_got = {RowText(on_disk->columns)};
      std::vector<std::string> disk_rows = RowLines(*on_disk, set);
      disk_got.insert(disk_got.end(), disk_rows.begin(), disk_rows.end());
      EXPECT_EQ(Join(want), Join(disk_got)) << "on the store";
      EXPECT_EQ(Join(want_hints), Join(on_disk->hints)) << "on the store";
    }
  }
  EXPECT_GT(cases, 0u) << path << " has no cases";
  std::printf("%s: %zu cases\n", path.c_str(), cases);
}

std::vector<std::string> TestFiles() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(KG_QUERY_TEST_DIR)) {
    if (e.path().extension() == ".test") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  // Every ```kg-test block of the documentation (docs/query-language.md
  // and any other page that has them; tests/docs/docs_examples_test.cc
  // checks that each block is run somewhere).
  const std::filesystem::path docs = std::filesystem::path(KG_QUERY_DOC).parent_path();
  std::vector<std::string> pages = {(docs.parent_path() / "README.md").string()};
  for (const auto& e : std::filesystem::directory_iterator(docs)) {
    if (e.path().extension() == ".md") pages.push_back(e.path().string());
  }
  std::sort(pages.begin() + 1, pages.end());
  for (const std::string& page : pages) {
    std::ifstream in(page);
    std::stringstream text;
    text << in.rdbuf();
    if (text.str().find("\n```kg-test") != std::string::npos) files.push_back(page);
  }
  return files;
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string stem = std::filesystem::path(info.param).stem().string();
  for (char& c : stem) {
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return stem;
}

INSTANTIATE_TEST_SUITE_P(Files, QueryFileTest, ::testing::ValuesIn(TestFiles()), TestName);

}  // namespace
}  // namespace kg::testing
