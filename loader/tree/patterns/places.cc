#include <algorithm>

#include "loader/tree/patterns/patterns.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::tree {
namespace {

bool OrgType(const std::string& type) {
  return type == "Company" || type == "Organization" || type == "GovernmentAgency";
}

// "CIC Co., Glenshaw, PA": a two-letter capitalized word ends an address.
bool StateCode(const SentenceTree& t, int w) {
  const std::string& f = t.word(w).form;
  return f.size() == 2 && std::isupper(static_cast<unsigned char>(f[0])) != 0 &&
         std::isupper(static_cast<unsigned char>(f[1])) != 0;
}

// `as_org`: x is based at the place whatever its own type says (a member
// of a list of organizations).
void Relate(PatternContext& cx, const std::string& x, const std::string& place, int first, int last,
            bool as_org = false) {
  if (x.empty() || place.empty() || x == place) return;
  const std::string xt = cx.state.TypeOf(x);
  // "FDI in Europe": a term is in no place.
  if (xt == "Term") return;
  const char* pred = as_org || OrgType(xt) ? "headquartered_in" : "located_in";
  cx.state.AddFact(Value::Entity(x), pred, Value::Entity(place), cx.mentions.Evid(first, last, 0.8, false));
}

bool HasPlaceIn(const SentenceTree& t, int x) {
  for (int c : t.Children(x, "nmod")) {
    if (t.CaseOf(c) == "in") return true;
  }
  return false;
}

// "Norvik Air in Norway, Talvo Airlines in Peru and Besk Air in Chile":
// the members of a list that each carry their own place are based there.
// Returns the list's members (with x), or none when x is not in such a list.
std::vector<int> PlacedList(const SentenceTree& t, int x) {
  const int first = t.rel(x) == "conj" && t.head(x) >= 0 ? t.head(x) : x;
  std::vector<int> members{first};
  for (int c : t.Children(first, "conj")) members.push_back(c);
  if (members.size() < 2) return {};
  for (int m : members) {
    if (!HasPlaceIn(t, m)) return {};
  }
  return members;
}

// Whether a list member is an organization: the members are of one kind.
bool OrgList(PatternContext& cx, const std::vector<int>& members) {
  return std::any_of(members.begin(), members.end(),
                     [&cx](int m) { return OrgType(cx.state.TypeOf(cx.mentions.EntityOf(m))); });
}

// A named institution that has a seat: a college, university, school,
// hospital ("Cardle College", "Merrow Institute of Technology").
bool SeatedInstitution(PatternContext& cx, int x) {
  const Span run = cx.mentions.NameRun(x);
  for (int k = run.first; k <= run.last; ++k) {
    if (OneOf(cx.tree.lower(k), {"college", "university", "school", "hospital", "institute", "academy"}))
      return true;
  }
  return false;
}

// A name that can be a place: known as one, or a name of no type without
// an organization's head word ("Bolton").
bool UntypedPlaceName(PatternContext& cx, int y) {
  const Span run = cx.mentions.NameRun(y);
  const std::string place = cx.mentions.EntityOf(y);
  if (run.empty() || place.empty()) return false;
  const std::string type = cx.state.TypeOf(place);
  if (IsPlaceType(type)) return true;
  if (!type.empty()) return false;
  for (int k = run.first; k <= run.last; ++k) {
    if (WordLists::Get().InClass("org_head", cx.tree.lower(k))) return false;
  }
  return true;
}

// "the Brocastle site in Bridgend", "Aston Martin in St Athan".
// The institution word an "in" oblique at y follows right after, both
// arguments of one verb ("a grant to Lakeshore College in Muskegon", with
// "in Muskegon" hung on the verb), or -1.
int InstitutionBefore(PatternContext& cx, int y) {
  const SentenceTree& t = cx.tree;
  if (t.rel(y) != "obl" || t.CaseOf(y) != "in" || t.Subtree(y).first == 0) return -1;
  const Span run = cx.mentions.NameRun(t.Subtree(y).first - 1);
  if (run.empty()) return -1;
  for (int x = run.first; x <= run.last; ++x) {
    if (t.head(x) == t.head(y) && SeatedInstitution(cx, x)) return x;
  }
  return -1;
}

void FromPrepositions(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (int y = 0; y < t.size(); ++y) {
    if (const int x = InstitutionBefore(cx, y); x >= 0 && UntypedPlaceName(cx, y)) {
      cx.state.AddFact(Value::Entity(cx.mentions.EntityOf(x)), "located_in",
                       Value::Entity(cx.mentions.EntityOf(y)),
                       cx.mentions.Evid(t.Subtree(x).first, t.Subtree(y).last, 0.7, false));
      continue;
    }
    if (t.rel(y) != "nmod" || (t.CaseOf(y) != "in" && t.CaseOf(y) != "at")) continue;
    const int x = t.head(y);
    if (x < 0 || cx.mentions.NameRun(x).empty()) continue;
    const std::string place = cx.mentions.EntityOf(y);
    const std::string thing = cx.mentions.EntityOf(x);
    // "Cardle College in Bolton": an institution with a seat is where the
    // name after "in" is, a place whether the gazetteer knows it or not.
    if (SeatedInstitution(cx, x) && t.CaseOf(y) == "in" && UntypedPlaceName(cx, y)) {
      cx.state.AddFact(Value::Entity(thing), "located_in", Value::Entity(place),
                       cx.mentions.Evid(t.Subtree(x).first, t.Subtree(y).last, 0.75, false));
      continue;
    }
    if (!IsPlaceType(cx.state.TypeOf(place))) continue;
    // "the EIB in Spain" is where it acts, unless a list places each member.
    const std::vector<int> list = t.CaseOf(y) == "in" ? PlacedList(t, x) : std::vector<int>{};
    const bool org_list = !list.empty() && OrgList(cx, list);
    if (OrgType(cx.state.TypeOf(thing)) && list.empty()) continue;
    Relate(cx, thing, place, x, y, org_list);
  }
}

// "Longmont, Colorado", "Deutsche Bank North America, New York, NY",
// "CIC Co., Glenshaw, PA": a name, a comma, a place (or a name followed by
// a comma and a state code).
void FromCommaPlaces(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (int i = 0; i < t.size(); ++i) {
    const Span x = cx.mentions.NameRun(i);
    if (x.empty()) continue;
    i = x.last;
    if (x.last + 2 >= t.size() || t.lower(x.last + 1) != ",") continue;
    const Span y = cx.mentions.NameRun(x.last + 2);
    if (y.empty() || y.first != x.last + 2) continue;
    const std::string thing = cx.mentions.EntityOf(x.last);
    const std::string place = cx.mentions.EntityOf(y.last);
    const bool address = y.last + 2 < t.size() && t.lower(y.last + 1) == "," && StateCode(t, y.last + 2);
    if (!IsPlaceType(cx.state.TypeOf(place)) && !address) continue;
    if (IsPlaceType(cx.state.TypeOf(thing)) && !IsPlaceType(cx.state.TypeOf(place)) && !address) continue;
    // "Lorain, Ohio": a name of nothing else placed in a state or country
    // by a comma is a town ("The Lorain site" later is its site).
    bool org = x.size() > 2;
    for (int k = x.first; k <= x.last; ++k)
      org = org || WordLists::Get().InClass("org_head", t.lower(k)) || !t.Capitalized(k) ||
            WordLists::Get().InClass("facility", t.lower(k));
    const std::string place_type = cx.state.TypeOf(place);
    if (cx.state.TypeOf(thing).empty() && !org && !address &&
        (place_type == "Region" || place_type == "Country"))
      cx.state.Entity(thing, "City");
    Relate(cx, thing, place, x.first, y.last);
  }
}

// "the Brocastle site in Bridgend", "the Puerto Bolívar container port in
// El Oro": a name before a facility noun is the facility, and where the
// noun is, the name is. (A company before it owns it instead: "the Ford
// plant".)
void FromFacilities(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  const WordLists& wl = WordLists::Get();
  for (int f = 0; f < t.size(); ++f) {
    if (t.upos(f) != "NOUN" || !wl.InClass("facility", t.lemma(f))) continue;
    int name = -1;
    for (int c : t.Children(f, "compound")) {
      if (c < f && !cx.mentions.NameRun(c).empty()) name = c;
    }
    if (name < 0) continue;
    const std::string thing = cx.mentions.EntityOf(cx.mentions.NameRun(name).last);
    const std::string type = cx.state.TypeOf(thing);
    if (thing.empty() || OrgType(type) || IsPlaceType(type) || type == "Person") continue;
    // Where: a phrase on the noun, or the next phrase of its verb
    // ("assemble vans at the Coldwater site in Tarrow").
    std::vector<int> wheres = t.Children(f, "nmod");
    const int next = t.Subtree(f).last + 1;
    if (next < t.size() && t.head(f) >= 0 && t.head(next) != f) {
      for (int y : t.Children(t.head(f), "obl")) {
        if (t.Subtree(y).first == next) wheres.push_back(y);
      }
    }
    for (int y : wheres) {
      const std::string cs = t.CaseOf(y);
      if (cs != "in" && cs != "at") continue;
      // "in Ecuador's El Oro province": the province's name is the place.
      int where = y;
      if (!wl.InClass("region", t.lemma(y)) || cx.mentions.NameRun(y).size() > 0) {
      } else {
        for (int c : t.Children(y, "compound")) where = c;
      }
      const std::string place = cx.mentions.EntityOf(where);
      if (place.empty() || OrgType(cx.state.TypeOf(place))) continue;
      Relate(cx, thing, place, name, y);
    }
  }
}

// "The Benxi Iron & Steel Co., Benxi, Liaoning, China": an organization,
// then comma-separated places ending in a known place or a state code: it
// is headquartered in the first, each place is in the next.
void FromAddressChains(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (int i = 0; i < t.size(); ++i) {
    const Span org = cx.mentions.NameRun(i);
    if (org.empty()) continue;
    i = org.last;
    std::vector<Span> parts;
    for (Span at = org; at.last + 2 < t.size() && t.lower(at.last + 1) == "," && parts.size() < 4;) {
      const Span next = cx.mentions.NameRun(at.last + 2);
      if (next.empty() || next.first != at.last + 2) break;
      parts.push_back(next);
      at = next;
    }
    // Two parts at least: one comma and a place may be a list or an
    // apposition; FromCommaPlaces reads those.
    if (parts.size() < 2 || cx.mentions.AddressOwner(parts.back().last) != org.last) continue;
    const std::string owner = cx.mentions.EntityOf(org.last);
    if (IsPlaceType(cx.state.TypeOf(owner))) continue;
    std::vector<std::string> places;
    for (const Span& p : parts) {
      // A state code ends the chain; its state is named elsewhere or not at
      // all. The others are typed as places, so that "Benxi" after "Benxi
      // Iron & Steel Co." is not taken for a short form of the company.
      if (p.size() == 1 && t.word(p.last).form.size() == 2) break;
      const std::string place =
          Mentions::KnownPlace(t.Text(p)) ? cx.mentions.EntityOf(p.last) : cx.state.Entity(t.Text(p), "City");
      // The article may already use the word as a short form of the owner.
      if (place == owner) break;
      places.push_back(place);
    }
    if (places.empty()) continue;
    cx.state.AddFact(Value::Entity(owner), "headquartered_in", Value::Entity(places.front()),
                     cx.mentions.Evid(org.first, parts.front().last, 0.8, false));
    for (size_t k = 0; k + 1 < places.size(); ++k) {
      cx.state.AddFact(Value::Entity(places[k]), "located_in", Value::Entity(places[k + 1]),
                       cx.mentions.Evid(parts[k].first, parts[k + 1].last, 0.8, false));
    }
  }
}

// "the Port of Brownsville", "the University of Southampton": a facility
// or school named "<noun> of <place>" is in that place; so is a region
// named "<name> Region of <place>".
void FromNamesOfPlaces(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  const WordLists& wl = WordLists::Get();
  for (const Span& run : cx.mentions.NameRuns()) {
    int of = run.first + 1;
    while (of < run.last && t.lower(of) != "of") ++of;
    if (run.size() < 3 || of >= run.last) continue;
    // "the Port of X", "the University of X"; "the Kessel Valley Region of X".
    const int head = of - 1;
    const bool named_for = head == run.first && (wl.InClass("facility", t.lower(head)) ||
                                                 OneOf(t.lower(head), {"university", "college", "school"}));
    const bool region = head > run.first && wl.InClass("region", t.lower(head));
    if (!named_for && !region) continue;
    const Span where{of + 1, run.last};
    // "the Port of Kessel, Texas": an unknown name followed by a known
    // place is a city there.
    const Span next =
        run.last + 2 < t.size() && t.lower(run.last + 1) == "," ? cx.mentions.NameRun(run.last + 2) : Span{};
    const bool city = !next.empty() && next.first == run.last + 2 && cx.mentions.KnownPlace(t.Text(next)) &&
                      IsPlaceType(cx.state.TypeOf(cx.mentions.EntityOf(next.last)));
    if (!cx.mentions.KnownPlace(t.Text(where)) && !city) continue;
    const std::string thing = cx.mentions.EntityOf(run.last);
    const std::string place = cx.mentions.KnownPlace(t.Text(where)) ? cx.state.Entity(t.Text(where), "")
                                                                    : cx.state.Entity(t.Text(where), "City");
    if (thing.empty() || thing == place || !IsPlaceType(cx.state.TypeOf(place))) continue;
    cx.state.AddFact(Value::Entity(thing), "located_in", Value::Entity(place),
                     cx.mentions.Evid(run.first, run.last, 0.8, false));
    if (city && !cx.mentions.KnownPlace(t.Text(where)))
      cx.state.AddFact(Value::Entity(place), "located_in", Value::Entity(cx.mentions.EntityOf(next.last)),
                       cx.mentions.Evid(where.first, next.last, 0.8, false));
  }
}

// The place a part-of-place noun belongs to ("the north coast of
// Scotland" → Scotland), or "".
std::string WholeOf(PatternContext& cx, int part) {
  const SentenceTree& t = cx.tree;
  const WordLists& wl = WordLists::Get();
  if (!wl.InClass("place_part", t.lemma(part)) && !wl.InClass("region", t.lemma(part))) return "";
  if (!cx.mentions.NameRun(part).empty()) return "";  // "South Africa", "Northern Region"
  for (int of : t.Children(part, "nmod")) {
    if (t.CaseOf(of) != "of") continue;
    const std::string whole = cx.mentions.EntityOf(of);
    if (IsPlaceType(cx.state.TypeOf(whole))) return whole;
  }
  return "";
}

// "the Kessel Valley region of Peru", "Drumlin on the north coast of
// Scotland", "Tarrow, in the south of Chile": a place named by, or placed
// on, a part of another place is in it.
void FromPartsOfPlaces(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (int part = 0; part < t.size(); ++part) {
    const std::string whole = WholeOf(cx, part);
    if (whole.empty()) continue;
    std::vector<int> things;
    for (int c : t.Children(part, "compound")) {
      if (c < part && !cx.mentions.NameRun(c).empty()) things.push_back(cx.mentions.NameRun(c).last);
    }
    const std::string cs = t.CaseOf(part);
    if ((t.rel(part) == "nmod" || t.rel(part) == "appos") && (cs == "in" || cs == "on" || cs == "at") &&
        t.head(part) >= 0 && !cx.mentions.NameRun(t.head(part)).empty())
      things.push_back(t.head(part));
    // "at Drumlin on the north coast of Scotland" read as two phrases on
    // one head: the name right before is the thing placed.
    const std::string_view rel = t.rel(part);
    if ((rel == "obl" || rel == "nmod") && (cs == "in" || cs == "on" || cs == "at") && t.head(part) >= 0) {
      const int start = t.Subtree(part).first;
      for (int y : t.Children(t.head(part), rel)) {
        const int end = t.Subtree(y).last;
        const bool adjacent = end + 1 == start || (end + 2 == start && t.lower(end + 1) == ",");
        if (y < part && adjacent && !cx.mentions.NameRun(y).empty()) things.push_back(y);
      }
    }
    for (int x : things) {
      const std::string thing = cx.mentions.EntityOf(x);
      const std::string type = cx.state.TypeOf(thing);
      if (thing.empty() || thing == whole || OrgType(type) || type == "Person") continue;
      cx.state.AddFact(Value::Entity(thing), "located_in", Value::Entity(whole),
                       cx.mentions.Evid(std::min(x, part), t.Subtree(part).last, 0.8, false));
    }
  }
}

}  // namespace

void ExtractPlaces(PatternContext& cx) {
  FromPartsOfPlaces(cx);
  FromNamesOfPlaces(cx);
  FromAddressChains(cx);
  FromFacilities(cx);
  FromPrepositions(cx);
  FromCommaPlaces(cx);
}

}  // namespace kg::loader::tree
