// Pull-based operators over binding rows. Each pattern step takes its input
// rows one at a time and scans only what the bound positions select, so a
// LIMIT without ORDER BY stops the whole pipeline early and nothing is
// materialized except where the operator needs it (hash-join build side, path
// frontiers, sort, aggregate, distinct).
#include "query/exec/executor.h"

#include <algorithm>
#include <array>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "query/exec/aggregate.h"
#include "query/exec/compare.h"
#include "query/exec/expression.h"
#include "query/exec/operator.h"
#include "query/exec/path_op.h"
#include "storage/kept_scans.h"

namespace kg::query {

namespace {

using storage::IdTriple;
using storage::kNoSentence;
using storage::Provenance;

struct RowHash {
  size_t operator()(const Row& r) const {
    size_t h = 1469598103934665603ull;
    for (TermId t : r) h = (h ^ t) * 1099511628211ull;
    return h;
  }
};

class EmptyOp : public Operator {
 public:
  bool Next(Row*) override { return false; }
};

class SeedOp : public Operator {
 public:
  explicit SeedOp(Row row) : row_(std::move(row)) {}
  bool Next(Row* row) override {
    if (done_) return false;
    done_ = true;
    *row = row_;
    return true;
  }

 private:
  Row row_;
  bool done_ = false;
};

// Binds the pattern's variables from triple `t` into `row`; false when a
// variable already holds a different term (repeated variables).
bool BindTriple(const BoundPattern& p, const IdTriple& t, Row* row) {
  auto bind = [&](const BoundTerm& term, TermId value) {
    if (!term.is_var()) return true;
    TermId& slot = (*row)[static_cast<size_t>(term.var)];
    if (slot == kNoTerm) {
      slot = value;
      return true;
    }
    return slot == value;
  };
  return bind(p.s, t.s) && bind(p.p, t.p) && bind(p.o, t.o);
}

// The articles (visible assertions) that state `t`, filtered by the
// pattern's `@`; appends one row per article to `out` (or the row once for a
// constant article).
void ArticleRows(const BoundPattern& p, const IdTriple& t, const Row& row, ExecContext* ctx,
                 std::vector<Row>* out) {
  std::vector<Provenance> prov;
  Status s = ctx->source().GetProvenance(t, &prov);
  if (!s.ok()) {
    ctx->Fail(s);
    return;
  }
  TermId want = Resolve(p.article, row);
  std::vector<TermId> articles;
  for (const Provenance& pr : prov) {
    if (!ctx->Visible(pr)) continue;
    if (want != kNoTerm && pr.article != want) continue;
    articles.push_back(pr.article);
  }
  std::sort(articles.begin(), articles.end());
  articles.erase(std::unique(articles.begin(), articles.end()), articles.end());
  if (want != kNoTerm) {
    if (!articles.empty()) out->push_back(row);
    return;
  }
  for (TermId a : articles) {
    Row r = row;
    r[static_cast<size_t>(p.article.var)] = a;
    out->push_back(std::move(r));
  }
}

std::unique_ptr<Operator> MakeHashJoin(std::unique_ptr<Operator> child, const BoundPattern& p,
                                       std::vector<VarId> keys, size_t nvars, ExecContext* ctx);

// A seek costs about as much as reading this many entries of a full scan.
constexpr uint64_t kSeekEntries = 16;

// Index nested-loop join of the input with one pattern. When the input turns
// out much larger than the planner estimated (statistics are averages; a hub
// has far more edges), it switches to a hash join once the seeks done so far
// would have paid for scanning the whole pattern: the rest of the input then
// probes a table built from one scan.
class PatternOp : public Operator {
 public:
  PatternOp(std::unique_ptr<Operator> child, const BoundPattern& p, ExecContext* ctx)
      : child_(std::move(child)), p_(p), ctx_(ctx) {}

  bool Next(Row* out) override {
    if (hash_) return hash_->Next(out);
    while (ctx_->ok()) {
      if (pending_pos_ < pending_.size()) {
        *out = std::move(pending_[pending_pos_++]);
        return true;
      }
      if (span_pos_ < span_.size()) {
        const TermId other = span_[span_pos_++];
        if (!ctx_->Tick()) return false;
        *out = in_;
        TermId& slot = (*out)[static_cast<size_t>(span_var_)];
        if (slot == kNoTerm) slot = other;
        if (slot == other) return true;
        continue;
      }
      if (active_ && cursor_->Valid()) {
        IdTriple t = cursor_->Get();
        cursor_->Next();
        if (scan_collected_) Collect(t);
        if (!ctx_->Tick()) return false;
        if (!ctx_->Visible(t, p_.has_article ? Resolve(p_.article, in_) : kNoTerm)) {
          if (collect_ && collected_->hidden.size() < storage::KeyOthers::kMaxHidden)
            collected_->hidden.push_back(collect_by_object_ ? t.s : t.o);
          continue;
        }
        // Reuses out's buffer: no allocation per matching triple.
        *out = in_;
        if (!BindTriple(p_, t, out)) {
          collect_ = false;
          continue;
        }
        if (collect_) {
          collected_->others.push_back(collect_by_object_ ? t.s : t.o);
          if (collected_->others.size() > storage::KeyOthers::kMaxOthers) {
            collect_ = false;
            collected_.reset();
          }
        }
        if (!p_.has_article) return true;
        pending_.clear();
        pending_pos_ = 0;
        ArticleRows(p_, t, *out, ctx_, &pending_);
        continue;
      }
      if (active_) {
        Status s = cursor_->status();
        if (!s.ok()) {
          ctx_->Fail(s);
          return false;
        }
        active_ = false;
        if (collect_) {
          collect_ = false;
          ctx_->source().KeepKeyOthers(p_.p.id, collect_by_object_, ctx_->options().include_hedged,
                                       collect_key_, std::move(collected_));
        }
        if (scan_collected_) {
          const IdTriple& k = scan_key_;
          ctx_->source().KeepScan(k.s, k.p, k.o, std::move(scan_collected_));
        }
      }
      if (inputs_ >= next_check_ && !used_table_ && TrySwitch()) return hash_->Next(out);
      if (!child_->Next(&in_)) return false;
      ++inputs_;
      if (p_.Impossible()) continue;
      const TermId s = Resolve(p_.s, in_), pr = Resolve(p_.p, in_), o = Resolve(p_.o, in_);
      if (KeptFor(s, o)) continue;  // span_ holds the lookup the source kept
      if (const storage::PairTable* table = TableFor(s, o)) {
        collect_ = false;
        span_ = table->Find(s != kNoTerm ? s : o, &hint_[o != kNoTerm ? 1 : 0]);
        ctx_->NoteHiddenPairs(*table, p_.p.id, o != kNoTerm, s != kNoTerm ? s : o, span_);
        span_pos_ = 0;
        used_table_ = true;
        continue;
      }
      active_ = true;
      if (KeptScanFor(s, pr, o)) continue;  // cursor_ replays the triples the source kept
      // The exhausted cursor is kept and re-seeked: one storage iterator
      // serves every input row.
      cursor_ = ctx_->source().Rescan(std::move(cursor_), s, pr, o);
    }
    return false;
  }

 private:
  bool TrySwitch() {
    next_check_ *= 2;
    if (hash_ || p_.has_article || p_.Impossible() || !child_) return false;
    // Rows of a mandatory pipeline all bind the same variables: the ones the
    // last input row binds are the join keys for the rest.
    std::vector<VarId> keys;
    for (VarId v : p_.Vars()) {
      if (in_[static_cast<size_t>(v)] != kNoTerm && std::find(keys.begin(), keys.end(), v) == keys.end())
        keys.push_back(v);
    }
    if (keys.empty()) return false;
    uint64_t build = ctx_->source().PredicateStats(p_.p.is_var() ? kNoTerm : p_.p.id).triples;
    if (build > inputs_ * kSeekEntries || build * 2 > ctx_->options().max_rows) return false;
    hash_ = MakeHashJoin(std::move(child_), p_, std::move(keys), in_.size(), ctx_);
    return true;
  }

