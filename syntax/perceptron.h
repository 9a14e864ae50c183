// A multi-class averaged perceptron over hashed sparse features (Collins
// 2002; the averaging is done lazily, as in Honnibal's tagger). Each feature
// key owns a short list of (class, weight) pairs: a feature is only ever
// updated for the classes it was wrong or right about, so rows stay sparse
// and a model with millions of features fits in memory.
//
// Two phases: while training, rows keep running totals for the average;
// Average() replaces every weight by its average, quantizes it to 16 bits
// (one scale per model) and packs the rows into one open-addressing table,
// the form that is saved, loaded and used for prediction. Score() is safe for
// concurrent use once averaged; training is single-threaded.
#ifndef KG_SYNTAX_PERCEPTRON_H_
#define KG_SYNTAX_PERCEPTRON_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "syntax/binary_io.h"
#include "syntax/flat_map.h"

namespace kg::syntax {

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
  void Save(ByteWriter& out) const;
  // False on damaged input (counts out of range, truncated arrays).
  bool Load(ByteReader& in);

 private:
  struct Entry {
    double total = 0;  // sum of weight over ticks up to `ts`
    float w = 0;
    uint32_t ts = 0;
    uint16_t cls = 0;
  };
  // Averaged form: slot → a run of packed weights.
  struct Slot {
    uint64_t key = 0;
    uint32_t offset = 0;
    uint32_t count = 0;
  };
  struct Packed {
    int16_t w;
    uint8_t cls;
    uint8_t unused;
  };
  void Bump(std::vector<Entry>& row, int cls, float delta);
  // Builds slots_ for `n` rows (entries_ already filled); key(i) and
  // count(i) give row i in ascending key order.
  template <typename KeyAt, typename CountAt>
  bool BuildTable(size_t n, KeyAt key, CountAt count);
  // (key, slot) of every row in ascending key order.
  std::vector<std::pair<uint64_t, const Slot*>> SortedRows() const;
  const Slot* Find(uint64_t key) const;
  void ScoreAveraged(const uint64_t* keys, size_t n, float* scores) const;

  int num_classes_;
  // Training form.
  FlatMap map_;
  std::vector<std::vector<Entry>> rows_;
  uint64_t now_ = 0;
  size_t live_weights_ = 0;
  // Averaged form: rows in ascending key order in entries_.
  bool averaged_ = false;
  size_t num_keys_ = 0;
  std::vector<Packed> entries_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  float scale_ = 1.0f;  // weight = Packed::w * scale_
};

}  // namespace kg::syntax

#endif  // KG_SYNTAX_PERCEPTRON_H_
