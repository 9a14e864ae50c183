// Word classes from the trained parser (loader/linguistics/parser_hints.h).
// The mapping is tested on hand-made parses; ParseSentence needs a model
// ($KG_SYNTAX_MODEL or the default) and is skipped without one.
#include "loader/linguistics/parser_hints.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "syntax/model_registry.h"
#include "tests/loader/hand_parse.h"

namespace kg::loader::linguistics {
namespace {

std::string Classes(const syntax::Sentence& s) {
  std::string out;
  for (size_t i = 0; i < s.words.size(); ++i) {
    const char c = ParsedWordClass(s, i);
    out.push_back(c == 0 ? '.' : c);
  }
  return out;
}

TEST(ParserHints, ClassesFromTagsAndRelations) {
  // Investors welcome the planned expansion quickly .
  const auto s = Parsed({{"Investors", "NOUN", "NNS", 2, "nsubj"},
                         {"welcome", "VERB", "VBP", 0, "root"},
                         {"the", "DET", "DT", 5, "det"},
                         {"planned", "VERB", "VBN", 5, "amod"},
                         {"expansion", "NOUN", "NN", 2, "obj"},
                         {"quickly", "ADV", "RB", 2, "advmod"},
                         {".", "PUNCT", ".", 2, "punct"}});
  EXPECT_EQ(Classes(s), "nv.ane.");
}

TEST(ParserHints, AdjectiveInANounsRelationIsANoun) {
  // Jane Roe , chief executive of Globex , is new : "executive" mistagged
  // JJ but attached as an apposition.
  const auto s = Parsed({{"Jane", "PROPN", "NNP", 5, "nsubj"},
                         {"Roe", "PROPN", "NNP", 1, "flat"},
                         {",", "PUNCT", ",", 5, "punct"},
                         {"chief", "ADJ", "JJ", 5, "amod"},
                         {"executive", "ADJ", "JJ", 1, "appos"},
                         {"is", "AUX", "VBZ", 7, "cop"},
                         {"new", "ADJ", "JJ", 0, "root"}});
  EXPECT_EQ(Classes(s), "nn.anva");
  // The same mistake attached as a conjunct of "Jane Roe": still a noun's
  // place. A conjunct of an adjective stays an adjective.
  const auto c = Parsed({{"Jane", "PROPN", "NNP", 0, "root"},
                         {",", "PUNCT", ",", 3, "punct"},
                         {"executive", "ADJ", "JJ", 1, "conj"},
                         {"big", "ADJ", "JJ", 1, "amod"},
                         {"and", "CCONJ", "CC", 6, "cc"},
                         {"strong", "ADJ", "JJ", 4, "conj"}});
  EXPECT_EQ(Classes(c), "n.na.a");
}

TEST(ParserHints, GerundsAfterPrepositionsAndAsSubjects) {
  // By investing , Acme is growing ; investing pays .
  const auto s = Parsed({{"By", "SCONJ", "IN", 2, "mark", "by"},
                         {"investing", "VERB", "VBG", 6, "advcl"},
                         {",", "PUNCT", ",", 2, "punct"},
                         {"Acme", "PROPN", "NNP", 6, "nsubj"},
                         {"is", "AUX", "VBZ", 6, "aux", "be"},
                         {"growing", "VERB", "VBG", 0, "root"},
                         {";", "PUNCT", ":", 6, "punct"},
                         {"investing", "VERB", "VBG", 9, "csubj"},
                         {"pays", "VERB", "VBZ", 6, "parataxis"}});
  EXPECT_EQ(Classes(s), ".g.nvv.gv");
  // "while expanding": a participle clause, not a gerund.
  const auto w =
      Parsed({{"while", "SCONJ", "IN", 2, "mark", "while"}, {"expanding", "VERB", "VBG", 0, "root"}});
  EXPECT_EQ(Classes(w), ".v");
}

TEST(ParserHints, ATokenGetsTheClassOfItsHeadWord) {
  // Loader token "Oslo-based" = treebank words "Oslo" "-" "based".
  const auto s = Parsed({{"Oslo", "PROPN", "NNP", 3, "compound"},
                         {"~-", "PUNCT", "HYPH", 3, "punct"},
                         {"~based", "VERB", "VBN", 4, "amod"},
                         {"firms", "NOUN", "NNS", 5, "nsubj"},
                         {"grew", "VERB", "VBD", 0, "root"}});
  const auto hints = HintsFromParse(s, {{0, 10}, {11, 16}, {17, 21}});
  ASSERT_EQ(hints.size(), 3u);
  EXPECT_EQ(hints[0].begin, 0u);
  EXPECT_EQ(hints[0].cls, 'a');
  EXPECT_EQ(hints[1].begin, 11u);
  EXPECT_EQ(hints[1].cls, 'n');
  EXPECT_EQ(hints[2].cls, 'v');
}

TEST(ParserHints, MisalignedTokensGetNoHint) {
  // Treebank word "e-mail" is one word; loader tokens "e" "-mail" would not
  // be, and the first word runs past the token "e".
  const auto s = Parsed({{"e-mail", "NOUN", "NN", 2, "nsubj"}, {"works", "VERB", "VBZ", 0, "root"}});
  const auto hints = HintsFromParse(s, {{0, 1}, {1, 6}, {7, 12}});
  ASSERT_EQ(hints.size(), 1u);
  EXPECT_EQ(hints[0].begin, 7u);
  // Offsets missing (a sentence not from ParseSentence): no hints at all.
  syntax::Sentence no_offsets = s;
  no_offsets.offsets.clear();
  EXPECT_TRUE(HintsFromParse(no_offsets, {{0, 6}, {7, 12}}).empty());
}

TEST(ParserHints, ParseSentenceKeepsOffsetsAndATree) {
  auto model = syntax::LoadDefaultModel();
  if (!model.ok()) GTEST_SKIP() << model.status().ToString();
  const std::string text = "The Oslo-based firm didn't open plants.";
  const syntax::Sentence s = ParseSentence(**model, text);
  ASSERT_EQ(s.offsets.size(), s.words.size());
  int roots = 0;
  for (size_t i = 0; i < s.words.size(); ++i) {
    EXPECT_EQ(text.substr(s.offsets[i], s.words[i].form.size()), s.words[i].form);
    EXPECT_FALSE(s.words[i].upos.empty());
    EXPECT_GE(s.words[i].head, 0);
    roots += s.words[i].head == 0;
  }
  EXPECT_EQ(roots, 1);
  EXPECT_TRUE(ParseSentence(**model, "  ").words.empty());
}

}  // namespace
}  // namespace kg::loader::linguistics
