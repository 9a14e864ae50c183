// What the kg command's subcommands share — those of the kg binary and those
// of the kg-nlp module (cli/nlp_module.h) alike: reading an input file,
// counting words ("3 facts"), showing stored text on a terminal, the default
// hint of an error code and the report line of a stored article.
#ifndef KG_CLI_COMMAND_SUPPORT_H_
#define KG_CLI_COMMAND_SUPPORT_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <ostream>
#include <string>
#include <string_view>

#include "kg/article.h"
#include "kg/result.h"
#include "kg/status.h"

namespace kg::cli {

using Clock = std::chrono::steady_clock;

// Milliseconds from `start` to now.
double MsSince(Clock::time_point start);
// Milliseconds since an unspecified start, read from the kernel's tick
// counter (CLOCK_MONOTONIC_COARSE: a few milliseconds of resolution, a
// tenth of the cost of a Clock::now(), which reads the virtual machine's
// clock). For checks made once per output row.
int64_t CoarseMs();

// Text from files and the database shown on the terminal: control
// characters escaped (api/escape_controls.h).
std::string Shown(std::string_view text);

// A default hint per error code, for statuses that carry none ("" when
// there is nothing to add).
std::string DefaultHint(const Status& status);

// The whole file. InvalidArgument for a directory, NotFound when it cannot
// be opened, IOError when reading fails.
Result<std::string> ReadFile(const std::string& path);

// "1 fact", "3 facts"; `plural` for irregular words ("entities").
std::string Plural(uint64_t n, const char* word, const char* plural = nullptr);

// "loaded NAME: 3 sentences, 5 facts, …" and the report's warnings.
void PrintLoadReport(const LoadReport& report, std::ostream& out);

// Progress bar on stderr, drawn only when stderr is a terminal.
class Progress {
 public:
  Progress(size_t total, bool enabled) : total_(total), enabled_(enabled && total > 1) {}
  void Draw(size_t done, const std::string& label) {
    if (!enabled_) return;
    constexpr size_t kBar = 30;
    size_t filled = total_ ? done * kBar / total_ : kBar;
    std::string bar(filled, '=');
    if (filled < kBar) bar += '>' + std::string(kBar - filled - 1, ' ');
    std::fprintf(stderr, "\r\033[K[%s] %zu/%zu %s", bar.c_str(), done, total_, label.c_str());
    std::fflush(stderr);
  }
  void Clear() {
    if (!enabled_) return;
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
  }

 private:
  size_t total_;
  bool enabled_;
};

}  // namespace kg::cli

#endif  // KG_CLI_COMMAND_SUPPORT_H_
