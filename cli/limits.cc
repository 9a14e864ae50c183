#include "cli/limits.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "kg/options.h"

namespace kg::cli {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Splits "1.5 GB" into 1.5 and "gb"; false when there is no number first.
bool SplitNumber(std::string_view text, double* number, std::string* unit) {
  std::string s = Lower(text);
  size_t i = 0;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
  if (i == 0) return false;
  const std::string digits = s.substr(0, i);
  if (digits.find('.') != digits.rfind('.') || digits == ".") return false;
  *number = std::strtod(digits.c_str(), nullptr);
  while (i < s.size() && s[i] == ' ') ++i;
  *unit = s.substr(i);
  return std::isfinite(*number);
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string Format(double v, const char* unit) {
  char text[48];
  if (v == std::floor(v)) {
    std::snprintf(text, sizeof(text), "%.0f %s", v, unit);
  } else {
    std::snprintf(text, sizeof(text), "%.1f %s", v, unit);
  }
  return text;
}

}  // namespace

Result<uint64_t> ParseByteSize(std::string_view raw) {
  const std::string text = Trim(raw);
  if (Lower(text) == "default") return uint64_t{0};
  static const std::pair<const char*, double> kUnits[] = {{"", 1},
                                                          {"b", 1},
                                                          {"kb", 1e3},
                                                          {"mb", 1e6},
                                                          {"gb", 1e9},
                                                          {"tb", 1e12},
                                                          {"kib", 1024.0},
                                                          {"mib", 1048576.0},
                                                          {"gib", 1073741824.0},
                                                          {"k", 1e3},
                                                          {"m", 1e6},
                                                          {"g", 1e9},
                                                          {"tib", 1099511627776.0}};
  double number = 0;
  std::string unit;
  if (SplitNumber(text, &number, &unit)) {
    for (const auto& [name, scale] : kUnits) {
      if (unit != name) continue;
      const double bytes = number * scale;
      if (bytes >= 1.8e19) break;
      return static_cast<uint64_t>(bytes);
    }
  }
  return Status::InvalidArgument("'" + text + "' is not a memory size")
      .WithHint("write a number with KB, MB or GB (powers of 1000) or KiB, MiB, GiB, e.g. 500MB or 2GB");
}

Result<uint64_t> ParseDuration(std::string_view raw) {
  const std::string text = Trim(raw);
  if (Lower(text) == "none") return uint64_t{0};
  static const std::pair<const char*, double> kUnits[] = {
      {"", 1000}, {"s", 1000}, {"sec", 1000}, {"ms", 1}, {"m", 60000}, {"min", 60000}, {"h", 3600000}};
  double number = 0;
  std::string unit;
  if (SplitNumber(text, &number, &unit)) {
    for (const auto& [name, scale] : kUnits) {
      if (unit != name) continue;
      const double ms = number * scale;
      if (ms >= 1.8e19) break;
      // A positive duration under a millisecond is one millisecond, not "none".
      if (ms > 0 && ms < 1) return uint64_t{1};
      return static_cast<uint64_t>(ms);
    }
  }
  return Status::InvalidArgument("'" + text + "' is not a duration")
      .WithHint("write a number with ms, s, min or h, e.g. 30s or 500ms");
}

std::string DescribeMemoryLimit(uint64_t bytes) {
  auto human = [](uint64_t b) {
    const double v = static_cast<double>(b);
    if (v >= 1e9) return Format(v / 1e9, "GB");
    if (v >= 1e6) return Format(v / 1e6, "MB");
    if (v >= 1e3) return Format(v / 1e3, "KB");
    return Format(v, "bytes");
  };
  if (bytes == 0) return human(DefaultQueryMemoryLimit()) + " (the default: a quarter of physical memory)";
  return human(bytes);
}

std::string DescribeTimeout(uint64_t ms) {
  if (ms == 0) return "none";
  if (ms % 1000 == 0) return Format(static_cast<double>(ms) / 1000, "s");
  return Format(static_cast<double>(ms), "ms");
}

}  // namespace kg::cli
