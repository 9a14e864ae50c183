// Open IE tuples of appositions (loader/tree/open_ie.h): "The doctor ,
// Erasistratus ," and "author Bill Bryson" say what a name is.
#ifndef KG_LOADER_TREE_OPEN_IE_APPOSITIONS_H_
#define KG_LOADER_TREE_OPEN_IE_APPOSITIONS_H_

#include <vector>

#include "kg/article.h"
#include "loader/tree/sentence_tree.h"

namespace kg::loader::tree::open_ie {

// One tuple (X; be; Y) per nominal apposition of `t`, appended to `out`:
// the name first when a name stands in apposition to a common noun
// (Erasistratus; be; The doctor), else the noun the apposition is attached
// to. The relation is "be": an apposition has no tense of its own.
// Confidence 0.8.
void AppositionTuples(const SentenceTree& t, std::vector<RawFact>* out);

}  // namespace kg::loader::tree::open_ie

#endif  // KG_LOADER_TREE_OPEN_IE_APPOSITIONS_H_
