// MemoryGraph: an in-memory ImportSink + TripleSource for the rdf tests, so
// import and export are tested without RocksDB. Imports are buffered until
// Finish() (Abort() drops them), like storage::BulkImporter.
#ifndef KG_TESTS_RDF_MEMORY_GRAPH_H_
#define KG_TESTS_RDF_MEMORY_GRAPH_H_

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "rdf/import.h"
#include "storage/triple_source.h"

namespace kg::rdf::testing {

// A triple by value, for comparing graphs.
using ValueTriple = std::tuple<std::string, std::string, std::string>;  // s, p, o as kind:text

inline std::string Describe(const Value& v) { return std::string(v.KindName()) + ":" + v.ToString(); }

class MemoryGraph : public ImportSink, public storage::TripleSource {
 public:
  // --- ImportSink ---
  Status AddEntity(std::string_view article, const EntityData& entity) override {
    pending_entities_.push_back({std::string(article), entity});
    return Status::OK();
  }
  Status AddTriple(std::string_view article, const Value& s, std::string_view p, std::string_view piri,
                   const Value& o) override {
    pending_triples_.push_back({std::string(article), s, std::string(p), std::string(piri), o});
    return Status::OK();
  }
  Result<std::vector<LoadReport>> Finish() override {
    std::map<std::string, LoadReport> reports;
    for (const auto& e : pending_entities_) {
      storage::TermId id = EntityId(e.entity.name);
      if (!e.entity.iri.empty() && iris_[id].empty()) iris_[id] = e.entity.iri;
      reports[e.article].article = e.article;
      ++reports[e.article].entities;
    }
    for (const auto& t : pending_triples_) {
      storage::TermId a = ArticleId(t.article);
      storage::TermId s = ValueId(t.s);
      storage::TermId p = PredicateId(t.p);
      if (!t.piri.empty() && iris_[p].empty() && t.p != "is_a") iris_[p] = t.piri;
      storage::TermId o = ValueId(t.o);
      triples_.insert({s, p, o});
      by_article_[a].insert({s, p, o});
      reports[t.article].article = t.article;
      ++reports[t.article].facts;
    }
    pending_entities_.clear();
    pending_triples_.clear();
    ++finished_;
    std::vector<LoadReport> out;
    for (auto& [name, r] : reports) out.push_back(r);
    return out;
  }
  void Abort() override {
    pending_entities_.clear();
    pending_triples_.clear();
    ++aborted_;
  }
  const storage::TripleSource* existing() const override { return this; }

  // Adds an entity / triple directly (as the text loader would: no IRIs).
  void Add(const std::string& article, const Value& s, const std::string& p, const Value& o) {
    storage::TermId a = ArticleId(article);
    std::array<storage::TermId, 3> t{ValueId(s), PredicateId(p), ValueId(o)};
    triples_.insert(t);
    by_article_[a].insert(t);
  }
  void SetIri(const std::string& entity, const std::string& iri) { iris_[EntityId(entity)] = iri; }

  int finished() const { return finished_; }
  int aborted() const { return aborted_; }
  size_t size() const { return triples_.size(); }

  // All triples (or one article's) as comparable strings.
  std::set<ValueTriple> Triples(const std::string& article = {}) const {
    std::set<ValueTriple> out;
    const std::set<std::array<storage::TermId, 3>>* set = &triples_;
    if (!article.empty()) {
      auto it = by_article_.find(FindArticle(article));
      if (it == by_article_.end()) return out;
      set = &it->second;
    }
    for (const auto& t : *set) {
      out.insert({Describe(terms_[t[0]]), terms_[t[1]].text(), Describe(terms_[t[2]])});
    }
    return out;
  }

