// Runs the examples of README.md and docs/*.md, so the documentation cannot
// drift from what kg does (issue 13). Every fenced block says what it is on
// the line right before its opening fence; a block that says nothing fails
// the test:
//
//   ```kg-test                       query-engine cases with their own data,
//                                    run by tests/query/query_file_test.cc
//   <!-- doc-test: run -->           a session: `$ command` lines, each
//                                    followed by the output it prints
//                                    (stdout and stderr together)
//   <!-- doc-test: queries -->       one query per line (indented lines
//                                    continue it, `#` starts a comment): each
//                                    runs on the shipped articles without an
//                                    error or an unknown name and returns rows
//   <!-- doc-test: commands -->      shell lines run in order; all must succeed
//   <!-- doc-test: skip: REASON -->  not runnable (a synopsis, a diagram, C++
//                                    code, a benchmark run); REASON is required
//
// `requires=PATH` after run/queries/commands skips the block, with a note,
// when PATH (relative to the session's directory) does not exist — data
// outside the repository such as ../shared/data/news-dev.
//
// Each block runs in a directory of its own, holding `data/` (the shipped
// articles), the files of tests/docs/files/ (deal-a.txt, mydir/, …),
// `build/kg`, `kg` on PATH, and `kg.db` with data/*.txt loaded (KG_DB), so
// examples are written as a user types them from the source tree;
// `../shared` is the source tree's `../shared`. Expected output matches
// line by line, trailing spaces and trailing blank lines ignored; `…` within
// a line matches any text, and a line that is only `…` any number of lines.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/subprocess.h"

namespace kg::cli::testing {
namespace {

namespace fs = std::filesystem;

const char kEllipsis[] = "\xE2\x80\xA6";  // …

struct Block {
  int line = 0;        // of the opening fence, 1-based
  std::string info;    // the fence's info string
  std::string marker;  // the doc-test comment's text after "doc-test:", trimmed; "" if none
  std::vector<std::string> body;
};

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

std::string TrimRight(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.pop_back();
  return s;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The fenced blocks of a Markdown file, with the doc-test marker of the line
// before each.
std::vector<Block> ReadBlocks(const std::string& path) {
  std::vector<std::string> lines = Lines(ReadFileOrEmpty(path));
  std::vector<Block> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    size_t indent = l.find_first_not_of(' ');
    if (indent == std::string::npos || l.compare(indent, 3, "```") != 0) continue;
    Block b;
    b.line = static_cast<int>(i + 1);
    b.info = Trim(l.substr(indent + 3));
    if (i > 0) {
      std::string prev = Trim(lines[i - 1]);
      const std::string open = "<!-- doc-test:";
      if (prev.rfind(open, 0) == 0 && prev.size() >= open.size() + 3 &&
          prev.compare(prev.size() - 3, 3, "-->") == 0) {
        b.marker = Trim(prev.substr(open.size(), prev.size() - open.size() - 3));
      }
    }
    size_t j = i + 1;
    for (; j < lines.size(); ++j) {
      size_t ind = lines[j].find_first_not_of(' ');
      if (ind != std::string::npos && lines[j].compare(ind, 3, "```") == 0 && Trim(lines[j]) == "```") break;
      std::string body = lines[j];
      size_t strip =
          std::min(indent, body.find_first_not_of(' ') == std::string::npos ? body.size()
                                                                            : body.find_first_not_of(' '));
      b.body.push_back(body.substr(strip));
    }
    i = j;
    out.push_back(std::move(b));
  }
  return out;
}

// `text` matches `pattern` where each … in the pattern stands for any text.
bool GlobMatch(std::string_view pattern, std::string_view text) {
  size_t star = pattern.find(kEllipsis);
  if (star == std::string_view::npos) return pattern == text;
  std::string_view head = pattern.substr(0, star), rest = pattern.substr(star + 3);
  if (text.substr(0, head.size()) != head) return false;
  for (size_t k = head.size(); k <= text.size(); ++k) {
    if (GlobMatch(rest, text.substr(k))) return true;
  }
  return false;
}

// Expected lines against actual lines: a line `…` matches any run of lines.
bool LinesMatch(const std::vector<std::string>& want, size_t w, const std::vector<std::string>& got,
                size_t g) {
  if (w == want.size()) return g == got.size();
  if (want[w] == kEllipsis) {
    for (size_t k = g; k <= got.size(); ++k) {
      if (LinesMatch(want, w + 1, got, k)) return true;
    }
    return false;
  }
  return g < got.size() && GlobMatch(want[w], got[g]) && LinesMatch(want, w + 1, got, g + 1);
}

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// The directory a block runs in (see the top of the file).
class Sandbox {
 public:
  // `base_db`: a loaded database to copy as kg.db; empty for none.
  explicit Sandbox(const std::string& base_db) {
    src_ = dir_.File("src");
    fs::create_directories(src_ + "/build");
    fs::create_directories(dir_.File("bin"));
    WriteKg(dir_.File("bin/kg"));
    WriteKg(src_ + "/build/kg");
    fs::create_directory_symlink(SourceDir() + "/data", src_ + "/data");
    fs::path shared = fs::path(SourceDir()).parent_path() / "shared";
    std::error_code ec;
    if (fs::exists(shared, ec)) fs::create_directory_symlink(shared, dir_.File("shared"));
    fs::copy(SourceDir() + "/tests/docs/files", src_, fs::copy_options::recursive);
    if (!base_db.empty()) fs::copy(base_db, src_ + "/kg.db", fs::copy_options::recursive);
  }
  const std::string& src() const { return src_; }

