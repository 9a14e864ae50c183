#include "loader/text/descriptors.h"

#include <algorithm>
#include <cctype>

#include "loader/canonical/gazetteer.h"
#include "loader/tree/patterns/patterns.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::tree {
namespace {

bool IsName(PatternContext& cx, int w) { return !cx.mentions.NameRun(w).empty(); }

// Facts a description of `entity` gives besides is_a: the whole it is part
// of ("a UK Government body", "the heart of the Investment Plan") and,
// for a business, the country it is in ("a company in Germany", "Spanish
// firm").
// Returns whether it gave the whole ("the heart of X" then says nothing
// else of what the entity is).
bool DescriptionFacts(PatternContext& cx, const std::string& entity, int d, const Evidence& ev) {
  const SentenceTree& t = cx.tree;
  const WordLists& wl = WordLists::Get();
  const std::string& lemma = t.lemma(d);
  bool whole_given = false;
  if (wl.InClass("part", lemma)) {
    for (int c : t.children(d)) {
      const std::string_view r = t.rel(c);
      const bool owner =
          (r == "nmod" && t.CaseOf(c) == "of") || (r == "compound" && c < d) || t.deprel(c) == "nmod:poss";
      if (!owner || !IsName(cx, c)) continue;
      const std::string whole = cx.mentions.EntityOf(c);
      if (whole.empty()) continue;
      // "The Port is an important pillar of the Lower Rio Grande Valley
      // Region": a thing that is part of a place is located in it.
      // (Not a country: "an agency of the United States government" is
      // part of its government.)
      const std::string whole_type = cx.state.TypeOf(whole);
      // (An institution's part is part of it: "InvestEU, the EU programme".)
      const bool institutional =
          OneOf(lemma, {"programme", "program", "agency", "department", "body", "initiative", "fund",
                        "affiliate", "unit", "division", "subsidiary", "arm"});
      const bool place = (whole_type == "Region" || whole_type == "City") && !institutional &&
                         !IsPlaceType(cx.state.TypeOf(entity));
      cx.state.AddFact(Value::Entity(entity), place ? "located_in" : "part_of", Value::Entity(whole), ev);
      whole_given = true;
    }
  }
  // "automaker", "chipmaker": the descriptions written before names too.
  if (!wl.InClass("company", lemma) && !text::IsOpeningDescriptor(lemma)) return whole_given;
  const auto& gaz = canonical::Gazetteer::Get();
  for (int c : t.children(d)) {
    // "the company behind the fastest growing Open Source database".
    if (t.rel(c) == "nmod" && t.CaseOf(c) == "behind" && t.IsNominal(c))
      cx.state.AddFact(Value::Entity(entity), "develops",
                       IsName(cx, c) ? cx.mentions.ValueOf(c) : Value::String(cx.mentions.Phrase(c)), ev);
    std::string country;
    // "Norwegian payments firm": the demonym may modify another modifier.
    if (t.rel(c) == "amod" || (t.rel(c) == "compound" && c < d)) {
      const Span m = t.Subtree(c);
      for (int k = m.first; k <= m.last && country.empty(); ++k)
        country = gaz.CountryOfDemonym(t.word(k).form);
    }
    if (t.rel(c) == "nmod" && t.CaseOf(c) == "in") {
      const std::string place = cx.mentions.EntityOf(c);
      const std::string type = cx.state.TypeOf(place);
      if (IsPlaceType(type)) country = place;
    }
    // "Seoul-based automaker", "Detroit-based automaker": the place of
    // "based", written against it (the word says it is a place, whether
    // the gazetteer knows it or not).
    if (t.rel(c) == "amod" && t.lemma(c) == "base") {
      for (int k : t.children(c)) {
        const std::string place = k < c && t.End(k) + 1 >= t.Begin(c) ? cx.mentions.EntityOf(k) : "";
        const std::string type = place.empty() ? "" : cx.state.TypeOf(place);
        if (!place.empty() && (IsPlaceType(type) || type.empty())) country = place;
      }
    }
    if (country.empty()) continue;
    const std::string where = cx.state.Entity(country, "");
    cx.state.AddFact(Value::Entity(entity), "headquartered_in", Value::Entity(where), ev);
  }
  return whole_given;
}

void Describe(PatternContext& cx, int named, int d, double conf) {
  const std::string entity = cx.mentions.EntityOf(named);
  if (entity.empty()) return;
  const std::string desc = cx.mentions.Description(d);
  // "X, £600 million drive": a sum is no kind of thing.
  if (desc.empty() || cx.mentions.MoneyOf(d)) return;
  const Span a = cx.tree.Subtree(named);
  const Span b = cx.tree.Subtree(d);
  const Evidence ev = cx.mentions.Evid(std::min(a.first, b.first), std::max(a.last, b.last), conf, false);
  // "EFSI, the heart of the Investment Plan": part of it, no kind of heart.
  if (!DescriptionFacts(cx, entity, d, ev))
    cx.state.AddFact(Value::Entity(entity), "is_a", Value::String(desc), ev);
}

// "X is a Y", "The lender is X".
void FromCopulas(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (const TreeClause& c : cx.clauses) {
    if (!c.copula || c.negated || c.inherited || c.subjects.empty()) continue;
    const int subj = c.subjects.front();
    const int p = c.pred;
    // "is in talks", "is at risk": a prepositional predicate is no class.
    if (t.Child(p, "case") >= 0) continue;
    const bool subj_named = IsName(cx, subj) || t.upos(subj) == "PRON";
    if (t.upos(p) == "NOUN" && subj_named) {
      Describe(cx, subj, p, 0.85);
      // "CIC Co., Glenshaw, PA, and Carlen Controls Inc., Roanoke, VA, are
      // suppliers": each named subject of a plural predicate, its address
      // aside.
      std::vector<int> done{subj};
      for (size_t k = 1; k < c.subjects.size() && t.word(p).xpos == "NNS"; ++k) {
        int other = c.subjects[k];
        if (const int owner = cx.mentions.AddressPart(other) ? cx.mentions.AddressOwner(other) : -1;
            owner >= 0)
          other = owner;
        if (std::find(done.begin(), done.end(), other) != done.end() || !IsName(cx, other)) continue;
        done.push_back(other);
        Describe(cx, other, p, 0.8);
      }
    } else if (t.upos(subj) == "NOUN" && IsName(cx, p)) {
      // "The borrower and primary source of repayment is X": X is each.
      Describe(cx, p, subj, 0.8);
      for (int k : t.Children(subj, "conj")) {
        if (t.upos(k) == "NOUN") Describe(cx, p, k, 0.8);
      }
    }
  }
}

// The noun an appositive name `a` describes: its head h, or the noun
// written right before its comma inside h's phrase ("the expansion of El
// Oro's local port, Puerto Bolívar" is about the port).
int NounBeforeComma(const SentenceTree& t, int a, int h) {
  int comma = t.Subtree(a).first;  // the comma may hang on a itself
  if (t.lower(comma) != ",") --comma;
  if (comma < 1 || t.lower(comma) != ",") return h;
  const int n = comma - 1;
  if (n <= h || t.upos(n) != "NOUN" || !t.Subtree(h).Contains(n)) return h;
  return n;
}

// "foreign direct investment (FDI)": the acronym spells out the phrase
// before it (its initials); it abbreviates a term, it is not one of a kind.
bool SpelledOut(const SentenceTree& t, int acronym, int noun) {
  const std::string& a = t.word(acronym).form;
  if (a.size() < 2 ||
      !std::all_of(a.begin(), a.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }))
    return false;
  std::string initials;
  for (int k = t.Subtree(noun).first; k <= noun; ++k) {
    const std::string& w = t.word(k).form;
    if (std::isalpha(static_cast<unsigned char>(w[0])) && t.rel(k) != "det")
      initials += static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
  }
  return initials.size() >= a.size() && initials.compare(initials.size() - a.size(), a.size(), a) == 0;
}

