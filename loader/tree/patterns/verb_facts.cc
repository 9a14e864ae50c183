#include <algorithm>

#include "loader/canonical/predicates.h"
#include "loader/text/descriptors.h"
#include "loader/tree/patterns/patterns.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::tree {
namespace {

// Whether `word` hangs on `head`.
bool HeadIs(const SentenceTree& t, int word, int head) { return t.head(word) == head; }

// "expand production capacity for one billion vaccine doses": what a thing
// is made or grown for, written right after it, belongs to it, though the
// parser may hang it on the verb. Not a price ("builds a plant for $2bn").
Value WithForPhrase(PatternContext& cx, const TreeClause& c, const std::string& pred, int object, Value o) {
  const SentenceTree& t = cx.tree;
  if (!OneOf(pred, {"produces", "develops", "expands", "builds", "opens"})) return o;
  // "produce noodles and coffee for export": after a list it is the verb's.
  if (c.objects.size() > 1 || t.Child(object, "conj") >= 0) return o;
  for (const auto& [prep, x] : c.obliques) {
    if (prep != "for" || t.Subtree(x).first != t.Subtree(object).last + 1 || cx.mentions.MoneyOf(x)) continue;
    return Value::String(o.text() + " " + t.Text(t.Subtree(x)));
  }
  return o;
}

// "expand production capacity for one billion vaccine doses", "adds
// manufacturing capacity for batteries": who has capacity to make a thing
// produces it.
void FromProductionCapacity(PatternContext& cx, const TreeClause& c,
                            const std::vector<std::string>& subjects) {
  const SentenceTree& t = cx.tree;
  for (int o : c.objects) {
    if (t.lemma(o) != "capacity") continue;
    bool making = false;
    for (int m : t.Children(o, "compound"))
      making = making || OneOf(t.lemma(m), {"production", "manufacturing"});
    if (!making) continue;
    std::vector<int> goods;
    for (int m : t.Children(o, "nmod")) {
      if (t.CaseOf(m) == "for") goods.push_back(m);
    }
    for (const auto& [prep, x] : c.obliques) {
      if (prep == "for" && t.Subtree(x).first == t.Subtree(o).last + 1) goods.push_back(x);
    }
    for (int g : goods) {
      if (cx.mentions.MoneyOf(g)) continue;
      const Span s = t.Subtree(c.pred);
      for (const std::string& subj : subjects) {
        cx.state.AddFact(Value::Entity(subj), "produces", Value::String(cx.mentions.Phrase(g)),
                         cx.mentions.Evid(s.first, s.last, 0.75, c.hedged));
      }
    }
  }
}

// "agreed to sell its chemicals unit to Danish rival Brevik for $1.2
// billion": a business sold to a company is that company's acquisition,
// not a supply. Returns whether the clause is such a sale.
bool FromDivestiture(PatternContext& cx, const TreeClause& c) {
  const SentenceTree& t = cx.tree;
  if (c.passive || c.objects.empty() || !OneOf(c.lemma, {"sell", "divest", "offload"})) return false;
  const int sold = c.objects.back();
  // (A named company sold; "its business" is no name for its owner.)
  const std::string sold_entity = cx.mentions.NameRun(sold).empty() ? "" : cx.mentions.EntityOf(sold);
  const bool business = WordLists::Get().InClass("business", t.lemma(sold)) ||
                        (!sold_entity.empty() && cx.state.TypeOf(sold_entity) == "Company");
  if (!business) return false;
  std::string buyer;
  int price = -1;
  std::vector<std::pair<std::string, int>> args = c.obliques;
  for (int m : t.Children(sold, "nmod")) args.emplace_back(t.CaseOf(m), m);  // "unit to X" on the noun
  for (const auto& [prep, o] : args) {
    if (prep == "to" && buyer.empty()) {
      // "to Danish rival Brevik": the name after the description.
      int named = cx.mentions.NameAfter(o);
      if (named < 0 && t.Subtree(o).last + 1 < t.size() &&
          !cx.mentions.NameRun(t.Subtree(o).last + 1).empty())
        named = cx.mentions.NameRun(t.Subtree(o).last + 1).last;
      buyer = cx.mentions.EntityOf(named >= 0 ? named : o);
    }
    if (prep == "for") price = o;
  }
  if (buyer.empty()) return false;
  const Span s = t.Subtree(c.pred);
  const Evidence ev = cx.mentions.Evid(s.first, s.last, 0.75, c.hedged);
  // The sold thing's words up to its noun ("its specialty chemicals unit",
  // which the parser may split in two objects), without the owner word.
  int first = sold;
  for (int o : c.objects) first = std::min(first, t.Subtree(o).first);
  while (first < sold && (t.upos(first) == "DET" || t.upos(first) == "PRON")) ++first;
  const Value what =
      sold_entity.empty() ? Value::String(t.Text(Span{first, sold})) : Value::Entity(sold_entity);
  cx.state.AddFact(Value::Entity(buyer), "acquires", what, ev);
  if (price >= 0) {
    if (auto m = cx.mentions.AmountItself(price))
      cx.state.AddFact(Value::Entity(buyer), "acquisition_amount", Value::Money(m->amount, m->currency), ev);
  }
  return true;
}

// "supply U.S. automakers", "serve hospitals": an object that names
// buyers (a company noun, or a company) is the customer, not the goods.
bool CustomerObject(PatternContext& cx, const TreeClause& c, int object) {
  if (!OneOf(c.lemma, {"supply", "serve"}) || c.passive) return false;
  const std::string e = cx.mentions.EntityOf(object);
  if (!e.empty()) return cx.state.TypeOf(e) == "Company";
  const std::string& head = cx.tree.lemma(object);
  return cx.tree.upos(object) == "NOUN" &&
         (WordLists::Get().InClass("company", head) || text::IsOpeningDescriptor(head));
}

// "Kelvio was founded in 2019 by former Oxford researchers Amy Chen and
// Tom Reid": the people who found something are its founders (the agent,
// or the names in apposition to it).
void FromFounders(PatternContext& cx, const TreeClause& c) {
  if (!OneOf(c.lemma, {"found", "co-found", "cofound", "establish", "start"})) return;
  const SentenceTree& t = cx.tree;
  std::vector<std::string> founders = cx.mentions.EntitiesOf(c.agent);
  for (int a : t.Children(c.agent, "appos")) {
    for (const std::string& e : cx.mentions.EntitiesOf(a)) {
      if (std::find(founders.begin(), founders.end(), e) == founders.end()) founders.push_back(e);
    }
  }
  const Span s = t.Subtree(c.pred);
  for (const std::string& made : cx.mentions.EntitiesOfEach(c.subjects)) {
    for (const std::string& f : founders) {
      if (f != made && !IsPlaceType(cx.state.TypeOf(f)))
        cx.state.AddFact(Value::Entity(f), "founder_of", Value::Entity(made),
                         cx.mentions.Evid(s.first, s.last, 0.8, c.hedged));
    }
  }
}

// "expand its development and production of vaccines": a conjunct with no
// complement of its own shares the "of" phrase of the next one.
Value WithSharedOfPhrase(PatternContext& cx, const TreeClause& c, int object, Value o) {
  const SentenceTree& t = cx.tree;
  if (t.upos(object) != "NOUN") return o;
  for (int m : t.Children(object, "nmod")) {
    if (t.deprel(m) != "nmod:poss") return o;  // its own complement ("its" is none)
  }
  for (int k : t.Children(object, "conj")) {
    if (std::find(c.objects.begin(), c.objects.end(), k) == c.objects.end() || t.upos(k) != "NOUN") continue;
    for (int m : t.Children(k, "nmod")) {
      if (t.CaseOf(m) == "of") return Value::String(o.text() + " " + t.Text(t.Subtree(m)));
    }
  }
  return o;
}

void Emit(PatternContext& cx, const TreeClause& c, const std::vector<std::string>& subjects,
          const std::string& pred, int object, bool oblique = false) {
  Value o = cx.mentions.ValueOf(object);
  // "awarded a grant to the city of Tarrow, to build a park": a clause on
  // a prepositional argument says what for, not who.
  if (oblique && o.kind() == ValueKind::kString) o = Value::String(cx.mentions.PhraseWithoutClauses(object));
  // "produce instant noodles and coffee": each object conjunct is a fact of
  // its own, so the first one's phrase stops before the next.
  if (o.kind() == ValueKind::kString) {
    const std::vector<int> conj = cx.tree.Children(object, "conj");
    if (std::any_of(conj.begin(), conj.end(), [&c](int k) {
          return std::find(c.objects.begin(), c.objects.end(), k) != c.objects.end();
        }))
      o = Value::String(cx.mentions.ConjunctPhrase(object));
  }
  // "welcomed the plan": an undertaking as an object is the thing, not the
  // actor it stands for as a subject.
  if (o.kind() == ValueKind::kEntity && cx.tree.upos(object) == "NOUN" &&
      WordLists::Get().InClass("undertaking", cx.tree.lemma(object)))
    o = Value::String(cx.mentions.Phrase(object));
  // "announced a $1.7 billion investment": an investment, not a sum.
  if (o.kind() == ValueKind::kMoney && !cx.mentions.AmountItself(object))
    o = Value::String(cx.mentions.Phrase(object));
  // "technology developed jointly by X": the object is the noun the
  // participle hangs on, without the participle's own clause.
  if (o.kind() == ValueKind::kString && HeadIs(cx.tree, c.pred, object)) {
    const SentenceTree& t = cx.tree;
    const Span s = t.SubtreeWithout(object, [&t, &c](int k) {
      return k == c.pred || t.rel(k) == "det" || t.rel(k) == "punct" || t.rel(k) == "case";
    });
    if (!s.empty()) o = Value::String(t.Text(s));
  }
  if (o.kind() == ValueKind::kString && o.text().empty()) return;
  // "supply battery cells to Corvane's vehicle plants": a customer's
  // facilities stand for the customer.
  if (o.kind() == ValueKind::kString && pred == "supplies_to" && cx.tree.upos(object) == "NOUN" &&
      WordLists::Get().InClass("facility", cx.tree.lemma(object))) {
    const int owner = cx.tree.Child(object, "nmod:poss");
    const std::string e = owner >= 0 && cx.tree.upos(owner) != "PRON" ? cx.mentions.EntityOf(owner) : "";
    if (!e.empty() && cx.state.TypeOf(e) == "Company") o = Value::Entity(e);
  }
  if (o.kind() == ValueKind::kString) o = WithForPhrase(cx, c, pred, object, o);
  if (o.kind() == ValueKind::kString) o = WithSharedOfPhrase(cx, c, object, o);
  // "provides $5 million": a sum given is funding (funding.cc reads it
  // with its funder and recipient); as a bare object it says nothing.
  if (o.kind() == ValueKind::kMoney && (pred == "provides" || pred == "funds" || pred == "approves")) return;
  // "welcomed £130 million of investment into X" announces the investment;
  // a bare sum ("… and $1.5 billion in Chile") announces nothing by itself.
  if (o.kind() == ValueKind::kMoney && pred == "announced") {
    if (cx.tree.Child(object, "nmod") < 0) return;
    o = Value::String(cx.mentions.Phrase(object));
  }
  const Span s = cx.tree.Subtree(c.pred);
  for (const std::string& subj : subjects) {
    cx.state.AddFact(Value::Entity(subj), pred, o, cx.mentions.Evid(s.first, s.last, 0.8, c.hedged));
  }
}

// "Ecuador has an outdated and congested port infrastructure": what a
// subject has with a trouble adjective is something it faces.
void FromTroubles(PatternContext& cx, const TreeClause& c, const std::vector<std::string>& subjects) {
  const SentenceTree& t = cx.tree;
  if (c.lemma != "have" || c.passive) return;
  const WordLists& wl = WordLists::Get();
  for (int o : c.objects) {
    bool trouble = false;
    for (int a : t.Children(o, "amod")) {
      trouble = trouble || wl.InClass("trouble", t.lower(a));
      for (int k : t.Children(a, "conj")) trouble = trouble || wl.InClass("trouble", t.lower(k));
    }
    if (!trouble || !cx.mentions.EntityOf(o).empty()) continue;
    Span s = t.SubtreeWithout(o, [&t](int k) {
      return t.rel(k) == "det" || t.rel(k) == "punct" || t.rel(k) == "acl" || t.deprel(k) == "acl:relcl";
    });
    // What follows a comma is another phrase ("…, much of which is
    // inaccessible", which the parser may even make the head).
    for (int k = s.first + 1; k <= s.last; ++k) {
      if (t.lower(k) == ",") {
        s.last = k - 1;
        break;
      }
    }
    for (const std::string& subj : subjects) {
      cx.state.AddFact(Value::Entity(subj), "faces", Value::String(t.Text(s)),
                       cx.mentions.Evid(t.Subtree(c.pred).first, s.last, 0.75, c.hedged));
    }
  }
}

// "the antestia beetle outbreak in Rwanda": a place a problem is in faces
// it.
void FromPlacedProblems(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  const WordLists& wl = WordLists::Get();
  for (int n = 0; n < t.size(); ++n) {
    if (t.upos(n) != "NOUN" || !wl.InClass("problem", t.lemma(n))) continue;
    for (int p : t.Children(n, "nmod")) {
      if (!OneOf(t.CaseOf(p), {"in", "across", "throughout"})) continue;
      const std::string place = cx.mentions.EntityOf(p);
      if (place.empty() || !IsPlaceType(cx.state.TypeOf(place))) continue;
      // The noun with its modifiers before it: "antestia beetle outbreak".
      Span s{n, n};
      for (int k : t.children(n)) {
        if (k < n && t.rel(k) != "det" && t.rel(k) != "punct" && t.rel(k) != "case")
          s.first = std::min(s.first, t.Subtree(k).first);
      }
      cx.state.AddFact(Value::Entity(place), "faces", Value::String(t.Text(s)),
                       cx.mentions.Evid(s.first, t.Subtree(p).last, 0.7, false));
    }
  }
}

// "much of the produce is grown in El Oro province", "the cells are made in
// Poland": a place where something is made, with no maker named, produces
// it.
void FromPlaceOfMaking(PatternContext& cx, const TreeClause& c) {
  if (canonical::Vocabulary::Get().ForVerb(c.lemma) != std::optional<std::string>("produces")) return;
  for (const auto& [prep, o] : c.obliques) {
    if (prep != "in") continue;
    const std::string place = cx.mentions.EntityOf(o);
    // (A name a place noun gives is a place: "El Oro province".)
    const std::string type = place.empty() ? "" : cx.state.TypeOf(place);
    if (place.empty() || !(IsPlaceType(type) || (type.empty() && cx.mentions.PlaceNamedOf(o) >= 0))) continue;
    for (int s : c.subjects) {
      if (!cx.mentions.EntityOf(s).empty()) continue;  // "X is made in Y": X is no product of Y
      Emit(cx, c, {place}, "produces", s);
    }
  }
}

}  // namespace

