#include "storage/term_cache.h"

#include <sys/mman.h>

#include <cstdlib>
#include <memory>
#include <new>
#include <utility>

namespace kg::storage {

namespace {

template <typename T>
T* ZeroedArray(size_t n) {
  void* p = std::calloc(n, sizeof(T));
  if (p == nullptr) throw std::bad_alloc();
  return static_cast<T*>(p);
}

// The two id-indexed tables (128 KB each) are mapped, not allocated: fresh
// mappings are zero pages the kernel fills on first touch, so a query that
// decodes a few terms touches a page or two. calloc gives the same only for
// blocks it maps itself, which depends on malloc's thresholds (the kg
// command raises them: cli/huge_page_heap.h), and otherwise writes zeros
// over all 256 KB.
template <typename T>
T* MappedTable(size_t n) {
  void* p = ::mmap(nullptr, n * sizeof(T), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  return static_cast<T*>(p);
}

}  // namespace

TermCache::TermCache()
    : index_(MappedTable<uint32_t*>(kMaxId >> kIndexBits)),
      blocks_(MappedTable<Value*>(kMaxId >> kBlockBits)) {}

TermCache::~TermCache() {
  for (uint32_t i = 0; i < size_; ++i) std::destroy_at(&blocks_[i >> kBlockBits][i & kBlockMask]);
  for (TermId b = 0; b < (kMaxId >> kBlockBits) && blocks_[b] != nullptr; ++b) {
    ::operator delete(blocks_[b], std::align_val_t(alignof(Value)));
  }
  for (uint32_t* chunk : chunks_) std::free(chunk);
  ::munmap(blocks_, (kMaxId >> kBlockBits) * sizeof(Value*));
  ::munmap(index_, (kMaxId >> kIndexBits) * sizeof(uint32_t*));
}

void TermCache::Fill(std::vector<std::pair<TermId, Value>>* values) {
  std::lock_guard lock(mu_);
  for (auto& [id, value] : *values) FillLocked(id, std::move(value));
}

void TermCache::Fill(TermId id, const Value& value) {
  std::lock_guard lock(mu_);
  FillLocked(id, value);
}

void TermCache::FillLocked(TermId id, Value value) {
  if (id >= kMaxId) return;
  uint32_t*& chunk = index_[id >> kIndexBits];
  if (chunk == nullptr) {
    chunks_.push_back(ZeroedArray<uint32_t>(size_t{1} << kIndexBits));
    std::atomic_ref<uint32_t*>(chunk).store(chunks_.back(), std::memory_order_release);
  }
  uint32_t& entry = chunk[id & kIndexMask];
  if (entry != 0) return;
  const uint32_t n = size_;
  Value*& block = blocks_[n >> kBlockBits];
  if (block == nullptr) {
    void* raw = ::operator new(sizeof(Value) << kBlockBits, std::align_val_t(alignof(Value)));
    std::atomic_ref<Value*>(block).store(static_cast<Value*>(raw), std::memory_order_relaxed);
  }
  new (&block[n & kBlockMask]) Value(std::move(value));
  ++size_;
  std::atomic_ref<uint32_t>(entry).store(n + 1, std::memory_order_release);
}

}  // namespace kg::storage
