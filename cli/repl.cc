#include "cli/repl.h"

#include <editline/readline.h>
#include <glob.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include "api/escape_controls.h"
#include "cli/commands.h"
#include "cli/cursor_printer.h"
#include "cli/delete_command.h"
#include "cli/format.h"
#include "cli/limits.h"
#include "cli/nlp_module.h"
#include "cli/script_file.h"
#include "cli/statements.h"
#include "kg/kg.h"
#include "kg/query_result.h"

namespace kg::cli {

namespace {

// Set by the SIGINT handler: cancels the running query (QueryOptions::cancel)
// and tells the prompt loop that readline was interrupted, not at EOF.
std::atomic<bool> g_cancel{false};
volatile sig_atomic_t g_interrupted = 0;

void OnSigint(int) {
  g_cancel.store(true);
  g_interrupted = 1;
}

constexpr const char* kPrompt = "kg> ";
constexpr const char* kContinuation = "...> ";
constexpr int kMaxReadDepth = 16;
// .entities lists at most this many names (and says when there are more).
constexpr size_t kMaxEntitiesShown = 100000;

// "100,000".
std::string WithThousands(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

const std::vector<std::string>& Keywords() {
  static const std::vector<std::string> kWords = {
      "MATCH", "OPTIONAL", "WHERE",  "RETURN",   "DISTINCT", "AS",   "ORDER", "BY",    "ASC",
      "DESC",  "LIMIT",    "OFFSET", "WHY",      "COMPARE",  "ALL",  "WITH",  "ABOUT", "EXPLAIN",
      "AND",   "OR",       "NOT",    "CONTAINS", "STARTS",   "ENDS", "IN",    "IS",    "NULL",
      "TRUE",  "FALSE",    "COUNT",  "SUM",      "MIN",      "MAX",  "AVG"};
  return kWords;
}

struct DotCommand {
  const char* name;
  const char* args;
  const char* help;
};

constexpr DotCommand kDotCommands[] = {
    {".help", "", "show this help"},
    {".load", "FILE...", "load articles (.txt) into the database"},
    {".articles", "", "list the loaded articles"},
    {".delete", "ARTICLE", "delete an article and the facts only it states (asks first)"},
    {".schema", "", "predicates with counts and example triples"},
    {".entities", "[PREFIX]", "list entity names (starting with PREFIX)"},
    {".stats", "", "database statistics"},
    {".format", "table|tsv|csv|json", "set the output format (no argument: show it)"},
    {".timing", "on|off", "print parse/plan/exec times after each query"},
    {".explain", "on|off", "show the plan instead of running queries"},
    {".hedged", "on|off", "also use facts stated only with a hedge (\"may invest\"), as kg query --hedged"},
    {".memory-limit", "SIZE|default",
     "stop a query that holds more than SIZE (e.g. 500MB; no argument: show it)"},
    {".timeout", "DURATION|none", "stop a query that runs longer (e.g. 30s; no argument: show it)"},
    {".read", "FILE", "run the statements and commands in FILE"},
    {".print", "TEXT", "print TEXT"},
    {".quit", "", "leave (also .exit or Ctrl-D)"},
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (prefix.size() > s.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

// Splits a dot-command line into words; "double quotes" group words.
std::vector<std::string> Words(std::string_view line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false, have = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
      have = true;
    } else if (!quoted && std::isspace(static_cast<unsigned char>(c))) {
      if (have) out.push_back(cur);
      cur.clear();
      have = false;
    } else {
      cur += c;
      have = true;
    }
  }
  if (have) out.push_back(cur);
  return out;
}

// The library's hints name the command-line flag ("3 hedged facts not shown;
// add --hedged to include them"); in the shell the switch is a dot-command.
std::string InShellWords(std::string hint) {
  constexpr std::string_view kFlag = "add --hedged";
  if (size_t at = hint.find(kFlag); at != std::string::npos)
    hint.replace(at, kFlag.size(), "type .hedged on");
  return hint;
}

class Repl;
Repl* g_repl = nullptr;  // for libedit's C completion callbacks

class Repl {
 public:
  Repl(DB& db, const ReplOptions& options)
      : db_(db),
        options_(options),
        format_(options.interactive ? OutputFormat::kTable : OutputFormat::kTsv) {}

  int Run() {
    if (options_.interactive) {
      RunInteractive();
    } else {
      std::string line;
      while (!quit_ && std::getline(std::cin, line)) Feed(line, false);
      if (!quit_) Flush();
    }
    return options_.interactive || !had_error_ ? kExitOk : kExitUserError;
  }

  // A completion: the name itself and the text inserted for it (quoted when
  // the name is not a plain word).
  struct Candidate {
    std::string raw;
    std::string insert;
  };

  // Completion candidates for `text`, the word under the cursor; `start` is
  // its offset in the line.
  std::vector<Candidate> Complete(const std::string& line, size_t start, const std::string& text) {
    std::vector<Candidate> out;
    bool quoted = start > 0 && line[start - 1] == '"';
    // A dot-command: the first word of a line that starts no statement.
    // "." is not a word break, so `text` holds the dot (".he").
    if (buffer_.empty() && line.find_first_not_of(" \t") == start && !text.empty() && text[0] == '.') {
      for (const auto& cmd : kDotCommands) {
        if (StartsWithNoCase(cmd.name, text)) out.push_back({cmd.name, cmd.name});
      }
      return out;
    }
    // After "-" (an arrow being written) a predicate is expected.
    bool predicate_slot = start > 0 && line[start - 1] == '-' && !quoted;
    for (const std::string& p : Predicates()) {
      if (StartsWithNoCase(p, text)) out.push_back({p, p});
    }
    if (!predicate_slot) {
      if (!quoted) {
        bool upper = !text.empty() && std::isupper(static_cast<unsigned char>(text[0]));
        for (const std::string& k : Keywords()) {
          if (!text.empty() && StartsWithNoCase(k, text))
            out.push_back({upper ? k : Lower(k), upper ? k : Lower(k)});
        }
      }
      for (const std::string& e : EntityNames(text, 200)) {
        if (quoted) {
          out.push_back({e, e + "\""});
        } else if (NeedsQuotes(e)) {
          out.push_back({e, "\"" + e + "\""});
        } else {
          out.push_back({e, e});
        }
      }
    }
    std::sort(out.begin(), out.end(),
              [](const Candidate& a, const Candidate& b) { return a.insert < b.insert; });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const Candidate& a, const Candidate& b) { return a.insert == b.insert; }),
              out.end());
    return out;
  }

