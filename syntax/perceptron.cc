#include "syntax/perceptron.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace kg::syntax {

namespace {
constexpr size_t kMaxKeys = 256;
constexpr float kQuantMax = 32767.0f;
}  // namespace

const Perceptron::Slot* Perceptron::Find(uint64_t key) const {
  size_t i = key & mask_;
  while (true) {
    const Slot& s = slots_[i];
    if (s.key == key) return &s;
    if (s.key == 0) return nullptr;
    i = (i + 1) & mask_;
  }
}

// Feature rows are scattered over a table far larger than the caches, so a
// decision is bound by memory latency, not arithmetic. Prefetching every
// slot first, then every row, lets the ~100 misses of one decision overlap.
void Perceptron::ScoreAveraged(const uint64_t* keys, size_t n, float* scores) const {
  n = std::min(n, kMaxKeys);
  for (size_t i = 0; i < n; ++i) __builtin_prefetch(&slots_[keys[i] & mask_]);
  const Slot* found[kMaxKeys];
  for (size_t i = 0; i < n; ++i) {
    found[i] = Find(keys[i]);
    if (found[i] != nullptr) __builtin_prefetch(&entries_[found[i]->offset]);
  }
  int32_t acc[256] = {};
  for (size_t i = 0; i < n; ++i) {
    if (found[i] == nullptr) continue;
    const Packed* e = &entries_[found[i]->offset];
    for (uint32_t j = 0; j < found[i]->count; ++j) acc[e[j].cls] += e[j].w;
  }
  for (int c = 0; c < num_classes_; ++c) scores[c] += static_cast<float>(acc[c]) * scale_;
}

void Perceptron::Score(const uint64_t* keys, size_t n, float* scores) const {
  if (averaged_) {
    if (!slots_.empty()) ScoreAveraged(keys, n, scores);
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
      entries_.push_back(Packed{static_cast<int16_t>(q), static_cast<uint8_t>(cls), 0});
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
  BuildTable(keys.size(), [&](size_t i) { return keys[i]; }, [&](size_t i) { return counts[i]; });
}

template <typename KeyAt, typename CountAt>
bool Perceptron::BuildTable(size_t n, KeyAt key, CountAt count) {
  size_t capacity = 16;
  while (capacity * 5 < n * 8) capacity *= 2;  // load factor ≤ 0.625
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  num_keys_ = n;
  uint64_t offset = 0, previous = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint64_t k = key(i);
    const uint32_t c = count(i);
    if (k == 0 || c == 0 || (i > 0 && k <= previous)) return false;
    previous = k;
    size_t j = k & mask_;
    while (slots_[j].key != 0) j = (j + 1) & mask_;
    slots_[j] = Slot{k, static_cast<uint32_t>(offset), c};
    offset += c;
    if (offset > entries_.size()) return false;
  }
  return offset == entries_.size();
}

std::vector<std::pair<uint64_t, const Perceptron::Slot*>> Perceptron::SortedRows() const {
  std::vector<std::pair<uint64_t, const Slot*>> rows;
  rows.reserve(num_keys_);
  for (const Slot& s : slots_)
    if (s.key != 0) rows.emplace_back(s.key, &s);
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return rows;
}

void Perceptron::Prune(float fraction) {
  if (!averaged_ || fraction <= 0) return;
  const auto min_q = static_cast<int>(fraction * kQuantMax);
  std::vector<uint64_t> keys;
  std::vector<Packed> entries;
  std::vector<uint32_t> counts;
  for (const auto& [key, slot] : SortedRows()) {
    uint32_t count = 0;
    for (uint32_t j = 0; j < slot->count; ++j) {
      const Packed& p = entries_[slot->offset + j];
      if (std::abs(static_cast<int>(p.w)) < min_q) continue;
      entries.push_back(p);
      ++count;
    }
    if (count == 0) continue;
    keys.push_back(key);
    counts.push_back(count);
  }
  entries_ = std::move(entries);
  BuildTable(keys.size(), [&](size_t i) { return keys[i]; }, [&](size_t i) { return counts[i]; });
}

size_t Perceptron::memory_bytes() const {
  return entries_.size() * sizeof(Packed) + slots_.size() * sizeof(Slot);
}

void Perceptron::Save(ByteWriter& out) const {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> counts;
  std::vector<uint8_t> classes;
  std::vector<int16_t> weights;
  for (const auto& [key, slot] : SortedRows()) {
    keys.push_back(key);
    counts.push_back(slot->count);
    for (uint32_t j = 0; j < slot->count; ++j) {
      classes.push_back(entries_[slot->offset + j].cls);
      weights.push_back(entries_[slot->offset + j].w);
    }
  }
  out.Put<uint32_t>(static_cast<uint32_t>(num_classes_));
  out.Put<float>(scale_);
  out.PutArray(keys);
  out.PutArray(counts);
  out.PutArray(classes);
  out.PutArray(weights);
}

// Reads the arrays in place (no intermediate copies): a loaded model's peak
// memory is the decompressed file plus the table, nothing more.
bool Perceptron::Load(ByteReader& in) {
  num_classes_ = static_cast<int>(in.Get<uint32_t>());
  scale_ = in.Get<float>();
  auto [keys, nkeys] = in.GetView<uint64_t>();
  auto [counts, ncounts] = in.GetView<uint32_t>();
  auto [classes, nclasses] = in.GetView<uint8_t>();
  auto [weights, nweights] = in.GetView<int16_t>();
  if (!in.ok() || num_classes_ < 1 || num_classes_ > 256 || ncounts != nkeys ||
      nclasses != nweights || !std::isfinite(scale_) || scale_ <= 0)
    return false;
  entries_.resize(nclasses);
  for (size_t i = 0; i < nclasses; ++i) {
    auto cls = ByteReader::At<uint8_t>(classes, i);
    if (cls >= num_classes_) return false;
    entries_[i] = Packed{ByteReader::At<int16_t>(weights, i), cls, 0};
  }
  map_ = FlatMap();
  rows_.clear();
  averaged_ = true;
  return BuildTable(
      nkeys, [&](size_t i) { return ByteReader::At<uint64_t>(keys, i); },
      [&](size_t i) { return ByteReader::At<uint32_t>(counts, i); });
}

}  // namespace kg::syntax
