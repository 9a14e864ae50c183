// MemorySource: an in-memory storage::TripleSource for tests, the differential
// evaluator and the fuzzer. Build it with Add*/SetSentence, call Finish(), then
// use it read-only (concurrent readers are safe after Finish()).
#ifndef KG_STORAGE_MEMORY_SOURCE_H_
#define KG_STORAGE_MEMORY_SOURCE_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "storage/triple_source.h"

namespace kg::storage {

class MemorySource : public TripleSource {
 public:
  MemorySource() = default;

  // Adds one assertion of (subject, predicate, object). `subject` must be an
  // entity Value; `object` an entity or a literal. `article` may be empty (no
  // provenance). A triple is flagged kTripleHedged when every assertion of it
  // is hedged. Precondition: Finish() not yet called.
  void Add(const Value& subject, std::string_view predicate, const Value& object,
           std::string_view article = {}, uint32_t sentence = 0, bool hedged = false);
  // `alias` (case-insensitive) also names entity `canonical`.
  void AddAlias(std::string_view alias, std::string_view canonical);
  // The text of sentence `index` of `article` (for WHY).
  void SetSentence(std::string_view article, uint32_t index, std::string text);
  // The title, publication date (ISO 8601) and source file of `article`
  // (ArticleInfoOf; for COMPARE's metadata).
  void SetArticleInfo(std::string_view article, std::string title, std::string date, std::string source);
  // Builds the indexes and statistics. Idempotent.
  void Finish();

  size_t TripleCount() const { return spo_.size(); }
  // When on, HotPairs hands out (cached) pair tables for every predicate, so
  // tests run the operators' in-memory table paths on small graphs. Off by
  // default (HotPairs returns null, operators scan). Not thread-safe.
  void set_pair_tables(bool on) { pair_tables_ = on; }
  // Every triple (SPO order); for test evaluators.
  const std::vector<IdTriple>& Triples() const { return spo_; }

  TermId FindEntity(std::string_view name) const override;
  TermId FindPredicate(std::string_view name) const override;
  TermId FindLiteral(const Value& literal) const override;
  TermId FindArticle(std::string_view name) const override;
  Result<Value> GetTerm(TermId id) const override;
  std::string GetIri(TermId id) const override;
  std::unique_ptr<TripleCursor> Scan(TermId s, TermId p, TermId o) const override;
  Status GetProvenance(const IdTriple& t, std::vector<Provenance>* out) const override;
  Result<std::string> GetSentence(TermId article, uint32_t index) const override;
  Status ArticleTriples(TermId article, std::vector<IdTriple>* out) const override;
  std::vector<TermId> AllArticles() const override;
  Result<ArticleInfo> ArticleInfoOf(TermId article) const override;
  TermStats PredicateStats(TermId p) const override;
  std::vector<std::string> EntityNames(std::string_view prefix, size_t limit) const override;
  std::vector<std::string> PredicateNames() const override;
  std::shared_ptr<const PairTable> HotPairs(TermId p, bool by_object, bool include_hedged) const override;

 private:
  using Key = std::tuple<TermId, TermId, TermId>;
  TermId Intern(const Value& v);
  TermId EntityId(std::string_view name);
  TermId PredicateId(std::string_view name);
  TermId ArticleId(std::string_view name);

  bool pair_tables_ = false;
  mutable std::mutex pairs_mu_;
  mutable std::map<std::tuple<TermId, bool, bool>, std::shared_ptr<const PairTable>> pairs_;
  std::vector<Value> terms_{Value()};                   // id → value; id 0 unused
  std::unordered_map<std::string, TermId> entities_;    // lower-case name/alias → id
  std::unordered_map<std::string, TermId> predicates_;  // lower-case name → id
  std::unordered_map<std::string, TermId> articles_;    // name → id
  std::map<Value, TermId> literals_;
  std::map<Key, std::vector<Provenance>> facts_;
  std::map<std::pair<TermId, uint32_t>, std::string> sentences_;
  std::unordered_map<TermId, ArticleInfo> article_info_;
  std::vector<IdTriple> spo_, pos_, osp_;
  std::unordered_map<TermId, TermStats> stats_;
  TermStats total_;
  bool finished_ = false;
};

}  // namespace kg::storage

#endif  // KG_STORAGE_MEMORY_SOURCE_H_
