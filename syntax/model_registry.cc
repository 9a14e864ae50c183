#include "syntax/model_registry.h"

#include <dlfcn.h>
#include <errno.h>  // program_invocation_name (GNU)

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>

#include "syntax/wordnet.h"

// The installed model relative to the directory of the binary that holds
// this code: a shared library (lib/ → share/) or an executable (bin/ →
// share/). Set by syntax/CMakeLists.txt from the install layout; the
// defaults are those of a plain /usr/local-style prefix.
#ifndef KG_LIB_TO_MODEL
#define KG_LIB_TO_MODEL "../share/kg/en.kgm"
#endif
#ifndef KG_BIN_TO_MODEL
#define KG_BIN_TO_MODEL "../share/kg/en.kgm"
#endif

namespace kg::syntax {
namespace {

namespace fs = std::filesystem;

constexpr const char* kTrainHint = "use a model file written by kg-train, or reinstall kg (docs/syntax.md)";

// The installed-layout candidate next to the binary containing this
// function. dladdr names the shared object the code was linked into, which
// is what makes a relocated libkg.so find its own share/ directory. For the
// main program glibc reports argv[0] (the very pointer
// program_invocation_name holds), which may be relative to a directory the
// program has left or a bare name found on $PATH, so /proc/self/exe is read
// instead.
std::string BinaryRelativeCandidate() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<const void*>(&BinaryRelativeCandidate), &info) == 0 ||
      info.dli_fname == nullptr)
    return "";
  std::error_code ec;
  const bool executable = info.dli_fname == program_invocation_name;
  fs::path binary = executable ? fs::read_symlink("/proc/self/exe", ec) : fs::absolute(info.dli_fname, ec);
  if (ec || binary.empty()) return "";
  return (binary.parent_path() / (executable ? KG_BIN_TO_MODEL : KG_LIB_TO_MODEL))
      .lexically_normal()
      .string();
}

std::string EnvModel() {
  const char* env = std::getenv(kModelEnvVar);
  return env == nullptr ? std::string() : std::string(env);
}

// Checks that `path` names a file before it is read; `origin` says where
// the path came from, for the message.
Status CheckModelFile(const std::string& path, const std::string& origin) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (st.type() == fs::file_type::not_found || (ec && !fs::exists(st))) {
    return Status::NotFound("syntax model '" + path + "'" + origin + " does not exist")
        .WithHint(origin.empty()
                      ? "check the path, or leave it out to use the installed model"
                      : "point KG_SYNTAX_MODEL at a model file, or unset it to use the installed model");
  }
  if (fs::is_directory(st))
    return Status::InvalidArgument("syntax model '" + path + "' is a directory, not a model file")
        .WithHint("give the model file itself (e.g. en.kgm)");
  return Status::OK();
}

// Model::LoadFile, with WordNet read into memory on another core meanwhile:
// the tagger looks up every word in WordNet, so a model is never used
// without it, and reading it (~11 ms) would otherwise follow the model's
// load instead of overlapping it.
Result<Model> LoadWithWordNet(const std::string& file) {
  std::jthread wordnet;
  try {
    wordnet = std::jthread([] { WordNetAvailable(); });
  } catch (const std::system_error&) {
    // No thread: WordNet loads on first use instead.
  }
  return Model::LoadFile(file);
}

}  // namespace

std::vector<std::string> DefaultModelCandidates() {
  std::vector<std::string> out;
  if (std::string near = BinaryRelativeCandidate(); !near.empty()) out.push_back(std::move(near));
#ifdef KG_SOURCE_MODEL
  out.emplace_back(KG_SOURCE_MODEL);
#endif
#ifdef KG_INSTALL_MODEL
  out.emplace_back(KG_INSTALL_MODEL);
#endif
  return out;
}

std::string DefaultModelPath() {
  if (std::string env = EnvModel(); !env.empty()) return env;
  for (const std::string& candidate : DefaultModelCandidates()) {
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return candidate;
  }
  return "";
}

Result<std::string> ResolveModelPath(const std::string& path) {
  std::string file = path.empty() ? DefaultModelPath() : path;
  if (file.empty()) {
    std::string tried;
    for (const std::string& c : DefaultModelCandidates()) tried += (tried.empty() ? "" : ", ") + c;
    return Status::NotFound("no syntax model found; looked in: " + tried)
        .WithHint(
            "set KG_SYNTAX_MODEL to a model file, reinstall kg, or train one with kg-train (docs/syntax.md)");
  }
  const bool from_env = path.empty() && !EnvModel().empty();
  KG_RETURN_IF_ERROR(CheckModelFile(file, from_env ? " (from KG_SYNTAX_MODEL)" : ""));
  return file;
}

Result<std::shared_ptr<const Model>> LoadModel(const std::string& path) {
  KG_ASSIGN_OR_RETURN(std::string file, ResolveModelPath(path));
  // Held while loading, so concurrent first calls read the file once. Never
  // destroyed: models may be in use by threads still running at exit.
  static std::mutex mu;
  static auto* cache = new std::map<std::string, std::shared_ptr<const Model>>();
  std::error_code ec;
  std::string key = fs::weakly_canonical(file, ec).string();
  if (ec) key = file;
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = cache->find(key); it != cache->end()) return it->second;
  auto model = LoadWithWordNet(file);
  if (!model.ok()) {
    Status s = model.status();
    return s.WithHint(kTrainHint);
  }
  auto shared = std::make_shared<const Model>(std::move(model).value());
  (*cache)[key] = shared;
  return shared;
}

Result<std::shared_ptr<const Model>> LoadDefaultModel() { return LoadModel(""); }

}  // namespace kg::syntax
