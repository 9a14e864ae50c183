// Word helpers of the loader's article stages (loader/article/words.h).
#include "loader/article/words.h"

#include <gtest/gtest.h>

namespace kg::loader {
namespace {

TEST(Words, TidyPhraseEndsBeforeAnUnclosedBracketAndTrailingPunctuation) {
  EXPECT_EQ(TidyPhrase("£90 million of foreign direct investment ( FDI"),
            "£90 million of foreign direct investment");
  EXPECT_EQ(TidyPhrase("minister for investment,"), "minister for investment");
  EXPECT_EQ(TidyPhrase("a loan (with a guarantee) to X"), "a loan (with a guarantee) to X");
  EXPECT_EQ(TidyPhrase("plants (in (Norland)"), "plants");
  EXPECT_EQ(TidyPhrase(", -"), "");
}

}  // namespace
}  // namespace kg::loader
