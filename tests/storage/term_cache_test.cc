// TermCache: what is filled is found, unchanged, across index chunks and
// Value blocks, and readers find entries while another thread fills.
#include "storage/term_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace kg::storage {
namespace {

Value Name(uint64_t id) { return Value::Entity("entity_" + std::to_string(id)); }

TEST(TermCache, FindsWhatWasFilledAndNothingElse) {
  TermCache cache;
  EXPECT_EQ(cache.Find(1), nullptr);
  cache.Fill(1, Name(1));
  cache.Fill(5000, Value::Integer(42));  // another index chunk
  ASSERT_NE(cache.Find(1), nullptr);
  EXPECT_EQ(*cache.Find(1), Name(1));
  EXPECT_EQ(*cache.Find(5000), Value::Integer(42));
  EXPECT_EQ(cache.Find(2), nullptr);
  EXPECT_EQ(cache.Find(4999), nullptr);
}

TEST(TermCache, AFilledEntryIsNeverReplaced) {
  TermCache cache;
  cache.Fill(7, Name(7));
  const Value* first = cache.Find(7);
  cache.Fill(7, Name(8));
  EXPECT_EQ(cache.Find(7), first);
  EXPECT_EQ(*cache.Find(7), Name(7));
}

TEST(TermCache, IdsBeyondTheLimitAreNotCached) {
  TermCache cache;
  cache.Fill(TermCache::kMaxId, Name(1));
  EXPECT_EQ(cache.Find(TermCache::kMaxId), nullptr);
}

TEST(TermCache, ManyScatteredIdsSpanSeveralBlocks) {
  TermCache cache;
  std::vector<std::pair<uint64_t, Value>> batch;
  for (uint64_t i = 0; i < 20000; ++i) batch.emplace_back(i * 37 + 1, Name(i * 37 + 1));
  cache.Fill(&batch);
  for (uint64_t i = 0; i < 20000; ++i) {
    const Value* v = cache.Find(i * 37 + 1);
    ASSERT_NE(v, nullptr) << i;
    EXPECT_EQ(*v, Name(i * 37 + 1));
    EXPECT_EQ(cache.Find(i * 37 + 2), nullptr);
  }
}

TEST(TermCache, ReadersFindEntriesWhileAnotherThreadFills) {
  TermCache cache;
  constexpr uint64_t kIds = 50000;
  std::atomic<bool> done{false};
  std::atomic<uint64_t> wrong{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 2; ++r) {
    readers.emplace_back([&, r] {
      while (!done.load()) {
        for (uint64_t id = 1 + r; id <= kIds; id += 97) {
          const Value* v = cache.Find(id);
          if (v != nullptr && *v != Name(id)) wrong.fetch_add(1);
        }
      }
    });
  }
  for (uint64_t id = 1; id <= kIds; ++id) cache.Fill(id, Name(id));
  done.store(true);
  for (auto& t : readers) t.join();
  EXPECT_EQ(wrong.load(), 0u);
  for (uint64_t id = 1; id <= kIds; ++id) ASSERT_NE(cache.Find(id), nullptr);
}

}  // namespace
}  // namespace kg::storage
