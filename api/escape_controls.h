// The one rule for showing untrusted text (stored names, file lines, query
// text) on a terminal or in an output format: control characters never reach
// the output raw, so data cannot move the cursor, clear the screen, set the
// window title or break a line of tabular output (docs/cli.md, "Control
// characters").
#ifndef KG_API_ESCAPE_CONTROLS_H_
#define KG_API_ESCAPE_CONTROLS_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace kg {

// Whether a code point is a control character a terminal may act on: C0
// (U+0000-U+001F), DEL (U+007F) and C1 (U+0080-U+009F, e.g. U+009B, a
// one-character CSI).
bool IsControl(int32_t cp);

// How EscapeControls spells what it escapes.
enum class ControlEscape : uint8_t {
  // Errors, table cells and other text for people: tab, newline and carriage
  // return as \t \n \r, other controls as \xHH (C0, DEL) or \u{HHHH} (C1),
  // bytes that are not UTF-8 as \xHH. Backslashes stay as they are.
  kTerminal,
  // TSV fields: as kTerminal, and a backslash becomes \\ so that the escapes
  // can be undone (the convention of PostgreSQL's text format).
  kTsv,
  // CSV fields: tab, newline and carriage return stay (RFC 4180 allows them
  // in a quoted field); other controls as kTerminal. CSV has no escape
  // character, so "\x1b" in the output may also be those four characters.
  kCsv,
};

// `text` with every control character (and every byte that is not valid
// UTF-8) replaced as `style` says; everything else is copied unchanged.
std::string EscapeControls(std::string_view text, ControlEscape style);

}  // namespace kg

#endif  // KG_API_ESCAPE_CONTROLS_H_
