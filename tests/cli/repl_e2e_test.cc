// The REPL driven from a pipe (no terminal): its dot-commands end to end.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace kg::cli::testing
