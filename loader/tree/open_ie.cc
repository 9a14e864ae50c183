#include "loader/tree/open_ie.h"

#include "loader/tree/open_ie_appositions.h"
#include "loader/tree/open_ie_clause.h"
#include "loader/tree/sentence_tree.h"
#include "loader/tree/tree_clauses.h"

namespace kg::loader::tree {
std::vector<RawFact> OpenIeFromTree(const syntax::Sentence& parse, std::string_view text) {
  if (!WellFormedTree(parse, text)) return {};
  const SentenceTree t(parse, text);
  std::vector<RawFact> out;
  open_ie::ClauseTuples(t, BuildClauses(t), &out);
  open_ie::AppositionTuples(t, &out);
  return out;
}

}  // namespace kg::loader::tree
