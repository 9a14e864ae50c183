#include "syntax/perceptron.h"

#include <algorithm>
#include <utility>

namespace kg::syntax {

void Perceptron::Score(const uint64_t* keys, size_t n, float* scores) const {
  for (size_t i = 0; i < n; ++i) {
    uint32_t r = map_.Find(keys[i]);
    if (r == FlatMap::kMissing) continue;
    if (averaged_) {
      for (uint32_t j = begin_[r], e = begin_[r + 1]; j < e; ++j) scores[classes_[j]] += weights_[j];
    } else {
      for (const Entry& en : rows_[r]) scores[en.cls] += en.w;
    }
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
  // Rows are packed in ascending key order so saving needs no sort and two
  // runs of the same training produce the same bytes.
  std::vector<std::pair<uint64_t, uint32_t>> order;
  order.reserve(map_.size());
  map_.ForEach([&](uint64_t k, uint32_t v) { order.emplace_back(k, v); });
  std::sort(order.begin(), order.end());
  FlatMap packed(order.size());
  begin_.assign(1, 0);
  double now = static_cast<double>(std::max<uint64_t>(now_, 1));
  for (const auto& [key, r] : order) {
    auto& row = rows_[r];
    std::sort(row.begin(), row.end(), [](const Entry& a, const Entry& b) { return a.cls < b.cls; });
    size_t before = weights_.size();
    for (const Entry& e : row) {
      double total = e.total + static_cast<double>(now_ - e.ts) * e.w;
      auto avg = static_cast<float>(total / now);
      if (avg == 0.0f) continue;
      classes_.push_back(static_cast<uint8_t>(e.cls));
      weights_.push_back(avg);
    }
    if (weights_.size() == before) continue;
    packed.Insert(key, static_cast<uint32_t>(begin_.size() - 1));
    begin_.push_back(static_cast<uint32_t>(weights_.size()));
  }
  map_ = std::move(packed);
  rows_.clear();
  rows_.shrink_to_fit();
  averaged_ = true;
}

void Perceptron::Save(ByteWriter& out) const {
  std::vector<std::pair<uint64_t, uint32_t>> order;
  map_.ForEach([&](uint64_t k, uint32_t v) { order.emplace_back(k, v); });
  std::sort(order.begin(), order.end());
  std::vector<uint64_t> keys;
  std::vector<uint32_t> counts;
  std::vector<uint8_t> classes;
  std::vector<float> weights;
  for (const auto& [key, r] : order) {
    keys.push_back(key);
    counts.push_back(begin_[r + 1] - begin_[r]);
    for (uint32_t j = begin_[r]; j < begin_[r + 1]; ++j) {
      classes.push_back(classes_[j]);
      weights.push_back(weights_[j]);
    }
  }
  out.Put<uint32_t>(static_cast<uint32_t>(num_classes_));
  out.PutArray(keys);
  out.PutArray(counts);
  out.PutArray(classes);
  out.PutArray(weights);
}

bool Perceptron::Load(ByteReader& in) {
  num_classes_ = static_cast<int>(in.Get<uint32_t>());
  auto keys = in.GetArray<uint64_t>();
  auto counts = in.GetArray<uint32_t>();
  classes_ = in.GetArray<uint8_t>();
  weights_ = in.GetArray<float>();
  if (!in.ok() || num_classes_ < 1 || num_classes_ > 256 || counts.size() != keys.size() ||
      classes_.size() != weights_.size())
    return false;
  map_ = FlatMap(keys.size());
  begin_.assign(1, 0);
  uint64_t total = 0;
  for (size_t i = 0; i < keys.size(); ++i) {
    total += counts[i];
    if (total > weights_.size() || keys[i] == 0) return false;
    map_.Insert(keys[i], static_cast<uint32_t>(i));
    begin_.push_back(static_cast<uint32_t>(total));
  }
  if (total != weights_.size()) return false;
  for (uint8_t c : classes_)
    if (c >= num_classes_) return false;
  rows_.clear();
  averaged_ = true;
  return true;
}

}  // namespace kg::syntax
