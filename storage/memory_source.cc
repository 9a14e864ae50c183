#include "storage/memory_source.h"

#include <algorithm>
#include <set>

#include "api/case_fold.h"

namespace kg::storage {

namespace {

// Names are matched by the same rule as in the store (api/case_fold.h).
std::string Lower(std::string_view s) { return FoldCase(s); }

// A cursor over a contiguous range of one sorted index.
class RangeCursor : public TripleCursor {
 public:
  RangeCursor(const IdTriple* begin, const IdTriple* end) : it_(begin), end_(end) {}
  bool Valid() const override { return it_ != end_; }
  const IdTriple& Get() const override { return *it_; }
  void Next() override { ++it_; }
  Status status() const override { return Status::OK(); }

 private:
  const IdTriple* it_;
  const IdTriple* end_;
};

}  // namespace

TermId MemorySource::EntityId(std::string_view name) {
  std::string key = Lower(name);
  auto it = entities_.find(key);
  if (it != entities_.end()) return it->second;
  terms_.push_back(Value::Entity(std::string(name)));
  TermId id = terms_.size() - 1;
  entities_.emplace(key, id);
  return id;
}

TermId MemorySource::PredicateId(std::string_view name) {
  std::string key = Lower(name);
  auto it = predicates_.find(key);
  if (it != predicates_.end()) return it->second;
  terms_.push_back(Value::Predicate(std::string(name)));
  TermId id = terms_.size() - 1;
  predicates_.emplace(key, id);
  return id;
}

TermId MemorySource::ArticleId(std::string_view name) {
  auto it = articles_.find(std::string(name));
  if (it != articles_.end()) return it->second;
  terms_.push_back(Value::Article(std::string(name)));
  TermId id = terms_.size() - 1;
  articles_.emplace(std::string(name), id);
  return id;
}

TermId MemorySource::Intern(const Value& v) {
  if (v.kind() == ValueKind::kEntity) return EntityId(v.text());
  auto it = literals_.find(v);
  if (it != literals_.end()) return it->second;
  terms_.push_back(v);
  TermId id = terms_.size() - 1;
  literals_.emplace(v, id);
  return id;
}

void MemorySource::Add(const Value& subject, std::string_view predicate, const Value& object,
                       std::string_view article, uint32_t sentence, bool hedged) {
  TermId s = Intern(subject);
  TermId p = PredicateId(predicate);
  TermId o = Intern(object);
  auto& prov = facts_[{s, p, o}];
  if (!article.empty()) {
    Provenance pr;
    pr.article = ArticleId(article);
    pr.sentence = sentence;
    pr.hedged = hedged;
    prov.push_back(pr);
  } else if (hedged) {
    Provenance pr;
    pr.hedged = true;
    prov.push_back(pr);
  }
  finished_ = false;
}

void MemorySource::AddAlias(std::string_view alias, std::string_view canonical) {
  TermId id = EntityId(canonical);
  entities_[Lower(alias)] = id;
}

void MemorySource::SetSentence(std::string_view article, uint32_t index, std::string text) {
  sentences_[{ArticleId(article), index}] = std::move(text);
}

void MemorySource::SetArticleInfo(std::string_view article, std::string title, std::string date,
                                  std::string source) {
  ArticleInfo& info = article_info_[ArticleId(article)];
  info.name = std::string(article);
  info.title = std::move(title);
  info.date = std::move(date);
  info.source = std::move(source);
}

Result<ArticleInfo> MemorySource::ArticleInfoOf(TermId article) const {
  auto it = article_info_.find(article);
  if (it != article_info_.end()) return it->second;
  if (article >= terms_.size() || terms_[article].kind() != ValueKind::kArticle)
    return Status::NotFound("no article with id " + std::to_string(article));
  ArticleInfo info;
  info.name = terms_[article].text();
  return info;
}

void MemorySource::Finish() {
  if (finished_) return;
  spo_.clear();
  for (auto& [key, prov] : facts_) {
    IdTriple t{std::get<0>(key), std::get<1>(key), std::get<2>(key), 0};
    bool all_hedged = !prov.empty();
    for (const Provenance& p : prov) all_hedged = all_hedged && p.hedged;
    if (all_hedged) t.flags |= kTripleHedged;
    spo_.push_back(t);
  }
  pos_ = spo_;
  osp_ = spo_;
  std::sort(pos_.begin(), pos_.end(), [](const IdTriple& a, const IdTriple& b) {
    return std::tie(a.p, a.o, a.s) < std::tie(b.p, b.o, b.s);
  });
  std::sort(osp_.begin(), osp_.end(), [](const IdTriple& a, const IdTriple& b) {
    return std::tie(a.o, a.s, a.p) < std::tie(b.o, b.s, b.p);
  });
  stats_.clear();
  std::map<TermId, std::pair<std::set<TermId>, std::set<TermId>>> distinct;
  std::set<TermId> all_s, all_o;
  for (const IdTriple& t : spo_) {
    stats_[t.p].triples++;
    distinct[t.p].first.insert(t.s);
    distinct[t.p].second.insert(t.o);
    all_s.insert(t.s);
    all_o.insert(t.o);
  }
  for (auto& [p, d] : distinct) {
    stats_[p].distinct_subjects = d.first.size();
    stats_[p].distinct_objects = d.second.size();
  }
  total_ = TermStats{spo_.size(), all_s.size(), all_o.size()};
  finished_ = true;
}

TermId MemorySource::FindEntity(std::string_view name) const {
  auto it = entities_.find(Lower(name));
  return it == entities_.end() ? kNoTerm : it->second;
}

TermId MemorySource::FindPredicate(std::string_view name) const {
  auto it = predicates_.find(Lower(name));
  return it == predicates_.end() ? kNoTerm : it->second;
}

TermId MemorySource::FindLiteral(const Value& literal) const {
  auto it = literals_.find(literal);
  return it == literals_.end() ? kNoTerm : it->second;
}

TermId MemorySource::FindArticle(std::string_view name) const {
  auto it = articles_.find(std::string(name));
  return it == articles_.end() ? kNoTerm : it->second;
}

Result<Value> MemorySource::GetTerm(TermId id) const {
  if (id == kNoTerm || id >= terms_.size()) return Status::NotFound("no term " + std::to_string(id));
  return terms_[id];
}

std::string MemorySource::GetIri(TermId) const { return ""; }

std::unique_ptr<TripleCursor> MemorySource::Scan(TermId s, TermId p, TermId o) const {
  // Pick the index whose sort order makes the bound positions a prefix.
  const std::vector<IdTriple>* index = &spo_;
  auto key = [&](const IdTriple& t) { return std::make_tuple(t.s, t.p, t.o); };
  std::tuple<TermId, TermId, TermId> lo{0, 0, 0}, hi{0, 0, 0};
  constexpr TermId kMax = ~TermId{0};
  int shape = (s ? 4 : 0) | (p ? 2 : 0) | (o ? 1 : 0);
  std::function<std::tuple<TermId, TermId, TermId>(const IdTriple&)> proj = key;
  switch (shape) {
    case 7:
      lo = hi = {s, p, o};
      break;
    case 6:
      lo = {s, p, 0};
      hi = {s, p, kMax};
      break;
    case 4:
      lo = {s, 0, 0};
      hi = {s, kMax, kMax};
      break;
    case 0:
      lo = {0, 0, 0};
      hi = {kMax, kMax, kMax};
      break;
    case 3:
    case 2:
      index = &pos_;
      proj = [](const IdTriple& t) { return std::make_tuple(t.p, t.o, t.s); };
      lo = {p, o, 0};
      hi = {p, o ? o : kMax, kMax};
      break;
    case 5:
    case 1:
      index = &osp_;
      proj = [](const IdTriple& t) { return std::make_tuple(t.o, t.s, t.p); };
      lo = {o, s, 0};
      hi = {o, s ? s : kMax, kMax};
      break;
  }
  auto first = std::lower_bound(index->begin(), index->end(), lo,
                                [&](const IdTriple& t, const auto& k) { return proj(t) < k; });
  auto last = std::upper_bound(first, index->end(), hi,
                               [&](const auto& k, const IdTriple& t) { return k < proj(t); });
  const IdTriple* b = index->data() + (first - index->begin());
  const IdTriple* e = index->data() + (last - index->begin());
  return std::make_unique<RangeCursor>(b, e);
}

Status MemorySource::GetProvenance(const IdTriple& t, std::vector<Provenance>* out) const {
  out->clear();
  auto it = facts_.find({t.s, t.p, t.o});
  if (it == facts_.end()) return Status::OK();
  for (const Provenance& p : it->second) {
    if (p.article != kNoTerm) out->push_back(p);
  }
  return Status::OK();
}

Result<std::string> MemorySource::GetSentence(TermId article, uint32_t index) const {
  auto it = sentences_.find({article, index});
  if (it == sentences_.end()) return Status::NotFound("no sentence " + std::to_string(index));
  return it->second;
}

Status MemorySource::ArticleTriples(TermId article, std::vector<IdTriple>* out) const {
  out->clear();
  for (const IdTriple& t : spo_) {
    auto it = facts_.find({t.s, t.p, t.o});
    for (const Provenance& p : it->second) {
      if (p.article == article) {
        out->push_back(t);
        break;
      }
    }
  }
  return Status::OK();
}

std::vector<TermId> MemorySource::AllArticles() const {
  std::vector<std::pair<std::string, TermId>> v(articles_.begin(), articles_.end());
  std::sort(v.begin(), v.end());
  std::vector<TermId> out;
  for (auto& [name, id] : v) out.push_back(id);
  return out;
}

TermStats MemorySource::PredicateStats(TermId p) const {
  if (p == kNoTerm) return total_;
  auto it = stats_.find(p);
  return it == stats_.end() ? TermStats{} : it->second;
}

std::vector<std::string> MemorySource::EntityNames(std::string_view prefix, size_t limit) const {
  std::string lp = Lower(prefix);
  std::set<std::string> names;
  for (const auto& [key, id] : entities_) {
    if (key.compare(0, lp.size(), lp) != 0) continue;
    names.insert(terms_[id].text());
    if (Lower(terms_[id].text()) != key) names.insert(key);
  }
  std::vector<std::string> out;
  for (const std::string& n : names) {
    if (out.size() >= limit) break;
    out.push_back(n);
  }
  return out;
}

std::vector<std::string> MemorySource::PredicateNames() const {
  std::vector<std::string> out;
  for (const auto& [key, id] : predicates_) out.push_back(terms_[id].text());
  std::sort(out.begin(), out.end());
  return out;
}

std::shared_ptr<const PairTable> MemorySource::HotPairs(TermId p, bool by_object, bool include_hedged) const {
  if (!pair_tables_ || p == kNoTerm) return nullptr;
  std::lock_guard lock(pairs_mu_);
  auto& slot = pairs_[{p, by_object, include_hedged}];
  if (!slot) {
    auto table = Pairs(p, by_object, include_hedged);
    if (!table.ok()) return nullptr;
    slot = std::move(table).value();
  }
  return slot;
}

}  // namespace kg::storage
