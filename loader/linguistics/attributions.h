// Sentence-final attributions in news ("…, Chief Executive Anna Berg told
// reporters.", "…, the company said."): the treebank the parser learned from
// has few, and it often hangs the speaker on the last object of the
// statement. The loader re-attaches the attribution as the statement's
// parataxis, as UD annotates it.
#ifndef KG_LOADER_LINGUISTICS_ATTRIBUTIONS_H_
#define KG_LOADER_LINGUISTICS_ATTRIBUTIONS_H_

#include "syntax/sentence.h"

namespace kg::loader::linguistics {

// Rewrites the heads of a final ", SPEAKER VERB [OBJECT]." (VERB a verb of
// saying, SPEAKER nouns, names, adjectives and determiners only, a clause
// before the comma): VERB hangs on the root as parataxis, SPEAKER's last
// noun is its nsubj, the other speaker words hang on that noun, and nothing
// before the comma hangs on the attribution. Leaves other sentences as they
// are; the result is a tree whenever the input was.
void AttachFinalAttribution(syntax::Sentence& s);

// "Brevik, founded in 2009 and based in Copenhagen, employs 2,300 people":
// the parser may make the participle the root with the name as its subject
// and the finite verb a parataxis. The finite verb becomes the root with the
// name as its subject, and the participle clause an acl of the name.
void AttachParentheticalParticiple(syntax::Sentence& s);

}  // namespace kg::loader::linguistics

#endif  // KG_LOADER_LINGUISTICS_ATTRIBUTIONS_H_
