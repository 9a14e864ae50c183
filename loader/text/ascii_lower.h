// The loader's one ASCII case fold, for word lists and English function
// words (the storage and query layers fold Unicode with kg::FoldCase; the
// loader's lists are ASCII, and bytes of other scripts pass unchanged).
#ifndef KG_LOADER_TEXT_ASCII_LOWER_H_
#define KG_LOADER_TEXT_ASCII_LOWER_H_

#include <cctype>
#include <string>
#include <string_view>

namespace kg::loader::text {

// `s` with A–Z lowered.
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace kg::loader::text

#endif  // KG_LOADER_TEXT_ASCII_LOWER_H_
