// COMPARE: the facts of two articles side by side (see compare.h). Each
// article's facts are read once, the ones derived from its header or
// restated by another fact are dropped, and the rest are grouped by
// (subject, predicate) under CompareKey, so "the plant" in one article and
// "plant" in the other are one value.
#include "query/exec/compare.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "query/exec/compare_key.h"
#include "query/exec/single_valued.h"

namespace kg::query {

namespace {

using storage::IdTriple;
using storage::kNoTerm;
using storage::Provenance;
using storage::TermId;

// The sections of the result, in the order rows are returned.
enum class Section : uint8_t { kMetadata, kConflict, kDiffers, kOnlyA, kOnlyB, kBoth };

const char* SectionName(Section s) {
  switch (s) {
    case Section::kMetadata:
      return "metadata";
    case Section::kConflict:
      return "conflict";
    case Section::kDiffers:
      return "differs";
    case Section::kOnlyA:
      return "only_A";
    case Section::kOnlyB:
      return "only_B";
    case Section::kBoth:
      break;
  }
  return "both";
}

// One row: the triples of each article behind it (one side empty for a
// one-sided fact; several when the article states the value in several
// forms, "data center" and "data centers").
struct Finding {
  Section section = Section::kBoth;
  TermId subject = kNoTerm;
  TermId predicate = kNoTerm;
  std::vector<IdTriple> a, b;
};

// The facts of one subject and predicate in one article, by object key.
using Objects = std::map<std::string, std::vector<IdTriple>>;

struct Group {
  TermId subject = kNoTerm;  // as article A names it, else as B does
  TermId predicate = kNoTerm;
  Objects a, b;
};

std::string BookkeepingHint(uint64_t n) {
  return std::to_string(n) + (n == 1 ? " bookkeeping fact" : " bookkeeping facts") +
         " (entity types, investor, investment_target) not shown; COMPARE ALL (kg compare --all) shows " +
         (n == 1 ? "it" : "them");
}

class Comparison {
 public:
  Comparison(const BoundQuery& q, ExecContext* ctx) : q_(q), ctx_(ctx) {}

  void Run(QueryResult* result) {
    const ArticleInfo info_a = Info(q_.article_a), info_b = Info(q_.article_b);
    std::vector<IdTriple> a = Facts(q_.article_a, info_a), b = Facts(q_.article_b, info_b);
    if (!ctx_->ok()) return;
    std::map<std::pair<std::string, TermId>, Group> groups;
    Collect(a, true, &groups);
    Collect(b, false, &groups);
    std::vector<Finding> findings;
    for (const auto& [key, group] : groups) Classify(group, &findings);
    Sort(&findings);
    Metadata(info_a, info_b, result);
    for (const Finding& f : findings) result->rows.push_back(Row(f));
    if (hidden_bookkeeping_ > 0) result->hints.push_back(BookkeepingHint(hidden_bookkeeping_));
  }

 private:
  ArticleInfo Info(TermId article) {
    Result<ArticleInfo> info = ctx_->source().ArticleInfoOf(article);
    if (info.ok()) return std::move(info).value();
    if (info.status().code() != Status::Code::kNotFound) ctx_->Fail(info.status());
    return ArticleInfo{};
  }

  // The facts `article` states (without a hedge, unless hedged facts are
  // asked for), about the ABOUT entity when there is one, without the ones
  // DropDerived removes.
  std::vector<IdTriple> Facts(TermId article, const ArticleInfo& info) {
    std::vector<IdTriple> triples, out;
    Status s = ctx_->source().ArticleTriples(article, &triples);
    if (!s.ok()) {
      ctx_->Fail(s);
      return out;
    }
    if (q_.has_about) KeepAbout(&triples);
    for (const IdTriple& t : triples) {
      if (StatedPlainly(t, article)) out.push_back(t);
      if (!ctx_->ok()) return {};
    }
    DropDerived(info, &out);
    return out;
  }

  // Whether `article` states `t` without a hedge (what counts is this
  // article's assertion, not whether some article states it plainly); a
  // hedged one is noted for the hint.
  bool StatedPlainly(const IdTriple& t, TermId article) {
    if (ctx_->options().include_hedged) return true;
    if (!ctx_->Visible(t)) return false;
    Status s = ctx_->source().GetProvenance(t, &prov_);
    if (!s.ok()) {
      ctx_->Fail(s);
      return false;
    }
    if (std::any_of(prov_.begin(), prov_.end(),
                    [&](const Provenance& pr) { return pr.article == article && !pr.hedged; }))
      return true;
    ctx_->NoteHiddenHedged(t);
    return false;
  }

