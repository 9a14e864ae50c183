// Helpers shared by the storage tests: temporary directories, synthetic
// articles and a full consistency check of a store against recomputation.
#ifndef KG_TESTS_STORAGE_TEST_UTIL_H_
#define KG_TESTS_STORAGE_TEST_UTIL_H_

#include <cstdint>
#include <functional>
#include <string>

#include "kg/article.h"
#include "storage/store.h"

namespace kg::storage::testing {

// A fresh directory removed on destruction. path() does not exist yet.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return root_ + "/" + name; }

 private:
  std::string root_;
  std::string path_;
};

// A deterministic synthetic article: `facts` facts over a small vocabulary,
// so that articles share entities and triples. Different seeds give different
// content.
ArticleData MakeArticle(const std::string& name, uint64_t seed, int facts = 20);

// Runs `fn` in a child process with its own mount namespace (and, when not
// root, its own user namespace mapping this user to root), so it may mount
// a small tmpfs or a read-only bind mount that nobody else sees. Returns the
// child's exit status; kNamespaceDenied when the system forbids namespaces
// (the caller skips), -signal when the child died of a signal.
inline constexpr int kNamespaceDenied = 77;
int RunInMountNamespace(const std::function<int()>& fn);

// Checks every invariant of FORMAT.md that ties the column families together:
// spo/pos/osp hold the same triples; every triple has provenance only from
// registered articles and its hedged flag matches; every registered article's
// triple list is present with its provenance and its counts match; the stored
// statistics equal a recomputation from spo. Returns "" or a description of
// the first violation.
std::string CheckConsistency(const Store& store);

// Invariant 7 alone: the `counts` column family equals a recomputation from
// the pos index, both numbers of every key, with no stale entries (for a
// version-1 store: CountKey still answers right). "" or the first violation.
std::string CheckKeyCounts(const Store& store);

}  // namespace kg::storage::testing

#endif  // KG_TESTS_STORAGE_TEST_UTIL_H_
