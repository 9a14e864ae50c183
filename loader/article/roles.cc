// Corporate roles and descriptions written before a name ("chief executive
// Mette Holm", "Spanish telecom operator Telvia", "partner Kvaro Energi").
#include <string>

#include "kg/value.h"
#include "loader/article/article_extractor.h"
#include "loader/article/words.h"
#include "loader/extract/clauses.h"
#include "loader/text/tokens.h"
#include "loader/tree/word_lists.h"

namespace kg::loader {

using extract::Clause;
using extract::NounPhrase;
using extract::Range;
using text::Tag;

// "chief executive Mette Holm told reporters", "Google chief executive
// Sundar Pichai said": a corporate role written before a person's name. The
// organization is the name before the title, else the company the text is
// about at that point (as for "the company").
void ArticleExtractor::ProcessRoleTitles() {
  for (size_t k = 0; k < a_.nps.size(); ++k) {
    const NounPhrase& np = a_.nps[k];
    if (np.names.empty()) continue;
    Range person = np.names.back();
    if (person.end != np.core.end) continue;
    // Capitalized titles inside the name run: "Chief Executive Tom Reyes".
    while (person.size() > 2 && In(Tok(person.begin).lower, {"chief", "executive", "president", "chairman",
                                                             "chairwoman", "founder", "ceo", "co-founder"}))
      ++person.begin;
    if (person.size() < 2) continue;
    // The title words right before the name.
    int t = person.begin;
    while (t > np.core.begin && ((Tok(t - 1).tag != Tag::kProper && Tok(t - 1).tag != Tag::kPoss &&
                                  Tok(t - 1).tag != Tag::kDet && Tok(t - 1).tag != Tag::kPossMark) ||
                                 In(Tok(t - 1).lower, {"chief", "executive", "president", "chairman",
                                                       "chairwoman", "founder", "ceo"})))
      --t;
    if (t == person.begin) continue;
    bool plain = true;  // "chief executive of Arvana Motors" is an apposition, not a title
    for (int q = t; q < person.begin; ++q)
      plain = plain && (Tok(q).tag == Tag::kAdj || Tok(q).tag == Tag::kNoun || Tok(q).tag == Tag::kProper);
    if (!plain) continue;
    const std::string title = Lower(Text(Range{t, person.begin}));
    Range org{};
    if (np.names.front().end == t && np.names.front().begin < t) org = np.names.front();
    AddRole(title, person, org, np);
  }
}

void ArticleExtractor::AddRole(const std::string& title, Range person, Range org_run, const NounPhrase& np) {
  std::string role;
  if (title == "ceo" || title.find("chief executive") != std::string::npos) {
    role = "ceo_of";
  } else if (title == "president") {
    role = "president_of";
  } else if (title == "chairman" || title == "chairwoman") {
    role = "chairman_of";
  } else if (title == "founder" || title == "co-founder") {
    role = "founder_of";
  } else {
    // "Brevik chief investment officer Lars Holm": another role the word
    // list knows, only with its organization written before the title.
    const size_t space = title.rfind(' ');
    const size_t space2 = space == std::string::npos ? std::string::npos : title.rfind(' ', space - 1);
    const auto& words = tree::WordLists::Get();
    if (space2 != std::string::npos) role = words.RolePredicate(title.substr(space2 + 1));
    if (role.empty()) role = words.RolePredicate(title.substr(space == std::string::npos ? 0 : space + 1));
    if (role.empty() || org_run.empty()) return;
  }
  std::string org;
  // "Kestrel Chief Executive Tom Reyes" at a sentence start, "Kestrel" read
  // as a common noun: the title's first word may still be a company's
  // short form.
  const std::string first_word = title.substr(0, title.find(' '));
  const std::string short_form = org_run.empty() ? CompanyOfShortForm(first_word) : "";
  if (!org_run.empty()) {
    org = EnsureEntity(Text(org_run), "");
  } else if (!short_form.empty()) {
    org = short_form;
  } else {
    // "Chief executive Mara Lind announced an investment by Pellix": the one
    // company the sentence names, else the one the article is about here.
    std::string named;
    bool several = false;
    for (size_t k = 0; k < a_.nps.size() && !several; ++k) {
      const NounPhrase& other = a_.nps[k];
      // Not the titled person's own phrase, nor whom they told ("told Reuters").
      if (other.names.empty() || (other.range.begin < person.end && person.begin < other.range.end)) continue;
      if (other.range.begin > 0 && Lower(Tok(other.range.begin - 1).lemma) == "tell") continue;
      // Every name in it, an owner's too ("Pellix's largest order"); an
      // untyped name counts, places and people do not.
      for (const Range& run : other.names) {
        auto known = alias_.find(Lower(Text(run)));
        const std::string e = known != alias_.end() ? known->second : "";
        const std::string t = TypeOf(e);
        if (e.empty() || e == named || (t != "Company" && t != "Organization" && !t.empty())) continue;
        several = several || !named.empty();
        named = e;
      }
    }
    org = !named.empty() && !several ? named : SalientOfType("Company", Key(np.range.begin));
  }
  const std::string ot = org.empty() ? "" : TypeOf(org);
  if (org.empty() || (ot != "Company" && ot != "Organization" && !ot.empty())) return;
  const std::string who = EnsureEntity(Text(person), "Person");
  if (who == org || (TypeOf(who) != "Person" && !TypeOf(who).empty())) return;
  auto it = entities_.find(who);
  if (it != entities_.end() && (it->second.type.empty() || it->second.type == "Organization"))
    it->second.type = "Person";
  AddFact(Value::Entity(who), role, Value::Entity(org), org_run.empty() ? 0.6 : 0.8, np.range, false);
  if (title.find(' ') != std::string::npos)
    AddFact(Value::Entity(who), "is_a", Value::String(title), 0.8, np.range, false);
}

// "Spanish telecom operator Telvia", "AI startup CareLoop": a description
// headed by a company noun written right before a name classifies it.
void ArticleExtractor::ProcessDescriptorsBeforeNames() {
  for (size_t k = 0; k + 1 < a_.nps.size(); ++k) {
    const NounPhrase& np = a_.nps[k];
    const NounPhrase& next = a_.nps[k + 1];
    if (np.proper || np.pronoun || next.pronoun || next.range.begin != np.range.end) continue;
    if (next.names.empty() || next.names.front().begin != next.core.begin ||
        next.names.front().end != next.core.end)
      continue;
    const text::Token& desc_head = Tok(np.head);
    if (np.head != np.core.end - 1 || desc_head.tag != Tag::kNoun || desc_head.capitalized) continue;
    // "will build the farm with Norwegian partner Kvaro Energi": the partner
    // of the clause's subject.
    if (desc_head.lemma == "partner" || desc_head.lemma == "ally") {
      const Ref& r = ResolveNp(static_cast<int>(k + 1));
      if (!r.entity || r.via_coref) continue;
      const Clause* owner = nullptr;
      for (const Clause& c : a_.clauses) {
        if (c.verb_group.begin < np.range.begin && !c.subject.empty() && !c.negated) owner = &c;
      }
      if (owner == nullptr) continue;
      for (const Ref& sr : SubjectRefs(*owner)) {
        if (!sr.entity || sr.name == r.name) continue;
        auto it = entities_.find(r.name);
        if (it != entities_.end() && it->second.type.empty()) it->second.type = "Company";
        AddFact(Value::Entity(sr.name), "partners_with", Value::Entity(r.name), 0.8,
                Range{np.range.begin, next.range.end}, ClauseHedged(*owner));
      }
      continue;
    }
    if (AnaphorType(desc_head.lemma) != "Company") continue;
    int b = np.core.begin;
    while (b < np.head && (Tok(b).tag == Tag::kDet || Tok(b).tag == Tag::kPoss)) ++b;
    bool clean = true;
    for (int i = b; i <= np.head; ++i)
      clean = clean && (Tok(i).tag == Tag::kAdj || Tok(i).tag == Tag::kNoun || Tok(i).all_caps);
    if (!clean) continue;
    const Ref& r = ResolveNp(static_cast<int>(k + 1));
    if (!r.entity || r.via_coref) continue;
    const std::string t = TypeOf(r.name);
    if (!t.empty() && t != "Company" && t != "Organization") continue;
    auto it = entities_.find(r.name);
    if (it != entities_.end() && it->second.type.empty()) it->second.type = "Company";
    AddFact(Value::Entity(r.name), "is_a", Value::String(Lower1(Text(Range{b, np.head + 1}))), 0.8,
            Range{np.range.begin, next.range.end}, false);
  }
}

}  // namespace kg::loader
