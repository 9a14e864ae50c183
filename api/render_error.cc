#include <algorithm>
#include <string>

#include "api/escape_controls.h"
#include "kg/query_result.h"

namespace kg {

namespace {

// Number of code points in a UTF-8 byte range (continuation bytes skipped).
size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Messages and hints quote untrusted text (a line of an imported file, a
// name from the database): every control character is escaped, except the
// newlines kg itself puts between the lines of a long message.
std::string Clean(std::string_view text) {
  std::string out;
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    out += EscapeControls(text.substr(start, end - start), ControlEscape::kTerminal);
    if (end == std::string_view::npos) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string RenderError(const Status& status, std::string_view source) {
  std::string out = "error: ";
  out += Clean(status.message());
  out += '\n';
  if (status.span() && status.span()->offset <= source.size()) {
    const SourceSpan& sp = *status.span();
    size_t line_begin = source.rfind('\n', sp.offset == 0 ? 0 : sp.offset - 1);
    line_begin = (line_begin == std::string_view::npos || sp.offset == 0) ? 0 : line_begin + 1;
    if (sp.offset > 0 && source[sp.offset - 1] == '\n') line_begin = sp.offset;
    size_t line_end = source.find('\n', sp.offset);
    if (line_end == std::string_view::npos) line_end = source.size();
    size_t len_end = std::min(sp.offset + std::max<size_t>(sp.length, 1), line_end);
    // The line is shown with its control characters escaped, and the caret
    // sits under the escaped offending code points (not bytes).
    std::string before =
        EscapeControls(source.substr(line_begin, sp.offset - line_begin), ControlEscape::kTerminal);
    std::string under = sp.offset < line_end ? EscapeControls(source.substr(sp.offset, len_end - sp.offset),
                                                              ControlEscape::kTerminal)
                                             : "";
    std::string after =
        EscapeControls(source.substr(std::max(len_end, sp.offset), line_end - std::max(len_end, sp.offset)),
                       ControlEscape::kTerminal);
    out += "  at line " + std::to_string(sp.line) + ", column " + std::to_string(sp.column) + ":\n";
    out += "    " + before + under + after;
    out += "\n    ";
    out.append(CodePoints(before), ' ');
    size_t carets = sp.offset < line_end ? CodePoints(under) : 1;
    out.append(std::max<size_t>(carets, 1), '^');
    out += '\n';
  }
  if (!status.hint().empty()) {
    out += "hint: ";
    out += Clean(status.hint());
    out += '\n';
  }
  return out;
}

}  // namespace kg
