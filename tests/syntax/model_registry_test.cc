// Finding and loading the model file (syntax/model_registry.h). The search
// order and messages are also checked through the public API
// (tests/api/syntax_api_test.cc); these tests cover what only the registry
// knows: the candidates of a statically linked binary and the shared cache.
#include "syntax/model_registry.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace kg::syntax {
namespace {

namespace fs = std::filesystem;

class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    const char* old = std::getenv(name);
    had_ = old != nullptr;
    if (had_) old_ = old;
    value == nullptr ? (void)unsetenv(name) : (void)setenv(name, value, 1);
  }
  ~ScopedEnv() { had_ ? (void)setenv(name_, old_.c_str(), 1) : (void)unsetenv(name_); }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::string old_;
  bool had_ = false;
};

TEST(ModelRegistry, StaticallyLinkedBinaryLooksNextToTheExecutable) {
  // This test links kg_syntax statically, so the first candidate is
  // relative to the test executable (not to its argv[0]).
  const auto candidates = DefaultModelCandidates();
  ASSERT_GE(candidates.size(), 1u);
  const fs::path exe = fs::read_symlink("/proc/self/exe");
  const fs::path prefix = exe.parent_path().parent_path();
  EXPECT_EQ(candidates[0].rfind(prefix.string() + "/", 0), 0u) << candidates[0];
  EXPECT_TRUE(candidates[0].ends_with("/kg/en.kgm")) << candidates[0];
  EXPECT_TRUE(fs::path(candidates[0]).is_absolute());
  // Then the source tree's model and the install prefix's.
  ASSERT_EQ(candidates.size(), 3u);
  EXPECT_TRUE(candidates[1].ends_with("/models/en.kgm")) << candidates[1];
}

TEST(ModelRegistry, EnvironmentVariableWinsEvenWhenMissing) {
  ScopedEnv env(kModelEnvVar, "/nonexistent/registry-env.kgm");
  EXPECT_EQ(DefaultModelPath(), "/nonexistent/registry-env.kgm");
  auto file = ResolveModelPath();
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), Status::Code::kNotFound);
  EXPECT_NE(file.status().message().find("/nonexistent/registry-env.kgm"), std::string::npos);
  EXPECT_NE(file.status().message().find("KG_SYNTAX_MODEL"), std::string::npos);
  EXPECT_NE(file.status().hint().find("KG_SYNTAX_MODEL"), std::string::npos);
  auto model = LoadDefaultModel();
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().message(), file.status().message());
}

TEST(ModelRegistry, NoDefaultModelListsEveryPlaceTried) {
  ScopedEnv env(kModelEnvVar, nullptr);
  if (!DefaultModelPath().empty()) GTEST_SKIP() << "a default model exists: " << DefaultModelPath();
  auto model = LoadDefaultModel();
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().code(), Status::Code::kNotFound);
  for (const std::string& c : DefaultModelCandidates())
    EXPECT_NE(model.status().message().find(c), std::string::npos) << model.status().message();
  EXPECT_NE(model.status().hint().find("KG_SYNTAX_MODEL"), std::string::npos);
}

TEST(ModelRegistry, ExplicitPathErrors) {
  auto missing = LoadModel("/nonexistent/dir/en.kgm");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_NE(missing.status().message().find("/nonexistent/dir/en.kgm"), std::string::npos);
  EXPECT_EQ(missing.status().message().find("KG_SYNTAX_MODEL"), std::string::npos);

  auto dir = LoadModel(fs::temp_directory_path().string());
  ASSERT_FALSE(dir.ok());
  EXPECT_EQ(dir.status().code(), Status::Code::kInvalidArgument);

  const fs::path garbage = fs::temp_directory_path() / "kg-registry-garbage.kgm";
  {
    std::ofstream out(garbage, std::ios::binary);
    for (int i = 0; i < 5000; ++i) out.put(static_cast<char>((i * 7919) & 0xFF));
  }
  auto corrupt = LoadModel(garbage.string());
  fs::remove(garbage);
  ASSERT_FALSE(corrupt.ok());
  EXPECT_EQ(corrupt.status().code(), Status::Code::kCorruption);
  EXPECT_NE(corrupt.status().message().find(garbage.string()), std::string::npos);
  EXPECT_NE(corrupt.status().hint().find("kg-train"), std::string::npos);
}

// Needs a model file ($KG_SYNTAX_MODEL or the default); skipped without.
TEST(ModelRegistry, OneModelPerFileWhateverThePathSpelling) {
  const std::string path = DefaultModelPath();
  std::error_code ec;
  if (path.empty() || !fs::is_regular_file(path, ec)) GTEST_SKIP() << "no syntax model";
  auto a = LoadModel(path);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  const fs::path p = fs::absolute(path);
  auto b = LoadModel((p.parent_path() / "." / p.filename()).string());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->get(), b->get());
  auto c = LoadDefaultModel();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->get(), a->get());
}

}  // namespace
}  // namespace kg::syntax
