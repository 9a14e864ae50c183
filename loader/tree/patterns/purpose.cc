#include <algorithm>

#include "loader/tree/patterns/patterns.h"

namespace kg::loader::tree {
namespace {

bool OneOf(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// Verbs whose "to"-complement is the subject's aim.
bool AimVerb(std::string_view lemma) {
  return OneOf(lemma, {"aim", "seek", "want", "plan", "intend", "strive", "work", "look", "hope", "try", "set"});
}

// The infinitive phrase without its "to": "support the export of …".
std::string InfinitivePhrase(const SentenceTree& t, int v) {
  Span s = t.SubtreeWithout(v, [&t](int c) {
    const std::string_view r = t.rel(c);
    return r == "mark" || r == "punct" || r == "nsubj" || r == "cc";
  });
  return t.Text(s);
}

}  // namespace

void ExtractPurposes(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (const TreeClause& c : cx.clauses) {
    if (!c.purpose || c.negated || c.governor < 0 || c.copula) continue;
    const int g = c.governor;
    // A purpose of a clause, or the complement of an aim verb; not "a deal
    // to fund X" (a noun's complement: the funding pattern reads those).
    const bool aim = t.rel(c.pred) == "xcomp" && AimVerb(t.lemma(g));
    const bool purpose = t.rel(c.pred) == "advcl" && t.IsVerbal(g);
    if (!aim && !purpose) continue;
    std::vector<std::string> agents;
    if (purpose) {
      // The purpose belongs to whoever does the governing act: its subject,
      // or a passive's agent ("awarded £2 million by X to develop …" is
      // the recipient's aim, so the subject stays).
      bool inherited = false;
      agents = cx.mentions.EntitiesOfEach(SubjectsOf(t, g, &inherited));
    } else {
      agents = cx.mentions.EntitiesOfEach(c.subjects);
    }
    const std::string phrase = InfinitivePhrase(t, c.pred);
    if (phrase.empty()) continue;
    const Span s = t.Subtree(g);
    for (const std::string& a : agents) {
      cx.state.AddFact(Value::Entity(a), "aims_to", Value::String(phrase),
                       cx.mentions.Evid(s.first, s.last, 0.7, c.hedged));
    }
  }
}

}  // namespace kg::loader::tree
