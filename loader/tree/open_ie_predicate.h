// The relation phrase and arguments of one predicate of the dependency tree,
// in the form CaRB scores (loader/tree/open_ie.h): the verb group as written
// (auxiliaries, negation, adverbs inside it, particle), then one argument per
// object, oblique, clausal complement or adverbial, those before the verb
// last.
#ifndef KG_LOADER_TREE_OPEN_IE_PREDICATE_H_
#define KG_LOADER_TREE_OPEN_IE_PREDICATE_H_

#include <vector>

#include "loader/tree/sentence_tree.h"

namespace kg::loader::tree::open_ie {

struct Argument {
  int head = -1;           // the dependent the argument stands for
  std::vector<int> words;  // its words (unsorted)
  bool before = false;     // written before the predicate
};

struct Predicate {
  std::vector<int> relation;  // relation words (unsorted)
  std::vector<Argument> args;
};

// Relation words and arguments of verb `v`, or, with `copula`, of the
// copular predicate `v` ("is a writer": relation "is", first argument "a
// writer" — the predicate nominal with its own modifiers).
Predicate ReadPredicate(const SentenceTree& t, int v, bool copula);

// "agreed to buy": the open clausal complement of `v` that joins its
// relation (a verb or copular predicate without a subject of its own, when
// `v` has no object), or -1.
int ChainedComplement(const SentenceTree& t, int v);

// Moves the first argument into the relation ("were unable | to see" →
// "were unable to see").
void FirstArgumentIntoRelation(Predicate* p);

// Moves the `case` words of argument `k`'s head, and their fixed parts,
// into the relation ("served | as the first …" → "served as | the first …").
void CaseIntoRelation(const SentenceTree& t, size_t k, Predicate* p);

// Moves the complementizer "that" of a first clausal argument into the
// relation ("indicated that | organic compounds could carry current").
void ThatIntoRelation(const SentenceTree& t, Predicate* p);

}  // namespace kg::loader::tree::open_ie

#endif  // KG_LOADER_TREE_OPEN_IE_PREDICATE_H_
