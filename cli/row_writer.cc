#include "cli/row_writer.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <utility>

namespace kg::cli {

namespace {

// A block of output: large enough that stream writes cost nothing per row,
// small enough that streamed rows are not held back long.
constexpr size_t kBlockBytes = 64 * 1024;

const Value& At(const std::vector<Value>& row, size_t c) {
  static const Value kNull;
  return c < row.size() ? row[c] : kNull;
}

// Whether none of the eight bytes at `p` is under 0x20, over 0x7E or a
// backslash. The high bit of a byte is set in `below`, `above` or
// `backslash` when it is such a byte (a borrow or carry only ever starts at
// one).
bool PlainWord(const char* p) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  uint64_t w;
  std::memcpy(&w, p, 8);
  const uint64_t below = (w - kOnes * 0x20) & ~w;
  const uint64_t above = (w + kOnes) | w;
  const uint64_t x = w ^ (kOnes * static_cast<unsigned char>('\\'));
  const uint64_t backslash = (x - kOnes) & ~x;
  return ((below | above | backslash) & kHigh) == 0;
}

// Printable ASCII other than the backslash: bytes both tsv and csv copy
// unchanged (csv may still quote the field). Anything else takes the full
// escaping of cli/format.h. Eight bytes at a time, the last eight
// overlapping: every field of every row passes here, and a byte loop was a
// tenth of a REPL statement's work.
bool PlainAscii(std::string_view text) {
  const char* p = text.data();
  const size_t n = text.size();
  if (n < 8) {
    for (size_t i = 0; i < n; ++i) {
      const auto c = static_cast<unsigned char>(p[i]);
      if (c < 0x20 || c >= 0x7F || c == '\\') return false;
    }
    return true;
  }
  for (size_t i = 0; i + 8 <= n; i += 8) {
    if (!PlainWord(p + i)) return false;
  }
  return n % 8 == 0 || PlainWord(p + n - 8);
}

bool CsvNeedsQuotes(std::string_view text) {
  return text.find_first_of(",\"") != std::string_view::npos ||
         (!text.empty() && (text.front() == ' ' || text.back() == ' '));
}

}  // namespace

RowWriter::RowWriter(std::vector<std::string> columns, OutputFormat format, FormatOptions options,
                     std::ostream& out)
    : columns_(std::move(columns)), format_(format), options_(options), out_(out) {
  if (format_ != OutputFormat::kTsv && format_ != OutputFormat::kCsv) return;
  for (size_t c = 0; c < columns_.size(); ++c) {
    if (c) buf_ += Separator();
    AppendEscaped(columns_[c]);
  }
  buf_ += LineEnd();
  Flush();  // the header shows at once, before any row is computed
}

RowWriter::~RowWriter() { Flush(); }

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
  MaybeFlush();
}

void RowWriter::Flush() {
  if (buf_.empty()) return;
  out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  buf_.clear();
}

void RowWriter::MaybeFlush() {
  if (buf_.size() >= kBlockBytes) Flush();
}

void RowWriter::AppendEscaped(std::string_view text) {
  // Most names and literals are plain ASCII: copied without a temporary.
  if (PlainAscii(text) && (format_ != OutputFormat::kCsv || !CsvNeedsQuotes(text))) {
    buf_ += text;
    return;
  }
  buf_ += format_ == OutputFormat::kCsv ? EscapeCsv(text) : EscapeTsv(text);
}

void RowWriter::AppendField(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kNull:
      return;
    case ValueKind::kEntity:
    case ValueKind::kPredicate:
    case ValueKind::kArticle:
    case ValueKind::kString:
      AppendEscaped(value.text());  // ToString() would copy it
      return;
    case ValueKind::kInteger: {
      char digits[24];
      auto end = std::to_chars(digits, digits + sizeof digits, value.integer()).ptr;
      buf_.append(digits, end);
      return;
    }
    case ValueKind::kMoney: {
      // "12.5 USD", as ToString() writes it, without its two temporaries;
      // escaped as one field (a currency is a short code).
      const std::string& currency = value.currency();
      char field[Value::kMoneyUnitsChars + 1 + 16];
      if (currency.size() > 16) break;
      char* end = Value::FormatMoneyUnitsTo(value.money_units(), field);
      *end++ = ' ';
      end = std::copy(currency.begin(), currency.end(), end);
      AppendEscaped(std::string_view(field, static_cast<size_t>(end - field)));
      return;
    }
    default:
      break;
  }
  AppendEscaped(value.ToString());
}

void RowWriter::AddDelimited(const std::vector<Value>& row) {
  for (size_t c = 0; c < columns_.size(); ++c) {
    if (c) buf_ += Separator();
    AppendField(At(row, c));
  }
  buf_ += LineEnd();
}

// An object a line; each line but the last ends in a comma, so a row's line
// is ended when the next row comes (or at Finish).
void RowWriter::AddJson(const std::vector<Value>& row) {
  buf_ += rows_ == 0 ? "[\n{" : "},\n{";
  for (size_t c = 0; c < columns_.size(); ++c) {
    if (c) buf_ += ',';
    buf_ += JsonString(columns_[c]);
    buf_ += ':';
    buf_ += JsonValue(At(row, c));
  }
}

void RowWriter::Finish() {
  switch (format_) {
    case OutputFormat::kTable:
      WriteRows(columns_, kept_, format_, options_, out_);
      kept_.clear();
      return;
    case OutputFormat::kJson:
      buf_ += rows_ == 0 ? "[]\n" : "}\n]\n";
      Flush();
      return;
    case OutputFormat::kTsv:
    case OutputFormat::kCsv:
      Flush();
      return;
  }
}

}  // namespace kg::cli
