// ParseCached: Parse() with the scripts of recent query texts kept. A
// program, a script or a REPL user often asks the same text again; ANTLR's
// parse of a short query costs about 200,000 instructions (as much as
// scanning a few hundred index entries), a copy of the kept tree a few
// thousand. The result depends on the text alone, so nothing ever makes a
// kept script stale.
#ifndef KG_QUERY_PARSER_PARSE_CACHE_H_
#define KG_QUERY_PARSER_PARSE_CACHE_H_

#include <string_view>

#include "kg/result.h"
#include "query/parser/ast.h"

namespace kg::query {

// Parse(text), or a copy of what it returned for the same text lately.
// Errors are not kept (they are rare and their cost is the user's).
// Thread-safe.
Result<ParsedScript> ParseCached(std::string_view text);

}  // namespace kg::query

#endif  // KG_QUERY_PARSER_PARSE_CACHE_H_
