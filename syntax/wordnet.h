// WordNet 3.0 (Debian's wordnet-base) as an open-class lexicon: which word
// classes a word can belong to, and its base form per class. Used by the
// lemmatizer and by the article loader's rule-based tagger. WordNet's C
// library keeps global state and static buffers, so every call into it goes
// through one mutex; answers are cached per word, making repeated lookups
// cheap.
#ifndef KG_SYNTAX_WORDNET_H_
#define KG_SYNTAX_WORDNET_H_

#include <string>
#include <string_view>

namespace kg::syntax {

struct WordInfo {
  bool noun = false;
  bool verb = false;
  bool adj = false;
  bool adv = false;
  std::string noun_lemma;  // base form as a noun ("agencies" → "agency"); empty if not a noun
  std::string verb_lemma;  // base form as a verb ("invested" → "invest"); empty if not a verb
  bool known() const { return noun || verb || adj || adv; }
};

// Looks up a lower-case word (spaces allowed for collocations). Returns an
// empty WordInfo when WordNet is unavailable or does not know the word.
// Thread-safe.
WordInfo LookupWord(std::string_view lower);

// WordNet's morphstr() base form of a lower-case word for one word class:
// pos 'n' (noun), 'v' (verb), 'a' (adjective) or 'r' (adverb). Only the
// first base form is returned ("fled" 'v' → "flee", "hottest" 'a' → "hot").
// Returns "" when WordNet is unavailable, pos is none of those, the word is
// empty or longer than 60 bytes, or no inflection rule or exception maps the
// word to a different base form (a base form itself, "run" 'v', gives "").
// Spaces in collocations are kept in the result. Thread-safe; cached.
std::string MorphBase(std::string_view lower, char pos);

// Whether the WordNet database could be opened (false: lookups return empty).
bool WordNetAvailable();

}  // namespace kg::syntax

#endif  // KG_SYNTAX_WORDNET_H_
