// Repairs of the trained parser's noun phrases
// (loader/linguistics/phrase_repairs.h), on hand-made parses of the shapes
// the parser gets wrong.
#include "loader/linguistics/phrase_repairs.h"

#include <gtest/gtest.h>

#include "loader/linguistics/described_names.h"
#include "tests/loader/hand_parse.h"

namespace kg::loader::linguistics {
namespace {

TEST(PhraseRepairs, TwoDescribedNamesJoinedByAndAreBothParties) {
  // telecom operator Telvio and U.S. chipmaker Orbis Systems signed
  syntax::Sentence s = Parsed({{"telecom", "NOUN", "NN", 2, "compound"},
                               {"operator", "NOUN", "NN", 3, "nmod:desc"},
                               {"Telvio", "PROPN", "NNP", 8, "compound"},
                               {"and", "CCONJ", "CC", 6, "cc"},
                               {"U.S.", "PROPN", "NNP", 6, "compound"},
                               {"chipmaker", "PROPN", "NNP", 3, "conj"},
                               {"Orbis", "PROPN", "NNP", 8, "compound"},
                               {"Systems", "PROPN", "NNP", 9, "nsubj"},
                               {"signed", "VERB", "VBD", 0, "root"}});
  SplitNamesCoordinatedWithDescriptions(s);
  EXPECT_EQ(Tree(s),
            "telecom>2:compound operator>3:nmod:desc Telvio>9:nsubj and>8:cc U.S.>6:compound "
            "chipmaker>8:nmod:desc Orbis>8:compound Systems>3:conj signed>0:root");
  // One name with a modifier list inside ("Alpha and Omega Systems" read as
  // a compound with a conjunct) stays when no description comes between.
  syntax::Sentence t = Parsed({{"Alpha", "PROPN", "NNP", 4, "compound"},
                               {"and", "CCONJ", "CC", 3, "cc"},
                               {"Omega", "PROPN", "NNP", 1, "conj"},
                               {"Systems", "PROPN", "NNP", 5, "nsubj"},
                               {"signed", "VERB", "VBD", 0, "root"}});
  const std::string before = Tree(t);
  SplitNamesCoordinatedWithDescriptions(t);
  EXPECT_EQ(Tree(t), before);
}

TEST(PhraseRepairs, AgentNounCoordinatedWithModifiedNounHeadsItsPhrase) {
  // The borrower and primary source of repayment is Halvard Bank .
  syntax::Sentence s = Parsed({{"The", "DET", "DT", 5, "det"},
                               {"borrower", "NOUN", "NN", 5, "compound"},
                               {"and", "CCONJ", "CC", 4, "cc"},
                               {"primary", "ADJ", "JJ", 2, "conj"},
                               {"source", "NOUN", "NN", 10, "nsubj"},
                               {"of", "ADP", "IN", 7, "case"},
                               {"repayment", "NOUN", "NN", 5, "nmod"},
                               {"is", "AUX", "VBZ", 10, "cop"},
                               {"Halvard", "PROPN", "NNP", 10, "compound"},
                               {"Bank", "PROPN", "NNP", 0, "root"},
                               {".", "PUNCT", ".", 10, "punct"}});
  SplitAgentCoordinatedWithModifiedNoun(s);
  EXPECT_EQ(Tree(s),
            "The>2:det borrower>10:nsubj and>5:cc primary>5:amod source>2:conj of>7:case repayment>5:nmod "
            "is>10:cop Halvard>10:compound Bank>0:root .>10:punct");
  // A noun modifier that is no agent noun keeps the parse ("the software
  // and digital sector" may be one sector).
  syntax::Sentence t = Parsed({{"the", "DET", "DT", 4, "det"},
                               {"software", "NOUN", "NN", 4, "compound"},
                               {"and", "CCONJ", "CC", 3, "cc"},
                               {"digital", "ADJ", "JJ", 2, "conj"},
                               {"sector", "NOUN", "NN", 0, "root"}});
  const std::string before = Tree(t);
  SplitAgentCoordinatedWithModifiedNoun(t);
  EXPECT_EQ(Tree(t), before);
}

TEST(PhraseRepairs, CommaSeparatedModifiersAfterAHyphenatedWordStayInThePhrase) {
  // assembly of thin-film , cadmium solar panels
  syntax::Sentence s = Parsed({{"assembly", "NOUN", "NN", 0, "root"},
                               {"of", "ADP", "IN", 5, "case"},
                               {"thin", "ADJ", "JJ", 5, "amod"},
                               {"~-", "PUNCT", "HYPH", 3, "punct"},
                               {"~film", "NOUN", "NN", 1, "nmod"},
                               {"~,", "PUNCT", ",", 9, "punct"},
                               {"cadmium", "NOUN", "NN", 9, "compound"},
                               {"solar", "ADJ", "JJ", 9, "amod"},
                               {"panels", "NOUN", "NNS", 1, "appos"}});
  JoinCommaSeparatedModifiers(s);
  EXPECT_EQ(Tree(s),
            "assembly>0:root of>9:case thin>5:amod ->3:punct film>9:compound ,>9:punct cadmium>9:compound "
            "solar>9:amod panels>1:nmod");
  // A list item with its own determiner is another thing ("the thin-film,
  // the panels").
  syntax::Sentence t = Parsed({{"assembly", "NOUN", "NN", 0, "root"},
                               {"of", "ADP", "IN", 5, "case"},
                               {"thin", "ADJ", "JJ", 5, "amod"},
                               {"~-", "PUNCT", "HYPH", 3, "punct"},
                               {"~film", "NOUN", "NN", 1, "nmod"},
                               {"~,", "PUNCT", ",", 8, "punct"},
                               {"the", "DET", "DT", 8, "det"},
                               {"panels", "NOUN", "NNS", 1, "appos"}});
  const std::string before = Tree(t);
  JoinCommaSeparatedModifiers(t);
  EXPECT_EQ(Tree(t), before);
}

TEST(PhraseRepairs, ExampleAfterLikeHangsOnTheNounBeforeIt) {
  // provide incentives for firms like Tarro to make Norland their home
  syntax::Sentence s = Parsed({{"provide", "VERB", "VB", 0, "root"},
                               {"incentives", "NOUN", "NNS", 1, "obj"},
                               {"for", "ADP", "IN", 4, "case"},
                               {"firms", "NOUN", "NNS", 2, "nmod"},
                               {"like", "SCONJ", "IN", 8, "mark"},
                               {"Tarro", "PROPN", "NNP", 8, "nsubj"},
                               {"to", "PART", "TO", 8, "mark"},
                               {"make", "VERB", "VB", 1, "advcl"},
                               {"Norland", "PROPN", "NNP", 8, "iobj"},
                               {"their", "PRON", "PRP$", 11, "nmod:poss"},
                               {"home", "NOUN", "NN", 8, "obj"}});
  AttachLikeExampleToNoun(s);
  EXPECT_EQ(Tree(s),
            "provide>0:root incentives>1:obj for>4:case firms>2:nmod like>6:case Tarro>4:nmod to>8:mark "
            "make>1:advcl Norland>8:iobj their>11:nmod:poss home>8:obj");
}

TEST(PhraseRepairs, ExampleAfterSuchAsHangsOnThePluralNounBeforeIt) {
  // fund sites across Norland - such as Varby
  syntax::Sentence s = Parsed({{"fund", "VERB", "VB", 0, "root"},
                               {"sites", "NOUN", "NNS", 1, "obj"},
                               {"across", "ADP", "IN", 4, "case"},
                               {"Norland", "PROPN", "NNP", 1, "obl"},
                               {"-", "PUNCT", ":", 8, "punct"},
                               {"such", "ADJ", "JJ", 8, "case"},
                               {"as", "ADP", "IN", 6, "fixed"},
                               {"Varby", "PROPN", "NNP", 1, "parataxis"}});
  AttachExampleToPluralNoun(s);
  EXPECT_EQ(Tree(s),
            "fund>0:root sites>1:obj across>4:case Norland>1:obl ->8:punct such>8:case as>6:fixed "
            "Varby>2:nmod");
  // A singular noun names no class: "fund the site - such as Varby" keeps
  // the parse.
  s.words[1].form = "site";
  s.words[1].xpos = "NN";
  s.words[7].head = 1;
  s.words[7].deprel = "parataxis";
  AttachExampleToPluralNoun(s);
  EXPECT_EQ(s.words[7].deprel, "parataxis");
}

}  // namespace
}  // namespace kg::loader::linguistics
