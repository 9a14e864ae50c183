// "a EUR 25 million deal to fund MariaDB": after "to", a word the tagger
// read as a singular noun but followed by what starts a noun phrase (a
// determiner, a name, a pronoun) is the verb of an infinitive.
#ifndef KG_LOADER_LINGUISTICS_INFINITIVES_H_
#define KG_LOADER_LINGUISTICS_INFINITIVES_H_

#include <vector>

#include "syntax/label_set.h"
#include "syntax/sentence.h"

namespace kg::loader::linguistics {

// Re-tags such nouns as base-form verbs (VERB VB). `ids` index `classes`
// (the tagger's joint "UPOS\tXPOS" classes); run after TagCapitalsAsNames
// so that names after the word are already names.
void TagInfinitives(const syntax::Sentence& s, const syntax::LabelSet& classes, std::vector<int>* ids);

}  // namespace kg::loader::linguistics

#endif  // KG_LOADER_LINGUISTICS_INFINITIVES_H_
