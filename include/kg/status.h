// Status: the outcome of every fallible call in kg's public API.
//
// A Status is either OK or carries an error code, a human-readable message and,
// for errors tied to a piece of text (a query, an N-Triples line, an article),
// an optional source span. Rendering the span (the source line with a caret
// under the problem) is left to the caller; see kg::RenderError in
// kg/query_result.h. Status is cheap to copy when OK.
#ifndef KG_STATUS_H_
#define KG_STATUS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace kg {

// A position in some source text. Lines and columns are 1-based and count
// Unicode code points; `offset` and `length` are in bytes, so
// text.substr(offset, length) is the offending fragment.
struct SourceSpan {
  uint32_t line = 1;
  uint32_t column = 1;
  size_t offset = 0;
  size_t length = 0;
};

class [[nodiscard]] Status {
 public:
  enum class Code : uint8_t {
    kOk = 0,
    kInvalidArgument,  // bad input from the caller: a query, a file, an option
    kSyntaxError,      // a query or data file that does not parse
    kNotFound,         // a named thing (article, file) does not exist
    kAlreadyExists,
    kCorruption,    // stored data is damaged
    kIOError,       // the operating system or RocksDB failed
    kBusy,          // the database is in use by another writer
    kNotSupported,  // e.g. a database written by a newer format version
    kCancelled,     // the caller cancelled (Ctrl-C)
    // A query crossed its memory or time budget (QueryOptions).
    kResourceExhausted,
    kInternal,  // a bug in kg
  };

  Status() = default;  // OK

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg) { return Status(Code::kInvalidArgument, std::move(msg)); }
  static Status SyntaxError(std::string msg, SourceSpan span) {
    Status s(Code::kSyntaxError, std::move(msg));
    s.span_ = span;
    return s;
  }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status AlreadyExists(std::string msg) { return Status(Code::kAlreadyExists, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status Busy(std::string msg) { return Status(Code::kBusy, std::move(msg)); }
  static Status NotSupported(std::string msg) { return Status(Code::kNotSupported, std::move(msg)); }
  static Status Cancelled(std::string msg) { return Status(Code::kCancelled, std::move(msg)); }
  static Status ResourceExhausted(std::string msg) {
    return Status(Code::kResourceExhausted, std::move(msg));
  }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // Where in the source text the error is, when it is tied to one.
  const std::optional<SourceSpan>& span() const { return span_; }
  Status& WithSpan(SourceSpan span) {
    span_ = span;
    return *this;
  }

  // An optional suggestion for the user ("did you mean Microsoft?",
  // "a predicate goes inside an arrow: -invests_in->").
  const std::string& hint() const { return hint_; }
  Status& WithHint(std::string hint) {
    hint_ = std::move(hint);
    return *this;
  }

  // "OK", or "<code name>: <message>".
  std::string ToString() const;
  static const char* CodeName(Code code);

 private:
  Code code_ = Code::kOk;
  std::string message_;
  std::optional<SourceSpan> span_;
  std::string hint_;
};

}  // namespace kg

// Propagates a non-OK Status from an expression to the caller.
#define KG_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::kg::Status kg_status_ = (expr);        \
    if (!kg_status_.ok()) return kg_status_; \
  } while (0)

#endif  // KG_STATUS_H_
