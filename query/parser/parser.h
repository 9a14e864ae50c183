// Parser: query text → ParsedScript. The only code that sees ANTLR.
#ifndef KG_QUERY_PARSER_PARSER_H_
#define KG_QUERY_PARSER_PARSER_H_

#include <string_view>

#include "kg/result.h"
#include "query/parser/ast.h"

namespace kg::query {

// Parses a script of one or more statements separated by ';'.
// Errors (all Status::SyntaxError with a span whose line/column count code
// points and whose offset/length are bytes into `text`):
//  - invalid UTF-8 (span at the first bad byte);
//  - an empty script;
//  - unterminated strings, stray characters, a lone '?';
//  - unbalanced parentheses/brackets/braces;
//  - anything the grammar rejects, with what was expected and, for common
//    mistakes, a hint (Status::hint()).
// Never throws.
Result<ParsedScript> Parse(std::string_view text);

// Builds what the first Parse() otherwise builds first: ANTLR's tables of
// the grammar (deserialized once per process, about 3 ms — the lexer's
// Unicode letter classes) and its prediction tables for the common
// constructs. Lets a caller build them on another thread while it does
// something else (the kg command: while the database opens). Thread-safe.
void PrepareParser();

// The same for a caller that knows the one statement it will parse
// (`kg query`): builds the prediction tables for `text` alone, so its later
// Parse() is as fast as after PrepareParser() for less work (the common
// constructs are not parsed), and its result is kept for the query's own
// parse (ParseCached, parse_cache.h). Thread-safe; errors in `text` are left
// to the later parse.
void PrepareParser(std::string_view text);

// Whether `text` is valid UTF-8; on failure sets *bad_offset to the first
// invalid byte.
bool ValidUtf8(std::string_view text, size_t* bad_offset);

}  // namespace kg::query

#endif  // KG_QUERY_PARSER_PARSER_H_
