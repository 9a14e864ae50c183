// Splits one sentence of running text into the syntactic words of the
// Universal Dependencies English Web Treebank (EWT), the tokenization the
// tagger and parser were trained on (docs/syntax.md "Tokenizer"):
// - clitics are separate words: "don't" → "do" "n't", "can't" → "ca" "n't",
//   "he's" → "he" "'s", also "'m", "'d", "'ll", "'re", "'ve", and the
//   apostrophe-less forms EWT splits ("dont" → "do" "nt", "cannot" →
//   "can" "not", "gonna" → "gon" "na");
// - punctuation is split off words; runs such as "...", "--", "!!" and "?!"
//   are one token;
// - abbreviations keep their period ("U.S.", "Inc.", "e.g.", "Dr.", "J.")
//   except at the very end of the sentence, where EWT splits it off ("Inc" ".");
// - numbers stay whole ("2.9", "1,000", "2:30", "11/28/2000", "713-853-3989");
//   "$" and "%" are separate ("$10" → "$" "10"), as are units after a number
//   ("65k" → "65" "k", "8:30am" → "8:30" "am");
// - hyphens between words are separate tokens ("Al-Zaman" → "Al" "-" "Zaman",
//   "15-year" → "15" "-" "year") except after prefixes EWT keeps ("e-mail",
//   "non-profit", "re-elect");
// - URLs, e-mail addresses and common emoticons are one token.
// Curly quotes and apostrophes are recognized like their ASCII forms.
#ifndef KG_SYNTAX_TOKENIZER_H_
#define KG_SYNTAX_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace kg::syntax {

// One token: the bytes [begin, end) of the tokenized text (so the word's
// form is text.substr(begin, end - begin)).
struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  // Whether whitespace (or the end of the text) follows the token; false is
  // CoNLL-U's "SpaceAfter=No".
  bool space_after = true;
};

// Tokenizes `text`, one sentence (a longer text works too, but the period of
// an abbreviation is split off only at the end of `text`). Whitespace
// (ASCII and Unicode spaces) separates tokens and is never part of one.
// Tokens are non-empty, in order, and do not overlap. Any bytes are accepted
// (invalid UTF-8 is treated as letters); cost is linear in text.size().
// Precondition: text.size() < 2^32. Thread-safe.
std::vector<Token> Tokenize(std::string_view text);

}  // namespace kg::syntax

#endif  // KG_SYNTAX_TOKENIZER_H_
