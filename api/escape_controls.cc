#include "api/escape_controls.h"

#include <cstdio>

#include "api/utf8.h"

namespace kg {

bool IsControl(int32_t cp) { return (cp >= 0 && cp < 0x20) || (cp >= 0x7F && cp < 0xA0); }

namespace {

void AppendEscape(std::string* out, int32_t cp, ControlEscape style) {
  switch (cp) {
    case '\t':
      *out += style == ControlEscape::kCsv ? "\t" : "\\t";
      return;
    case '\n':
      *out += style == ControlEscape::kCsv ? "\n" : "\\n";
      return;
    case '\r':
      *out += style == ControlEscape::kCsv ? "\r" : "\\r";
      return;
    default:
      break;
  }
  char buf[16];
  std::snprintf(buf, sizeof(buf), cp < 0x80 ? "\\x%02x" : "\\u{%04x}", static_cast<unsigned>(cp));
  *out += buf;
}

}  // namespace

std::string EscapeControls(std::string_view text, ControlEscape style) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    int32_t cp = 0;
    size_t len = utf8::Decode(text, pos, &cp);
    if (cp == utf8::kInvalid) {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\x%02x", static_cast<unsigned char>(text[pos]));
      out += buf;
    } else if (IsControl(cp)) {
      AppendEscape(&out, cp, style);
    } else if (cp == '\\' && style == ControlEscape::kTsv) {
      out += "\\\\";
    } else {
      out.append(text.substr(pos, len));
    }
    pos += len;
  }
  return out;
}

}  // namespace kg
