// query::OpenCursor (kg::QueryCursor): the same rows as Execute, columns and
// hints before the first row, which shapes stream, early stop on an
// open-ended path under a budget the whole answer would cross, and errors
// that happen between rows (budgets, cancel) in status().
#include "query/query_cursor.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "query/engine.h"
#include "storage/memory_source.h"

namespace kg::query {
namespace {

// A ring of 3,000 `partners_with` edges (every node reaches every node:
// `?x -partners_with*-> ?y` has 9 million rows), 300 `p` edges (a ring), and
// a chain of 4,000 `next` edges.
const storage::MemorySource& Graph() {
  static storage::MemorySource* source = [] {
    auto* s = new storage::MemorySource();
    auto node = [](const char* prefix, int i) { return Value::Entity(prefix + std::to_string(i)); };
    for (int i = 0; i < 3000; ++i)
      s->Add(node("company_", i), "partners_with", node("company_", (i + 1) % 3000));
    for (int i = 0; i < 300; ++i) s->Add(node("n", i), "p", node("n", (i + 1) % 300));
    for (int i = 0; i < 4000; ++i) s->Add(node("c", i), "next", node("c", i + 1));
    s->Add(Value::Entity("Microsoft"), "founded_in", Value::Integer(1975));
    s->Finish();
    return s;
  }();
  return *source;
}

std::unique_ptr<QueryCursor> Open(const std::string& query, const QueryOptions& options = {}) {
  Result<std::unique_ptr<QueryCursor>> cursor = OpenCursor(query, Graph(), options);
  EXPECT_TRUE(cursor.ok()) << query << ": " << cursor.status().ToString();
  return cursor.ok() ? std::move(cursor).value() : nullptr;
}

// Pulls up to `max` rows.
std::vector<std::vector<Value>> Pull(QueryCursor& cursor, size_t max = SIZE_MAX) {
  std::vector<std::vector<Value>> rows;
  std::vector<Value> row;
  while (rows.size() < max && cursor.Next(&row)) rows.push_back(row);
  return rows;
}

TEST(CursorTest, GivesTheRowsOfExecuteForEveryShape) {
  for (const char* query : {
           "?a -p-> ?b",
           "?a -p-> ?b, ?b -p-> ?c LIMIT 7 OFFSET 3",
           "MATCH ?a -p-> ?b, ?c -p-> ?d RETURN ?a, ?d LIMIT 5000 OFFSET 1500",  // several full blocks
           "MATCH ?a -p-> ?b RETURN ?a LIMIT 0",
           "MATCH ?a -p-> ?b OFFSET 299",
           "MATCH ?a -p-> ?b OFFSET 5000",
           "MATCH ?x -next{1,3}-> ?y WHERE ?x STARTS WITH \"c1\" RETURN ?y, ?x",
           "MATCH ?a -p-> ?b OPTIONAL ?b -next-> ?c RETURN ?a, ?c LIMIT 20",
           "MATCH ?a -p-> ?b RETURN ?a ORDER BY ?a DESC LIMIT 10",
           "MATCH ?a -p-> ?b, ?b -p-> ?c RETURN DISTINCT ?a LIMIT 10",
           "MATCH ?a -next-> ?b RETURN COUNT(*)",
           "MATCH ?a -p-> ?b, ?b -p-> ?c RETURN ?a, COUNT(*) AS n LIMIT 3",
           "EXPLAIN ?a -p-> ?b, ?b -p-> ?c",
           "Nobody -p-> ?b",
           "Microsoft -founded_in-> ?y; ?a -p-> ?b LIMIT 3",
       }) {
    SCOPED_TRACE(query);
    Result<QueryResult> whole = Execute(query, Graph());
    ASSERT_TRUE(whole.ok()) << whole.status().ToString();
    std::unique_ptr<QueryCursor> cursor = Open(query);
    ASSERT_NE(cursor, nullptr);
    EXPECT_EQ(cursor->columns(), whole->columns);
    EXPECT_EQ(cursor->hints(), whole->hints);
    EXPECT_EQ(cursor->plan(), whole->plan);
    EXPECT_EQ(Pull(*cursor), whole->rows);
    EXPECT_TRUE(cursor->status().ok()) << cursor->status().ToString();
    EXPECT_EQ(cursor->rows(), whole->rows.size());
    std::vector<Value> row;
    EXPECT_FALSE(cursor->Next(&row));  // stays at the end
  }
}

TEST(CursorTest, OnlyShapesThatNeedNoOtherRowFirstStream) {
  for (const char* query :
       {"?a -p-> ?b", "MATCH ?a -p-> ?b WHERE ?a != n1 RETURN ?b LIMIT 3 OFFSET 1",
        "MATCH ?a -p-> ?b OPTIONAL ?b -next-> ?c", "?x -partners_with*-> ?y", "Nobody -p-> ?b"}) {
    EXPECT_TRUE(Open(query)->streaming()) << query;
  }
  for (const char* query : {"MATCH ?a -p-> ?b RETURN ?a ORDER BY ?a", "MATCH ?a -p-> ?b RETURN DISTINCT ?a",
                            "MATCH ?a -p-> ?b RETURN COUNT(*)", "MATCH ?a -p-> ?b RETURN ?a, COUNT(?b) AS n",
                            "EXPLAIN ?a -p-> ?b", "WHY Microsoft -founded_in-> ?y"}) {
    EXPECT_FALSE(Open(query)->streaming()) << query;
  }
}

TEST(CursorTest, ColumnsAndHintsAreKnownBeforeTheFirstRow) {
  std::unique_ptr<QueryCursor> cursor = Open("MATCH ?x -partners_with*-> ?y, ?y -p-> Nobdy RETURN ?y, ?x");
  ASSERT_NE(cursor, nullptr);
  EXPECT_EQ(cursor->columns(), (std::vector<std::string>{"y", "x"}));
  ASSERT_EQ(cursor->hints().size(), 1u);
  EXPECT_NE(cursor->hints()[0].find("Nobdy"), std::string::npos);
  EXPECT_EQ(cursor->rows(), 0u);
  EXPECT_TRUE(cursor->status().ok());
}

// The open-ended path has 9 million rows: answered whole, they cross a
// 2 MB budget; the cursor's first 10 come at once within it.
TEST(CursorTest, EarlyStopOnAnOpenEndedPathIsQuickAndWithinASmallBudget) {
  const std::string query = "?x -partners_with*-> ?y";
  QueryOptions small;
  small.memory_limit = 2'000'000;
  Result<QueryResult> whole = Execute(query, Graph(), small);
  ASSERT_FALSE(whole.ok());
  EXPECT_EQ(whole.status().code(), Status::Code::kResourceExhausted);

  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<QueryCursor> cursor = Open(query, small);
  ASSERT_NE(cursor, nullptr);
  std::vector<std::vector<Value>> rows = Pull(*cursor, 10);
  EXPECT_EQ(rows.size(), 10u);
  EXPECT_TRUE(cursor->status().ok()) << cursor->status().ToString();
  cursor.reset();  // stops the walk
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));

