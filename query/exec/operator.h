// Operator: the pull-based interface of the physical operators over binding
// rows, and the helpers every operator file shares.
#ifndef KG_QUERY_EXEC_OPERATOR_H_
#define KG_QUERY_EXEC_OPERATOR_H_

#include "query/binder/bound_query.h"
#include "query/exec/exec_context.h"

namespace kg::query {

class Operator {
 public:
  virtual ~Operator() = default;
  // Produces the next row; false when exhausted or when the context failed.
  virtual bool Next(Row* row) = 0;
};

// The term at `t` in `row`: the constant, or the variable's binding (0 when
// unbound).
inline TermId Resolve(const BoundTerm& t, const Row& row) {
  return t.is_var() ? row[static_cast<size_t>(t.var)] : t.id;
}

// Approximate heap bytes of one row of `width` term ids held in a
// std::vector (the ids, the vector, the allocator's header).
inline uint64_t RowBytes(size_t width) { return width * sizeof(TermId) + sizeof(Row) + 16; }

}  // namespace kg::query

#endif  // KG_QUERY_EXEC_OPERATOR_H_
