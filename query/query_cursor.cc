#include "query/query_cursor.h"

#include <chrono>
#include <new>

#include "query/budget.h"
#include "query/engine.h"
#include "query/exec/executor.h"
#include "query/exec/row_stream.h"

namespace kg::query {

namespace {

class Cursor final : public QueryCursor {
 public:
  Cursor(const storage::TripleSource& source, const QueryOptions& options)
      : source_(source), options_(options), budget_(options_) {}

  // Prepares `text`, then sets up its stream or answers it whole.
  Status Open(std::string_view text);

  const std::vector<std::string>& columns() const override { return answer_.columns; }
  const std::vector<std::string>& hints() const override { return answer_.hints; }
  const std::string& plan() const override { return answer_.plan; }
  bool streaming() const override { return streaming_; }
  bool Next(std::vector<Value>* row) override { return streaming_ ? NextStreamed(row) : NextAnswered(row); }
  const Status& status() const override { return status_; }
  uint64_t rows() const override { return rows_; }
  QueryTiming timing() const override;

 private:
  Status Answer();
  bool NextStreamed(std::vector<Value>* row);
  bool NextAnswered(std::vector<Value>* row);

  const storage::TripleSource& source_;
  const QueryOptions options_;  // the operators keep a reference
  QueryBudget budget_;
  PreparedQuery prepared_;
  bool streaming_ = false;
  std::unique_ptr<RowStream> stream_;  // streaming: null once the rows ended
  double streamed_ms_ = 0;             // busy time of the stream, once ended
  QueryResult answer_;                 // columns, hints, plan; all rows when not streaming
  uint64_t rows_ = 0;
  Status status_;
};

Status Cursor::Open(std::string_view text) {
  KG_ASSIGN_OR_RETURN(prepared_, Prepare(text, source_, options_, &budget_));
  if (!Streams(prepared_.plan)) return Answer();
  // A cancel set before the query started stops it, as in Execute.
  KG_RETURN_IF_ERROR(budget_.Check());
  const BoundQuery& q = *prepared_.bound;
  for (size_t i = 0; i < q.visible_columns; ++i) answer_.columns.push_back(q.columns[i].name);
  answer_.hints = q.hints;
  stream_ = std::make_unique<RowStream>(prepared_.plan, source_, options_, &budget_);
  streaming_ = true;
  // The time budget runs again only while Next() computes rows.
  budget_.Pause();
  return Status::OK();
}

Status Cursor::Answer() {
  const auto start = std::chrono::steady_clock::now();
  KG_ASSIGN_OR_RETURN(answer_, ExecutePlan(prepared_.plan, source_, options_, &budget_));
  prepared_.timing.exec_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  answer_.timing = prepared_.timing;
  return Status::OK();
}

bool Cursor::NextStreamed(std::vector<Value>* row) {
  if (!stream_) return false;
  try {
    if (stream_->Next(row)) {
      ++rows_;
      return true;
    }
    status_ = stream_->status();
  } catch (const std::bad_alloc&) {
    status_ = OutOfMemoryError();
  }
  // Ended: the hedged facts left out are known now; the operators, the
  // block and the decoded terms go.
  if (std::string h = stream_->HiddenHedgedHint(); !h.empty() && status_.ok())
    answer_.hints.push_back(std::move(h));
  streamed_ms_ = stream_->busy_ms();
  stream_.reset();
  return false;
}

bool Cursor::NextAnswered(std::vector<Value>* row) {
  if (rows_ >= answer_.rows.size()) {
    answer_.rows = {};  // handed out: free them
    return false;
  }
  row->swap(answer_.rows[rows_++]);
  return true;
}

QueryTiming Cursor::timing() const {
  QueryTiming t = prepared_.timing;
  if (streaming_) t.exec_ms = stream_ ? stream_->busy_ms() : streamed_ms_;
  return t;
}

}  // namespace

Result<std::unique_ptr<QueryCursor>> OpenCursor(std::string_view text, const storage::TripleSource& source,
                                                const QueryOptions& options) {
  try {
    auto cursor = std::make_unique<Cursor>(source, options);
    KG_RETURN_IF_ERROR(cursor->Open(text));
    return std::unique_ptr<QueryCursor>(std::move(cursor));
  } catch (const std::bad_alloc&) {
    return OutOfMemoryError();
  }
}

}  // namespace kg::query
