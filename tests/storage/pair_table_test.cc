// PairTable: grouping, lookups with and without a position hint, and patches.
#include "storage/pair_table.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <utility>
#include <vector>

namespace kg::storage {
namespace {

using Pairs = std::vector<std::pair<TermId, TermId>>;

std::vector<TermId> Others(const PairTable& t, TermId key) {
  std::span<const TermId> s = t.Find(key);
  return {s.begin(), s.end()};
}

TEST(PairTable, GroupsByKeyKeepingTheOrderOfOthers) {
  // Input in (other, key) order, as a POS scan yields subject-keyed pairs.
  auto t = PairTable::Build({{5, 30}, {1, 30}, {5, 10}, {7, 40}, {1, 40}, {5, 40}});
  EXPECT_EQ(t->keys(), 3u);
  EXPECT_EQ(t->pairs(), 6u);
  EXPECT_EQ(Others(*t, 5), (std::vector<TermId>{30, 10, 40}));
  EXPECT_EQ(Others(*t, 1), (std::vector<TermId>{30, 40}));
  EXPECT_EQ(Others(*t, 7), (std::vector<TermId>{40}));
  EXPECT_TRUE(Others(*t, 2).empty());
  EXPECT_TRUE(PairTable::Build({})->Find(1).empty());
}

TEST(PairTable, HintedFindEqualsHashFindInAnyProbeOrder) {
  std::mt19937_64 rng(7);
  Pairs pairs;
  for (int i = 0; i < 5000; ++i) pairs.emplace_back(1 + rng() % 1500, 1 + rng() % 100);
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  auto t = PairTable::Build(pairs);
  std::vector<TermId> probes;
  for (TermId k = 0; k < 1600; ++k) probes.push_back(k);          // ascending: galloping
  for (int i = 0; i < 2000; ++i) probes.push_back(rng() % 1700);  // random: hash fallback
  size_t hint = 0;
  for (TermId k : probes) {
    std::span<const TermId> a = t->Find(k), b = t->Find(k, &hint);
    ASSERT_EQ(std::vector<TermId>(a.begin(), a.end()), std::vector<TermId>(b.begin(), b.end())) << k;
  }
}

TEST(PairTable, PatchedEqualsARebuild) {
  std::mt19937_64 rng(11);
  std::set<std::pair<TermId, TermId>> truth;
  for (int i = 0; i < 800; ++i) truth.emplace(1 + rng() % 200, 1 + rng() % 50);
  auto t = PairTable::Build(Pairs(truth.begin(), truth.end()));
  for (int round = 0; round < 20; ++round) {
    Pairs add, remove;
    for (int i = 0; i < 30; ++i) add.emplace_back(1 + rng() % 220, 1 + rng() % 50);  // some present already
    for (int i = 0; i < 30; ++i) remove.emplace_back(1 + rng() % 220, 1 + rng() % 50);  // some absent
    t = t->Patched(add, remove);
    for (const auto& p : add) truth.insert(p);
    for (const auto& p : remove) truth.erase(p);
    auto rebuilt = PairTable::Build(Pairs(truth.begin(), truth.end()));
    ASSERT_EQ(t->pairs(), rebuilt->pairs());
    ASSERT_EQ(t->keys(), rebuilt->keys());
    for (TermId k = 0; k <= 221; ++k) ASSERT_EQ(Others(*t, k), Others(*rebuilt, k)) << "round " << round;
  }
}

}  // namespace
}  // namespace kg::storage