  // A name that is not a plain word, or is spelled like a keyword ("Match"),
  // must be quoted in a query.
  static bool NeedsQuotes(const std::string& name) {
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return true;
    for (const std::string& k : Keywords()) {
      if (StartsWithNoCase(k, name) && k.size() == name.size()) return true;
    }
    for (unsigned char c : name) {
      if (!(std::isalnum(c) || c == '_' || c >= 0x80)) return true;
    }
    return false;
  }

 private:
  void RunInteractive() {
    g_repl = this;
    rl_readline_name = "kg";
    rl_attempted_completion_function = &Repl::CompletionHook;
    // Word boundaries for completion: a predicate after "-", a name after a
    // quote; "_" and "." stay inside words.
    static char kBreaks[] = " \t\n\"'(),;<>-|@=!";
    rl_completer_word_break_characters = kBreaks;
    rl_basic_word_break_characters = kBreaks;
    using_history();
    stifle_history(2000);
    if (!options_.history_file.empty()) (void)read_history(options_.history_file.c_str());

    struct sigaction sa {};
    sa.sa_handler = OnSigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: a blocked read returns so we notice
    struct sigaction old {};
    sigaction(SIGINT, &sa, &old);

    std::cout << "kg " << kg::Version() << (options_.db_path.empty() ? "" : " on " + options_.db_path)
              << " — end statements with ';' or an empty line; .help for help; Ctrl-D to exit\n";
    if (!options_.open_writer) std::cout << "(read-only: " << options_.read_only_reason << ")\n";
    std::cout.flush();
    while (!quit_) {
      g_interrupted = 0;
      g_cancel.store(false);
      char* raw = readline(buffer_.empty() ? kPrompt : kContinuation);
      if (raw == nullptr) {
        if (g_interrupted) {
          // Ctrl-C at the prompt: drop what was typed, keep the session.
          std::cout << "^C\n";
          std::cout.flush();
          buffer_.clear();
          continue;
        }
        // Ctrl-D. A statement still being typed is run, not dropped: what
        // sqlite3 does, and what kg does at the end of a pipe or .read file.
        std::cout << '\n';
        std::cout.flush();
        if (!IsBlank(buffer_)) {
          Remember(buffer_);
          Flush();
        }
        break;
      }
      std::string line(raw);
      std::free(raw);
      Feed(line, true);
    }
    sigaction(SIGINT, &old, nullptr);
    g_repl = nullptr;
  }

