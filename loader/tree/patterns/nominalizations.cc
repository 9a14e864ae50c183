#include <algorithm>

#include "loader/canonical/predicates.h"
#include "loader/tree/patterns/patterns.h"

namespace kg::loader::tree {
namespace {

// Who does what a nominalization names: its possessor ("Abound's
// production of …"), its "by" phrase, a name before it ("the EDA
// investment"), else the subject of the clause it is an argument of
// ("focusing on the manufacture of …") unless that is a person announcing
// an undertaking that is not theirs.
std::vector<std::string> AgentsOf(PatternContext& cx, int n) {
  const SentenceTree& t = cx.tree;
  for (int c : t.children(n)) {
    const std::string_view r = t.rel(c);
    const bool owner = t.deprel(c) == "nmod:poss" || (r == "nmod" && t.CaseOf(c) == "by") ||
                       (r == "compound" && c < n && t.upos(c) == "PROPN");
    if (!owner) continue;
    auto e = cx.mentions.EntitiesOf(c);
    if (!e.empty()) return e;
  }
  // A conjunct shares the first conjunct's clause ("its development and
  // production of vaccines").
  int arg = n;
  while (t.rel(arg) == "conj" && t.head(arg) >= 0) arg = t.head(arg);
  const std::string_view r = t.rel(arg);
  const int v = t.head(arg);
  if (v < 0 || (r != "obj" && r != "obl") || !t.IsVerbal(v)) return {};
  bool inherited = false;
  std::vector<std::string> agents = cx.mentions.EntitiesOfEach(SubjectsOf(t, v, &inherited));
  agents.erase(std::remove_if(agents.begin(), agents.end(),
                              [&cx](const std::string& a) { return cx.state.TypeOf(a) == "Person"; }),
               agents.end());
  return agents;
}

// The complements of n that the vocabulary names, with those of its last
// conjunct shared ("development and production of vaccines").
std::vector<std::pair<std::string, int>> Complements(const SentenceTree& t, int n) {
  std::vector<std::pair<std::string, int>> out;
  for (int c : t.Children(n, "nmod")) out.emplace_back(t.CaseOf(c), c);
  if (!out.empty()) return out;
  for (int conj : t.Children(n, "conj")) {
    for (int c : t.Children(conj, "nmod")) out.emplace_back(t.CaseOf(c), c);
  }
  return out;
}

}  // namespace

void ExtractNominalizations(PatternContext& cx) {
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
        agents = AgentsOf(cx, n);
        agents_known = true;
      }
      if (agents.empty()) break;
      std::vector<int> objects{x};
      for (int c : t.Children(x, "conj")) objects.push_back(c);
      const Span s = t.Subtree(n);
      const Evidence ev = cx.mentions.Evid(s.first, s.last, 0.7, false);
      for (int o : objects) {
        const Value v = cx.mentions.ValueOf(o);
        if (v.kind() == ValueKind::kString && v.text().empty()) continue;
        for (const std::string& a : agents) cx.state.AddFact(Value::Entity(a), *pred, v, ev);
      }
    }
  }
}

}  // namespace kg::loader::tree
