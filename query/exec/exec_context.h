// State shared by the operators of one running query: the source, options,
// the budget (memory, time), the first error (cancellation, a budget
// crossed, storage failure), and a cache of decoded terms so each id is
// decoded at most once per query.
#ifndef KG_QUERY_EXEC_EXEC_CONTEXT_H_
#define KG_QUERY_EXEC_EXEC_CONTEXT_H_

#include <algorithm>
#include <cstdint>
#include <deque>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "kg/options.h"
#include "kg/status.h"
#include "kg/value.h"
#include "query/budget.h"
#include "storage/triple_source.h"

namespace kg::query {

using Row = std::vector<storage::TermId>;  // one term id per variable slot; 0 = unbound

class ExecContext {
 public:
  // `budget` outlives the context.
  ExecContext(const storage::TripleSource& source, const QueryOptions& options, QueryBudget* budget)
      : source_(source),
        options_(options),
        budget_(budget),
        terms_charge_(budget),
        with_hedged_charge_(budget) {}

  const storage::TripleSource& source() const { return source_; }
  const QueryOptions& options() const { return options_; }
  QueryBudget* budget() const { return budget_; }
  const Status& status() const { return status_; }
  bool ok() const { return status_.ok(); }
  void Fail(Status s) {
    if (status_.ok()) status_ = std::move(s);
  }

  // The Value of a term by value, bypassing the per-query cache: for output
  // columns, which are decoded once each (the source may cache decoding).
  Value TermValue(storage::TermId id) {
    if (id == storage::kNoTerm) return Value();
    if (const Value* stable = source_.StableTerm(id)) return *stable;
    if (const Value* cached = Cached(id)) return *cached;
    Result<Value> v = source_.GetTerm(id);
    if (!v.ok()) {
      Fail(v.status());
      return Value();
    }
    return std::move(v).value();
  }

  // Decodes these ids ahead of TermValue/Term calls (one sequential pass in
  // a store); `ids` is consumed.
  void Prefetch(std::vector<storage::TermId>* ids) { source_.PrefetchTerms(ids); }
  // The decoded term if the source or this query already has it, else null
  // (nothing is read).
  const Value* Peek(storage::TermId id) const {
    if (const Value* v = source_.CachedTerm(id)) return v;
    return Cached(id);
  }

  // Called once per unit of work; checks the cancel flag and the deadline
  // every 1024 calls. Returns false once the query must stop.
  bool Tick() {
    if ((++ticks_ & 1023) == 0) Check();
    return status_.ok();
  }
  // Checks the cancel flag and the deadline now; false once the query must
  // stop.
  bool Check() {
    if (status_.ok()) {
      Status s = budget_->Check();
      if (!s.ok()) Fail(std::move(s));
    }
    return status_.ok();
  }

  // Moves `charge` (an operator's holding) to `bytes`; fails the query with
  // the memory-limit error and returns false once the budget is crossed.
  bool Hold(MemoryCharge* charge, uint64_t bytes) {
    if (!charge->Set(bytes)) Fail(budget_->MemoryError());
    return status_.ok();
  }

