// PrintCursorRows: the rows of a kg::QueryCursor printed as the cursor hands
// them out, for the one-shot `kg query` and the REPL alike. A huge answer
// starts printing at once and is never held whole, and a row is not copied
// into a result first: the cursor reuses one row's Values (and their text's
// memory) from row to row.
#ifndef KG_CLI_CURSOR_PRINTER_H_
#define KG_CLI_CURSOR_PRINTER_H_

#include <functional>
#include <ostream>
#include <string>

#include "cli/format.h"
#include "kg/query_cursor.h"
#include "kg/status.h"

namespace kg::cli {

// Hands each hint of the cursor to `hint` (those known when it opened first,
// then, after the rows, those the rows' end added), and writes the rows to
// `out` in `format` (tsv, csv, json). Rows reach `out` — flushed — no later
// than 100 ms after they are computed, and the first row at once. Returns the
// cursor's status: when it is not OK, the rows before the error are written
// and flushed, and the caller reports the error.
Status PrintCursorRows(QueryCursor& cursor, OutputFormat format, std::ostream& out,
                       const std::function<void(const std::string&)>& hint);

}  // namespace kg::cli

#endif  // KG_CLI_CURSOR_PRINTER_H_
