// The open rules of issue 11 (storage/FORMAT.md, "Opening"): where a database
// is created and where not, format versions that are refused, directories
// that are read-only, the remains of interrupted creations, and the
// housekeeping of an open (empty write-ahead logs, old reader scratch dirs).
#include <gtest/gtest.h>
#include <rocksdb/db.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "storage/store.h"
#include "test_util.h"

namespace kg::storage {
namespace {

namespace fs = std::filesystem;
using testing::CheckConsistency;
using testing::MakeArticle;
using testing::TempDir;

size_t CountEntries(const std::string& dir, const std::string& needle) {
  size_t n = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().filename().string().find(needle) != std::string::npos) ++n;
  }
  return n;
}

TEST(OpenRules, AMissingParentDirectoryIsAnErrorAndNothingIsCreated) {
  TempDir dir;
  const std::string path = dir.Sub("no/such/dir/db");
  auto r = Store::Open(path);
  ASSERT_EQ(r.status().code(), Status::Code::kNotFound) << r.status().ToString();
  EXPECT_NE(r.status().message().find("parent directory"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().hint().find("mkdir -p"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir.Sub("no")));
}

TEST(OpenRules, ANewDatabaseLeavesNothingButItself) {
  TempDir dir;
  {
    auto store = Store::Open(dir.path());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
  }
  // The parent holds the database and no hidden creation directory.
  EXPECT_EQ(CountEntries(dir.Sub(""), "kg-new"), 0u);
  EXPECT_TRUE(fs::exists(dir.path() + "/CURRENT"));
}

TEST(OpenRules, AnEmptyDirectoryBecomesADatabase) {
  TempDir dir;
  fs::create_directories(dir.path());
  auto store = Store::Open(dir.path());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_TRUE((*store)->AddArticle(MakeArticle("a", 1)).ok());
}

TEST(OpenRules, WithoutCreateIfMissingNothingIsCreated) {
  TempDir dir;
  Options o;
  o.create_if_missing = false;
  auto r = Store::Open(dir.path(), o);
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
  EXPECT_FALSE(r.status().hint().empty());
  EXPECT_FALSE(fs::exists(dir.path()));
}

TEST(OpenRules, FormatVersionZeroIsRefused) {
  TempDir dir;
  {
    auto store = Store::Open(dir.path());
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->SetFormatVersionForTesting(0).ok());
  }
  for (OpenMode mode : {OpenMode::kReadWrite, OpenMode::kReader}) {
    Options o;
    o.mode = mode;
    auto r = Store::Open(dir.path(), o);
    ASSERT_EQ(r.status().code(), Status::Code::kNotSupported) << r.status().ToString();
    EXPECT_NE(r.status().message().find("format version 0"), std::string::npos) << r.status().message();
  }
}

TEST(OpenRules, AnOlderKgsInterruptedCreationIsRecreatedByAWriter) {
  // What kg before issue 11 left when killed early in a creation.
  TempDir dir;
  fs::create_directories(dir.path());
  for (const char* f : {"LOG", "IDENTITY", "LOCK", "MANIFEST-000001"})
    std::ofstream(dir.path() + "/" + f) << "";
  Options ro;
  ro.mode = OpenMode::kReader;
  auto r = Store::Open(dir.path(), ro);
  ASSERT_EQ(r.status().code(), Status::Code::kNotFound);
  EXPECT_NE(r.status().message().find("interrupted"), std::string::npos) << r.status().message();
  auto store = Store::Open(dir.path());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ASSERT_TRUE((*store)->AddArticle(MakeArticle("a", 1)).ok());
  EXPECT_EQ(CheckConsistency(**store), "");
}

TEST(OpenRules, AnOlderKgsCreationKilledAfterItsFirstColumnFamiliesIsRecreated) {
  // Killed later: CURRENT exists, some of kg's column families, no data.
  TempDir dir;
  {
    rocksdb::Options o;
    o.create_if_missing = true;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(o, dir.path(), &db).ok());
    rocksdb::ColumnFamilyHandle* h = nullptr;
    ASSERT_TRUE(db->CreateColumnFamily(rocksdb::ColumnFamilyOptions(), "dict", &h).ok());
    ASSERT_TRUE(db->DestroyColumnFamilyHandle(h).ok());
    delete db;
  }
  auto store = Store::Open(dir.path());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_TRUE((*store)->AddArticle(MakeArticle("a", 1)).ok());
}

