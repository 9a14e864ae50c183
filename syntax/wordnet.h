// WordNet 3.0 (Debian's wordnet-base) as an open-class lexicon: which word
// classes a word can belong to, and its base form per class. Used by the
// lemmatizer and by the article loader's rule-based tagger.
//
// The answers are those of WordNet's C library (in_wn() and morphstr(); see
// syntax/wordnet_library.h, which still calls it, and the test that compares
// the two), but computed from memory: the first call loads the lemmas of the
// four index files and the four exception lists from the WordNet directory
// ($WNSEARCHDIR, else $WNHOME/dict, else /usr/share/wordnet) — about 4 MB
// and 11 ms, once per process; syntax::LoadModel starts it on another thread
// while the model loads — and every later call is a few hash lookups (about
// 0.3 µs a word), with no file access and no lock.
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
// empty WordInfo when WordNet is unavailable, the word is empty or longer
// than 60 bytes, or WordNet does not know the word. noun and verb are set
// when the word is a lemma of that class or morphstr() finds a base form for
// it; adj and adv only when it is a lemma of that class. Thread-safe.
WordInfo LookupWord(std::string_view lower);

// WordNet's morphstr() base form of a lower-case word for one word class:
// pos 'n' (noun), 'v' (verb), 'a' (adjective) or 'r' (adverb). Only the
// first base form is returned ("fled" 'v' → "flee", "hottest" 'a' → "hot").
// Returns "" when WordNet is unavailable, pos is none of those, the word is
// empty or longer than 60 bytes, or no inflection rule or exception maps the
// word to a different base form (a base form itself, "run" 'v', gives "").
// Spaces in collocations are kept in the result. Thread-safe.
std::string MorphBase(std::string_view lower, char pos);

// Whether the WordNet database could be opened: its index, data and exception
// files are all readable (false: lookups return empty). The first call loads
// the database. Thread-safe.
bool WordNetAvailable();

}  // namespace kg::syntax

#endif  // KG_SYNTAX_WORDNET_H_
