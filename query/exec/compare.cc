// COMPARE: the facts of two articles side by side (see compare.h).
#include "query/exec/compare.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

#include "query/exec/single_valued.h"

namespace kg::query {

using storage::IdTriple;
using storage::kNoTerm;
using storage::Provenance;
using storage::TermId;

void RunCompare(const BoundQuery& q, ExecContext* ctx, QueryResult* result) {
  for (const BoundColumn& c : q.columns) result->columns.push_back(c.name);
  if (q.article_a == kNoTerm || q.article_b == kNoTerm) return;
  if (q.has_about && q.about.unknown) return;
  using Key = std::tuple<TermId, TermId, TermId>;
  auto load = [&](TermId article, std::set<Key>* out) {
    std::vector<IdTriple> triples;
    Status s = ctx->source().ArticleTriples(article, &triples);
    if (!s.ok()) {
      ctx->Fail(s);
      return;
    }
    std::vector<Provenance> prov;
    // Event nodes the ABOUT entity takes part in, in this article.
    std::set<TermId> events;
    if (q.has_about) {
      for (const IdTriple& t : triples) {
        if (t.o == q.about.id && IsEventRole(ctx->Term(t.p).text())) events.insert(t.s);
      }
    }
    for (const IdTriple& t : triples) {
      if (!ctx->Visible(t)) continue;
      if (q.has_about && t.s != q.about.id && t.o != q.about.id && !events.count(t.s)) continue;
      if (!ctx->options().include_hedged) {
        // What counts is whether *this* article states the fact without a
        // hedge, not whether some article does.
        s = ctx->source().GetProvenance(t, &prov);
        if (!s.ok()) {
          ctx->Fail(s);
          return;
        }
        bool plain = std::any_of(prov.begin(), prov.end(),
                                 [&](const Provenance& pr) { return pr.article == article && !pr.hedged; });
        if (!plain) continue;
      }
      out->emplace(t.s, t.p, t.o);
    }
  };
  std::set<Key> a, b;
  load(q.article_a, &a);
  load(q.article_b, &b);
  if (!ctx->ok()) return;
  std::vector<std::vector<Value>> rows;
  auto row = [&](const char* status, TermId s, TermId p, TermId oa, TermId ob) {
    rows.push_back({Value::String(status), ctx->Term(s), ctx->Term(p), ctx->Term(oa), ctx->Term(ob)});
  };
  // Objects per (subject, predicate) that only one article states.
  std::map<std::pair<TermId, TermId>, std::pair<std::vector<TermId>, std::vector<TermId>>> only;
  for (const Key& k : a) {
    if (b.count(k)) {
      row("both", std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<2>(k));
    } else {
      only[{std::get<0>(k), std::get<1>(k)}].first.push_back(std::get<2>(k));
    }
  }
  for (const Key& k : b) {
    if (!a.count(k)) only[{std::get<0>(k), std::get<1>(k)}].second.push_back(std::get<2>(k));
  }
  for (const auto& [sp, objects] : only) {
    const auto& [oa, ob] = objects;
    bool single = IsSingleValued(ctx->Term(sp.second).text());
    if (single && !oa.empty() && !ob.empty()) {
      for (TermId x : oa) {
        for (TermId y : ob) row("conflict", sp.first, sp.second, x, y);
      }
      continue;
    }
    for (TermId x : oa) row("only_A", sp.first, sp.second, x, kNoTerm);
    for (TermId y : ob) row("only_B", sp.first, sp.second, kNoTerm, y);
  }
  std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
    for (size_t c : {1, 2, 0, 3, 4}) {
      int r = Value::Compare(x[c], y[c]);
      if (r != 0) return r < 0;
    }
    return false;
  });
  result->rows = std::move(rows);
}

}  // namespace kg::query
