// Repairs of the trained parser's clause heads: an amount read as the
// root, a hyphenated passive read as a copula, a time word read as the
// subject. Like phrase_repairs.h, each rewrites heads only where its shape
// is unambiguous, as UD annotates it.
#ifndef KG_LOADER_LINGUISTICS_CLAUSE_REPAIRS_H_
#define KG_LOADER_LINGUISTICS_CLAUSE_REPAIRS_H_

#include "syntax/sentence.h"

namespace kg::loader::linguistics {

// "Minister X today announced £40 million of funding to …": the parser may
// make the amount the root and the verb before it a parataxis. A verb right
// before a root amount, with a subject and no object, is the root, and the
// amount its object.
void AttachAmountRootToVerb(syntax::Sentence& s);

// "Baltwind is majority-owned by Energa Nord": the parser may read the word
// before the hyphen as a copular predicate and the participle as its
// modifier. A participle written against a copular predicate by a hyphen,
// with an agent, heads a passive clause; the word before the hyphen
// modifies it.
void JoinHyphenatedPassivePredicate(syntax::Sentence& s);

// "The Kessel Water Agency today announced …": the parser may read "today"
// as the subject with the name as its compound. The name right before a
// time word that is a subject is the subject; the time word hangs on the
// verb.
void DetachTimeWordFromSubject(syntax::Sentence& s);

// "In 2018 Kessel Group support in Norland amounted to EUR 90 million": the
// parser may read the noun phrase after an opening year as the year's
// apposition, leaving the verb without a subject. A noun in apposition to a
// year that opens the sentence, before a finite verb with no subject, is
// that verb's subject.
void AttachSubjectAfterOpeningYear(syntax::Sentence& s);

// "Delivered through the Research Council, £12 million of the funding will
// be used to …": the parser may read the opening participle as the subject
// and the real subject after the comma as the participle's parataxis. An
// opening past participle that is a subject, with a noun after its comma
// hanging on it, is an adverbial clause; the noun is the subject.
void DetachOpeningParticipleFromSubject(syntax::Sentence& s);

// "Halden announced last month a $9 billion plan": the parser may read the
// time words as modifiers of the noun after them and the noun as an
// oblique. A time noun ("month", "week") with "last", "next" or "this"
// right after a verb, before a determiner, is the verb's time; the noun
// phrase after it is the verb's object when it has none.
void DetachTimeBeforeObject(syntax::Sentence& s);

// "will support up to 8,000 adults": the parser may read "up" as the verb's
// particle and "to 8,000 adults" as an oblique. "up to" before a number is
// its modifier (UD: "up" advmod of the number, "to" fixed), and the counted
// noun is the verb's object when it has none.
void AttachUpToAsNumberModifier(syntax::Sentence& s);

}  // namespace kg::loader::linguistics

#endif  // KG_LOADER_LINGUISTICS_CLAUSE_REPAIRS_H_
