// The trained parser (syntax/model.h: tagger, lemmatizer and dependency
// parser trained on the UD English Web Treebank) as a word-class oracle for
// the rule-based tagger, in the same form as link-grammar's hints
// (link_parser.h): one PosHint per loader token whose class the parse
// settles. The parse itself (tags, lemmas, tree) is kept for later stages.
#ifndef KG_LOADER_LINGUISTICS_PARSER_HINTS_H_
#define KG_LOADER_LINGUISTICS_PARSER_HINTS_H_

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "loader/linguistics/link_parser.h"
#include "syntax/model.h"
#include "syntax/sentence.h"

namespace kg::loader::linguistics {

// A loader token's bytes [begin, end) in the sentence.
struct TokenSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Tokenizes `sentence` as the treebank does (syntax/tokenizer.h) and
// annotates it with `model`: every word gets form, upos, xpos, lemma, head
// and deprel, and `offsets` holds each word's byte offset in `sentence`.
// An empty or all-space sentence gives a sentence without words. Cost is
// linear in the number of words. Thread-safe.
// `known_name` (optional) says whether the article writes a word as a name
// elsewhere, for the sentence's first word (name_case.h).
syntax::Sentence ParseSentence(const syntax::Model& model, std::string_view sentence,
                               const std::function<bool(std::string_view)>& known_name = {});

// The class of word `i` (0-based) of an annotated sentence, in the letters
// of PosHint: 'n' for NOUN and PROPN, and for an ADJ in a noun's place (a
// nominal relation — nsubj, obj, iobj, obl, nmod, appos — or a conjunct of
// a nominal; the tree outvotes the tag); 'a' for other ADJ and for a participle
// modifying a noun (VERB with deprel amod: "a *planned* expansion"); 'e'
// for ADV; 'g' for a VBG gerund doing a noun's job (subject, object, or
// after a preposition: "by *investing*"); 'v' for other VERBs and for AUX;
// 0 for everything else (determiners, pronouns, numbers, punctuation …).
// Precondition: i < s.words.size().
char ParsedWordClass(const syntax::Sentence& s, size_t i);

// Hints for the loader's tokens from an annotated sentence (offsets set by
// ParseSentence), sorted by `begin` as TagTokens expects. The tokenizations
// differ ("Oslo-based" is one loader token, three treebank words): a token
// gets the class of the word that heads the words inside it (the one whose
// head lies outside the token; the last such word if several), provided a
// word starts where the token starts and every word counted lies inside it.
// Tokens with no such word, or whose head word has no class, get no hint.
std::vector<PosHint> HintsFromParse(const syntax::Sentence& parsed, const std::vector<TokenSpan>& tokens);

}  // namespace kg::loader::linguistics

#endif  // KG_LOADER_LINGUISTICS_PARSER_HINTS_H_