  // Runs `script` with bash in src/, stdout and stderr together; the paths
  // of this sandbox are shown relative.
  RunResult Bash(const std::string& script) const {
    std::string path = dir_.Write("script.sh", "cd '" + src_ + "' || exit 99\nexec 2>&1\n" + script);
    const char* old_path = std::getenv("PATH");
    RunResult r = Run("/bin/bash", {path}, "",
                      {{"PATH", dir_.File("bin") + ":" + (old_path ? old_path : "/usr/bin:/bin")},
                       {"KG_DB", "kg.db"},
                       {"HOME", dir_.path()},
                       {"KG_SYNTAX_MODEL", ""}},
                      300);
    for (const std::string& prefix : {src_ + "/", dir_.path() + "/"}) {
      for (size_t at; (at = r.out.find(prefix)) != std::string::npos;) r.out.erase(at, prefix.size());
    }
    return r;
  }

 private:
  static void WriteKg(const std::string& path) {
    std::ofstream(path) << "#!/bin/sh\nexec '" << KgBinary() << "' \"$@\"\n";
    fs::permissions(path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
  }

  TempDir dir_;
  std::string src_;
};

// A session block as (command, expected output lines) pairs. A command
// continues on the next line while a quote is open or the line ends with '\'.
struct Step {
  int line;
  std::string command;
  std::vector<std::string> expected;
};

std::vector<Step> ParseSession(const Block& b, std::string* error) {
  std::vector<Step> steps;
  for (size_t i = 0; i < b.body.size(); ++i) {
    const std::string& l = b.body[i];
    if (l.rfind("$ ", 0) == 0) {
      Step s{b.line + 1 + static_cast<int>(i), l.substr(2), {}};
      auto open = [](const std::string& cmd) {
        char quote = 0;
        for (char c : cmd) {
          if (quote == 0 && (c == '\'' || c == '"')) {
            quote = c;
          } else if (c == quote) {
            quote = 0;
          }
        }
        return quote != 0 || (!cmd.empty() && cmd.back() == '\\');
      };
      while (open(s.command) && i + 1 < b.body.size()) s.command += "\n" + b.body[++i];
      steps.push_back(std::move(s));
    } else if (steps.empty()) {
      *error = "the first line of a run block must be a `$ command`: '" + l + "'";
      return {};
    } else {
      steps.back().expected.push_back(TrimRight(l));
    }
  }
  if (steps.empty()) *error = "a run block without a `$ command`";
  return steps;
}

class DocExamples : public ::testing::TestWithParam<std::string> {
 protected:
  // The shipped articles loaded once per test, from the source tree (so
  // article sources read data/NAME.txt).
  const std::string& BaseDb() {
    if (base_db_.empty()) {
      base_.emplace();
      Sandbox s("");
      RunResult r = s.Bash("kg --db kg.db load data/*.txt >/dev/null");
      EXPECT_EQ(r.exit_code, 0) << r.out;
      base_db_ = base_->File("kg.db");
      fs::copy(s.src() + "/kg.db", base_db_, fs::copy_options::recursive);
    }
    return base_db_;
  }

