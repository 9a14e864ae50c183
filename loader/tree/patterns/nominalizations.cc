#include <algorithm>

#include "loader/canonical/predicates.h"
#include "loader/tree/patterns/patterns.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::tree {

// Who does what a nominalization names: its possessor ("Abound's
// production of …"), its "by" phrase, a name before it ("the EDA
// investment"), else the subject of the clause it is an argument of
// ("focusing on the manufacture of …") unless that is a person announcing
// an undertaking that is not theirs; a launch is the act of whoever
// announces it ("the minister announced the launch of the strategy").
std::vector<std::string> NominalAgents(PatternContext& cx, int n, bool persons_act) {
  const SentenceTree& t = cx.tree;
  for (int c : t.children(n)) {
    const std::string_view r = t.rel(c);
    const bool owner = t.deprel(c) == "nmod:poss" || (r == "nmod" && t.CaseOf(c) == "by") ||
                       (r == "compound" && c < n && t.upos(c) == "PROPN");
    if (!owner) continue;
    auto e = cx.mentions.EntitiesOf(c);
    if (!e.empty()) return e;
  }
  // "a loan guarantee to Abound for the assembly of solar panels": what a
  // sum is for is done by its recipient.
  // ("approved a loan to Tesca for the production of buses", with "for"
  // on the verb, is the same.)
  std::vector<int> sums;
  if (t.CaseOf(n) == "for" && t.head(n) >= 0) {
    const int h = t.head(n);
    if (t.rel(n) == "nmod") sums.push_back(h);
    if (t.rel(n) == "obl" && t.IsVerbal(h)) sums = t.Children(h, "obj");
  }
  std::vector<std::string> recipients;
  for (int sum : sums) {
    if (!WordLists::Get().InClass("funding", t.lemma(sum))) continue;
    for (int r : t.Children(sum, "nmod")) {
      if (t.CaseOf(r) != "to") continue;
      for (const std::string& e : cx.mentions.EntitiesOf(r)) recipients.push_back(e);
    }
  }
  if (!recipients.empty()) return recipients;
  // "X will use the fresh financing for investments in research": who uses
  // or receives a sum does what it is for.
  if (t.CaseOf(n) == "for" && t.rel(n) == "nmod" && t.head(n) >= 0) {
    const int sum = t.head(n);
    const int v = t.head(sum);
    if (t.rel(sum) == "obj" && v >= 0 && WordLists::Get().InClass("funding", t.lemma(sum)) &&
        OneOf(t.lemma(v), {"use", "receive", "get", "secure", "obtain", "borrow", "raise", "take"})) {
      bool inherited = false;
      return cx.mentions.EntitiesOfEach(SubjectsOf(t, v, &inherited));
    }
  }
  // A conjunct shares the first conjunct's clause ("its development and
  // production of vaccines").
  int arg = n;
  while (t.rel(arg) == "conj" && t.head(arg) >= 0) arg = t.head(arg);
  const std::string_view r = t.rel(arg);
  const int v = t.head(arg);
  if (v < 0 || (r != "obj" && r != "obl") || !t.IsVerbal(v)) return {};
  // "There have been investments to Wales": an existential names no one.
  if (t.Child(v, "expl") >= 0) return {};
  // "signed a loan with X to finance the construction of a wind farm": what
  // a funder finances its borrower does. (Not when the subject received
  // the sum: "is receiving a loan … to finance the construction of …".)
  const int purpose_of = t.head(v);
  const bool received = purpose_of >= 0 && OneOf(t.lemma(purpose_of), {"receive", "get", "secure", "obtain",
                                                                       "win", "use", "raise", "borrow"});
  if (r == "obj" && !received &&
      OneOf(t.lemma(v), {"finance", "fund", "co-finance", "cofinance", "refinance", "underwrite"}))
    return {};
  bool inherited = false;
  std::vector<std::string> agents = cx.mentions.EntitiesOfEach(SubjectsOf(t, v, &inherited));
  if (persons_act) return agents;
  // "Pellix Pharma CEO Mara Lind announced a $1.7 billion investment": a
  // person announcing an undertaking speaks for their organization, which
  // makes it; a person who speaks for none makes none.
  std::vector<std::string> out;
  for (const std::string& a : agents) {
    const std::string who = cx.state.TypeOf(a) == "Person" ? cx.state.OrganizationOf(a) : a;
    if (!who.empty() && std::find(out.begin(), out.end(), who) == out.end()) out.push_back(who);
  }
  return out;
}

