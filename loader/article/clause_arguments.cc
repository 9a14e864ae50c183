// A clause's subjects and objects as values, and what the clause says about
// them (confidence, hedging), shared by the clause, example and nominal patterns.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "kg/value.h"
#include "loader/article/article_extractor.h"
#include "loader/article/words.h"
#include "loader/canonical/gazetteer.h"
#include "loader/canonical/predicates.h"
#include "loader/extract/clauses.h"
#include "loader/text/tokens.h"

namespace kg::loader {

using extract::Clause;
using extract::NounPhrase;
using extract::NpList;
using extract::Range;
using text::Tag;

// Subjects, with "Several carmakers, including A, B and C," standing for A, B, C.
std::vector<Ref> ArticleExtractor::SubjectRefs(const Clause& c) {
  NpList list;
  for (int np : c.subject) {
    bool expanded = false;
    for (const auto& ex : a_.examples) {
      if (ex.head_np == np) {
        for (int m : ex.members) list.push_back(m);
        expanded = true;
        break;
      }
    }
    if (!expanded) list.push_back(np);
  }
  std::vector<Ref> out = Resolve(list);
  // "CareLoop, an AI startup based in Boston": the description in apposition
  // stands for the name before it.
  for (size_t k = 0; k < out.size(); ++k) {
    if (out[k].entity) continue;
    for (const auto& [x, y] : a_.appositions) {
      if (y != list[k]) continue;
      const Ref& rx = ResolveNp(x);
      if (rx.entity) out[k] = rx;
      break;
    }
  }
  return out;
}

std::vector<Ref> ArticleExtractor::Resolve(const NpList& list) {
  std::vector<Ref> out;
  for (int np : list) out.push_back(ResolveNp(np));
  return out;
}

// Literal text for an object phrase, extended by the nominal's own
// complement ("$10 billion investment in Japan") or an infinitive
// ("initiatives to promote AI adoption").
Value ArticleExtractor::ObjectValue(int np_idx, const Clause* c) {
  // Only a direct object takes a following infinitive into its text.
  if (c != nullptr && std::find(c->objects.begin(), c->objects.end(), np_idx) == c->objects.end())
    c = nullptr;
  const Ref& r = ResolveNp(np_idx);
  if (r.entity && !r.via_event) return Value::Entity(r.name);
  if (r.entity && r.via_event) return Value::String(CoreTextNoDet(Np(np_idx)));
  if (r.literal.kind() != ValueKind::kString) return r.literal;
  const NounPhrase& np = Np(np_idx);
  int end = np.range.end;
  const int n = static_cast<int>(a_.tokens.size());
  if (end < n && Tok(end).tag == Tag::kPrep && end + 1 < n &&
      vocab_.ForNoun(Tok(np.head).lemma, Tok(end).lower)) {
    const int next = a_.np_of_token[static_cast<size_t>(end + 1)];
    if (next >= 0) end = Np(next).range.end;
  } else if (c != nullptr && end < n && Tok(end).tag == Tag::kTo) {
    for (const auto& d : a_.clauses) {
      if (d.infinitive && d.verb_group.begin == end) {
        int e2 = d.verb_group.end;
        if (!d.objects.empty()) e2 = Np(d.objects.front()).range.end;
        end = e2;
        break;
      }
    }
  }
  int b = np.range.begin;
  while (b < np.core.end && (Tok(b).tag == Tag::kDet || Tok(b).tag == Tag::kPoss) && b + 1 < np.range.end &&
         Tok(b + 1).lower != "of") {
    ++b;
  }
  std::string text = Text(Range{b, end});
  if (text.empty()) text = r.text;
  return Value::String(text);
}

// Demonym distribution: "Japanese government agencies and enterprises".
std::vector<Value> ArticleExtractor::ListValues(const NpList& list, const Clause* c) {
  std::vector<Value> out;
  std::string demonym;
  for (size_t k = 0; k < list.size(); ++k) {
    Value v = ObjectValue(list[k], c);
    const NounPhrase& np = Np(list[k]);
    if (k == 0 && Tok(np.core.begin).tag == Tag::kAdj &&
        !gaz_.CountryOfDemonym(Tok(np.core.begin).text).empty()) {
      demonym = Tok(np.core.begin).text;
    } else if (k > 0 && !demonym.empty() && v.kind() == ValueKind::kString && np.core.size() == 1 &&
               np.range.begin == np.core.begin && Tok(np.head).tag == Tag::kNoun) {
      v = Value::String(demonym + " " + v.text());
    }
    out.push_back(std::move(v));
  }
  return out;
}

// "opens an office in Chicago": where a facility is opened or built is part
// of what it is ("office in Chicago"), when the place directly follows the
// single object and every conjunct of it is a known place.
Value ArticleExtractor::WithFacilityPlace(const std::string& pred, const Value& o, const Clause& c) {
  if ((pred != "opens" && pred != "builds") || o.kind() != ValueKind::kString || c.objects.size() != 1)
    return o;
  const int end = Np(c.objects.front()).range.end;
  for (const auto& p : c.preps) {
    if (p.prep != "in" || p.prep_token != end || p.objects.empty()) continue;
    std::string places;
    for (size_t k = 0; k < p.objects.size(); ++k) {
      const Ref& r = ResolveNp(p.objects[k]);
      const std::string t = r.entity ? TypeOf(r.name) : "";
      if (t != "City" && t != "Country" && t != "Region") return o;
      if (k > 0) places += k + 1 == p.objects.size() ? " and " : ", ";
      places += r.name;
    }
    return Value::String(o.text() + " in " + places);
  }
  return o;
}

double ArticleExtractor::BaseConfidence(const Ref& subj, const Clause& c) const {
  double conf = 0.9;
  if (subj.via_coref) conf *= 0.9;
  if (c.subject_from >= 0 || c.infinitive || c.gerund) conf *= 0.9;
  return conf;
}

std::string ArticleExtractor::ClauseText(const Clause& c, bool without_to) const {
  Range r = c.verb_group;
  if (without_to && c.infinitive) r.begin += 1;
  int end = c.span.end;
  // "…, the company said": a final attribution is no part of the clause.
  int k = end - 1;
  while (k > r.end && (Tok(k).tag == Tag::kPunct || Tok(k).lower == ".")) --k;
  if (k > r.end && In(Tok(k).lower, {"said", "says", "told", "added", "noted"})) {
    int q = k - 1;
    while (q > r.end && q > k - 6 && Tok(q).lower != "," &&
           (Tok(q).tag == Tag::kNoun || Tok(q).tag == Tag::kProper || Tok(q).tag == Tag::kDet ||
            Tok(q).tag == Tag::kAdj))
      --q;
    if (q > r.end && Tok(q).lower == ",") end = q;
  }
  return Text(Range{r.begin, std::max(end, r.end)});
}

// "is in talks to buy …", "in negotiations to": what is negotiated.
bool ArticleExtractor::InTalks(const Clause& c) const {
  for (const auto& p : c.preps) {
    if (p.prep != "in") continue;
    for (int npi : p.objects) {
      if (In(Lower(Tok(Np(npi).head).lemma),
             {"talk", "talks", "discussion", "discussions", "negotiation", "negotiations"}))
        return true;
    }
  }
  return false;
}

bool ArticleExtractor::ClauseHedged(const Clause& c) const {
  bool hedged = c.hedged;
  int p = c.parent;
  int guard = 0;
  // Whether c and every clause between it and p are infinitives ("want
  // Britain to be the first place to launch satellites": both are wishes).
  bool infinitives = c.infinitive;
  while (p >= 0 && guard++ < 8) {
    const Clause& pc = a_.clauses[static_cast<size_t>(p)];
    if (pc.hedged) hedged = true;
    // "plans to invest", "intends to", "aims to" are commitments in news
    // style; expectations, hopes and proposals are not.
    if (In(pc.lemma, {"expect", "hope", "consider", "propose", "want", "seek"}) ||
        (pc.lemma == "be" && In(pc.adj_complement, {"likely", "set", "poised", "due", "expected"})) ||
        InTalks(pc)) {
      if (infinitives) hedged = true;
    }
    infinitives = infinitives && pc.infinitive;
    p = pc.parent;
  }
  return hedged;
}

}  // namespace kg::loader
