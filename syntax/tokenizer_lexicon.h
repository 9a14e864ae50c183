// Character classes and word lists behind the tokenizer (tokenizer.h); the
// lists follow the conventions of the UD English Web Treebank. Internal to
// the tokenizer. All functions are thread-safe and, except Lower, look at a
// bounded number of bytes.
#ifndef KG_SYNTAX_TOKENIZER_LEXICON_H_
#define KG_SYNTAX_TOKENIZER_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kg::syntax::tokenizer {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiAlnum(char c) { return IsDigit(c) || IsAsciiLetter(c); }

// ASCII lower case; other bytes unchanged.
std::string Lower(std::string_view s);

// The code point at s[i] (precondition: i < s.size()) and its length in
// *len; an invalid byte is returned as itself with length 1.
uint32_t Decode(std::string_view s, size_t i, size_t* len);

// ASCII and Unicode white space.
bool IsSpaceCp(uint32_t cp);
// ASCII punctuation and symbols; Unicode quotes, dashes, ellipsis, bullets,
// currency signs, arrows, shapes, emoji, CJK and full-width punctuation.
bool IsPunctCp(uint32_t cp);
// ' ’ and `.
inline bool IsApostrophe(uint32_t cp) { return cp == '\'' || cp == 0x2019 || cp == '`'; }

// Whether "w." is an abbreviation that keeps its period: a capital initial
// ("J"), a dotted form of 1-2 letter parts ("U.S", "e.g", "Ph.D"), or a listed
// word (titles, company suffixes, months, days, US states), case-insensitive.
bool IsAbbreviation(std::string_view w);
// Whether "w-" is a prefix EWT keeps joined to the next word ("e-mail").
bool IsKeptPrefix(std::string_view w);
// For a word EWT splits without an apostrophe ("cannot", "dont", "gonna"),
// the length of the first part; else 0.
size_t FusedSplit(std::string_view w);
// A unit split off a number before it ("k" in "65k", "am" in "8:30am").
bool IsUnit(std::string_view w);
// "s", "m", "d", "ll", "re", "ve" in any case (what follows the apostrophe).
bool IsClitic(std::string_view w);
// ":)", ":-(", "^_^" and the like.
bool IsEmoticon(std::string_view w);
// "doc", "xls", "pdf"... in any case.
bool IsFileExtension(std::string_view w);

}  // namespace kg::syntax::tokenizer

#endif  // KG_SYNTAX_TOKENIZER_LEXICON_H_