// "X, a Y," and "a Y, X".
void FromAppositions(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  // "Indian vaccine manufacturer, Biological E Limited, expand …": an
  // apposition the commas show though the parser missed it.
  for (int d = 0; d < t.size(); ++d) {
    if (t.upos(d) != "NOUN" || d + 2 >= t.size() || t.lower(d + 1) != ",") continue;
    const int named = cx.mentions.NameAfter(d);
    if (named < 0 || t.rel(named) == "appos" || t.head(named) == d) continue;
    if (t.Child(named, "appos") >= 0 || t.head(cx.mentions.NameRun(named).first) == d) continue;
    Describe(cx, named, d, 0.8);
  }
  for (int a = 0; a < t.size(); ++a) {
    if (t.rel(a) != "appos") continue;
    const int h = t.head(a);
    // "The plant, Pellix's first in Southeast Asia,": a phrase with a
    // preposition of its own is no apposition of the name in it.
    if (h < 0 || t.Child(a, "case") >= 0) continue;
    // "technologies including AI, satellite imaging and real-time data": a
    // bare noun that a list goes on from is the list's next member.
    const bool list_member = t.Child(a, "det") < 0 && t.Child(a, "conj") >= 0;
    if (IsName(cx, h) && t.upos(a) == "NOUN" && !IsName(cx, a) && !list_member) {
      Describe(cx, h, a, 0.85);
    } else if (IsName(cx, a) && t.upos(h) == "NOUN" && !IsName(cx, h) && !SpelledOut(t, a, h) &&
               // "Welcoming the announcement Scottish Secretary X said": an
               // event is no description of a name.
               !WordLists::Get().InClass("undertaking", t.lemma(NounBeforeComma(t, a, h))) &&
               RenamedWord(cx, a, cx.mentions.NameRun(a)) < 0 &&
               // "mainland Europe" read as an apposition: a bare noun right
               // before the name is a modifier (descriptors before names).
               !(cx.mentions.NameRun(a).first == h + 1 && t.Child(h, "det") < 0)) {
      Describe(cx, a, NounBeforeComma(t, a, h), 0.85);
    }
  }
}