  // Drops what an article's facts restate rather than say: the `date` of an
  // investment event when it is the article's publication date (the loader
  // dates an event its sentence does not date by the header: metadata, not
  // a fact two articles can disagree on), and an investor's flat
  // `investment_amount` that one of its events carries as `amount` (one
  // finding per investment, on the event).
  void DropDerived(const ArticleInfo& info, std::vector<IdTriple>* facts) {
    const TermId investor = ctx_->source().FindPredicate("investor");
    const TermId amount = ctx_->source().FindPredicate("amount");
    const TermId flat_amount = ctx_->source().FindPredicate("investment_amount");
    const TermId date = ctx_->source().FindPredicate("date");
    std::multimap<TermId, TermId> investors;  // event → investor
    for (const IdTriple& t : *facts) {
      if (t.p == investor && investor != kNoTerm) investors.emplace(t.s, t.o);
    }
    std::set<std::pair<TermId, TermId>> event_amounts;  // (investor, amount)
    for (const IdTriple& t : *facts) {
      if (t.p != amount || amount == kNoTerm) continue;
      auto [begin, end] = investors.equal_range(t.s);
      for (auto it = begin; it != end; ++it) event_amounts.emplace(it->second, t.o);
    }
    std::erase_if(*facts, [&](const IdTriple& t) {
      if (t.p == flat_amount && flat_amount != kNoTerm) return event_amounts.count({t.s, t.o}) > 0;
      return t.p == date && date != kNoTerm && investors.count(t.s) > 0 && !info.date.empty() &&
             ctx_->Term(t.o).ToString() == info.date;
    });
  }

  // Keeps the facts about the ABOUT entity (as subject or object, matched
  // by CompareKey: ABOUT plant covers "the plant") and those of the event
  // nodes it takes part in.
  void KeepAbout(std::vector<IdTriple>* facts) {
    const std::string about = Key(q_.about.id);
    std::set<TermId> events;
    for (const IdTriple& t : *facts) {
      if (Key(t.o) == about && IsEventRole(ctx_->Term(t.p).text())) events.insert(t.s);
    }
    std::erase_if(*facts, [&](const IdTriple& t) {
      return Key(t.s) != about && Key(t.o) != about && !events.count(t.s);
    });
  }

  // CompareKey of a term, computed once per term.
  const std::string& Key(TermId id) {
    auto it = keys_.find(id);
    if (it == keys_.end()) it = keys_.emplace(id, CompareKey(ctx_->Term(id))).first;
    return it->second;
  }

  void Collect(const std::vector<IdTriple>& facts, bool side_a,
               std::map<std::pair<std::string, TermId>, Group>* groups) {
    for (const IdTriple& t : facts) {
      Group& g = (*groups)[{Key(t.s), t.p}];
      if (g.subject == kNoTerm) g.subject = t.s;
      g.predicate = t.p;
      (side_a ? g.a : g.b)[Key(t.o)].push_back(t);
    }
  }

  // The findings of one subject and predicate: shared values; then, of the
  // values only one article gives, a conflict per pair for a single-valued
  // predicate, a `differs` row when each article gives exactly one value,
  // else one-sided rows.
  void Classify(const Group& g, std::vector<Finding>* out) {
    std::vector<const std::vector<IdTriple>*> only_a, only_b;
    for (const auto& [key, triples] : g.a) {
      auto it = g.b.find(key);
      if (it == g.b.end()) {
        only_a.push_back(&triples);
      } else {
        Add(g, Section::kBoth, triples, it->second, out);
      }
    }
    for (const auto& [key, triples] : g.b) {
      if (!g.a.count(key)) only_b.push_back(&triples);
    }
    const bool single = IsSingleValued(ctx_->Term(g.predicate).text());
    if (!only_a.empty() && !only_b.empty() && (single || (g.a.size() == 1 && g.b.size() == 1))) {
      for (const auto* x : only_a) {
        for (const auto* y : only_b) Add(g, single ? Section::kConflict : Section::kDiffers, *x, *y, out);
      }
      return;
    }
    for (const auto* x : only_a) Add(g, Section::kOnlyA, *x, {}, out);
    for (const auto* y : only_b) Add(g, Section::kOnlyB, {}, *y, out);
  }

