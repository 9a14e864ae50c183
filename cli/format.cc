#include "cli/format.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "api/escape_controls.h"
#include "api/utf8.h"
#include "cli/row_writer.h"

namespace kg::cli {

namespace {

// One decoder for the whole of kg (api/utf8.h).
size_t DecodeUtf8(std::string_view s, size_t pos, int32_t* cp) { return utf8::Decode(s, pos, cp); }

bool InRanges(int32_t cp, const int32_t (*ranges)[2], size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (cp >= ranges[i][0] && cp <= ranges[i][1]) return true;
  }
  return false;
}

// Zero-width: combining marks, zero-width spaces/joiners, variation selectors.
constexpr int32_t kZeroWidth[][2] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD},   {0x0610, 0x061A}, {0x064B, 0x065F},
    {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E},   {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
    {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064},   {0x20D0, 0x20FF}, {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

// Wide: CJK, Hangul, fullwidth forms and the emoji blocks terminals draw
// two columns wide.
constexpr int32_t kWide[][2] = {
    {0x1100, 0x115F}, {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},
    {0xA000, 0xA4CF}, {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE30, 0xFE4F},   {0xFF00, 0xFF60},
    {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

int CodePointWidth(int32_t cp) {
  if (cp < 0) return 1;
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return 0;
  if (cp < 0x300) return 1;
  if (InRanges(cp, kZeroWidth, std::size(kZeroWidth))) return 0;
  if (InRanges(cp, kWide, std::size(kWide))) return 2;
  return 1;
}

// Table cells are one line, and a stored name must not drive the terminal:
// control characters are shown escaped (\n, \x1b).
std::string OneLine(std::string_view text) { return EscapeControls(text, ControlEscape::kTerminal); }

bool RightAligned(const Value& v) {
  return v.kind() == ValueKind::kInteger || v.kind() == ValueKind::kDecimal || v.kind() == ValueKind::kMoney;
}

std::string FormatJsonNumber(double d) {
  if (!std::isfinite(d)) return "null";
  char buf[64];
  if (std::fabs(d) < 9e15 && d == std::floor(d)) {
    std::snprintf(buf, sizeof(buf), "%.0f", d);
  } else {
    std::snprintf(buf, sizeof(buf), "%.17g", d);
  }
  return buf;
}

void WriteTable(const std::vector<std::string>& columns, const std::vector<std::vector<Value>>& rows,
                const FormatOptions& options, std::ostream& out) {
  if (columns.empty()) return;
  const size_t n = columns.size();
  std::vector<std::string> header(n);
  std::vector<std::vector<std::string>> cells(rows.size(), std::vector<std::string>(n));
  std::vector<size_t> width(n, 0);
  for (size_t c = 0; c < n; ++c) {
    header[c] = OneLine(columns[c]);
    width[c] = DisplayWidth(header[c]);
  }
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < n && c < rows[r].size(); ++c) {
      cells[r][c] = OneLine(rows[r][c].ToString());
      width[c] = std::max(width[c], DisplayWidth(cells[r][c]));
    }
  }
  if (options.max_width > 0) {
    // Each column costs its width plus " | " separators: 1 + w + 1 per column
    // and one '|' between columns. Shrink the widest column until it fits.
    auto total = [&] {
      size_t t = n > 0 ? n - 1 : 0;
      for (size_t w : width) t += w + 2;
      return t;
    };
    while (total() > options.max_width) {
      size_t widest = static_cast<size_t>(std::max_element(width.begin(), width.end()) - width.begin());
      if (width[widest] <= options.min_cell_width) break;
      --width[widest];
    }
  }
  // Numbers are right-aligned, but only in columns that hold nothing else:
  // a money value among names reads better left-aligned.
  std::vector<bool> numeric(n, !rows.empty());
  for (const auto& row : rows) {
    for (size_t c = 0; c < n; ++c) {
      if (c < row.size() && !row[c].is_null() && !RightAligned(row[c])) numeric[c] = false;
    }
  }
  auto pad = [&](const std::string& text, size_t w, bool right) {
    std::string shown = DisplayWidth(text) > w ? TruncateToWidth(text, w) : text;
    size_t dw = DisplayWidth(shown);
    std::string fill(w > dw ? w - dw : 0, ' ');
    return right ? fill + shown : shown + fill;
  };
  std::string line;
  for (size_t c = 0; c < n; ++c) {
    if (c > 0) line += '|';
    line += ' ';
    line += pad(header[c], width[c], false);
    line += ' ';
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out << line << '\n';
  line.clear();
  for (size_t c = 0; c < n; ++c) {
    if (c > 0) line += '+';
    line.append(width[c] + 2, '-');
  }
  out << line << '\n';
  for (size_t r = 0; r < rows.size(); ++r) {
    line.clear();
    for (size_t c = 0; c < n; ++c) {
      if (c > 0) line += '|';
      line += ' ';
      bool right = numeric[c];
      line += pad(cells[r][c], width[c], right);
      line += ' ';
    }
    // Trailing blanks are noise when the output is copied.
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  }
}

}  // namespace

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "table") return OutputFormat::kTable;
  if (lower == "tsv") return OutputFormat::kTsv;
  if (lower == "csv") return OutputFormat::kCsv;
  if (lower == "json") return OutputFormat::kJson;
  return std::nullopt;
}

