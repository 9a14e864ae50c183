// COMPARE "A" WITH "B" [ABOUT X]: what two articles state in common, what
// only one states, and where they disagree (docs/query-language.md).
#ifndef KG_QUERY_EXEC_COMPARE_H_
#define KG_QUERY_EXEC_COMPARE_H_

#include "kg/query_result.h"
#include "query/binder/bound_query.h"
#include "query/exec/exec_context.h"

namespace kg::query {

// Fills `result` (columns and rows) with the comparison the bound COMPARE
// statement `q` asks for. Storage errors and budget overruns are recorded
// in `ctx` (ctx->ok() turns false) and leave `result` partly filled.
void RunCompare(const BoundQuery& q, ExecContext* ctx, QueryResult* result);

}  // namespace kg::query

#endif  // KG_QUERY_EXEC_COMPARE_H_
