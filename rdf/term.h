// RDF terms and statements as read from / written to N-Triples and N-Quads.
//
// These are syntax-level types: an IRI is kept exactly as written (after
// \u escapes are decoded), a literal keeps its lexical form, datatype IRI and
// language tag. Mapping them to kg values is done in rdf/mapping.h.
#ifndef KG_RDF_TERM_H_
#define KG_RDF_TERM_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace kg::rdf {

// The two line-based RDF syntaxes. N-Quads is N-Triples plus an optional
// fourth term (the graph name) per statement.
enum class Syntax : uint8_t { kNTriples, kNQuads };

enum class TermKind : uint8_t {
  kIri,        // value: the IRI without angle brackets
  kBlankNode,  // value: the label without the leading "_:"
  kLiteral,    // value: the lexical form (unescaped)
};

struct Term {
  TermKind kind = TermKind::kIri;
  std::string value;
  // Literals only: the datatype IRI; empty for a simple literal (xsd:string)
  // and for a language-tagged string.
  std::string datatype;
  // Literals only: the language tag as written (without '@'), or empty.
  std::string language;

  static Term Iri(std::string iri) { return Term{TermKind::kIri, std::move(iri), {}, {}}; }
  static Term Blank(std::string label) { return Term{TermKind::kBlankNode, std::move(label), {}, {}}; }
  static Term Literal(std::string lexical, std::string datatype = {}, std::string language = {}) {
    return Term{TermKind::kLiteral, std::move(lexical), std::move(datatype), std::move(language)};
  }
  bool operator==(const Term&) const = default;
};

// One statement. `has_graph` is false for triples and for N-Quads statements
// in the default graph.
struct Quad {
  Term subject;
  Term predicate;
  Term object;
  Term graph;
  bool has_graph = false;
};

// Well-known IRIs.
inline constexpr char kRdfType[] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr char kRdfLangString[] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
inline constexpr char kXsd[] = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";

}  // namespace kg::rdf

#endif  // KG_RDF_TERM_H_
