// A fast, allocation-light parser for N-Triples 1.1 and N-Quads 1.1
// (W3C Recommendations, 25 February 2014).
//
// Supported: absolute IRIs (<...>), blank nodes (_:label), literals with
// language tags or datatypes, the string escapes \t \b \n \r \f \" \' \\ and
// \uXXXX / \UXXXXXXXX (in literals and IRIs), comments (# to end of line),
// blank lines, spaces and tabs between terms. Input must be UTF-8; invalid
// UTF-8 is a syntax error.
//
// Thread-safety: a LineParser is not thread-safe; use one per thread.
#ifndef KG_RDF_NTRIPLES_PARSER_H_
#define KG_RDF_NTRIPLES_PARSER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "kg/status.h"
#include "rdf/term.h"

namespace kg::rdf {

class LineParser {
 public:
  explicit LineParser(Syntax syntax) : syntax_(syntax) {}

  // Parses one line (its end-of-line characters already removed; a trailing
  // '\r' is tolerated). On success sets *is_statement: true and fills *quad
  // when the line holds a statement, false for a blank or comment-only line
  // (then *quad is unspecified).
  //
  // Errors: Status::SyntaxError whose message says what was expected and
  // quotes the offending text, with a span relative to `line`: line 1,
  // column in code points (1-based), byte offset and length within `line`.
  // N-Triples input with a fourth term is an error ("graph names are only
  // allowed in N-Quads").
  Status Parse(std::string_view line, Quad* quad, bool* is_statement);

  Syntax syntax() const { return syntax_; }

 private:
  Status ParseTerm(int position, Term* term);
  Status ParseIri(Term* term);
  Status ParseBlank(Term* term);
  Status ParseLiteral(Term* term);
  Status AppendUchar(std::string* out, int digits);
  Status Error(size_t begin, size_t length, std::string_view message) const;
  void SkipSpace();

  Syntax syntax_;
  std::string_view line_;
  size_t pos_ = 0;
};

// Parses a whole in-memory document, calling `fn(quad, line_number)` for each
// statement; stops at the first error (whose span is then relative to `text`:
// its line, column and byte offset in `text`) or when fn returns non-OK.
Status ParseDocument(std::string_view text, Syntax syntax,
                     const std::function<Status(const Quad&, uint64_t line)>& fn);

// Re-bases an error from LineParser::Parse onto a file: the span's line
// becomes `line_number`, its offset is shifted by `line_offset` (the byte
// offset of the line in the file), and the message is prefixed with
// "<file>:<line>:<column>: ". `file` may be empty (then no file prefix, only
// "line L, column C: ").
Status LocateError(const Status& line_error, std::string_view file, uint64_t line_number,
                   uint64_t line_offset);

}  // namespace kg::rdf

#endif  // KG_RDF_NTRIPLES_PARSER_H_
