#include "api/case_fold.h"

#include <unicode/uchar.h>

#include "api/utf8.h"

namespace kg {

// Simple (one code point to one code point) folding rather than full folding
// ("ß" → "ss"): a name's folded form is then computed code point by code
// point, which keeps byte offsets of prefixes meaningful for completion.
std::string FoldCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    int32_t cp = 0;
    size_t len = utf8::Decode(text, pos, &cp);
    if (cp == utf8::kInvalid) {
      out.push_back(text[pos]);
    } else if (cp < 0x80) {
      // ASCII, the common case, without a call into ICU.
      if (cp != 0) out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
    } else {
      utf8::Append(&out, u_foldCase(cp, U_FOLD_CASE_DEFAULT));
    }
    pos += len;
  }
  return out;
}

}  // namespace kg
