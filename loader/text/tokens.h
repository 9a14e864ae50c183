// Stage 2 of the loader: tokens with coarse part-of-speech tags and lemmas.
// The tagger is rule-based: a closed-class lexicon (determiners, pronouns,
// auxiliaries, prepositions …), number/amount patterns, capitalization for
// proper names, WordNet for the word classes of open-class words, and context
// rules that pick one class for ambiguous words ("plans", "centers").
#ifndef KG_LOADER_TEXT_TOKENS_H_
#define KG_LOADER_TEXT_TOKENS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "loader/linguistics/link_parser.h"

namespace kg::loader::text {

enum class Tag : uint8_t {
  kNoun,
  kProper,  // proper name part ("Microsoft", "Trade")
  kVerb,
  kAux,    // forms of be / have / do
  kModal,  // may, might, could, will, would, should, can, must
  kAdj,
  kAdv,
  kDet,       // the, a, several, many, each …
  kPoss,      // its, their, his, her, our, my, your
  kPossMark,  // 's
  kPron,      // it, they, he, she, we, this (as pronoun) …
  kPrep,
  kTo,    // "to" (preposition or infinitive marker)
  kConj,  // and, or, but, nor
  kSub,   // subordinators: because, although, while, if, as …
  kWh,    // relative/wh words: who, which, that, whose, whom, where
  kNeg,   // not, n't, never, no longer
  kNum,   // numbers and amounts: "10", "1.5", "$10", "million"
  kPunct,
};

enum class VerbForm : uint8_t { kNone, kBase, kPres3, kPast, kPastPart, kGerund };

struct Token {
  std::string text;    // as written in the sentence
  std::string lower;   // lower-cased text
  std::string lemma;   // base form (verbs: infinitive, nouns: singular), else lower
  uint32_t begin = 0;  // byte offsets in the sentence
  uint32_t end = 0;
  Tag tag = Tag::kNoun;
  VerbForm form = VerbForm::kNone;
  bool capitalized = false;  // first letter upper case
  bool all_caps = false;     // "METI", "AI" (two or more letters)
};

// Splits a sentence into tokens: words (hyphenated words stay whole),
// numbers and amounts ("$10", "US$2.9", "2.5%", "$2.9B" stay whole),
// abbreviations with periods ("U.S.", "Inc."), possessive "'s" and "n't"
// split off, punctuation as single tokens.
std::vector<Token> Tokenize(std::string_view sentence);

// "SMEs", "NGOs", "EVs": an acronym with a plural "s" names a kind of
// thing, not one entity.
bool PluralAcronym(std::string_view word);

// Verbs of saying and thinking ("say", "indicate", "believe" …, by lemma),
// which take a clause as their object.
bool IsReportingVerb(std::string_view lemma);

// Optional knowledge of names: true when a capitalized word starts a known
// entity name (country, company …), so "Japan" at the start of a sentence is
// a name even though WordNet knows "japan" as a common noun.
using NameOracle = std::function<bool(std::string_view word)>;

// Assigns tags, verb forms and lemmas in place. `hints` (optional) are word
// classes from a full parse (link-grammar); they settle ambiguous open-class
// words when the word can have that class.
void TagTokens(std::vector<Token>& tokens, const NameOracle& is_name = nullptr,
               const std::vector<linguistics::PosHint>* hints = nullptr);

// Tokenize + TagTokens.
// Whether word classes from a full parse could change any tag of `toks`
// (tagged without hints): when false the parser can be skipped.
bool HintsCouldChange(const std::vector<Token>& toks);

std::vector<Token> TagSentence(std::string_view sentence, const NameOracle& is_name = nullptr);

// Human-readable tag name ("NOUN", "VERB" …), for tests and debugging.
const char* TagName(Tag tag);

// Whether the token is a number word or starts with a digit or currency sign.
bool IsNumberToken(std::string_view lower);

// Helpers shared by later stages.
bool IsBeForm(std::string_view lower);
bool IsHaveForm(std::string_view lower);
// "not only / not just / not merely" (before "but also"): no negation.
bool NotOnly(std::string_view lower, std::string_view next_lower);

}  // namespace kg::loader::text

#endif  // KG_LOADER_TEXT_TOKENS_H_