// "Spanish firm Forestalia", "chip giant Orvane": a common noun written
// right before a name and joined to it in the tree.
// "Brevik chief investment officer Lars Holm": a role written in lower
// case before a name, with its organization's name before it. The person
// has the title and the role's tie to the organization. Returns false when
// [first, d] is no such role.
bool LowerCaseRole(PatternContext& cx, int first, int d, const std::string& person, const Evidence& ev) {
  const SentenceTree& t = cx.tree;
  const WordLists& wl = WordLists::Get();
  std::string predicate = d > first ? wl.RolePredicate(t.lower(d - 1) + " " + t.lower(d)) : "";
  if (predicate.empty()) predicate = wl.RolePredicate(t.lower(d));
  if (predicate.empty()) return false;
  const Span owner_run = cx.mentions.NameRun(first);
  const int title_first = owner_run.empty() ? first : owner_run.last + 1;
  if (title_first > d) return false;
  cx.state.AddFact(Value::Entity(person), "is_a", Value::String(t.Text(Span{title_first, d})), ev);
  if (owner_run.empty()) return true;
  const std::string owner = cx.mentions.EntityOf(owner_run.last);
  const std::string type = cx.state.TypeOf(owner);
  if (owner.empty() || owner == person || type == "Person" || (IsPlaceType(type) && predicate == "works_for"))
    return true;
  cx.state.AddFact(Value::Entity(person), predicate, Value::Entity(owner), ev);
  return true;
}

void FromDescriptorsBeforeNames(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  // The first word of d's phrase before it (its left modifiers).
  auto first_of_phrase = [&t](int d) {
    int first = d;
    for (int c : t.children(d)) {
      if (c < d && t.rel(c) != "det") first = std::min(first, t.Subtree(c).first);
    }
    return first;
  };
  for (const Span& run : cx.mentions.NameRuns()) {
    const int d = run.first - 1;
    if (d < 0 || t.upos(d) != "NOUN" || t.Capitalized(d)) continue;
    // "a deal to fund MariaDB": after "to" the word is likelier a verb the
    // tagger misread than a description with no determiner.
    if (first_of_phrase(d) > 0 && t.lower(first_of_phrase(d) - 1) == "to") continue;
    // "its 1,600-employee Salem plant": a measure, not a description.
    const std::string& form = t.word(d).form;
    if (std::any_of(form.begin(), form.end(),
                    [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }))
      continue;
    // "the fruit Norland exports is shipped …": a name with a verb after it
    // and then the clause's own verb opens a relative clause on the noun.
    const int after = run.last + 1;
    if (after + 1 < t.size() && t.upos(after) == "VERB" &&
        (t.upos(after + 1) == "AUX" || t.upos(after + 1) == "VERB"))
      continue;
    bool joined = run.Contains(t.head(d));
    for (int k = run.first; k <= run.last && !joined; ++k) joined = t.head(k) == d && t.rel(k) != "nmod";
    if (!joined || cx.mentions.SplitRole(run)) continue;
    // The descriptor: d and its own left modifiers ("Spanish banking group").
    int first = d;
    for (int c : t.children(d)) {
      const std::string_view r = t.rel(c);
      if (c < d && (r == "amod" || r == "compound" || r == "nummod"))
        first = std::min(first, t.Subtree(c).first);
    }
    const std::string entity = cx.mentions.EntityOf(run.last);
    // "mainland Europe", "central London": a place is not described so.
    if (entity.empty() || IsPlaceType(cx.state.TypeOf(entity))) continue;
    const Evidence ev = cx.mentions.Evid(first, run.last, 0.8, false);
    if (LowerCaseRole(cx, first, d, entity, ev)) continue;
    if (!DescriptionFacts(cx, entity, d, ev))
      cx.state.AddFact(Value::Entity(entity), "is_a", Value::String(t.Text(Span{first, d})), ev);
  }
}

