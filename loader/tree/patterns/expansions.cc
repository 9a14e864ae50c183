#include "loader/tree/patterns/patterns.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::tree {
namespace {

// Verbs that put a facility somewhere.
bool SitingVerb(std::string_view lemma) {
  return OneOf(lemma, {"build", "open", "construct", "include", "establish", "set up", "operate", "assemble",
                       "produce", "manufacture", "locate", "occupy"});
}

// The places a facility word is said to be in ("facilities in Longmont,
// Colorado, and Tipton, Indiana"; "the Brocastle site in Bridgend"),
// conjuncts included; address parts after a place are no places of their
// own.
std::vector<std::string> PlacesOf(PatternContext& cx, const TreeClause& clause, int facility) {
  const SentenceTree& t = cx.tree;
  std::vector<std::string> out;
  // The parser may hang "in Longmont" on the verb instead.
  std::vector<int> heads = t.Children(facility, "nmod");
  for (const auto& [prep, o] : clause.obliques) {
    if (o > facility) heads.push_back(o);
  }
  for (int p : heads) {
    if (t.CaseOf(p) != "in") continue;
    std::vector<int> words{p};
    for (int k : t.Children(p, "conj")) words.push_back(k);
    for (int w : words) {
      if (cx.mentions.AddressOwner(w) >= 0) continue;
      // A name after "facilities in" is a place unless it is known as
      // something else ("Bridgend", "Longmont" need no gazetteer).
      const std::string place = cx.mentions.EntityOf(w);
      const std::string type = place.empty() ? "" : cx.state.TypeOf(place);
      if (!place.empty() && (IsPlaceType(type) || (type.empty() && !cx.mentions.NameRun(w).empty())))
        out.push_back(place);
    }
  }
  return out;
}

}  // namespace

// "The project will include facilities in Longmont and Tipton", "X will
// assemble vehicles at the Brocastle site in Bridgend": who puts a facility
// in a place expands there.
void ExtractExpansions(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  const WordLists& wl = WordLists::Get();
  for (const TreeClause& c : cx.clauses) {
    if (c.copula || c.negated || c.passive || !SitingVerb(c.lemma)) continue;
    std::vector<int> facilities;
    for (int o : c.objects) {
      if (wl.InClass("facility", t.lemma(o))) facilities.push_back(o);
    }
    for (const auto& [prep, o] : c.obliques) {
      if ((prep == "at" || prep == "in") && wl.InClass("facility", t.lemma(o))) facilities.push_back(o);
    }
    if (facilities.empty()) continue;
    std::vector<std::string> actors;
    for (const std::string& a : cx.mentions.EntitiesOfEach(c.subjects)) {
      const std::string type = cx.state.TypeOf(a);
      if (!IsPlaceType(type) && type != "Person") actors.push_back(a);
    }
    const Span s = t.Subtree(c.pred);
    for (int f : facilities) {
      for (const std::string& place : PlacesOf(cx, c, f)) {
        for (const std::string& a : actors) {
          cx.state.AddFact(Value::Entity(a), "expands_in", Value::Entity(place),
                           cx.mentions.Evid(s.first, s.last, 0.7, c.hedged));
        }
      }
    }
  }
}

}  // namespace kg::loader::tree
