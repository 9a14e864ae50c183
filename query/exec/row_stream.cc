#include "query/exec/row_stream.h"

#include <algorithm>
#include <chrono>

#include "query/exec/executor.h"

namespace kg::query {

namespace {

// Approximate heap bytes of a Value's text beyond the string's inline
// buffer: the estimate executor.cc charges for result rows.
uint64_t TextHeapBytes(const Value& v) { return v.text().size() > 15 ? v.text().size() + 1 + 16 : 0; }

}  // namespace

bool Streams(const Plan& plan) {
  const BoundQuery& q = *plan.query;
  return q.kind == ParsedStatement::Kind::kMatch && !q.explain && !q.has_aggregates && !q.distinct &&
         q.order.empty() && !plan.count_last && plan.shortcut == Plan::Shortcut::kNone;
}

RowStream::RowStream(const Plan& plan, const storage::TripleSource& source, const QueryOptions& options,
                     QueryBudget* budget)
    : q_(*plan.query),
      ctx_(source, options, budget),
      root_(MakePipeline(plan, &ctx_)),
      skip_(q_.offset),
      left_(q_.limit),
      block_charge_(budget) {}

bool RowStream::Next(std::vector<Value>* row) {
  if (pos_ == size_ && !Fill()) return false;
  const size_t width = q_.visible_columns;
  row->resize(width);
  const Value* const* from = block_.data() + pos_++ * width;
  for (size_t c = 0; c < width; ++c) (*row)[c] = *from[c];
  return true;
}

bool RowStream::Fill() {
  pos_ = size_ = 0;
  if (!root_ || !ctx_.ok()) return false;
  const auto start = std::chrono::steady_clock::now();
  ctx_.budget()->Resume();
  // The cancel flag and the deadline once per block, so a cancel between
  // rows stops even a pipeline that does little work per row.
  const size_t n = ctx_.Check() ? Pull() : 0;
  if (ctx_.ok()) {
    Decode(n);
    if (Charge(n)) size_ = n;
  }
  // Exhausted or failed: the operators let go of what they hold now, not
  // when the caller drops the cursor.
  if (size_ == 0) root_.reset();
  block_rows_ = NextBlockRows(n);
  ctx_.budget()->Pause();
  busy_ms_ += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return size_ > 0;
}

size_t RowStream::Pull() {
  const size_t width = q_.visible_columns;
  ids_.clear();
  Row in;
  size_t n = 0;
  while (n < block_rows_ && (!left_ || *left_ > 0) && root_->Next(&in)) {
    if (skip_ > 0) {
      --skip_;
      continue;
    }
    for (size_t c = 0; c < width; ++c) ids_.push_back(in[static_cast<size_t>(q_.columns[c].var)]);
    ++n;
    if (left_) --*left_;
  }
  return n;
}

void RowStream::Decode(size_t n) {
  static const Value kNull;
  const size_t width = q_.visible_columns;
  block_.resize(n * width);
  missing_.clear();
  for (size_t i = 0; i < n * width; ++i) {
    const storage::TermId id = ids_[i];
    const Value* v = id == storage::kNoTerm ? &kNull : ctx_.Peek(id);
    block_[i] = v;
    if (v == nullptr) missing_.push_back(i);
  }
  owned_.clear();
  if (missing_.empty()) return;
  batch_.clear();
  for (size_t m : missing_) batch_.push_back(ids_[m]);
  ctx_.Prefetch(&batch_);
  // Reserved: pointers into owned_ stay valid as it fills.
  owned_.reserve(missing_.size());
  for (size_t m : missing_) {
    block_[m] = ctx_.Peek(ids_[m]);
    if (block_[m] != nullptr) continue;
    owned_.push_back(ctx_.TermValue(ids_[m]));
    block_[m] = &owned_.back();
  }
}

bool RowStream::Charge(size_t n) {
  const size_t width = q_.visible_columns;
  uint64_t text_bytes = 0;
  for (size_t i = 0; i < n * width; ++i) text_bytes += TextHeapBytes(*block_[i]);
  if (n > 0) row_bytes_ = (n * width * sizeof(Value) + text_bytes) / n;
  // What the block holds: its cells, the terms it owns (their text counted
  // with the rest: a kept term's text is the size a copy of it takes in the
  // caller's row) and the ids.
  const uint64_t slots = block_.capacity() * sizeof(const Value*) + owned_.capacity() * sizeof(Value) +
                         ids_.capacity() * sizeof(storage::TermId);
  return ctx_.Hold(&block_charge_, text_bytes + slots) && ctx_.ok();
}

size_t RowStream::NextBlockRows(size_t n) const {
  if (n < block_rows_) return block_rows_;  // the rows ran out
  const size_t by_bytes = static_cast<size_t>(kMaxBlockBytes / std::max<uint64_t>(1, row_bytes_));
  return std::max<size_t>(1, std::min({block_rows_ * 2, kMaxBlock, by_bytes}));
}

}  // namespace kg::query