  // libedit calls this on Tab. The match array is built here rather than by
  // rl_completion_matches so that the text inserted for several matches is
  // the longest common prefix of the *names* ("Microsoft"), not of their
  // quoted forms (which share nothing with unquoted ones).
  static char** CompletionHook(const char* text, int start, int end) {
    (void)end;
    rl_attempted_completion_over = 1;  // never fall back to file names
    if (g_repl == nullptr) return nullptr;
    std::string line = rl_line_buffer ? rl_line_buffer : "";
    std::string word = text;
    std::vector<Candidate> found = g_repl->Complete(line, static_cast<size_t>(std::max(0, start)), word);
    if (found.empty()) return nullptr;
    std::string replacement;
    if (found.size() == 1) {
      replacement = found[0].insert;
    } else {
      std::string lcp = found[0].raw;
      for (const Candidate& c : found) {
        size_t k = 0;
        while (k < lcp.size() && k < c.raw.size() && lcp[k] == c.raw[k]) ++k;
        lcp.resize(k);
      }
      bool quoted = start > 0 && line[static_cast<size_t>(start) - 1] == '"';
      if (lcp.size() <= word.size()) {
        replacement = word;
      } else if (!quoted && NeedsQuotes(lcp)) {
        replacement = "\"" + lcp;
      } else {
        replacement = lcp;
      }
    }
    auto** matches = static_cast<char**>(std::malloc(sizeof(char*) * (found.size() + 2)));
    if (matches == nullptr) return nullptr;
    size_t n = 0;
    matches[n++] = strdup(replacement.c_str());
    if (found.size() > 1) {
      for (const Candidate& c : found) matches[n++] = strdup(c.insert.c_str());
    }
    matches[n] = nullptr;
    return matches;
  }

  // Handles one input line: a dot-command, or part of a statement.
  void Feed(const std::string& line, bool from_terminal) {
    if (buffer_.empty()) {
      size_t first = line.find_first_not_of(" \t");
      if (first != std::string::npos && line[first] == '.') {
        if (from_terminal) Remember(line);
        RunDotCommand(line.substr(first));
        return;
      }
      if (IsBlank(line)) return;
    }
    const bool blank = IsBlank(line);
    if (!blank) {
      if (!buffer_.empty()) buffer_ += '\n';
      buffer_ += line;
    }
    std::string rest;
    std::vector<std::string> statements = SplitStatements(buffer_, &rest);
    if (blank) {
      // An empty line ends the statement even without ';'.
      if (!IsBlank(rest)) statements.push_back(rest);
      rest.clear();
    }
    if (statements.empty() && !blank) {
      // Input that never ends a statement (binary data on a pipe) must not
      // grow the buffer without bound.
      if (buffer_.size() > kMaxScriptBytes) {
        buffer_.clear();
        std::cout.flush();
        std::cerr << "error: a statement longer than " << (kMaxScriptBytes >> 20)
                  << " MiB was dropped\nhint: end statements with ';' or an empty line\n";
        had_error_ = true;
      }
      return;  // keep reading
    }
    if (from_terminal) Remember(buffer_);
    buffer_ = IsBlank(rest) ? "" : rest;
    for (const std::string& stmt : statements) {
      if (quit_) break;
      RunStatement(stmt);
    }
  }

  // End of input: run whatever is left.
  void Flush() {
    if (IsBlank(buffer_)) return;
    std::string text;
    text.swap(buffer_);
    std::string rest;
    std::vector<std::string> statements = SplitStatements(text, &rest);
    if (!IsBlank(rest)) statements.push_back(rest);
    for (const std::string& stmt : statements) RunStatement(stmt);
  }

  void Remember(const std::string& entry) {
    std::string one_line = entry;
    std::replace(one_line.begin(), one_line.end(), '\n', ' ');
    if (IsBlank(one_line)) return;
    // Repeating a statement does not fill the history with copies.
    HIST_ENTRY* last = history_length > 0 ? history_get(history_base + history_length - 1) : nullptr;
    if (last != nullptr && last->line != nullptr && one_line == last->line) return;
    add_history(one_line.c_str());
    if (!options_.history_file.empty()) (void)write_history(options_.history_file.c_str());
  }

