// Repairs of the trained parser's clause heads
// (loader/linguistics/clause_repairs.h), on hand-made parses of the shapes
// the parser gets wrong.
#include "loader/linguistics/clause_repairs.h"

#include <gtest/gtest.h>

#include "tests/loader/hand_parse.h"

namespace kg::loader::linguistics {
namespace {

TEST(ClauseRepairs, NounAfterOpeningYearIsTheSubject) {
  // In 2021 Kessel support in Norland amounted to EUR 9 million
  syntax::Sentence s = Parsed({{"In", "ADP", "IN", 2, "case"},
                               {"2021", "NUM", "CD", 7, "obl"},
                               {"Kessel", "PROPN", "NNP", 4, "compound"},
                               {"support", "NOUN", "NN", 2, "appos"},
                               {"in", "ADP", "IN", 6, "case"},
                               {"Norland", "PROPN", "NNP", 4, "nmod"},
                               {"amounted", "VERB", "VBD", 0, "root"},
                               {"to", "ADP", "IN", 9, "case"},
                               {"EUR", "PROPN", "NNP", 7, "obl"},
                               {"9", "NUM", "CD", 11, "compound"},
                               {"million", "NUM", "CD", 9, "flat"}});
  AttachSubjectAfterOpeningYear(s);
  EXPECT_EQ(Tree(s),
            "In>2:case 2021>7:obl Kessel>4:compound support>7:nsubj in>6:case Norland>4:nmod "
            "amounted>0:root to>9:case EUR>7:obl 9>11:compound million>9:flat");
  // A verb that has a subject keeps the parse.
  s.words[3].head = 2;
  s.words[3].deprel = "appos";
  s.words[8].deprel = "nsubj";
  AttachSubjectAfterOpeningYear(s);
  EXPECT_EQ(s.words[3].deprel, "appos");
}

TEST(ClauseRepairs, OpeningParticipleIsNoSubject) {
  // Delivered through Kessel , £ 9 million will be used
  syntax::Sentence s = Parsed({{"Delivered", "VERB", "VBD", 9, "nsubj:pass"},
                               {"through", "ADP", "IN", 3, "case"},
                               {"Kessel", "PROPN", "NNP", 1, "obl"},
                               {",", "PUNCT", ",", 5, "punct"},
                               {"£", "SYM", "$", 1, "parataxis"},
                               {"9", "NUM", "CD", 7, "compound"},
                               {"million", "NUM", "CD", 5, "nummod"},
                               {"will", "AUX", "MD", 9, "aux"},
                               {"used", "VERB", "VBN", 0, "root"}});
  DetachOpeningParticipleFromSubject(s);
  EXPECT_EQ(Tree(s),
            "Delivered>9:advcl through>3:case Kessel>1:obl ,>5:punct £>9:nsubj:pass 9>7:compound "
            "million>5:nummod will>9:aux used>0:root");
}

}  // namespace
}  // namespace kg::loader::linguistics