  // The source's in-memory pair table for this input row's bound end, when
  // the pattern is `x -pred-> ?v` / `?v -pred-> x` (constant predicate, one
  // end bound, the other a free variable) and the source has one
  // (TripleSource::HotPairs, asked once per direction).
  const storage::PairTable* TableFor(TermId s, TermId o) {
    if (p_.has_article || p_.p.is_var() || p_.p.id == kNoTerm || (s == kNoTerm) == (o == kNoTerm))
      return nullptr;
    const BoundTerm& free_end = s != kNoTerm ? p_.o : p_.s;
    if (!free_end.is_var() || (p_.s.is_var() && p_.o.is_var() && p_.s.var == p_.o.var)) return nullptr;
    const int dir = o != kNoTerm ? 1 : 0;
    if (!asked_[dir]) {
      asked_[dir] = true;
      tables_[dir] = ctx_->source().HotPairs(p_.p.id, /*by_object=*/dir == 1, ctx_->options().include_hedged);
    }
    span_var_ = free_end.var;
    return tables_[dir].get();
  }

  // `key -p-> ?v` / `?v -p-> key` with `key` a constant of the pattern and
  // `?v` unbound: the lookup the source kept from an earlier query (span_
  // set, true), else false after arranging for this scan's matches to be
  // collected and offered to the source once the scan completes. A repeated
  // lookup then costs neither a scan nor the predicate's whole pair table,
  // which HotPairs would build at its second ask (a hub's 250,000 pairs for
  // its 25,000).
  bool KeptFor(TermId s, TermId o) {
    collect_ = false;
    if (p_.has_article || p_.p.is_var() || p_.p.id == kNoTerm || (s == kNoTerm) == (o == kNoTerm))
      return false;
    const bool by_object = o != kNoTerm;
    const BoundTerm& key_end = by_object ? p_.o : p_.s;
    const BoundTerm& free_end = by_object ? p_.s : p_.o;
    if (key_end.is_var() || !free_end.is_var()) return false;
    const TermId key = by_object ? o : s;
    kept_ = ctx_->source().KeptKeyOthers(p_.p.id, by_object, ctx_->options().include_hedged, key);
    if (!kept_) {
      collect_ = true;
      collect_by_object_ = by_object;
      collect_key_ = key;
      collected_ = std::make_shared<storage::KeyOthers>();
      return false;
    }
    for (TermId h : kept_->hidden)
      ctx_->NoteHiddenHedged(by_object ? IdTriple{h, p_.p.id, key, 0} : IdTriple{key, p_.p.id, h, 0});
    span_ = kept_->others;
    span_pos_ = 0;
    span_var_ = free_end.var;
    used_table_ = true;
    return true;
  }

  // A scan whose ends are all constants of the query, none bound by the
  // input row (a first pattern such as `company_0 -?p-> ?o`, which neither
  // KeptFor nor a pair table serves): when the source kept its triples from
  // an earlier query, cursor_ replays them (true); else false, after
  // arranging for this scan's triples to be collected for the source when it
  // wants them (TripleSource::KeptScan). Join inputs never get here: they
  // bind an end of the pattern.
  bool KeptScanFor(TermId s, TermId pr, TermId o) {
    scan_collected_.reset();
    if (p_.has_article || collect_ || (s == kNoTerm && pr == kNoTerm && o == kNoTerm)) return false;
    for (const BoundTerm* end : {&p_.s, &p_.p, &p_.o}) {
      if (end->is_var() && Resolve(*end, in_) != kNoTerm) return false;
    }
    bool collect = false;
    std::shared_ptr<const std::vector<IdTriple>> kept = ctx_->source().KeptScan(s, pr, o, &collect);
    if (kept) {
      cursor_ = std::make_unique<storage::KeptScanCursor>(std::move(kept));
      return true;
    }
    if (collect) {
      scan_collected_ = std::make_shared<std::vector<IdTriple>>();
      scan_key_ = IdTriple{s, pr, o, 0};
    }
    return false;
  }
  void Collect(const IdTriple& t) {
    if (scan_collected_->size() < storage::KeptScans::kMaxTriples) {
      scan_collected_->push_back(t);
      return;
    }
    ctx_->source().KeepScan(scan_key_.s, scan_key_.p, scan_key_.o, nullptr);  // too large to keep
    scan_collected_.reset();
  }

  std::shared_ptr<std::vector<IdTriple>> scan_collected_;  // this scan's triples, for KeepScan
  IdTriple scan_key_;
  std::shared_ptr<const storage::KeyOthers> kept_;  // the source's, for span_
  bool collect_ = false;                            // this scan's matches go to collected_
  bool collect_by_object_ = false;
  TermId collect_key_ = kNoTerm;
  std::shared_ptr<storage::KeyOthers> collected_;
  bool asked_[2] = {false, false};
  std::shared_ptr<const storage::PairTable> tables_[2];  // keyed by subject / by object
  std::span<const TermId> span_;                         // the current input row's matches from a table
  size_t span_pos_ = 0;
  size_t hint_[2] = {0, 0};  // PairTable::Find positions per direction
  VarId span_var_ = kNoVar;
  bool used_table_ = false;
  uint64_t inputs_ = 0;
  uint64_t next_check_ = 1024;
  std::unique_ptr<Operator> hash_;
  std::unique_ptr<Operator> child_;
  const BoundPattern& p_;
  ExecContext* ctx_;
  Row in_;
  std::unique_ptr<storage::TripleCursor> cursor_;
  bool active_ = false;  // cursor_ scans for in_
  std::vector<Row> pending_;
  size_t pending_pos_ = 0;
};

// Hash join: the pattern is scanned once (constants only) into a flat table
// of (join key, other variables) records sorted by key, then each input row
// finds its matches by binary search. A flat sorted table costs one
// allocation instead of one per build row, and probing it is cheaper than a
// storage seek.
class HashJoinOp : public Operator {
 public:
  HashJoinOp(std::unique_ptr<Operator> child, const BoundPattern& p, std::vector<VarId> keys, size_t nvars,
             ExecContext* ctx)
      : child_(std::move(child)),
        p_(p),
        keys_(std::move(keys)),
        charge_(ctx->budget()),
        nvars_(nvars),
        ctx_(ctx) {
    for (VarId v : p_.Vars()) {
      if (std::find(keys_.begin(), keys_.end(), v) == keys_.end() &&
          std::find(values_.begin(), values_.end(), v) == values_.end()) {
        values_.push_back(v);
      }
    }
    // `?a -pred-> ?b` joined on one end: the source's pair table of the
    // predicate is the build side (shared between queries by a caching
    // store), so nothing is scanned or hashed here.
    use_pairs_ = !p_.has_article && !p_.is_path && !p_.p.is_var() && !p_.Impossible() && p_.p.id != kNoTerm &&
                 p_.s.is_var() && p_.o.is_var() && p_.s.var != p_.o.var && keys_.size() == 1 &&
                 (keys_[0] == p_.s.var || keys_[0] == p_.o.var);
  }

