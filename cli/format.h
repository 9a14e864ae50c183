// Output formatting for query results: aligned tables for people, tsv / csv /
// json for programs. Depends only on the public value types (kg_base), so it
// is unit-tested on its own (tests/cli/format_test.cc).
#ifndef KG_CLI_FORMAT_H_
#define KG_CLI_FORMAT_H_

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kg/value.h"

namespace kg::cli {

enum class OutputFormat { kTable, kTsv, kCsv, kJson };

// "table", "tsv", "csv" or "json" (case-insensitive); nullopt otherwise.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);
std::string_view OutputFormatName(OutputFormat format);

struct FormatOptions {
  // Table only: the width of the terminal in columns. When > 0 the table is
  // fitted into it by truncating the widest cells with "…"; 0 means never
  // truncate (output is not a terminal). Default: 0
  size_t max_width = 0;
  // Table only: a cell is never truncated below this many columns.
  // Default: 8
  size_t min_cell_width = 8;
};

// Number of terminal columns `text` (UTF-8) occupies: East Asian wide and
// fullwidth characters and most emoji count 2, combining marks and zero-width
// characters 0, control characters 0, everything else 1. Invalid UTF-8 bytes
// count 1 each (terminals show a replacement character).
size_t DisplayWidth(std::string_view text);

// The longest prefix of `text` (whole code points) whose display width is at
// most `width`, followed by "…" when something was cut; the result's display
// width is <= width. width 0 gives "".
std::string TruncateToWidth(std::string_view text, size_t width);

// Escaping helpers, exposed for tests and for other writers. All of them
// escape control characters by the one rule of api/escape_controls.h.
// TSV: backslash, tab, newline and carriage return become \\ \t \n \r, other
// control characters \xHH / \u{HHHH}, so a value is always one field on one
// line and never drives a terminal.
std::string EscapeTsv(std::string_view text);
// CSV (RFC 4180): control characters other than tab, CR and LF become \xHH /
// \u{HHHH}; a field with a comma, double quote, CR or LF (or leading /
// trailing space) is enclosed in double quotes, with inner quotes doubled.
std::string EscapeCsv(std::string_view text);
// JSON string literal with the quotes; control characters (C0, DEL and C1)
// as \uXXXX. Invalid
// UTF-8 bytes are replaced by U+FFFD so the output is always valid JSON.
std::string JsonString(std::string_view text);
// A Value as JSON: null; entity / predicate / article / string as a string;
// integer and decimal as numbers (non-finite as null); bool as true/false;
// money as {"amount": N, "currency": "USD"}; dates as "YYYY[-MM[-DD]]".
std::string JsonValue(const Value& value);

// Writes `columns` and `rows` (each row has columns.size() values) in the
// given format:
//  table: header, a separator line, one line per row; columns holding only numbers right-aligned;
//         nothing when there are no columns. No row-count footer (callers add it).
//  tsv:   header line of column names, then one line per row, values as plain
//         text (Value::ToString) escaped with EscapeTsv.
//  csv:   the same with RFC 4180 quoting and CRLF line ends.
//  json:  an array of objects keyed by column name, one object a line.
void WriteRows(const std::vector<std::string>& columns, const std::vector<std::vector<Value>>& rows,
               OutputFormat format, const FormatOptions& options, std::ostream& out);

// "1 row" / "N rows".
std::string RowCount(size_t rows);

}  // namespace kg::cli

#endif  // KG_CLI_FORMAT_H_
