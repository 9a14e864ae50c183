#include "syntax/perceptron.h"

#include <sys/mman.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <new>
#include <system_error>
#include <thread>
#include <utility>

namespace kg::syntax {

namespace {
constexpr size_t kMaxKeys = 256;
constexpr float kQuantMax = 32767.0f;
// Keys of a table above which Home() could overflow.
constexpr uint64_t kMaxRows = uint64_t{1} << 31;

// Home slots for `rows` rows: a load factor of 0.75 keeps a lookup to 2.5
// probed slots (20 bytes) on average, found or not, mostly in one cache
// line. On EWT dev, 0.625 parsed no faster with 20 % more table, 0.83 about
// 3 % slower.
size_t HomeSlots(size_t rows) { return rows + rows / 3 + 1; }

// Runs `side` on another thread while `main` runs on this one (both here,
// one after the other, on a single core or when no thread can be started).
template <typename Side, typename Main>
void RunBoth(Side side, Main main) {
  std::jthread thread;
  if (std::thread::hardware_concurrency() > 1) {
    try {
      thread = std::jthread(side);
    } catch (const std::system_error&) {
      // No thread: `side` runs here below.
    }
  }
  if (!thread.joinable()) side();
  main();
}

constexpr size_t kHugePage = size_t{2} << 20;
constexpr size_t kHugeTable = size_t{4} << 20;

}  // namespace

void* AllocateTable(size_t bytes) {
  if (bytes < kHugeTable) return ::operator new(bytes);
  const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* p = std::aligned_alloc(kHugePage, rounded);
  if (p == nullptr) throw std::bad_alloc();
  madvise(p, rounded, MADV_HUGEPAGE);  // a hint: failure only costs speed
  return p;
}

void FreeTable(void* p, size_t bytes) {
  if (bytes < kHugeTable) {
    ::operator delete(p);
  } else {
    std::free(p);
  }
}

size_t Perceptron::Probe(uint64_t key, size_t slot) const {
  while (slot_keys_[slot] != 0 && slot_keys_[slot] < key) ++slot;
  return slot_keys_[slot] == key ? slot : kNoSlot;
}

// Feature rows are scattered over a table far larger than the caches, so a
// decision is bound by memory latency, not arithmetic. Prefetching every
// home slot first, then every row, lets the ~100 misses of one decision
// overlap.
void Perceptron::ScoreAveraged(const uint64_t* keys, size_t n, float* scores) const {
  n = std::min(n, kMaxKeys);
  size_t slot[kMaxKeys];
  for (size_t i = 0; i < n; ++i) {
    slot[i] = Home(keys[i], home_slots_);
    __builtin_prefetch(&slot_keys_[slot[i]]);
    __builtin_prefetch(&slot_starts_[slot[i]]);
  }
  for (size_t i = 0; i < n; ++i) {
    slot[i] = Probe(keys[i], slot[i]);
    if (slot[i] != kNoSlot) __builtin_prefetch(entries_.data() + slot_starts_[slot[i]]);
  }
  int32_t acc[256] = {};
  for (size_t i = 0; i < n; ++i) {
    if (slot[i] == kNoSlot) continue;
    const Packed* e = entries_.data() + slot_starts_[slot[i]];
    const Packed* end = entries_.data() + slot_starts_[slot[i] + 1];
    for (; e != end; ++e) acc[e->cls] += e->weight();
  }
  for (int c = 0; c < num_classes_; ++c) scores[c] += static_cast<float>(acc[c]) * scale_;
}

void Perceptron::Score(const uint64_t* keys, size_t n, float* scores) const {
  if (averaged_) {
    if (!slot_keys_.empty()) ScoreAveraged(keys, n, scores);
    return;
  }
  for (size_t i = 0; i < n; ++i) {
    uint32_t r = map_.Find(keys[i]);
    if (r == FlatMap::kMissing) continue;
    for (const Entry& en : rows_[r]) scores[en.cls] += en.w;
  }
}

void Perceptron::Bump(std::vector<Entry>& row, int cls, float delta) {
  auto it = std::find_if(row.begin(), row.end(), [cls](const Entry& e) { return e.cls == cls; });
  if (it == row.end()) {
    row.push_back(Entry{0.0, 0.0f, static_cast<uint32_t>(now_), static_cast<uint16_t>(cls)});
    it = row.end() - 1;
    ++live_weights_;
  }
  it->total += static_cast<double>(now_ - it->ts) * it->w;
  it->ts = static_cast<uint32_t>(now_);
  it->w += delta;
}

void Perceptron::Update(const uint64_t* keys, size_t n, int good, int bad) {
  if (good == bad || averaged_) return;
  for (size_t i = 0; i < n; ++i) {
    uint32_t r = map_.Insert(keys[i], static_cast<uint32_t>(rows_.size()));
    if (r == rows_.size()) rows_.emplace_back();
    Bump(rows_[r], good, 1.0f);
    Bump(rows_[r], bad, -1.0f);
  }
}

void Perceptron::Add(const uint64_t* keys, size_t n, int cls, float delta) {
  if (averaged_) return;
  for (size_t i = 0; i < n; ++i) {
    uint32_t r = map_.Insert(keys[i], static_cast<uint32_t>(rows_.size()));
    if (r == rows_.size()) rows_.emplace_back();
    Bump(rows_[r], cls, delta);
  }
}

void Perceptron::Average() {
  if (averaged_) return;
  // Rows are packed in ascending key order so two runs of the same training
  // produce the same bytes.
  std::vector<std::pair<uint64_t, uint32_t>> order;
  order.reserve(map_.size());
  map_.ForEach([&](uint64_t k, uint32_t v) { order.emplace_back(k, v); });
  std::sort(order.begin(), order.end());
  const double now = static_cast<double>(std::max<uint64_t>(now_, 1));
  std::vector<std::vector<std::pair<uint16_t, float>>> avg(order.size());
  float max_abs = 0;
  for (size_t i = 0; i < order.size(); ++i) {
    auto& row = rows_[order[i].second];
    std::sort(row.begin(), row.end(), [](const Entry& a, const Entry& b) { return a.cls < b.cls; });
    for (const Entry& e : row) {
      auto a = static_cast<float>((e.total + static_cast<double>(now_ - e.ts) * e.w) / now);
      avg[i].emplace_back(e.cls, a);
      max_abs = std::max(max_abs, std::fabs(a));
    }
  }
  scale_ = max_abs > 0 ? max_abs / kQuantMax : 1.0f;
  std::vector<uint64_t> keys;
  std::vector<uint32_t> counts;
  for (size_t i = 0; i < order.size(); ++i) {
    uint32_t count = 0;
    for (const auto& [cls, a] : avg[i]) {
      auto q = static_cast<long>(std::lround(a / scale_));
      if (q == 0) continue;
      entries_.push_back(Packed::Of(static_cast<int>(q), cls));
      ++count;
    }
    if (count == 0) continue;
    keys.push_back(order[i].first);
    counts.push_back(count);
  }
  map_ = FlatMap();
  rows_.clear();
  rows_.shrink_to_fit();
  averaged_ = true;
  LayOut(keys, counts);
}

size_t Perceptron::SlotsNeeded(const uint64_t* keys, size_t n) {
  const size_t homes = HomeSlots(n);
  size_t next = 0;  // the first slot after the last row placed
  for (size_t i = 0; i < n; ++i) next = std::max(Home(keys[i], homes), next) + 1;
  return std::max(next, homes) + 1;
}

// The keys are read from the end of slot_keys_ and written further left,
// never over a key not yet read: row i goes to slot p ≥ i, after exactly
// p - i empty slots, and at least one of the (slots - n) empty slots (the
// last) lies after it, so p - i < slots - n, i.e. p < slots - n + i, the
// slot row i was read from. A wrong slot count breaks that and is refused.
template <typename CountAt>
bool Perceptron::Spread(size_t n, CountAt count) {
  const size_t slots = slot_keys_.size();
  slot_starts_.resize(slots + 1);
  uint64_t start = 0, previous = 0;
  size_t next = 0;
  for (size_t i = 0; i < n; ++i) {
    const size_t from = slots - n + i;
    const uint64_t key = previous + slot_keys_[from];  // a wrapped sum is not above previous
    const size_t pos = std::max(Home(key, home_slots_), next);
    if (key <= previous || pos >= from) return false;
    for (; next < pos; ++next) {
      slot_keys_[next] = 0;
      slot_starts_[next] = static_cast<uint32_t>(start);
    }
    slot_keys_[pos] = key;
    slot_starts_[pos] = static_cast<uint32_t>(start);
    start += count(i);
    next = pos + 1;
    previous = key;
  }
  if (start != entries_.size()) return false;
  for (; next < slots; ++next) {
    slot_keys_[next] = 0;
    slot_starts_[next] = static_cast<uint32_t>(start);
  }
  slot_starts_[slots] = static_cast<uint32_t>(start);
  return true;
}

void Perceptron::LayOut(const std::vector<uint64_t>& keys, const std::vector<uint32_t>& counts) {
  num_keys_ = keys.size();
  home_slots_ = HomeSlots(keys.size());
  slot_keys_.resize(SlotsNeeded(keys.data(), keys.size()));
  const size_t tail = slot_keys_.size() - keys.size();
  for (size_t i = 0; i < keys.size(); ++i) slot_keys_[tail + i] = keys[i] - (i == 0 ? 0 : keys[i - 1]);
  Spread(keys.size(), [&](size_t i) { return counts[i]; });
}

template <typename F>
void Perceptron::ForEachRow(F f) const {
  for (size_t s = 0; s + 1 < slot_starts_.size(); ++s) {
    if (slot_keys_[s] != 0)
      f(slot_keys_[s], entries_.data() + slot_starts_[s], slot_starts_[s + 1] - slot_starts_[s]);
  }
}

void Perceptron::Prune(float fraction) {
  if (!averaged_ || fraction <= 0) return;
  const auto min_q = static_cast<int>(fraction * kQuantMax);
  std::vector<uint64_t> keys;
  std::vector<uint32_t> counts;
  Table<Packed> kept;
  ForEachRow([&](uint64_t key, const Packed* row, uint32_t count) {
    uint32_t left = 0;
    for (uint32_t j = 0; j < count; ++j) {
      if (std::abs(row[j].weight()) < min_q) continue;
      kept.push_back(row[j]);
      ++left;
    }
    if (left == 0) return;
    keys.push_back(key);
    counts.push_back(left);
  });
  entries_ = std::move(kept);
  LayOut(keys, counts);
}

size_t Perceptron::memory_bytes() const {
  return entries_.size() * sizeof(Packed) + slot_keys_.size() * sizeof(uint64_t) +
         slot_starts_.size() * sizeof(uint32_t);
}

// Layout: u32 class count, f32 scale, u64 rows, u64 entries, u64 slots
// (SlotsNeeded), then three blobs: the rows' keys in ascending order, each
// as its difference from the one before (u64; sorted random keys differ by
// about 2^64 / rows, so the top bytes are zero and compress), their entry
// counts minus one (u8: a row has at most 256 classes) and the entries as
// the table holds them (Packed).
void Perceptron::Save(ByteWriter& out) const {
  std::vector<uint64_t> keys, deltas;
  std::vector<uint8_t> counts;
  ForEachRow([&](uint64_t key, const Packed*, uint32_t count) {
    deltas.push_back(key - (keys.empty() ? 0 : keys.back()));
    keys.push_back(key);
    counts.push_back(static_cast<uint8_t>(count - 1));
  });
  out.Put<uint32_t>(static_cast<uint32_t>(num_classes_));
  out.Put<float>(scale_);
  out.Put<uint64_t>(keys.size());
  out.Put<uint64_t>(entries_.size());
  out.Put<uint64_t>(SlotsNeeded(keys.data(), keys.size()));
  out.PutBlob(deltas.data(), deltas.size());
  out.PutBlob(counts.data(), counts.size());
  out.PutBlob(entries_.data(), entries_.size());
}

bool Perceptron::Load(ByteReader& in) {
  num_classes_ = static_cast<int>(in.Get<uint32_t>());
  scale_ = in.Get<float>();
  const auto rows = in.Get<uint64_t>(), entries = in.Get<uint64_t>(), slots = in.Get<uint64_t>();
  const Blob keys = in.GetBlob(), counts = in.GetBlob(), packed = in.GetBlob();
  const bool sized = rows < kMaxRows && entries <= UINT32_MAX && slots > HomeSlots(rows) &&
                     slots <= HomeSlots(rows) + rows + 1 && keys.size == rows * sizeof(uint64_t) &&
                     counts.size == rows && packed.size == entries * sizeof(Packed);
  if (!in.ok() || !sized || num_classes_ < 1 || num_classes_ > 256 || !std::isfinite(scale_) || scale_ <= 0)
    return false;
  map_ = FlatMap();
  rows_.clear();
  averaged_ = true;
  num_keys_ = rows;
  home_slots_ = HomeSlots(rows);
  entries_.resize(entries);
  slot_keys_.resize(slots);
  return ReadTable(keys, counts, packed);
}

// The blobs decompress straight into the table: the keys into the last
// slots, where Spread() moves them to their own, the entries into entries_,
// on a second thread (for the parser the two halves take about as long).
// Classes are not checked against the class count: they are bytes, and a
// class past it only adds to a score no one reads.
bool Perceptron::ReadTable(const Blob& keys, const Blob& counts, const Blob& packed) {
  const size_t rows = num_keys_;
  bool entries_ok = false, table_ok = false;
  RunBoth([&] { entries_ok = packed.Read(entries_.data()); },
          [&] {
            std::vector<uint8_t> minus_one(rows);
            table_ok = keys.Read(slot_keys_.data() + (slot_keys_.size() - rows)) &&
                       counts.Read(minus_one.data()) &&
                       Spread(rows, [&](size_t i) { return minus_one[i] + 1u; });
          });
  return entries_ok && table_ok;
}

}  // namespace kg::syntax
