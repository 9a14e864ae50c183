// WordNet 3.0 (Debian's wordnet-base) as the loader's open-class lexicon:
// which word classes a word can belong to, and its lemma per class. WordNet's
// C library keeps global state and static buffers, so every call goes through
// one mutex; answers are cached per word, making repeated lookups cheap.
#ifndef KG_LOADER_LINGUISTICS_WORDNET_H_
#define KG_LOADER_LINGUISTICS_WORDNET_H_

#include <string>
#include <string_view>

namespace kg::loader::linguistics {

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

// Whether the WordNet database could be opened (false: lookups return empty).
bool WordNetAvailable();

}  // namespace kg::loader::linguistics

#endif  // KG_LOADER_LINGUISTICS_WORDNET_H_
