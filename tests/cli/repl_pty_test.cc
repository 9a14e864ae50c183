// The REPL driven through a pseudo-terminal, the way a person uses it:
// typing, Tab, the up arrow, an error, Ctrl-C and Ctrl-D.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>
#include <string>

#include "tests/cli/subprocess.h"

namespace kg::cli::testing {
namespace {

using ::testing::HasSubstr;

// A child process on a pseudo-terminal.
class Pty {
 public:
  Pty(const std::vector<std::string>& args, const std::string& home) {
    struct winsize ws {};
    ws.ws_row = 40;
    ws.ws_col = 120;
    pid_ = forkpty(&fd_, nullptr, nullptr, &ws);
    if (pid_ == 0) {
      setenv("HOME", home.c_str(), 1);
      setenv("TERM", "xterm", 1);
      setenv("LSAN_OPTIONS", ("suppressions=" + SourceDir() + "/tests/cli/lsan.supp").c_str(), 0);
      std::string bin = KgBinary();
      std::vector<char*> argv = {bin.data()};
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(bin.c_str(), argv.data());
      _exit(127);
    }
  }
  ~Pty() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) close(fd_);
  }
  bool ok() const { return pid_ > 0 && fd_ >= 0; }

  // Keys typed the instant a prompt appears can reach the terminal before
  // libedit has switched it to raw mode (they are echoed twice); a person is
  // never that fast, so pause briefly like one.
  void Type(const std::string& keys) {
    usleep(30 * 1000);
    ASSERT_EQ(write(fd_, keys.data(), keys.size()), (ssize_t)keys.size());
  }

  // Reads until `needle` appears in the output since the last Expect, or
  // `timeout_ms` passes. Returns whether it appeared; the output is kept for
  // messages.
  bool Expect(const std::string& needle, int timeout_ms = 10000) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (true) {
      size_t at = pending_.find(needle);
      if (at != std::string::npos) {
        seen_ = pending_.substr(0, at + needle.size());
        pending_ = pending_.substr(at + needle.size());
        return true;
      }
      auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char buf[4096];
      ssize_t n = read(fd_, buf, sizeof(buf));
      if (n <= 0) return pending_.find(needle) != std::string::npos;
      pending_.append(buf, static_cast<size_t>(n));
    }
  }
  const std::string& pending() const { return pending_; }
  const std::string& seen() const { return seen_; }

  // Waits for the child to exit; its exit status, or -1.
  int Wait(int timeout_ms = 10000) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < deadline) {
      // Drain output so the child never blocks writing.
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 20) > 0) {
        char buf[4096];
        ssize_t n = read(fd_, buf, sizeof(buf));
        if (n > 0) pending_.append(buf, static_cast<size_t>(n));
      }
      int status = 0;
      pid_t r = waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  int fd_ = -1;
  bool exited_ = false;
  std::string pending_;
  std::string seen_;
};

// Types `line` (and Enter) and expects `want` in the answer, then the prompt.
::testing::AssertionResult Answers(Pty& repl, const std::string& line, const std::string& want) {
  repl.Type(line + "\r");
  if (!repl.Expect(want))
    return ::testing::AssertionFailure() << "no '" << want << "' after " << line << ": " << repl.pending();
  if (!repl.Expect("kg> "))
    return ::testing::AssertionFailure() << "no prompt after " << line << ": " << repl.pending();
  return ::testing::AssertionSuccess();
}

