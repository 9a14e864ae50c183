// The query pipeline in one call: Parse → Bind → Plan → Execute.
#ifndef KG_QUERY_ENGINE_H_
#define KG_QUERY_ENGINE_H_

#include <string_view>

#include "kg/options.h"
#include "kg/query_result.h"
#include "kg/result.h"
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

}  // namespace kg::query

#endif  // KG_QUERY_ENGINE_H_
