// LIMIT stops path and join enumeration early, and COUNT(*) of a path does
// not build its rows: checked with a memory budget far below what the full
// result would hold.
#include <gtest/gtest.h>

#include <string>

#include "kg/options.h"
#include "query/engine.h"
#include "storage/memory_source.h"

namespace kg::query {
namespace {

// A chain c0 -> c1 -> ... -> c1000 (half a million pairs under `next+`),
// and 300 `p` edges forming a ring.
const storage::MemorySource& Graph() {
  static storage::MemorySource* source = [] {
    auto* s = new storage::MemorySource();
    for (int i = 0; i < 1000; ++i) {
      s->Add(Value::Entity("c" + std::to_string(i)), "next", Value::Entity("c" + std::to_string(i + 1)));
    }
    for (int i = 0; i < 300; ++i) {
      s->Add(Value::Entity("n" + std::to_string(i)), "p", Value::Entity("n" + std::to_string((i + 1) % 300)));
    }
    s->Finish();
    return s;
  }();
  return *source;
}

// 1 MB: enough for one start node's walk, not for the whole relation.
Result<QueryResult> Small(const std::string& query) {
  QueryOptions options;
  options.memory_limit = 1'000'000;
  return Execute(query, Graph(), options);
}

TEST(PathLimitTest, LimitStopsAPathWithBothEndsUnbound) {
  for (const char* query : {"?x -next*-> ?y LIMIT 10", "?x -next{1,5}-> ?y LIMIT 5", "?x -next+-> ?y LIMIT 3",
                            "?x <-next{2,3}- ?y LIMIT 4"}) {
    SCOPED_TRACE(query);
    Result<QueryResult> r = Small(query);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_FALSE(r->rows.empty());
    EXPECT_LE(r->rows.size(), 10u);
  }
}

TEST(PathLimitTest, LimitStopsAJoinAfterAPath) {
  Result<QueryResult> r = Small("?x -next*-> ?y, ?a -p-> ?b LIMIT 7");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rows.size(), 7u);
}

TEST(PathLimitTest, RowsComeOneStartNodeAtATimeInOrder) {
  // The first start node's matches come first: c0 reaches c1, c2, ...
  Result<QueryResult> r = Small("?x -next{1,3}-> ?y LIMIT 3");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->rows.size(), 3u);
  for (const auto& row : r->rows) EXPECT_EQ(row[0].text(), r->rows[0][0].text());
}

TEST(PathLimitTest, CountingAPathDoesNotBuildItsRows) {
  // {1,5} from each of 1001 nodes: 5 per node but near the end.
  Result<QueryResult> r = Small("MATCH ?x -next{1,5}-> ?y RETURN COUNT(*)");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rows[0][0].integer(), 1000 * 5 - (4 + 3 + 2 + 1));
  // Half a million pairs (12 MB of rows), counted within 1 MB.
  r = Small("MATCH ?x -next+-> ?y RETURN COUNT(*)");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rows[0][0].integer(), 1000 * 1001 / 2);
}

TEST(PathLimitTest, CountingAPathWithARepeatedVariableCountsOnlyCycles) {
  Result<QueryResult> r = Small("MATCH ?x -p+-> ?x RETURN COUNT(*)");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rows[0][0].integer(), 300);
  r = Small("MATCH ?x -next+-> ?x RETURN COUNT(*)");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rows[0][0].integer(), 0);
}

}  // namespace
}  // namespace kg::query