  void RunSession(const std::string& where, const Block& b) {
    std::string error;
    std::vector<Step> steps = ParseSession(b, &error);
    ASSERT_TRUE(error.empty()) << where << ": " << error;
    std::string script;
    for (size_t i = 0; i < steps.size(); ++i)
      script += "printf '\\n\\036" + std::to_string(i) + "\\n'\n" + steps[i].command + "\n";
    script += "printf '\\n\\036end\\n'\n";
    Sandbox box(BaseDb());
    RunResult r = box.Bash(script);
    for (size_t i = 0; i < steps.size(); ++i) {
      const std::string begin = "\n\036" + std::to_string(i) + "\n";
      const std::string end = "\n\036" + (i + 1 < steps.size() ? std::to_string(i + 1) : "end") + "\n";
      size_t from = r.out.find(begin), to = r.out.find(end);
      ASSERT_TRUE(from != std::string::npos && to != std::string::npos && to >= from + begin.size())
          << where << ": the session did not run to its end:\n"
          << r.out;
      std::vector<std::string> got = Lines(r.out.substr(from + begin.size(), to - from - begin.size()));
      for (auto& l : got) l = TrimRight(l);
      // A block cannot end in blank lines: trailing ones do not count.
      while (!got.empty() && got.back().empty()) got.pop_back();
      std::vector<std::string> want = steps[i].expected;
      while (!want.empty() && want.back().empty()) want.pop_back();
      EXPECT_TRUE(LinesMatch(want, 0, got, 0))
          << where << " (line " << steps[i].line << "): $ " << steps[i].command << "\n--- the doc shows ---\n"
          << Join(steps[i].expected) << "--- kg printed ---\n"
          << Join(got);
    }
  }

  void RunQueries(const std::string& where, const Block& b) {
    std::vector<std::pair<int, std::string>> queries;
    for (size_t i = 0; i < b.body.size(); ++i) {
      const std::string& l = b.body[i];
      if (Trim(l).empty()) continue;
      if ((l[0] == ' ' || l[0] == '\t') && !queries.empty()) {
        queries.back().second += "\n" + l;
      } else {
        queries.emplace_back(b.line + 1 + static_cast<int>(i), l);
      }
    }
    ASSERT_FALSE(queries.empty()) << where << ": a queries block without a query";
    Sandbox box(BaseDb());
    for (const auto& [line, query] : queries) {
      RunResult r = Kg({"query", query}, "", {{"KG_DB", box.src() + "/kg.db"}});
      const size_t rows = Lines(r.out).size();  // the header, then the rows
      const bool unknown = r.err.find("hint: no ") != std::string::npos;
      EXPECT_TRUE(r.exit_code == 0 && !unknown && rows >= 2)
          << where << " (line " << line << "): the query must run without an error or an unknown name and "
          << "return rows on the shipped articles:\n"
          << query << "\n--- kg printed ---\n"
          << r.out << r.err;
    }
  }

  void RunCommands(const std::string& where, const Block& b) {
    Sandbox box(BaseDb());
    RunResult r = box.Bash("set -e -o pipefail\n" + Join(b.body));
    EXPECT_EQ(r.exit_code, 0) << where << ": a command failed:\n"
                              << Join(b.body) << "--- output ---\n"
                              << r.out;
  }

