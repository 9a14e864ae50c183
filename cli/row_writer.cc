#include "cli/row_writer.h"

#include <utility>

namespace kg::cli {

namespace {

const Value& At(const std::vector<Value>& row, size_t c) {
  static const Value kNull;
  return c < row.size() ? row[c] : kNull;
}

}  // namespace

RowWriter::RowWriter(std::vector<std::string> columns, OutputFormat format, FormatOptions options,
                     std::ostream& out)
    : columns_(std::move(columns)), format_(format), options_(options), out_(out) {
  if (format_ != OutputFormat::kTsv && format_ != OutputFormat::kCsv) return;
  for (size_t c = 0; c < columns_.size(); ++c) out_ << (c ? Separator() : "") << Escape(columns_[c]);
  out_ << LineEnd();
}

void RowWriter::Add(const std::vector<Value>& row) {
  switch (format_) {
    case OutputFormat::kTable:
      kept_.push_back(row);
      break;
    case OutputFormat::kTsv:
    case OutputFormat::kCsv:
      AddDelimited(row);
      break;
    case OutputFormat::kJson:
      AddJson(row);
      break;
  }
  ++rows_;
}

void RowWriter::AddDelimited(const std::vector<Value>& row) {
  for (size_t c = 0; c < columns_.size(); ++c)
    out_ << (c ? Separator() : "") << Escape(At(row, c).ToString());
  out_ << LineEnd();
}

// An object a line; each line but the last ends in a comma, so a row's line
// is ended when the next row comes (or at Finish).
void RowWriter::AddJson(const std::vector<Value>& row) {
  out_ << (rows_ == 0 ? "[\n{" : "},\n{");
  for (size_t c = 0; c < columns_.size(); ++c)
    out_ << (c ? "," : "") << JsonString(columns_[c]) << ':' << JsonValue(At(row, c));
}

void RowWriter::Finish() {
  switch (format_) {
    case OutputFormat::kTable:
      WriteRows(columns_, kept_, format_, options_, out_);
      kept_.clear();
      return;
    case OutputFormat::kJson:
      out_ << (rows_ == 0 ? "[]\n" : "}\n]\n");
      return;
    case OutputFormat::kTsv:
    case OutputFormat::kCsv:
      return;
  }
}

}  // namespace kg::cli
