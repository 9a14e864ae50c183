// The query pipeline in one call: Parse → Bind → Plan → Execute.
#ifndef KG_QUERY_ENGINE_H_
#define KG_QUERY_ENGINE_H_

#include <memory>
#include <string_view>

#include "kg/options.h"
#include "kg/query_result.h"
#include "kg/result.h"
#include "query/binder/bound_query.h"
#include "query/budget.h"
#include "query/planner/plan.h"
#include "storage/triple_source.h"

namespace kg::query {

// Runs one query (or a script of statements separated by ';' — the result is
// that of the last statement) against `source`.
// Errors: SyntaxError with span; InvalidArgument with span for semantic errors;
// Cancelled when options.cancel is set (before or during the query);
// ResourceExhausted when the memory budget (options.memory_limit) or the
// time budget (options.timeout_ms) runs out, or an allocation fails.
Result<QueryResult> Execute(std::string_view text, const storage::TripleSource& source,
                            const QueryOptions& options = {});

// A script's last statement, bound and planned, ready to run.
struct PreparedQuery {
  std::unique_ptr<BoundQuery> bound;  // on the heap: `plan` points into it
  Plan plan;
  QueryTiming timing;  // parse_ms of the script, plan_ms of the last statement
};

// Everything Execute does before it runs the last statement: parses `text`,
// runs the statements before the last (their rows are dropped), binds and
// plans the last. `budget` (outliving the call) is the script's.
// Errors: those of Execute for the statements it runs.
Result<PreparedQuery> Prepare(std::string_view text, const storage::TripleSource& source,
                              const QueryOptions& options, QueryBudget* budget);

// The error a failed allocation during a query becomes (the budget is an
// estimate; an allocation can still fail).
Status OutOfMemoryError();

}  // namespace kg::query

#endif  // KG_QUERY_ENGINE_H_
