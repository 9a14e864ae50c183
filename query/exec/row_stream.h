// RowStream: the rows of a MATCH plan that needs no row before another
// (Streams()), decoded and handed out as the operator pipeline produces
// them. It pulls a block of rows at a time — 1 at first, doubling to 1,024
// rows or 64 KB of decoded rows — so the first row comes at once and a long result is decoded in batches
// (TripleSource::PrefetchTerms); it holds that block and what the operators
// hold, never the rows already handed out.
#ifndef KG_QUERY_EXEC_ROW_STREAM_H_
#define KG_QUERY_EXEC_ROW_STREAM_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "kg/options.h"
#include "kg/status.h"
#include "kg/value.h"
#include "query/budget.h"
#include "query/exec/exec_context.h"
#include "query/exec/operator.h"
#include "query/planner/plan.h"
#include "storage/triple_source.h"

namespace kg::query {

// Whether `plan` can be answered by a RowStream: a MATCH (not EXPLAIN)
// without ORDER BY, DISTINCT or aggregates, whose rows come out in the
// order the pipeline produces them.
bool Streams(const Plan& plan);

class RowStream {
 public:
  // Precondition: Streams(plan). `plan`, `source`, `options` and `budget`
  // outlive the stream. Nothing runs before the first Next(). The budget's
  // clock runs only while a block is computed (QueryBudget::Pause): the
  // caller pauses it before the first Next().
  RowStream(const Plan& plan, const storage::TripleSource& source, const QueryOptions& options,
            QueryBudget* budget);

  // Swaps the next row's visible values into `*row` and returns true; false
  // when the rows ran out (OFFSET and LIMIT applied) or the query stopped
  // (status()). A block that an error interrupts is dropped.
  bool Next(std::vector<Value>* row);

  // OK, or why the query stopped: the budget, the cancel flag, storage.
  const Status& status() const { return ctx_.status(); }

  // "N hedged facts not shown …" for the facts read so far, or "".
  std::string HiddenHedgedHint() const { return ctx_.HiddenHedgedHint(); }

  // Milliseconds spent computing blocks so far.
  double busy_ms() const { return busy_ms_; }

 private:
  // A block grows to this many rows or bytes of decoded rows, whichever
  // comes first.
  static constexpr size_t kMaxBlock = 1024;
  static constexpr uint64_t kMaxBlockBytes = 64 << 10;

  // Pulls and decodes the next block; false when there is none.
  bool Fill();
  // Pulls up to block_rows_ rows' visible ids into ids_ (OFFSET and LIMIT
  // applied); the number of rows.
  size_t Pull();
  // Turns ids_ (`n` rows) into block_: decoded terms copied, the others
  // read in one batch.
  void Decode(size_t n);
  // Charges the block's bytes to the budget.
  bool Charge(size_t n);
  // The size of the block after one of `n` rows.
  size_t NextBlockRows(size_t n) const;

  const BoundQuery& q_;
  ExecContext ctx_;
  std::unique_ptr<Operator> root_;  // null once exhausted: its holdings are freed
  uint64_t skip_;                   // OFFSET rows still to drop
  std::optional<uint64_t> left_;    // LIMIT rows still to hand out
  size_t block_rows_ = 1;
  uint64_t row_bytes_ = 0;            // decoded bytes per row in the last block
  std::vector<storage::TermId> ids_;  // the block, visible columns row by row
  // The decoded block, row after row (size_ rows of the visible columns):
  // each cell points at its term where the source or the query keeps it
  // decoded (stable while the stream lives), else into owned_, so a value is
  // copied once, into the caller's row.
  std::vector<const Value*> block_;
  std::vector<Value> owned_;  // the block's terms nobody else keeps
  size_t size_ = 0;           // rows in block_
  size_t pos_ = 0;
  std::vector<size_t> missing_;  // positions in ids_ not decoded yet
  std::vector<storage::TermId> batch_;
  MemoryCharge block_charge_;
  double busy_ms_ = 0;
};

}  // namespace kg::query

#endif  // KG_QUERY_EXEC_ROW_STREAM_H_
