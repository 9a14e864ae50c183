#include "cli/script_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace kg::cli {
namespace {

class ScriptFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/kg-script-test-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& content) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  std::string dir_;
};

TEST_F(ScriptFileTest, ReadsATextFile) {
  Result<std::string> r = ReadScriptFile(Write("ok.kgq", ".print hi\n?a -b-> ?c;\n"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, ".print hi\n?a -b-> ?c;\n");
}

TEST_F(ScriptFileTest, ADirectoryIsAnError) {
  Result<std::string> r = ReadScriptFile(dir_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "'" + dir_ + "' is a directory, not a script");
  EXPECT_NE(r.status().hint().find(".load"), std::string::npos);
}

TEST_F(ScriptFileTest, AMissingFileIsNotFound) {
  Result<std::string> r = ReadScriptFile(dir_ + "/nope.kgq");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
  EXPECT_NE(r.status().message().find("No such file"), std::string::npos);
}

TEST_F(ScriptFileTest, NulAndInvalidUtf8AreRefusedWithTheirLine) {
  Result<std::string> nul = ReadScriptFile(Write("nul.kgq", std::string("a;\nb;\nxy\0z;\n", 12)));
  ASSERT_FALSE(nul.ok());
  EXPECT_EQ(nul.status().message(),
            "'" + dir_ + "/nul.kgq' is not a text file: line 3, column 3 holds a NUL byte");
  Result<std::string> latin1 = ReadScriptFile(Write("latin1.kgq", "a;\n\xe9t\xe9;\n"));
  ASSERT_FALSE(latin1.ok());
  EXPECT_EQ(latin1.status().message(),
            "'" + dir_ + "/latin1.kgq' is not a text file: line 2, column 1 holds a byte that is not UTF-8");
}

TEST_F(ScriptFileTest, SizeIsCapped) {
  Result<std::string> big = ReadScriptFile(Write("big.kgq", std::string(5000, 'a')), 4096);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().message(),
            "'" + dir_ + "/big.kgq' is larger than 4096 bytes, too large for a script");
  EXPECT_TRUE(ReadScriptFile(Write("fits.kgq", std::string(4096, 'a')), 4096).ok());
}

// Issue 13: `.read /dev/urandom` grew the shell to 2.4 GB in 20 s.
TEST_F(ScriptFileTest, AnEndlessDeviceStopsAtOnce) {
  Result<std::string> r = ReadScriptFile("/dev/urandom");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("is not a text file"), std::string::npos);
  Result<std::string> zero = ReadScriptFile("/dev/zero");
  ASSERT_FALSE(zero.ok());
  EXPECT_NE(zero.status().message().find("line 1, column 1 holds a NUL byte"), std::string::npos);
}

}  // namespace
}  // namespace kg::cli
