// The whole pipeline in one function: Parse → Bind → Plan → Execute.
#include "query/engine.h"

#include <chrono>

#include "query/binder/binder.h"
#include "query/exec/executor.h"
#include "query/parser/parser.h"
#include "query/planner/plan.h"

namespace kg::query {

namespace {

double MsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

Result<QueryResult> Execute(std::string_view text, const storage::TripleSource& source,
                            const QueryOptions& options) {
  auto t0 = std::chrono::steady_clock::now();
  KG_ASSIGN_OR_RETURN(ParsedScript script, Parse(text));
  QueryTiming timing;
  timing.parse_ms = MsSince(t0);
  Result<QueryResult> last = Status::Internal("no statement");
  for (const ParsedStatement& statement : script.statements) {
    auto t1 = std::chrono::steady_clock::now();
    KG_ASSIGN_OR_RETURN(BoundQuery bound, Bind(statement, source));
    Plan plan = MakePlan(bound, source, options.include_hedged);
    timing.plan_ms = MsSince(t1);
    auto t2 = std::chrono::steady_clock::now();
    last = ExecutePlan(plan, source, options);
    timing.exec_ms = MsSince(t2);
    if (!last.ok()) return last;
  }
  if (last.ok()) last->timing = timing;
  return last;
}

}  // namespace kg::query
