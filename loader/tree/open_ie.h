// Open IE tuples read off the dependency tree (docs/loader.md, "Open IE"):
// for every clause of a sentence, the relation phrase as written and its
// arguments, in the form CaRB scores (arg1, relation, arg2, arg3 …).
#ifndef KG_LOADER_TREE_OPEN_IE_H_
#define KG_LOADER_TREE_OPEN_IE_H_

#include <string_view>
#include <vector>

#include "kg/article.h"
#include "syntax/sentence.h"

namespace kg::loader::tree {

// `parse` is the trained parser's analysis of `text` with word offsets.
// Tuples get `sentence` 0; the caller sets it.
std::vector<RawFact> OpenIeFromTree(const syntax::Sentence& parse, std::string_view text);

}  // namespace kg::loader::tree

#endif  // KG_LOADER_TREE_OPEN_IE_H_
