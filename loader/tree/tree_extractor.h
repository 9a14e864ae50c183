// Tree-based fact extraction for one sentence (docs/loader.md, stage 4):
// the sentence's parse → clauses and mentions → the patterns of
// loader/tree/patterns/, whose facts go to the article state.
#ifndef KG_LOADER_TREE_TREE_EXTRACTOR_H_
#define KG_LOADER_TREE_TREE_EXTRACTOR_H_

#include <string_view>

#include "loader/tree/article_state.h"
#include "syntax/sentence.h"

namespace kg::loader::tree {

// `parse` is the trained parser's analysis of `text` with word offsets
// (linguistics::ParseSentence). Sentences without words add nothing.
void ExtractFromTree(const syntax::Sentence& parse, std::string_view text, ArticleState& state);

}  // namespace kg::loader::tree

#endif  // KG_LOADER_TREE_TREE_EXTRACTOR_H_
