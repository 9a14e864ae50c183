// Scores a tagger/lemmatizer/parser against gold CoNLL-U on gold
// tokenization, with the definitions of the CoNLL 2018 shared task scorer
// (conll18_ud_eval.py) so numbers compare with published ones.
#ifndef KG_SYNTAX_EVALUATE_H_
#define KG_SYNTAX_EVALUATE_H_

#include <cstddef>
#include <vector>

#include "kg/result.h"
#include "syntax/sentence.h"

namespace kg::syntax {

// Counts of correct words; every word counts, punctuation included.
struct Scores {
  size_t words = 0;  // gold words seen
  size_t upos = 0;
  size_t xpos = 0;
  // Lemma equal, case-sensitive; a word whose gold lemma is empty ("_")
  // counts as correct whatever the system says, as in the 2018 scorer.
  size_t lemma = 0;
  size_t uas = 0;  // head correct
  // Head and universal relation correct: the part of DEPREL before ':', so
  // "nmod:poss" vs "nmod" is correct (CoNLL 2018 LAS).
  size_t las = 0;
  size_t las_full = 0;  // head and the full relation with subtype correct

  // 100 * n / words; 0 when no words were scored.
  double Percent(size_t n) const;
};

// Adds one sentence pair to `scores`. Precondition: same number of words
// (Evaluate checks it); if they differ, only the first min(gold, system)
// words are compared but all gold words count in `words`.
void Accumulate(const Sentence& gold, const Sentence& system, Scores* scores);

// Scores `system` against `gold`. Both must have the same number of
// sentences and the same number of words in each sentence (the system ran on
// gold tokenization); forms are not compared. Errors: InvalidArgument naming
// the sentence counts, or the first (0-based) sentence index whose word
// counts differ.
Result<Scores> Evaluate(const std::vector<Sentence>& gold, const std::vector<Sentence>& system);

}  // namespace kg::syntax

#endif  // KG_SYNTAX_EVALUATE_H_