TEST(ReplPty, TypeTabHistoryErrorCtrlCCtrlD) {
  TempDir dir;
  std::string db = dir.File("pty.db");
  RunResult load = Kg({"--db", db, "load", SourceDir() + "/data/microsoft-indonesia.txt"});
  ASSERT_EQ(load.exit_code, 0) << load.err;

  Pty pty({"--db", db}, dir.path());  // no subcommand on a terminal: the REPL
  ASSERT_TRUE(pty.ok());
  ASSERT_TRUE(pty.Expect("kg> ")) << pty.pending();

  // Tab completes an entity name.
  pty.Type("Microso\t");
  ASSERT_TRUE(pty.Expect("ft")) << pty.pending();
  // A multi-line statement: the continuation prompt, then ';' runs it.
  pty.Type(" -invests_in->\r");
  ASSERT_TRUE(pty.Expect("...> ")) << pty.pending();
  pty.Type("?where;\r");
  ASSERT_TRUE(pty.Expect("Indonesia")) << pty.pending();
  ASSERT_TRUE(pty.Expect(" ms)")) << pty.pending();  // row count and time
  EXPECT_THAT(pty.seen(), HasSubstr("row"));
  ASSERT_TRUE(pty.Expect("kg> ")) << pty.pending();

  // Up arrow recalls the statement; Enter runs it again.
  pty.Type("\x1b[A");
  ASSERT_TRUE(pty.Expect("?where;")) << pty.pending();
  pty.Type("\r");
  ASSERT_TRUE(pty.Expect("Indonesia")) << pty.pending();
  ASSERT_TRUE(pty.Expect("kg> ")) << pty.pending();

  // Tab completes a predicate after "-" and a keyword.
  pty.Type("Microsoft -invests_\t");
  ASSERT_TRUE(pty.Expect("in")) << pty.pending();
  pty.Type("-> ?w;\r");
  ASSERT_TRUE(pty.Expect("Indonesia")) << pty.pending();
  ASSERT_TRUE(pty.Expect("kg> ")) << pty.pending();

  // A name with a space is completed in quotes.
  pty.Type("?who -partners_with-> Telk\t");
  ASSERT_TRUE(pty.Expect("\"Telkom Indonesia\"")) << pty.pending();
  pty.Type(";\r");
  ASSERT_TRUE(pty.Expect("Microsoft")) << pty.pending();
  ASSERT_TRUE(pty.Expect("kg> ")) << pty.pending();

  // A bad query prints the error with a caret and the session goes on.
  pty.Type("Microsoft -invests_in ?x;\r");
  ASSERT_TRUE(pty.Expect("error:")) << pty.pending();
  ASSERT_TRUE(pty.Expect("^")) << pty.pending();
  ASSERT_TRUE(pty.Expect("kg> ")) << pty.pending();
  pty.Type(".nosuch\r");
  ASSERT_TRUE(pty.Expect("unknown command")) << pty.pending();
  ASSERT_TRUE(pty.Expect("kg> ")) << pty.pending();

  // Ctrl-C at the prompt drops the typed text and keeps the REPL.
  pty.Type("half a query");
  pty.Type("\x03");
  ASSERT_TRUE(pty.Expect("kg> ")) << pty.pending();
  pty.Type(".print alive\r");
  ASSERT_TRUE(pty.Expect("alive")) << pty.pending();
  ASSERT_TRUE(pty.Expect("kg> ")) << pty.pending();

  // Ctrl-C while a query runs cancels it (a five-way cross product would
  // run for many seconds) and the REPL stays.
  pty.Type("MATCH ?a -?p-> ?b, ?c -?q-> ?d, ?e -?r-> ?f, ?g -?s-> ?h, ?i -?t-> ?j RETURN COUNT(*);\r");
  usleep(300 * 1000);
  pty.Type("\x03");
  ASSERT_TRUE(pty.Expect("query cancelled")) << pty.pending();
  ASSERT_TRUE(pty.Expect("kg> ")) << pty.pending();
  pty.Type(".print still alive\r");
  ASSERT_TRUE(pty.Expect("still alive")) << pty.pending();
  ASSERT_TRUE(pty.Expect("kg> ")) << pty.pending();

  // Ctrl-D leaves with status 0.
  pty.Type("\x04");
  EXPECT_EQ(pty.Wait(), 0) << pty.pending();

  // History persists in $HOME/.kg_history.
  std::string history = ReadFileOrEmpty(dir.File(".kg_history"));
  EXPECT_THAT(history, HasSubstr("invests_in"));
}

