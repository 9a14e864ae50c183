// The command-line side of issue 11: where `kg` creates a database and where
// it refuses to, `kg check`, a read-only directory, and `kg load` on a full
// disk (one clear error, exit 1). The full-disk and read-only tests mount a
// tmpfs or a read-only bind in a private namespace with `unshare -rm`, and
// skip where that is not allowed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tests/cli/subprocess.h"

namespace kg::cli::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

bool UnshareWorks() { return testing::Run("/usr/bin/unshare", {"-rm", "true"}).exit_code == 0; }

TEST(KgOpenRules, ReplOnAMissingDatabaseIsAnErrorAndCreatesNothing) {
  TempDir dir;
  const std::string db = dir.File("typo.db");
  RunResult r = Kg({"--db", db, "repl"}, "?a -x-> ?b;\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, AllOf(HasSubstr("no database at"), HasSubstr("repl --create")));
  EXPECT_FALSE(fs::exists(db));
  r = Kg({"--db", db}, "?a -x-> ?b;\n");  // bare kg
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(fs::exists(db));
}

TEST(KgOpenRules, ReplCreateStartsANewDatabase) {
  TempDir dir;
  const std::string db = dir.File("new.db");
  RunResult r = Kg({"--db", db, "repl", "--create"}, ".articles\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(db + "/CURRENT"));
}

TEST(KgOpenRules, LoadUnderAMissingParentDirectoryIsAnError) {
  TempDir dir;
  const std::string db = dir.File("no/such/dir/x.db");
  RunResult r = Kg({"--db", db, "load", SourceDir() + "/data/aws-japan.txt"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, AllOf(HasSubstr("parent directory"), HasSubstr("mkdir -p")));
  EXPECT_FALSE(fs::exists(dir.File("no")));
}

// Issue 13: the message for a database another process writes named
// OpenMode::kReader. Messages say what happened and what to do, in the
// user's words.
TEST(KgOpenRules, AnotherWriterIsExplainedWithoutInternalNames) {
  TempDir dir;
  const std::string db = dir.File("busy.db");
  ASSERT_EQ(Kg({"--db", db, "load", SourceDir() + "/data/aws-japan.txt"}).exit_code, 0);
  HeldWriterLock lock(db);
  ASSERT_TRUE(lock.ok());
  RunResult r = Kg({"--db", db, "load", SourceDir() + "/data/google-thailand.txt"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("is in use by another writer"));
  EXPECT_THAT(r.err, HasSubstr("hint: wait for it to finish"));
  EXPECT_THAT(r.err, Not(HasSubstr("OpenMode")));
  EXPECT_THAT(r.err, Not(HasSubstr("kReader")));
  EXPECT_THAT(r.err, Not(HasSubstr("::")));
}

// One-shot readers end without closing RocksDB (cli/process_exit.h): they
// must leave nothing in $TMPDIR (readers make no scratch directory) and
// print every row.
TEST(KgOpenRules, OneShotReadersLeaveNoScratchDirectoryBehind) {
  TempDir dir;
  const std::string db = dir.File("kg.db");
  const std::string nt =
      dir.Write("g.nt",
                "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n"
                "<http://example.org/b> <http://example.org/p> <http://example.org/c> .\n");
  ASSERT_EQ(Kg({"--db", db, "import", nt}).exit_code, 0);
  const std::string tmp = dir.File("tmp");
  fs::create_directories(tmp);
  const std::map<std::string, std::string> env = {{"TMPDIR", tmp}};
  RunResult r = Kg({"--db", db, "query", "?s -?p-> ?o", "--format", "tsv"}, "", env);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "s\tp\to\na\tp\tb\nb\tp\tc\n");
  for (const auto& args :
       {std::vector<std::string>{"--db", db, "stats"}, std::vector<std::string>{"--db", db, "articles"},
        std::vector<std::string>{"--db", db, "check"}}) {
    r = Kg(args, "", env);
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
  EXPECT_TRUE(fs::is_empty(tmp)) << fs::begin(fs::directory_iterator(tmp))->path();
}

TEST(KgCheck, AGoodDatabasePassesAndADamagedOneIsReported) {
  TempDir dir;
  const std::string db = dir.File("c.db");
  // An import writes table files (a load stays in the write-ahead log).
  std::string nt;
  for (int i = 0; i < 200; ++i)
    nt += "<http://e/a" + std::to_string(i) + "> <http://p/knows> <http://e/b" + std::to_string(i % 7) +
          "> .\n";
  ASSERT_EQ(Kg({"--db", db, "import", dir.Write("people.nt", nt)}).exit_code, 0);
  RunResult r = Kg({"--db", db, "check"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(HasSubstr("ok:"), HasSubstr("1 article")));
  // Cut every table file short.
  size_t cut = 0;
  for (const auto& e : fs::directory_iterator(db)) {
    if (e.path().extension() != ".sst") continue;
    fs::resize_file(e.path(), fs::file_size(e.path()) / 2);
    ++cut;
  }
  ASSERT_GT(cut, 0u);
  r = Kg({"--db", db, "check"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, AllOf(HasSubstr("database damaged"), HasSubstr("docs/operations.md")));
  r = Kg({"--db", db, "query", "MATCH ?a -?p-> ?b RETURN COUNT(*)"});
  EXPECT_EQ(r.exit_code, 1) << "a query on a damaged database must not answer";
  EXPECT_THAT(r.err, HasSubstr("database damaged"));
}

// Issue 13: a database written by the kg before storage format 4 (entity
// types under `type`, tests/storage/data/README.md) answers `?x -is_a->
// Company` from the first read command; kg check reads it without upgrading.
TEST(KgFormat, Version3DatabaseAnswersIsA) {
  TempDir dir;
  const std::string db = dir.File("old.db");
  fs::copy(SourceDir() + "/tests/storage/data/format-v3-db", db);
  auto files = [&] {  // names and sizes
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(db))
      out.insert(e.path().filename().string() + " " + std::to_string(fs::file_size(e.path())));
    return out;
  };
  const std::set<std::string> before = files();
  RunResult r = Kg({"--db", db, "check"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(files(), before) << "kg check wrote to the database";
  r = Kg({"--db", db, "query", "?x -is_a-> Company"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "x\nAmazon Web Services\nNTT\nGoogle\nMicrosoft\n");
  EXPECT_EQ(r.err, "");
  r = Kg({"--db", db, "stats"});
  EXPECT_THAT(r.out, AllOf(HasSubstr("format_version\t5\n"), Not(HasSubstr("\ntype\t"))));
  r = Kg({"--db", db, "query", "?x -type-> Company"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "x\n");
  EXPECT_THAT(r.err, HasSubstr("no predicate 'type'; entity types are is_a: did you mean is_a?"));
  r = Kg({"--db", db, "check"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(KgOpenRules, AReadOnlyDirectoryOpensReadOnlyWithANote) {
  if (!UnshareWorks()) GTEST_SKIP() << "`unshare -rm` is not allowed here";
  TempDir dir;
  const std::string db = dir.File("ro.db");
  ASSERT_EQ(Kg({"--db", db, "load", SourceDir() + "/data/aws-japan.txt"}).exit_code, 0);
  const std::string script =
      "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" || exit 77; "
      "echo '.articles' | \"$0\" --db \"$1\" repl; echo \"repl=$?\"; "
      "\"$0\" --db \"$1\" load \"$2\"; echo \"load=$?\"";
  RunResult r = testing::Run("/usr/bin/unshare", {"-rm", "sh", "-c", script, KgBinary(), db,
                                                  SourceDir() + "/data/google-thailand.txt"});
  if (r.exit_code == 77) GTEST_SKIP() << "read-only bind mounts are not allowed here";
  EXPECT_THAT(r.out, AllOf(HasSubstr("aws-japan"), HasSubstr("repl=0"), HasSubstr("load=1")));
  EXPECT_THAT(r.err, AllOf(HasSubstr("opened read-only: the database directory is not writable"),
                           HasSubstr("is read-only")));
}

TEST(KgLoad, AFullDiskPrintsOneClearErrorAndTheDatabaseStaysUsable) {
  if (!UnshareWorks()) GTEST_SKIP() << "`unshare -rm` is not allowed here";
  TempDir dir;
  // Distinct articles: each loaded one takes room.
  const std::string text = ReadFileOrEmpty(SourceDir() + "/data/microsoft-indonesia.txt");
  ASSERT_FALSE(text.empty());
  std::string files;
  for (int i = 0; i < 400; ++i) {
    files +=
        " '" +
        dir.Write("a" + std::to_string(i) + ".txt", text + "\nExtra sentence " + std::to_string(i) + ".\n") +
        "'";
  }
  fs::create_directories(dir.File("mnt"));
  const std::string script =
      "mount -t tmpfs -o size=2m tmpfs \"$1\" || exit 77; "
      "\"$0\" --db \"$1/f.db\" load" +
      files +
      " >/dev/null; echo \"load=$?\"; "
      "\"$0\" --db \"$1/f.db\" stats >/dev/null; echo \"stats=$?\"; "
      "\"$0\" --db \"$1/f.db\" check >/dev/null; echo \"check=$?\"";
  RunResult r =
      testing::Run("/usr/bin/unshare", {"-rm", "sh", "-c", script, KgBinary(), dir.File("mnt")}, "", {}, 120);
  if (r.exit_code == 77) GTEST_SKIP() << "mounting a tmpfs is not allowed here";
  EXPECT_THAT(r.out, AllOf(HasSubstr("load=1"), HasSubstr("stats=0"), HasSubstr("check=0")));
  size_t errors = 0;
  for (size_t at = r.err.find("error:"); at != std::string::npos; at = r.err.find("error:", at + 1)) ++errors;
  EXPECT_EQ(errors, 1u) << r.err;
  EXPECT_THAT(r.err, AllOf(HasSubstr("not enough free space"), HasSubstr("load stopped"),
                           Not(HasSubstr("Assertion"))));
}

}  // namespace
}  // namespace kg::cli::testing
