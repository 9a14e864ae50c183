// TripleSource: the read interface the query engine uses to reach stored
// triples. storage::Store (RocksDB) implements it; storage::MemorySource is an
// in-memory implementation for tests and the differential evaluator.
//
// Thread-safety: implementations are safe for concurrent readers.
#ifndef KG_STORAGE_TRIPLE_SOURCE_H_
#define KG_STORAGE_TRIPLE_SOURCE_H_

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kg/article.h"
#include "kg/result.h"
#include "kg/status.h"
#include "kg/value.h"
#include "storage/key_others.h"
#include "storage/pair_table.h"

namespace kg::storage {

// A dictionary id. 0 is "no term" (an unbound position or an unknown name).
// (Also declared by storage/pair_table.h.)
using TermId = uint64_t;
inline constexpr TermId kNoTerm = 0;

// Flags stored with each triple in the indexes.
inline constexpr uint8_t kTripleHedged = 1;  // every assertion of it is hedged

struct IdTriple {
  TermId s = kNoTerm;
  TermId p = kNoTerm;
  TermId o = kNoTerm;
  uint8_t flags = 0;
};

// Sentence index of assertions that have no evidence sentence (entity types,
// RDF imports).
inline constexpr uint32_t kNoSentence = 0xffffffffu;

// One article's assertion of a triple.
struct Provenance {
  TermId article = kNoTerm;
  uint32_t sentence = 0;  // kNoSentence for entity types and imported facts
  uint32_t span_begin = 0;
  uint32_t span_end = 0;
  float confidence = 1.0f;
  bool hedged = false;
};

struct TermStats {
  uint64_t triples = 0;
  uint64_t distinct_subjects = 0;
  uint64_t distinct_objects = 0;
};

// A forward cursor over the triples matching one pattern, in the order of the
// index chosen for that pattern (SPO, POS or OSP).
class TripleCursor {
 public:
  virtual ~TripleCursor() = default;
  virtual bool Valid() const = 0;
  virtual const IdTriple& Get() const = 0;
  virtual void Next() = 0;
  virtual Status status() const = 0;
};

class TripleSource {
 public:
  virtual ~TripleSource() = default;

  // Name lookups; kNoTerm when unknown. Entities are matched
  // case-insensitively through the alias table; predicates by name or synonym.
  virtual TermId FindEntity(std::string_view name) const = 0;
  virtual TermId FindPredicate(std::string_view name) const = 0;
  virtual TermId FindLiteral(const Value& literal) const = 0;
  virtual TermId FindArticle(std::string_view name) const = 0;

  // The Value of a term id (entity → Value::Entity(canonical name), …).
  virtual Result<Value> GetTerm(TermId id) const = 0;
  // The decoded term of `id` when the source keeps decoded terms for its
  // whole life (the pointer stays valid until the source is destroyed), else
  // null — callers then use GetTerm, which also reports errors. Saves a copy
  // per value for operators that only compare or copy out.
  virtual const Value* StableTerm(TermId /*id*/) const { return nullptr; }
  // StableTerm when the term is already decoded, else null without reading
  // anything (callers batch the misses through PrefetchTerms).
  virtual const Value* CachedTerm(TermId /*id*/) const { return nullptr; }
  // A hint that GetTerm / StableTerm will soon be asked for these ids: a
  // store may decode them in one pass (ids in ascending order read the
  // dictionary sequentially instead of one point lookup each). `ids` may be
  // reordered. Errors are not reported here; GetTerm reports them.
  virtual void PrefetchTerms(std::vector<TermId>* /*ids*/) const {}
  // The IRI a term was imported with (RDF import), or empty.
  virtual std::string GetIri(TermId id) const = 0;

  // Triples matching the pattern; kNoTerm positions are wildcards. Each of the
  // 8 bound/unbound shapes is one prefix scan of one index.
  virtual std::unique_ptr<TripleCursor> Scan(TermId s, TermId p, TermId o) const = 0;

