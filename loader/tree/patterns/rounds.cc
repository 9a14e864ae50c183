#include <algorithm>

#include "loader/tree/patterns/patterns.h"

namespace kg::loader::tree {
namespace {

// The investors named in a raising clause: "from X" on the verb, "led by
// X" on the round, and the names after "participation" ("with
// participation from existing investor Y").
std::vector<std::string> RoundInvestors(PatternContext& cx, const TreeClause& c) {
  const SentenceTree& t = cx.tree;
  std::vector<std::string> out;
  auto add = [&out](const std::vector<std::string>& es) {
    for (const std::string& e : es) {
      if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    }
  };
  for (const auto& [prep, o] : c.obliques) {
    if (prep == "from") add(cx.mentions.EntitiesOf(o));
    // "in a funding round led by X".
    for (int led : t.Children(o, "acl")) {
      if (t.lemma(led) != "lead") continue;
      for (int a : t.children(led)) {
        if (t.deprel(a) == "obl:agent" || (t.rel(a) == "obl" && t.CaseOf(a) == "by"))
          add(cx.mentions.EntitiesOf(a));
      }
    }
    if (t.lemma(o) == "participation") {
      const Span s = t.Subtree(o);
      for (const Span& run : cx.mentions.NameRuns()) {
        if (run.first > o && run.last <= s.last) add(cx.mentions.EntitiesOf(run.last));
      }
    }
  }
  return out;
}

}  // namespace

void ExtractFundingRounds(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (const TreeClause& c : cx.clauses) {
    if (c.negated || c.passive || !OneOf(c.lemma, {"raise", "secure", "close", "receive", "get", "land"}))
      continue;
    // A sum raised, or a round ("raised a Series B round").
    // Not a loan, grant or guarantee received from a lender ("is receiving
    // a EUR 75 million loan from the EIB": funding.cc reads it).
    bool raised = false, lent = false;
    for (int o : c.objects) {
      raised = raised || cx.mentions.MoneyOf(o) || OneOf(t.lemma(o), {"round", "funding"});
      lent = lent || OneOf(t.lemma(o), {"loan", "grant", "guarantee", "credit", "subsidy", "financing"});
    }
    if (!raised || lent) continue;
    const std::vector<std::string> companies = cx.mentions.EntitiesOfEach(c.subjects);
    if (companies.empty()) continue;
    const Span s = t.Subtree(c.pred);
    const Evidence ev = cx.mentions.Evid(s.first, s.last, 0.75, c.hedged);
    for (const std::string& investor : RoundInvestors(cx, c)) {
      for (const std::string& company : companies) {
        if (investor != company)
          cx.state.AddFact(Value::Entity(investor), "invests_in", Value::Entity(company), ev);
      }
    }
  }
}

}  // namespace kg::loader::tree
