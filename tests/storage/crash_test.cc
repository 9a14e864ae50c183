// THE crash test: a child process loads articles in a loop and is killed with
// SIGKILL at random moments (seeded); after each kill the database must open,
// every article must be wholly present (exactly one of its versions) or
// absent, and the statistics must agree with a recomputation.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <set>
#include <thread>

#include "storage/store.h"
#include "test_util.h"

namespace kg::storage {
namespace {

using testing::CheckConsistency;
using testing::MakeArticle;
using testing::TempDir;

// The triples of an ArticleData, by value.
std::set<std::string> ExpectedByValue(const ArticleData& a) {
  std::set<std::string> out;
  auto name = [](const Value& v) {
    // Entities are stored under their first spelling; MakeArticle uses one.
    return v.ToString();
  };
  for (const auto& f : a.facts) out.insert(name(f.subject) + "|" + f.predicate + "|" + name(f.object));
  for (const auto& e : a.entities) {
    if (!e.type.empty()) out.insert(e.name + "|" + std::string(kTypePredicate) + "|" + e.type);
  }
  return out;
}

std::set<std::string> StoredByValue(const Store& s, TermId article) {
  std::vector<IdTriple> ts;
  EXPECT_TRUE(s.ArticleTriples(article, &ts).ok());
  std::set<std::string> out;
  for (const auto& t : ts) {
    out.insert(s.GetTerm(t.s)->ToString() + "|" + s.GetTerm(t.p)->ToString() + "|" +
               s.GetTerm(t.o)->ToString());
  }
  return out;
}

// Runs the child until `ms` milliseconds after it reported ready, then kills it.
void RunAndKill(const std::string& db, long first, int ms) {
  int out[2];
  ASSERT_EQ(pipe(out), 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    std::string first_s = std::to_string(first);
    execl(KG_CRASH_CHILD_PATH, KG_CRASH_CHILD_PATH, db.c_str(), first_s.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  char buf[16] = {};
  ssize_t n = read(out[0], buf, sizeof(buf) - 1);  // "ready"
  close(out[0]);
  ASSERT_GT(n, 0) << "the child did not start";
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  kill(pid, SIGKILL);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child exited by itself with status " << WEXITSTATUS(status);
}

TEST(CrashTest, EveryArticleIsWhollyPresentOrAbsentAfterSigkill) {
  TempDir dir;
  std::mt19937 rng(20261128);
  std::uniform_int_distribution<int> delay(1, 120);
  size_t max_seen = 0;
  for (int round = 0; round < 8; ++round) {
    const long first = round * 100000L;
    RunAndKill(dir.path(), first, delay(rng));
    if (HasFatalFailure()) return;
    auto store = Store::Open(dir.path());
    ASSERT_TRUE(store.ok()) << "round " << round << ": " << store.status().ToString();
    ASSERT_EQ(CheckConsistency(**store), "") << "round " << round;
    auto infos = (*store)->Articles();
    ASSERT_TRUE(infos.ok());
    for (const auto& info : *infos) {
      long i = std::stol(info.name.substr(1));
      auto stored = StoredByValue(**store, (*store)->FindArticle(info.name));
      auto original =
          ExpectedByValue(MakeArticle(info.name, static_cast<uint64_t>(i), 10 + static_cast<int>(i % 30)));
      auto replaced = ExpectedByValue(MakeArticle(info.name, static_cast<uint64_t>(i + 1 + 1000000), 15));
      EXPECT_TRUE(stored == original || stored == replaced)
          << "round " << round << ": article " << info.name << " is not one of its versions";
    }
    max_seen = std::max(max_seen, infos->size());
    if (getenv("KG_CRASH_VERBOSE")) std::fprintf(stderr, "round %d: %zu articles\n", round, infos->size());
  }
  EXPECT_GT(max_seen, 0u) << "the child never committed an article: the test proved nothing";
}

TEST(CrashTest, AWriterInAnotherProcessIsRefusedClearly) {
  TempDir dir;
  auto store = Store::Open(dir.path());
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->AddArticle(MakeArticle("a", 1)).ok());
  int err[2];
  ASSERT_EQ(pipe(err), 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    dup2(err[1], STDERR_FILENO);
    close(err[0]);
    close(err[1]);
    execl(KG_CRASH_CHILD_PATH, KG_CRASH_CHILD_PATH, dir.path().c_str(), "0", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(err[1]);
  std::string message;
  char buf[512];
  for (ssize_t n; (n = read(err[0], buf, sizeof(buf))) > 0;) message.append(buf, static_cast<size_t>(n));
  close(err[0]);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  EXPECT_NE(message.find("database is in use by another writer"), std::string::npos) << message;
  // The holder is unharmed.
  EXPECT_EQ(CheckConsistency(**store), "");
  EXPECT_TRUE((*store)->AddArticle(MakeArticle("b", 2)).ok());
}

}  // namespace
}  // namespace kg::storage