  // Scan(s, p, o), possibly reusing `cursor` (returned by an earlier Scan or
  // Rescan of this source; may be null) instead of setting up a new one:
  // joins that seek once per input row call this.
  virtual std::unique_ptr<TripleCursor> Rescan(std::unique_ptr<TripleCursor> cursor, TermId s, TermId p,
                                               TermId o) const {
    cursor.reset();
    return Scan(s, p, o);
  }

  // Every assertion of the triple, one per (article, sentence).
  virtual Status GetProvenance(const IdTriple& t, std::vector<Provenance>* out) const = 0;

  // The text of sentence `index` of `article`; NotFound if absent.
  virtual Result<std::string> GetSentence(TermId article, uint32_t index) const = 0;

  // All triples asserted by `article` (for COMPARE and export --article).
  virtual Status ArticleTriples(TermId article, std::vector<IdTriple>* out) const = 0;

  // All article ids, in name order.
  virtual std::vector<TermId> AllArticles() const = 0;

  // What is recorded about `article` beside its facts: title, publication
  // date, the file it came from (ArticleInfo; fields empty when unknown).
  // COMPARE shows them as metadata. NotFound when there is no such article;
  // storage errors as is. Default: an empty ArticleInfo.
  virtual Result<ArticleInfo> ArticleInfoOf(TermId /*article*/) const { return ArticleInfo{}; }

  // Planner statistics: per predicate, and for the whole store (p == kNoTerm).
  virtual TermStats PredicateStats(TermId p) const = 0;

  // The triples of predicate `p` (a constant) grouped by subject
  // (by_object == false) or by object: one (key, number of triples) pair per
  // distinct key, keys ascending. Hedged triples count only when
  // `include_hedged`. The query engine answers COUNT(*) joins and group-by
  // counts from these without producing rows. The default does one scan;
  // implementations may cache the result while the data does not change.
  virtual Status CountByKey(TermId p, bool by_object, bool include_hedged,
                            std::vector<std::pair<TermId, uint64_t>>* out) const {
    out->clear();
    std::vector<TermId> keys;
    auto cursor = Scan(kNoTerm, p, kNoTerm);
    for (; cursor->Valid(); cursor->Next()) {
      const IdTriple& t = cursor->Get();
      if (!include_hedged && (t.flags & kTripleHedged) != 0) continue;
      keys.push_back(by_object ? t.o : t.s);
    }
    Status st = cursor->status();
    if (!st.ok()) return st;
    std::sort(keys.begin(), keys.end());
    for (TermId k : keys) {
      if (out->empty() || out->back().first != k) out->emplace_back(k, 0);
      ++out->back().second;
    }
    return Status::OK();
  }

  // The number of triples of predicate `p` (a constant) whose subject
  // (by_object == false) or object is `key`: the exact size of the pattern
  // `key -p-> ?o` / `?s -p-> key`. Hedged triples count only when
  // `include_hedged`. The planner sizes patterns with it and COUNT(*) joins
  // look up one side's keys in the other. The default counts with one prefix
  // scan; a store that keeps per-key counts answers with one lookup.
  virtual Result<uint64_t> CountKey(TermId p, bool by_object, TermId key, bool include_hedged) const {
    uint64_t n = 0;
    auto cursor = by_object ? Scan(kNoTerm, p, key) : Scan(key, p, kNoTerm);
    for (; cursor->Valid(); cursor->Next()) {
      if (include_hedged || (cursor->Get().flags & kTripleHedged) == 0) ++n;
    }
    Status st = cursor->status();
    if (!st.ok()) return st;
    return n;
  }

  // The number of triples of predicate `p` (a constant) and how many of them
  // are hedged: the exact size of `?s -p-> ?o`. COUNT(*) of such a pattern
  // uses it. The default scans the predicate; a store that keeps per-key
  // counts sums those of the side with fewer keys.
  virtual Status CountPredicate(TermId p, uint64_t* triples, uint64_t* hedged) const {
    *triples = *hedged = 0;
    auto cursor = Scan(kNoTerm, p, kNoTerm);
    for (; cursor->Valid(); cursor->Next()) {
      ++*triples;
      if ((cursor->Get().flags & kTripleHedged) != 0) ++*hedged;
    }
    return cursor->status();
  }

