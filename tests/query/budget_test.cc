// Query budgets (memory, time), cancellation at query start, and the last-
// resort bad_alloc guard: small synthetic graphs and tiny budgets make each
// limit trip deterministically.
#include <gtest/gtest.h>

#include <atomic>
#include <new>
#include <string>

#include "kg/options.h"
#include "query/engine.h"
#include "storage/memory_source.h"

namespace kg::query {
namespace {

// 300 `p` edges among 300 nodes (a ring), and a chain of 4000 `next` edges.
const storage::MemorySource& Graph() {
  static storage::MemorySource* source = [] {
    auto* s = new storage::MemorySource();
    for (int i = 0; i < 300; ++i) {
      s->Add(Value::Entity("n" + std::to_string(i)), "p", Value::Entity("n" + std::to_string((i + 1) % 300)));
    }
    for (int i = 0; i < 4000; ++i) {
      s->Add(Value::Entity("c" + std::to_string(i)), "next", Value::Entity("c" + std::to_string(i + 1)));
    }
    s->Add(Value::Entity("Microsoft"), "founded_in", Value::Integer(1975));
    s->Finish();
    return s;
  }();
  return *source;
}

Result<QueryResult> WithMemoryLimit(const std::string& query, uint64_t bytes) {
  QueryOptions options;
  options.memory_limit = bytes;
  return Execute(query, Graph(), options);
}

void ExpectMemoryLimitError(const Result<QueryResult>& r, const std::string& limit_text) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kResourceExhausted);
  EXPECT_NE(r.status().message().find("needed more than " + limit_text), std::string::npos)
      << r.status().message();
  EXPECT_NE(r.status().message().find("memory limit"), std::string::npos);
  EXPECT_NE(r.status().hint().find("LIMIT"), std::string::npos);
}

TEST(BudgetTest, TheDefaultMemoryLimitIsAQuarterOfPhysicalMemory) {
  const uint64_t limit = DefaultQueryMemoryLimit();
  EXPECT_GT(limit, uint64_t{64} << 20);
  EXPECT_EQ(limit % 1024, 0u);
}

// 300^3 = 27 million rows: within max_rows, but far beyond 1 MB.
TEST(BudgetTest, ACartesianProductStopsAtTheMemoryLimit) {
  ExpectMemoryLimitError(WithMemoryLimit("?a -p-> ?b, ?c -p-> ?d, ?e -p-> ?f", 1'000'000), "1 MB");
}

// Each operator that grows is charged: ORDER BY's kept rows, DISTINCT's set,
// GROUP BY's groups (90,000 of each), and a path's visited set (COUNT(*)
// of a path builds no rows at all).
TEST(BudgetTest, EveryGrowingOperatorIsCharged) {
  for (const char* query : {
           "MATCH ?a -p-> ?b, ?c -p-> ?d RETURN ?a, ?c ORDER BY ?a, ?c",
           "MATCH ?a -p-> ?b, ?c -p-> ?d RETURN DISTINCT ?a, ?c",
           "MATCH ?a -p-> ?b, ?c -p-> ?d RETURN ?a, ?c, COUNT(*)",
           "MATCH ?x -next*-> ?y RETURN COUNT(*)",
       }) {
    SCOPED_TRACE(query);
    ExpectMemoryLimitError(WithMemoryLimit(query, 40'000), "40 KB");
  }
}

// ORDER BY with LIMIT keeps only the best rows so far: 90,000 rows sorted
// within a budget that could not hold them, with the same answer (ties in
// arrival order) as the unbounded sort.
TEST(BudgetTest, OrderByWithLimitHoldsOnlyTheBestRows) {
  for (const char* query : {"MATCH ?a -p-> ?b, ?c -p-> ?d RETURN ?a, ?c ORDER BY ?c DESC LIMIT 5 OFFSET 2",
                            "MATCH ?a -p-> ?b, ?c -p-> ?d RETURN ?a, ?c ORDER BY ?b, ?d DESC LIMIT 2000"}) {
    SCOPED_TRACE(query);
    Result<QueryResult> small = WithMemoryLimit(query, 3'000'000);
    ASSERT_TRUE(small.ok()) << small.status().ToString();
    Result<QueryResult> full = Execute(query, Graph());
    ASSERT_TRUE(full.ok()) << full.status().ToString();
    EXPECT_EQ(small->rows, full->rows);
    EXPECT_FALSE(small->rows.empty());
  }
}

TEST(BudgetTest, AQueryWithinTheLimitRuns) {
  Result<QueryResult> r = WithMemoryLimit("MATCH ?a -p-> ?b RETURN COUNT(*)", 1'000'000);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rows[0][0].integer(), 300);
}

TEST(BudgetTest, ATimeLimitStopsALongQuery) {
  QueryOptions options;
  options.timeout_ms = 1;
  // Millions of pairs along the chain: far longer than a millisecond.
  Result<QueryResult> r = Execute("MATCH ?x -next*-> ?y, ?a -p-> ?b RETURN COUNT(*)", Graph(), options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kResourceExhausted);
  EXPECT_NE(r.status().message().find("time limit"), std::string::npos) << r.status().message();
}

TEST(BudgetTest, ACancelSetBeforeASmallQueryStartsStopsIt) {
  std::atomic<bool> cancel{true};
  QueryOptions options;
  options.cancel = &cancel;
  Result<QueryResult> r = Execute("Microsoft -founded_in-> ?y", Graph(), options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCancelled);
}

// A source whose scans fail to allocate: the error comes back as a Status.
class AllocFailingSource : public storage::MemorySource {
 public:
  std::unique_ptr<storage::TripleCursor> Scan(storage::TermId, storage::TermId,
                                              storage::TermId) const override {
    throw std::bad_alloc();
  }
};

TEST(BudgetTest, BadAllocBecomesAStatus) {
  AllocFailingSource source;
  source.Add(Value::Entity("a"), "p", Value::Entity("b"));
  source.Finish();
  Result<QueryResult> r = Execute("?x -p-> ?y", source);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kResourceExhausted);
  EXPECT_NE(r.status().message().find("out of memory"), std::string::npos);
}

}  // namespace
}  // namespace kg::query
