// TermCache: the decoded dictionary terms a Store has read, by id, kept for
// the Store's life. Ids are never reused or rewritten (the dictionary is
// append-only), so an entry never goes stale.
//
// Thread-safety: Find is lock-free and safe while another thread fills;
// fills are serialized by the cache's own mutex.
#ifndef KG_STORAGE_TERM_CACHE_H_
#define KG_STORAGE_TERM_CACHE_H_

#include <atomic>
#include <cstdint>
#include <mutex>
#include <utility>
#include <vector>

#include "kg/value.h"

namespace kg::storage {

class TermCache {
 public:
  using TermId = uint64_t;
  // Ids from here on are not cached (Find returns null, Fill ignores them).
  static constexpr TermId kMaxId = TermId{1} << 26;

  TermCache();
  ~TermCache();
  TermCache(const TermCache&) = delete;
  TermCache& operator=(const TermCache&) = delete;

  // The decoded term of `id`, or null when it is not cached. The pointer
  // stays valid until the cache is destroyed.
  const Value* Find(TermId id) const {
    if (id >= kMaxId) return nullptr;
    uint32_t* chunk = std::atomic_ref<uint32_t*>(index_[id >> kIndexBits]).load(std::memory_order_acquire);
    if (chunk == nullptr) return nullptr;
    const uint32_t n = std::atomic_ref<uint32_t>(chunk[id & kIndexMask]).load(std::memory_order_acquire);
    if (n == 0) return nullptr;
    // The block was published before the entry's number (Fill), which the
    // acquire above makes visible.
    return &std::atomic_ref<Value*>(blocks_[(n - 1) >> kBlockBits])
                .load(std::memory_order_relaxed)[(n - 1) & kBlockMask];
  }

  // Caches each (id, value) whose id is not cached yet; `values` is left in
  // an unspecified state.
  void Fill(std::vector<std::pair<TermId, Value>>* values);
  void Fill(TermId id, const Value& value);

 private:
  // Why two levels: ids are scattered (a query's 1,000 result terms spread
  // over the whole dictionary), and each page a query touches for the first
  // time is a page fault, which costs microseconds. Slots of full Values
  // indexed by id cost a page per decoded term; here the index is 4 bytes
  // per id (16 KB per 4,096 ids) and the Values are appended densely to
  // blocks in the order they are filled.
  static constexpr int kIndexBits = 12;
  static constexpr TermId kIndexMask = (TermId{1} << kIndexBits) - 1;
  static constexpr int kBlockBits = 12;
  static constexpr uint32_t kBlockMask = (uint32_t{1} << kBlockBits) - 1;

  void FillLocked(TermId id, Value value);  // requires mu_

  // Per 4,096 ids: null, or a zeroed array of entry numbers (0 = not
  // cached, n = the Value at n - 1). Both tables are fresh mappings and the
  // chunks calloc'd, so only the pages used are ever touched.
  uint32_t** index_;
  Value** blocks_;  // 4,096 Values each, the first `size_` constructed
  std::mutex mu_;
  // The allocated index chunks, for the destructor: looking at every
  // pointer of index_ would fault in all of its 32 pages.
  std::vector<uint32_t*> chunks_;  // guarded by mu_
  uint32_t size_ = 0;              // guarded by mu_
};

}  // namespace kg::storage

#endif  // KG_STORAGE_TERM_CACHE_H_