// Issue 13: Tab completed names but not dot-commands.
TEST(ReplPty, TabCompletesDotCommands) {
  TempDir dir;
  std::string db = dir.File("pty.db");
  ASSERT_EQ(Kg({"--db", db, "load", SourceDir() + "/data/microsoft-indonesia.txt"}).exit_code, 0);
  Pty pty({"--db", db}, dir.path());
  ASSERT_TRUE(pty.ok());
  ASSERT_TRUE(pty.Expect("kg> ")) << pty.pending();
  pty.Type(".hel\t");  // ".he" is also .hedged
  pty.Type("\r");
  ASSERT_TRUE(pty.Expect("Commands:")) << pty.pending();
  ASSERT_TRUE(pty.Expect("kg> ")) << pty.pending();
  // Indented, and in another case.
  pty.Type("  .ENT\t");
  ASSERT_TRUE(pty.Expect("ities")) << pty.pending();
  pty.Type(" Telk\r");
  ASSERT_TRUE(pty.Expect("Telkom Indonesia")) << pty.pending();
  ASSERT_TRUE(pty.Expect("kg> ")) << pty.pending();
  pty.Type(".quit\r");
  EXPECT_EQ(pty.Wait(), 0) << pty.pending();
}

// Issue 13: Ctrl-D on the continuation prompt silently dropped the statement
// being typed. Like sqlite3 (and kg reading a pipe), the REPL runs it.
TEST(ReplPty, CtrlDRunsTheUnfinishedStatement) {
  TempDir dir;
  std::string db = dir.File("pty.db");
  ASSERT_EQ(Kg({"--db", db, "load", SourceDir() + "/data/microsoft-indonesia.txt"}).exit_code, 0);
  Pty pty({"--db", db}, dir.path());
  ASSERT_TRUE(pty.ok());
  ASSERT_TRUE(pty.Expect("kg> ")) << pty.pending();
  pty.Type("Microsoft -invests_in->\r");
  ASSERT_TRUE(pty.Expect("...> ")) << pty.pending();
  pty.Type("?where\r");
  ASSERT_TRUE(pty.Expect("...> ")) << pty.pending();
  pty.Type("\x04");
  ASSERT_TRUE(pty.Expect("Indonesia")) << pty.pending();
  EXPECT_EQ(pty.Wait(), 0) << pty.pending();
}

TEST(ReplPty, CtrlCStopsALoadBetweenArticles) {
  TempDir dir;
  std::string db = dir.File("load.db");
  std::string text = ReadFileOrEmpty(SourceDir() + "/data/microsoft-indonesia.txt");
  ASSERT_FALSE(text.empty());
  // Enough articles that the load is still running when Ctrl-C arrives.
  constexpr int kArticles = 400;
  for (int i = 0; i < kArticles; ++i) dir.Write("a" + std::to_string(1000 + i) + ".txt", text);

  Pty pty({"--db", db, "repl", "--create"}, dir.path());
  ASSERT_TRUE(pty.ok());
  ASSERT_TRUE(pty.Expect("kg> ")) << pty.pending();
  pty.Type(".load " + dir.path() + "/a*.txt\r");
  ASSERT_TRUE(pty.Expect("loaded a1000")) << pty.pending();
  pty.Type("\x03");
  ASSERT_TRUE(pty.Expect("load cancelled: ")) << pty.pending();
  ASSERT_TRUE(pty.Expect("not loaded")) << pty.pending();
  ASSERT_TRUE(pty.Expect("kg> ")) << pty.pending();
  // The session goes on and the stored articles are whole.
  pty.Type("MATCH ?c -invests_in-> Indonesia @ ?a RETURN COUNT(*) AS n;\r");
  ASSERT_TRUE(pty.Expect("kg> ")) << pty.pending();
  pty.Type("\x04");
  EXPECT_EQ(pty.Wait(), 0) << pty.pending();

  RunResult articles = Kg({"--db", db, "articles", "--format", "tsv"});
  ASSERT_EQ(articles.exit_code, 0) << articles.err;
  const auto lines = static_cast<int>(std::count(articles.out.begin(), articles.out.end(), '\n'));
  EXPECT_GT(lines, 1);              // a header and at least a1000
  EXPECT_LT(lines, kArticles + 1);  // stopped before the end
}