  bool Next(Row* out) override {
    if (!built_) Build();
    if (pairs_) return NextPair(out);
    while (ctx_->ok()) {
      if (pos_ < end_) {
        const TermId* rec = table_[pos_++].data();
        *out = in_;
        bool ok = true;
        for (size_t i = 0; i < values_.size(); ++i) {
          TermId& slot = (*out)[static_cast<size_t>(values_[i])];
          if (slot == kNoTerm) {
            slot = rec[keys_.size() + i];
          } else {
            ok = ok && slot == rec[keys_.size() + i];
          }
        }
        if (ok) return true;
        continue;
      }
      if (!child_->Next(&in_)) return false;
      if (!ctx_->Tick()) return false;
      Probe();
    }
    return false;
  }

  // The number of matches for input row `in` (count-only plans).
  uint64_t CountFor(const Row& in) {
    if (!built_) Build();
    if (pairs_) {
      std::span<const TermId> others = pairs_->Find(in[static_cast<size_t>(keys_[0])]);
      const TermId bound = in[static_cast<size_t>(values_[0])];
      if (bound == kNoTerm) return others.size();
      return static_cast<uint64_t>(std::count(others.begin(), others.end(), bound));
    }
    in_ = in;
    Probe();
    uint64_t n = 0;
    for (size_t r = pos_; r < end_; ++r) {
      const TermId* rec = table_[r].data();
      bool ok = true;
      for (size_t i = 0; i < values_.size(); ++i) {
        TermId bound = in[static_cast<size_t>(values_[i])];
        ok = ok && (bound == kNoTerm || bound == rec[keys_.size() + i]);
      }
      n += ok;
    }
    pos_ = end_ = 0;
    return n;
  }

 private:
  static size_t HashKey(const TermId* key, size_t n) {
    uint64_t h = 0x9E3779B97F4A7C15ull;
    for (size_t i = 0; i < n; ++i) {
      h = (h ^ key[i]) * 0xBF58476D1CE4E5B9ull;
      h ^= h >> 31;
    }
    return static_cast<size_t>(h);
  }

  // The group of `key`, or groups_.size() when absent.
  size_t FindGroup(const TermId* key) const {
    const size_t nkeys = keys_.size();
    for (size_t i = HashKey(key, nkeys) & mask_;; i = (i + 1) & mask_) {
      uint32_t g = slots_[i];
      if (g == 0) return groups_.size();
      if (std::equal(key, key + nkeys, groups_[g - 1].key.begin())) return g - 1;
    }
  }

  void Probe() {
    key_.clear();
    for (VarId v : keys_) key_.push_back(in_[static_cast<size_t>(v)]);
    size_t g = FindGroup(key_.data());
    if (g == groups_.size()) {
      pos_ = end_ = 0;
      return;
    }
    pos_ = groups_[g].begin;
    end_ = groups_[g].end;
  }

  bool NextPair(Row* out) {
    const size_t key = static_cast<size_t>(keys_[0]), other = static_cast<size_t>(values_[0]);
    while (ctx_->ok()) {
      if (span_pos_ < span_.size()) {
        const TermId o = span_[span_pos_++];
        *out = in_;
        TermId& slot = (*out)[other];
        if (slot == kNoTerm) slot = o;
        if (slot == o) return true;
        continue;
      }
      if (!child_->Next(&in_)) return false;
      if (!ctx_->Tick()) return false;
      span_ = pairs_->Find(in_[key], &hint_);
      ctx_->NoteHiddenPairs(*pairs_, p_.p.id, keys_[0] == p_.o.var, in_[key], span_);
      span_pos_ = 0;
    }
    return false;
  }

  // One scan of the pattern, then the records are grouped by join key with a
  // hash table and a counting pass (linear; records of one key keep their
  // index order), so a probe is one hash lookup.
  void Build() {
    built_ = true;
    if (use_pairs_) {
      auto table =
          ctx_->source().Pairs(p_.p.id, /*by_object=*/keys_[0] == p_.o.var, ctx_->options().include_hedged);
      if (!table.ok()) {
        ctx_->Fail(table.status());
        return;
      }
      pairs_ = std::move(table).value();
      // The table may be shared with other queries, but this one keeps it
      // alive (and may have been the one to build it).
      const uint64_t triples = ctx_->source().PredicateStats(p_.p.id).triples;
      ctx_->Hold(&charge_, triples * 2 * sizeof(TermId));
      return;
    }
    PatternOp scan(std::make_unique<SeedOp>(Row(nvars_, kNoTerm)), p_, ctx_);
    // Per build row: the record twice (raw, then the grouped table), its
    // group index, and up to one group with two hash slots.
    constexpr uint64_t kBuildRowBytes = 2 * sizeof(Record) + sizeof(uint32_t) + sizeof(Group) + 8;
    std::vector<Record> raw;
    std::vector<uint32_t> group_of;
    slots_.assign(1024, 0);
    mask_ = slots_.size() - 1;
    Row r;
    while (scan.Next(&r)) {
      if (raw.size() >= ctx_->options().max_rows) {
        ctx_->Fail(Status::InvalidArgument("the query needs more than max_rows rows in memory"));
        return;
      }
      if ((raw.size() & 1023) == 0 && !ctx_->Hold(&charge_, (raw.size() + 1024) * kBuildRowBytes)) return;
      Record rec{};
      size_t i = 0;
      for (VarId v : keys_) rec[i++] = r[static_cast<size_t>(v)];
      for (VarId v : values_) rec[i++] = r[static_cast<size_t>(v)];
      size_t g = FindGroup(rec.data());
      if (g == groups_.size()) {
        groups_.push_back(Group{rec, 0, 0});
        if (groups_.size() * 2 > slots_.size()) Rehash();
        Place(g);
      }
      ++groups_[g].end;  // the count, until the offsets below
      group_of.push_back(static_cast<uint32_t>(g));
      raw.push_back(rec);
    }
    size_t offset = 0;
    for (Group& grp : groups_) {
      size_t n = grp.end;
      grp.begin = grp.end = offset;
      offset += n;
    }
    table_.resize(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) table_[groups_[group_of[i]].end++] = raw[i];
  }

  void Place(size_t g) {
    size_t i = HashKey(groups_[g].key.data(), keys_.size()) & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = static_cast<uint32_t>(g + 1);
  }
  void Rehash() {
    slots_.assign(slots_.size() * 2, 0);
    mask_ = slots_.size() - 1;
    for (size_t g = 0; g + 1 < groups_.size(); ++g) Place(g);
  }

  std::unique_ptr<Operator> child_;
  const BoundPattern& p_;
  std::vector<VarId> keys_;
  std::vector<VarId> values_;  // the pattern's other variables
  MemoryCharge charge_;        // the build side
  size_t nvars_;
  ExecContext* ctx_;
  bool built_ = false;
  bool use_pairs_ = false;
  std::shared_ptr<const storage::PairTable> pairs_;
  std::span<const TermId> span_;  // pair mode: the others of in_'s key
  size_t span_pos_ = 0;
  size_t hint_ = 0;  // PairTable::Find position
  // A pattern binds at most four variables (s, p, o, article), so a record
  // of join keys followed by the other variables fits in four ids.
  using Record = std::array<TermId, 4>;
  struct Group {
    Record key;  // the join key in its first keys_.size() ids
    size_t begin, end;
  };
  std::vector<Record> table_;  // grouped by join key, index order within a key
  std::vector<Group> groups_;
  std::vector<uint32_t> slots_;  // open addressing: group index + 1, 0 = empty
  size_t mask_ = 0;
  size_t pos_ = 0, end_ = 0;
  Row in_;
  Row key_;
};

std::unique_ptr<Operator> MakeHashJoin(std::unique_ptr<Operator> child, const BoundPattern& p,
                                       std::vector<VarId> keys, size_t nvars, ExecContext* ctx) {
  return std::make_unique<HashJoinOp>(std::move(child), p, std::move(keys), nvars, ctx);
}

// A filter reads the terms of its variables (the amount it compares, the
// name it matches). It takes its input a block of rows at a time and has
// the terms the store has not decoded yet read in one pass in id order
// (TripleSource::PrefetchTerms) before it evaluates the block: one
// dictionary point lookup per row was a fifth of a cold literal filter.
class FilterOp : public Operator {
 public:
  FilterOp(std::unique_ptr<Operator> child, const BoundExpr& e, ExecContext* ctx)
      : child_(std::move(child)), e_(e), ctx_(ctx) {
    e_.CollectVars(&vars_);
    std::sort(vars_.begin(), vars_.end());
    vars_.erase(std::unique(vars_.begin(), vars_.end()), vars_.end());
  }
  bool Next(Row* row) override {
    while (true) {
      while (pos_ < size_) {
        Row& r = rows_[pos_++];
        if (EvalCondition(e_, r, ctx_)) {
          row->swap(r);
          return true;
        }
        if (!ctx_->Tick()) return false;
      }
      if (!Refill()) return false;
    }
  }

