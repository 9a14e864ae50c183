#include "loader/tree/patterns/patterns.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::tree {
namespace {

// The owner written before a word: "DOE's National Renewable Energy
// Laboratory", "the EU's COSME programme", "Ecuador's El Oro province".
int PossessorOf(const SentenceTree& t, int w) {
  const int p = t.Child(w, "nmod:poss");
  if (p < 0 || t.upos(p) == "PRON") return -1;
  return p;
}

}  // namespace

void ExtractPossessives(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  const WordLists& wl = WordLists::Get();
  for (const Span& run : cx.mentions.NameRuns()) {
    // The owner hangs on the run's head, or on the common noun the run
    // modifies ("the EU's COSME programme": COSME ← programme ← EU's).
    int head = -1;
    for (int k = run.first; k <= run.last; ++k) {
      if (!run.Contains(t.head(k))) head = k;
    }
    if (head < 0) continue;
    int noun = -1;
    int owner = PossessorOf(t, head);
    if (owner < 0 && t.rel(head) == "compound" && t.head(head) == run.last + 1 &&
        !t.Capitalized(run.last + 1)) {
      noun = run.last + 1;
      owner = PossessorOf(t, noun);
    }
    if (owner < 0 || owner > run.first) continue;
    // "Nissan's Sunderland plant": the plant's place (facilities.cc).
    if (noun >= 0 && !cx.mentions.OwnedFacilityPlace(noun).empty()) continue;
    const std::string whole = cx.mentions.EntityOf(owner);
    const std::string part = cx.mentions.EntityOf(run.last);
    if (whole.empty() || part.empty() || whole == part) continue;
    const std::string part_type = cx.state.TypeOf(part);
    const std::string whole_type = cx.state.TypeOf(whole);
    const Evidence ev = cx.mentions.Evid(owner, noun >= 0 ? noun : run.last, 0.8, false);
    if (part_type == "Person" && cx.mentions.SplitRole(run)) {
      continue;  // "Vietnam's Prime Minister X": role_titles.cc reads the role
    } else if (part_type == "Person") {
      cx.state.AddFact(Value::Entity(part), "works_for", Value::Entity(whole), ev);
    } else if (IsPlaceType(whole_type) &&
               (IsPlaceType(part_type) || (noun >= 0 && wl.InClass("region", t.lemma(noun))))) {
      cx.state.AddFact(Value::Entity(part), "located_in", Value::Entity(whole), ev);
    } else if (!IsPlaceType(part_type) && !IsPlaceType(whole_type)) {
      cx.state.AddFact(Value::Entity(part), "part_of", Value::Entity(whole), ev);
    } else if (!IsPlaceType(part_type) && noun >= 0 &&
               OneOf(t.lemma(noun), {"programme", "program", "initiative", "scheme", "strategy"})) {
      // "the EU's COSME programme": a programme of a union or country is its.
      cx.state.AddFact(Value::Entity(part), "part_of", Value::Entity(whole), ev);
    } else if ((whole_type == "Country" || whole_type == "City") && noun < 0 &&
               (part_type == "Company" || part_type == "Organization")) {
      // "South Korea's Halden Motors", "Japan's Toyota": where it is based.
      cx.state.AddFact(Value::Entity(part), "headquartered_in", Value::Entity(whole), ev);
    }
  }
  // "Halden's cloud unit", "the cloud unit of Halden": the unit is part of
  // its owner.
  for (int i = 0; i < t.size(); ++i) {
    const int owner = cx.mentions.UnitOwner(i);
    if (owner < 0) continue;
    const std::string unit = cx.mentions.EntityOf(i);
    const std::string whole = cx.mentions.EntityOf(owner);
    if (unit.empty() || whole.empty() || unit == whole) continue;
    cx.state.AddFact(Value::Entity(unit), "part_of", Value::Entity(whole),
                     cx.mentions.Evid(std::min(i, owner), std::max(i, owner), 0.8, false));
  }
}

}  // namespace kg::loader::tree
