// Open IE tuples of the clauses of one sentence (loader/tree/open_ie.h),
// after ClausIE (Del Corro & Gemulla, 2013): per clause of BuildClauses
// (loader/tree/tree_clauses.h), its subject, the relation phrase as written
// and its arguments; open complements join their governor's relation
// ("agreed to buy"), a coordinated object gives one tuple per conjunct.
#ifndef KG_LOADER_TREE_OPEN_IE_CLAUSE_H_
#define KG_LOADER_TREE_OPEN_IE_CLAUSE_H_

#include <vector>

#include "kg/article.h"
#include "loader/tree/sentence_tree.h"
#include "loader/tree/tree_clauses.h"

namespace kg::loader::tree::open_ie {

// The tuples of `clauses` (all clauses of `t`, in word order), appended to
// `out`. Confidence: 0.85 for a clause with its own subject and an
// argument, less for subjects borrowed from another clause, adverbial
// clauses, complements, participles and clauses without an argument.
void ClauseTuples(const SentenceTree& t, const std::vector<TreeClause>& clauses, std::vector<RawFact>* out);

}  // namespace kg::loader::tree::open_ie

#endif  // KG_LOADER_TREE_OPEN_IE_CLAUSE_H_