std::string_view OutputFormatName(OutputFormat format) {
  switch (format) {
    case OutputFormat::kTable:
      return "table";
    case OutputFormat::kTsv:
      return "tsv";
    case OutputFormat::kCsv:
      return "csv";
    case OutputFormat::kJson:
      return "json";
  }
  return "table";
}

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (size_t pos = 0; pos < text.size();) {
    int32_t cp = 0;
    pos += DecodeUtf8(text, pos, &cp);
    width += static_cast<size_t>(CodePointWidth(cp));
  }
  return width;
}

std::string TruncateToWidth(std::string_view text, size_t width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  if (width == 0) return "";
  // Keep code points while they fit in width - 1, leaving room for "…".
  std::string out;
  size_t used = 0;
  for (size_t pos = 0; pos < text.size();) {
    int32_t cp = 0;
    size_t len = DecodeUtf8(text, pos, &cp);
    size_t w = static_cast<size_t>(CodePointWidth(cp));
    if (used + w > width - 1) break;
    if (cp < 0) {
      out += "\xEF\xBF\xBD";  // never emit half a sequence
    } else {
      out.append(text.substr(pos, len));
    }
    used += w;
    pos += len;
  }
  out += "\xE2\x80\xA6";  // …
  return out;
}

std::string EscapeTsv(std::string_view text) { return EscapeControls(text, ControlEscape::kTsv); }

std::string EscapeCsv(std::string_view raw) {
  std::string text = EscapeControls(raw, ControlEscape::kCsv);
  bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (size_t pos = 0; pos < text.size();) {
    int32_t cp = 0;
    size_t len = DecodeUtf8(text, pos, &cp);
    if (cp < 0) {
      out += "\xEF\xBF\xBD";
    } else if (cp == '"') {
      out += "\\\"";
    } else if (cp == '\\') {
      out += "\\\\";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (IsControl(cp)) {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\u%04x", static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.append(text.substr(pos, len));
    }
    pos += len;
  }
  out += '"';
  return out;
}

std::string JsonValue(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kNull:
      return "null";
    case ValueKind::kInteger:
      return std::to_string(value.integer());
    case ValueKind::kDecimal:
      return FormatJsonNumber(value.number());
    case ValueKind::kBool:
      return value.integer() ? "true" : "false";
    case ValueKind::kMoney:
      // The exact decimal: a JSON number may have any number of digits.
      return "{\"amount\":" + Value::FormatMoneyUnits(value.money_units()) +
             ",\"currency\":" + JsonString(value.currency()) + "}";
    default:
      return JsonString(value.ToString());
  }
}

void WriteRows(const std::vector<std::string>& columns, const std::vector<std::vector<Value>>& rows,
               OutputFormat format, const FormatOptions& options, std::ostream& out) {
  if (format == OutputFormat::kTable) {
    WriteTable(columns, rows, options, out);
    return;
  }
  // One writer for whole answers and streamed ones, so their bytes agree.
  RowWriter writer(columns, format, options, out);
  for (const auto& row : rows) writer.Add(row);
  writer.Finish();
}

std::string RowCount(size_t rows) { return std::to_string(rows) + (rows == 1 ? " row" : " rows"); }

}  // namespace kg::cli
