// The link-grammar parser (Debian's liblink-grammar, English dictionary) as a
// part-of-speech oracle: a complete linkage tells which words the grammar
// used as verbs, nouns, adjectives and adverbs, which settles the words the
// rule-based tagger finds ambiguous ("plans", "centers", "positions").
// Sentences that are too long, time out or have no complete linkage get no
// hints and are handled by the shallow tagger alone.
#ifndef KG_LOADER_LINGUISTICS_LINK_PARSER_H_
#define KG_LOADER_LINGUISTICS_LINK_PARSER_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace kg::loader::linguistics {

// One hint per word the parser linked: the byte offset of the word in the
// sentence and its class: 'v' verb, 'n' noun, 'a' adjective, 'e' adverb,
// 'g' gerund.
struct PosHint {
  uint32_t begin = 0;
  char cls = 0;
};

struct LinkParseOptions {
  int max_words = 60;   // longer sentences are not parsed
  int max_seconds = 1;  // link-grammar's own time limit (whole seconds)
};

// Parses `sentence` and returns hints, or an empty vector when the
// dictionary is unavailable, the sentence is too long, or no complete
// linkage was found in time. Thread-safe (the dictionary is shared,
// sentences are per call).
std::vector<PosHint> ParseHints(std::string_view sentence, const LinkParseOptions& options);

// Whether the English dictionary could be loaded.
bool LinkGrammarAvailable();

}  // namespace kg::loader::linguistics

#endif  // KG_LOADER_LINGUISTICS_LINK_PARSER_H_