 private:
  // The first blocks are small: a LIMIT or a cursor that stops early reads
  // little ahead.
  static constexpr size_t kFirstBlock = 64;
  static constexpr size_t kMaxBlock = 1024;

  bool Refill() {
    pos_ = size_ = 0;
    if (exhausted_) return false;
    // Rows are added as the input has them: a filter in an OPTIONAL's
    // sub-pipeline (one per input row) mostly sees a row or two.
    while (size_ < block_) {
      if (rows_.size() == size_) rows_.emplace_back();
      if (!child_->Next(&rows_[size_])) break;
      ++size_;
    }
    exhausted_ = size_ < block_;
    block_ = std::min(block_ * 2, kMaxBlock);
    // Warm, every term is decoded already: after a block without a miss the
    // next three are not looked through (a block that then misses reads its
    // terms one by one, as an unbuffered filter would).
    if (skip_ > 0) {
      --skip_;
    } else {
      ids_.clear();
      for (size_t r = 0; r < size_; ++r) {
        for (VarId v : vars_) {
          const TermId id = rows_[r][static_cast<size_t>(v)];
          if (id != kNoTerm && ctx_->Peek(id) == nullptr) ids_.push_back(id);
        }
      }
      if (ids_.empty()) {
        skip_ = 3;
      } else {
        ctx_->Prefetch(&ids_);
      }
    }
    return size_ > 0;
  }

  std::unique_ptr<Operator> child_;
  const BoundExpr& e_;
  ExecContext* ctx_;
  std::vector<VarId> vars_;  // the condition's variables
  std::vector<Row> rows_;    // the block; rows_[pos_, size_) are left
  size_t pos_ = 0, size_ = 0;
  size_t block_ = kFirstBlock;
  bool exhausted_ = false;
  int skip_ = 0;  // blocks left not to look through
  std::vector<TermId> ids_;
};

std::unique_ptr<Operator> BuildPipeline(std::unique_ptr<Operator> input, const std::vector<PlanStep>& steps,
                                        size_t nvars, ExecContext* ctx);

// Left join: each input row seeds the optional sub-pipeline; when that yields
// nothing, the input row passes through with the optional variables unbound.
class OptionalOp : public Operator {
 public:
  OptionalOp(std::unique_ptr<Operator> child, const std::vector<PlanStep>& steps, size_t nvars,
             ExecContext* ctx)
      : child_(std::move(child)), steps_(steps), nvars_(nvars), ctx_(ctx) {}

  bool Next(Row* out) override {
    while (ctx_->ok()) {
      if (sub_) {
        if (sub_->Next(out)) {
          produced_ = true;
          return true;
        }
        sub_.reset();
        if (!produced_ && ctx_->ok()) {
          *out = in_;
          return true;
        }
      }
      if (!child_->Next(&in_)) return false;
      produced_ = false;
      sub_ = BuildPipeline(std::make_unique<SeedOp>(in_), steps_, nvars_, ctx_);
    }
    return false;
  }

 private:
  std::unique_ptr<Operator> child_;
  const std::vector<PlanStep>& steps_;
  size_t nvars_;
  ExecContext* ctx_;
  Row in_;
  std::unique_ptr<Operator> sub_;
  bool produced_ = false;
};

std::unique_ptr<Operator> BuildPipeline(std::unique_ptr<Operator> input, const std::vector<PlanStep>& steps,
                                        size_t nvars, ExecContext* ctx) {
  std::unique_ptr<Operator> op = std::move(input);
  for (const PlanStep& s : steps) {
    switch (s.kind) {
      case PlanStep::Kind::kScan:
        op = std::make_unique<PatternOp>(std::move(op), *s.pattern, ctx);
        break;
      case PlanStep::Kind::kHashJoin:
        op = std::make_unique<HashJoinOp>(std::move(op), *s.pattern, s.join_vars, nvars, ctx);
        break;
      case PlanStep::Kind::kPath:
        op = std::make_unique<PathOp>(std::move(op), *s.pattern, ctx);
        break;
      case PlanStep::Kind::kFilter:
        op = std::make_unique<FilterOp>(std::move(op), *s.filter, ctx);
        break;
      case PlanStep::Kind::kOptional:
        op = std::make_unique<OptionalOp>(std::move(op), s.optional_steps, nvars, ctx);
        break;
    }
  }
  return op;
}

// ---- the value-level tail ----

Status TooManyRows(uint64_t max_rows) {
  return Status::InvalidArgument("the query produced more than " + std::to_string(max_rows) +
                                 " rows; add LIMIT or narrow the patterns");
}

bool LessBy(const std::vector<BoundOrder>& order, const std::vector<Value>& a, const std::vector<Value>& b) {
  for (const BoundOrder& o : order) {
    int c = Value::Compare(a[o.column], b[o.column]);
    if (c != 0) return o.descending ? c > 0 : c < 0;
  }
  return false;
}

// Approximate heap bytes, for the memory budget: a node of a hash set or
// map (the node, its hash, the bucket pointer); a result row of `width`
// Values; the text of a decoded term beyond what a Value holds inline.
constexpr uint64_t kNodeBytes = 48;
constexpr uint64_t kTextBytes = 8;
// The heap block of a Value's text: none while it fits the string's inline
// buffer (15 characters in libstdc++), else the text, its terminator and the
// allocator's header.
uint64_t TextHeapBytes(const Value& v) { return v.text().size() > 15 ? v.text().size() + 1 + 16 : 0; }
uint64_t ResultRowBytes(size_t width) { return sizeof(std::vector<Value>) + 16 + width * sizeof(Value); }

class Runner {
 public:
  Runner(const Plan& plan, const storage::TripleSource& source, const QueryOptions& options,
         QueryBudget* budget)
      : plan_(plan), q_(*plan.query), ctx_(source, options, budget), result_charge_(budget) {}

  Result<QueryResult> Run() {
    QueryResult result;
    if (q_.explain) {
      result.plan = plan_.Explain();
      result.columns = {"plan"};
      size_t start = 0;
      while (start < result.plan.size()) {
        size_t end = result.plan.find('\n', start);
        result.rows.push_back({Value::String(result.plan.substr(start, end - start))});
        start = end + 1;
      }
      result.hints = q_.hints;
      return result;
    }
    // A cancel set before the query started stops it even when it is too
    // small to reach a periodic check.
    if (!ctx_.Check()) return ctx_.status();
    switch (q_.kind) {
      case ParsedStatement::Kind::kCompare:
        RunCompare(q_, &ctx_, &result);
        break;
      case ParsedStatement::Kind::kWhy:
        Why(&result);
        break;
      case ParsedStatement::Kind::kMatch:
        Match(&result);
        break;
    }
    if (!ctx_.ok()) return ctx_.status();
    result.hints.insert(result.hints.begin(), q_.hints.begin(), q_.hints.end());
    if (std::string h = ctx_.HiddenHedgedHint(); !h.empty()) result.hints.push_back(std::move(h));
    return result;
  }

