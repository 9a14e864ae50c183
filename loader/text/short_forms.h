// Short forms defined in brackets: "Československá obchodní banka (CSOB)" is
// one name although two of its words are in lower case, because the short
// form spells it.
#ifndef KG_LOADER_TEXT_SHORT_FORMS_H_
#define KG_LOADER_TEXT_SHORT_FORMS_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kg::loader::text {

// Whether a word starts with a capital letter: ASCII, Latin-1 or Latin
// Extended-A ("Č", "É").
bool Capitalized(std::string_view form);

// The lower-case ASCII letters and digits of `word`, one per code point:
// Latin-1 and Latin Extended-A letters as the letter they are written on
// ("Č" → 'c'), other code points '?' (matching nothing).
std::string BaseLetters(std::string_view word);

struct WordRange {
  size_t first = 0;
  size_t last = 0;  // inclusive
};

// The words before each "( SHORT )" whose letters spell SHORT, matched from
// the end as Schwartz and Hearst (2003) do: every letter of the short form
// in order, its first letter the first letter of a capitalized word
// (diacritics aside). Only short forms of one word with two capitals or
// more, long forms of two words or more within min(|SHORT| + 5, 2|SHORT|)
// words, every word of which `may_hold(i)` accepts.
std::vector<WordRange> BracketDefinedNames(const std::vector<std::string_view>& forms,
                                           const std::function<bool(size_t)>& may_hold);

}  // namespace kg::loader::text

#endif  // KG_LOADER_TEXT_SHORT_FORMS_H_