  // Whether a stored triple is visible (hedged triples only on request). A
  // hidden one is noted for HiddenHedgedHint — when `article` is given, only
  // if that article asserts it (a pattern restricted to one article would
  // not show another article's hedged fact anyway).
  bool Visible(const storage::IdTriple& t, storage::TermId article = storage::kNoTerm) {
    if (options_.include_hedged || (t.flags & storage::kTripleHedged) == 0) return true;
    if (article == storage::kNoTerm || Asserts(article, t)) NoteHiddenHedged(t);
    return false;
  }
  // Whether `article` asserts `t` (storage errors stop the query).
  bool Asserts(storage::TermId article, const storage::IdTriple& t) {
    std::vector<storage::Provenance> prov;
    Status s = source_.GetProvenance(t, &prov);
    if (!s.ok()) {
      Fail(std::move(s));
      return false;
    }
    for (const storage::Provenance& p : prov) {
      if (p.article == article) return true;
    }
    return false;
  }
  // After a lookup of `key` in `shown`, a pair table of predicate `p` built
  // without hedged triples (TripleSource::HotPairs/Pairs), whose answer was
  // `others`: notes the hedged triples of `key` the table left out. They
  // are found in the predicate's table with hedged triples, fetched once per
  // query (Pairs) and charged to the budget; when it has no more pairs than
  // `shown`, the predicate has no hedged triple and nothing more is done.
  void NoteHiddenPairs(const storage::PairTable& shown, storage::TermId p, bool by_object,
                       storage::TermId key, std::span<const storage::TermId> others) {
    // A table that left nothing out needs no second, hedged-inclusive one:
    // building that was a scan and sort of the whole predicate per query.
    if (options_.include_hedged || !shown.hedged_left_out()) return;
    const storage::PairTable* all = PairsWithHedged(shown, p, by_object);
    if (all == nullptr) return;
    const std::span<const storage::TermId> every = all->Find(key);
    if (every.size() <= others.size()) return;
    std::vector<storage::TermId> seen(others.begin(), others.end());
    std::sort(seen.begin(), seen.end());
    for (storage::TermId other : every) {
      if (std::binary_search(seen.begin(), seen.end(), other)) continue;
      NoteHiddenHedged(by_object ? storage::IdTriple{other, p, key, 0} : storage::IdTriple{key, p, other, 0});
    }
  }
  // Notes a triple the query touched but left out for being hedged.
  // Distinct triples are counted up to kMaxHiddenHedged (a set of at most
  // that many ids: too small to charge to the budget).
  void NoteHiddenHedged(const storage::IdTriple& t) {
    if (hidden_hedged_.size() < kMaxHiddenHedged) hidden_hedged_.insert({t.s, t.p, t.o});
  }
  // "N hedged facts not shown; add --hedged" when the query left out hedged
  // triples it touched (a scan matched them), else "". Only what the query
  // read is counted: triples that joins never reached, and those left out
  // inside the source's pair tables, are not.
  std::string HiddenHedgedHint() const {
    const size_t n = hidden_hedged_.size();
    if (n == 0) return "";
    std::string count = n >= kMaxHiddenHedged ? "at least " + std::to_string(n) : std::to_string(n);
    return count + (n == 1 ? " hedged fact" : " hedged facts") + " not shown; add --hedged to include " +
           (n == 1 ? "it" : "them");
  }
  bool Visible(const storage::Provenance& p) const { return options_.include_hedged || !p.hedged; }

  // The Value of a term (null for 0); storage errors stop the query.
  const Value& Term(storage::TermId id) {
    if (id == storage::kNoTerm) return null_;
    if (const Value* stable = source_.StableTerm(id)) return *stable;
    if (const Value* v = Cached(id)) return *v;
    Result<Value> v = source_.GetTerm(id);
    if (!v.ok()) {
      Fail(v.status());
      return null_;
    }
    return Insert(id, std::move(v).value());
  }

  // The edges of one predicate in one direction, loaded whole by path
  // evaluation once single-node scans would cost more than one full scan
  // (TripleSource::Pairs: keyed by the node walked from).
  struct Adjacency {
    explicit Adjacency(QueryBudget* budget) : charge(budget) {}
    bool have_triples = false;
    uint64_t triples = 0;                             // the predicate's size (TripleSource::PredicateStats)
    uint64_t lookups = 0;                             // single-node scans done so far
    std::shared_ptr<const storage::PairTable> table;  // null until loaded
    MemoryCharge charge;                              // the table's bytes, once loaded
  };
  // One article's visible assertions, for paths under `@`: pair tables per
  // (predicate, direction) — key predicate * 2 + forward — and the nodes the
  // article mentions (sorted).
  struct ArticleEdges {
    std::unordered_map<uint64_t, std::shared_ptr<const storage::PairTable>> tables;
    std::vector<storage::TermId> nodes;
  };
  // While set, path steps walk only these edges (PathOp sets it around the
  // evaluation of a path with `@`).
  const ArticleEdges* restriction = nullptr;

