// The engine's kg::QueryCursor: a query answered row by row, streamed when
// its shape allows (query/exec/row_stream.h), else answered whole when it
// opens (contract in include/kg/query_cursor.h).
#ifndef KG_QUERY_QUERY_CURSOR_H_
#define KG_QUERY_QUERY_CURSOR_H_

#include <memory>
#include <string_view>

#include "kg/options.h"
#include "kg/query_cursor.h"
#include "kg/result.h"
#include "storage/triple_source.h"

namespace kg::query {

// Opens a cursor over the answer to `text` (a script: the last statement's
// rows) against `source`, which must outlive the cursor. `options` is
// copied; the flag options.cancel points to must outlive the cursor.
// Errors: as Execute() for what stops the query before its rows are handed
// out (for shapes that do not stream, any error); later ones are
// QueryCursor::status().
Result<std::unique_ptr<QueryCursor>> OpenCursor(std::string_view text, const storage::TripleSource& source,
                                                const QueryOptions& options = {});

}  // namespace kg::query

#endif  // KG_QUERY_QUERY_CURSOR_H_
