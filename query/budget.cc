#include "query/budget.h"

#include <cstdio>

namespace kg::query {

QueryBudget::QueryBudget(const QueryOptions& options)
    : cancel_(options.cancel),
      limit_(options.memory_limit != 0 ? options.memory_limit : DefaultQueryMemoryLimit()),
      timeout_ms_(options.timeout_ms),
      deadline_(Clock::now() + std::chrono::milliseconds(options.timeout_ms)) {}

Status QueryBudget::Check() const {
  if (cancel_ != nullptr && cancel_->load()) return Status::Cancelled("query cancelled");
  if (timeout_ms_ != 0 && Clock::now() >= deadline_) {
    const double seconds = static_cast<double>(timeout_ms_) / 1000;
    char text[64];
    std::snprintf(text, sizeof(text), "%g s", seconds);
    return Status::ResourceExhausted(std::string("query stopped: it ran longer than ") + text +
                                     " (the time limit)")
        .WithHint("add LIMIT, bind a variable to a name, or raise the limit (kg query --timeout, .timeout)");
  }
  return Status::OK();
}

Status QueryBudget::MemoryError() const {
  return Status::ResourceExhausted("query stopped: it needed more than " + FormatBytes(limit_) +
                                   " of memory (the memory limit)")
      .WithHint(
          "add LIMIT, bind a variable to a name, or raise the limit (kg query --memory-limit, "
          ".memory-limit)");
}

std::string FormatBytes(uint64_t bytes) {
  static constexpr const char* kUnits[] = {"KB", "MB", "GB", "TB"};
  if (bytes < 1000) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  double v = static_cast<double>(bytes);
  size_t unit = 0;
  for (v /= 1000; v >= 1000 && unit + 1 < std::size(kUnits); v /= 1000) ++unit;
  char text[32];
  if (v == static_cast<double>(static_cast<uint64_t>(v)) || v >= 100) {
    std::snprintf(text, sizeof(text), "%.0f %s", v, kUnits[unit]);
  } else {
    std::snprintf(text, sizeof(text), "%.1f %s", v, kUnits[unit]);
  }
  return text;
}

}  // namespace kg::query
