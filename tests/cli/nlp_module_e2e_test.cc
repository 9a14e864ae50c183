// The kg binary and its language module (cli/nlp_module.h): a query process
// does not load the NLP libraries, the commands that need them still work
// through the module, and without the module they say what is missing while
// queries go on working.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "tests/cli/subprocess.h"

namespace kg::cli::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

// The dynamic loader's report of every object it loads (LD_DEBUG=libs).
const std::map<std::string, std::string> kShowLoadedLibraries = {{"LD_DEBUG", "libs"}};

std::string NewDatabase(const TempDir& dir) {
  const std::string db = dir.File("kg.db");
  RunResult r = Kg({"--db", db, "repl", "--create"}, ".articles\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return db;
}

TEST(KgLanguageModule, AQueryProcessLoadsNoLanguageLibrary) {
  TempDir dir;
  const std::string db = NewDatabase(dir);
  for (const auto& args : {std::vector<std::string>{"--version"},
                           std::vector<std::string>{"--db", db, "query", "?s -is_a-> ?o"}}) {
    RunResult r = Kg(args, "", kShowLoadedLibraries);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.err, HasSubstr("calling init"));  // the report is there
    EXPECT_THAT(r.err, AllOf(Not(HasSubstr("link-grammar")), Not(HasSubstr("hunspell")),
                             Not(HasSubstr("libkg.so")), Not(HasSubstr("kg-nlp.so"))));
#ifdef KG_CLI_LINKS_ARCHIVES
    // The rest is linked in from archives (cli/CMakeLists.txt): each shared
    // object costs every process its mapping and relocations.
    EXPECT_THAT(r.err, AllOf(Not(HasSubstr("libicuuc")), Not(HasSubstr("libedit")), Not(HasSubstr("libzstd")),
                             Not(HasSubstr("liblz4")), Not(HasSubstr("libsnappy")), Not(HasSubstr("libfmt")),
                             Not(HasSubstr("librocksdb")), Not(HasSubstr("libantlr4"))));
#endif
  }
}

TEST(KgLanguageModule, LoadRunsThroughTheModule) {
  TempDir dir;
  const std::string db = dir.File("kg.db");
  RunResult r = Kg({"--db", db, "load", SourceDir() + "/data/aws-japan.txt"}, "", kShowLoadedLibraries);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("loaded aws-japan:"));
  EXPECT_THAT(r.err, AllOf(HasSubstr("kg-nlp.so"), HasSubstr("link-grammar")));
  r = Kg({"--db", db, "query", "?c -invests_in-> Japan", "--format", "tsv"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Amazon Web Services"));
}

TEST(KgLanguageModule, WithoutItLoadSaysWhatIsMissingAndQueriesStillWork) {
  TempDir dir;
  const std::string db = dir.File("kg.db");
  ASSERT_EQ(Kg({"--db", db, "load", SourceDir() + "/data/aws-japan.txt"}).exit_code, 0);
  // A kg binary with no kg-nlp.so beside it or in ../lib/kg.
  fs::create_directories(dir.File("alone/bin"));
  const std::string kg = dir.File("alone/bin/kg");
  fs::copy_file(KgBinary(), kg);
  fs::permissions(kg, fs::perms::owner_all);

  const std::string other = dir.File("other.db");
  RunResult r = testing::Run(kg, {"--db", other, "load", SourceDir() + "/data/aws-japan.txt"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, AllOf(HasSubstr("error: this command needs kg's language module (kg-nlp.so)"),
                           HasSubstr(dir.File("alone/bin/kg-nlp.so")),
                           HasSubstr("hint: build it with `cmake --build build --target kg_nlp`")));
  EXPECT_FALSE(fs::exists(other)) << "no empty database is left behind";
  for (const char* command : {"extract", "parse"}) {
    r = testing::Run(kg, {command, SourceDir() + "/data/aws-japan.txt"});
    EXPECT_EQ(r.exit_code, 1) << command;
    EXPECT_THAT(r.err, HasSubstr("kg's language module")) << command;
  }
  r = testing::Run(kg, {"--db", db, "repl"}, ".load " + SourceDir() + "/data/aws-japan.txt\n.articles\n");
  EXPECT_THAT(r.err, HasSubstr("kg's language module"));
  EXPECT_THAT(r.out, HasSubstr("aws-japan"));  // the session goes on

  r = testing::Run(kg, {"--db", db, "query", "?c -invests_in-> Japan", "--format", "tsv"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Amazon Web Services"));
}

}  // namespace
}  // namespace kg::cli::testing
