// Serializing RDF terms and statements as standard N-Triples / N-Quads.
//
// Output is one statement per line, terms separated by one space, ending in
// " .\n". Escaping follows the canonical N-Triples form: in literals \" \\ \n
// \r are escaped (plus \t \b \f, and other control characters as \u00XX); in
// IRIs, the characters IRIREF forbids (controls, space, <>"{}|^`\) are written
// as \u00XX. Everything else, including non-ASCII UTF-8, is written as is.
// Whatever LineParser reads back from this output equals the input terms.
#ifndef KG_RDF_NTRIPLES_WRITER_H_
#define KG_RDF_NTRIPLES_WRITER_H_

#include <string>
#include <string_view>

#include "rdf/term.h"

namespace kg::rdf {

// <iri>
void AppendIri(std::string* out, std::string_view iri);
// _:label. Characters not allowed in a label are replaced by '_' (labels are
// only meaningful within one document).
void AppendBlankNode(std::string* out, std::string_view label);
// "lexical", "lexical"@lang or "lexical"^^<datatype> (lang wins if both set;
// an xsd:string datatype is written as a simple literal).
void AppendLiteral(std::string* out, std::string_view lexical, std::string_view datatype = {},
                   std::string_view language = {});
void AppendTerm(std::string* out, const Term& term);
// "s p o .\n" or, for N-Quads with quad.has_graph, "s p o g .\n".
void AppendQuad(std::string* out, const Quad& quad, Syntax syntax);

}  // namespace kg::rdf

#endif  // KG_RDF_NTRIPLES_WRITER_H_