  Adjacency& adjacency(storage::TermId predicate, bool forward) {
    return adjacency_.try_emplace(predicate * 2 + (forward ? 1 : 0), budget_).first->second;
  }

 private:
  // The decoded-term cache: open addressing from id to an index into
  // values_ (a deque, so references returned by Term stay valid). Filters
  // decode a term per row; a node-based map costs a miss per probe more.
  static size_t Mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return static_cast<size_t>(z ^ (z >> 31));
  }
  const Value* Cached(storage::TermId id) const {
    if (slots_.empty()) return nullptr;
    for (size_t i = Mix(id) & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].first == storage::kNoTerm) return nullptr;
      if (slots_[i].first == id) return &values_[slots_[i].second];
    }
  }
  const Value& Insert(storage::TermId id, Value v) {
    if ((values_.size() + 1) * 2 > slots_.size()) {
      std::vector<std::pair<storage::TermId, uint32_t>> old;
      old.swap(slots_);
      slots_.assign(old.empty() ? 256 : old.size() * 2, {storage::kNoTerm, 0});
      for (const auto& e : old) {
        if (e.first != storage::kNoTerm) Place(e.first, e.second);
      }
    }
    // The cache grows with the distinct terms a query touches: charged as
    // the Value, its text and two slots.
    if (!terms_charge_.Add(sizeof(Value) + v.text().size() + 2 * sizeof(slots_[0])))
      Fail(budget_->MemoryError());
    values_.push_back(std::move(v));
    Place(id, static_cast<uint32_t>(values_.size() - 1));
    return values_.back();
  }
  void Place(storage::TermId id, uint32_t index) {
    size_t i = Mix(id) & (slots_.size() - 1);
    while (slots_[i].first != storage::kNoTerm) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = {id, index};
  }

  // The table of `p` with hedged triples, or null when it holds no more
  // pairs than `shown` (no hedged triple) or could not be read.
  const storage::PairTable* PairsWithHedged(const storage::PairTable& shown, storage::TermId p,
                                            bool by_object) {
    auto [it, fresh] = with_hedged_.try_emplace(p * 2 + (by_object ? 1 : 0));
    if (!fresh) return it->second.get();
    auto table = source_.Pairs(p, by_object, /*include_hedged=*/true);
    if (!table.ok()) {
      Fail(table.status());
      return nullptr;
    }
    if (table.value()->pairs() <= shown.pairs()) return nullptr;
    if (!Hold(&with_hedged_charge_,
              with_hedged_charge_.bytes() + table.value()->pairs() * 2 * sizeof(storage::TermId)))
      return nullptr;
    it->second = std::move(table).value();
    return it->second.get();
  }

  static constexpr size_t kMaxHiddenHedged = 1000;
  std::unordered_map<uint64_t, std::shared_ptr<const storage::PairTable>> with_hedged_;  // p * 2 + by_object
  std::set<std::tuple<storage::TermId, storage::TermId, storage::TermId>> hidden_hedged_;
  std::vector<std::pair<storage::TermId, uint32_t>> slots_;
  std::deque<Value> values_;
  std::unordered_map<storage::TermId, Adjacency> adjacency_;
  const storage::TripleSource& source_;
  const QueryOptions& options_;
  QueryBudget* budget_;
  MemoryCharge terms_charge_;
  MemoryCharge with_hedged_charge_;  // the tables of with_hedged_
  Status status_;
  uint64_t ticks_ = 0;
  Value null_;
};

}  // namespace kg::query

#endif  // KG_QUERY_EXEC_EXEC_CONTEXT_H_
