// Clauses read off the dependency tree, after ClausIE (Del Corro & Gemulla,
// 2013): one clause per verb (and per copular predicate), with its subject
// (explicit, or shared through coordination, control, purpose and relative
// clauses as the tree says), objects, prepositional arguments with their
// case, the agent of a passive, negation and hedging.
#ifndef KG_LOADER_TREE_TREE_CLAUSES_H_
#define KG_LOADER_TREE_TREE_CLAUSES_H_

#include <string>
#include <utility>
#include <vector>

#include "loader/tree/sentence_tree.h"

namespace kg::loader::tree {

struct TreeClause {
  int pred = -1;              // the verb, or the nominal/adjectival predicate of a copula
  bool copula = false;        // "X is a Y": pred is Y's head
  std::string lemma;          // verb lemma with its particle ("set up"); "be" for copulas
  std::vector<int> subjects;  // subject heads, coordinated subjects expanded
  bool inherited = false;     // subjects come from a governing clause
  bool passive = false;
  int agent = -1;                                     // "by X" of a passive
  std::vector<int> objects;                           // obj, iobj (conjuncts expanded)
  std::vector<std::pair<std::string, int>> obliques;  // (case words, head): "in" Peru
  bool negated = false;
  bool hedged = false;   // may/might/could, "is expected/likely to"
  int governor = -1;     // the clause's governing word (xcomp, advcl, conj, acl), -1 for a main clause
  bool purpose = false;  // a "to"-infinitive of purpose or aim
};

// Every clause of the sentence, in word order of their predicates.
std::vector<TreeClause> BuildClauses(const SentenceTree& t);

// The subject heads of clause word `v` (explicit or inherited), conjuncts
// expanded; `inherited` is set when they come from elsewhere.
std::vector<int> SubjectsOf(const SentenceTree& t, int v, bool* inherited);

}  // namespace kg::loader::tree

#endif  // KG_LOADER_TREE_TREE_CLAUSES_H_
