// A multi-class averaged perceptron over hashed sparse features (Collins
// 2002; the averaging is done lazily, as in Honnibal's tagger). Each feature
// key owns a short list of (class, weight) pairs: a feature is only ever
// updated for the classes it was wrong or right about, so rows stay sparse
// and a model with millions of features fits in memory.
//
// Two phases: while training, rows keep running totals for the average;
// Average() replaces every weight by its average, quantizes it to 16 bits
// (one scale per model) and packs the rows into one ordered hash table, the
// form that is saved, loaded and used for prediction. Score() is safe for
// concurrent use once averaged; training is single-threaded.
#ifndef KG_SYNTAX_PERCEPTRON_H_
#define KG_SYNTAX_PERCEPTRON_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <utility>
#include <vector>

#include "syntax/binary_io.h"
#include "syntax/flat_map.h"

namespace kg::syntax {

// The allocator of the averaged tables. It leaves elements uninitialized:
// the tables are written in full by decompression or layout, and zeroing
// them first would write every page twice. Blocks of 4 MiB and more are
// aligned to 2 MiB and asked to be backed by transparent huge pages: a
// process touches them once, when the model loads, and faulting in 2 MiB at
// a time instead of 4 KiB is ~8 times faster (64 MB in 4 ms instead of
// 30-40 ms on the development VM); lookups miss the TLB less too. Where THP
// is off the hint does nothing.
void* AllocateTable(size_t bytes);
void FreeTable(void* p, size_t bytes);

template <typename T>
struct TableAllocator {
  using value_type = T;
  TableAllocator() = default;
  template <typename U>
  TableAllocator(const TableAllocator<U>&) {}  // NOLINT(google-explicit-constructor)
  T* allocate(size_t n) { return static_cast<T*>(AllocateTable(n * sizeof(T))); }
  void deallocate(T* p, size_t n) { FreeTable(p, n * sizeof(T)); }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    if constexpr (sizeof...(Args) == 0) {
      ::new (static_cast<void*>(p)) U;
    } else {
      ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
  }
  template <typename U>
  bool operator==(const TableAllocator<U>&) const {
    return true;
  }
};

class Perceptron {
 public:
  explicit Perceptron(int num_classes = 1) : num_classes_(num_classes) {}

  int num_classes() const { return num_classes_; }

  // Adds the weights of `keys` to scores[0..num_classes). At most 256 keys.
  void Score(const uint64_t* keys, size_t n, float* scores) const;

  // One training decision: `good` gains +1 and `bad` loses 1 on every key
  // (nothing when good == bad). Call Tick() once per decision, updated or not.
  void Update(const uint64_t* keys, size_t n, int good, int bad);
  // Adds `delta` to the weight of `cls` on every key (structured updates).
  void Add(const uint64_t* keys, size_t n, int cls, float delta);
  void Tick() { ++now_; }

  // Ends training: weights become their averages over all ticks, quantized;
  // entries that round to zero are dropped. Idempotent.
  void Average();
  bool averaged() const { return averaged_; }
  // Drops averaged weights smaller in magnitude than `fraction` of the
  // largest, and features left with none (a smaller file and table; the
  // effect on accuracy is measured in docs/syntax.md).
  void Prune(float fraction);

  size_t num_features() const { return averaged_ ? num_keys_ : map_.size(); }
  size_t num_weights() const { return averaged_ ? entries_.size() : live_weights_; }
  // Bytes held by the averaged form.
  size_t memory_bytes() const;

  // Saves an averaged model; deterministic bytes (keys in ascending order).
  // The keys, entry counts and entries go out of line (ByteWriter::PutBlob).
  void Save(ByteWriter& out) const;
  // False on damaged input (counts out of range, truncated arrays). Reads
  // the entries on a second thread while this one lays out the keys.
  bool Load(ByteReader& in);

 private:
  template <typename T>
  using Table = std::vector<T, TableAllocator<T>>;
  struct Entry {
    double total = 0;  // sum of weight over ticks up to `ts`
    float w = 0;
    uint32_t ts = 0;
    uint16_t cls = 0;
  };
  // One weight of a row, 3 bytes: the 16-bit weight little-endian, then
  // the class. Bytes only, so rows pack without padding (4.0 M weights in
  // the parser) and the file holds them as they are.
  struct Packed {
    uint8_t lo;
    uint8_t hi;
    uint8_t cls;
    int weight() const { return static_cast<int16_t>(static_cast<uint16_t>(lo | (hi << 8))); }
    static Packed Of(int w, int cls) {
      const auto u = static_cast<uint16_t>(w);
      return Packed{static_cast<uint8_t>(u & 0xff), static_cast<uint8_t>(u >> 8), static_cast<uint8_t>(cls)};
    }
  };
  static_assert(sizeof(Packed) == 3, "rows pack without padding");
  static constexpr size_t kNoSlot = ~size_t{0};
  void Bump(std::vector<Entry>& row, int cls, float delta);

  // The averaged table is ordered: row keys sit in ascending order in
  // slot_keys_ (0 = empty slot), each at or after its home slot, which grows
  // with the key, with no empty slot in between. A lookup scans from the
  // home slot until it meets the key, a larger key or an empty slot. Built
  // in one sequential pass from the sorted keys (no hashing, no random
  // writes), and 12 bytes a slot.
  static size_t Home(uint64_t key, size_t home_slots) {
    return static_cast<size_t>(((key >> 32) * home_slots) >> 32);
  }
  // Slots a table of the ascending keys[0, n) needs, the empty last one included.
  static size_t SlotsNeeded(const uint64_t* keys, size_t n);
  // Lays out `n` rows whose ascending keys, as differences from the one
  // before (the file's form), fill the last n slots of slot_keys_ (sized by
  // SlotsNeeded) and whose entry counts are count(i); entries_ already holds
  // the rows. False when the keys are not ascending or the counts do not add
  // up to entries_.
  template <typename CountAt>
  bool Spread(size_t n, CountAt count);
  // Fills the table, sized by Load(), from the blobs Save() wrote.
  bool ReadTable(const Blob& keys, const Blob& counts, const Blob& packed);
  // Lays out rows from their keys and entry counts (training).
  void LayOut(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& counts);
  // Calls f(key, first entry, entry count) for every row, in ascending key order.
  template <typename F>
  void ForEachRow(F f) const;
  size_t Probe(uint64_t key, size_t slot) const;
  void ScoreAveraged(const uint64_t* keys, size_t n, float* scores) const;

  int num_classes_;
  // Training form.
  FlatMap map_;
  std::vector<std::vector<Entry>> rows_;
  uint64_t now_ = 0;
  size_t live_weights_ = 0;
  // Averaged form: rows in ascending key order in entries_; slot i's row
  // is entries_[slot_starts_[i], slot_starts_[i + 1]).
  bool averaged_ = false;
  size_t num_keys_ = 0;
  size_t home_slots_ = 0;
  Table<uint64_t> slot_keys_;
  Table<uint32_t> slot_starts_;
  Table<Packed> entries_;
  float scale_ = 1.0f;  // weight = Packed::weight() * scale_
};

}  // namespace kg::syntax

#endif  // KG_SYNTAX_PERCEPTRON_H_
