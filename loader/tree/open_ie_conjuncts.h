// Coordinated objects of an Open IE tuple (loader/tree/open_ie.h): "hosts
// fellowship events , conclaves and an annual banquet" says three things, so
// it gives three tuples, one per conjunct of the object.
#ifndef KG_LOADER_TREE_OPEN_IE_CONJUNCTS_H_
#define KG_LOADER_TREE_OPEN_IE_CONJUNCTS_H_

#include <string>
#include <vector>

#include "loader/tree/open_ie_predicate.h"
#include "loader/tree/sentence_tree.h"

namespace kg::loader::tree::open_ie {

// The texts of `args` (empty ones left out), once per conjunct of the first
// object that is coordinated — each time with that conjunct (and the words
// the conjuncts share) in its place — or once when no object is.
std::vector<std::vector<std::string>> ArgumentTexts(const SentenceTree& t, const std::vector<Argument>& args);

}  // namespace kg::loader::tree::open_ie

#endif  // KG_LOADER_TREE_OPEN_IE_CONJUNCTS_H_
