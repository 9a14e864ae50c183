// Repairs of the trained parser's trees for shapes news has more of than the
// web treebank it learned from: sentence-final attributions ("…, Chief
// Executive Anna Berg told reporters."), parenthetical participles after a
// name, and a list's last member read as the subject of the next verb. Each
// rewrites heads only where its shape is unambiguous, as UD annotates it.
#ifndef KG_LOADER_LINGUISTICS_TREE_REPAIRS_H_
#define KG_LOADER_LINGUISTICS_TREE_REPAIRS_H_

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

// "Norvik, based in Cambridge, develops antibody treatments": the parser
// may instead read the participle as the verb's subject and the name as a
// vocative. A participle between commas that is a subject, after a name
// hanging on the same verb, is the name's acl; the name is the subject.
void AttachParticipleReadAsSubject(syntax::Sentence& s);

// "… help producers in Africa, Latin America and Asia boost their
// productivity": a subject that carries its own "and" is the last member of
// the list before it, and a base-form verb after an object-control verb
// ("help", "let", "make") is that verb's complement.
void AttachListFinalSubject(syntax::Sentence& s);

// "focusing on the manufacture of high-performance engineering plastics
// products": the parser may end the prepositional phrase at "performance"
// and make "products" a second argument of the verb (an object or a bare
// oblique) after its oblique. When such a phrase starts right after a noun inside one of
// its verb's obliques, the two are one phrase: the object's noun takes the
// earlier noun's place, and the earlier noun becomes its compound.
void JoinSplitNounPhrase(syntax::Sentence& s);

// "on 10 May the EIF and CSOB signed …": the parser may make the month the
// subject and the real subject its apposition. The apposition becomes the
// subject and the month hangs on its day.
void DetachDateFromSubject(syntax::Sentence& s);

// "The government has today announced £30 million of funding": with a time
// word between them, the tagger may read "has" as the main verb and the
// participle as a modifier of the object. The participle becomes the head
// of the clause with "has" as its auxiliary.
void AttachPerfectAcrossTimeWord(syntax::Sentence& s);

// "to Norvik Air in Norway, Talvo Airlines in Peru and Besk Air in Chile":
// a list of names each placed by its own "in" is one coordination, each
// member with its place as an nmod; the parser tends to hang the later
// members on the places before them.
void AttachPlacedList(syntax::Sentence& s);

// "is helping Indian vaccine maker, Biocore Labs, expand capacity": the
// parser may hang the name and the bare verb on "help" as parataxes. The
// name is in apposition to the object, and the verb is the complement of
// "help" (as for "let" and "make").
void AttachNamedControlledObject(syntax::Sentence& s);

// "the U.S. Department of Commerce's Economic Growth Agency": the parser may
// make the Department the head, with the Agency an "of" phrase owned by
// "Commerce's". The Agency heads the phrase; the Department (with its "of
// Commerce") is its possessor.
void AttachOwnerWithOf(syntax::Sentence& s);

}  // namespace kg::loader::linguistics

#endif  // KG_LOADER_LINGUISTICS_TREE_REPAIRS_H_