  Result<QueryResult> limited = Execute(query + " LIMIT 10", Graph(), small);
  ASSERT_TRUE(limited.ok()) << limited.status().ToString();
  EXPECT_EQ(rows, limited->rows);
}

// Streamed rows are not held, so a budget far below the whole answer (and
// max_rows below its row count) does not stop them.
TEST(CursorTest, StreamedRowsAreNotHeld) {
  QueryOptions options;
  options.memory_limit = 1'000'000;
  options.max_rows = 1000;
  const std::string query = "MATCH ?a -p-> ?b, ?c -p-> ?d RETURN ?a, ?d";  // 90,000 rows
  EXPECT_FALSE(Execute(query, Graph(), options).ok());
  std::unique_ptr<QueryCursor> cursor = Open(query, options);
  ASSERT_NE(cursor, nullptr);
  EXPECT_EQ(Pull(*cursor).size(), 90'000u);
  EXPECT_TRUE(cursor->status().ok()) << cursor->status().ToString();
}

// The decoded-term cache of a filter grows with every new `?y`: the budget
// runs out after rows were handed out, and status() says so.
TEST(CursorTest, ABudgetCrossedMidStreamEndsTheRowsWithTheError) {
  QueryOptions options;
  options.memory_limit = 200'000;
  std::unique_ptr<QueryCursor> cursor =
      Open("MATCH ?x -next-> ?y WHERE ?y CONTAINS \"c\" RETURN ?x", options);
  ASSERT_NE(cursor, nullptr);
  const size_t rows = Pull(*cursor).size();
  EXPECT_GT(rows, 0u);
  EXPECT_LT(rows, 4000u);
  EXPECT_EQ(cursor->status().code(), Status::Code::kResourceExhausted);
  EXPECT_NE(cursor->status().message().find("memory limit"), std::string::npos) << cursor->status().message();
  std::vector<Value> row;
  EXPECT_FALSE(cursor->Next(&row));
}

TEST(CursorTest, ACancelBetweenRowsEndsTheRows) {
  std::atomic<bool> cancel{false};
  QueryOptions options;
  options.cancel = &cancel;
  std::unique_ptr<QueryCursor> cursor = Open("?x -partners_with*-> ?y", options);
  ASSERT_NE(cursor, nullptr);
  EXPECT_EQ(Pull(*cursor, 5).size(), 5u);
  cancel = true;
  // Rows already computed (at most a block) may still come.
  EXPECT_LE(Pull(*cursor).size(), 1024u);
  EXPECT_EQ(cursor->status().code(), Status::Code::kCancelled);
}

TEST(CursorTest, ACancelSetBeforeOpeningStopsIt) {
  std::atomic<bool> cancel{true};
  QueryOptions options;
  options.cancel = &cancel;
  Result<std::unique_ptr<QueryCursor>> cursor = OpenCursor("Microsoft -founded_in-> ?y", Graph(), options);
  ASSERT_FALSE(cursor.ok());
  EXPECT_EQ(cursor.status().code(), Status::Code::kCancelled);
}

TEST(CursorTest, TheTimeBudgetEndsALongStream) {
  QueryOptions options;
  options.timeout_ms = 100;
  std::unique_ptr<QueryCursor> cursor = Open("?x -partners_with*-> ?y", options);
  ASSERT_NE(cursor, nullptr);
  EXPECT_GT(Pull(*cursor).size(), 0u);
  EXPECT_EQ(cursor->status().code(), Status::Code::kResourceExhausted);
  EXPECT_NE(cursor->status().message().find("time limit"), std::string::npos) << cursor->status().message();
}

// The time budget counts the cursor's work, not the caller's pauses.
TEST(CursorTest, TheCallersTimeBetweenRowsIsNotCounted) {
  QueryOptions options;
  options.timeout_ms = 200;
  std::unique_ptr<QueryCursor> cursor = Open("?a -p-> ?b", options);
  ASSERT_NE(cursor, nullptr);
  std::vector<Value> row;
  ASSERT_TRUE(cursor->Next(&row));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(Pull(*cursor).size(), 299u);
  EXPECT_TRUE(cursor->status().ok()) << cursor->status().ToString();
}

TEST(CursorTest, ErrorsBeforeTheRowsComeFromOpen) {
  Result<std::unique_ptr<QueryCursor>> cursor = OpenCursor("?a -p-> ", Graph());
  EXPECT_EQ(cursor.status().code(), Status::Code::kSyntaxError);
  cursor = OpenCursor("?a -p-> ?b RETURN ?zz; ?a -p-> ?b", Graph());
  EXPECT_EQ(cursor.status().code(), Status::Code::kInvalidArgument);
  // A shape answered whole reports its errors when it opens.
  QueryOptions small;
  small.memory_limit = 40'000;
  cursor = OpenCursor("MATCH ?a -p-> ?b, ?c -p-> ?d RETURN ?a, ?c ORDER BY ?a, ?c", Graph(), small);
  EXPECT_EQ(cursor.status().code(), Status::Code::kResourceExhausted);
}

}  // namespace
}  // namespace kg::query
