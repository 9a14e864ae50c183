#include "test_util.h"

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include "storage/consistency_check.h"
#include "storage/key_codec.h"

namespace kg::storage::testing {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "kg-storage-test-XXXXXX").string();
  if (mkdtemp(tmpl.data()) == nullptr) std::abort();
  root_ = tmpl;
  path_ = root_ + "/db";
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(root_, ec);
}

ArticleData MakeArticle(const std::string& name, uint64_t seed, int facts) {
  static const char* kEntities[] = {"Microsoft", "Japan", "Amazon", "Google",
                                    "Germany",   "Asia",  "OpenAI", "Tokyo"};
  static const char* kPredicates[] = {"invests_in", "located_in", "partners_with", "part_of"};
  std::mt19937_64 rng(seed);
  ArticleData a;
  a.name = name;
  a.source = name + ".txt";
  a.title = "Article " + name;
  a.content = "content of " + name + " seed " + std::to_string(seed);
  int sentences = 1 + facts / 3;
  for (int i = 0; i < sentences; ++i)
    a.sentences.push_back("Sentence " + std::to_string(i) + " of " + name + ".");
  a.entities.push_back(EntityData{"Microsoft", "Company", {"Microsoft Corp."}, ""});
  a.entities.push_back(EntityData{"Japan", "Country", {}, ""});
  for (int i = 0; i < facts; ++i) {
    Fact f;
    f.subject = Value::Entity(kEntities[rng() % 8]);
    f.predicate = kPredicates[rng() % 4];
    switch (rng() % 4) {
      case 0:
        f.object = Value::Integer(static_cast<int64_t>(rng() % 5) * 1000);
        break;
      case 1:
        f.object = Value::Money(static_cast<double>(rng() % 3) * 1e9, "USD");
        break;
      default:
        f.object = Value::Entity(kEntities[rng() % 8]);
        break;
    }
    f.sentence = static_cast<uint32_t>(rng() % static_cast<uint64_t>(sentences));
    f.confidence = 0.5 + static_cast<double>(rng() % 50) / 100.0;
    f.modality = (rng() % 5 == 0) ? Modality::kHedged : Modality::kAsserted;
    a.facts.push_back(f);
  }
  a.raw_facts.push_back(RawFact{"Microsoft", "did not buy", {"Amazon"}, 0, 0.7, true, false});
  return a;
}

namespace {

bool WriteProcFile(const char* file, const std::string& text) {
  const int fd = ::open(file, O_WRONLY);
  if (fd < 0) return false;
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  return ok;
}

}  // namespace

int RunInMountNamespace(const std::function<int()>& fn) {
  const uid_t uid = ::getuid();
  const gid_t gid = ::getgid();
  const pid_t pid = ::fork();
  if (pid < 0) return kNamespaceDenied;
  if (pid == 0) {
    if (uid == 0) {
      if (::unshare(CLONE_NEWNS) != 0) ::_exit(kNamespaceDenied);
    } else {
      if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) ::_exit(kNamespaceDenied);
      (void)WriteProcFile("/proc/self/setgroups", "deny");
      if (!WriteProcFile("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1") ||
          !WriteProcFile("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1"))
        ::_exit(kNamespaceDenied);
    }
    // Mounts made here must not propagate to the parent's namespace.
    if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) ::_exit(kNamespaceDenied);
    ::_exit(fn());
  }
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid) return kNamespaceDenied;
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return WEXITSTATUS(status);
}

std::string CheckConsistency(const Store& store) { return FindInconsistency(store); }

std::string CheckKeyCounts(const Store& store) { return FindKeyCountInconsistency(store); }

}  // namespace kg::storage::testing
