// Damaged files are detected, never silent (issue 11): a database whose
// table files or MANIFEST were deleted, cut short or had bytes flipped is
// refused at open ("database damaged: …") or, for damage inside a block,
// reported by the full check (Store::VerifyFiles + FindInconsistency, what
// `kg check` runs). Each case damages a fresh copy of one database.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "storage/consistency_check.h"
#include "storage/store.h"
#include "test_util.h"

namespace kg::storage {
namespace {

namespace fs = std::filesystem;
using testing::MakeArticle;
using testing::TempDir;

// "" when the damage was reported; otherwise how it went unnoticed.
std::string Detect(const std::string& path) {
  for (OpenMode mode : {OpenMode::kReader, OpenMode::kReadWrite}) {
    Options o;
    o.mode = mode;
    o.create_if_missing = false;
    auto store = Store::Open(path, o);
    if (!store.ok()) {
      if (store.status().message().find("damaged") == std::string::npos &&
          store.status().code() != Status::Code::kCorruption)
        return "open failed without saying it is damaged: " + store.status().ToString();
      continue;
    }
    uint64_t files = 0, bytes = 0;
    Status s = (*store)->VerifyFiles(&files, &bytes);
    if (!s.ok()) {
      if (s.message().find("database damaged") == std::string::npos) return "unclear: " + s.ToString();
      continue;
    }
    const std::string problem = FindInconsistency(**store);
    if (problem.empty()) return std::string(mode == OpenMode::kReader ? "reader" : "writer") + " saw nothing";
  }
  return "";
}

class DamageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    source_ = new TempDir();
    auto store = Store::Open(source_->path());
    ASSERT_TRUE(store.ok());
    for (int i = 0; i < 60; ++i)
      ASSERT_TRUE((*store)->AddArticle(MakeArticle("a" + std::to_string(i), i, 40)).ok());
    ASSERT_TRUE((*store)->Compact().ok());  // every column family in a table file
  }
  static void TearDownTestSuite() {
    delete source_;
    source_ = nullptr;
  }
  // A fresh copy of the database; `files` receives its table files.
  std::string Copy(const TempDir& dir, std::vector<std::string>* tables) {
    const std::string path = dir.Sub("copy");
    fs::copy(source_->path(), path, fs::copy_options::recursive);
    for (const auto& e : fs::directory_iterator(path)) {
      if (e.path().extension() == ".sst") tables->push_back(e.path().string());
    }
    std::sort(tables->begin(), tables->end());
    return path;
  }
  static std::string Manifest(const std::string& path) {
    std::ifstream in(path + "/CURRENT");
    std::string name;
    std::getline(in, name);
    return path + "/" + name;
  }
  static void FlipBytes(const std::string& file, size_t every) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    const size_t size = fs::file_size(file);
    for (size_t at = size / 3; at < size; at += every) {
      f.seekg(static_cast<std::streamoff>(at));
      char c = 0;
      f.read(&c, 1);
      f.seekp(static_cast<std::streamoff>(at));
      c = static_cast<char>(c ^ 0x5a);
      f.write(&c, 1);
    }
  }
  static TempDir* source_;
};
TempDir* DamageTest::source_ = nullptr;

TEST_F(DamageTest, TheUndamagedCopyPassesEveryCheck) {
  TempDir dir;
  std::vector<std::string> tables;
  const std::string path = Copy(dir, &tables);
  EXPECT_EQ(Detect(path), "reader saw nothing");
}

TEST_F(DamageTest, DeletingAnyTableFileIsDetected) {
  TempDir probe;
  std::vector<std::string> tables;
  Copy(probe, &tables);
  ASSERT_GE(tables.size(), 10u);
  for (size_t i = 0; i < tables.size(); ++i) {
    TempDir dir;
    std::vector<std::string> t;
    const std::string path = Copy(dir, &t);
    fs::remove(t[i]);
    EXPECT_EQ(Detect(path), "") << "deleted " << fs::path(t[i]).filename();
  }
}

// Not only `kg check`: a plain reader open refuses a database with any of
// its table files gone (a RocksDB secondary would silently leave it out).
TEST_F(DamageTest, AReaderOpenRefusesAnyDeletedTableFile) {
  TempDir probe;
  std::vector<std::string> tables;
  Copy(probe, &tables);
  for (size_t i = 0; i < tables.size(); ++i) {
    TempDir dir;
    std::vector<std::string> t;
    const std::string path = Copy(dir, &t);
    fs::remove(t[i]);
    Options o;
    o.mode = OpenMode::kReader;
    auto store = Store::Open(path, o);
    ASSERT_FALSE(store.ok()) << "deleted " << fs::path(t[i]).filename() << " went unnoticed";
    EXPECT_NE(store.status().message().find("database damaged"), std::string::npos)
        << store.status().ToString();
  }
}

TEST_F(DamageTest, TruncatingAnyTableFileIsDetected) {
  TempDir probe;
  std::vector<std::string> tables;
  Copy(probe, &tables);
  for (size_t i = 0; i < tables.size(); ++i) {
    TempDir dir;
    std::vector<std::string> t;
    const std::string path = Copy(dir, &t);
    fs::resize_file(t[i], fs::file_size(t[i]) / 2);
    EXPECT_EQ(Detect(path), "") << "truncated " << fs::path(t[i]).filename();
  }
}

TEST_F(DamageTest, FlippedBytesInAnyTableFileAreDetected) {
  TempDir probe;
  std::vector<std::string> tables;
  Copy(probe, &tables);
  for (size_t i = 0; i < tables.size(); ++i) {
    TempDir dir;
    std::vector<std::string> t;
    const std::string path = Copy(dir, &t);
    FlipBytes(t[i], 997);
    EXPECT_EQ(Detect(path), "") << "flipped bytes in " << fs::path(t[i]).filename();
  }
}

TEST_F(DamageTest, ADamagedOrMissingManifestIsDetected) {
  {
    TempDir dir;
    std::vector<std::string> t;
    const std::string path = Copy(dir, &t);
    FlipBytes(Manifest(path), 61);
    EXPECT_EQ(Detect(path), "") << "flipped bytes in the MANIFEST";
  }
  {
    TempDir dir;
    std::vector<std::string> t;
    const std::string path = Copy(dir, &t);
    fs::resize_file(Manifest(path), fs::file_size(Manifest(path)) / 2);
    EXPECT_EQ(Detect(path), "") << "truncated MANIFEST";
  }
  {
    TempDir dir;
    std::vector<std::string> t;
    const std::string path = Copy(dir, &t);
    fs::remove(Manifest(path));
    EXPECT_EQ(Detect(path), "") << "deleted MANIFEST";
  }
}

}  // namespace
}  // namespace kg::storage
