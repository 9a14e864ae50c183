// KeyOthers: what one constant-key lookup `key -p-> ?v` (or `?v -p-> key`)
// found, kept by a store so that asking it again costs no index scan and no
// whole-predicate pair table (docs/performance.md, fourth pass): the others
// in index order, and those left out for being hedged (at most
// kMaxHidden, enough for the "hedged facts not shown" hint).
//
// KeyOthersCache holds them for one data version of a store: Find and Keep
// are thread-safe; a new version empties it, and so does going over its byte
// budget (it is refilled by the next lookups).
#ifndef KG_STORAGE_KEY_OTHERS_H_
#define KG_STORAGE_KEY_OTHERS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kg::storage {

using TermId = uint64_t;

struct KeyOthers {
  // A lookup with more matches is not kept: collecting it would hold memory
  // the query's budget does not see (8 MiB of ids at most).
  static constexpr size_t kMaxOthers = size_t{1} << 20;
  static constexpr size_t kMaxHidden = 1000;
  std::vector<TermId> others;  // visible, in index order
  std::vector<TermId> hidden;  // hedged and left out (at most kMaxHidden)
};

class KeyOthersCache {
 public:
  // Default: 32 MiB of ids.
  explicit KeyOthersCache(size_t max_bytes = size_t{32} << 20) : max_bytes_(max_bytes) {}

  // The lookup kept for (p, by_object, include_hedged, key) at `version`, or
  // null.
  std::shared_ptr<const KeyOthers> Find(std::pair<uint64_t, uint64_t> version, TermId p, bool by_object,
                                        bool include_hedged, TermId key) const {
    std::lock_guard lock(mu_);
    if (version != version_) return nullptr;
    auto it = map_.find(Key{p, key, Flags(by_object, include_hedged)});
    return it == map_.end() ? nullptr : it->second;
  }

  // Keeps a complete lookup made at `version`.
  void Keep(std::pair<uint64_t, uint64_t> version, TermId p, bool by_object, bool include_hedged, TermId key,
            std::shared_ptr<const KeyOthers> found) {
    const size_t bytes = (found->others.size() + found->hidden.size()) * sizeof(TermId) + 64;
    if (bytes > max_bytes_) return;
    std::lock_guard lock(mu_);
    if (version != version_ || bytes_ + bytes > max_bytes_) {
      map_.clear();
      bytes_ = 0;
      version_ = version;
    }
    auto [it, added] = map_.emplace(Key{p, key, Flags(by_object, include_hedged)}, std::move(found));
    if (added) bytes_ += bytes;
  }

 private:
  struct Key {
    TermId p, key;
    int flags;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const {
      return static_cast<size_t>((k.p * 0x9E3779B97F4A7C15ull) ^ (k.key + static_cast<uint64_t>(k.flags)));
    }
  };
  static int Flags(bool by_object, bool include_hedged) {
    return (by_object ? 2 : 0) + (include_hedged ? 1 : 0);
  }

  const size_t max_bytes_;
  mutable std::mutex mu_;
  std::pair<uint64_t, uint64_t> version_{};
  std::unordered_map<Key, std::shared_ptr<const KeyOthers>, KeyHash> map_;
  size_t bytes_ = 0;
};

}  // namespace kg::storage

#endif  // KG_STORAGE_KEY_OTHERS_H_
