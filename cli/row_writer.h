// RowWriter: writes query rows in an output format as they arrive, for
// answers handed out a row at a time (kg::QueryCursor). tsv, csv and json
// rows are formatted as they are added into a buffer that goes to the
// stream in blocks of about 64 KiB, at Flush(), Finish() and destruction
// (one stream write per block instead of several per value); a table needs
// every row for its column widths, so it keeps them and writes them at
// Finish(). The bytes written are those of WriteRows (cli/format.h) for the
// same rows.
#ifndef KG_CLI_ROW_WRITER_H_
#define KG_CLI_ROW_WRITER_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/format.h"
#include "kg/value.h"

namespace kg::cli {

class RowWriter {
 public:
  // Writes the header now (tsv, csv). `out` outlives the writer.
  RowWriter(std::vector<std::string> columns, OutputFormat format, FormatOptions options, std::ostream& out);
  // Writes the rows still buffered (not a table's).
  ~RowWriter();
  RowWriter(const RowWriter&) = delete;
  RowWriter& operator=(const RowWriter&) = delete;

  // Writes `row` (columns().size() values; missing ones are null), or keeps
  // it for a table.
  void Add(const std::vector<Value>& row);

  // Hands the buffered rows to the stream (it does not flush the stream).
  // Call before flushing `out` or writing anything else to it.
  void Flush();

  // Writes what is left: a table, JSON's closing bracket. Call once, after
  // the last row; a writer that is not finished (an error ended the rows)
  // leaves the output as it is.
  void Finish();

  // Whether rows reach `out` as they are added (false for a table).
  bool streams() const { return format_ != OutputFormat::kTable; }

 private:
  // tsv and csv: the separator, a field's escaping, the line end.
  char Separator() const { return format_ == OutputFormat::kCsv ? ',' : '\t'; }
  std::string_view LineEnd() const { return format_ == OutputFormat::kCsv ? "\r\n" : "\n"; }
  // Appends `text` escaped for tsv / csv to buf_.
  void AppendEscaped(std::string_view text);
  // Appends a value's plain text (Value::ToString) escaped for tsv / csv.
  void AppendField(const Value& value);
  void AddDelimited(const std::vector<Value>& row);
  void AddJson(const std::vector<Value>& row);
  // Writes buf_ once it holds a block.
  void MaybeFlush();

  std::vector<std::string> columns_;
  OutputFormat format_;
  FormatOptions options_;
  std::ostream& out_;
  std::string buf_;                       // formatted, not yet written
  std::vector<std::vector<Value>> kept_;  // table rows
  size_t rows_ = 0;
};

}  // namespace kg::cli

#endif  // KG_CLI_ROW_WRITER_H_
