#include <algorithm>
#include <string>

#include "kg/query_result.h"

namespace kg {

namespace {

// Number of code points in a UTF-8 byte range (continuation bytes skipped).
size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::string RenderError(const Status& status, std::string_view source) {
  std::string out = "error: ";
  out += status.message();
  out += '\n';
  if (status.span() && status.span()->offset <= source.size()) {
    const SourceSpan& sp = *status.span();
    size_t line_begin = source.rfind('\n', sp.offset == 0 ? 0 : sp.offset - 1);
    line_begin = (line_begin == std::string_view::npos || sp.offset == 0) ? 0 : line_begin + 1;
    if (sp.offset > 0 && source[sp.offset - 1] == '\n') line_begin = sp.offset;
    size_t line_end = source.find('\n', sp.offset);
    if (line_end == std::string_view::npos) line_end = source.size();
    std::string_view line = source.substr(line_begin, line_end - line_begin);
    out += "  at line " + std::to_string(sp.line) + ", column " + std::to_string(sp.column) + ":\n";
    out += "    ";
    out += line;
    out += "\n    ";
    // The caret sits under the offending code points, not bytes.
    out.append(CodePoints(source.substr(line_begin, sp.offset - line_begin)), ' ');
    size_t len_end = std::min(sp.offset + std::max<size_t>(sp.length, 1), line_end);
    size_t carets = sp.offset < line_end ? CodePoints(source.substr(sp.offset, len_end - sp.offset)) : 1;
    out.append(std::max<size_t>(carets, 1), '^');
    out += '\n';
  }
  if (!status.hint().empty()) {
    out += "hint: ";
    out += status.hint();
    out += '\n';
  }
  return out;
}

}  // namespace kg