namespace {

// The complements of n that the vocabulary names, with those of its last
// conjunct shared ("development and production of vaccines").
std::vector<std::pair<std::string, int>> Complements(const SentenceTree& t, int n) {
  std::vector<std::pair<std::string, int>> out;
  // (Not its possessor: "its development and production of vaccines".)
  auto add = [&t, &out](int head) {
    for (int c : t.Children(head, "nmod")) {
      if (t.deprel(c) != "nmod:poss") out.emplace_back(t.CaseOf(c), c);
    }
  };
  add(n);
  if (!out.empty()) return out;
  for (int conj : t.Children(n, "conj")) add(conj);
  return out;
}

// The subjects of the verb that makes undertaking n public ("announced a
// plan"), when n is its object.
std::vector<std::string> Announcers(PatternContext& cx, int n, bool* hedged) {
  const SentenceTree& t = cx.tree;
  const int v = t.head(n);
  if (v < 0 || t.rel(n) != "obj" ||
      !OneOf(t.lemma(v),
             {"announce", "unveil", "launch", "outline", "present", "reveal", "detail", "propose"}))
    return {};
  for (const TreeClause& c : cx.clauses) {
    if (c.pred != v || c.negated || c.passive) continue;
    *hedged = c.hedged;
    return cx.mentions.EntitiesOfEach(c.subjects);
  }
  return {};
}

// "INEOS' £600 million drive", "its $2 billion expansion plan": a sum on
// an undertaking its owner spends is the owner's investment amount.
void FromOwnedSums(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (int n = 0; n < t.size(); ++n) {
    if (t.upos(n) != "NOUN" ||
        !OneOf(t.lemma(n),
               {"investment", "plan", "drive", "push", "expansion", "project", "programme", "program",
                "initiative", "commitment", "pledge", "upgrade", "modernization", "modernisation"}))
      continue;
    int poss = t.Child(n, "nmod:poss");
    // "Vessa Motors' £600 million drive" read with the apostrophe as
    // punctuation: the name written against it owns the phrase.
    const int first = t.Subtree(n).first;
    for (int k = std::max(first - 1, 0); poss < 0 && k <= first; ++k) {
      if (k > 0 && (t.lower(k) == "'" || t.lower(k) == "’") && t.End(k - 1) == t.Begin(k) &&
          !cx.mentions.NameRun(k - 1).empty())
        poss = k - 1;
    }
    const auto amount = cx.mentions.MoneyOf(n);
    if (!amount) continue;
    std::vector<std::string> owners;
    if (poss >= 0) owners.push_back(cx.mentions.EntityOf(poss));
    // "Halden announced a $9 billion plan to build …": an organization
    // that makes its own plan public owns it (a person speaks for another).
    bool hedged = false;
    if (poss < 0) owners = Announcers(cx, n, &hedged);
    const Span s = t.Subtree(n);
    for (const std::string& owner : owners) {
      if (owner.empty() || cx.state.TypeOf(owner) == "Person") continue;
      cx.state.AddFact(Value::Entity(owner), "investment_amount",
                       Value::Money(amount->amount, amount->currency),
                       cx.mentions.Evid(s.first, s.last, 0.75, hedged));
    }
  }
}

// Whether clause c names an investment: "in investment", "in investments"
// on the verb or on its object.
bool InInvestment(const SentenceTree& t, const TreeClause& c, int obj) {
  for (const auto& [prep, o] : c.obliques) {
    if ((prep == "in" || prep == "of") && t.lemma(o) == "investment") return true;
  }
  for (int n : t.Children(obj, "nmod")) {
    if ((t.CaseOf(n) == "in" || t.CaseOf(n) == "of") && t.lemma(n) == "investment") return true;
  }
  return false;
}

// "… will trigger EUR 180 million in investment for an agribusiness plant
// in Brittany": the facility the triggered investment is for, or -1.
int FacilityInvestedIn(const SentenceTree& t, const TreeClause& c) {
  for (const auto& [prep, o] : c.obliques) {
    if (prep != "in" || t.lemma(o) != "investment") continue;
    for (int f : t.Children(o, "nmod")) {
      if (t.CaseOf(f) == "for" && WordLists::Get().InClass("facility", t.lemma(f))) return f;
    }
  }
  return -1;
}

// "a EUR 40 million loan to the Sill Group that will trigger EUR 180
// million in investment": the sum triggered is the investment of the
// loan's recipient (or of the subject, when it is not a loan).
void FromTriggeredInvestment(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (const TreeClause& c : cx.clauses) {
    if (c.copula || c.negated || c.passive || c.objects.empty()) continue;
    if (!OneOf(c.lemma, {"trigger", "mobilise", "mobilize", "leverage", "unlock", "catalyse", "catalyze"}))
      continue;
    const int obj = c.objects.front();
    const auto amount = cx.mentions.MoneyOf(obj);
    if (!amount || !InInvestment(t, c, obj)) continue;
    std::vector<std::string> investors;
    for (int s : c.subjects) {
      if (!WordLists::Get().InClass("funding", t.lemma(s))) continue;
      for (int r : t.Children(s, "nmod")) {
        if (t.CaseOf(r) == "to") {
          for (const std::string& e : cx.mentions.EntitiesOf(r)) investors.push_back(e);
        }
      }
    }
    if (investors.empty()) investors = cx.mentions.EntitiesOfEach(c.subjects);
    const Span s = t.Subtree(c.pred);
    const int built = FacilityInvestedIn(t, c);
    for (const std::string& who : investors) {
      const Evidence ev = cx.mentions.Evid(s.first, s.last, 0.7, c.hedged);
      cx.state.AddFact(Value::Entity(who), "investment_amount",
                       Value::Money(amount->amount, amount->currency), ev);
      if (built < 0) continue;
      cx.state.AddFact(Value::Entity(who), "builds", Value::String(cx.mentions.PhraseWithoutClauses(built)),
                       ev);
      // "… for an agribusiness plant in Brittany, France, that will create 53
      // permanent jobs": the plant's jobs are its investor's.
      // (The parser may hang the relative clause elsewhere; it starts right
      // after the plant's phrase with "that" or "which".)
      for (const TreeClause& r : cx.clauses) {
        const int rel = t.Child(r.pred, "nsubj");
        if (rel < 0 || !OneOf(t.lower(rel), {"that", "which"}) ||
            t.Subtree(r.pred).first > t.Subtree(built).last + 2 ||
            t.Subtree(r.pred).first <= t.Subtree(built).last)
          continue;
        for (int o : JobsOfClause(t, r))
          cx.state.AddFact(Value::Entity(who), "creates_jobs", Value::String(cx.mentions.Phrase(o)), ev);
      }
    }
  }
}

// "expand its development and production of vaccines for a variety of
// diseases": what the things are for, written right after them, belongs
// to them though the parser may hang it on the verb. Not a price.
Value WithVerbsForPhrase(PatternContext& cx, int n, int o, Value v) {
  const SentenceTree& t = cx.tree;
  if (v.kind() != ValueKind::kString) return v;
  int arg = n;
  while (t.rel(arg) == "conj" && t.head(arg) >= 0) arg = t.head(arg);
  const int verb = t.head(arg);
  if (verb < 0 || !t.IsVerbal(verb)) return v;
  for (int x : t.Children(verb, "obl")) {
    if (t.CaseOf(x) != "for" || t.Subtree(x).first != t.Subtree(o).last + 1 || cx.mentions.MoneyOf(x))
      continue;
    return Value::String(v.text() + " " + t.Text(t.Subtree(x)));
  }
  return v;
}

}  // namespace

