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

// "provide EUR 90 million to …" parsed with "EUR" as the indirect object
// and "90 million" as the object: a currency code followed by a number that
// hangs on the same head is one amount, headed by the code (as the parser
// reads "EUR 420 million" when it gets it right).
void JoinSplitAmount(syntax::Sentence& s);

// "on 10 May the EIF and CSOB signed …": the parser may make the month the
// subject and the real subject its apposition. The apposition becomes the
// subject and the month hangs on its day.
void DetachDateFromSubject(syntax::Sentence& s);

// "investments … in manufacturing equipment and machinery": after a
// preposition, a gerund naming an activity ("manufacturing", "processing",
// "mining", …) with a noun object right after it modifies that noun; the
// parser's gerund clause becomes a noun phrase headed by the noun.
void AttachActivityGerundAsModifier(syntax::Sentence& s);

// "a guarantee from the European Fund for Strategic Investments (EFSI), the
// heart of the Investment Plan": a conjunct with a determiner, no "and"
// and no other conjunct (or an apposition hung on a verb), written after a
// comma right after a name (and its bracketed short form), is that name's
// apposition.
void AttachBareConjunctAsApposition(syntax::Sentence& s);

// "agreed to buy Danish shipping firm Kestrel Lines for $2.1 billion": the
// parser may hang the name on the verb beside the description before it
// (an unmarked oblique, a second object). A name right after a verb's
// object or subject noun, hung on the same verb without a preposition, is
// that noun's apposition, as UD annotates "the firm Kestrel Lines"; so is
// one hung beside a noun inside a phrase ("takeover of … maker Brevik").
void AttachNameAfterDescription(syntax::Sentence& s);

// "Norway's Brevik Energy and South Korean battery maker Lumio Corp said
// …": the parser may read the first name as a compound of the second's
// descriptor ("maker") and the descriptor's modifier after "and" as that
// name's conjunct. The first name becomes a conjunct of the second, and the
// modifier the descriptor's again.
void SplitNameCoordinatedWithDescribedName(syntax::Sentence& s);

// "The government has today announced £30 million of funding": with a time
// word between them, the tagger may read "has" as the main verb and the
// participle as a modifier of the object. The participle becomes the head
// of the clause with "has" as its auxiliary.
void AttachPerfectAcrossTimeWord(syntax::Sentence& s);

// "will use the computer software, control systems and main drive power
// supplies": a list item after a comma whose first noun the tagger read as
// a verb ("control") joined to the verb before, with a noun object that the
// list continues from with "and". The item becomes a noun phrase
// ("control systems") in the list of the verb's objects.
void JoinNounListMisreadAsVerb(syntax::Sentence& s);

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
