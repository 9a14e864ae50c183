// Examples of a class: "spaceport sites across Britain – such as Glasgow
// Prestwick", "U.S. companies such as Tarro and Velde": each named example
// is one of the class the plural noun names.
#include <algorithm>
#include <string>
#include <vector>

#include "kg/value.h"
#include "loader/tree/patterns/patterns.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::tree {
namespace {

bool Plural(const SentenceTree& t, int i) {
  return t.word(i).xpos == "NNS" || t.word(i).feats.find("Number=Plur") != std::string::npos;
}

// The class a plural noun names, in the singular: its modifiers as
// written, then its lemma ("further spaceport sites" → "further spaceport
// site").
std::string ClassOf(const SentenceTree& t, int noun) {
  const WordLists& wl = WordLists::Get();
  int first = noun;
  for (int k : t.children(noun)) {
    const std::string_view r = t.rel(k);
    if (k < noun && (r == "amod" || r == "compound" || r == "flat"))
      first = std::min(first, t.Subtree(k).first);
  }
  while (first < noun && (wl.InClass("counting", t.lower(first)) || t.upos(first) == "PUNCT")) ++first;
  std::string out = first < noun ? t.Text(Span{first, noun - 1}) + " " : "";
  return out + t.lemma(noun);
}

}  // namespace

void ExtractExamples(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (int c = 0; c < t.size(); ++c) {
    const std::string cs = t.CaseOf(c);
    if (t.rel(c) != "nmod" || (cs != "such as" && cs != "including" && cs != "like")) continue;
    const int noun = t.head(c);
    if (noun < 0 || t.upos(noun) != "NOUN" || !Plural(t, noun)) continue;
    const std::string cls = ClassOf(t, noun);
    std::vector<int> members{c};
    for (int m : t.Children(c, "conj")) members.push_back(m);
    for (int m : members) {
      if (cx.mentions.NameRun(m).empty()) continue;
      const std::string entity = cx.mentions.EntityOf(m);
      if (entity.empty()) continue;
      const Evidence ev = cx.mentions.Evid(t.Subtree(noun).first, t.Subtree(m).last, 0.8, false);
      cx.state.AddFact(Value::Entity(entity), "is_a", Value::String(cls), ev);
    }
  }
}

}  // namespace kg::loader::tree
