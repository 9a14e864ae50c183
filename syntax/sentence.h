// The data every syntax stage shares: one sentence as a list of words in the
// shape of a CoNLL-U sentence (Universal Dependencies). Tagging, lemmatizing
// and parsing fill in fields of the same structure, so CoNLL-U in, CoNLL-U out
// and the evaluator need no conversions.
#ifndef KG_SYNTAX_SENTENCE_H_
#define KG_SYNTAX_SENTENCE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace kg::syntax {

// One syntactic word (a CoNLL-U word line). Ids are 1-based in CoNLL-U; here
// words are indexed from 0 and `head` is the 1-based id of the head word, 0
// for the root, -1 while unknown.
struct Word {
  std::string form;
  std::string lemma;  // empty until lemmatized ("_" in CoNLL-U)
  std::string upos;   // universal part of speech ("NOUN"); empty until tagged
  std::string xpos;   // Penn Treebank tag ("NNS"); empty until tagged
  std::string feats;  // morphological features as written, "_" when none
  int head = -1;
  std::string deprel;  // UD relation with subtype ("nmod:poss"); empty until parsed
  std::string deps;    // enhanced dependencies as written ("_" when none)
  std::string misc;    // MISC column as written ("SpaceAfter=No"), "_" when none
};

// A multiword token ("don't" = "do" + "n't" in some treebanks): its surface
// form spans words [first, last] (0-based, inclusive).
struct MultiwordToken {
  int first = 0;
  int last = 0;
  std::string form;
  std::string misc;
};

struct Sentence {
  std::vector<std::string> comments;  // comment lines without the leading "# "
  std::vector<Word> words;
  std::vector<MultiwordToken> multiword_tokens;
  // Byte offset of each word in the original text when the sentence came
  // from raw text (empty for CoNLL-U input).
  std::vector<uint32_t> offsets;
};

}  // namespace kg::syntax

#endif  // KG_SYNTAX_SENTENCE_H_
