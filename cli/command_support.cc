#include "cli/command_support.h"

#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "api/escape_controls.h"
#include "cli/commands.h"
#include "kg/value.h"

namespace kg::cli {

std::string Shown(std::string_view text) { return EscapeControls(text, ControlEscape::kTerminal); }

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

int64_t CoarseMs() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
  return int64_t{ts.tv_sec} * 1000 + ts.tv_nsec / 1000000;
}

// The user should always learn what to do next.
std::string DefaultHint(const Status& status) {
  switch (status.code()) {
    case Status::Code::kBusy:
      return "another kg process (a load, import or delete, or a REPL's .load) is writing this database; "
             "wait "
             "for it to finish";
    case Status::Code::kNotSupported:
      return "this database was written by a newer kg; upgrade kg or use another --db";
    case Status::Code::kCorruption:
      return "the database is damaged; re-create it from the articles with `kg load`";
    case Status::Code::kCancelled:
      return "";
    case Status::Code::kInternal:
      return "this is a bug in kg; please report it with the command you ran";
    default:
      return "";
  }
}

Result<std::string> ReadFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::InvalidArgument("'" + path + "' is a directory, not a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::NotFound("cannot read '" + path + "': " + std::strerror(errno));
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IOError("error reading '" + path + "'");
  return buf.str();
}

std::string Plural(uint64_t n, const char* word, const char* plural) {
  if (n == 1) return "1 " + std::string(word);
  return std::to_string(n) + " " + (plural ? std::string(plural) : std::string(word) + "s");
}

void PrintLoadReport(const LoadReport& report, std::ostream& out) {
  const char* what = report.outcome == LoadOutcome::kLoaded     ? "loaded"
                     : report.outcome == LoadOutcome::kReplaced ? "replaced"
                                                                : "unchanged";
  out << what << " " << report.article << ": " << Plural(report.sentences, "sentence") << ", "
      << Plural(report.facts, "fact") << ", " << Plural(report.entities, "entity", "entities") << ", "
      << Plural(report.warnings.size(), "warning");
  if (report.outcome == LoadOutcome::kUnchanged && report.warnings.empty())
    out << " (same content already stored)";
  out << '\n';
  for (const std::string& w : report.warnings) out << "  warning: " << Shown(w) << '\n';
}

bool StdinIsTerminal() { return ::isatty(STDIN_FILENO) == 1; }
bool StdoutIsTerminal() { return ::isatty(STDOUT_FILENO) == 1; }
bool StderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

size_t TerminalWidth() {
  if (!StdoutIsTerminal()) return 0;
  struct winsize ws {};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

void PrintError(const Status& status, std::string_view source) {
  std::string text = RenderError(status, source);
  if (status.hint().empty()) {
    std::string hint = DefaultHint(status);
    if (!hint.empty()) text += "hint: " + hint + "\n";
  }
  std::cerr << text;
  std::cerr.flush();
}

std::string ArticleNameForFile(const std::string& path) {
  std::string stem = std::filesystem::path(path).stem().string();
  return stem.empty() ? path : stem;
}

}  // namespace kg::cli