 private:
  std::unique_ptr<Operator> Pipeline() {
    Row seed(q_.var_names.size(), kNoTerm);
    for (auto& [v, id] : q_.seeds) seed[static_cast<size_t>(v)] = id;
    return BuildPipeline(std::make_unique<SeedOp>(std::move(seed)), plan_.steps, q_.var_names.size(), &ctx_);
  }

  // Count-only plans: runs every step but the last, and for each row adds
  // the number of matches of the last pattern without producing them.
  uint64_t CountLast() {
    const PlanStep& last = plan_.steps.back();
    std::vector<PlanStep> head(plan_.steps.begin(), plan_.steps.end() - 1);
    Row seed(q_.var_names.size(), kNoTerm);
    for (auto& [v, id] : q_.seeds) seed[static_cast<size_t>(v)] = id;
    std::unique_ptr<Operator> root =
        BuildPipeline(std::make_unique<SeedOp>(std::move(seed)), head, q_.var_names.size(), &ctx_);
    std::unique_ptr<HashJoinOp> hash;
    if (last.kind == PlanStep::Kind::kHashJoin) {
      hash = std::make_unique<HashJoinOp>(std::make_unique<EmptyOp>(), *last.pattern, last.join_vars,
                                          q_.var_names.size(), &ctx_);
    }
    std::unique_ptr<PathOp> path;
    if (last.kind == PlanStep::Kind::kPath) {
      path = std::make_unique<PathOp>(std::make_unique<EmptyOp>(), *last.pattern, &ctx_);
    }
    const BoundPattern& p = *last.pattern;
    uint64_t total = 0;
    Row in, scratch;
    std::unique_ptr<storage::TripleCursor> cursor;
    while (root->Next(&in)) {
      if (head.empty() && !hash && !path) {
        uint64_t n = 0;
        if (CountFromKeyCounts(p, in, &n)) {
          total += n;
          continue;
        }
        if (!ctx_.ok()) return 0;
      }
      if (hash) {
        total += hash->CountFor(in);
        if (!ctx_.Tick()) break;
        continue;
      }
      if (path) {
        total += path->CountFor(in);
        if (!ctx_.Tick()) break;
        continue;
      }
      if (p.Impossible()) continue;
      cursor = ctx_.source().Rescan(std::move(cursor), Resolve(p.s, in), Resolve(p.p, in), Resolve(p.o, in));
      for (; cursor->Valid(); cursor->Next()) {
        if (!ctx_.Tick()) return total;
        const IdTriple& t = cursor->Get();
        if (!ctx_.Visible(t)) continue;
        scratch = in;
        total += BindTriple(p, t, &scratch);
      }
      if (!cursor->status().ok()) ctx_.Fail(cursor->status());
    }
    return total;
  }

  using KeyCounts = std::vector<std::pair<TermId, uint64_t>>;

  // COUNT(*) of a whole pattern with a constant predicate and at most one
  // constant end, from the per-key counts instead of its triples: one lookup
  // (TripleSource::CountKey) for `?s -p-> key`, the sum of the predicate's
  // per-key counts (CountPredicate) for `?s -p-> ?o` — a predicate of
  // 250,000 triples was 27 ms of scanning. False to count by
  // scanning when hedged triples are left out: the scan notes each for the
  // hint.
  bool CountFromKeyCounts(const BoundPattern& p, const Row& in, uint64_t* total) {
    if (p.is_path || p.has_article || p.Impossible()) return false;
    const TermId pid = Resolve(p.p, in), s = Resolve(p.s, in), o = Resolve(p.o, in);
    if (pid == kNoTerm || (s != kNoTerm && o != kNoTerm)) return false;
    if (s == kNoTerm && o == kNoTerm && p.s.var == p.o.var) return false;  // ?x -p-> ?x
    const bool hedged_too = ctx_.options().include_hedged;
    if (s != kNoTerm || o != kNoTerm) {
      const bool by_object = o != kNoTerm;
      const TermId key = by_object ? o : s;
      Result<uint64_t> all = ctx_.source().CountKey(pid, by_object, key, /*include_hedged=*/true);
      Result<uint64_t> shown = hedged_too ? all : ctx_.source().CountKey(pid, by_object, key, false);
      if (!all.ok() || !shown.ok()) {
        ctx_.Fail(all.ok() ? shown.status() : all.status());
        return false;
      }
      *total = *shown;
      return *shown == *all;
    }
    uint64_t all = 0, hedged = 0;
    if (Status status = ctx_.source().CountPredicate(pid, &all, &hedged); !status.ok()) {
      ctx_.Fail(std::move(status));
      return false;
    }
    *total = hedged_too ? all : all - hedged;
    return hedged_too || hedged == 0;
  }

  bool LoadCounts(const BoundPattern& p, bool by_object, KeyCounts* out) {
    Status s = ctx_.source().CountByKey(p.p.id, by_object, ctx_.options().include_hedged, out);
    if (!s.ok()) ctx_.Fail(s);
    return s.ok();
  }

  // COUNT(*) of a two-pattern join on one variable: each row of the join is
  // one left triple and one right triple with the same key, so the count is
  // the sum over keys of the product of the per-key counts.
  // The shortcuts do little per-row work, so check the flag up front too.
  bool CancelRequested() { return !ctx_.Check(); }

  uint64_t CountJoin() {
    if (CancelRequested()) return 0;
    // When one side has far fewer distinct keys (countries against every
    // located thing), read only its counts and look each key up on the
    // other side (TripleSource::CountKey: one lookup in a store that keeps
    // per-key counts) instead of reading both lists.
    constexpr uint64_t kLookupEntries = 8;  // a lookup costs about this many list entries
    auto distinct = [&](int side) {
      storage::TermStats st = ctx_.source().PredicateStats(q_.patterns[side].p.id);
      return plan_.key_is_object[side] ? st.distinct_objects : st.distinct_subjects;
    };
    const uint64_t dl = distinct(0), dr = distinct(1);
    if (std::min(dl, dr) * kLookupEntries < std::max(dl, dr)) {
      const int small = dl <= dr ? 0 : 1, big = 1 - small;
      KeyCounts counts;
      if (!LoadCounts(q_.patterns[small], plan_.key_is_object[small], &counts)) return 0;
      uint64_t total = 0;
      for (const auto& [key, n] : counts) {
        if (!ctx_.Tick()) return 0;
        Result<uint64_t> m = ctx_.source().CountKey(q_.patterns[big].p.id, plan_.key_is_object[big], key,
                                                    ctx_.options().include_hedged);
        if (!m.ok()) {
          ctx_.Fail(m.status());
          return 0;
        }
        total += n * *m;
      }
      return total;
    }
    KeyCounts left, right;
    if (!LoadCounts(q_.patterns[0], plan_.key_is_object[0], &left) ||
        !LoadCounts(q_.patterns[1], plan_.key_is_object[1], &right)) {
      return 0;
    }
    uint64_t total = 0;
    size_t i = 0, j = 0;
    while (i < left.size() && j < right.size()) {
      if (!ctx_.Tick()) return 0;
      if (left[i].first < right[j].first) {
        ++i;
      } else if (right[j].first < left[i].first) {
        ++j;
      } else {
        total += left[i++].second * right[j++].second;
      }
    }
    return total;
  }