  // --- TripleSource ---
  storage::TermId FindEntity(std::string_view name) const override {
    auto it = entities_.find(Fold(name));
    return it == entities_.end() ? storage::kNoTerm : it->second;
  }
  storage::TermId FindPredicate(std::string_view name) const override {
    auto it = predicates_.find(std::string(name));
    return it == predicates_.end() ? storage::kNoTerm : it->second;
  }
  storage::TermId FindLiteral(const Value& literal) const override {
    auto it = literals_.find(Describe(literal));
    return it == literals_.end() ? storage::kNoTerm : it->second;
  }
  storage::TermId FindArticle(std::string_view name) const override {
    auto it = articles_.find(std::string(name));
    return it == articles_.end() ? storage::kNoTerm : it->second;
  }
  Result<Value> GetTerm(storage::TermId id) const override {
    if (id == 0 || id >= terms_.size()) return Status::NotFound("no term");
    return terms_[id];
  }
  std::string GetIri(storage::TermId id) const override {
    auto it = iris_.find(id);
    return it == iris_.end() ? std::string() : it->second;
  }
  std::unique_ptr<storage::TripleCursor> Scan(storage::TermId s, storage::TermId p,
                                              storage::TermId o) const override {
    auto c = std::make_unique<Cursor>();
    for (const auto& t : triples_) {
      if ((s && t[0] != s) || (p && t[1] != p) || (o && t[2] != o)) continue;
      c->rows.push_back({t[0], t[1], t[2], 0});
    }
    return c;
  }
  Status GetProvenance(const storage::IdTriple&, std::vector<storage::Provenance>*) const override {
    return Status::OK();
  }
  Result<std::string> GetSentence(storage::TermId, uint32_t) const override {
    return Status::NotFound("no sentence");
  }
  Status ArticleTriples(storage::TermId article, std::vector<storage::IdTriple>* out) const override {
    auto it = by_article_.find(article);
    if (it == by_article_.end()) return Status::OK();
    for (const auto& t : it->second) out->push_back({t[0], t[1], t[2], 0});
    return Status::OK();
  }
  std::vector<storage::TermId> AllArticles() const override {
    std::vector<storage::TermId> out;
    for (const auto& [name, id] : articles_) out.push_back(id);
    return out;
  }
  storage::TermStats PredicateStats(storage::TermId) const override { return {}; }
  std::vector<std::string> EntityNames(std::string_view, size_t) const override { return {}; }
  std::vector<std::string> PredicateNames() const override { return {}; }

 private:
  struct PendingEntity {
    std::string article;
    EntityData entity;
  };
  struct PendingTriple {
    std::string article;
    Value s;
    std::string p;
    std::string piri;
    Value o;
  };
  struct Cursor : storage::TripleCursor {
    std::vector<storage::IdTriple> rows;
    size_t i = 0;
    bool Valid() const override { return i < rows.size(); }
    const storage::IdTriple& Get() const override { return rows[i]; }
    void Next() override { ++i; }
    Status status() const override { return Status::OK(); }
  };

  static std::string Fold(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }
  storage::TermId NewTerm(const Value& v) {
    if (terms_.empty()) terms_.emplace_back();
    terms_.push_back(v);
    return terms_.size() - 1;
  }
  storage::TermId EntityId(const std::string& name) {
    auto it = entities_.find(Fold(name));
    if (it != entities_.end()) return it->second;
    storage::TermId id = NewTerm(Value::Entity(name));
    entities_[Fold(name)] = id;
    return id;
  }
  storage::TermId PredicateId(const std::string& name) {
    auto it = predicates_.find(name);
    if (it != predicates_.end()) return it->second;
    return predicates_[name] = NewTerm(Value::Predicate(name));
  }
  storage::TermId ArticleId(const std::string& name) {
    auto it = articles_.find(name);
    if (it != articles_.end()) return it->second;
    return articles_[name] = NewTerm(Value::Article(name));
  }
  storage::TermId ValueId(const Value& v) {
    if (v.kind() == ValueKind::kEntity) return EntityId(v.text());
    auto it = literals_.find(Describe(v));
    if (it != literals_.end()) return it->second;
    return literals_[Describe(v)] = NewTerm(v);
  }

  std::vector<Value> terms_;
  std::map<std::string, storage::TermId> entities_, predicates_, literals_, articles_;
  std::map<storage::TermId, std::string> iris_;
  std::set<std::array<storage::TermId, 3>> triples_;
  std::map<storage::TermId, std::set<std::array<storage::TermId, 3>>> by_article_;
  std::vector<PendingEntity> pending_entities_;
  std::vector<PendingTriple> pending_triples_;
  int finished_ = 0;
  int aborted_ = 0;
};

}  // namespace kg::rdf::testing

#endif  // KG_TESTS_RDF_MEMORY_GRAPH_H_
