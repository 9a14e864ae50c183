// PairTable: the triples of one predicate as (key, other) id pairs grouped by
// key — by subject (key = s, other = o) or by object (key = o, other = s) —
// with a hash index from key to its group. Hash joins probe it and path
// evaluation walks it; a store can build it once and share it between queries
// while its data does not change (TripleSource::Pairs).
//
// Immutable once built; safe to read from several threads. Header-only:
// every TripleSource (storage, the in-memory test source) builds tables.
#ifndef KG_STORAGE_PAIR_TABLE_H_
#define KG_STORAGE_PAIR_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <vector>

namespace kg::storage {

using TermId = uint64_t;

class PairTable {
 public:
  // `pairs` in any order; the others of one key keep their relative order
  // (callers pass index order, so results match single-key scans).
  static std::shared_ptr<const PairTable> Build(const std::vector<std::pair<TermId, TermId>>& pairs);

  // The others paired with `key`, empty when it has none.
  std::span<const TermId> Find(TermId key) const {
    if (slots_.empty()) return {};
    for (size_t i = Mix(key) & mask_;; i = (i + 1) & mask_) {
      const uint32_t g = slots_[i];
      if (g == 0) return {};
      if (keys_[g - 1] == key) return {others_.data() + begin_[g - 1], others_.data() + begin_[g]};
    }
  }

  size_t pairs() const { return others_.size(); }
  size_t keys() const { return keys_.size(); }
  // Heap bytes held (cache budgets).
  size_t bytes() const {
    return others_.capacity() * sizeof(TermId) + keys_.capacity() * sizeof(TermId) +
           begin_.capacity() * sizeof(uint32_t) + slots_.capacity() * sizeof(uint32_t);
  }

 private:
  static size_t Mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return static_cast<size_t>(z ^ (z >> 31));
  }

  std::vector<TermId> keys_;     // distinct keys, in first-seen order
  std::vector<uint32_t> begin_;  // group g is others_[begin_[g], begin_[g + 1])
  std::vector<TermId> others_;
  std::vector<uint32_t> slots_;  // open addressing: group index + 1, 0 = empty
  size_t mask_ = 0;
};

inline std::shared_ptr<const PairTable> PairTable::Build(
    const std::vector<std::pair<TermId, TermId>>& pairs) {
  auto table = std::make_shared<PairTable>();
  PairTable& t = *table;
  // A table of at least twice as many slots as keys keeps probes short;
  // sized for the worst case (every pair a new key) it never rehashes.
  size_t slots = 16;
  while (slots < pairs.size() * 2) slots *= 2;
  t.slots_.assign(slots, 0);
  t.mask_ = slots - 1;
  // Pass 1: group id of every pair and the size of every group.
  std::vector<uint32_t> group_of(pairs.size());
  std::vector<uint32_t> counts;
  for (size_t i = 0; i < pairs.size(); ++i) {
    const TermId key = pairs[i].first;
    size_t s = Mix(key) & t.mask_;
    while (t.slots_[s] != 0 && t.keys_[t.slots_[s] - 1] != key) s = (s + 1) & t.mask_;
    if (t.slots_[s] == 0) {
      t.keys_.push_back(key);
      counts.push_back(0);
      t.slots_[s] = static_cast<uint32_t>(t.keys_.size());
    }
    group_of[i] = t.slots_[s] - 1;
    ++counts[group_of[i]];
  }
  // Pass 2: prefix sums, then place the others (stable within a key).
  t.begin_.resize(t.keys_.size() + 1);
  uint32_t offset = 0;
  for (size_t g = 0; g < counts.size(); ++g) {
    t.begin_[g] = offset;
    offset += counts[g];
  }
  t.begin_[counts.size()] = offset;
  t.others_.resize(pairs.size());
  std::vector<uint32_t> fill(t.begin_.begin(), t.begin_.end() - 1);
  for (size_t i = 0; i < pairs.size(); ++i) t.others_[fill[group_of[i]]++] = pairs[i].second;
  // Slots sized for the worst case waste memory when keys repeat: shrink.
  if (t.keys_.size() * 4 < slots && slots > 16) {
    size_t n = 16;
    while (n < t.keys_.size() * 2) n *= 2;
    t.slots_.assign(n, 0);
    t.mask_ = n - 1;
    for (size_t g = 0; g < t.keys_.size(); ++g) {
      size_t s = Mix(t.keys_[g]) & t.mask_;
      while (t.slots_[s] != 0) s = (s + 1) & t.mask_;
      t.slots_[s] = static_cast<uint32_t>(g + 1);
    }
  }
  return table;
}

}  // namespace kg::storage

#endif  // KG_STORAGE_PAIR_TABLE_H_
