// State shared by the operators of one running query: the source, options,
// the first error (cancellation, storage failure), and a cache of decoded
// terms so each id is decoded at most once per query.
#ifndef KG_QUERY_EXEC_EXEC_CONTEXT_H_
#define KG_QUERY_EXEC_EXEC_CONTEXT_H_

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "kg/options.h"
#include "kg/status.h"
#include "kg/value.h"
#include "storage/triple_source.h"

namespace kg::query {

using Row = std::vector<storage::TermId>;  // one term id per variable slot; 0 = unbound

class ExecContext {
 public:
  ExecContext(const storage::TripleSource& source, const QueryOptions& options)
      : source_(source), options_(options) {}

  const storage::TripleSource& source() const { return source_; }
  const QueryOptions& options() const { return options_; }
  const Status& status() const { return status_; }
  bool ok() const { return status_.ok(); }
  void Fail(Status s) {
    if (status_.ok()) status_ = std::move(s);
  }

  // Called once per unit of work; checks the cancel flag every 1024 calls.
  // Returns false once the query must stop.
  bool Tick() {
    if ((++ticks_ & 1023) == 0 && options_.cancel != nullptr && options_.cancel->load()) {
      Fail(Status::Cancelled("query cancelled"));
    }
    return status_.ok();
  }

  // Whether a stored triple is visible (hedged triples only on request).
  bool Visible(const storage::IdTriple& t) const {
    return options_.include_hedged || (t.flags & storage::kTripleHedged) == 0;
  }
  bool Visible(const storage::Provenance& p) const { return options_.include_hedged || !p.hedged; }

  // The Value of a term (null for 0); storage errors stop the query.
  const Value& Term(storage::TermId id) {
    if (id == storage::kNoTerm) return null_;
    auto it = cache_.find(id);
    if (it != cache_.end()) return it->second;
    Result<Value> v = source_.GetTerm(id);
    if (!v.ok()) {
      Fail(v.status());
      return null_;
    }
    return cache_.emplace(id, std::move(v).value()).first->second;
  }

 private:
  const storage::TripleSource& source_;
  const QueryOptions& options_;
  Status status_;
  uint64_t ticks_ = 0;
  std::unordered_map<storage::TermId, Value> cache_;
  Value null_;
};

}  // namespace kg::query

#endif  // KG_QUERY_EXEC_EXEC_CONTEXT_H_
