// QueryBudget: what one query may spend — memory, counted approximately as
// the bytes its operators hold, and time, a deadline — and the checks that
// stop it (the budgets and the cancel flag) between units of work.
//
// Operators do not measure the allocator: they charge an estimate of what
// they hold (bytes per row, per hash-table entry, per node of a frontier)
// through a MemoryCharge, which gives its bytes back when the operator lets
// go. The estimates are meant to be within a small factor of the real heap
// use, so a limit of 500 MB keeps the process near that figure.
//
// Not thread-safe: one query runs on one thread.
#ifndef KG_QUERY_BUDGET_H_
#define KG_QUERY_BUDGET_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

#include "kg/options.h"
#include "kg/status.h"

namespace kg::query {

class QueryBudget {
 public:
  using Clock = std::chrono::steady_clock;

  // The limits of `options` (memory_limit 0: DefaultQueryMemoryLimit();
  // timeout_ms 0: no deadline), counted from now.
  explicit QueryBudget(const QueryOptions& options);

  // Adds `bytes` to what the query holds; false once that passes the limit
  // (the caller stops the query with MemoryError()).
  bool Charge(uint64_t bytes) {
    used_ += bytes;
    if (used_ > peak_) peak_ = used_;
    return used_ <= limit_;
  }
  void Release(uint64_t bytes) { used_ -= bytes < used_ ? bytes : used_; }

  // OK, or the reason the query must stop now: Cancelled when the cancel
  // flag is set, ResourceExhausted when the deadline has passed. Reads the
  // clock; call it every so many units of work, not per row.
  Status Check() const;

  // "query stopped: it needed more than 500 MB (the memory limit); ...".
  Status MemoryError() const;

  // Stop and restart the clock of the time budget: between Pause() and
  // Resume() the deadline moves with the time. A cursor pauses between
  // rows, so its time limit counts its own work, not its caller's.
  void Pause() {
    if (timeout_ms_ != 0) paused_at_ = Clock::now();
  }
  void Resume() {
    if (timeout_ms_ != 0) deadline_ += Clock::now() - paused_at_;
  }

  uint64_t limit() const { return limit_; }
  uint64_t used() const { return used_; }
  uint64_t peak() const { return peak_; }

 private:
  const std::atomic<bool>* cancel_;
  uint64_t limit_;
  uint64_t timeout_ms_;
  Clock::time_point deadline_;
  Clock::time_point paused_at_;
  uint64_t used_ = 0;
  uint64_t peak_ = 0;
};

// What one operator holds, charged to a budget: Set(n) moves the charge to
// n bytes (charging or giving back the difference); the destructor gives
// everything back. A null budget charges nothing.
class MemoryCharge {
 public:
  explicit MemoryCharge(QueryBudget* budget = nullptr) : budget_(budget) {}
  MemoryCharge(const MemoryCharge&) = delete;
  MemoryCharge& operator=(const MemoryCharge&) = delete;
  ~MemoryCharge() { Set(0); }

  // False when the budget is now exceeded.
  bool Set(uint64_t bytes) {
    if (budget_ == nullptr) return true;
    if (bytes < bytes_) {
      budget_->Release(bytes_ - bytes);
      bytes_ = bytes;
      return true;
    }
    const uint64_t more = bytes - bytes_;
    bytes_ = bytes;
    return budget_->Charge(more);
  }
  bool Add(uint64_t bytes) { return Set(bytes_ + bytes); }
  uint64_t bytes() const { return bytes_; }

 private:
  QueryBudget* budget_;
  uint64_t bytes_ = 0;
};

// "500 MB", "1.5 GB", "640 KB", "12 bytes": decimal units, as limits are
// written (--memory-limit 500MB).
std::string FormatBytes(uint64_t bytes);

}  // namespace kg::query

#endif  // KG_QUERY_BUDGET_H_
