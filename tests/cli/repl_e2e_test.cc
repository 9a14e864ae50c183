// The REPL driven from a pipe (no terminal): its dot-commands end to end.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "tests/cli/hedged_article.h"
#include "tests/cli/subprocess.h"

namespace kg::cli::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string Data(const std::string& name) { return SourceDir() + "/data/" + name; }

// A database holding one shipped article, in its own directory.
class ReplE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("repl.db");
    RunResult load = Kg({"--db", db_, "load", Data("microsoft-indonesia.txt")});
    ASSERT_EQ(load.exit_code, 0) << load.err;
  }
  RunResult Repl(const std::string& input, int timeout_s = 60) {
    return testing::Run(KgBinary(), {"--db", db_, "repl"}, input, {}, timeout_s);
  }

  TempDir dir_;
  std::string db_;
};

// Issue 13: `.read DIR` exited 0 without a word.
TEST_F(ReplE2E, ReadOfADirectoryIsAnError) {
  RunResult r = Repl(".read " + dir_.path() + "\n.print after\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("is a directory, not a script"));
  EXPECT_THAT(r.err, HasSubstr("hint:"));
  EXPECT_THAT(r.out, HasSubstr("after"));  // the session goes on
}

// Issue 13: `.read /dev/urandom` grew the shell to 2.4 GB in 20 s.
TEST_F(ReplE2E, ReadOfBinaryInputStopsWithTheLine) {
  RunResult r = Repl(".read /dev/urandom\n.print after\n", 20);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("is not a text file: line "));
  EXPECT_THAT(r.out, HasSubstr("after"));
  const std::string script = dir_.Write("s.kgq", ".print one\n.print t\xffwo\n");
  RunResult bad = Repl(".read " + script + "\n");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_THAT(bad.err, HasSubstr("line 2, column 9 holds a byte that is not UTF-8"));
  EXPECT_THAT(bad.out, Not(HasSubstr("one")));  // nothing of it ran
}

// Issue 13: `.delete ARTICLE`; from a pipe it asks nothing.
TEST_F(ReplE2E, DeleteRemovesAnArticle) {
  RunResult r = Repl(".delete microsoft-indonesia\n.articles\n.delete microsoft-indonesia\n");
  EXPECT_EQ(r.exit_code, 1);  // the second .delete finds nothing
  EXPECT_THAT(r.out, HasSubstr("deleted microsoft-indonesia ("));
  EXPECT_THAT(r.out, HasSubstr("article\tsentences"));
  EXPECT_EQ(r.out.find("microsoft-indonesia\t"), std::string::npos) << r.out;
  EXPECT_THAT(r.err, HasSubstr("no article 'microsoft-indonesia'"));
  EXPECT_THAT(r.err, Not(HasSubstr("[y/N]")));
}

// Issue 13: the REPL had no switch for hedged facts, and its hint named the
// command-line flag.
TEST(ReplHedged, DotHedgedSwitchesHedgedFactsOn) {
  TempDir dir;
  const std::string db = dir.File("h.db");
  RunResult load = LoadHedgedArticle(dir, db);
  ASSERT_EQ(load.exit_code, 0) << load.err;
  const std::string query = "\"Norvale Power\" -invests_in-> ?k;\n";
  RunResult r = Kg({"--db", db, "repl"}, query + ".hedged\n.hedged on\n.hedged\n" + query);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "k\nKestria\nhedged is off\nhedged is on\nk\nOstra\nKestria\n");
  EXPECT_EQ(r.err, "hint: 1 hedged fact not shown; type .hedged on to include it\n");
  RunResult bad = Kg({"--db", db, "repl"}, ".hedged maybe\n");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_THAT(bad.err, HasSubstr(".hedged takes on or off"));
}

// Issue 13: `.entities` stopped at 100,000 names without a word.
TEST(ReplEntities, SaysWhenTheListIsCut) {
  TempDir dir;
  std::string nt;
  for (int i = 0; i < 100001; ++i)
    nt += "<http://example.org/e" + std::to_string(i) + "> <http://example.org/p> \"x\" .\n";
  const std::string db = dir.File("many.db");
  RunResult import = Kg({"--db", db, "import", dir.Write("many.nt", nt)});
  ASSERT_EQ(import.exit_code, 0) << import.err;
  RunResult all = Kg({"--db", db, "repl"}, ".entities\n");
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(std::count(all.out.begin(), all.out.end(), '\n'), 100001);  // a header and 100,000 names
  EXPECT_THAT(all.err, HasSubstr("only the first 100,000 names are shown; there are more"));
  EXPECT_THAT(all.err, HasSubstr(".entities PREFIX"));
  RunResult some = Kg({"--db", db, "repl"}, ".entities e9999\n");
  ASSERT_EQ(some.exit_code, 0) << some.err;
  EXPECT_EQ(
      some.out,
      "entity\ne9999\ne99990\ne99991\ne99992\ne99993\ne99994\ne99995\ne99996\ne99997\ne99998\ne99999\n");
  EXPECT_EQ(some.err, "");
}

}  // namespace
}  // namespace kg::cli::testing
