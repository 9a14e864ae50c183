// Investment events read off the tree: an event node per investment
// (docs/vocabulary.md, "Investment events") with its investor, every
// target, every amount and the bound written before it, the period, the
// purpose and the date. From "invest"-like clauses ("will invest more than
// $2.9 billion over two years in Peru to expand …"), from the noun
// ("announced a $1.7 billion investment in Kenya and $1.5 billion in
// Chile": two events) and from a facility built with its cost in a place.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "loader/canonical/gazetteer.h"
#include "loader/canonical/literals.h"
#include "loader/canonical/predicates.h"
#include "loader/tree/patterns/patterns.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::tree {
namespace {

struct Investment {
  std::vector<std::string> investors;
  std::vector<Value> targets;
  std::vector<canonical::Money> amounts;
  std::string qualifier;  // "more than"
  std::string period;     // "over two years", "by 2030"
  std::string purpose;    // "expand its data centres in Peru"
  int dated_by = -1;      // the word whose clause gives the date
  Span span;
  double conf = 0.8;
  bool hedged = false;
  // A verb clause without an amount elaborates the investor's latest event
  // ("X is investing heavily in data centres" after X's announced one).
  bool continues = false;
};

void AddUnique(std::vector<Value>* out, const Value& v) {
  if (std::find(out->begin(), out->end(), v) == out->end()) out->push_back(v);
}

// "more than", "up to", … written before the amount at word a.
std::string Qualifier(const SentenceTree& t, int a) {
  const Span s = t.Subtree(a);
  int k = s.first;
  while (k < a && t.upos(k) != "NUM" && t.upos(k) != "SYM" && t.upos(k) != "DET") ++k;
  if (k == s.first) return "";
  std::string q;
  for (int i = s.first; i < k; ++i) q += (q.empty() ? "" : " ") + t.lower(i);
  // "invest up to $2 billion", with "up" parsed as the verb's particle.
  if (q == "to" && s.first > 0 && t.lower(s.first - 1) == "up") q = "up to";
  return canonical::AmountBound(q) ? q : "";
}

// The amounts word o is or is modified by, with a converted amount in
// brackets ("2.26 trillion yen ($15.24 billion)"); the bound of the first.
void AddAmounts(PatternContext& cx, int o, Investment* inv) {
  const SentenceTree& t = cx.tree;
  auto m = cx.mentions.MoneyOf(o);
  if (!m) return;
  inv->amounts.push_back(*m);
  if (inv->qualifier.empty()) inv->qualifier = Qualifier(t, o);
  // (On the noun, or on the amount modifying it: "a 350 million euro ($380
  // million) factory".)
  std::vector<int> candidates;
  for (int c : t.children(o)) {
    if (c > o) candidates.push_back(c);
  }
  for (int k = t.Subtree(o).first; k < o; ++k) candidates.push_back(k);
  for (int c : candidates) {
    if (!OneOf(t.rel(c), {"appos", "parataxis", "dep", "nmod"})) continue;
    const int first = t.Subtree(c).first;
    if (t.lower(first) != "(" && (first == 0 || t.lower(first - 1) != "(")) continue;
    if (auto conv = cx.mentions.AmountItself(c)) inv->amounts.push_back(*conv);
  }
}

// The text of o's phrase without its preposition ("2028" of "by 2028").
std::string WithoutCase(const SentenceTree& t, int o) {
  Span s = t.Subtree(o);
  while (s.first < o && t.rel(s.first) == "case") ++s.first;
  return t.Text(s);
}

// Whether word o names a time ("in 2027", "this year"), not a target.
bool TimeWord(PatternContext& cx, int o) {
  const SentenceTree& t = cx.tree;
  if (cx.mentions.TimeModifier(o)) return true;
  if (OneOf(t.lemma(o), {"year", "month", "week", "day", "quarter", "decade", "time", "period"})) return true;
  return t.upos(o) == "NUM" && canonical::ParseDate(WithoutCase(t, o)).has_value();
}

// "over two years", "by 2030": the period an argument with case `prep`
// at word o gives, or "".
std::string Period(const SentenceTree& t, const std::string& prep, int o) {
  const bool span = OneOf(prep, {"over", "during", "within", "for"}) &&
                    OneOf(t.lemma(o), {"year", "month", "week", "decade", "period", "quarter"});
  const bool until = OneOf(prep, {"by", "through", "until", "till"}) && t.upos(o) == "NUM" &&
                     canonical::ParseDate(WithoutCase(t, o)).has_value();
  if (!span && !until) return "";
  return prep + " " + WithoutCase(t, o);
}

// "all three areas", "these priorities": a target that points back names
// nothing by itself.
bool PointsBack(const SentenceTree& t, int o) {
  for (int d : t.children(o)) {
    if (OneOf(t.rel(d), {"det", "det:predet"}) &&
        OneOf(t.lower(d), {"all", "these", "those", "both", "such", "this", "that", "each", "either"}))
      return true;
  }
  return false;
}

// The places a facility target is in ("battery plants in the U.S. and
// Japan"): entities of its "in" phrases and their conjuncts.
std::vector<Value> PlacesIn(PatternContext& cx, int n) {
  std::vector<Value> out;
  for (const std::string& e : cx.mentions.EntitiesOf(n)) {
    if (IsPlaceType(cx.state.TypeOf(e))) AddUnique(&out, Value::Entity(e));
  }
  return out;
}

std::vector<Value> PlacesOf(PatternContext& cx, int o) {
  const SentenceTree& t = cx.tree;
  std::vector<Value> out;
  for (int n : t.Children(o, "nmod")) {
    if (t.CaseOf(n) != "in") continue;
    for (const Value& p : PlacesIn(cx, n)) AddUnique(&out, p);
  }
  // "Mexican plants", "Japan cloud" (headline style): a demonym or a place
  // name in front of the thing says where it is.
  for (int m : t.children(o)) {
    if (m > o) continue;
    if (t.rel(m) == "compound" && t.upos(m) == "PROPN") {
      for (const Value& p : PlacesIn(cx, m)) AddUnique(&out, p);
    } else if (t.rel(m) == "amod") {
      const std::string country = canonical::Gazetteer::Get().CountryOfDemonym(t.word(m).form);
      if (!country.empty()) AddUnique(&out, Value::Entity(cx.state.Entity(country, "Country")));
    }
  }
  return out;
}

// Target word o and its conjuncts: a name as its entity, else the phrase
// without its place, and the place too.
void AddTargets(PatternContext& cx, int o, Investment* inv) {
  const SentenceTree& t = cx.tree;
  std::vector<int> words{o};
  for (int k : t.Children(o, "conj")) words.push_back(k);
  for (int w : words) {
    if (TimeWord(cx, w) || cx.mentions.AmountItself(w) || PointsBack(t, w)) continue;
    const std::string e = cx.mentions.EntityOf(w);
    if (!e.empty()) {
      AddUnique(&inv->targets, Value::Entity(e));
      continue;
    }
    const std::vector<Value> places = PlacesOf(cx, w);
    const Span s = t.SubtreeWithout(w, [&t, &cx](int c) {
      const std::string_view r = t.rel(c);
      // (A restrictive relative clause names the target: "efforts that help
      // farmers"; other clauses on it do not.)
      const bool clause =
          r == "acl" && (t.deprel(c) != "acl:relcl" || t.lower(t.Subtree(c).first) == "which" ||
                         t.lower(t.Subtree(c).first - 1) == ",");
      return r == "det" || r == "case" || r == "punct" || r == "cc" || r == "conj" || clause ||
             (r == "nmod" && t.CaseOf(c) == "in" && !PlacesIn(cx, c).empty()) ||
             (r == "nmod" && !Period(t, t.CaseOf(c), c).empty()) || cx.mentions.TimeModifier(c);
    });
    // "a new plant in Ohio by 2028": the deadline is the investment's.
    for (int c : t.Children(w, "nmod")) {
      if (std::string p = Period(t, t.CaseOf(c), c); !p.empty() && inv->period.empty()) inv->period = p;
    }
    const std::string phrase = cx.mentions.TextWithoutEdgePunctuation(s);
    if (!phrase.empty() && t.upos(w) != "PRON") AddUnique(&inv->targets, Value::String(phrase));
    for (const Value& p : places) AddUnique(&inv->targets, p);
  }
}

// The text of a purpose clause without its "to" and what is set off.
std::string PurposeText(PatternContext& cx, int v) {
  const SentenceTree& t = cx.tree;
  Span s = t.SubtreeWithout(v, [&t](int c) {
    return t.rel(c) == "mark" || t.rel(c) == "punct" || t.rel(c) == "parataxis" || t.SetOffClause(c);
  });
  s = t.WithoutTrailingSetOffClause(v, s);
  // "… to expand its cloud infrastructure, the company's largest investment
  // in the country": a last conjunct after a comma with no "and" is an
  // apposition to the whole, not part of the purpose.
  for (int k = s.first; k <= s.last; ++k) {
    if (t.rel(k) != "conj" || t.Subtree(k).last != s.last) continue;
    int first = t.Subtree(k).first;
    const int comma = t.lower(first) == "," ? first : first - 1;
    if (t.lower(first) == ",") ++first;
    bool cc = false;
    for (int w = first; w <= s.last; ++w) cc = cc || t.rel(w) == "cc";
    if (!cc && comma > s.first && t.lower(comma) == "," && t.lower(first) == "the") {
      s.last = comma - 1;
      break;
    }
  }
  return cx.mentions.TextWithoutEdgePunctuation(s);
}

// The purpose infinitive governed by word g ("invest … to expand …"; "an
// investment to build …"), or "".
std::string PurposeOf(PatternContext& cx, int g, int* clause_pred) {
  for (const TreeClause& d : cx.clauses) {
    if (d.governor != g || !d.purpose || d.lemma == "invest") continue;
    if (clause_pred != nullptr) *clause_pred = d.pred;
    return PurposeText(cx, d.pred);
  }
  return "";
}

// The places of a purpose clause are where the money goes ("invest $2.9
// billion to expand its data centres in Peru"), when nothing else is.
void AddPurposePlaces(PatternContext& cx, int purpose_pred, Investment* inv) {
  if (purpose_pred < 0 || !inv->targets.empty()) return;
  for (const TreeClause& d : cx.clauses) {
    if (d.pred != purpose_pred) continue;
    std::vector<int> where;
    for (const auto& [prep, o] : d.obliques) {
      if (prep == "in") where.push_back(o);
    }
    for (int o : d.objects) {
      for (int n : cx.tree.Children(o, "nmod")) {
        if (cx.tree.CaseOf(n) == "in") where.push_back(n);
      }
    }
    for (int o : where) {
      for (const std::string& e : cx.mentions.EntitiesOf(o)) {
        if (IsPlaceType(cx.state.TypeOf(e))) AddUnique(&inv->targets, Value::Entity(e));
      }
    }
  }
}

// The date of the event: that of its clause, else of a clause governing it
// or reporting it ("X said on Tuesday it will invest …", "…, the company
// said on Monday"), else the article's.
std::optional<Date> EventDate(PatternContext& cx, int w) {
  const SentenceTree& t = cx.tree;
  int v = w;
  for (int guard = 0; v >= 0 && guard < 8; ++guard, v = t.head(v)) {
    if (!t.IsVerbal(v)) continue;
    if (auto d = DateOfClause(cx, v)) return d;
    // "Sources said yesterday X will …" (the parser may hang the adverb on
    // the next name).
    if (v + 1 < t.size() && OneOf(t.lower(v + 1), {"yesterday", "today"}) && !cx.state.ArticleDate().empty())
      return canonical::ParseDate(t.lower(v + 1), cx.state.ArticleDate());
    for (int p : t.Children(v, "parataxis")) {
      if (auto d = DateOfClause(cx, p)) return d;
    }
  }
  if (cx.state.ArticleDate().empty()) return std::nullopt;
  return canonical::ParseDate(cx.state.ArticleDate());
}

void Emit(PatternContext& cx, const Investment& inv) {
  if (inv.targets.empty() && inv.amounts.empty()) return;
  const Evidence ev = cx.mentions.Evid(inv.span.first, inv.span.last, inv.conf, inv.hedged);
  const std::optional<Date> date = EventDate(cx, inv.dated_by);
  for (const std::string& who : inv.investors) {
    const bool latest = inv.targets.empty() || (inv.continues && inv.amounts.empty());
    const std::string first = inv.targets.empty() ? "" : inv.targets.front().ToString();
    // The flat shortcuts stand beside the event (docs/vocabulary.md).
    for (const Value& x : inv.targets) cx.state.AddFact(Value::Entity(who), "invests_in", x, ev);
    for (const auto& m : inv.amounts)
      cx.state.AddFact(Value::Entity(who), "investment_amount", Value::Money(m.amount, m.currency), ev);
    const Value e = Value::Entity(cx.state.InvestmentEvent(who, first, latest));
    cx.state.AddFact(e, "investor", Value::Entity(who), ev);
    for (const Value& x : inv.targets) cx.state.AddFact(e, "investment_target", x, ev);
    for (const auto& m : inv.amounts) cx.state.AddFact(e, "amount", Value::Money(m.amount, m.currency), ev);
    if (!inv.qualifier.empty() && !inv.amounts.empty())
      cx.state.AddFact(e, "amount_qualifier", Value::String(inv.qualifier), ev);
    if (!inv.period.empty()) cx.state.AddFact(e, "period", Value::String(inv.period), ev);
    if (date) cx.state.AddFact(e, "date", Value::DateValue(*date), ev);
    if (!inv.purpose.empty()) {
      Evidence pe = ev;
      pe.confidence *= 0.9;
      cx.state.AddFact(e, "purpose", Value::String(inv.purpose), pe);
    }
  }
}

// "is investing heavily in data centers and cloud infrastructure to
// support AI workloads", parsed with "cloud" as a second verb: verbs joined
// by "and" share their form, so a bare verb after an -ing one, with no
// subject or auxiliary of its own, is a noun of the target list; what its
// object is "to" do is the purpose.
void AddMisparsedConjuncts(PatternContext& cx, const TreeClause& c, Investment* inv) {
  const SentenceTree& t = cx.tree;
  if (inv->targets.empty() || t.word(c.pred).xpos != "VBG") return;
  for (int k : t.Children(c.pred, "conj")) {
    if (t.upos(k) != "VERB" || t.word(k).xpos != "VB" || t.Child(k, "nsubj") >= 0 || t.Child(k, "aux") >= 0 ||
        t.Child(k, "cc") < 0)
      continue;
    const int o = t.Child(k, "obj");
    if (o < 0 || o != k + 1) continue;
    const Span s = t.SubtreeWithout(o, [&t](int x) { return t.rel(x) == "acl" || t.rel(x) == "punct"; });
    AddUnique(&inv->targets, Value::String(t.Text(Span{k, s.last})));
    if (inv->purpose.empty()) inv->purpose = PurposeOf(cx, o, nullptr);
  }
}

// "Norvale commits $3 billion to Kestria solar": a sum committed or
// pledged "to" something is invested in it.
bool CommitsTo(std::string_view lemma, const TreeClause& c) {
  if (!OneOf(lemma, {"commit", "pledge"})) return false;
  return std::any_of(c.obliques.begin(), c.obliques.end(), [](const auto& po) {
    return OneOf(po.first, {"to", "toward", "towards"});
  });
}

// Whether clause c spends money on something: "invest", or a verb whose
// preposition the vocabulary reads as invests_in ("spend on", "pour
// into") with a sum as its object.
bool InvestingClause(PatternContext& cx, const TreeClause& c) {
  const std::string& lemma = cx.tree.lemma(c.pred);
  if (lemma == "invest" || lemma == "reinvest") return true;
  bool sum = false;
  for (int o : c.objects) sum = sum || cx.mentions.AmountItself(o).has_value();
  if (!sum) return false;
  if (CommitsTo(lemma, c)) return true;
  // "would spend $2 billion to expand its plant in Oregon": a sum spent for
  // a purpose is an investment in it.
  if (lemma == "spend" && std::any_of(cx.clauses.begin(), cx.clauses.end(), [&c](const TreeClause& d) {
        return d.governor == c.pred && d.purpose;
      }))
    return true;
  const auto& vocab = canonical::Vocabulary::Get();
  return std::any_of(c.obliques.begin(), c.obliques.end(), [&](const auto& po) {
    return vocab.ForVerbPrep(c.lemma, po.first) == std::optional<std::string>("invests_in");
  });
}

void FromClauses(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  const auto& vocab = canonical::Vocabulary::Get();
  for (const TreeClause& c : cx.clauses) {
    if (c.copula || c.negated || !InvestingClause(cx, c)) continue;
    Investment main;
    main.investors = cx.mentions.EntitiesOfEach(c.passive ? std::vector<int>{c.agent} : c.subjects);
    if (c.passive && c.agent < 0) main.investors.clear();
    if (main.investors.empty()) continue;
    main.dated_by = c.pred;
    main.span = t.Subtree(c.pred);
    main.hedged = c.hedged;
    main.continues = true;
    int purpose_pred = -1;
    main.purpose = PurposeOf(cx, c.pred, &purpose_pred);
    std::vector<Investment> more;
    // Each sum with its own "in" phrase after the first is an investment of
    // its own ("invest $1.7 billion in Kenya and $1.5 billion in Chile").
    std::vector<int> sums = c.passive ? c.subjects : c.objects;
    for (size_t i = 0; i < sums.size(); ++i) {
      const int o = sums[i];
      std::vector<int> own;
      for (int n : t.Children(o, "nmod")) {
        if (OneOf(t.CaseOf(n), {"in", "into", "on"})) own.push_back(n);
      }
      // ("$500 million more in Norvik's labs", with the place hung on "more".)
      for (int a : t.children(o)) {
        if (!OneOf(t.rel(a), {"amod", "advmod"})) continue;
        for (int n : t.children(a)) {
          if (OneOf(t.rel(n), {"obl", "nmod"}) && OneOf(t.CaseOf(n), {"in", "into", "on"})) own.push_back(n);
        }
      }
      Investment* into = &main;
      if (i > 0 && !own.empty() && !main.amounts.empty()) {
        more.push_back(main);
        more.back().amounts.clear();
        more.back().qualifier.clear();
        more.back().targets.clear();
        more.back().purpose.clear();
        more.back().continues = false;
        into = &more.back();
      }
      AddAmounts(cx, o, into);
      for (int n : own) AddTargets(cx, n, into);
    }
    const bool invest = OneOf(t.lemma(c.pred), {"invest", "reinvest"});
    for (const auto& [prep, o] : c.obliques) {
      // "invest up to $2 billion", parsed with "up" as a particle and the
      // sum as an oblique.
      if (main.amounts.empty() && invest &&
          OneOf(prep, {"to", "up to", "about", "around", "over", "nearly"}) && cx.mentions.AmountItself(o)) {
        AddAmounts(cx, o, &main);
        main.qualifier = prep == "to" && t.HasChildLemma(c.pred, "compound:prt", "up") ? "up to" : prep;
        if (main.qualifier == "to") main.qualifier.clear();
        continue;
      }
      if (vocab.ForVerbPrep(c.lemma, prep) == std::optional<std::string>("invests_in") ||
          (invest && OneOf(prep, {"in", "into"})) ||
          (CommitsTo(t.lemma(c.pred), c) && OneOf(prep, {"to", "toward", "towards"}))) {
        AddTargets(cx, o, &main);
      } else if (std::string p = Period(t, prep, o); !p.empty() && main.period.empty()) {
        main.period = p;
      }
    }
    AddMisparsedConjuncts(cx, c, &main);
    AddPurposePlaces(cx, purpose_pred, &main);
    Emit(cx, main);
    for (const Investment& m : more) Emit(cx, m);
  }
}

// Whether the clause word v of a noun receives it ("X received a $2
// million investment"): its subject is where the money goes.
bool Receiving(const SentenceTree& t, int v) {
  return v >= 0 && OneOf(t.lemma(v), {"receive", "get", "win", "secure", "obtain", "attract", "land", "gain",
                                      "welcome", "see"});
}

void FromNouns(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (int n = 0; n < t.size(); ++n) {
    if (t.upos(n) != "NOUN" || !OneOf(t.lemma(n), {"investment", "reinvestment"})) continue;
    if (const TreeClause* g = GoverningClause(cx, n); g != nullptr && g->negated) continue;
    Investment inv;
    AddAmounts(cx, n, &inv);
    for (int m : t.Children(n, "nmod")) {
      const std::string cs = t.CaseOf(m);
      if (OneOf(cs, {"in", "into", "to"})) AddTargets(cx, m, &inv);
      if (cs == "of" && inv.amounts.empty()) AddAmounts(cx, m, &inv);
      if (std::string p = Period(t, cs, m); !p.empty()) inv.period = p;
    }
    // "the investment" with neither sum nor owner is one told before.
    const int det = t.Child(n, "det");
    const bool owned = t.Child(n, "nmod:poss") >= 0;
    if (inv.amounts.empty() && !owned && det >= 0 && OneOf(t.lower(det), {"the", "this", "that", "these"}))
      continue;
    int v = t.head(n);
    while (v >= 0 && t.rel(n) == "conj" && !t.IsVerbal(v)) v = t.head(v);
    if (Receiving(t, v) && t.Child(n, "nmod:poss") < 0) continue;
    inv.investors = NominalAgents(cx, n, /*persons_act=*/false);
    if (inv.investors.empty()) continue;
    inv.span = t.Subtree(n);
    inv.dated_by = n;
    inv.conf = 0.85;
    inv.hedged = GoverningClauseHedged(cx, n);
    int purpose_pred = -1;
    inv.purpose = PurposeOf(cx, n, &purpose_pred);
    if (inv.purpose.empty() && v >= 0 && t.IsVerbal(v)) inv.purpose = PurposeOf(cx, v, &purpose_pred);
    AddPurposePlaces(cx, purpose_pred, &inv);
    Emit(cx, inv);
    // "… investment in Kenya and $1.5 billion in Chile": a sum among its
    // conjuncts with its own "in" phrase is a second investment.
    for (int k : t.Children(n, "conj")) {
      if (!cx.mentions.AmountItself(k)) continue;
      Investment second = inv;
      second.amounts.clear();
      second.qualifier.clear();
      second.targets.clear();
      second.purpose.clear();
      AddAmounts(cx, k, &second);
      for (int m : t.Children(k, "nmod")) {
        if (OneOf(t.CaseOf(m), {"in", "into"})) AddTargets(cx, m, &second);
      }
      // (The parser may hang its "in" phrase on the verb.)
      if (second.targets.empty() && v >= 0) {
        for (int m : t.Children(v, "obl")) {
          if (t.Subtree(m).first == t.Subtree(k).last + 1 && OneOf(t.CaseOf(m), {"in", "into"}))
            AddTargets(cx, m, &second);
        }
      }
      if (!second.targets.empty()) Emit(cx, second);
    }
  }
}

// "X would build a $400 million plant in Vietnam", "will open a $40
// million distribution center in Ohio": a facility with its cost, built or
// opened by X, is X's investment, in the facility's place when one is
// named (else in the facility).
void FromFacilities(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (const TreeClause& c : cx.clauses) {
    if (c.copula || c.negated || c.passive ||
        !OneOf(c.lemma, {"build", "construct", "open", "set up", "establish", "develop"}))
      continue;
    for (int o : c.objects) {
      if (!WordLists::Get().InClass("facility", t.lemma(o)) || cx.mentions.AmountItself(o)) continue;
      Investment inv;
      AddAmounts(cx, o, &inv);
      if (inv.amounts.empty()) continue;
      inv.targets = PlacesOf(cx, o);
      for (const auto& [prep, x] : c.obliques) {
        if (prep == "in") {
          for (const Value& p : PlacesIn(cx, x)) AddUnique(&inv.targets, p);
        }
      }
      if (inv.targets.empty()) {
        const std::string phrase = cx.mentions.PhraseWithoutCost(o);
        if (phrase.empty()) continue;
        inv.targets.push_back(Value::String(phrase));
      }
      inv.investors = cx.mentions.EntitiesOfEach(c.subjects);
      inv.span = t.Subtree(c.pred);
      inv.dated_by = c.pred;
      inv.conf = 0.72;
      inv.hedged = c.hedged;
      Emit(cx, inv);
    }
  }
}

}  // namespace

void ExtractInvestmentEvents(PatternContext& cx) {
  FromClauses(cx);
  FromNouns(cx);
  FromFacilities(cx);
}

}  // namespace kg::loader::tree