  // All triples of predicate `p` (a constant) as a PairTable keyed by
  // subject (by_object == false; others = objects in index order) or by
  // object. Hedged triples are left out unless `include_hedged`. Hash joins
  // and path evaluation use it instead of building their own table when the
  // pattern's input is large. The default builds one from a scan per call;
  // a store may keep tables while its data does not change.
  virtual Result<std::shared_ptr<const PairTable>> Pairs(TermId p, bool by_object,
                                                         bool include_hedged) const {
    std::vector<std::pair<TermId, TermId>> pairs;
    auto cursor = Scan(kNoTerm, p, kNoTerm);
    for (; cursor->Valid(); cursor->Next()) {
      const IdTriple& t = cursor->Get();
      if (!include_hedged && (t.flags & kTripleHedged) != 0) continue;
      pairs.emplace_back(by_object ? t.o : t.s, by_object ? t.s : t.o);
    }
    Status st = cursor->status();
    if (!st.ok()) return st;
    if (pairs.size() >= (uint64_t{1} << 32))
      return Status::InvalidArgument("predicate too large for a pair table");
    // The scan is in (o, s) order, and Build keeps the order within a key:
    // the objects of a subject come in object order, as a subject scan
    // returns them.
    return PairTable::Build(std::move(pairs));
  }

  // The pair table of `p` when the source keeps it in memory already, or
  // builds it now because the predicate is in repeated use; null otherwise,
  // and callers scan the index instead. A pattern with a constant predicate
  // and one bound end asks once per query and direction, then looks its
  // input keys up in the table instead of seeking the index per key.
  virtual std::shared_ptr<const PairTable> HotPairs(TermId /*p*/, bool /*by_object*/,
                                                    bool /*include_hedged*/) const {
    return nullptr;
  }

  // A constant-key lookup of `p` (`key -p-> ?v` by subject, `?v -p-> key`
  // by object) that the source kept from an earlier complete scan of the
  // same data (KeepKeyOthers), or null. Queries that ask the same lookup
  // again iterate it instead of scanning the index or building HotPairs.
  virtual std::shared_ptr<const KeyOthers> KeptKeyOthers(TermId /*p*/, bool /*by_object*/,
                                                         bool /*include_hedged*/, TermId /*key*/) const {
    return nullptr;
  }
  // Offers the result of a complete scan of such a lookup for keeping. The
  // default keeps nothing.
  virtual void KeepKeyOthers(TermId /*p*/, bool /*by_object*/, bool /*include_hedged*/, TermId /*key*/,
                             std::shared_ptr<const KeyOthers> /*found*/) const {}

  // The triples of the whole scan (s, p, o) (kNoTerm: free; the same
  // triples, in the same order, as Scan returns) that the source kept from
  // an earlier complete scan of the same data (KeepScan), or null. Then
  // `*collect` says whether the source would keep this scan: the caller
  // collects its triples and offers them to KeepScan when it completes.
  // Only for scans whose ends are constants of the query: asking costs a
  // lookup under a lock. The default keeps nothing.
  virtual std::shared_ptr<const std::vector<IdTriple>> KeptScan(TermId /*s*/, TermId /*p*/, TermId /*o*/,
                                                                bool* collect) const {
    *collect = false;
    return nullptr;
  }
  virtual void KeepScan(TermId /*s*/, TermId /*p*/, TermId /*o*/,
                        std::shared_ptr<const std::vector<IdTriple>> /*found*/) const {}

  // Names for hints and completion: entity canonical names / aliases and
  // predicate names starting with `prefix` (case-insensitive), at most `limit`.
  virtual std::vector<std::string> EntityNames(std::string_view prefix, size_t limit) const = 0;
  virtual std::vector<std::string> PredicateNames() const = 0;
};

}  // namespace kg::storage

#endif  // KG_STORAGE_TRIPLE_SOURCE_H_
