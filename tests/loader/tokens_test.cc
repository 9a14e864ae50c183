#include "loader/text/tokens.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kg::loader::text {
namespace {

std::vector<std::string> Texts(const std::vector<Token>& toks) {
  std::vector<std::string> out;
  for (const auto& t : toks) out.push_back(t.text);
  return out;
}

TEST(Tokenize, AmountsAbbreviationsPossessivesNegation) {
  EXPECT_EQ(Texts(Tokenize("Acme's $2.9B deal with U.S. firms doesn't close.")),
            (std::vector<std::string>{"Acme", "'s", "$2.9B", "deal", "with", "U.S.", "firms", "does", "n't",
                                      "close", "."}));
  EXPECT_EQ(Texts(Tokenize("US$2.9 billion, 1,000 jobs (5%)")),
            (std::vector<std::string>{"US$2.9", "billion", ",", "1,000", "jobs", "(", "5%", ")"}));
}

TEST(Tokenize, OffsetsPointIntoTheSentence) {
  const std::string s = "Acme Inc. hired 50 people.";
  for (const auto& t : Tokenize(s)) EXPECT_EQ(s.substr(t.begin, t.end - t.begin), t.text);
}

TEST(Tokenize, LoneSymbolsMakeProgress) { EXPECT_EQ(Texts(Tokenize("rose to # 135.2 million")).size(), 5u); }

Tag TagOf(const std::vector<Token>& toks, const std::string& word) {
  for (const auto& t : toks) {
    if (t.text == word) return t.tag;
  }
  return Tag::kPunct;
}

TEST(Tagger, AmbiguousNounVerbByContext) {
  const auto a = TagSentence("The country faces several structural challenges.");
  EXPECT_EQ(TagOf(a, "faces"), Tag::kVerb);
  const auto b = TagSentence("Acme is investing in data centers and cloud infrastructure.");
  EXPECT_EQ(TagOf(b, "centers"), Tag::kNoun);
  EXPECT_EQ(TagOf(b, "investing"), Tag::kVerb);
  const auto c = TagSentence("The company plans to open a plant.");
  EXPECT_EQ(TagOf(c, "plans"), Tag::kVerb);
  EXPECT_EQ(TagOf(c, "open"), Tag::kVerb);
}

TEST(Tagger, NamesLemmasAndClosedClass) {
  const auto t = TagSentence("Regulators in Kenya have approved two agencies.");
  EXPECT_EQ(TagOf(t, "Kenya"), Tag::kProper);
  EXPECT_EQ(TagOf(t, "have"), Tag::kAux);
  for (const auto& tok : t) {
    if (tok.text == "agencies") {
      EXPECT_EQ(tok.lemma, "agency");
    }
    if (tok.text == "approved") {
      EXPECT_EQ(tok.lemma, "approve");
    }
  }
}

TEST(Tagger, VerbsAfterModalsAdverbsAndCoordination) {
  // A base form after a modal and adverbs is a verb; so is a base form after
  // "and" that continues the modal's verb phrase with an object and "to".
  const auto a = TagSentence("The bank will also fund the program with 2 billion pesos.");
  EXPECT_EQ(TagOf(a, "fund"), Tag::kVerb);
  const auto b = TagSentence("Cellpath will operate the plant and supply battery cells to Arvana.");
  EXPECT_EQ(TagOf(b, "supply"), Tag::kVerb);
  EXPECT_EQ(TagOf(b, "cells"), Tag::kNoun);
  // Without "to" after it, a noun pair after "and" stays a compound.
  const auto c =
      TagSentence("Acme will invest to expand AI infrastructure and cloud computing capabilities.");
  EXPECT_EQ(TagOf(c, "cloud"), Tag::kNoun);
  // Ordinals between a determiner and a noun are adjectives.
  const auto d = TagSentence("The University of Chile will lead the first phase.");
  EXPECT_EQ(TagOf(d, "first"), Tag::kAdj);
}

TEST(Tagger, ModifierIngBeforeNoun) {
  const auto t = TagSentence("Rising cybersecurity threats worry banks.");
  EXPECT_EQ(TagOf(t, "Rising"), Tag::kAdj);
}

TEST(Tagger, EverySentenceGetsAFiniteVerb) {
  // The context rules alone read "sells" as a noun after the relative clause.
  const auto a = TagSentence("The brewer, which is based in Lyon, sells beer to bars in Spain.");
  EXPECT_EQ(TagOf(a, "sells"), Tag::kVerb);
  const auto b = TagSentence("That amounts to more than $5 billion a year.");
  EXPECT_EQ(TagOf(b, "amounts"), Tag::kVerb);
  // A sentence that has its verb keeps its nouns.
  const auto c = TagSentence("The company sells batteries and spare parts.");
  EXPECT_EQ(TagOf(c, "parts"), Tag::kNoun);
}

TEST(Tagger, VerbAfterAndWithItsOwnObject) {
  const auto a = TagSentence("The firm is based in Ghent, and employs 300 people.");
  EXPECT_EQ(TagOf(a, "employs"), Tag::kVerb);
}

TEST(Tagger, ParticipleInsideANounPhraseIsAnAdjective) {
  const auto a = TagSentence("The bank refinanced the existing loans of the surrounding towns.");
  EXPECT_EQ(TagOf(a, "existing"), Tag::kAdj);
  EXPECT_EQ(TagOf(a, "surrounding"), Tag::kAdj);
}

TEST(Tokenize, StateAbbreviationsKeepTheirPeriod) {
  EXPECT_EQ(
      Texts(Tokenize("a plant in Dayton, Tenn., and Erie, Pa.")),
      (std::vector<std::string>{"a", "plant", "in", "Dayton", ",", "Tenn.", ",", "and", "Erie", ",", "Pa."}));
  // Word-like abbreviations only when capitalized: "ill." ends a sentence.
  EXPECT_EQ(Texts(Tokenize("He was ill.")), (std::vector<std::string>{"He", "was", "ill", "."}));
}

TEST(Tagger, PassiveParticipleSpelledLikeItsBase) {
  const auto a = TagSentence("The port was hit by a storm and the losses were offset by insurance.");
  EXPECT_EQ(TagOf(a, "hit"), Tag::kVerb);
  EXPECT_EQ(TagOf(a, "offset"), Tag::kVerb);
  // A noun reading stays where a determiner or an object shows it.
  const auto b = TagSentence("The song was a hit in Brazil.");
  EXPECT_EQ(TagOf(b, "hit"), Tag::kNoun);
}

TEST(Tagger, HerAsObjectOrPossessive) {
  const auto a = TagSentence("The board thanked her for her work.");
  ASSERT_GE(a.size(), 6u);
  EXPECT_EQ(a[3].tag, Tag::kPron);  // "thanked her for"
  EXPECT_EQ(a[5].tag, Tag::kPoss);  // "her work"
}

TEST(Tagger, PluralPossessiveApostrophe) {
  const auto a = TagSentence("The regulators ' decision surprised investors .");
  EXPECT_EQ(TagOf(a, "'"), Tag::kPossMark);
}

TEST(Tokens, PluralAcronymsAreKindsNotNames) {
  EXPECT_TRUE(PluralAcronym("SMEs"));
  EXPECT_TRUE(PluralAcronym("NGOs"));
  EXPECT_FALSE(PluralAcronym("AWS"));
  EXPECT_FALSE(PluralAcronym("SME"));
  EXPECT_FALSE(PluralAcronym("Sales"));
  // The tagger reads them as common nouns.
  const auto toks = TagSentence("The bank lends to SMEs in Romania.");
  bool seen = false;
  for (const Token& t : toks) {
    if (t.text == "SMEs") {
      seen = true;
      EXPECT_EQ(t.tag, Tag::kNoun);
    }
  }
  EXPECT_TRUE(seen);
}

}  // namespace
}  // namespace kg::loader::text