TEST(OpenRules, AnotherRocksDbWithDataIsStillNotAKgDatabase) {
  TempDir dir;
  {
    rocksdb::Options o;
    o.create_if_missing = true;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(rocksdb::DB::Open(o, dir.path(), &db).ok());
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), "k", "v").ok());
    delete db;
  }
  auto r = Store::Open(dir.path());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument) << r.status().ToString();
}

TEST(OpenRules, AReadOnlyDirectoryOpensForReadingAndRefusesAWriterClearly) {
  TempDir dir;
  {
    auto store = Store::Open(dir.path());
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->AddArticle(MakeArticle("a", 1)).ok());
  }
  // A read-only bind mount binds root too (chmod would not).
  int rc = testing::RunInMountNamespace([&] {
    if (::mount(dir.path().c_str(), dir.path().c_str(), nullptr, MS_BIND, nullptr) != 0) return 77;
    if (::mount(nullptr, dir.path().c_str(), nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY, nullptr) != 0)
      return 77;
    auto w = Store::Open(dir.path());
    if (w.ok() || w.status().code() != Status::Code::kNotSupported) return 1;
    if (w.status().message().find("read-only") == std::string::npos) return 2;
    Options ro;
    ro.mode = OpenMode::kReader;
    auto r = Store::Open(dir.path(), ro);
    if (!r.ok()) return 3;
    if ((*r)->FindArticle("a") == kNoTerm) return 4;
    return 0;
  });
  if (rc == testing::kNamespaceDenied)
    GTEST_SKIP() << "mount namespaces are not allowed here (unshare failed)";
  EXPECT_EQ(rc, 0) << "1: a writer opened; 2: unclear message; 3: a reader failed; 4: reader saw no data";
}

TEST(Housekeeping, WriterOpensThatWriteNothingLeaveNoEmptyLogs) {
  TempDir dir;
  for (int i = 0; i < 12; ++i) {
    auto store = Store::Open(dir.path());
    ASSERT_TRUE(store.ok());
    if (i == 0) {
      ASSERT_TRUE((*store)->AddArticle(MakeArticle("a", 1)).ok());
    }
  }
  size_t empty_logs = 0;
  for (const auto& e : fs::directory_iterator(dir.path())) {
    if (e.path().extension() == ".log" && fs::file_size(e.path()) == 0) ++empty_logs;
  }
  EXPECT_LE(empty_logs, 1u) << "empty write-ahead logs accumulate";
  auto store = Store::Open(dir.path());
  ASSERT_TRUE(store.ok());
  EXPECT_NE((*store)->FindArticle("a"), kNoTerm);
  EXPECT_EQ(CheckConsistency(**store), "");
}

// A reader needs no directory of its own (RocksDB writes a secondary
// instance's info log there, which readers do not keep); the scratch
// directories older kg readers made and left when killed are removed by the
// next writer.
TEST(Housekeeping, AReaderMakesNoScratchDirectoryAndAWriterRemovesOldOnes) {
  TempDir dir;
  { ASSERT_TRUE(Store::Open(dir.path()).ok()); }
  // A $TMPDIR of its own: writers of tests running in parallel would remove
  // the old directory from a shared one.
  const std::string tmp = dir.path() + "-tmp";
  fs::create_directories(tmp);
  const char* saved = std::getenv("TMPDIR");
  const std::string saved_tmpdir = saved == nullptr ? "" : saved;
  ::setenv("TMPDIR", tmp.c_str(), 1);
  const pid_t dead = ::fork();  // a pid that no longer runs
  ASSERT_GE(dead, 0);
  if (dead == 0) ::_exit(0);
  int status = 0;
  ASSERT_EQ(::waitpid(dead, &status, 0), dead);
  const std::string left = tmp + "/kg-reader-" + std::to_string(dead) + "-AbCdEf";
  fs::create_directories(left);
  const std::string mine = "kg-reader-" + std::to_string(::getpid()) + "-";
  {
    Options ro;
    ro.mode = OpenMode::kReader;
    auto r = Store::Open(dir.path(), ro);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(CountEntries(tmp, mine), 0u) << "the reader made a scratch directory";
  }
  EXPECT_TRUE(fs::exists(left));
  { ASSERT_TRUE(Store::Open(dir.path()).ok()); }
  EXPECT_FALSE(fs::exists(left)) << "the writer left an old reader's scratch directory";
  if (saved == nullptr) {
    ::unsetenv("TMPDIR");
  } else {
    ::setenv("TMPDIR", saved_tmpdir.c_str(), 1);
  }
  std::error_code ec;
  fs::remove_all(tmp, ec);
}

}  // namespace
}  // namespace kg::storage