const TreeClause* GoverningClause(PatternContext& cx, int n) {
  int v = cx.tree.head(n);
  for (int guard = 0; v >= 0 && !cx.tree.IsVerbal(v) && guard < 6; ++guard) v = cx.tree.head(v);
  for (const TreeClause& c : cx.clauses) {
    if (c.pred == v) return &c;
  }
  return nullptr;
}

bool GoverningClauseHedged(PatternContext& cx, int n) {
  const TreeClause* c = GoverningClause(cx, n);
  return c != nullptr && c->hedged;
}

void ExtractNominalizations(PatternContext& cx) {
  FromOwnedSums(cx);
  FromTriggeredInvestment(cx);
  const SentenceTree& t = cx.tree;
  const auto& vocab = canonical::Vocabulary::Get();
  for (int n = 0; n < t.size(); ++n) {
    if (t.upos(n) != "NOUN") continue;
    std::vector<std::string> agents;
    bool agents_known = false;
    for (const auto& [prep, x] : Complements(t, n)) {
      const auto pred = vocab.ForNoun(t.lemma(n), prep);
      if (!pred) continue;
      if (!agents_known) {
        agents = NominalAgents(cx, n, *pred == "launched");
        agents_known = true;
      }
      if (agents.empty()) break;
      std::vector<int> objects{x};
      for (int c : t.Children(x, "conj")) objects.push_back(c);
      const Span s = t.Subtree(n);
      const Evidence ev = cx.mentions.Evid(s.first, s.last, 0.7, GoverningClauseHedged(cx, n));
      for (int o : objects) {
        const Value v = WithVerbsForPhrase(cx, n, o, cx.mentions.ValueOf(o));
        if (v.kind() == ValueKind::kString && v.text().empty()) continue;
        for (const std::string& a : agents) cx.state.AddFact(Value::Entity(a), *pred, v, ev);
      }
      // "its $3.2 billion takeover of Brevik": the price.
      if (*pred == "acquires") {
        if (const auto m = cx.mentions.MoneyOf(n)) {
          for (const std::string& a : agents)
            cx.state.AddFact(Value::Entity(a), "acquisition_amount", Value::Money(m->amount, m->currency),
                             ev);
        }
      }
    }
  }
}

}  // namespace kg::loader::tree
