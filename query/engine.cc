// The whole pipeline in one function: Parse → Bind → Plan → Execute.
#include "query/engine.h"

#include <chrono>
#include <new>

#include "query/binder/binder.h"
#include "query/budget.h"
#include "query/exec/executor.h"
#include "query/parser/parser.h"
#include "query/planner/plan.h"

namespace kg::query {

namespace {

double MsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

Result<QueryResult> Run(std::string_view text, const storage::TripleSource& source,
                        const QueryOptions& options) {
  auto t0 = std::chrono::steady_clock::now();
  // One budget for the whole script: its time limit covers every stage.
  QueryBudget budget(options);
  KG_RETURN_IF_ERROR(budget.Check());
  KG_ASSIGN_OR_RETURN(ParsedScript script, Parse(text));
  QueryTiming timing;
  timing.parse_ms = MsSince(t0);
  Result<QueryResult> last = Status::Internal("no statement");
  for (const ParsedStatement& statement : script.statements) {
    auto t1 = std::chrono::steady_clock::now();
    KG_RETURN_IF_ERROR(budget.Check());
    KG_ASSIGN_OR_RETURN(BoundQuery bound, Bind(statement, source));
    KG_ASSIGN_OR_RETURN(Plan plan, MakePlan(bound, source, options.include_hedged, &budget));
    timing.plan_ms = MsSince(t1);
    auto t2 = std::chrono::steady_clock::now();
    last = ExecutePlan(plan, source, options, &budget);
    timing.exec_ms = MsSince(t2);
    if (!last.ok()) return last;
  }
  if (last.ok()) last->timing = timing;
  return last;
}

}  // namespace

Result<QueryResult> Execute(std::string_view text, const storage::TripleSource& source,
                            const QueryOptions& options) {
  // The budget is approximate: an allocation can still fail (a limit above
  // what the machine can give, an underestimated operator). It must end
  // the query with an error, never reach the caller as an exception.
  try {
    return Run(text, source, options);
  } catch (const std::bad_alloc&) {
    return Status::ResourceExhausted("query stopped: the machine ran out of memory for it")
        .WithHint(
            "add LIMIT, bind a variable to a name, or lower the memory limit (kg query --memory-limit, "
            ".memory-limit) so the query stops cleanly sooner");
  }
}

}  // namespace kg::query
