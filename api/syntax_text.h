// Raw text → tokenized sentences, for SyntaxModel::ParseText: the loader's
// stage 1 (input checks, normalization, sentence splitting) and the EWT
// tokenizer (syntax/tokenizer.h), with every token mapped back to its bytes
// in the original text. Internal to the kg library.
#ifndef KG_API_SYNTAX_TEXT_H_
#define KG_API_SYNTAX_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kg/result.h"

namespace kg::api {

struct TextToken {
  uint32_t begin = 0;  // bytes [begin, end) of the token in the original text
  uint32_t end = 0;
  std::string model_form;  // the normalized form the model sees ("'s" for "’s")
  bool space_after = true;
};

struct TextSentence {
  std::vector<TextToken> tokens;  // never empty
};

// Checks `text` (kg::loader::text::CheckInput), then splits each line into
// sentences (loader::text::SplitSentences on the normalized line) and each
// sentence into tokens. Errors (InvalidArgument): empty or blank text,
// binary data, invalid UTF-8 (with line, column and a span), text of 4 GiB
// or more. Linear in text.size().
Result<std::vector<TextSentence>> SplitText(std::string_view text);

// Splits [0, forms.size()) into consecutive ranges of at most `max_words`
// (> 0), cutting after punctuation (".", ";", ",", ":") in the second half
// of a range when there is some. Linear in forms.size().
std::vector<std::pair<size_t, size_t>> SplitLongSentence(const std::vector<std::string_view>& forms,
                                                         size_t max_words);

}  // namespace kg::api

#endif  // KG_API_SYNTAX_TEXT_H_