  // GROUP BY one end of a single pattern with only COUNT(*) columns: one
  // group per key, in key order (as the scan of the general path yields them
  // when grouping by object).
  void GroupCount(std::vector<std::vector<Value>>* out) {
    KeyCounts counts;
    if (CancelRequested() || !LoadCounts(q_.patterns[0], plan_.key_is_object[0], &counts)) return;
    if (!CheckRows(counts.size())) return;
    if (!ctx_.Hold(&result_charge_, counts.size() * (ResultRowBytes(q_.columns.size()) + kTextBytes))) return;
    out->reserve(counts.size());
    for (const auto& [key, n] : counts) {
      std::vector<Value> row(q_.columns.size());
      for (size_t c = 0; c < q_.columns.size(); ++c) {
        row[c] = q_.columns[c].aggregate >= 0 ? Value::Integer(static_cast<int64_t>(n)) : ctx_.TermValue(key);
      }
      out->push_back(std::move(row));
      if (!ctx_.Tick()) return;
    }
    if (q_.order.empty()) std::sort(out->begin(), out->end());
  }

  // Plan::Shortcut::kGroupCountJoin. The grouping pattern's triples are
  // read per key of the counted pattern when it has few keys (countries
  // against every located thing), else by one scan of its predicate.
  void GroupCountJoin(std::vector<std::vector<Value>>* out) {
    const int gp = plan_.group_pattern, cp = 1 - gp;
    KeyCounts counted;
    if (CancelRequested() || !LoadCounts(q_.patterns[cp], plan_.key_is_object[cp], &counted)) return;
    const BoundPattern& g = q_.patterns[gp];
    const bool key_is_object = plan_.key_is_object[gp];
    std::unordered_map<TermId, uint64_t> sums;
    auto add = [&](std::unique_ptr<storage::TripleCursor> cursor, auto count_of) {
      for (; cursor->Valid(); cursor->Next()) {
        if (!ctx_.Tick()) return false;
        const IdTriple& t = cursor->Get();
        if (!ctx_.Visible(t)) continue;
        const uint64_t n = count_of(key_is_object ? t.o : t.s);
        if (n > 0) sums[key_is_object ? t.s : t.o] += n;
      }
      if (!cursor->status().ok()) ctx_.Fail(cursor->status());
      return ctx_.ok();
    };
    constexpr uint64_t kSeekEntries = 16;  // a seek costs about this many scanned triples
    if (counted.size() * kSeekEntries < ctx_.source().PredicateStats(g.p.id).triples) {
      for (const auto& [key, n] : counted) {
        auto cursor = key_is_object ? ctx_.source().Scan(kNoTerm, g.p.id, key)
                                    : ctx_.source().Scan(key, g.p.id, kNoTerm);
        if (!add(std::move(cursor), [n = n](TermId) { return n; })) return;
      }
    } else {
      auto count_of = [&](TermId key) -> uint64_t {
        auto it = std::lower_bound(counted.begin(), counted.end(), std::make_pair(key, uint64_t{0}));
        return it != counted.end() && it->first == key ? it->second : 0;
      };
      if (!add(ctx_.source().Scan(kNoTerm, g.p.id, kNoTerm), count_of)) return;
    }
    if (!CheckRows(sums.size())) return;
    if (!ctx_.Hold(&result_charge_, sums.size() * (ResultRowBytes(q_.columns.size()) + kTextBytes))) return;
    out->reserve(sums.size());
    for (const auto& [group, n] : sums) {
      std::vector<Value> row(q_.columns.size());
      for (size_t c = 0; c < q_.columns.size(); ++c) {
        row[c] =
            q_.columns[c].aggregate >= 0 ? Value::Integer(static_cast<int64_t>(n)) : ctx_.TermValue(group);
      }
      out->push_back(std::move(row));
      if (!ctx_.Tick()) return;
    }
    // By value, always: the sums come in hash order, and ORDER BY's stable
    // sort keeps ties in the order it is given.
    std::sort(out->begin(), out->end());
  }

  bool CheckRows(size_t n) {
    if (n > ctx_.options().max_rows) {
      ctx_.Fail(TooManyRows(ctx_.options().max_rows));
      return false;
    }
    return true;
  }

  void Match(QueryResult* result) {
    for (size_t i = 0; i < q_.visible_columns; ++i) result->columns.push_back(q_.columns[i].name);
    if (plan_.shortcut == Plan::Shortcut::kCountJoin) {
      uint64_t n = CountJoin();
      if (!ctx_.ok()) return;
      result->rows.push_back(std::vector<Value>(q_.visible_columns, Value::Integer(static_cast<int64_t>(n))));
      return;
    }
    // An unknown name empties the input, but COUNT(*) over nothing is still 0.
    if (plan_.count_last && !plan_.empty) {
      uint64_t n = CountLast();
      if (!ctx_.ok()) return;
      result->rows.push_back(std::vector<Value>(q_.visible_columns, Value::Integer(static_cast<int64_t>(n))));
      return;
    }
    std::unique_ptr<Operator> root = plan_.empty ? std::make_unique<EmptyOp>() : Pipeline();
    std::vector<std::vector<Value>> rows;
    if (q_.has_aggregates) {
      if (plan_.shortcut == Plan::Shortcut::kGroupCount) {
        GroupCount(&rows);
      } else if (plan_.shortcut == Plan::Shortcut::kGroupCountJoin) {
        GroupCountJoin(&rows);
      } else {
        Aggregate(root.get(), &rows);
      }
      if (!ctx_.ok()) return;
      if (q_.distinct) {
        // The set copies the visible columns of every group once more.
        MemoryCharge seen_charge(ctx_.budget());
        if (!ctx_.Hold(&seen_charge, rows.size() * (ResultRowBytes(q_.visible_columns) + kNodeBytes))) return;
        std::set<std::vector<Value>> seen;
        std::vector<std::vector<Value>> kept;
        for (auto& r : rows) {
          std::vector<Value> key(r.begin(), r.begin() + static_cast<ptrdiff_t>(q_.visible_columns));
          if (seen.insert(key).second) kept.push_back(std::move(r));
        }
        rows = std::move(kept);
      }
      SortAndPage(&rows);
    } else {
      Project(root.get(), &rows);
      if (!ctx_.ok()) return;
    }
    for (auto& r : rows) r.resize(q_.visible_columns);
    result->rows = std::move(rows);
  }

