#include "storage/radix_sort.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace kg::storage {
namespace {

// Sorts with RadixSortIds and compares with std::sort.
void ExpectSortedLikeStdSort(std::vector<IdRecord> recs) {
  std::vector<IdRecord> expected = recs;
  std::sort(expected.begin(), expected.end());
  std::vector<IdRecord> scratch(recs.size());
  const bool in_scratch = RadixSortIds(recs.data(), scratch.data(), recs.size());
  EXPECT_EQ(in_scratch ? scratch : recs, expected);
}

TEST(RadixSortIdsTest, SmallDenseIdsAndAConstantArticle) {
  std::mt19937_64 rng(1);
  std::vector<IdRecord> recs(100000);
  for (auto& r : recs) r = IdRecord{rng() % 160000 + 1, rng() % 20 + 5, rng() % 400000 + 1, 7};
  ExpectSortedLikeStdSort(recs);
}

TEST(RadixSortIdsTest, FullWidthIdsAndDuplicates) {
  std::mt19937_64 rng(2);
  std::vector<IdRecord> recs(5000);
  for (auto& r : recs) r = IdRecord{rng(), rng() % 3, rng() | (uint64_t{1} << 63), rng() % 2};
  for (size_t i = 0; i < 1000; ++i) recs.push_back(recs[i * 3]);
  ExpectSortedLikeStdSort(recs);
}

TEST(RadixSortIdsTest, AlreadySortedReversedAndAllEqual) {
  std::vector<IdRecord> recs;
  for (uint64_t i = 0; i < 3000; ++i) recs.push_back(IdRecord{i / 7, i % 7, 3000 - i, 1});
  ExpectSortedLikeStdSort(recs);
  std::reverse(recs.begin(), recs.end());
  ExpectSortedLikeStdSort(recs);
  ExpectSortedLikeStdSort(std::vector<IdRecord>(1000, IdRecord{5, 6, 7, 8}));
}

TEST(RadixSortIdsTest, ShortInputs) {
  ExpectSortedLikeStdSort({});
  ExpectSortedLikeStdSort({IdRecord{1, 2, 3, 4}});
  ExpectSortedLikeStdSort({IdRecord{2, 0, 0, 0}, IdRecord{1, 9, 9, 9}, IdRecord{1, 9, 9, 8}});
}

// StableSortByKey orders by the first id and keeps the input order among
// equal first ids, as std::stable_sort by the first id does.
void ExpectStableByKey(std::vector<std::pair<uint64_t, uint64_t>> pairs) {
  std::vector<std::pair<uint64_t, uint64_t>> expected = pairs;
  std::stable_sort(expected.begin(), expected.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  StableSortByKey(&pairs);
  EXPECT_EQ(pairs, expected);
}

TEST(StableSortByKeyTest, KeepsTheOrderWithinAKey) {
  std::mt19937_64 rng(3);
  std::vector<std::pair<uint64_t, uint64_t>> pairs;
  // As a POS scan yields them: by other, then key; many keys repeat.
  for (uint64_t other = 1; other <= 2000; ++other) {
    for (int i = 0; i < 50; ++i) pairs.emplace_back(rng() % 30000 + 1, other);
  }
  ExpectStableByKey(pairs);
  // The second id is not ordered within a key: stability, not a sort by both.
  for (auto& p : pairs) p.second = rng();
  ExpectStableByKey(pairs);
}

TEST(StableSortByKeyTest, WideKeysOneKeyAndShortInputs) {
  std::mt19937_64 rng(4);
  std::vector<std::pair<uint64_t, uint64_t>> pairs(20000);
  for (auto& p : pairs) p = {rng() | (uint64_t{1} << 63), rng() % 5};  // six digits
  ExpectStableByKey(pairs);
  for (auto& p : pairs) p.first = 42;  // no digit differs
  ExpectStableByKey(pairs);
  ExpectStableByKey({});
  ExpectStableByKey({{3, 1}, {1, 2}, {3, 0}, {1, 1}});
}

}  // namespace
}  // namespace kg::storage
