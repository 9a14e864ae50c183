#include "cli/nlp_module.h"

#include <dlfcn.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <mutex>
#include <vector>

#include "cli/commands.h"

namespace kg::cli {

namespace {

namespace fs = std::filesystem;

// Beside the executable, then in the installed layout's lib/kg. Resolved
// from /proc/self/exe, not argv[0], so a kg found on PATH or through a
// symbolic link finds its own module.
std::vector<std::string> Candidates() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  const fs::path dir = exe.parent_path();
  return {(dir / kNlpModuleFile).string(), (dir.parent_path() / "lib" / "kg" / kNlpModuleFile).string()};
}

Result<const NlpCommands*> Load() {
  const std::vector<std::string> candidates = Candidates();
  std::string looked;
  for (const std::string& path : candidates) {
    looked += (looked.empty() ? "" : ", ") + path;
    if (::access(path.c_str(), F_OK) != 0) continue;
    // RTLD_LOCAL: the module's copies of kg's internal code stay its own.
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      return Status::IOError("cannot load kg's language module " + path + ": " + ::dlerror())
          .WithHint("rebuild it (cmake --build build --target kg_nlp) or reinstall kg");
    }
    auto* entry = reinterpret_cast<const NlpCommands* (*)()>(::dlsym(handle, kNlpEntryPoint));
    if (entry == nullptr) {
      return Status::IOError("'" + path + "' is not kg's language module of this version (no " +
                             kNlpEntryPoint + ")")
          .WithHint("rebuild kg and its module together (cmake --build build)");
    }
    return entry();
  }
  return Status::NotFound("this command needs kg's language module (" + std::string(kNlpModuleFile) +
                          "), which is not installed; looked in " + (looked.empty() ? "nothing" : looked))
      .WithHint(
          "build it with `cmake --build build --target kg_nlp` (a full build makes it), or install kg "
          "with its lib/kg directory; queries work without it");
}

}  // namespace

Result<const NlpCommands*> NlpModule() {
  static std::once_flag once;
  static Result<const NlpCommands*> loaded = Status::Internal("not loaded");
  std::call_once(once, [] { loaded = Load(); });
  return loaded;
}

const NlpCommands* NlpModuleOrPrintError() {
  Result<const NlpCommands*> module = NlpModule();
  if (module.ok()) return *module;
  std::cerr << "error: " << module.status().message() << '\n' << "hint: " << module.status().hint() << '\n';
  return nullptr;
}

}  // namespace kg::cli
