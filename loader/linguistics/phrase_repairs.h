// Repairs of the trained parser's noun phrases: amounts split from their
// currency, names a description or a coordination hid, list items and
// modifiers the tagger read as verbs. Like tree_repairs.h, each rewrites
// heads only where its shape is unambiguous, as UD annotates it.
#ifndef KG_LOADER_LINGUISTICS_PHRASE_REPAIRS_H_
#define KG_LOADER_LINGUISTICS_PHRASE_REPAIRS_H_

#include "syntax/sentence.h"

namespace kg::loader::linguistics {

// "provide EUR 90 million to …" parsed with "EUR" as the indirect object
// and "90 million" as the object: a currency code followed by a number that
// hangs on the same head is one amount, headed by the code (as the parser
// reads "EUR 420 million" when it gets it right).
void JoinSplitAmount(syntax::Sentence& s);

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

// "will use the computer software, control systems and main drive power
// supplies": a list item after a comma whose first noun the tagger read as
// a verb ("control") joined to the verb before, with a noun object that the
// list continues from with "and". The item becomes a noun phrase
// ("control systems") in the list of the verb's objects.
void JoinNounListMisreadAsVerb(syntax::Sentence& s);

// "The borrower and primary source of repayment … is X": the parser may
// read an agent noun ("borrower", "operator") as a compound of the noun
// after "and" + adjective, with the adjective as its conjunct. The agent
// noun heads the phrase again, and the modified noun is its conjunct: two
// things X is.
void SplitAgentCoordinatedWithModifiedNoun(syntax::Sentence& s);

// "the assembly of state-of-the-art thin-film, cadmium-telluride solar
// panels": the parser may end the phrase at the comma after a hyphenated
// modifier and hang the rest beside it (an apposition, a conjunct). A
// hyphenated noun before a comma, followed by a noun phrase with no
// determiner and no "and", is one of coordinate modifiers: the noun after
// the comma heads the phrase in its place.
void JoinCommaSeparatedModifiers(syntax::Sentence& s);

// "provide incentives for firms like INEOS to make Wales their home": the
// parser may read "like" as a conjunction opening an infinitive clause with
// the example as its subject, which no infinitive has. The example hangs on
// the noun before "like" ("firms like INEOS"), and the infinitive keeps the
// rest.
void AttachLikeExampleToNoun(syntax::Sentence& s);

// "to boost further spaceport sites across Britain – such as Glasgow
// Prestwick", "Thanks to support from X, 4 companies - including A and B -
// have chosen …": after a dash or comma the parser may hang the example on
// a verb or a word before the list, though "such as" and "including"
// introduce members of a class a noun names. The example hangs on the
// nearest plural noun before it when no verb stands between them.
void AttachExampleToPluralNoun(syntax::Sentence& s);

}  // namespace kg::loader::linguistics

#endif  // KG_LOADER_LINGUISTICS_PHRASE_REPAIRS_H_
