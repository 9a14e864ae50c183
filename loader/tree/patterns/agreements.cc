#include <algorithm>

#include "loader/tree/patterns/patterns.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::tree {
namespace {

bool AgreeVerb(std::string_view lemma) {
  return OneOf(lemma, {"sign", "conclude", "ink", "strike", "reach", "seal", "form", "enter", "agree",
                       "finalize", "finalise"});
}

// The parties after "with", on the verb or on the agreement noun.
std::vector<std::string> Counterparts(PatternContext& cx, const TreeClause& c, int noun) {
  std::vector<std::string> out;
  auto add = [&out](const std::vector<std::string>& es) {
    for (const auto& e : es) {
      if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    }
  };
  for (const auto& [prep, o] : c.obliques) {
    if (prep == "with") add(cx.mentions.EntitiesOf(o));
  }
  if (noun >= 0) {
    for (int m : cx.tree.Children(noun, "nmod")) {
      if (cx.tree.CaseOf(m) == "with" || cx.tree.CaseOf(m) == "between") add(cx.mentions.EntitiesOf(m));
      // "a memorandum of understanding with X": on the noun's "of" phrase.
      if (cx.tree.CaseOf(m) != "of") continue;
      for (int m2 : cx.tree.Children(m, "nmod")) {
        if (cx.tree.CaseOf(m2) == "with" || cx.tree.CaseOf(m2) == "between") add(cx.mentions.EntitiesOf(m2));
      }
    }
  }
  return out;
}

bool Joint(const SentenceTree& t, int noun) { return noun >= 0 && t.HasChildLemma(noun, "amod", "joint"); }

void AddPartners(PatternContext& cx, const std::vector<std::string>& parties, const Evidence& ev) {
  for (size_t a = 0; a < parties.size(); ++a) {
    for (size_t b = a + 1; b < parties.size(); ++b) {
      if (parties[a] != parties[b])
        cx.state.AddFact(Value::Entity(parties[a]), "partners_with", Value::Entity(parties[b]), ev);
    }
  }
}

// "A and B set up a joint taskforce", "A and B will build a plant through
// a joint venture", "a joint venture formed by A and B": who make a joint
// undertaking together are partners.
void FromJointUndertakings(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (const TreeClause& c : cx.clauses) {
    if (c.copula || c.negated) continue;
    std::vector<std::string> parties;
    if (!c.passive) {
      // ("will build a plant through a joint venture": the venture is how.)
      const bool joint =
          std::any_of(c.objects.begin(), c.objects.end(), [&t](int o) { return Joint(t, o); }) ||
          std::any_of(c.obliques.begin(), c.obliques.end(),
                      [&t](const auto& po) { return Joint(t, po.second); });
      if (joint) parties = cx.mentions.EntitiesOfEach(c.subjects);
    } else if (c.agent >= 0) {
      // "a joint taskforce established by A and B": the participle's noun.
      const bool joint =
          std::any_of(c.subjects.begin(), c.subjects.end(), [&t](int s) { return Joint(t, s); }) ||
          (t.deprel(c.pred).rfind("acl", 0) == 0 && Joint(t, t.head(c.pred)));
      if (joint) {
        parties = cx.mentions.EntitiesOf(c.agent);
        for (int k : t.Children(c.agent, "conj")) {
          for (const std::string& e : cx.mentions.EntitiesOf(k)) parties.push_back(e);
        }
      }
    }
    if (parties.size() < 2) continue;
    const Span s = t.Subtree(c.pred);
    AddPartners(cx, parties, cx.mentions.Evid(s.first, s.last, 0.75, c.hedged));
  }
}

}  // namespace

void ExtractAgreements(PatternContext& cx) {
  FromJointUndertakings(cx);
  const SentenceTree& t = cx.tree;
  const WordLists& wl = WordLists::Get();
  for (const TreeClause& c : cx.clauses) {
    if (c.copula || c.negated || c.passive || !AgreeVerb(c.lemma)) continue;
    int noun = -1;
    for (int o : c.objects) {
      if (wl.InClass("agreement", t.lemma(o))) noun = o;
    }
    // "agree with X", "entered into a partnership with X".
    for (const auto& [prep, o] : c.obliques) {
      if (noun < 0 && wl.InClass("agreement", t.lemma(o))) noun = o;
    }
    if (noun < 0 && c.lemma != "agree") continue;
    const std::vector<std::string> parties = cx.mentions.EntitiesOfEach(c.subjects);
    const std::vector<std::string> others = Counterparts(cx, c, noun);
    const Span s = t.Subtree(c.pred);
    const Evidence ev = cx.mentions.Evid(s.first, s.last, 0.8, c.hedged);
    for (size_t a = 0; a < parties.size(); ++a) {
      for (size_t b = a + 1; b < parties.size(); ++b) {
        cx.state.AddFact(Value::Entity(parties[a]), "partners_with", Value::Entity(parties[b]), ev);
      }
      for (const std::string& o : others) {
        cx.state.AddFact(Value::Entity(parties[a]), "partners_with", Value::Entity(o), ev);
      }
    }
  }
}

}  // namespace kg::loader::tree
