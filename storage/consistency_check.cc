#include "storage/consistency_check.h"

#include <map>
#include <set>
#include <tuple>

#include "storage/key_codec.h"

namespace kg::storage {

namespace {
using Tri = std::array<TermId, 3>;
std::string TriStr(const Tri& t) {
  return "(" + std::to_string(t[0]) + "," + std::to_string(t[1]) + "," + std::to_string(t[2]) + ")";
}
std::set<std::pair<Tri, uint8_t>> Collect(const Store& s, TermId a, TermId b, TermId c) {
  std::set<std::pair<Tri, uint8_t>> out;
  for (auto cur = s.Scan(a, b, c); cur->Valid(); cur->Next()) {
    const IdTriple& t = cur->Get();
    out.insert({Tri{t.s, t.p, t.o}, t.flags});
  }
  return out;
}
}  // namespace

std::string FindInconsistency(const Store& store) {
  // spo: the full scan. pos/osp: every predicate's and object's scan must
  // together give the same set.
  auto all = Collect(store, kNoTerm, kNoTerm, kNoTerm);
  std::set<TermId> preds, objs, subjs;
  for (const auto& [t, f] : all) preds.insert(t[1]), objs.insert(t[2]), subjs.insert(t[0]);
  std::set<std::pair<Tri, uint8_t>> via_pos, via_osp;
  for (TermId p : preds) {
    auto part = Collect(store, kNoTerm, p, kNoTerm);
    via_pos.insert(part.begin(), part.end());
  }
  for (TermId o : objs) {
    auto part = Collect(store, kNoTerm, kNoTerm, o);
    via_osp.insert(part.begin(), part.end());
  }
  if (via_pos != all) return "pos index differs from spo";
  if (via_osp != all) return "osp index differs from spo";

  std::set<TermId> articles;
  for (TermId a : store.AllArticles()) articles.insert(a);
  std::map<TermId, std::set<Tri>> asserted;  // from provenance
  for (const auto& [t, flags] : all) {
    std::vector<Provenance> prov;
    if (!store.GetProvenance(IdTriple{t[0], t[1], t[2], 0}, &prov).ok()) return "provenance read failed";
    if (prov.empty()) return "triple " + TriStr(t) + " has no provenance";
    bool hedged = true;
    for (const auto& p : prov) {
      if (!articles.count(p.article))
        return "triple " + TriStr(t) + " has provenance from unregistered article";
      hedged = hedged && p.hedged;
      asserted[p.article].insert(t);
    }
    if ((flags == kTripleHedged) != hedged) return "triple " + TriStr(t) + " has a wrong hedged flag";
  }
  auto infos = store.Articles();
  if (!infos.ok()) return "registry read failed";
  for (const auto& info : *infos) {
    TermId a = store.FindArticle(info.name);
    std::vector<IdTriple> list;
    if (!store.ArticleTriples(a, &list).ok()) return "article triples read failed";
    std::set<Tri> ls;
    for (const auto& t : list) ls.insert(Tri{t.s, t.p, t.o});
    if (ls != asserted[a]) return "article '" + info.name + "' triple list differs from its provenance";
    if (ls.size() != info.facts) return "article '" + info.name + "' fact count differs from its triple list";
    std::vector<std::string> sentences;
    if (!store.GetSentences(a, &sentences).ok() || sentences.size() != info.sentences) {
      return "article '" + info.name + "' sentence count differs";
    }
  }
  // Statistics: recompute from spo.
  std::map<TermId, TermStats> expect;
  std::map<TermId, std::set<TermId>> ps, po;
  for (const auto& [t, f] : all) {
    ++expect[t[1]].triples;
    ps[t[1]].insert(t[0]);
    po[t[1]].insert(t[2]);
  }
  for (auto& [p, st] : expect) {
    st.distinct_subjects = ps[p].size();
    st.distinct_objects = po[p].size();
  }
  expect[kNoTerm] = TermStats{all.size(), subjs.size(), objs.size()};
  for (const auto& [p, st] : expect) {
    TermStats got = store.PredicateStats(p);
    if (got.triples != st.triples || got.distinct_subjects != st.distinct_subjects ||
        got.distinct_objects != st.distinct_objects) {
      return "stats of predicate " + std::to_string(p) + ": stored " + std::to_string(got.triples) + "/" +
             std::to_string(got.distinct_subjects) + "/" + std::to_string(got.distinct_objects) +
             ", recomputed " + std::to_string(st.triples) + "/" + std::to_string(st.distinct_subjects) + "/" +
             std::to_string(st.distinct_objects);
    }
  }
  // No stale statistics for predicates that no longer have triples.
  for (const std::string& name : store.PredicateNames()) {
    if (!expect.count(store.FindPredicate(name))) return "stale statistics for predicate " + name;
  }
  return FindKeyCountInconsistency(store);
}

std::string FindKeyCountInconsistency(const Store& store) {
  // Recompute (triples, hedged) per (p, role, key) from the pos index.
  std::map<std::tuple<TermId, bool, TermId>, codec::KeyCount> expect;
  std::set<TermId> preds;
  for (auto cur = store.Scan(kNoTerm, kNoTerm, kNoTerm); cur->Valid(); cur->Next())
    preds.insert(cur->Get().p);
  for (TermId p : preds) {
    for (auto cur = store.Scan(kNoTerm, p, kNoTerm); cur->Valid(); cur->Next()) {
      const IdTriple& t = cur->Get();
      const bool hedged = (t.flags & kTripleHedged) != 0;
      for (bool by_object : {false, true}) {
        codec::KeyCount& c = expect[{p, by_object, by_object ? t.o : t.s}];
        ++c.triples;
        c.hedged += hedged;
      }
    }
  }
  auto describe = [](TermId p, bool by_object, TermId key) {
    return std::string("counts of predicate ") + std::to_string(p) + (by_object ? " object " : " subject ") +
           std::to_string(key);
  };
  if (store.format_version() < 2) {
    // Version 1 has no counts column family: the store must still answer
    // from its indexes.
    for (const auto& [k, c] : expect) {
      auto [p, by_object, key] = k;
      auto n = store.CountKey(p, by_object, key, true);
      if (!n.ok() || *n != c.triples) return describe(p, by_object, key) + ": CountKey differs (version 1)";
    }
    return "";
  }
  std::map<std::tuple<TermId, bool, TermId>, codec::KeyCount> stored;
  Status st = store.ForEachKeyCountForTesting(
      [&](TermId p, bool by_object, TermId key, uint64_t triples, uint64_t hedged) {
        stored[{p, by_object, key}] = codec::KeyCount{triples, hedged};
      });
  if (!st.ok()) return "counts read failed: " + st.ToString();
  for (const auto& [k, c] : expect) {
    auto [p, by_object, key] = k;
    auto it = stored.find(k);
    if (it == stored.end()) return describe(p, by_object, key) + ": missing";
    if (!(it->second == c)) {
      return describe(p, by_object, key) + ": stored " + std::to_string(it->second.triples) + "/" +
             std::to_string(it->second.hedged) + ", recomputed " + std::to_string(c.triples) + "/" +
             std::to_string(c.hedged);
    }
  }
  for (const auto& [k, c] : stored) {
    auto [p, by_object, key] = k;
    if (!expect.count(k))
      return describe(p, by_object, key) + ": stale entry (" + std::to_string(c.triples) + ")";
  }
  return "";
}

}  // namespace kg::storage
