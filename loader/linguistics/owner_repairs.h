// Repairs of the trained parser's owned phrases: a facility with its
// owner and place, a bare apostrophe owner, a possessed role before a name.
// Like phrase_repairs.h, each rewrites heads only where its shape is
// unambiguous, as UD annotates it.
#ifndef KG_LOADER_LINGUISTICS_OWNER_REPAIRS_H_
#define KG_LOADER_LINGUISTICS_OWNER_REPAIRS_H_

#include "syntax/sentence.h"

namespace kg::loader::linguistics {

// "at its 1,600-employee Salem, VA plant", "in its Austin, Texas plant":
// the parser may make the place name, or the measure, the head of an owned
// facility's phrase and the facility noun its apposition. An owner followed
// by names, numbers, modifiers and commas up to a facility noun is one noun
// phrase headed by that noun, as UD annotates "its Salem plant".
void HeadOwnedFacilityOnItsNoun(syntax::Sentence& s);

// "Tarro Motors' Osby plant will build …": the parser may not read a bare
// apostrophe after a name ending in "s" as the possessive it is, and hang
// the name elsewhere (a vocative, a subject). A name ending in "s" with an
// apostrophe written against it owns the noun phrase after it.
void AttachBareApostropheOwner(syntax::Sentence& s);

// "Orvane's chief executive, Dana Holt, said …": the parser may hang the
// owner and the role words on the name and ignore the comma. A role written
// between an owner and a comma before a name heads the phrase, with the
// owner, and the name is its apposition.
void AttachPossessedRoleBeforeName(syntax::Sentence& s);

// "Tarro Motors and South Korea's Kessel Batteries will build …": the
// parser may join the first name and the owner ("Tarro Motors and South
// Korea") as a compound of the second name. An owner with "'s" that is a
// conjunct of a name modifying the name after the owner is that name's
// owner; the two names are the conjuncts.
void SplitNameCoordinatedWithOwner(syntax::Sentence& s);

}  // namespace kg::loader::linguistics

#endif  // KG_LOADER_LINGUISTICS_OWNER_REPAIRS_H_
