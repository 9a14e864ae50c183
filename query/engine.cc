// The whole pipeline in one function: Parse → Bind → Plan → Execute.
#include "query/engine.h"

#include <chrono>
#include <new>

#include "query/binder/binder.h"
#include "query/exec/executor.h"
#include "query/parser/parse_cache.h"

namespace kg::query {

namespace {

double MsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

Result<QueryResult> Run(std::string_view text, const storage::TripleSource& source,
                        const QueryOptions& options) {
  // One budget for the whole script: its time limit covers every stage.
  QueryBudget budget(options);
  KG_ASSIGN_OR_RETURN(PreparedQuery prepared, Prepare(text, source, options, &budget));
  auto start = std::chrono::steady_clock::now();
  Result<QueryResult> result = ExecutePlan(prepared.plan, source, options, &budget);
  prepared.timing.exec_ms = MsSince(start);
  if (result.ok()) result->timing = prepared.timing;
  return result;
}

}  // namespace

Result<PreparedQuery> Prepare(std::string_view text, const storage::TripleSource& source,
                              const QueryOptions& options, QueryBudget* budget) {
  auto t0 = std::chrono::steady_clock::now();
  KG_RETURN_IF_ERROR(budget->Check());
  KG_ASSIGN_OR_RETURN(ParsedScript script, ParseCached(text));
  PreparedQuery prepared;
  prepared.timing.parse_ms = MsSince(t0);
  for (size_t i = 0; i < script.statements.size(); ++i) {
    auto t1 = std::chrono::steady_clock::now();
    KG_RETURN_IF_ERROR(budget->Check());
    prepared.bound = std::make_unique<BoundQuery>();
    KG_ASSIGN_OR_RETURN(*prepared.bound, Bind(script.statements[i], source));
    KG_ASSIGN_OR_RETURN(prepared.plan, MakePlan(*prepared.bound, source, options.include_hedged, budget));
    prepared.timing.plan_ms = MsSince(t1);
    if (i + 1 == script.statements.size()) break;
    // Only the last statement's rows are the answer; the others run for
    // their errors.
    KG_RETURN_IF_ERROR(ExecutePlan(prepared.plan, source, options, budget).status());
  }
  if (!prepared.bound) return Status::Internal("no statement");
  return prepared;
}

Status OutOfMemoryError() {
  return Status::ResourceExhausted("query stopped: the machine ran out of memory for it")
      .WithHint(
          "add LIMIT, bind a variable to a name, or lower the memory limit (kg query --memory-limit, "
          ".memory-limit) so the query stops cleanly sooner");
}

Result<QueryResult> Execute(std::string_view text, const storage::TripleSource& source,
                            const QueryOptions& options) {
  // The budget is approximate: an allocation can still fail (a limit above
  // what the machine can give, an underestimated operator). It must end
  // the query with an error, never reach the caller as an exception.
  try {
    return Run(text, source, options);
  } catch (const std::bad_alloc&) {
    return OutOfMemoryError();
  }
}

}  // namespace kg::query
