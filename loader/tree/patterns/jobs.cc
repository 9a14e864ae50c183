#include <algorithm>

#include "loader/tree/patterns/patterns.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::tree {
namespace {

bool JobVerb(std::string_view lemma) {
  return OneOf(lemma, {"create", "support", "generate", "add", "bring", "sustain", "safeguard", "secure",
                       "hire", "employ", "provide", "deliver", "open up"});
}

// "build a $2 billion plant in Lorain, creating 1,200 jobs": a participle
// the parser hung on the built thing tells what the building does; its
// agent is the subject of the verb that has that thing as object.
std::vector<std::string> BuildersOf(PatternContext& cx, int participle) {
  const SentenceTree& t = cx.tree;
  if (t.rel(participle) != "acl" || t.word(participle).xpos != "VBG") return {};
  const int thing = t.head(participle);
  if (thing < 0 || t.rel(thing) != "obj" || !t.IsVerbal(t.head(thing))) return {};
  bool inherited = false;
  return cx.mentions.EntitiesOfEach(SubjectsOf(t, t.head(thing), &inherited));
}

}  // namespace

bool CountedJobs(const SentenceTree& t, int o) {
  const WordLists& wl = WordLists::Get();
  if (wl.InClass("job", t.lemma(o))) return t.Child(o, "nummod") >= 0;
  // "hundreds of jobs", "thousands of new positions".
  for (int c : t.Children(o, "nmod")) {
    if (wl.InClass("job", t.lemma(c)) && t.CaseOf(c) == "of") return true;
  }
  return false;
}

std::vector<int> JobsOfClause(const SentenceTree& t, const TreeClause& c) {
  std::vector<int> jobs;
  if (c.copula || c.negated || c.passive || !JobVerb(t.lemma(c.pred))) return jobs;
  for (int o : c.objects) {
    if (CountedJobs(t, o)) jobs.push_back(o);
  }
  // "… 2,000 jobs during construction, as well as 1,500 permanent jobs".
  for (const auto& [prep, o] : c.obliques) {
    if (CountedJobs(t, o) && prep != "during" && prep != "of") jobs.push_back(o);
  }
  for (int o : t.Children(c.pred, "obl")) {
    if (t.CaseOf(o).empty() && CountedJobs(t, o)) jobs.push_back(o);
  }
  return jobs;
}

void ExtractJobs(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (const TreeClause& c : cx.clauses) {
    const std::vector<int> jobs = JobsOfClause(t, c);
    if (jobs.empty()) continue;
    // The subject names the agent, or an undertaking the article state
    // ties to its owner ("The investment will create …").
    std::vector<std::string> agents = cx.mentions.EntitiesOfEach(c.subjects);
    if (agents.empty()) agents = BuildersOf(cx, c.pred);
    const Span s = t.Subtree(c.pred);
    for (int o : jobs) {
      const std::string phrase = cx.mentions.ConjunctPhrase(o);
      for (const std::string& a : agents) {
        cx.state.AddFact(Value::Entity(a), "creates_jobs", Value::String(phrase),
                         cx.mentions.Evid(s.first, s.last, 0.8, c.hedged));
      }
    }
  }
}

}  // namespace kg::loader::tree
