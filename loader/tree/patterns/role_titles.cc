#include <algorithm>
#include <cctype>

#include "loader/canonical/gazetteer.h"
#include "loader/text/ascii_lower.h"
#include "loader/tree/patterns/patterns.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::tree {
namespace {

std::string DepartmentOfField(PatternContext& cx, const RoleSplit& rs);
std::string CompanyBeforeRole(PatternContext& cx, const RoleSplit& rs);

// The organization or country a title names: a known name before the role
// ("Orvane CEO", "Japanese Prime Minister" by its demonym) or after "of"
// ("President of Kenya"). Only names the gazetteer or the article's
// registry types as an organization or a country count.
std::string TitleOwner(PatternContext& cx, const RoleSplit& rs) {
  const SentenceTree& t = cx.tree;
  const auto& gaz = canonical::Gazetteer::Get();
  // The longest prefix before the role that is a known name: the
  // gazetteer's, or one the article has used ("Ex-Im Bank Chairman X"
  // after "Export-Import Bank of the United States (Ex-Im Bank)"); a
  // longer one wins over a country word in it ("UK Government Business
  // Secretary" works for the UK Government).
  for (int e = rs.role_word - 1; e > rs.title.first; --e) {
    const std::string text = t.Text(Span{rs.title.first, e});
    if (auto g = gaz.Lookup(text)) return cx.state.Entity(g->name, g->type);
    if (cx.state.KnownName(text)) return cx.state.Entity(text, "");
  }
  // "Vietnamese Prime Minister": the demonym may open the sentence, outside
  // the name run.
  for (int k = std::max(0, rs.title.first - 1); k <= rs.title.last; ++k) {
    const std::string country = gaz.CountryOfDemonym(t.word(k).form);
    if (!country.empty() && k < rs.role_word) return cx.state.Entity(country, "Country");
  }
  if (rs.role_word > rs.title.first) {
    const std::string text = t.Text(Span{rs.title.first, rs.title.first});
    if (auto g = gaz.Lookup(text)) return cx.state.Entity(g->name, g->type);
    if (cx.state.KnownName(text)) return cx.state.Entity(text, "");
    // "Kestrel Chief Executive X" after "Kestrel Foods Inc".
    if (const std::string company = cx.state.CompanyOfShortForm(text); !company.empty()) return company;
  }
  // "Vietnam's Prime Minister X": the title's possessive owner.
  for (int k = rs.title.first; k <= rs.person.last; ++k) {
    const int poss = t.Child(k, "nmod:poss");
    if (poss < 0 || poss >= rs.title.first) continue;
    const std::string owner = cx.mentions.EntityOf(poss);
    const std::string type = cx.state.TypeOf(owner);
    if (!owner.empty() && type != "Person") return owner;
  }
  for (int k = rs.role_word + 1; k + 1 <= rs.title.last; ++k) {
    if (t.lower(k) != "of") continue;
    const std::string text = t.Text(Span{k + 1, rs.title.last});
    if (auto g = gaz.Lookup(text)) return cx.state.Entity(g->name, g->type);
  }
  if (std::string department = DepartmentOfField(cx, rs); !department.empty()) return department;
  return CompanyBeforeRole(cx, rs);
}

// "Pellix Pharma CEO Mara Lind", "Orvane Chief Executive X": before a
// company's role, the proper nouns that open the title name the company,
// known or not (no place, demonym or person).
std::string CompanyBeforeRole(PatternContext& cx, const RoleSplit& rs) {
  const SentenceTree& t = cx.tree;
  if (!OneOf(rs.predicate, {"ceo_of", "chairman_of", "founder_of"})) return "";
  int last = rs.title.first - 1;
  while (last + 1 < rs.role_first && t.upos(last + 1) == "PROPN" && t.Capitalized(last + 1)) ++last;
  if (last < rs.title.first || last + 1 != rs.role_first) return "";
  const std::string name = t.Text(Span{rs.title.first, last});
  const auto& gaz = canonical::Gazetteer::Get();
  if (!gaz.CountryOfDemonym(name).empty()) return "";
  if (auto g = gaz.Lookup(name); g && g->type != "Company" && g->type != "Organization") return "";
  return cx.state.Entity(name, "Company");
}

// "Agriculture Secretary Tom Vilsack" in an article that names the "U.S.
// Department of Agriculture": the field before the role names the
// department or ministry the article mentions.
std::string DepartmentOfField(PatternContext& cx, const RoleSplit& rs) {
  const SentenceTree& t = cx.tree;
  const auto& gaz = canonical::Gazetteer::Get();
  // "U.S. Secretary of Commerce": the United States' department of that
  // field, as the gazetteer names it, mentioned or not.
  if (t.lower(rs.title.first) == "u.s." && t.lower(rs.role_word) == "secretary" &&
      rs.role_word + 2 <= rs.title.last && t.lower(rs.role_word + 1) == "of") {
    const std::string field = t.Text(Span{rs.role_word + 2, rs.title.last});
    if (const auto g = gaz.Lookup("U.S. Department of " + field)) return cx.state.Entity(g->name, g->type);
  }
  if (rs.role_word <= rs.title.first) return "";
  const std::string field = t.Text(Span{rs.title.first, rs.role_word - 1});
  for (const std::string& name :
       {"Department of " + field, "U.S. Department of " + field, "Department for " + field,
        "Ministry of " + field, field + " Department", field + " Ministry"}) {
    const auto g = gaz.Lookup(name);
    const std::string canonical = g ? g->name : name;
    // Only one the article has named (it has a type then).
    if (!cx.state.TypeOf(canonical).empty()) return canonical;
  }
  return "";
}

// "Chief Financial Officer Mark Haldane said Pellix would fund …": a
// company role with no owner written is held at the company whose plans
// the person reports. Only company roles (officers, executives, chairs,
// founders), not ministers or presidents, who may speak of anyone.
std::string ReportedCompany(PatternContext& cx, const RoleSplit& rs) {
  const SentenceTree& t = cx.tree;
  const std::string role = t.Text(Span{rs.title.first, rs.title.last});
  const std::string lower = text::AsciiLower(role);
  const bool company_role = lower.find("officer") != std::string::npos ||
                            lower.find("executive") != std::string::npos || rs.predicate == "ceo_of" ||
                            rs.predicate == "chairman_of" || rs.predicate == "founder_of";
  if (!company_role) return "";
  int head = -1;  // the word of the person's name the tree hangs on a verb
  for (int k = rs.person.first; k <= rs.person.last && head < 0; ++k) {
    if (t.deprel(k) == "nsubj") head = k;
  }
  for (int k = rs.title.first; k <= rs.title.last && head < 0; ++k) {
    if (t.deprel(k) == "nsubj") head = k;
  }
  if (head < 0) return "";
  const int say = t.head(head);
  if (say < 0 || !OneOf(t.lemma(say), {"say", "tell", "add", "announce", "confirm", "state"})) return "";
  const int said = t.Child(say, "ccomp");
  const int subject = said >= 0 ? t.Child(said, "nsubj") : -1;
  if (subject < 0) return "";
  const std::string owner = cx.mentions.EntityOf(subject);
  const std::string type = cx.state.TypeOf(owner);
  if (owner.empty() || type == "Person" || IsPlaceType(type) || type == "GovernmentAgency") return "";
  return owner;
}

}  // namespace

