// An open-addressing hash map from 64-bit feature keys to 32-bit row indexes.
// The perceptron looks up about a hundred features per decision, so this map
// is the inner loop of tagging and parsing: linear probing over one flat array
// keeps a lookup to one or two cache lines. Keys are already well-mixed
// hashes, so the low bits index directly. Key 0 marks an empty slot; callers
// never use it (FeatureKey maps 0 elsewhere).
#ifndef KG_SYNTAX_FLAT_MAP_H_
#define KG_SYNTAX_FLAT_MAP_H_

#include <cstdint>
#include <vector>

namespace kg::syntax {

class FlatMap {
 public:
  static constexpr uint32_t kMissing = 0xffffffffu;

  explicit FlatMap(size_t expected = 16) { Rehash(Capacity(expected)); }

  // The value for `key`, or kMissing.
  uint32_t Find(uint64_t key) const {
    size_t i = key & mask_;
    while (true) {
      const Slot& s = slots_[i];
      if (s.key == key) return s.value;
      if (s.key == 0) return kMissing;
      i = (i + 1) & mask_;
    }
  }

  // Inserts `key` → `value` when absent; returns the stored value.
  uint32_t Insert(uint64_t key, uint32_t value) {
    if ((size_ + 1) * 2 > slots_.size()) Rehash(slots_.size() * 2);
    size_t i = key & mask_;
    while (slots_[i].key != 0) {
      if (slots_[i].key == key) return slots_[i].value;
      i = (i + 1) & mask_;
    }
    slots_[i] = Slot{key, value};
    ++size_;
    return value;
  }

  size_t size() const { return size_; }

  // Calls f(key, value) for every entry, in slot order.
  template <typename F>
  void ForEach(F&& f) const {
    for (const Slot& s : slots_)
      if (s.key != 0) f(s.key, s.value);
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t value = 0;
  };
  static size_t Capacity(size_t expected) {
    size_t c = 16;
    while (c < expected * 2) c *= 2;
    return c;
  }
  void Rehash(size_t capacity) {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    size_ = 0;
    for (const Slot& s : old)
      if (s.key != 0) Insert(s.key, s.value);
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace kg::syntax

#endif  // KG_SYNTAX_FLAT_MAP_H_
