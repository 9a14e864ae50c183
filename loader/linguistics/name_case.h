// News writes names with capitals: inside a sentence a capitalized word is a
// proper noun far more often than in the treebank the tagger learned from
// (web text, e-mails, headlines). The loader re-tags such words before the
// parser sees them ("a loan guarantee to Abound Solar" is no verb "abound").
#ifndef KG_LOADER_LINGUISTICS_NAME_CASE_H_
#define KG_LOADER_LINGUISTICS_NAME_CASE_H_

#include <functional>
#include <string_view>
#include <vector>

#include "syntax/label_set.h"
#include "syntax/sentence.h"

namespace kg::loader::linguistics {

// Turns the tag of every capitalized common noun, verb, interjection or
// unknown word inside a sentence (and of a sentence-initial acronym) into
// a proper noun's, unless the sentence is written in title case or
// capitals. Adjectives keep their tag ("European", "Spanish"). `ids` index
// `classes` (the tagger's joint "UPOS\tXPOS" classes).
void TagCapitalsAsNames(const syntax::Sentence& s, const syntax::LabelSet& classes, std::vector<int>* ids);

// The words of a name a bracketed short form spells ("Československá
// obchodní banka (CSOB)") are tagged as proper nouns, lower-case content
// words included.
void TagDefinedNames(const syntax::Sentence& s, const syntax::LabelSet& classes, std::vector<int>* ids);

// The first word of a sentence, where capitals say nothing by themselves:
// a name when the article writes it as one elsewhere (`known_name`: written
// capitalized inside sentences and never in lower case), and a noun, not an
// imperative verb, when lower-case nouns or adjectives and then a name follow
// it ("Chip giant Orvane will invest …").
void TagOpeningWord(const syntax::Sentence& s, const syntax::LabelSet& classes,
                    const std::function<bool(std::string_view)>& known_name, std::vector<int>* ids);

}  // namespace kg::loader::linguistics

#endif  // KG_LOADER_LINGUISTICS_NAME_CASE_H_
