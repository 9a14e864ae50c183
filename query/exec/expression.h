// Evaluation of WHERE conditions over a binding row.
#ifndef KG_QUERY_EXEC_EXPRESSION_H_
#define KG_QUERY_EXEC_EXPRESSION_H_

#include "query/binder/bound_query.h"
#include "query/exec/exec_context.h"

namespace kg::query {

// Semantics (docs/query-language.md): a comparison involving an unbound
// variable or values of incomparable kinds is false; `=` between two stored
// terms compares identity, between an entity and a string compares names
// case-insensitively, between numbers compares numeric value (money only with
// the same currency); CONTAINS / STARTS WITH / ENDS WITH compare text
// case-insensitively.
bool EvalCondition(const BoundExpr& e, const Row& row, ExecContext* ctx);

}  // namespace kg::query

#endif  // KG_QUERY_EXEC_EXPRESSION_H_
