// Executor: runs a Plan against a TripleSource with streaming operators and
// fills a QueryResult (columns without '?', typed Values).
#ifndef KG_QUERY_EXEC_EXECUTOR_H_
#define KG_QUERY_EXEC_EXECUTOR_H_

#include "kg/options.h"
#include "kg/query_result.h"
#include "kg/result.h"
#include "query/planner/plan.h"
#include "storage/triple_source.h"

namespace kg::query {

// Errors: Cancelled when options.cancel is set; InvalidArgument when more
// than options.max_rows rows would be materialized; storage errors as is.
Result<QueryResult> ExecutePlan(const Plan& plan, const storage::TripleSource& source,
                                const QueryOptions& options);

}  // namespace kg::query

#endif  // KG_QUERY_EXEC_EXECUTOR_H_
