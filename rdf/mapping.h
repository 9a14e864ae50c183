// The mapping between RDF terms and kg values (see docs/rdf.md).
//
// Import:
//   - an IRI's local name (the text after its last '/' or '#', percent-decoded)
//     is the entity's / predicate's kg name; the IRI itself is kept for export;
//   - rdf:type is kg's predicate `is_a`;
//   - a blank node _:x is the entity named "_:x";
//   - typed literals become typed values (LiteralToValue);
// Export:
//   - names without a stored IRI are minted under kBaseIri:
//     entities  <https://kg.example.org/entity/NAME>,
//     predicates <https://kg.example.org/predicate/NAME>,
//     articles (graph names) <https://kg.example.org/article/NAME>,
//     NAME percent-encoded (RFC 3987 iunreserved characters stay as is);
//   - `is_a` is written as rdf:type; values as XSD-typed literals; money with
//     kg's datatype <https://kg.example.org/datatype/money>, lexical form
//     "<amount> <ISO 4217 code>", e.g. "10000000000 USD".
// All functions are pure and thread-safe.
#ifndef KG_RDF_MAPPING_H_
#define KG_RDF_MAPPING_H_

#include <string>
#include <string_view>

#include "kg/result.h"
#include "kg/value.h"
#include "rdf/term.h"

namespace kg::rdf {

inline constexpr std::string_view kBaseIri = "https://kg.example.org/";
inline constexpr std::string_view kEntityNamespace = "https://kg.example.org/entity/";
inline constexpr std::string_view kPredicateNamespace = "https://kg.example.org/predicate/";
inline constexpr std::string_view kArticleNamespace = "https://kg.example.org/article/";
inline constexpr std::string_view kMoneyDatatype = "https://kg.example.org/datatype/money";
inline constexpr std::string_view kIsA = "is_a";
// How kg before storage format 4 exported entity types (its predicate
// `type`); imported as rdf:type, i.e. kg's is_a.
inline constexpr std::string_view kLegacyTypeIri = "https://kg.example.org/predicate/type";

// The local name of an IRI: the text after its last '/' or '#',
// percent-decoded (when the decoding is valid UTF-8). An IRI whose local
// name would be empty (".../" or "...#") is returned whole.
std::string LocalName(std::string_view iri);

// The kg predicate name for a predicate IRI: "is_a" for rdf:type (and for
// kLegacyTypeIri), else the local name.
std::string PredicateName(std::string_view iri);

// Percent-encodes a name for use as the last segment of a minted IRI: ASCII
// letters, digits and - . _ ~ and all non-ASCII UTF-8 stay as they are,
// every other byte becomes %XX ("." and ".." are encoded too, so no dot
// segment is minted). LocalName() undoes it.
std::string EncodeName(std::string_view name);

std::string EntityIri(std::string_view name);
// rdf:type for "is_a", else kPredicateNamespace + encoded name.
std::string PredicateIri(std::string_view name);
std::string ArticleIri(std::string_view name);

// A literal term as a kg value:
//   simple literal, xsd:string, language-tagged string (the tag is dropped)
//                                          → String
//   xsd:integer, xsd:long, xsd:int, xsd:short, xsd:byte and the
//   (non)negative/positive/unsigned integer types → Integer (out of int64
//                                            range → Decimal)
//   xsd:decimal, xsd:double, xsd:float      → Decimal
//   xsd:date (time zone ignored), xsd:gYearMonth, xsd:gYear → Date (with
//                                            day / month 0 for the partial ones)
//   xsd:boolean ("true", "false", "1", "0") → Bool
//   kMoneyDatatype ("<amount> <CUR>")       → Money
//   any other datatype                      → String of the lexical form
// Errors: InvalidArgument naming the datatype when the lexical form is not
// valid for a recognized datatype ("abc"^^xsd:integer).
Result<Value> LiteralToValue(const Term& literal);

// A literal kg value (String, Integer, Decimal, Money, Date, Bool) as an RDF
// literal term; LiteralToValue(ValueToLiteral(v)) == v. Decimal is written as
// xsd:decimal in shortest round-trip form, or xsd:double when it is not finite
// or too large for a plain decimal. Non-literal values are returned as their
// minted IRI (entities, predicates, articles).
Term ValueToTerm(const Value& value);

}  // namespace kg::rdf

#endif  // KG_RDF_MAPPING_H_
