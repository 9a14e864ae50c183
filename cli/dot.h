// Graphviz DOT output of a set of triples, and the neighbourhood walk behind
// `kg export --format dot --around ENTITY --depth N` and `kg graph`.
// Depends only on the public types (kg/db.h structs), not on a database.
#ifndef KG_CLI_DOT_H_
#define KG_CLI_DOT_H_

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "kg/db.h"
#include "kg/result.h"
#include "kg/status.h"

namespace kg::cli {

// The shape of DB::Scan, so the walk can run on a database or on a vector in
// tests.
using ScanFn = std::function<Status(const TriplePattern&, const std::function<bool(const Triple&)>&)>;

// The triples within `depth` hops of `entity`, following edges in both
// directions (a literal object ends a path). depth 0 gives nothing; depth 1
// the entity's own triples. At most `max_triples` are returned (the walk stops
// there). Errors: NotFound when the entity has no triples at all (message
// names it), and any error of `scan`.
Result<std::vector<Triple>> CollectAround(const ScanFn& scan, const std::string& entity, int depth,
                                          size_t max_triples = 5000);

// Writes `triples` as a directed graph: one node per entity, labelled with
// its name and, when the triples say so (`is_a` or `type`), its type; one box
// node per distinct literal; one edge per remaining triple, labelled with the
// predicate. Type triples become node labels, not edges. Output is
// deterministic (nodes in first-appearance order).
void WriteDot(const std::vector<Triple>& triples, std::ostream& out, const std::string& graph_name = "kg");

// DOT quoted-string escaping (quotes and backslashes; newlines as \n).
std::string DotQuote(const std::string& text);

}  // namespace kg::cli

#endif  // KG_CLI_DOT_H_