 private:
  std::optional<TempDir> base_;
  std::string base_db_;
};

TEST_P(DocExamples, RunAsShown) {
  const std::string rel = GetParam();
  std::vector<Block> blocks = ReadBlocks(SourceDir() + "/" + rel);
  size_t ran = 0, skipped = 0, elsewhere = 0;
  for (const Block& b : blocks) {
    const std::string where = rel + ":" + std::to_string(b.line);
    if (b.info == "kg-test") {  // tests/query/query_file_test.cc runs these
      ++elsewhere;
      continue;
    }
    std::istringstream words(b.marker);
    std::string kind;
    words >> kind;
    if (kind == "skip:") {
      std::string reason;
      std::getline(words, reason);
      EXPECT_FALSE(Trim(reason).empty()) << where << ": `<!-- doc-test: skip: REASON -->` needs a reason";
      ++skipped;
      continue;
    }
    std::optional<std::string> requires_path;
    for (std::string option; words >> option;) {
      if (option.rfind("requires=", 0) == 0) {
        requires_path = option.substr(9);
      } else {
        ADD_FAILURE() << where << ": unknown doc-test option '" << option << "'";
      }
    }
    if (kind != "run" && kind != "queries" && kind != "commands") {
      ADD_FAILURE() << where << ": a fenced block needs a marker on the line before it: "
                    << "<!-- doc-test: run|queries|commands|skip: REASON --> (or ```kg-test); "
                    << (b.marker.empty() ? "there is none" : "found '" + b.marker + "'");
      continue;
    }
    if (requires_path) {
      Sandbox probe("");
      std::error_code ec;
      if (!fs::exists(fs::path(probe.src()) / *requires_path, ec)) {
        std::printf("%s: skipped, %s does not exist here\n", where.c_str(), requires_path->c_str());
        ++skipped;
        continue;
      }
    }
    ++ran;
    SCOPED_TRACE(where);
    if (kind == "run") RunSession(where, b);
    if (kind == "queries") RunQueries(where, b);
    if (kind == "commands") RunCommands(where, b);
  }
  std::printf("%s: %zu blocks: %zu run here, %zu kg-test (query_file_test), %zu not runnable\n", rel.c_str(),
              blocks.size(), ran, elsewhere, skipped);
}

// The examples of `kg COMMAND --help` (issue 13: `kg eval --help` named a
// gold file that is not there, `kg query --help` showed the misleading join
// of the README) run in a sandbox like the docs' blocks and must succeed.
// Commands whose examples need files of the user's (load, import, graph,
// parse, …) are left out.
TEST(HelpExamples, RunOnTheShippedArticles) {
  Sandbox base("");
  ASSERT_EQ(base.Bash("kg --db kg.db load data/*.txt >/dev/null").exit_code, 0);
  const std::string db = base.src() + "/kg.db";
  size_t ran = 0;
  for (const std::string command : {"query", "compare", "eval"}) {
    RunResult help = Kg({command, "--help"});
    ASSERT_EQ(help.exit_code, 0) << help.out << help.err;
    std::vector<std::string> lines = Lines(help.out);
    auto at = std::find(lines.begin(), lines.end(), "Examples:");
    ASSERT_NE(at, lines.end()) << "kg " << command << " --help has no examples";
    for (++at; at != lines.end() && at->rfind("  kg ", 0) == 0; ++at) {
      const std::string example = Trim(*at);
      if (example.find("../shared/") != std::string::npos &&
          !fs::exists(fs::path(SourceDir()).parent_path() / "shared")) {
        continue;
      }
      Sandbox box(db);
      RunResult r = box.Bash(example + " >/dev/null");
      EXPECT_EQ(r.exit_code, 0) << "kg " << command << " --help: " << example << "\n" << r.out;
      EXPECT_EQ(r.out.find("hint: no "), std::string::npos)
          << "kg " << command << " --help: " << example << "\n"
          << r.out;
      ++ran;
    }
  }
  EXPECT_GE(ran, 8u);
}

std::vector<std::string> DocFiles() {
  std::vector<std::string> files = {"README.md"};
  std::vector<std::string> docs;
  for (const auto& e : fs::directory_iterator(SourceDir() + "/docs")) {
    if (e.path().extension() == ".md") docs.push_back("docs/" + e.path().filename().string());
  }
  std::sort(docs.begin(), docs.end());
  files.insert(files.end(), docs.begin(), docs.end());
  return files;
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param.substr(0, info.param.size() - 3);
  for (char& c : name) {
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Docs, DocExamples, ::testing::ValuesIn(DocFiles()), TestName);

}  // namespace
}  // namespace kg::cli::testing
