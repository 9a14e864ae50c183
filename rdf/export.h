// Exporting stored triples as N-Triples / N-Quads (`kg export`).
//
// Terms are written with the IRI they were imported with (TripleSource::
// GetIri); others get IRIs minted under https://kg.example.org/ (see
// rdf/mapping.h and docs/rdf.md): entities .../entity/NAME, predicates
// .../predicate/NAME (`is_a` → rdf:type), graph names .../article/NAME.
// Literals carry XSD datatypes (money: .../datatype/money). Entities imported
// from blank nodes are written as blank nodes.
//
// Thread-safety: only reads `src`, which must be safe for concurrent readers.
#ifndef KG_RDF_EXPORT_H_
#define KG_RDF_EXPORT_H_

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

#include "kg/status.h"

namespace kg::storage {
class TripleSource;
}  // namespace kg::storage

namespace kg::rdf {

enum class ExportFormat : uint8_t { kNTriples, kNQuads };

// Streams triples from `src` to `out`:
//   N-Triples, no article:  every stored triple once (a triple asserted by
//                           several articles is written once);
//   N-Triples, article A:   the triples article A asserts;
//   N-Quads, no article:    one quad per (triple, asserting article), the
//                           article as graph name, articles in name order;
//   N-Quads, article A:     A's triples as quads in graph A.
// When `written` is not null it receives the number of lines written.
// Errors: NotFound "no article '<A>'" for an unknown article (nothing
// written); IOError when `out` fails; errors from the source (Corruption,
// IOError) — output may then be partial.
Status Export(const storage::TripleSource& src, std::ostream& out, ExportFormat format,
              const std::optional<std::string>& article = std::nullopt, uint64_t* written = nullptr);

}  // namespace kg::rdf

#endif  // KG_RDF_EXPORT_H_
