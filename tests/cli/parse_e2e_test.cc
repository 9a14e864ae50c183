// End-to-end tests of `kg parse`: build/kg run as a subprocess. Tests that
// parse need a model ($KG_SYNTAX_MODEL, else models/en.kgm) and are skipped
// without one; they check the output's shape, not its accuracy.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "tests/cli/subprocess.h"

namespace kg::cli::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string ModelPath() {
  const char* env = std::getenv("KG_SYNTAX_MODEL");
  if (env != nullptr && *env != '\0') return env;
  return SourceDir() + "/models/en.kgm";
}

bool HaveModel() { return std::filesystem::exists(ModelPath()); }

#define KG_NEED_MODEL() \
  if (!HaveModel()) GTEST_SKIP() << "no syntax model at " << ModelPath();

// kg parse ARGS with the test model chosen explicitly.
RunResult Parse(std::vector<std::string> args, const std::string& input = "") {
  args.insert(args.begin(), {"parse", "--model", ModelPath()});
  return Kg(args, input);
}

const char kGold[] =
    "# sent_id = a\n"
    "# text = Microsoft invests in Japan.\n"
    "1\tMicrosoft\tMicrosoft\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tinvests\tinvest\tVERB\tVBZ\t_\t0\troot\t_\t_\n"
    "3\tin\tin\tADP\tIN\t_\t4\tcase\t_\t_\n"
    "4\tJapan\tJapan\tPROPN\tNNP\t_\t2\tobl\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";

