// A full disk (issue 11): a writer fills a small tmpfs that the test mounts
// in its own mount namespace. Every write path must end in a clear IOError
// (never an abort), the database must stay openable and consistent, and the
// next writer after space is freed must work. Skipped where namespaces are
// not allowed.
#include <gtest/gtest.h>
#include <sys/mount.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "storage/store.h"
#include "test_util.h"

namespace kg::storage {
namespace {

namespace fs = std::filesystem;
using testing::CheckConsistency;
using testing::MakeArticle;
using testing::TempDir;

// Exit codes of the scenario (the child process).
enum : int {
  kOk = 0,
  kNoFailure = 10,     // the disk never filled
  kUnclearError = 11,  // a write failed without saying why
  kReopenFailed = 12,  // a writer on the full disk failed unclearly
  kReaderFailed = 13,  // a reader could not open or saw an inconsistency
  kAfterFreeing = 14,  // the writer after freeing space failed
};

int FillAndRecover(const std::string& mount_point, const std::string& size, int* stored) {
  if (::mount("tmpfs", mount_point.c_str(), "tmpfs", 0, ("size=" + size).c_str()) != 0) return 77;
  const std::string db = mount_point + "/db";
  const std::string ballast = mount_point + "/ballast";
  { std::ofstream(ballast) << std::string(512 * 1024, 'x'); }
  {
    auto store = Store::Open(db);
    if (!store.ok()) return kReopenFailed;  // a new database fits in the space left
    Status failure;
    for (int i = 0; i < 20000 && failure.ok(); ++i) {
      auto r = (*store)->AddArticle(MakeArticle("a" + std::to_string(i), static_cast<uint64_t>(i), 200));
      if (r.ok()) {
        ++*stored;
      } else {
        failure = r.status();
      }
    }
    if (failure.ok()) return kNoFailure;
    std::fprintf(stderr, "  %s: after %d articles: %s\n", size.c_str(), *stored, failure.ToString().c_str());
    if (failure.code() != Status::Code::kIOError ||
        (failure.message().find("free space") == std::string::npos &&
         failure.message().find("No space") == std::string::npos))
      return kUnclearError;
    // A later write through the same store fails the same clear way (or,
    // if small enough to fit, succeeds).
    auto again = (*store)->AddArticle(MakeArticle("again", 1, 200));
    if (!again.ok() && again.status().code() != Status::Code::kIOError) return kUnclearError;
  }
  {
    auto store = Store::Open(db);  // still full: refused clearly, or opens
    if (!store.ok() && store.status().code() != Status::Code::kIOError) return kReopenFailed;
  }
  {
    Options ro;
    ro.mode = OpenMode::kReader;
    auto reader = Store::Open(db, ro);
    if (!reader.ok() || CheckConsistency(**reader) != "") return kReaderFailed;
  }
  fs::remove(ballast);
  auto store = Store::Open(db);
  if (!store.ok()) {
    std::fprintf(stderr, "  after freeing: %s\n", store.status().ToString().c_str());
    return kAfterFreeing;
  }
  if (!(*store)->AddArticle(MakeArticle("after", 7, 10)).ok()) return kAfterFreeing;
  return CheckConsistency(**store) == "" ? kOk : kAfterFreeing;
}

TEST(DiskFullTest, AFullDiskGivesAClearErrorAndTheDatabaseRecovers) {
  for (const char* size : {"3m", "4m", "6m"}) {
    TempDir dir;
    fs::create_directories(dir.Sub("mnt"));
    int stored = 0;
    const int rc =
        testing::RunInMountNamespace([&] { return FillAndRecover(dir.Sub("mnt"), size, &stored); });
    if (rc == testing::kNamespaceDenied)
      GTEST_SKIP() << "cannot mount a tmpfs in a private mount namespace here (unshare or mount not allowed)";
    EXPECT_EQ(rc, kOk)
        << size << ": negative = killed by that signal (an abort is -6); 10 disk never filled, "
        << "11 unclear write error, 12 unclear reopen error, 13 reader failed, 14 writer after "
           "freeing space failed";
  }
}

}  // namespace
}  // namespace kg::storage
