// The physical plan: a pipeline of steps over binding rows (term ids per
// variable slot), followed by the value-level tail (aggregate, project,
// distinct, sort, offset/limit) described by the BoundQuery itself.
#ifndef KG_QUERY_PLANNER_PLAN_H_
#define KG_QUERY_PLANNER_PLAN_H_

#include <string>
#include <vector>

#include "kg/result.h"
#include "query/binder/bound_query.h"
#include "query/budget.h"
#include "storage/triple_source.h"

namespace kg::query {

struct PlanStep {
  enum class Kind : uint8_t {
    kScan,      // index nested-loop join: one prefix scan per input row
    kHashJoin,  // scan the pattern once, hash it on the join variables, probe
    kPath,      // breadth-first path evaluation per input row
    kFilter,    // a WHERE conjunct, placed as early as its variables allow
    kOptional,  // left join of a sub-pipeline (OPTIONAL)
  };
  Kind kind = Kind::kScan;
  const BoundPattern* pattern = nullptr;
  const BoundExpr* filter = nullptr;
  std::vector<PlanStep> optional_steps;
  std::vector<VarId> join_vars;  // kHashJoin
  bool path_backward = false;    // kPath: walk from the object to the subject
  std::string index;             // "SPO", "POS", "OSP"
  std::string bound;             // bound positions at run time, e.g. "s,p"
  double fanout = 0;             // estimated rows per input row
  double rows = 0;               // estimated rows after this step
};

struct Plan {
  const BoundQuery* query = nullptr;
  // A mandatory pattern names an unknown term: the result is empty.
  bool empty = false;
  std::vector<PlanStep> steps;
  double rows = 0;  // estimated rows into the tail
  // The query only counts rows (every column is COUNT(*)) and the last step
  // is a pattern or a path without `@`: the executor counts its matches per
  // input row instead of producing them.
  bool count_last = false;
  // Patterns the join-order search evaluated (a measure of planning work
  // that tests can bound without timing).
  uint64_t search_steps = 0;

  // Aggregates answered from per-key triple counts
  // (TripleSource::CountByKey) without producing rows.
  enum class Shortcut : uint8_t {
    kNone,
    // RETURN COUNT(*) over two plain patterns with constant predicates that
    // share exactly one variable (each other position a distinct variable):
    // the sum over join keys of count(left) * count(right).
    kCountJoin,
    // RETURN ?k, COUNT(*)... over one plain pattern with a constant
    // predicate and two distinct variables, grouped by one of them.
    kGroupCount,
    // RETURN ?g, COUNT(*)... over two such patterns sharing one variable (the
    // key), grouped by the other end of one of them (group_pattern): each
    // join row is a triple of the grouping pattern and one of the other
    // pattern with the same key, so a group's count is the sum, over its
    // triples, of the other pattern's per-key count. Reads that pattern's
    // per-key counts and the grouping pattern's triples, no join rows.
    kGroupCountJoin,
  };
  Shortcut shortcut = Shortcut::kNone;
  int group_pattern = 0;  // kGroupCountJoin: the pattern holding the group variable
  // The patterns' sides holding the join / group key (true = object).
  bool key_is_object[2] = {false, false};
  VarId key_var = kNoVar;  // the join / group variable

  // One operator a line, in execution order (rows flow downward); sub-plans
  // of OPTIONAL are indented. Estimates are rounded so the text is stable.
  std::string Explain() const;
};

// Chooses join order (greedy by estimated cardinality: exact per-key counts
// (TripleSource::CountKey) for patterns with a constant predicate and one
// constant end, else averages from TripleSource::PredicateStats; connected
// patterns first), index per pattern, hash vs. nested-loop joins, and filter
// placement. `include_hedged`: whether hedged triples count (QueryOptions).
// The search makes O(N) pattern evaluations for a chain of N patterns and
// O(N^2) at worst (Plan::search_steps).
// Errors: Cancelled / ResourceExhausted when `budget` (optional) says stop;
// the search checks it before placing each pattern.
Result<Plan> MakePlan(const BoundQuery& query, const storage::TripleSource& source,
                      bool include_hedged = false, const QueryBudget* budget = nullptr);

}  // namespace kg::query

#endif  // KG_QUERY_PLANNER_PLAN_H_
