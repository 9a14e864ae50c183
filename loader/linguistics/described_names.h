// "Spanish telecom operator Telvio and U.S. chipmaker Orbis Systems have
// signed …": two names, each with a description before it, joined by
// "and". The parser can read the first name as a compound of the second
// name and the second description as the first name's conjunct, which
// loses the first name as a party.
#ifndef KG_LOADER_LINGUISTICS_DESCRIBED_NAMES_H_
#define KG_LOADER_LINGUISTICS_DESCRIBED_NAMES_H_

#include "syntax/sentence.h"

namespace kg::loader::linguistics {

// Where a proper noun is a compound of a later proper noun and has a
// conjunct (with "and") between the two, the first name takes the second's
// place in the clause, the second name becomes its conjunct (with the
// "and"), and the conjunct description the second name's descriptor.
void SplitNamesCoordinatedWithDescriptions(syntax::Sentence& s);

}  // namespace kg::loader::linguistics

#endif  // KG_LOADER_LINGUISTICS_DESCRIBED_NAMES_H_
