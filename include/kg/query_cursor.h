// QueryCursor: the answer to a query handed out one row at a time
// (DB::OpenCursor), beside the whole answer of DB::Query.
//
// Which queries stream. A MATCH query whose rows need no other row first —
// no ORDER BY, no DISTINCT, no aggregate (COUNT, SUM, …, and so no grouping)
// — streams: each Next() pulls rows through the operator pipeline as it
// needs them, so the cursor holds a small block of rows (1 at first, at
// most 1,024 rows or about 64 KB) plus what the operators themselves hold (a
// hash join's build table, one start node's reach on a path), however many
// rows the query has. Stopping early (destroying the cursor) stops the work at once.
// LIMIT and OFFSET apply as they do for DB::Query.
// Every other shape — ORDER BY, DISTINCT, aggregates, WHY, COMPARE, EXPLAIN
// — is answered whole when the cursor opens, under the query's memory
// budget, as DB::Query would answer it; Next() then hands out its rows.
// streaming() tells which of the two a cursor is.
//
// Rows and order are exactly those of DB::Query for the same text and
// options. One difference: QueryOptions::max_rows bounds rows a query
// holds, and a streaming cursor holds none, so it does not apply to them.
//
// Errors. Whatever stops a query before its first row is computed (a
// syntax or semantic error; for shapes that do not stream, any error) is
// returned by DB::OpenCursor. What stops it later — the memory or time
// budget, QueryOptions::cancel, a storage error — ends the rows: Next()
// returns false and status() says why (as DB::Query would have said it).
// No exception escapes; a failed allocation is ResourceExhausted.
//
// Budgets. The memory budget (QueryOptions::memory_limit) counts what the
// operators hold and the block of decoded rows, not the rows already handed
// out. The time budget (QueryOptions::timeout_ms) counts the time the
// cursor works — opening and inside Next() — not the caller's time between
// rows.
//
// Lifetime and thread-safety: a cursor must be destroyed before the DB that
// opened it, and the flag QueryOptions::cancel points to must outlive it.
// One thread at a time may use a cursor; several cursors and queries may
// run at once. A streaming cursor reads the database as it was when it
// opened on a reader (kg::OpenMode::kReader), which does not catch up with
// the writer while any of its streaming cursors is open; on the writer,
// writes made while a cursor is open may or may not show in its later rows.
#ifndef KG_QUERY_CURSOR_H_
#define KG_QUERY_CURSOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "kg/query_result.h"
#include "kg/status.h"
#include "kg/value.h"

namespace kg {

class QueryCursor {
 public:
  virtual ~QueryCursor() = default;
  QueryCursor(const QueryCursor&) = delete;
  QueryCursor& operator=(const QueryCursor&) = delete;

  // Known when the cursor opens, before the first row: the column names
  // (QueryResult::columns), the hints for the user (QueryResult::hints) and,
  // for EXPLAIN, the plan text (QueryResult::plan). One hint depends on the
  // rows read: a streaming cursor adds "N hedged facts not shown …" to
  // hints() when its rows end (Next() returned false), not before.
  virtual const std::vector<std::string>& columns() const = 0;
  virtual const std::vector<std::string>& hints() const = 0;
  virtual const std::string& plan() const = 0;

  // True when rows are computed as Next() asks for them; false when the
  // answer was computed whole when the cursor opened.
  virtual bool streaming() const = 0;

  // Stores the next row in `*row` (columns().size() values; the previous
  // contents are replaced) and returns true. Returns false when there are
  // no more rows or the query stopped; status() tells which. After false,
  // every later call returns false.
  virtual bool Next(std::vector<Value>* row) = 0;

  // OK while rows come and after the last one; otherwise why the query
  // stopped: ResourceExhausted (memory or time budget, or an allocation
  // failed), Cancelled (QueryOptions::cancel), InvalidArgument (e.g. an
  // integer overflow found while rows are computed), storage errors.
  virtual const Status& status() const = 0;

  // The rows Next() has returned so far.
  virtual uint64_t rows() const = 0;

  // parse_ms and plan_ms as QueryResult::timing; exec_ms the time spent
  // computing rows so far (when opening, and inside Next()).
  virtual QueryTiming timing() const = 0;

 protected:
  QueryCursor() = default;
};

}  // namespace kg

#endif  // KG_QUERY_CURSOR_H_
