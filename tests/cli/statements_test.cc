#include "cli/statements.h"

#include <gtest/gtest.h>

namespace kg::cli {
namespace {

TEST(StatementsTest, SplitsAtSemicolonsAndKeepsTheRest) {
  std::string rest;
  auto s = SplitStatements("a -p-> ?x; ?y -q-> b ;\nMATCH ?z", &rest);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "a -p-> ?x");
  EXPECT_EQ(s[1], "?y -q-> b");
  EXPECT_EQ(rest, "\nMATCH ?z");
}

TEST(StatementsTest, IgnoresSemicolonsInStringsAndComments) {
  std::string rest;
  auto s = SplitStatements("?x -name-> \"a;b\"  # not; the end\n RETURN ?x;", &rest);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0], "?x -name-> \"a;b\"  # not; the end\n RETURN ?x");
  s = SplitStatements("?x -p-> 'it\\'s; fine';", &rest);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0], "?x -p-> 'it\\'s; fine'");
}

TEST(StatementsTest, UnterminatedStringEndsAtNewline) {
  std::string rest;
  auto s = SplitStatements("?x -p-> \"oops\n;", &rest);
  ASSERT_EQ(s.size(), 1u);
}

TEST(StatementsTest, DropsEmptyAndCommentOnlyStatements) {
  std::string rest;
  auto s = SplitStatements(";;  # just a comment\n;", &rest);
  EXPECT_TRUE(s.empty());
  EXPECT_TRUE(IsBlank(rest));
  EXPECT_TRUE(IsBlank("  # c\n\t"));
  EXPECT_FALSE(IsBlank(" x # c"));
}

TEST(StatementsTest, NearestWordSuggestsCloseTyposOnly) {
  std::vector<std::string> cmds = {".format", ".help", ".load", ".quit"};
  EXPECT_EQ(NearestWord(".foramt", cmds), ".format");
  EXPECT_EQ(NearestWord(".HELP", cmds), ".help");
  EXPECT_EQ(NearestWord(".xyzzyplugh", cmds), "");
}

}  // namespace
}  // namespace kg::cli
