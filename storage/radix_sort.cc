#include "storage/radix_sort.h"

#include <algorithm>
#include <bit>
#include <utility>
#include <vector>

namespace kg::storage {

namespace {

constexpr int kDigitBits = 11;
constexpr size_t kBuckets = size_t{1} << kDigitBits;
constexpr uint64_t kDigitMask = kBuckets - 1;

// One digit: bits [shift, shift + kDigitBits) of (id at `field` - `base`).
struct Digit {
  int field;
  int shift;
  uint64_t base;
  size_t Of(const IdRecord& r) const {
    return static_cast<size_t>(((r[field] - base) >> shift) & kDigitMask);
  }
};

// The digits that can differ between records, least significant first.
std::vector<Digit> Digits(const IdRecord* recs, size_t n) {
  IdRecord lo = recs[0], hi = recs[0];
  for (size_t i = 1; i < n; ++i) {
    for (int f = 0; f < 4; ++f) {
      lo[f] = std::min(lo[f], recs[i][f]);
      hi[f] = std::max(hi[f], recs[i][f]);
    }
  }
  std::vector<Digit> digits;
  for (int f = 3; f >= 0; --f) {
    const int bits = std::bit_width(hi[f] - lo[f]);
    for (int shift = 0; shift < bits; shift += kDigitBits) digits.push_back(Digit{f, shift, lo[f]});
  }
  return digits;
}

}  // namespace

bool RadixSortIds(IdRecord* recs, IdRecord* scratch, size_t n) {
  if (n < 2) return false;
  if (n < 256) {  // the passes' fixed cost outweighs them
    std::sort(recs, recs + n);
    return false;
  }
  const std::vector<Digit> digits = Digits(recs, n);
  // Every digit's histogram in one read of the records (the order of the
  // records does not change a histogram).
  std::vector<size_t> counts(digits.size() * kBuckets, 0);
  for (size_t i = 0; i < n; ++i) {
    for (size_t d = 0; d < digits.size(); ++d) ++counts[d * kBuckets + digits[d].Of(recs[i])];
  }
  IdRecord* from = recs;
  IdRecord* to = scratch;
  for (size_t d = 0; d < digits.size(); ++d) {
    size_t* count = &counts[d * kBuckets];
    // A digit the records share (all in one bucket) leaves the order as it is.
    if (std::find(count, count + kBuckets, n) != count + kBuckets) continue;
    size_t offset = 0;
    for (size_t b = 0; b < kBuckets; ++b) offset += std::exchange(count[b], offset);
    const Digit digit = digits[d];
    for (size_t i = 0; i < n; ++i) to[count[digit.Of(from[i])]++] = from[i];
    std::swap(from, to);
  }
  return from == scratch;
}

void StableSortByKey(std::vector<std::pair<uint64_t, uint64_t>>* pairs) {
  const size_t n = pairs->size();
  auto by_key = [](const std::pair<uint64_t, uint64_t>& a, const std::pair<uint64_t, uint64_t>& b) {
    return a.first < b.first;
  };
  if (n < 256) {
    std::stable_sort(pairs->begin(), pairs->end(), by_key);
    return;
  }
  uint64_t lo = (*pairs)[0].first, hi = lo;
  for (const auto& p : *pairs) {
    lo = std::min(lo, p.first);
    hi = std::max(hi, p.first);
  }
  const int bits = std::bit_width(hi - lo);
  std::vector<std::pair<uint64_t, uint64_t>> scratch(n);
  std::vector<size_t> count(kBuckets);
  auto* from = pairs;
  auto* to = &scratch;
  for (int shift = 0; shift < bits; shift += kDigitBits) {
    auto digit = [&](const std::pair<uint64_t, uint64_t>& p) {
      return static_cast<size_t>(((p.first - lo) >> shift) & kDigitMask);
    };
    std::fill(count.begin(), count.end(), 0);
    for (const auto& p : *from) ++count[digit(p)];
    size_t offset = 0;
    for (size_t& c : count) offset += std::exchange(c, offset);
    for (const auto& p : *from) (*to)[count[digit(p)]++] = p;
    std::swap(from, to);
  }
  if (from != pairs) pairs->swap(scratch);
}

}  // namespace kg::storage