// "Its chief executive, Sofie Dahl, …", "Brevik's president, Jon Moe":
// a role phrase with its owner, in apposition to a person's name.
void FromRoleAppositions(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  const WordLists& wl = WordLists::Get();
  for (int a = 0; a < t.size(); ++a) {
    const int h = t.head(a);
    if (t.rel(a) != "appos" || h < 0 || cx.mentions.NameRun(a).empty() || !cx.mentions.NameRun(h).empty())
      continue;
    // The role words: h with the modifiers right before it ("chief executive").
    int first = h;
    for (int c : t.children(h)) {
      if (c < h && c == first - 1 && OneOf(t.rel(c), {"amod", "compound"})) first = c;
    }
    std::string predicate;
    for (int b = first; b <= h && predicate.empty(); ++b) predicate = wl.RolePredicate(t.Text(Span{b, h}));
    if (predicate.empty()) predicate = wl.RolePredicate(t.lower(h));
    const int poss = t.Child(h, "nmod:poss");
    if (predicate.empty() || poss < 0) continue;
    const std::string owner = cx.mentions.EntityOf(poss);
    const std::string person = cx.mentions.EntityOf(a);
    if (owner.empty() || person.empty() || owner == person || cx.state.TypeOf(owner) == "Person") continue;
    if (predicate == "works_for" && IsPlaceType(cx.state.TypeOf(owner))) continue;
    cx.state.AddFact(Value::Entity(person), predicate, Value::Entity(owner),
                     cx.mentions.Evid(std::min(poss, a), t.Subtree(a).last, 0.8, false));
  }
}

void ExtractRoleTitles(PatternContext& cx) {
  FromRoleAppositions(cx);
  const SentenceTree& t = cx.tree;
  for (const Span& run : cx.mentions.NameRuns()) {
    const auto rs = cx.mentions.SplitRole(run);
    if (!rs) continue;
    const std::string person = cx.state.Entity(t.Text(rs->person), "Person");
    std::string owner = TitleOwner(cx, *rs);
    // "Orvane CEO Dana Holt": the company before the role is a party of
    // the sentence, not a word of the title.
    int title_first = rs->title.first;
    for (int e = rs->title.last; !owner.empty() && e > rs->title.first; --e) {
      if (cx.state.KnownName(t.Text(Span{rs->title.first, e - 1})) &&
          cx.state.Entity(t.Text(Span{rs->title.first, e - 1}), "") == owner) {
        title_first = e;
        break;
      }
    }
    cx.state.NoteTitle(t.Begin(title_first), t.End(rs->title.last));
    if (owner.empty()) owner = ReportedCompany(cx, *rs);
    // "Skills Minister Jane Hartley": a minister or secretary of no named
    // government is one of the government the text is about.
    if (owner.empty() && rs->predicate == "works_for" &&
        OneOf(t.lower(rs->role_word), {"minister", "secretary"}))
      owner = cx.state.CountryGovernment();
    const Evidence ev = cx.mentions.Evid(rs->title.first, rs->person.last, 0.85, false);
    cx.state.AddFact(Value::Entity(person), "is_a", Value::String(t.Text(rs->title)), ev);
    if (owner.empty()) continue;
    const std::string type = cx.state.TypeOf(owner);
    // A minister works for a government, not for the country itself: its
    // department of the title's field, else its government ("Japanese
    // Trade Minister X"). Only a country has one.
    if (rs->predicate == "works_for" && IsPlaceType(type)) {
      const std::string department = DepartmentOfField(cx, *rs);
      if (department.empty() && type != "Country") continue;
      owner = department.empty() ? cx.state.Entity("Government of " + owner, "GovernmentAgency") : department;
    }
    cx.state.AddFact(Value::Entity(person), rs->predicate, Value::Entity(owner), ev);
  }
}

}  // namespace kg::loader::tree
