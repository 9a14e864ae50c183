// PairTable: the triples of one predicate as (key, other) id pairs grouped by
// key — by subject (key = s, other = o) or by object (key = o, other = s) —
// in key order, with a hash index from key to its group. Hash joins probe it and path
// evaluation walks it; a store can build it once and share it between queries
// while its data does not change (TripleSource::Pairs).
//
// Immutable once built; safe to read from several threads. Header-only:
// every TripleSource (storage, the in-memory test source) builds tables.
#ifndef KG_STORAGE_PAIR_TABLE_H_
#define KG_STORAGE_PAIR_TABLE_H_

#include <algorithm>
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
  // `hedged_left_out`: whether the builder left out hedged triples of the
  // predicate (callers that do not know say true).
  static std::shared_ptr<const PairTable> Build(std::vector<std::pair<TermId, TermId>> pairs,
                                                bool hedged_left_out = true);

  // The others paired with `key`, empty when it has none.
  std::span<const TermId> Find(TermId key) const {
    const size_t g = Group(key);
    return g == keys_.size() ? std::span<const TermId>() : Others(g);
  }

  // The same, for callers that probe keys mostly in ascending order (a scan
  // in index order feeding a join): `*hint` is the group found last (start
  // at 0). A key at or after it is found by galloping forward through the
  // sorted keys — sequential memory, no hash-table miss — others by hash.
  std::span<const TermId> Find(TermId key, size_t* hint) const {
    size_t lo = *hint;
    if (lo >= keys_.size() || keys_[lo] > key) {
      const size_t g = Group(key);
      if (g == keys_.size()) return {};
      *hint = g;
      return Others(g);
    }
    size_t step = 1;
    while (lo + step < keys_.size() && keys_[lo + step] <= key) {
      lo += step;
      step *= 2;
    }
    // keys_[lo] <= key < keys_[hi] (or hi is the end).
    size_t hi = std::min(lo + step, keys_.size());
    while (hi - lo > 1) {
      const size_t mid = lo + (hi - lo) / 2;
      (keys_[mid] <= key ? lo : hi) = mid;
    }
    *hint = lo;
    return keys_[lo] == key ? Others(lo) : std::span<const TermId>();
  }

  // A new table: this one's pairs plus `add`, minus `remove` (both lists of
  // (key, other); removing an absent pair or adding a present one is a
  // no-op). Linear in the table's size, so a write that touches a cached
  // predicate patches its table instead of rescanning the index. Requires
  // the others of each key in ascending order, as tables built from an
  // index scan have them.
  // `hedged_left_out` is the new table's (Build).
  std::shared_ptr<const PairTable> Patched(std::vector<std::pair<TermId, TermId>> add,
                                           std::vector<std::pair<TermId, TermId>> remove,
                                           bool hedged_left_out = true) const {
    std::sort(add.begin(), add.end());
    add.erase(std::unique(add.begin(), add.end()), add.end());
    std::sort(remove.begin(), remove.end());
    std::vector<std::pair<TermId, TermId>> out;
    out.reserve(others_.size() + add.size());
    size_t a = 0;
    auto removed = [&](const std::pair<TermId, TermId>& p) {
      return std::binary_search(remove.begin(), remove.end(), p);
    };
    for (size_t g = 0; g < keys_.size(); ++g) {
      for (uint32_t i = begin_[g]; i < begin_[g + 1]; ++i) {
        const std::pair<TermId, TermId> p{keys_[g], others_[i]};
        for (; a < add.size() && add[a] < p; ++a) {
          if (!removed(add[a])) out.push_back(add[a]);
        }
        if (a < add.size() && add[a] == p) ++a;  // already present
        if (!removed(p)) out.push_back(p);
      }
    }
    for (; a < add.size(); ++a) {
      if (!removed(add[a])) out.push_back(add[a]);
    }
    return Build(std::move(out), hedged_left_out);
  }

  // A copy that says it left hedged triples out (a write made one of its
  // predicate's triples hedged, which the table does not hold).
  std::shared_ptr<const PairTable> WithHedgedLeftOut() const {
    auto copy = std::make_shared<PairTable>(*this);
    copy->hedged_left_out_ = true;
    return copy;
  }

  size_t pairs() const { return others_.size(); }
  // False only when the table holds every triple of its predicate: built from
  // a scan that met no hedged triple, or with hedged triples included. A query
  // counting the hedged triples it left out needs no second table then.
  bool hedged_left_out() const { return hedged_left_out_; }
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
  // The group of `key`, or keys_.size() when absent.
  size_t Group(TermId key) const {
    if (slots_.empty()) return keys_.size();
    for (size_t i = Mix(key) & mask_;; i = (i + 1) & mask_) {
      const uint32_t g = slots_[i];
      if (g == 0) return keys_.size();
      if (keys_[g - 1] == key) return g - 1;
    }
  }
  std::span<const TermId> Others(size_t g) const {
    return {others_.data() + begin_[g], others_.data() + begin_[g + 1]};
  }

  std::vector<TermId> keys_;     // distinct keys, ascending
  std::vector<uint32_t> begin_;  // group g is others_[begin_[g], begin_[g + 1])
  std::vector<TermId> others_;
  std::vector<uint32_t> slots_;  // open addressing: group index + 1, 0 = empty
  size_t mask_ = 0;
  bool hedged_left_out_ = true;
};

inline std::shared_ptr<const PairTable> PairTable::Build(std::vector<std::pair<TermId, TermId>> pairs,
                                                         bool hedged_left_out) {
  auto table = std::make_shared<PairTable>();
  PairTable& t = *table;
  t.hedged_left_out_ = hedged_left_out;
  // Groups in key order (a by-object table comes sorted from the POS index;
  // a by-subject one is sorted here, stably: others keep their order).
  auto by_key = [](const std::pair<TermId, TermId>& a, const std::pair<TermId, TermId>& b) {
    return a.first < b.first;
  };
  if (!std::is_sorted(pairs.begin(), pairs.end(), by_key))
    std::stable_sort(pairs.begin(), pairs.end(), by_key);
  t.others_.reserve(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (i == 0 || pairs[i].first != pairs[i - 1].first) {
      t.keys_.push_back(pairs[i].first);
      t.begin_.push_back(static_cast<uint32_t>(i));
    }
    t.others_.push_back(pairs[i].second);
  }
  t.begin_.push_back(static_cast<uint32_t>(pairs.size()));
  // At least twice as many slots as keys keeps probes short.
  size_t n = 16;
  while (n < t.keys_.size() * 2) n *= 2;
  t.slots_.assign(n, 0);
  t.mask_ = n - 1;
  for (size_t g = 0; g < t.keys_.size(); ++g) {
    size_t i = Mix(t.keys_[g]) & t.mask_;
    while (t.slots_[i] != 0) i = (i + 1) & t.mask_;
    t.slots_[i] = static_cast<uint32_t>(g + 1);
  }
  return table;
}

}  // namespace kg::storage

#endif  // KG_STORAGE_PAIR_TABLE_H_