  void Add(const Group& g, Section section, const std::vector<IdTriple>& a, const std::vector<IdTriple>& b,
           std::vector<Finding>* out) {
    const bool agreement =
        section == Section::kBoth || section == Section::kOnlyA || section == Section::kOnlyB;
    const TermId object = Object(a.empty() ? b : a);
    if (agreement && !q_.compare_all &&
        IsBookkeeping(ctx_->Term(g.predicate).text(), ctx_->Term(object).kind() == ValueKind::kEntity)) {
      ++hidden_bookkeeping_;
      return;
    }
    out->push_back(Finding{section, g.subject, g.predicate, a, b});
  }

  static TermId Object(const std::vector<IdTriple>& side) { return side.empty() ? kNoTerm : side.front().o; }

  // By section, then subject, predicate and the two objects.
  void Sort(std::vector<Finding>* findings) {
    auto key = [&](const Finding& f) {
      return std::make_tuple(f.section, ctx_->Term(f.subject), ctx_->Term(f.predicate),
                             ctx_->Term(Object(f.a)), ctx_->Term(Object(f.b)));
    };
    std::stable_sort(findings->begin(), findings->end(),
                     [&](const Finding& x, const Finding& y) { return key(x) < key(y); });
  }

  // The header of each article as `metadata` rows (title, published,
  // source), when either article has one: shown, never compared.
  void Metadata(const ArticleInfo& a, const ArticleInfo& b, QueryResult* result) {
    auto text = [](const std::string& s) { return s.empty() ? Value() : Value::String(s); };
    for (auto [name, field] :
         {std::pair{"title", &ArticleInfo::title}, std::pair{"published", &ArticleInfo::date},
          std::pair{"source", &ArticleInfo::source}}) {
      if ((a.*field).empty() && (b.*field).empty()) continue;
      std::vector<Value> row = {Value::String(SectionName(Section::kMetadata)), Value(), Value::String(name),
                                text(a.*field), text(b.*field)};
      if (q_.compare_why) row.resize(row.size() + 2);
      result->rows.push_back(std::move(row));
    }
  }

  std::vector<Value> Row(const Finding& f) {
    std::vector<Value> row = {Value::String(SectionName(f.section)), ctx_->Term(f.subject),
                              ctx_->Term(f.predicate), ctx_->Term(Object(f.a)), ctx_->Term(Object(f.b))};
    if (q_.compare_why) {
      row.push_back(Evidence(q_.article_a, f.a));
      row.push_back(Evidence(q_.article_b, f.b));
    }
    return row;
  }

  // The sentences of `article` that state `triples`, as "[N] text" in
  // sentence order; null when there are none (no side, or facts without
  // sentences such as imported ones).
  Value Evidence(TermId article, const std::vector<IdTriple>& triples) {
    std::set<uint32_t> sentences;
    for (const IdTriple& t : triples) {
      Status s = ctx_->source().GetProvenance(t, &prov_);
      if (!s.ok()) {
        ctx_->Fail(s);
        return Value();
      }
      for (const Provenance& pr : prov_) {
        if (pr.article == article && ctx_->Visible(pr)) sentences.insert(pr.sentence);
      }
    }
    std::string out;
    for (uint32_t n : sentences) {
      Result<std::string> text = ctx_->source().GetSentence(article, n);
      if (!text.ok() || text.value().empty()) continue;
      out += (out.empty() ? "[" : " [") + std::to_string(n) + "] " + text.value();
    }
    return out.empty() ? Value() : Value::String(out);
  }

  const BoundQuery& q_;
  ExecContext* ctx_;
  std::vector<Provenance> prov_;  // scratch
  std::unordered_map<TermId, std::string> keys_;
  uint64_t hidden_bookkeeping_ = 0;
};

}  // namespace

void RunCompare(const BoundQuery& q, ExecContext* ctx, QueryResult* result) {
  for (const BoundColumn& c : q.columns) result->columns.push_back(c.name);
  if (q.article_a == kNoTerm || q.article_b == kNoTerm) return;
  if (q.has_about && q.about.unknown) return;
  Comparison(q, ctx).Run(result);
}

}  // namespace kg::query