  // Projection without aggregates: ids stay ids until the rows that survive
  // DISTINCT, ORDER BY and LIMIT are known; only those are decoded.
  void Project(Operator* root, std::vector<std::vector<Value>>* out) {
    size_t ncol = q_.columns.size();
    std::unordered_set<Row, RowHash> seen;
    std::vector<Row> rows;
    // What DISTINCT's set and the rows kept for ORDER BY hold, and what the
    // decoded result holds.
    MemoryCharge kept_charge(ctx_.budget());
    const uint64_t seen_bytes = RowBytes(q_.visible_columns) + kNodeBytes;
    // A kept row's own heap block; the vector's slots are counted by its
    // capacity (doubling leaves up to half of them spare).
    const uint64_t kept_bytes = RowBytes(ncol) - sizeof(Row);
    uint64_t skip = q_.order.empty() ? q_.offset : 0;
    bool early = q_.order.empty() && q_.limit.has_value();
    Row in, proj(ncol);
    if (q_.order.empty() && !q_.distinct) {
      // Nothing reorders or drops rows after this point: decode as they
      // come, a block of rows at a time so the source can decode the block's
      // new terms in one pass (PrefetchTerms).
      constexpr size_t kBlock = 1024;
      const size_t width = q_.visible_columns;
      std::vector<TermId> block, ids;
      uint64_t kept = 0, result_bytes = 0;
      std::vector<size_t> missing;  // positions in `block` not decoded yet
      auto flush = [&] {
        // Decoded terms are copied straight out; the rest are read in one
        // batch, then filled in.
        const size_t first_row = out->size();
        const size_t nrows = block.size() / std::max<size_t>(1, width);
        // A row's own heap (its Values and their text); the result vector's
        // slots are counted by capacity, twice while it grows (the old and
        // the new block exist together for a moment).
        constexpr uint64_t kSlot = sizeof(std::vector<Value>);
        result_bytes += nrows * (ResultRowBytes(width) - kSlot);
        if (out->size() + nrows > out->capacity()) {
          const size_t grown = std::max(out->capacity() * 2, out->size() + nrows);
          if (!ctx_.Hold(&result_charge_, result_bytes + (grown + out->capacity()) * kSlot)) return;
          out->reserve(grown);
        }
        if (!ctx_.Hold(&result_charge_, result_bytes + out->capacity() * kSlot)) return;
        missing.clear();
        for (size_t r = 0; r < block.size(); r += width) {
          std::vector<Value> vals;
          vals.reserve(width);
          for (size_t c = 0; c < width; ++c) {
            const TermId id = block[r + c];
            if (const Value* v = id == kNoTerm ? nullptr : ctx_.Peek(id)) {
              vals.push_back(*v);
            } else {
              vals.emplace_back();
              if (id != kNoTerm) missing.push_back(r + c);
            }
          }
          out->push_back(std::move(vals));
        }
        if (!missing.empty()) {
          ids.clear();
          for (size_t m : missing) ids.push_back(block[m]);
          ctx_.Prefetch(&ids);
          for (size_t m : missing) (*out)[first_row + m / width][m % width] = ctx_.TermValue(block[m]);
        }
        for (size_t r = first_row; r < out->size(); ++r) {
          for (const Value& v : (*out)[r]) result_bytes += TextHeapBytes(v);
        }
        ctx_.Hold(&result_charge_, result_bytes + out->capacity() * kSlot);
        block.clear();
      };
      while ((!early || kept < *q_.limit) && root->Next(&in)) {
        if (skip > 0) {
          --skip;
          continue;
        }
        for (size_t c = 0; c < width; ++c) block.push_back(in[static_cast<size_t>(q_.columns[c].var)]);
        if (!CheckRows(++kept)) return;
        if (block.size() >= kBlock * std::max<size_t>(1, width)) flush();
      }
      if (!block.empty() && ctx_.ok()) flush();
      if (!ctx_.ok()) out->clear();
      return;
    }
    uint64_t held = 0;
    const size_t top_k = !q_.order.empty() && q_.limit && *q_.limit + q_.offset < (uint64_t{1} << 40)
                             ? static_cast<size_t>(*q_.limit + q_.offset)
                             : 0;
    std::vector<Value> worst;  // sort keys of the last of the best top_k rows, once known
    while ((!early || rows.size() < *q_.limit) && root->Next(&in)) {
      for (size_t c = 0; c < ncol; ++c) proj[c] = in[static_cast<size_t>(q_.columns[c].var)];
      if (q_.distinct) {
        Row key(proj.begin(), proj.begin() + static_cast<ptrdiff_t>(q_.visible_columns));
        if (!seen.insert(std::move(key)).second) continue;
        held += seen_bytes;
      }
      if (skip > 0) {
        --skip;
        if ((seen.size() & 1023) == 0 && !ctx_.Hold(&kept_charge, held)) return;
        continue;
      }
      // Once limit + offset rows are known, a row that does not sort
      // before the last of them cannot be in the result (a tie loses: it
      // came later).
      if (!worst.empty() && !SortsBefore(proj, worst)) {
        if (!ctx_.Tick()) return;
        continue;
      }
      if (rows.size() == rows.capacity()) {
        // Growing copies the slots: the old and the new block exist
        // together for a moment, and that moment is the peak.
        const size_t grown = std::max<size_t>(1024, rows.capacity() * 2);
        if (!ctx_.Hold(&kept_charge, held + grown * sizeof(Row))) return;
        held += (grown - rows.capacity()) * sizeof(Row);
        rows.reserve(grown);
      }
      rows.push_back(proj);
      held += kept_bytes;
      if (top_k > 0 && rows.size() >= 2 * top_k + 1024) {
        // ORDER BY with LIMIT: only the best limit + offset rows so far can
        // be in the result; keep those (in arrival order, which breaks
        // ties) and drop the rest, so memory follows the LIMIT.
        std::vector<size_t> best = FirstInOrder(rows, top_k, &kept_charge, held);
        if (!ctx_.ok()) return;
        worst.assign(ncol, Value());
        for (const BoundOrder& o : q_.order) worst[o.column] = ctx_.Term(rows[best.back()][o.column]);
        std::sort(best.begin(), best.end());
        std::vector<Row> kept;
        kept.reserve(2 * top_k + 1024);
        for (size_t i : best) kept.push_back(std::move(rows[i]));
        rows = std::move(kept);
        held = seen.size() * seen_bytes + rows.size() * kept_bytes + rows.capacity() * sizeof(Row);
      }
      if (!CheckRows(rows.size())) return;
      if ((rows.size() & 1023) == 0 && !ctx_.Hold(&kept_charge, held)) return;
    }
    if (!ctx_.Hold(&kept_charge, held)) return;
    if (!ctx_.ok()) return;
    if (!q_.order.empty()) {
      size_t end = rows.size();
      if (q_.limit) end = static_cast<size_t>(std::min<uint64_t>(rows.size(), *q_.limit + q_.offset));
      std::vector<size_t> order = FirstInOrder(rows, end, &kept_charge, held);
      if (!ctx_.ok()) return;
      std::vector<Row> sorted;
      for (size_t i = std::min<size_t>(q_.offset, end); i < end; ++i)
        sorted.push_back(std::move(rows[order[i]]));
      rows = std::move(sorted);
    }
    std::vector<TermId> ids;
    for (const Row& r : rows)
      ids.insert(ids.end(), r.begin(), r.begin() + static_cast<ptrdiff_t>(q_.visible_columns));
    ctx_.Prefetch(&ids);
    uint64_t result_bytes = rows.size() * ResultRowBytes(q_.visible_columns);
    if (!ctx_.Hold(&result_charge_, result_bytes)) return;
    out->reserve(rows.size());
    for (const Row& r : rows) {
      std::vector<Value> vals;
      vals.reserve(q_.visible_columns);
      for (size_t c = 0; c < q_.visible_columns; ++c) {
        vals.push_back(ctx_.TermValue(r[c]));
        result_bytes += TextHeapBytes(vals.back());
      }
      out->push_back(std::move(vals));
      if ((out->size() & 1023) == 0 && !ctx_.Hold(&result_charge_, result_bytes)) return;
    }
    ctx_.Hold(&result_charge_, result_bytes);
  }

  // Whether projected row `row` sorts strictly before the sort keys `keys`
  // (a Value per column, the ORDER BY ones filled).
  bool SortsBefore(const Row& row, const std::vector<Value>& keys) {
    for (const BoundOrder& o : q_.order) {
      const int c = Value::Compare(ctx_.Term(row[o.column]), keys[o.column]);
      if (c != 0) return o.descending ? c > 0 : c < 0;
    }
    return false;
  }

