// Store::PrefetchTerms keeps the dictionary blocks it reads in the block
// cache only when a batch overlaps the id range of the batch before (a long
// answer whose batches sweep the same blocks); batches in id order, as a
// scan by subject decodes them, read each block once and keep none.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "storage/store.h"
#include "tests/storage/test_util.h"

namespace kg::storage::testing {
namespace {

ArticleData Companies(int n) {
  ArticleData a;
  a.name = "many";
  a.source = "many.txt";
  a.title = "Many companies";
  a.content = "content";
  a.sentences.push_back("One sentence.");
  for (int i = 0; i < n; ++i) {
    Fact f;
    f.subject = Value::Entity("Company number " + std::to_string(i));
    f.predicate = "invests_in";
    f.object = Value::Entity("Country " + std::to_string(i % 5));
    f.sentence = 0;
    a.facts.push_back(f);
  }
  return a;
}

// Every other id of [from, to], decoded in one batch; false when one is not
// in the term cache afterwards.
bool Prefetch(const Store& store, TermId from, TermId to) {
  std::vector<TermId> ids;
  for (TermId id = from; id <= to; id += 2) ids.push_back(id);
  std::vector<TermId> asked = ids;
  store.PrefetchTerms(&asked);
  for (TermId id : ids) {
    if (store.CachedTerm(id) == nullptr) return false;
  }
  return true;
}

TEST(PrefetchTerms, KeepsBlocksOnlyForBatchesThatOverlapTheOneBefore) {
  TempDir dir;
  {
    Options o = Store::Creating();
    auto writer = Store::Open(dir.path(), o);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    ASSERT_TRUE((*writer)->AddArticle(Companies(3000)).ok());
    ASSERT_TRUE((*writer)->Compact().ok());  // the dictionary in table files
  }
  Options o;
  o.mode = OpenMode::kReader;
  auto reader = Store::Open(dir.path(), o);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  const Store& store = **reader;
  const uint64_t before = store.BlockCacheUsageForTesting();
  ASSERT_TRUE(Prefetch(store, 1, 1000));
  ASSERT_TRUE(Prefetch(store, 1001, 2000));  // after the first: in id order
  EXPECT_EQ(store.BlockCacheUsageForTesting(), before);
  ASSERT_TRUE(Prefetch(store, 1002, 2000));  // the same range again
  EXPECT_GT(store.BlockCacheUsageForTesting(), before + 16 * 1024);
}

}  // namespace
}  // namespace kg::storage::testing