void ExtractVerbFacts(PatternContext& cx) {
  FromPlacedProblems(cx);
  const auto& vocab = canonical::Vocabulary::Get();
  for (const TreeClause& c : cx.clauses) {
    if (c.copula || c.negated) continue;
    // A passive's agent is the doer: "the plant was opened by X".
    std::vector<int> objects = c.objects;
    std::vector<std::string> subjects;
    if (c.passive) {
      if (c.agent < 0) {
        FromPlaceOfMaking(cx, c);
        continue;
      }
      subjects = cx.mentions.EntitiesOf(c.agent);
      objects = c.subjects;
      FromFounders(cx, c);
    } else {
      subjects = cx.mentions.EntitiesOfEach(c.subjects);
    }
    if (subjects.empty()) continue;
    if (!c.passive) FromTroubles(cx, c, subjects);
    const bool divestiture = FromDivestiture(cx, c);
    if (!c.passive) FromProductionCapacity(cx, c, subjects);
    if (auto pred = vocab.ForVerb(c.lemma)) {
      // "is receiving a loan from X to finance the construction of …": the
      // borrower pays with X's money; X funds the borrower (funding.cc).
      if (*pred == "funds" && c.purpose && c.inherited && c.governor >= 0 &&
          OneOf(cx.tree.lemma(c.governor), {"receive", "get", "secure", "obtain", "win", "borrow"}))
        objects.clear();
      for (int o : objects) {
        if (CountedJobs(cx.tree, o)) continue;
        Emit(cx, c, subjects, CustomerObject(cx, c, o) ? "supplies_to" : *pred, o);
      }
    }
    // "supplies cells to General Motors" with "to" hung on the goods: the
    // buyer is the verb's all the same.
    if (auto to = vocab.ForVerbPrep(c.lemma, "to");
        to && *to == "supplies_to" && !c.passive && !divestiture) {
      for (int o : objects) {
        for (int k : cx.tree.Children(o, "nmod")) {
          if (cx.tree.CaseOf(k) == "to") Emit(cx, c, subjects, *to, k, /*oblique=*/true);
        }
      }
    }
    for (const auto& [prep, o] : c.obliques) {
      if (divestiture && prep == "to") continue;  // the buyer, not a customer
      if (auto pred = vocab.ForVerbPrep(c.lemma, prep)) Emit(cx, c, subjects, *pred, o, /*oblique=*/true);
      // "agreed to buy Danish rival Brevik for $3.2 billion": the price; "in
      // a $4.1 billion all-cash deal" too.
      const bool deal =
          prep == "in" && OneOf(cx.tree.lemma(o), {"deal", "transaction", "takeover", "purchase"});
      if ((prep == "for" || deal) && !c.passive &&
          vocab.ForVerb(c.lemma) == std::optional<std::string>("acquires")) {
        if (auto m = deal ? cx.mentions.MoneyOf(o) : cx.mentions.AmountItself(o)) {
          const Span s = cx.tree.Subtree(c.pred);
          for (const std::string& subj : subjects) {
            cx.state.AddFact(Value::Entity(subj), "acquisition_amount", Value::Money(m->amount, m->currency),
                             cx.mentions.Evid(s.first, s.last, 0.8, c.hedged));
          }
        }
      }
    }
  }
}

}  // namespace kg::loader::tree