  void RunStatement(const std::string& statement) {
    std::string text = statement;
    if (explain_ && !StartsWithNoCase(text, "EXPLAIN")) text = "EXPLAIN " + text;
    // g_cancel is cleared at the prompt, not here: a Ctrl-C pressed just
    // after Enter still cancels this statement (and the rest of a .read).
    QueryOptions qopts;
    qopts.cancel = &g_cancel;
    qopts.memory_limit = memory_limit_;
    qopts.timeout_ms = timeout_ms_;
    qopts.include_hedged = hedged_;
    // A table needs every row for its column widths; the other formats
    // print rows as the query computes them, as `kg query` does.
    if (format_ == OutputFormat::kTable) {
      RunWhole(text, qopts);
    } else {
      RunStreaming(text, qopts);
    }
  }

  void RunWhole(const std::string& text, const QueryOptions& qopts) {
    auto start = std::chrono::steady_clock::now();
    auto result = db_.Query(text, qopts);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!result.ok()) {
      ReportFailure(result.status(), text);
      return;
    }
    for (const std::string& hint : result->hints) PrintHint(hint);
    std::cerr.flush();
    if (!result->plan.empty()) {
      std::cout << result->plan;
      if (result->plan.back() != '\n') std::cout << '\n';
    } else {
      FormatOptions fo;
      fo.max_width = TerminalWidth();
      WriteRows(result->columns, result->rows, format_, fo, std::cout);
    }
    Finished(result->rows.size(), ms, result->timing);
  }

  void RunStreaming(const std::string& text, const QueryOptions& qopts) {
    auto start = std::chrono::steady_clock::now();
    auto cursor = db_.OpenCursor(text, qopts);
    if (!cursor.ok()) {
      ReportFailure(cursor.status(), text);
      return;
    }
    Status st =
        PrintCursorRows(**cursor, format_, std::cout, [](const std::string& hint) { PrintHint(hint); });
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!st.ok()) {
      ReportFailure(st, text);
      return;
    }
    Finished((*cursor)->rows(), ms, (*cursor)->timing());
  }

  static void PrintHint(const std::string& hint) {
    std::cerr << "hint: " << EscapeControls(InShellWords(hint), ControlEscape::kTerminal) << '\n';
  }

  void ReportFailure(const Status& status, const std::string& text) {
    std::cout.flush();
    if (status.code() == Status::Code::kCancelled) {
      std::cerr << (options_.interactive ? "\nquery cancelled\n" : "query cancelled\n");
    } else {
      PrintError(status, text);
    }
    had_error_ = true;
  }

  // The row count an interactive user sees, and the .timing line.
  void Finished(size_t rows, double ms, const QueryTiming& timing) {
    if (options_.interactive) {
      char buf[64];
      std::snprintf(buf, sizeof(buf), " (%.1f ms)", ms);
      std::cout << RowCount(rows) << buf << '\n';
    }
    std::cout.flush();
    if (timing_) {
      char buf[200];
      std::snprintf(buf, sizeof(buf),
                    "timing: total_ms=%.3f parse_ms=%.3f plan_ms=%.3f exec_ms=%.3f rows=%zu", ms,
                    timing.parse_ms, timing.plan_ms, timing.exec_ms, rows);
      std::cerr << buf << '\n';
    }
  }

  // An error about a dot-command line, with a caret under `word_index`'s word.
  void DotError(const std::string& line, size_t offset, size_t length, const std::string& message,
                const std::string& hint) {
    Status s = Status::InvalidArgument(message);
    SourceSpan span;
    span.line = 1;
    span.column = static_cast<uint32_t>(offset + 1);
    span.offset = offset;
    span.length = std::max<size_t>(length, 1);
    s.WithSpan(span);
    if (!hint.empty()) s.WithHint(hint);
    std::cout.flush();
    std::cerr << RenderError(s, line);
    std::cerr.flush();
    had_error_ = true;
  }

  // Offset of the i-th word in a dot-command line (for carets).
  static size_t WordOffset(const std::string& line, size_t i) {
    size_t pos = 0;
    for (size_t k = 0;; ++k) {
      pos = line.find_first_not_of(" \t", pos);
      if (pos == std::string::npos) return line.size();
      if (k == i) return pos;
      pos = line.find_first_of(" \t", pos);
      if (pos == std::string::npos) return line.size();
    }
  }

  bool OnOff(const std::string& line, const std::vector<std::string>& words, bool* flag) {
    if (words.size() == 1) {
      std::cout << words[0].substr(1) << " is " << (*flag ? "on" : "off") << '\n';
      return true;
    }
    std::string v = Lower(words[1]);
    if (words.size() == 2 && (v == "on" || v == "off")) {
      *flag = v == "on";
      return true;
    }
    size_t off = WordOffset(line, 1);
    DotError(line, off, line.size() - off, words[0] + " takes on or off", "for example: " + words[0] + " on");
    return false;
  }

  // `.memory-limit 500MB`, `.timeout 30s`: sets `*value` from the one
  // argument; with none, leaves it for the caller to show.
  template <typename Parse>
  void SetLimit(const std::string& line, const std::vector<std::string>& words, Parse parse,
                uint64_t* value) {
    if (words.size() == 1) return;
    const size_t off = WordOffset(line, 1);
    // "500 MB" arrives as two words.
    Result<uint64_t> v = parse(line.substr(off));
    if (!v.ok()) {
      DotError(line, off, line.size() - off, v.status().message(), v.status().hint());
      return;
    }
    *value = *v;
  }

  void RunDotCommand(const std::string& line) {
    std::vector<std::string> words = Words(line);
    const std::string cmd = Lower(words.empty() ? "." : words[0]);
    if (cmd == ".quit" || cmd == ".exit") {
      quit_ = true;
    } else if (cmd == ".help") {
      PrintHelp();
    } else if (cmd == ".print") {
      size_t off = WordOffset(line, 1);
      std::cout << (off < line.size() ? line.substr(off) : "") << '\n';
    } else if (cmd == ".format") {
      if (words.size() == 1) {
        std::cout << "format is " << OutputFormatName(format_) << '\n';
      } else if (auto f = ParseOutputFormat(words[1]); f && words.size() == 2) {
        format_ = *f;
      } else {
        size_t off = WordOffset(line, 1);
        DotError(line, off, words[1].size(), "unknown format '" + words[1] + "'",
                 "use one of table, tsv, csv, json");
      }
    } else if (cmd == ".timing") {
      OnOff(line, words, &timing_);
    } else if (cmd == ".explain") {
      OnOff(line, words, &explain_);
    } else if (cmd == ".hedged") {
      OnOff(line, words, &hedged_);
    } else if (cmd == ".memory-limit") {
      SetLimit(line, words, ParseByteSize, &memory_limit_);
      if (words.size() == 1) std::cout << "memory limit is " << DescribeMemoryLimit(memory_limit_) << '\n';
    } else if (cmd == ".timeout") {
      SetLimit(line, words, ParseDuration, &timeout_ms_);
      if (words.size() == 1) std::cout << "timeout is " << DescribeTimeout(timeout_ms_) << '\n';
    } else if (cmd == ".articles") {
      if (RunArticles(db_, format_, std::cout) != kExitOk) had_error_ = true;
    } else if (cmd == ".stats") {
      if (RunStats(db_, format_, std::cout) != kExitOk) had_error_ = true;
    } else if (cmd == ".schema") {
      Schema();
    } else if (cmd == ".entities") {
      Entities(words.size() > 1 ? words[1] : "");
    } else if (cmd == ".load") {
      Load(line, words);
    } else if (cmd == ".delete") {
      Delete(line, words);
    } else if (cmd == ".read") {
      Read(line, words);
    } else {
      std::vector<std::string> names;
      for (const auto& c : kDotCommands) names.emplace_back(c.name);
      names.emplace_back(".exit");
      std::string near = NearestWord(cmd, names);
      DotError(line, 0, words.empty() ? 1 : words[0].size(),
               "unknown command '" + (words.empty() ? line : words[0]) + "'",
               near.empty() ? "type .help to list the commands" : "did you mean " + near + "?");
    }
    std::cout.flush();
  }

  void PrintHelp() {
    std::cout << "Statements (end with ';' or an empty line):\n"
                 "  Microsoft -invests_in-> ?place;\n"
                 "  MATCH ?c -invests_in-> Japan RETURN ?c;\n"
                 "  WHY Microsoft -invests_in-> Japan;\n"
                 "  COMPARE \"article-a\" WITH \"article-b\";\n"
                 "Commands:\n";
    for (const auto& c : kDotCommands) {
      std::string head = std::string(c.name) + (c.args[0] ? " " : "") + c.args;
      std::cout << "  " << head << std::string(head.size() < 28 ? 28 - head.size() : 1, ' ') << c.help
                << '\n';
    }
    std::cout
        << "Keys: Tab completes commands, keywords, predicates and entity names; Up/Down walk the history;\n"
           "      Ctrl-C cancels a running query or .load (between articles); Ctrl-D exits (running a\n"
           "      statement still being typed first).\n";
  }

  void Schema() {
    auto stats = db_.Stats();
    if (!stats.ok()) {
      PrintError(stats.status());
      had_error_ = true;
      return;
    }
    std::vector<std::vector<Value>> rows;
    for (const PredicateStats& p : stats->per_predicate) {
      std::string example;
      int shown = 0;
      TriplePattern pat;
      pat.predicate = p.predicate;
      (void)db_.Scan(pat, [&](const Triple& t) {
        if (shown++) example += "; ";
        example += t.subject.ToString() + " -" + t.predicate + "-> " + t.object.ToString();
        return shown < 2;
      });
      rows.push_back({Value::Predicate(p.predicate), Value::Integer(static_cast<int64_t>(p.triples)),
                      Value::String(example)});
    }
    FormatOptions fo;
    if (format_ == OutputFormat::kTable) fo.max_width = TerminalWidth();
    WriteRows({"predicate", "triples", "examples"}, rows, format_, fo, std::cout);
    if (options_.interactive)
      std::cout << rows.size() << (rows.size() == 1 ? " predicate\n" : " predicates\n");
    predicates_loaded_ = false;
  }

  void Entities(const std::string& prefix) {
    // One more than is shown tells whether the list was cut.
    std::vector<std::string> names = EntityNames(prefix, kMaxEntitiesShown + 1);
    const bool cut = names.size() > kMaxEntitiesShown;
    if (cut) names.resize(kMaxEntitiesShown);
    std::vector<std::vector<Value>> rows;
    for (const std::string& name : names) rows.push_back({Value::Entity(name)});
    FormatOptions fo;
    if (format_ == OutputFormat::kTable) fo.max_width = TerminalWidth();
    WriteRows({"entity"}, rows, format_, fo, std::cout);
    if (options_.interactive) std::cout << RowCount(rows.size()) << '\n';
    std::cout.flush();
    if (cut) {
      std::cerr << "hint: only the first " << WithThousands(kMaxEntitiesShown)
                << " names are shown; there are more\nhint: narrow the list with "
                << (prefix.empty() ? "a prefix: .entities PREFIX" : "a longer prefix") << '\n';
    }
  }

  void Load(const std::string& line, const std::vector<std::string>& words) {
    if (words.size() < 2) {
      DotError(line, 0, words[0].size(), ".load needs at least one file",
               "for example: .load data/article.txt");
      return;
    }
    Result<const NlpCommands*> nlp = NlpModule();
    if (!nlp.ok()) {
      DotError(line, 0, words[0].size(), nlp.status().message(), nlp.status().hint());
      return;
    }
    std::unique_ptr<DB> writer = OpenWriter(line, words[0]);
    if (!writer) return;
    LoadArgs args;
    // No shell expands patterns here, so .load does: ".load data/*.txt".
    for (size_t i = 1; i < words.size(); ++i) {
      glob_t g{};
      if (words[i].find_first_of("*?[") != std::string::npos &&
          ::glob(words[i].c_str(), 0, nullptr, &g) == 0) {
        for (size_t k = 0; k < g.gl_pathc; ++k) args.files.emplace_back(g.gl_pathv[k]);
      } else {
        args.files.push_back(words[i]);  // a missing file is reported by the loader
      }
      ::globfree(&g);
    }
    args.progress = options_.interactive && StderrIsTerminal();
    args.cancel = &g_cancel;  // Ctrl-C stops between articles
    if ((*nlp)->load(*writer, args, std::cout) != kExitOk) had_error_ = true;
    predicates_loaded_ = false;
  }

  void Delete(const std::string& line, const std::vector<std::string>& words) {
    if (words.size() != 2) {
      DotError(line, 0, words[0].size(), ".delete takes one article name",
               "for example: .delete aws-japan (.articles lists them)");
      return;
    }
    std::optional<ArticleInfo> article = FindArticleOrExplain(db_, words[1]);
    if (!article) {
      had_error_ = true;
      return;
    }
    if (options_.interactive) {
      // Asked before the writer is opened: the answer may take a while.
      char* raw = readline(DeleteQuestion(*article).c_str());
      const std::string answer = raw != nullptr ? raw : "";
      std::free(raw);
      if (!IsYes(answer)) {
        std::cout << "nothing deleted\n";
        return;
      }
    }
    std::unique_ptr<DB> writer = OpenWriter(line, words[0]);
    if (!writer) return;
    if (DeleteStoredArticle(*writer, *article, std::cout) != kExitOk) had_error_ = true;
    predicates_loaded_ = false;
  }

  // The writer for one write, or null after printing why there is none.
  // Closing it (the caller drops it) frees the database for other writers;
  // the reader sees what was written at its next read.
  std::unique_ptr<DB> OpenWriter(const std::string& line, const std::string& command) {
    if (!options_.open_writer) {
      DotError(line, 0, command.size(), "this session is read-only: " + options_.read_only_reason,
               "make the database directory writable, then start kg again");
      return nullptr;
    }
    Result<std::unique_ptr<DB>> writer = options_.open_writer();
    if (writer.ok()) return std::move(writer).value();
    const Status& s = writer.status();
    if (s.code() == Status::Code::kBusy) {
      DotError(line, 0, command.size(),
               "another process is writing this database (a kg load, import or delete, or another REPL's "
               "write); nothing was written",
               "run " + command + " again once it has finished; queries work meanwhile");
    } else {
      DotError(line, 0, command.size(), "cannot write the database: " + s.message(), s.hint());
    }
    return nullptr;
  }

  void Read(const std::string& line, const std::vector<std::string>& words) {
    if (words.size() != 2) {
      DotError(line, 0, words[0].size(), ".read takes one file", "for example: .read queries.kgq");
      return;
    }
    if (read_depth_ >= kMaxReadDepth) {
      DotError(line, 0, words[0].size(), ".read files nest too deeply (a file reading itself?)", "");
      return;
    }
    Result<std::string> script = ReadScriptFile(words[1]);
    if (!script.ok()) {
      const size_t off = WordOffset(line, 1);
      DotError(line, off, line.size() - off, script.status().message(), script.status().hint());
      return;
    }
    // The script runs with its own statement buffer, so a file that ends
    // mid-statement does not swallow what the user types next.
    std::string saved;
    saved.swap(buffer_);
    ++read_depth_;
    std::istringstream in(std::move(script).value());
    std::string l;
    while (!quit_ && std::getline(in, l)) Feed(l, false);
    if (!quit_) Flush();
    --read_depth_;
    buffer_.swap(saved);
  }

  const std::vector<std::string>& Predicates() {
    if (!predicates_loaded_) {
      predicates_.clear();
      auto stats = db_.Stats();
      if (stats.ok()) {
        for (const auto& p : stats->per_predicate) predicates_.push_back(p.predicate);
      }
      predicates_loaded_ = true;
    }
    return predicates_;
  }

  // Entity names with `prefix` (canonical names and aliases), empty when the
  // database cannot list them.
  std::vector<std::string> EntityNames(const std::string& prefix, size_t limit) {
    auto names = db_.EntityNames(prefix, limit);
    return names.ok() ? std::move(names).value() : std::vector<std::string>{};
  }

  DB& db_;
  ReplOptions options_;
  OutputFormat format_;
  bool timing_ = false;
  bool explain_ = false;
  bool hedged_ = false;        // .hedged: QueryOptions::include_hedged
  uint64_t memory_limit_ = 0;  // .memory-limit (0: the default)
  uint64_t timeout_ms_ = 0;    // .timeout (0: none)
  bool quit_ = false;
  bool had_error_ = false;
  int read_depth_ = 0;
  std::string buffer_;
  std::vector<std::string> predicates_;
  bool predicates_loaded_ = false;
};

}  // namespace

int RunRepl(DB& db, const ReplOptions& options) {
  Repl repl(db, options);
  return repl.Run();
}

}  // namespace kg::cli
