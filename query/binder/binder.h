// Binder: ParsedStatement → BoundQuery. Resolves entity, predicate, literal and
// article names through the TripleSource (case-insensitively), assigns
// variable slots, and checks the query's meaning.
#ifndef KG_QUERY_BINDER_BINDER_H_
#define KG_QUERY_BINDER_BINDER_H_

#include "kg/result.h"
#include "query/binder/bound_query.h"
#include "query/parser/ast.h"
#include "storage/triple_source.h"

namespace kg::query {

// Errors: Status::InvalidArgument with a span for semantic errors — a RETURN,
// WHERE or ORDER BY variable no pattern binds; a bare name where a variable is
// expected; an aggregate in WHERE or as an aggregate's argument; a condition
// without a comparison; an unknown function; duplicate column names; a
// predicate variable inside a path; `@` on a path; WHY over a path.
// Unknown names are not errors: the pattern never matches and a hint naming
// the nearest known names is added to BoundQuery::hints.
Result<BoundQuery> Bind(const ParsedStatement& statement, const storage::TripleSource& source);

// Levenshtein distance over bytes, case-insensitive for ASCII (for hints).
size_t EditDistance(std::string_view a, std::string_view b);

}  // namespace kg::query

#endif  // KG_QUERY_BINDER_BINDER_H_
