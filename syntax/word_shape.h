// Surface properties of a word that generalize to unseen words: its
// normalized form (lower case, digits as '0'), its shape ("Xxx", "dd.d"),
// and prefixes/suffixes. Shared by the tagger and the parser.
#ifndef KG_SYNTAX_WORD_SHAPE_H_
#define KG_SYNTAX_WORD_SHAPE_H_

#include <string>
#include <string_view>

namespace kg::syntax {

// Lower-cased (ASCII), every digit as '0': "$2.9B" → "$0.0b", "2019" → "0000".
std::string NormalizeWord(std::string_view form);

// Character classes with runs cut at two: "McDonald" → "XxXxx", "U.S." → "X.X.",
// "2,500" → "d,ddd" → "d,dd".
std::string WordShape(std::string_view form);

// The last / first `n` bytes of `s` (all of it when shorter).
inline std::string_view Suffix(std::string_view s, size_t n) {
  return s.size() <= n ? s : s.substr(s.size() - n);
}
inline std::string_view Prefix(std::string_view s, size_t n) { return s.substr(0, n); }

}  // namespace kg::syntax

#endif  // KG_SYNTAX_WORD_SHAPE_H_
