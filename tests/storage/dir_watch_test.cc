#include "storage/dir_watch.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_util.h"

namespace kg::storage {
namespace {

void Append(const std::string& path, const char* text) {
  std::ofstream out(path, std::ios::app);
  out << text;
}

// What a writer does to its files — append to the log, write a new MANIFEST,
// replace CURRENT by a rename, remove an old file — each shows; nothing
// happening shows as no change.
TEST(DirWatch, SeesEveryKindOfChangeAndOnlyChanges) {
  testing::TempDir dir;
  const std::string d = dir.Sub("watched");
  std::filesystem::create_directories(d);
  DirWatch watch(d);
  EXPECT_FALSE(watch.Changed());
  Append(d + "/000001.log", "x");
  EXPECT_TRUE(watch.Changed());
  EXPECT_FALSE(watch.Changed());  // the events were drained
  Append(d + "/000001.log", "more");
  EXPECT_TRUE(watch.Changed());
  Append(d + "/CURRENT.tmp", "MANIFEST-000002\n");
  EXPECT_TRUE(watch.Changed());
  std::filesystem::rename(d + "/CURRENT.tmp", d + "/CURRENT");
  EXPECT_TRUE(watch.Changed());
  std::filesystem::remove(d + "/000001.log");
  EXPECT_TRUE(watch.Changed());
  EXPECT_FALSE(watch.Changed());
  // Reading a file is no change.
  std::ifstream in(d + "/CURRENT");
  std::string line;
  std::getline(in, line);
  EXPECT_FALSE(watch.Changed());
}

// A directory that cannot be watched is reported as always changed, so the
// caller looks at its files every time.
TEST(DirWatch, WithoutAWatchEverythingMayHaveChanged) {
  DirWatch watch("/nonexistent/kg-dir-watch-test");
  EXPECT_TRUE(watch.Changed());
  EXPECT_TRUE(watch.Changed());
}

}  // namespace
}  // namespace kg::storage
