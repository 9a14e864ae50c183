// "in a battery materials plant in Nuevo Leon": the tagger, which reads
// "materials" as a plural subject, can make the facility noun after it a
// verb ("plant"), and the tree then hangs a clause where a noun phrase is.
#ifndef KG_LOADER_LINGUISTICS_FACILITY_NOUNS_H_
#define KG_LOADER_LINGUISTICS_FACILITY_NOUNS_H_

#include <vector>

#include "syntax/label_set.h"
#include "syntax/sentence.h"

namespace kg::loader::linguistics {

// Re-tags as a singular noun (NOUN NN) a facility noun (nouns.tsv, class
// `facility`) tagged as a present or base verb when a noun comes right
// before it, a preposition or punctuation right after it, and a
// preposition before that noun phrase: a verb there would have neither
// subject nor object. `ids` index `classes` (the tagger's joint
// "UPOS\tXPOS" classes).
void TagFacilityNouns(const syntax::Sentence& s, const syntax::LabelSet& classes, std::vector<int>* ids);

}  // namespace kg::loader::linguistics

#endif  // KG_LOADER_LINGUISTICS_FACILITY_NOUNS_H_