TEST(KgParse, HelpHasExamples) {
  RunResult r = Kg({"parse", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(
      r.out, AllOf(HasSubstr("Examples:"), HasSubstr("--conllu"), HasSubstr("--eval"), HasSubstr("--model")));
}

TEST(KgParse, UsageErrorsExitWithTwo) {
  RunResult none = Kg({"parse"});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_THAT(none.err, AllOf(StartsWith("error: "), HasSubstr("hint: ")));
  EXPECT_EQ(Kg({"parse", "--eval", "gold.conllu", "text.txt"}).exit_code, 2);
  EXPECT_EQ(Kg({"parse", "--bogus", "-"}).exit_code, 2);
}

TEST(KgParse, MissingFileIsUserErrorWithHint) {
  RunResult r = Kg({"parse", "/nonexistent/article.txt"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err,
              AllOf(StartsWith("error: "), HasSubstr("/nonexistent/article.txt"), HasSubstr("hint: ")));
  EXPECT_TRUE(r.out.empty());
}

TEST(KgParse, EmptyInputIsUserError) {
  KG_NEED_MODEL();
  for (const char* input : {"", "  \n\n "}) {
    RunResult r = Parse({"-"}, input);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(r.err, AllOf(HasSubstr("error: standard input: empty"), HasSubstr("hint: ")));
  }
  RunResult conllu = Parse({"--conllu", "-"}, "\n");
  EXPECT_EQ(conllu.exit_code, 1);
  EXPECT_THAT(conllu.err, HasSubstr("no sentences"));
}

TEST(KgParse, InvalidUtf8AndBinaryAreUserErrors) {
  KG_NEED_MODEL();
  RunResult utf8 = Parse({"-"}, "Good line.\nA bad \xFF byte.\n");
  EXPECT_EQ(utf8.exit_code, 1);
  EXPECT_THAT(utf8.err, AllOf(HasSubstr("invalid UTF-8 at line 2, column 7"), HasSubstr("hint: convert")));
  TempDir dir;
  const std::string bin = dir.Write("data.bin", std::string("\x7F"
                                                            "ELF\x02\x01\x01\0\0\0\0",
                                                            12));
  RunResult binary = Parse({bin});
  EXPECT_EQ(binary.exit_code, 1);
  EXPECT_THAT(binary.err, AllOf(HasSubstr("data.bin"), HasSubstr("binary")));
}

TEST(KgParse, MissingOrCorruptModelIsUserError) {
  RunResult missing = Kg({"parse", "--model", "/nonexistent/en.kgm", "-"}, "Hello there.");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, AllOf(HasSubstr("/nonexistent/en.kgm"), HasSubstr("hint: ")));
  TempDir dir;
  const std::string garbage = dir.Write("bad.kgm", std::string(4096, '\x5A'));
  RunResult corrupt = Kg({"parse", "--model", garbage, "-"}, "Hello there.");
  EXPECT_EQ(corrupt.exit_code, 1);
  EXPECT_THAT(corrupt.err, AllOf(HasSubstr("bad.kgm"), HasSubstr("damaged"), HasSubstr("kg-train")));
  RunResult env = Kg({"parse", "-"}, "Hello there.", {{"KG_SYNTAX_MODEL", dir.File("none.kgm")}});
  EXPECT_EQ(env.exit_code, 1);
  EXPECT_THAT(env.err, AllOf(HasSubstr("none.kgm"), HasSubstr("KG_SYNTAX_MODEL")));
}

TEST(KgParse, TextToConllu) {
  KG_NEED_MODEL();
  RunResult r = Parse({"-"}, "Microsoft didn't invest in Japan. Amazon did.\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out,
              AllOf(StartsWith("# sent_id = 1\n# text = Microsoft didn't invest in Japan.\n1\tMicrosoft\t"),
                    HasSubstr("\n2\tdid\t"), HasSubstr("\n3\tn't\t"), HasSubstr("# sent_id = 2\n"),
                    HasSubstr("# text = Amazon did.\n")));
  EXPECT_THAT(r.out, HasSubstr("\tSpaceAfter=No\n"));
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST(KgParse, ReadsAFile) {
  KG_NEED_MODEL();
  TempDir dir;
  RunResult r = Parse({dir.Write("a.txt", "The U.S. firm said so.\n")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(HasSubstr("# text = The U.S. firm said so.\n"), HasSubstr("\n2\tU.S.\t")));
}

TEST(KgParse, ConlluInputKeepsWordsAndComments) {
  KG_NEED_MODEL();
  std::string wrong = kGold;
  for (const char* tag : {"PROPN", "VERB", "ADP", "PUNCT"}) {
    for (size_t p = wrong.find(tag); p != std::string::npos; p = wrong.find(tag))
      wrong.replace(p, std::strlen(tag), "X");
  }
  RunResult r = Parse({"--conllu", "-"}, wrong);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out,
              AllOf(StartsWith("# sent_id = a\n# text = Microsoft invests in Japan.\n1\tMicrosoft\t"),
                    HasSubstr("\n4\tJapan\t"), HasSubstr("\tSpaceAfter=No\n"), Not(HasSubstr("\tX\t"))));
}

TEST(KgParse, BadConlluNamesTheLine) {
  KG_NEED_MODEL();
  RunResult r = Parse({"--conllu", "-"}, "1\tword\n\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, AllOf(HasSubstr("line 1: "), HasSubstr("hint: ")));
}

TEST(KgParse, EvalPrintsScoresAndSpeed) {
  KG_NEED_MODEL();
  TempDir dir;
  RunResult r = Parse({"--eval", dir.Write("gold.conllu", kGold)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(HasSubstr("UPOS "), HasSubstr("XPOS "), HasSubstr("lemma "), HasSubstr("UAS "),
                           HasSubstr("LAS "), HasSubstr("LAS full "), HasSubstr("words     5\n"),
                           HasSubstr("words/s")));
}

TEST(KgParse, LongSentenceAndForeignTextDoNotHang) {
  KG_NEED_MODEL();
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "word ";
  text += "\nDer Hund läuft. Собака бежит. 北京是中国的首都。\n";
  RunResult r = testing::Run(KgBinary(), {"parse", "--model", ModelPath(), "-"}, text, {}, 30);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Split into pieces of at most SyntaxModel::kMaxSentenceWords (1,000) words.
  EXPECT_THAT(r.out, AllOf(HasSubstr("\n1000\tword\t"), Not(HasSubstr("\n1001\t")),
                           HasSubstr("# sent_id = 5\n"), HasSubstr("Собака")));
}

}  // namespace
}  // namespace kg::cli::testing