// "the Puerto Bolívar container port", "the Brocastle site": a name
// written before a facility noun is that facility, unless it names its
// owner ("the Ford plant") or its place ("the Sutherland spaceport").
void FromNamesBeforeFacilities(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  const WordLists& wl = WordLists::Get();
  for (const Span& run : cx.mentions.NameRuns()) {
    int noun = run.last + 1;
    while (noun < t.size() && noun <= run.last + 3 && t.upos(noun) == "NOUN" && !t.Capitalized(noun) &&
           !wl.InClass("facility", t.lemma(noun)))
      ++noun;
    if (noun >= t.size() || t.upos(noun) != "NOUN" || t.Capitalized(noun) ||
        !wl.InClass("facility", t.lemma(noun)))
      continue;
    if (t.head(run.last) != noun && !run.Contains(t.head(noun))) {
      bool joined = false;
      for (int k = run.first; k <= run.last; ++k) joined = joined || t.head(k) == noun;
      if (!joined) continue;
    }
    if (cx.mentions.SplitRole(run) || cx.mentions.AddressPart(run.last)) continue;
    // "Nissan's Sunderland plant": an owned facility's name is its place.
    if (!cx.mentions.OwnedFacilityPlace(noun).empty()) continue;
    const std::string entity = cx.mentions.EntityOf(run.last);
    if (entity.empty()) continue;
    // Only a name nothing else is known of: a company, person, place or
    // technology ("AI hubs") is not the facility.
    if (!cx.state.TypeOf(entity).empty() || Mentions::KnownPlace(entity)) continue;
    const Evidence ev = cx.mentions.Evid(run.first, noun, 0.75, false);
    cx.state.AddFact(Value::Entity(entity), "is_a", Value::String(t.Text(Span{run.last + 1, noun})), ev);
  }
}

// "Sweden-based Nordvolt", "Detroit-headquartered Corvane": the place
// written against "-based" right before a name is where it is based,
// whatever the parser attached the words to.
void FromBasedBeforeNames(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (const Span& run : cx.mentions.NameRuns()) {
    const int based = run.first - 1;
    if (based < 2 || !OneOf(t.lower(based), {"based", "headquartered"}) || t.lower(based - 1) != "-" ||
        t.End(based - 2) != t.Begin(based - 1) || t.End(based - 1) != t.Begin(based))
      continue;
    const Span where = cx.mentions.NameRun(based - 2);
    if (where.empty() || where.last != based - 2) continue;
    const std::string place = cx.mentions.EntityOf(where.last);
    const std::string entity = cx.mentions.EntityOf(run.last);
    const std::string type = place.empty() ? "" : cx.state.TypeOf(place);
    if (place.empty() || entity.empty() || place == entity || !(IsPlaceType(type) || type.empty())) continue;
    if (IsPlaceType(cx.state.TypeOf(entity)) || cx.state.TypeOf(entity) == "Person") continue;
    cx.state.AddFact(Value::Entity(entity), "headquartered_in", Value::Entity(place),
                     cx.mentions.Evid(where.first, run.last, 0.8, false));
  }
}

// "as the Norwegian company expands …", "the Chicago-based food company":
// a definite company description with a demonym or a "-based" place that
// stands for a named company says where it is based.
void FromDemonymAnaphors(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  const auto& gaz = canonical::Gazetteer::Get();
  for (int i = 0; i < t.size(); ++i) {
    if (t.upos(i) != "NOUN" || !WordLists::Get().InClass("company", t.lemma(i))) continue;
    const int det = t.Child(i, "det");
    if (det < 0 || !OneOf(t.lower(det), {"the", "this"}) || !cx.mentions.NameRun(i).empty()) continue;
    std::string place;
    for (int c : t.Children(i, "amod")) {
      if (c > i || !place.empty()) continue;
      const std::string country = gaz.CountryOfDemonym(t.word(c).form);
      if (!country.empty()) place = cx.state.Entity(country, "");
      // "the Chicago-based packaged food company".
      for (int k : t.children(c)) {
        const std::string where = t.lemma(c) == "base" && k < c ? cx.mentions.EntityOf(k) : "";
        if (!where.empty() && (IsPlaceType(cx.state.TypeOf(where)) || cx.state.TypeOf(where).empty()))
          place = where;
      }
    }
    if (place.empty()) continue;
    const std::string entity = cx.mentions.EntityOf(i);
    const std::string type = entity.empty() ? "" : cx.state.TypeOf(entity);
    if (entity.empty() || entity == place || IsPlaceType(type) || type == "Person" ||
        cx.mentions.NameAfter(i) >= 0)
      continue;
    cx.state.AddFact(Value::Entity(entity), "headquartered_in", Value::Entity(place),
                     cx.mentions.Evid(det, i, 0.75, false));
  }
}

}  // namespace

void DescribeName(PatternContext& cx, int named, int d, double conf) { Describe(cx, named, d, conf); }

void ExtractDescriptors(PatternContext& cx) {
  FromBasedBeforeNames(cx);
  FromDemonymAnaphors(cx);
  FromCopulas(cx);
  FromAppositions(cx);
  FromDescriptorsBeforeNames(cx);
  FromNamesBeforeFacilities(cx);
}

}  // namespace kg::loader::tree