TEST(ReplPty, HistoryFromEarlierSessionIsAvailable) {
  TempDir dir;
  std::string db = dir.File("pty.db");
  ASSERT_EQ(Kg({"--db", db, "load", SourceDir() + "/data/microsoft-indonesia.txt"}).exit_code, 0);
  {
    Pty first({"--db", db, "repl"}, dir.path());
    ASSERT_TRUE(first.Expect("kg> "));
    first.Type(".print first session\r");
    ASSERT_TRUE(first.Expect("first session"));
    ASSERT_TRUE(first.Expect("kg> "));  // typed-ahead keys may be flushed
    first.Type("\x04");
    ASSERT_EQ(first.Wait(), 0);
  }
  Pty second({"--db", db, "repl"}, dir.path());
  ASSERT_TRUE(second.Expect("kg> "));
  second.Type("\x1b[A");
  ASSERT_TRUE(second.Expect(".print first session")) << second.pending();
  second.Type("\r");
  ASSERT_TRUE(second.Expect("\nfirst session")) << second.pending();
  second.Type(".quit\r");
  EXPECT_EQ(second.Wait(), 0);
}

// Issue 13: `kg delete` and `.delete` ask before deleting when a person is
// at the terminal; --yes skips the question.
TEST(ReplPty, DeleteAsksOnATerminal) {
  TempDir dir;
  std::string db = dir.File("pty.db");
  ASSERT_EQ(Kg({"--db", db, "load", SourceDir() + "/data/google-thailand.txt",
                SourceDir() + "/data/aws-japan.txt", SourceDir() + "/data/microsoft-indonesia.txt"})
                .exit_code,
            0);
  {
    Pty no({"--db", db, "delete", "google-thailand"}, dir.path());
    ASSERT_TRUE(no.Expect("delete article 'google-thailand' (8 sentences, ")) << no.pending();
    ASSERT_TRUE(no.Expect("[y/N] ")) << no.pending();
    no.Type("n\r");
    ASSERT_TRUE(no.Expect("nothing deleted")) << no.pending();
    EXPECT_EQ(no.Wait(), 1);
  }
  {
    Pty yes({"--db", db, "delete", "google-thailand"}, dir.path());
    ASSERT_TRUE(yes.Expect("[y/N] ")) << yes.pending();
    yes.Type("y\r");
    ASSERT_TRUE(yes.Expect("deleted google-thailand")) << yes.pending();
    EXPECT_EQ(yes.Wait(), 0);
  }
  {
    Pty forced({"--db", db, "delete", "--yes", "aws-japan"}, dir.path());
    ASSERT_TRUE(forced.Expect("deleted aws-japan")) << forced.pending();
    EXPECT_EQ(forced.Wait(), 0);
    EXPECT_EQ(forced.seen().find("[y/N]"), std::string::npos) << forced.seen();
  }
  Pty repl({"--db", db}, dir.path());
  ASSERT_TRUE(repl.Expect("kg> "));
  repl.Type(".delete microsoft-indonesia\r");
  ASSERT_TRUE(repl.Expect("[y/N] ")) << repl.pending();
  repl.Type("\r");  // the default is no
  ASSERT_TRUE(repl.Expect("nothing deleted")) << repl.pending();
  ASSERT_TRUE(repl.Expect("kg> "));
  repl.Type(".delete microsoft-indonesia\r");
  ASSERT_TRUE(repl.Expect("[y/N] ")) << repl.pending();
  ASSERT_TRUE(Answers(repl, "yes", "deleted microsoft-indonesia"));
  repl.Type(".articles\r");
  ASSERT_TRUE(repl.Expect("0 articles")) << repl.pending();
  repl.Type(".quit\r");
  EXPECT_EQ(repl.Wait(), 0);
}

