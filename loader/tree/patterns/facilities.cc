#include "loader/tree/patterns/patterns.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::tree {
namespace {

// The kind of facility a noun and its modifiers before it say ("vertical
// launch spaceport"), without participles and "new" ("a proposed
// spaceport" is not a kind of spaceport); empty without a modifier.
std::string FacilityKind(const SentenceTree& t, int noun) {
  int first = noun;
  for (int k = noun - 1; k >= 0 && t.head(k) == noun; k = first - 1) {
    const std::string_view r = t.rel(k);
    if ((r != "amod" && r != "compound") || t.upos(k) == "VERB" || t.lower(k) == "new") break;
    // Not a price ("£20 million community hospital").
    const Span m = t.Subtree(k);
    bool sum = false;
    for (int w = m.first; w <= m.last; ++w)
      sum = sum || t.upos(w) == "NUM" || t.upos(w) == "SYM" || t.upos(w) == "DET";
    if (sum) break;
    first = t.Subtree(k).first;  // "deep-water"
  }
  return first == noun ? "" : t.Text(Span{first, noun});
}

// "its 1,600-employee Salem plant": the staff count a measure before the
// facility noun gives ("1,600 employees"), or "".
std::string StaffMeasure(const SentenceTree& t, int noun) {
  for (int c : t.children(noun)) {
    if (c > noun || !OneOf(t.lemma(c), {"employee", "worker", "staff", "person", "people"})) continue;
    for (int n : t.Children(c, "nummod")) {
      if (n < c) return t.word(n).form + " " + (t.lemma(c) == "person" ? "people" : t.lemma(c) + "s");
    }
  }
  return "";
}

// "its Salem, VA plant", "Nissan's Sunderland plant": the owner's facility
// in a place is part of the owner and located in the place.
void OwnedFacility(PatternContext& cx, int i) {
  const SentenceTree& t = cx.tree;
  const Span place = cx.mentions.OwnedFacilityPlace(i);
  if (place.empty()) return;
  const std::string facility = cx.mentions.EntityOf(i);
  const std::string owner = cx.mentions.EntityOf(t.Child(i, "nmod:poss"));
  const std::string where = cx.mentions.EntityOf(place.last);
  if (facility.empty()) return;
  const Evidence ev = cx.mentions.Evid(t.Subtree(i).first, i, 0.8, false);
  if (!owner.empty() && owner != facility && !IsPlaceType(cx.state.TypeOf(owner)))
    cx.state.AddFact(Value::Entity(facility), "part_of", Value::Entity(owner), ev);
  if (!where.empty() && where != facility)
    cx.state.AddFact(Value::Entity(facility), "located_in", Value::Entity(where), ev);
  if (const std::string staff = StaffMeasure(t, i); !staff.empty())
    cx.state.AddFact(Value::Entity(facility), "hires", Value::String(staff), ev);
}

}  // namespace

void ExtractFacilities(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (int i = 0; i < t.size(); ++i) OwnedFacility(cx, i);
  for (int i = 0; i < t.size(); ++i) {
    const Span place = cx.mentions.FacilityPlace(i);
    if (place.empty()) continue;
    const std::string facility = cx.mentions.EntityOf(i);
    const std::string where = cx.mentions.EntityOf(place.last);
    if (facility.empty() || where.empty()) continue;
    const Evidence ev = cx.mentions.Evid(t.Subtree(i).first, place.last, 0.8, false);
    cx.state.AddFact(Value::Entity(facility), "located_in", Value::Entity(where), ev);
    if (const std::string kind = FacilityKind(t, i); !kind.empty())
      cx.state.AddFact(Value::Entity(facility), "is_a", Value::String(kind), ev);
  }
}

}  // namespace kg::loader::tree
