// RowWriter: writes query rows in an output format as they arrive, for
// answers handed out a row at a time (kg::QueryCursor). tsv, csv and json
// rows are written as they are added; a table needs every row for its
// column widths, so it keeps them and writes them at Finish(). The bytes
// written are those of WriteRows (cli/format.h) for the same rows.
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

  // Writes `row` (columns().size() values; missing ones are null), or keeps
  // it for a table.
  void Add(const std::vector<Value>& row);

  // Writes what is left: a table, JSON's closing bracket. Call once, after
  // the last row; a writer that is not finished (an error ended the rows)
  // leaves the output as it is.
  void Finish();

  // Whether rows reach `out` as they are added (false for a table).
  bool streams() const { return format_ != OutputFormat::kTable; }

 private:
  // tsv and csv: the separator, a field's escaping, the line end.
  const char* Separator() const { return format_ == OutputFormat::kCsv ? "," : "\t"; }
  std::string Escape(std::string_view s) const {
    return format_ == OutputFormat::kCsv ? EscapeCsv(s) : EscapeTsv(s);
  }
  const char* LineEnd() const { return format_ == OutputFormat::kCsv ? "\r\n" : "\n"; }
  void AddDelimited(const std::vector<Value>& row);
  void AddJson(const std::vector<Value>& row);

  std::vector<std::string> columns_;
  OutputFormat format_;
  FormatOptions options_;
  std::ostream& out_;
  std::vector<std::vector<Value>> kept_;  // table rows
  size_t rows_ = 0;
};

}  // namespace kg::cli

#endif  // KG_CLI_ROW_WRITER_H_
