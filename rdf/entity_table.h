// The import's entity tables (rdf/import.cc): entities identified by a
// 128-bit fingerprint of their IRI. The reading thread numbers them
// (EntityIndex); the worker names them (EntityList, FingerprintSet). Each
// table is used by one thread.
#ifndef KG_RDF_ENTITY_TABLE_H_
#define KG_RDF_ENTITY_TABLE_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <string_view>
#include <vector>

#include "kg/value.h"
#include "storage/huge_pages.h"

namespace kg::rdf::internal {

// Kept small: a 10^6-triple file has ~160k entities.
struct EntityInfo {
  Value value;      // Value::Entity(name)
  const char* key;  // the IRI (or "_:label"), in EntityTable's arena
  uint32_t key_size = 0;
  uint32_t article = 0;  // the first article using it (index into Importer::articles_)
};

// A 128-bit fingerprint of an entity key (two independent 64-bit hashes of
// 8-byte words). Entities are identified by it without comparing strings: a
// collision among even 10^9 keys has a probability below 10^-20, and
// skipping the string comparison saves a cache miss per lookup, which
// dominated the parse time of large files.
struct Fingerprint {
  uint64_t a = 0;
  uint64_t b = 0;
  bool operator==(const Fingerprint&) const = default;
};

inline Fingerprint HashKey(std::string_view s, bool blank) {
  uint64_t a = blank ? 0x9E3779B97F4A7C15ull : 0xCBF29CE484222325ull;
  uint64_t b = blank ? 0xC2B2AE3D27D4EB4Full : 0x165667B19E3779F9ull;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    a = (a ^ w) * 0x100000001B3ull;
    a ^= a >> 29;
    b = (b + w) * 0xBF58476D1CE4E5B9ull;
    b ^= b >> 31;
  }
  uint64_t tail = s.size();
  for (; i < s.size(); ++i) tail = (tail << 8) | static_cast<unsigned char>(s[i]);
  a = (a ^ tail) * 0xD6E8FEB86659FD93ull;
  a ^= a >> 32;
  b = (b + tail) * 0x94D049BB133111EBull;
  b ^= b >> 29;
  b = b * 0xBF58476D1CE4E5B9ull;
  return {a ^ (a >> 31), b ^ (b >> 32)};
}

// Fingerprint → entity index and first article: the reading thread's
// half of the entity table. Open addressing with the first article in the
// slot, so a lookup touches one cache line; std::unordered_map's scattered
// nodes made these lookups (one per IRI of every line) the slowest part of
// parsing.
class EntityIndex {
 public:
  struct Found {
    uint32_t index = 0;  // 1-based; 0 when absent
    uint32_t article = 0;
  };
  Found Find(const Fingerprint& fp) const {
    if (slots_.empty()) return {};
    for (size_t i = fp.a & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.index == 0 || slot.fp == fp) return {slot.index, slot.article};
    }
  }
  // Precondition: Find(fp) found nothing. Returns the new entity's index
  // (1, 2, 3, ... in order).
  uint32_t Add(const Fingerprint& fp, uint32_t article) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    Place(Slot{fp, ++size_, article});
    return size_;
  }

 private:
  struct Slot {
    Fingerprint fp;
    uint32_t index = 0;  // 0 = empty
    uint32_t article = 0;
  };
  void Place(const Slot& slot) {
    size_t i = slot.fp.a & mask_;
    while (slots_[i].index != 0) i = (i + 1) & mask_;
    slots_[i] = slot;
  }
  void Grow() {
    // All zero bytes is an empty slot (index 0).
    storage::ZeroedArray<Slot> old(slots_.empty() ? 1024 : slots_.size() * 2);
    std::swap(old, slots_);
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.index != 0) Place(s);
    }
  }
  storage::ZeroedArray<Slot> slots_;
  size_t mask_ = 0;
  uint32_t size_ = 0;
};

// The entities by index (EntityIndex's numbering): name, key, first article.
// The worker's half of the entity table. Entries live in a deque (no
// reallocation copies while it grows), keys in an arena of 1 MiB blocks.
class EntityList {
 public:
  // Adds the next entry; returns its 1-based index.
  uint32_t Add(std::string_view key, Value value, uint32_t article) {
    entries_.push_back(EntityInfo{std::move(value), Store(key), static_cast<uint32_t>(key.size()), article});
    return static_cast<uint32_t>(entries_.size());
  }
  const EntityInfo& at(uint32_t index) const { return entries_[index - 1]; }
  const std::deque<EntityInfo>& entries() const { return entries_; }
  static std::string_view Key(const EntityInfo& e) { return std::string_view(e.key, e.key_size); }

 private:
  static constexpr size_t kBlock = 1u << 20;
  const char* Store(std::string_view key) {
    if (blocks_.empty() || block_used_ + key.size() > kBlock) {
      blocks_.push_back(std::make_unique<char[]>(std::max(kBlock, key.size())));
      block_used_ = 0;
    }
    char* at = blocks_.back().get() + block_used_;
    std::memcpy(at, key.data(), key.size());
    block_used_ += key.size();
    return at;
  }
  std::deque<EntityInfo> entries_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_used_ = 0;
};

// A set of fingerprints (open addressing; all-zero marks an empty slot).
class FingerprintSet {
 public:
  // Inserts; false if it was already there.
  bool Insert(Fingerprint fp) {
    if (fp == Fingerprint{}) fp.a = 1;
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    size_t i = fp.a & mask_;
    for (; !(slots_[i] == Fingerprint{}); i = (i + 1) & mask_) {
      if (slots_[i] == fp) return false;
    }
    slots_[i] = fp;
    ++size_;
    return true;
  }

 private:
  void Grow() {
    storage::ZeroedArray<Fingerprint> old(slots_.empty() ? 1024 : slots_.size() * 2);
    std::swap(old, slots_);
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const Fingerprint& fp : old) {
      if (!(fp == Fingerprint{})) Insert(fp);
    }
  }
  storage::ZeroedArray<Fingerprint> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace kg::rdf::internal

#endif  // KG_RDF_ENTITY_TABLE_H_
