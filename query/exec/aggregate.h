// The running state of one aggregate (COUNT, SUM, AVG, MIN, MAX; DISTINCT)
// over the rows of one group, and its final value. SUM and AVG stay exact
// where their inputs are (docs/query-language.md, "Aggregates").
#ifndef KG_QUERY_EXEC_AGGREGATE_H_
#define KG_QUERY_EXEC_AGGREGATE_H_

#include <cstdint>
#include <string>
#include <unordered_set>

#include "kg/value.h"
#include "query/binder/bound_query.h"
#include "query/exec/exec_context.h"

namespace kg::query {

struct AggState {
  uint64_t count = 0;
  std::unordered_set<TermId> seen;
  bool any = false;
  bool all_integer = true;
  // Exact running totals: integers in 128 bits (cannot overflow before 2^64
  // rows; the int64 range is checked when SUM finishes), money in money
  // units with an overflow flag.
  MoneyUnits isum = 0;
  MoneyUnits money_sum = 0;
  bool money_overflow = false;
  double sum = 0;
  std::string currency;
  bool mixed_currency = false;
  uint64_t numeric = 0;
  Value best;
};

// Adds `row` (its binding of a.var; every row for COUNT(*)) to `st`.
void Accumulate(const BoundAggregate& a, const Row& row, AggState* st, ExecContext* ctx);

// The aggregate's value for the rows added to `st`; fails `ctx` (and
// returns null) when an exact total leaves its range.
Value Finish(const BoundAggregate& a, const AggState& st, ExecContext* ctx);

}  // namespace kg::query

#endif  // KG_QUERY_EXEC_AGGREGATE_H_
