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
    }
  }
  return out;
}

}  // namespace

void ExtractAgreements(PatternContext& cx) {
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