  // The positions of the `end` first of `rows` in ORDER BY order (ties in
  // arrival order), best first. Decodes only the sort keys; `charge`, which
  // holds `held` bytes, also carries the keys while they exist.
  std::vector<size_t> FirstInOrder(const std::vector<Row>& rows, size_t end, MemoryCharge* charge,
                                   uint64_t held) {
    const size_t ncol = q_.columns.size();
    std::vector<TermId> ids;
    for (const Row& r : rows) {
      for (const BoundOrder& o : q_.order) ids.push_back(r[o.column]);
    }
    ctx_.Prefetch(&ids);
    // A Value per column (only the keys filled) per row.
    if (!ctx_.Hold(charge, held + rows.size() * (ResultRowBytes(ncol) + sizeof(size_t)))) return {};
    std::vector<std::pair<std::vector<Value>, size_t>> keyed(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      keyed[i].first.resize(ncol);
      for (const BoundOrder& o : q_.order) keyed[i].first[o.column] = ctx_.Term(rows[i][o.column]);
      keyed[i].second = i;
    }
    auto less = [&](const auto& a, const auto& b) {
      if (LessBy(q_.order, a.first, b.first)) return true;
      if (LessBy(q_.order, b.first, a.first)) return false;
      return a.second < b.second;
    };
    end = std::min(end, keyed.size());
    std::partial_sort(keyed.begin(), keyed.begin() + static_cast<ptrdiff_t>(end), keyed.end(), less);
    std::vector<size_t> out(end);
    for (size_t i = 0; i < end; ++i) out[i] = keyed[i].second;
    ctx_.Hold(charge, held);
    return out;
  }

  void Aggregate(Operator* root, std::vector<std::vector<Value>>* out) {
    std::vector<size_t> group_cols;
    for (size_t c = 0; c < q_.columns.size(); ++c) {
      if (q_.columns[c].aggregate < 0) group_cols.push_back(c);
    }
    std::unordered_map<Row, size_t, RowHash> index;
    std::vector<Row> keys;
    std::vector<std::vector<AggState>> states;
    // A group holds its key twice (index, keys) and its states; a DISTINCT
    // aggregate a set node per distinct value.
    MemoryCharge charge(ctx_.budget());
    const uint64_t group_bytes = 2 * RowBytes(group_cols.size()) + kNodeBytes +
                                 sizeof(std::vector<AggState>) + q_.aggregates.size() * sizeof(AggState);
    uint64_t held = 0;
    Row in, key;
    while (root->Next(&in)) {
      key.clear();
      for (size_t c : group_cols) key.push_back(in[static_cast<size_t>(q_.columns[c].var)]);
      auto it = index.find(key);
      size_t g;
      if (it == index.end()) {
        g = keys.size();
        index.emplace(key, g);
        keys.push_back(key);
        states.emplace_back(q_.aggregates.size());
        if (!CheckRows(keys.size())) return;
        held += group_bytes;
      } else {
        g = it->second;
      }
      for (size_t a = 0; a < q_.aggregates.size(); ++a) {
        const size_t before = states[g][a].seen.size();
        Accumulate(q_.aggregates[a], in, &states[g][a], &ctx_);
        held += (states[g][a].seen.size() - before) * kNodeBytes;
      }
      if (held != charge.bytes() && !ctx_.Hold(&charge, held)) return;
      if (!ctx_.Tick()) return;
    }
    if (!ctx_.Hold(&result_charge_, keys.size() * (ResultRowBytes(q_.columns.size()) + kTextBytes))) return;
    if (!ctx_.ok()) return;
    if (keys.empty() && group_cols.empty()) {
      keys.emplace_back();
      states.emplace_back(q_.aggregates.size());
    }
    for (size_t g = 0; g < keys.size(); ++g) {
      std::vector<Value> row(q_.columns.size());
      size_t k = 0;
      for (size_t c = 0; c < q_.columns.size(); ++c) {
        int a = q_.columns[c].aggregate;
        row[c] = a >= 0
                     ? Finish(q_.aggregates[static_cast<size_t>(a)], states[g][static_cast<size_t>(a)], &ctx_)
                     : ctx_.Term(keys[g][k++]);
      }
      out->push_back(std::move(row));
    }
    // Without ORDER BY, groups come out in a stable order: by their values.
    if (q_.order.empty()) std::sort(out->begin(), out->end());
  }

  void SortAndPage(std::vector<std::vector<Value>>* rows) {
    if (!q_.order.empty()) {
      std::stable_sort(rows->begin(), rows->end(),
                       [&](const auto& a, const auto& b) { return LessBy(q_.order, a, b); });
    }
    size_t begin = static_cast<size_t>(std::min<uint64_t>(rows->size(), q_.offset));
    size_t end = rows->size();
    if (q_.limit) end = static_cast<size_t>(std::min<uint64_t>(end, begin + *q_.limit));
    std::vector<std::vector<Value>> page(
        std::make_move_iterator(rows->begin() + static_cast<ptrdiff_t>(begin)),
        std::make_move_iterator(rows->begin() + static_cast<ptrdiff_t>(end)));
    *rows = std::move(page);
  }

  void Why(QueryResult* result) {
    result->columns = {"article", "sentence", "text"};
    if (plan_.empty) return;
    std::unique_ptr<Operator> root = Pipeline();
    std::set<std::tuple<std::string, uint32_t, TermId>> found;
    std::vector<Provenance> prov;
    Row in;
    while (root->Next(&in)) {
      for (const BoundPattern& p : q_.patterns) {
        IdTriple t{Resolve(p.s, in), Resolve(p.p, in), Resolve(p.o, in), 0};
        Status s = ctx_.source().GetProvenance(t, &prov);
        if (!s.ok()) {
          ctx_.Fail(s);
          return;
        }
        TermId want = p.has_article ? Resolve(p.article, in) : kNoTerm;
        for (const Provenance& pr : prov) {
          if (!ctx_.Visible(pr) || (want != kNoTerm && pr.article != want)) continue;
          found.emplace(ctx_.Term(pr.article).text(), pr.sentence, pr.article);
        }
      }
      if (!CheckRows(found.size())) return;
      // A set node with the article's name, and the sentence text fetched
      // for it at the end.
      if (!ctx_.Hold(&result_charge_,
                     found.size() * (kNodeBytes + sizeof(std::string) + 2 * kTextBytes + 128)))
        return;
    }
    for (const auto& [name, sentence, article] : found) {
      if (sentence == kNoSentence) {
        result->rows.push_back({Value::Article(name), Value(), Value::String(NoSentenceText(article))});
        continue;
      }
      Result<std::string> text = ctx_.source().GetSentence(article, sentence);
      result->rows.push_back({Value::Article(name), Value::Integer(sentence),
                              text.ok() ? Value::String(std::move(text).value()) : Value()});
    }
  }

  // What WHY says for an assertion without a sentence: an article of no
  // sentences is an RDF import; one with sentences gave the fact as an
  // entity's type.
  std::string NoSentenceText(TermId article) {
    Result<ArticleInfo> info = ctx_.source().ArticleInfoOf(article);
    if (info.ok() && info->sentences > 0) return "(no sentence: the type the article gives this entity)";
    return "(no sentence: imported)";
  }

  const Plan& plan_;
  const BoundQuery& q_;
  ExecContext ctx_;
  MemoryCharge result_charge_;  // the rows of the result being built
};

}  // namespace

Result<QueryResult> ExecutePlan(const Plan& plan, const storage::TripleSource& source,
                                const QueryOptions& options, QueryBudget* budget) {
  Runner runner(plan, source, options, budget);
  return runner.Run();
}

std::unique_ptr<Operator> MakePipeline(const Plan& plan, ExecContext* ctx) {
  if (plan.empty) return std::make_unique<EmptyOp>();
  const BoundQuery& q = *plan.query;
  Row seed(q.var_names.size(), kNoTerm);
  for (auto& [v, id] : q.seeds) seed[static_cast<size_t>(v)] = id;
  return BuildPipeline(std::make_unique<SeedOp>(std::move(seed)), plan.steps, q.var_names.size(), ctx);
}

}  // namespace kg::query
