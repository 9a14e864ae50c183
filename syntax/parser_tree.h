// Between CoNLL-U trees and the transition system's numbering (words 0..n-1,
// root n): gold trees for training, predicted trees back into a Sentence.
#ifndef KG_SYNTAX_PARSER_TREE_H_
#define KG_SYNTAX_PARSER_TREE_H_

#include <vector>

#include "syntax/arc_eager.h"
#include "syntax/label_set.h"
#include "syntax/sentence.h"

namespace kg::syntax {

inline constexpr int kMaxParserActions = 256;

// Whether every word has a head in range (trees with "_" heads are skipped).
bool TrainableTree(const Sentence& s);

// Gold heads (root = n) and label ids, projectivized for the oracle.
void GoldTree(const Sentence& s, const LabelSet& labels, std::vector<int>* heads,
              std::vector<int>* label_ids);

// Writes head and deprel of every word from a terminal state. One root per
// sentence: the first word attached to the root keeps it (the parser attaches
// the rightmost remaining stack word first, usually the main clause); any
// others hang from it as parataxis.
void WriteTree(const ParseState& st, const LabelSet& labels, Sentence* s);

}  // namespace kg::syntax

#endif  // KG_SYNTAX_PARSER_TREE_H_
