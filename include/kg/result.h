// Result<T>: a value of type T or the Status explaining why there is none.
#ifndef KG_RESULT_H_
#define KG_RESULT_H_

#include <cstdlib>
#include <type_traits>
#include <utility>
#include <variant>

#include "kg/status.h"

namespace kg {

namespace internal {
// Names the error on stderr, then aborts (the body of a failed Result's
// dereference; out of line so the message code is not in every caller).
[[noreturn]] void AbortOnFailedResult(const Status& status);
}  // namespace internal

template <typename T>
class [[nodiscard]] Result {
 public:
  // Implicit from a value or from a non-OK Status, so functions can
  // `return value;` or `return Status::NotFound(...)`.
  Result(T value) : data_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Status status) : data_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    // A Result built from an OK status has no value: that is a bug in kg.
    if (std::get<Status>(data_).ok()) data_ = Status::Internal("Result constructed from OK status");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }

  // The error; OK when the Result holds a value.
  Status status() const { return ok() ? Status::OK() : std::get<Status>(data_); }

  // Precondition: ok(). Calling these on an error prints
  // "kg: value of a failed Result used: <code>: <message>" (and the hint) to
  // stderr, then aborts the process: check ok() first, or use
  // KG_ASSIGN_OR_RETURN.
  T& value() & { return Checked(); }
  const T& value() const& { return const_cast<Result*>(this)->Checked(); }
  T&& value() && { return std::move(Checked()); }
  T* operator->() { return &Checked(); }
  const T* operator->() const { return &const_cast<Result*>(this)->Checked(); }
  T& operator*() & { return Checked(); }
  const T& operator*() const& { return const_cast<Result*>(this)->Checked(); }

 private:
  T& Checked() {
    if (!ok()) internal::AbortOnFailedResult(std::get<Status>(data_));
    return std::get<T>(data_);
  }
  std::variant<T, Status> data_;
};

}  // namespace kg

// Assigns the value of a Result expression to `lhs`, or returns its Status.
#define KG_CONCAT_INNER_(a, b) a##b
#define KG_CONCAT_(a, b) KG_CONCAT_INNER_(a, b)
#define KG_ASSIGN_OR_RETURN(lhs, expr) KG_ASSIGN_OR_RETURN_IMPL_(KG_CONCAT_(kg_result_, __LINE__), lhs, expr)
#define KG_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()

#endif  // KG_RESULT_H_
