// End-to-end tests of `kg eval DIR`: build/kg run as a subprocess on a
// temporary directory of two small articles written for these tests, with
// hand-made key facts. Each gold list holds facts the loader finds (an
// alias, an amount written differently, a plain relation) and one it does
// not (a date or a title the loader has no rule for), so the expected
// counts check matching and bookkeeping rather than extraction quality.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/cli/subprocess.h"

namespace kg::cli::testing {
namespace {

using ::testing::AllOf;
using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kAlpha[] =
    "Globex expands in Ohio\n\n"
    "Globex Corporation will invest $200 million in Ohio, the company said on Monday. "
    "Globex is headquartered in Springfield. The new plant will make electric buses.\n";
constexpr char kAlphaGold[] =
    "subject\tpredicate\tobject\tevidence\n"
    "Globex Corporation\tinvests_in\tOhio\tGlobex Corporation will invest $200 million in Ohio.\n"
    "Globex\tinvestment_amount\t\"$200 million\"\tGlobex Corporation will invest $200 million in Ohio.\n"
    "Globex\theadquartered_in\tSpringfield\tGlobex is headquartered in Springfield.\n"
    "Globex\tannounced_on\t\"Monday\"\tthe company said on Monday\n";
constexpr char kBeta[] =
    "Initech buys Hooli\n\n"
    "Initech acquired Hooli for $1.2 billion. Initech is based in Austin. "
    "Maria Lopez is the chief executive of Initech.\n";
constexpr char kBetaGold[] =
    "subject\tpredicate\tobject\tevidence\n"
    "Initech\tacquires\tHooli\tInitech acquired Hooli for $1.2 billion.\n"
    "Initech\tacquisition_amount\t\"$1.2 billion\"\tInitech acquired Hooli for $1.2 billion.\n"
    "Maria Lopez\tceo_of\tInitech\tMaria Lopez is the chief executive of Initech.\n";

class KgEvalDir : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("alpha.txt", kAlpha);
    dir_.Write("alpha.gold.tsv", kAlphaGold);
    dir_.Write("beta.txt", kBeta);
    dir_.Write("beta.gold.tsv", kBetaGold);
    dir_.Write("gamma.txt", "Gamma has no gold facts.\n");
  }
  TempDir dir_;
};

TEST_F(KgEvalDir, ScoresEachArticleThenMicroTotals) {
  RunResult r = Kg({"eval", dir_.path()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, ContainsRegex("^article +gold +found +recall +facts +matched +precision\n"));
  // gold, found, recall, extracted facts, matched, precision
  EXPECT_THAT(r.out, ContainsRegex("\nalpha +4 +3 +0\\.750 +[0-9]+ +3 +0\\.[0-9]{3}\n"));
  EXPECT_THAT(r.out, ContainsRegex("\nbeta +3 +2 +0\\.667 +[0-9]+ +2 +0\\.[0-9]{3}\n"));
  EXPECT_THAT(r.out, ContainsRegex("\ntotal \\(2 articles\\) +7 +5 +0\\.714 +[0-9]+ +5 +0\\.[0-9]{3}\n$"));
  EXPECT_LT(r.out.find("\nalpha"), r.out.find("\nbeta"));  // sorted by name
  EXPECT_THAT(r.out, Not(HasSubstr("gamma")));
  EXPECT_THAT(r.err, HasSubstr("note: gamma.txt has no gamma.gold.tsv; skipped"));
  EXPECT_THAT(r.out, Not(HasSubstr("missed")));
}

TEST_F(KgEvalDir, MissesListsMissedFactsWithEvidence) {
  RunResult r = Kg({"eval", dir_.path(), "--misses"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\nmissed in alpha (1 of 4):\n"
                               "  Globex  announced_on  \"Monday\"\n"
                               "      the company said on Monday\n"));
  EXPECT_THAT(r.out, HasSubstr("\nmissed in beta (1 of 3):\n"
                               "  Maria Lopez  ceo_of  Initech\n"
                               "      Maria Lopez is the chief executive of Initech.\n"));
  EXPECT_THAT(r.out, ContainsRegex("total \\(2 articles\\) +7 +5"));
}

TEST_F(KgEvalDir, TsvRowsAndTsvMisses) {
  RunResult r = Kg({"eval", dir_.path(), "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(HasSubstr("article\tgold\tfound\trecall\tfacts\tmatched\tprecision\n"),
                           ContainsRegex("\nalpha\t4\t3\t0\\.750\t[0-9]+\t3\t0\\.[0-9]{3}\n"),
                           ContainsRegex("\nTOTAL\t7\t5\t0\\.714\t[0-9]+\t5\t0\\.[0-9]{3}\n$")));

  r = Kg({"eval", dir_.path(), "--format", "tsv", "--misses"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "article\tsubject\tpredicate\tobject\tevidence\n"
            "alpha\tGlobex\tannounced_on\t\"Monday\"\tthe company said on Monday\n"
            "beta\tMaria Lopez\tceo_of\tInitech\tMaria Lopez is the chief executive of Initech.\n");
}

TEST(KgEvalDirErrors, DirectoryWithoutGoldIsUserError) {
  TempDir dir;
  dir.Write("lonely.txt", "Acme invested $5 million in Peru.\n");
  RunResult r = Kg({"eval", dir.path()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_THAT(r.err, AllOf(HasSubstr("note: lonely.txt has no lonely.gold.tsv; skipped"),
                           HasSubstr("error: no article in '" + dir.path() + "' has gold facts"),
                           HasSubstr("hint: ")));
}

TEST(KgEvalDirErrors, MissingDirectoryIsUserError) {
  RunResult r = Kg({"eval", "/nonexistent/news-dev"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("error: '/nonexistent/news-dev' does not exist"));
}

TEST(KgEvalDirErrors, MalformedGoldNamesTheFile) {
  TempDir dir;
  dir.Write("a.txt", "Acme in Peru\n\nAcme Corp. invested $5 million in Peru.\n");
  const std::string gold = dir.Write("a.gold.tsv", "Acme\tinvests_in\n");
  RunResult r = Kg({"eval", dir.path()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("error: " + gold + ": gold line 1"));
}

TEST(KgEvalDirErrors, ModeMismatchesAreUsageErrors) {
  TempDir dir;
  const std::string article = dir.Write("a.txt", "Acme in Peru\n\nAcme Corp. invested $5 million in Peru.\n");
  const std::string gold = dir.Write("a.gold.tsv", "Acme\tinvests_in\tPeru\n");
  EXPECT_EQ(Kg({"eval", "--gold", gold, dir.path()}).exit_code, 2);  // directory with --gold
  EXPECT_EQ(Kg({"eval", article}).exit_code, 2);                     // article without --gold
  EXPECT_EQ(Kg({"eval", "--gold", gold, article, "--misses"}).exit_code, 2);
  EXPECT_EQ(Kg({"eval", dir.path(), "--format", "json"}).exit_code, 2);
  RunResult one = Kg({"eval", "--gold", gold, article});  // one article: unchanged report
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_THAT(one.out, HasSubstr("recall    1.000 (1/1 gold facts found)"));
}

}  // namespace
}  // namespace kg::cli::testing