// Issue 13: an open REPL held the writer lock for its whole session, and one
// opened while another process wrote stayed read-only after it finished.
// Now the REPL takes the lock only while it writes.
TEST(ReplPty, HoldsTheWriterLockOnlyWhileItWrites) {
  TempDir dir;
  std::string db = dir.File("pty.db");
  ASSERT_EQ(Kg({"--db", db, "load", SourceDir() + "/data/google-thailand.txt"}).exit_code, 0);
  Pty repl({"--db", db}, dir.path());
  ASSERT_TRUE(repl.Expect("kg> "));
  // Another process loads while the REPL is open, and the REPL sees it.
  RunResult load = Kg({"--db", db, "load", SourceDir() + "/data/aws-japan.txt"});
  EXPECT_EQ(load.exit_code, 0) << load.err;
  ASSERT_TRUE(Answers(repl, "?c -invests_in-> Japan;", "Amazon Web Services"));
  {
    // While another process writes, .load says so and writes nothing …
    HeldWriterLock other(db);
    ASSERT_TRUE(other.ok());
    repl.Type(".load " + SourceDir() + "/data/microsoft-indonesia.txt\r");
    ASSERT_TRUE(repl.Expect("another process is writing this database")) << repl.pending();
    ASSERT_TRUE(repl.Expect("once it has finished")) << repl.pending();
    ASSERT_TRUE(repl.Expect("kg> ")) << repl.pending();
    // … and queries still work.
    ASSERT_TRUE(Answers(repl, "?c -invests_in-> Thailand;", "Google"));
  }
  // Once it has finished, the same session writes.
  ASSERT_TRUE(
      Answers(repl, ".load " + SourceDir() + "/data/microsoft-indonesia.txt", "loaded microsoft-indonesia"));
  ASSERT_TRUE(Answers(repl, "Microsoft -invests_in-> ?k;", "Indonesia"));
  // And between its writes it holds nothing: kg load works again.
  RunResult again = Kg({"--db", db, "load", SourceDir() + "/data/microsoft-japan-ai.txt"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  repl.Type(".quit\r");
  EXPECT_EQ(repl.Wait(), 0);
}

// Issue 13: a REPL started while another process wrote stayed read-only
// after that process finished. It reads meanwhile, says what to do when it
// is asked to write, and writes once the other process is done.
TEST(ReplPty, StartedWhileAnotherProcessWritesItWritesOnceThatHasFinished) {
  TempDir dir;
  std::string db = dir.File("pty.db");
  ASSERT_EQ(Kg({"--db", db, "load", SourceDir() + "/data/google-thailand.txt"}).exit_code, 0);
  auto other = std::make_unique<HeldWriterLock>(db);
  ASSERT_TRUE(other->ok());
  Pty repl({"--db", db}, dir.path());
  ASSERT_TRUE(repl.Expect("kg> ")) << repl.pending();
  EXPECT_EQ(repl.seen().find("read-only"), std::string::npos) << repl.seen();
  ASSERT_TRUE(Answers(repl, "?c -invests_in-> Thailand;", "Google"));
  ASSERT_TRUE(Answers(repl, ".load " + SourceDir() + "/data/aws-japan.txt",
                      "another process is writing this database"));
  other.reset();  // the other process finishes
  ASSERT_TRUE(Answers(repl, ".load " + SourceDir() + "/data/aws-japan.txt", "loaded aws-japan"));
  repl.Type(".quit\r");
  EXPECT_EQ(repl.Wait(), 0);
}

}  // namespace
}  // namespace kg::cli::testing
