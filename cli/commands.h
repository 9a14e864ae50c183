// The subcommands of the `kg` command (DESIGN §5), independent of the
// argument parser: cli/main.cc parses the command line with CLI11 and calls
// these. Each returns the process exit status and writes errors to stderr.
#ifndef KG_CLI_COMMANDS_H_
#define KG_CLI_COMMANDS_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/format.h"
#include "kg/db.h"
#include "kg/status.h"

namespace kg::cli {

// Exit statuses (DESIGN §5).
inline constexpr int kExitOk = 0;
inline constexpr int kExitUserError = 1;  // bad query, bad file, missing database
inline constexpr int kExitUsage = 2;      // bad command line

// Terminal facts, looked up once.
bool StdinIsTerminal();
bool StdoutIsTerminal();
bool StderrIsTerminal();
// Columns of the terminal on stdout; 0 when stdout is not a terminal.
size_t TerminalWidth();

// Prints `status` to stderr with kg::RenderError (caret under the span when
// `source` is the text the span refers to), followed by a "what to do" hint
// chosen by the error code when the status carries none.
void PrintError(const Status& status, std::string_view source = {});

// Opens the database at `path`. Writers open it read-write (creating it
// unless !create); readers open an existing database as OpenMode::kReader,
// so they work while another process loads; a reader upgrades an older
// format first unless !upgrade_older_format (Options::upgrade_older_format).
// On failure prints a message saying what to do and returns nullptr.
std::unique_ptr<DB> OpenDatabase(const std::string& path, bool writer, bool create = true,
                                 bool upgrade_older_format = true);

// The article name `kg load` uses for a file: its stem ("data/aws.txt" → "aws").
std::string ArticleNameForFile(const std::string& path);

// Quotes `text` as a query-language string literal ("a \"b\"").
std::string QuoteQueryString(std::string_view text);

struct QueryArgs {
  std::string query;
  std::optional<OutputFormat> format;  // default: table on a terminal, else tsv
  bool timing = false;
  // 0: run once, cold (what a one-off query costs); N: one warm-up run,
  // then N measured runs (--timing reports medians).
  int repeat = 0;
  bool include_hedged = false;  // --hedged: QueryOptions::include_hedged
  uint64_t memory_limit = 0;    // --memory-limit: QueryOptions::memory_limit (0: default)
  uint64_t timeout_ms = 0;      // --timeout: QueryOptions::timeout_ms (0: none)
};
int RunQuery(DB& db, const QueryArgs& args);

int RunArticles(DB& db, OutputFormat format, std::ostream& out);
// `kg check`: DB::Check; prints what was verified, or the damage found
// (exit 1).
int RunCheck(DB& db, std::ostream& out);
int RunStats(DB& db, OutputFormat format, std::ostream& out);

struct CompareArgs {
  std::string a, b, about;
  std::optional<OutputFormat> format;
  bool all = false;             // --all: COMPARE ALL (bookkeeping facts too)
  bool why = false;             // --why: COMPARE … WHY (the evidence sentences)
  bool include_hedged = false;  // --hedged: QueryOptions::include_hedged
};
// `kg compare A B`: runs COMPARE and prints it with WriteCompareTables on a
// terminal (--format table), else the rows as they are. Hints go to stderr.
// kExitUserError for an unknown article (with the nearest name) or a failed
// query.
int RunCompare(DB& db, const CompareArgs& args, std::ostream& out);

struct ExportArgs {
  std::string db_path;
  std::string format = "nt";  // nt | nq | json | dot
  std::string article;
  std::string around;
  int depth = 2;
  std::string output;  // file; empty: stdout
};
int RunExport(const ExportArgs& args);

struct GraphArgs {
  std::string db_path;
  std::string entity;
  int depth = 2;
  std::string output;  // .svg / .png / .pdf
};
int RunGraph(const GraphArgs& args);

struct ImportArgs {
  std::string db_path;
  std::vector<std::string> files;
  std::string article;  // article for N-Triples / default-graph statements
  bool replace = false;
  bool skip_bad = false;
  bool progress = false;
};
int RunImport(const ImportArgs& args);

// Prints "error: no article 'NAME' in the database" and a hint: the nearest
// of the `known` names, or the names themselves, or how to load some.
void PrintNoArticle(const std::string& name, const std::vector<std::string>& known);

// Triples of one article (through the query language) or of the whole
// database (DB::Scan).
Result<std::vector<Triple>> CollectTriples(DB& db, const std::string& article);

}  // namespace kg::cli

#endif  // KG_CLI_COMMANDS_H_
