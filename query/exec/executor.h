// Executor: runs a Plan against a TripleSource with streaming operators and
// fills a QueryResult (columns without '?', typed Values).
#ifndef KG_QUERY_EXEC_EXECUTOR_H_
#define KG_QUERY_EXEC_EXECUTOR_H_

#include "kg/options.h"
#include "kg/query_result.h"
#include "kg/result.h"
#include "query/budget.h"
#include "query/exec/operator.h"
#include "query/planner/plan.h"
#include "storage/triple_source.h"

namespace kg::query {

// `budget` (outliving the call) is charged for what the operators hold and
// checked for the deadline and the cancel flag, also before any work.
// Errors: Cancelled when options.cancel is set; ResourceExhausted when the
// budget's memory or time runs out; InvalidArgument when more than
// options.max_rows rows would be materialized; storage errors as is.
Result<QueryResult> ExecutePlan(const Plan& plan, const storage::TripleSource& source,
                                const QueryOptions& options, QueryBudget* budget);

// The operators of `plan`'s steps, seeded with the query's constants: what
// the value-level tail (projection, aggregates, sort) reads binding rows
// from. An empty plan (Plan::empty) yields no rows. `plan` and `ctx`
// outlive the operators.
std::unique_ptr<Operator> MakePipeline(const Plan& plan, ExecContext* ctx);

}  // namespace kg::query

#endif  // KG_QUERY_EXEC_EXECUTOR_H_
