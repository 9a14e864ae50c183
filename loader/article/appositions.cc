// Facts from examples ("X such as A, B and C") and appositions ("Nordvolt,
// the Swedish battery maker,"): classes, types, roles and parts.
#include <algorithm>
#include <string>
#include <utility>

#include "kg/article.h"
#include "kg/value.h"
#include "loader/article/article_extractor.h"
#include "loader/article/words.h"
#include "loader/canonical/gazetteer.h"
#include "loader/canonical/predicates.h"
#include "loader/extract/clauses.h"
#include "loader/text/tokens.h"

namespace kg::loader {

using extract::NounPhrase;
using extract::Range;
using text::Tag;

// "X such as A, B and C": A is_a x (and typed); clause facts about the
// head ("faces several challenges, including: A; B") extend to members.
void ArticleExtractor::ProcessExamples() {
  for (const auto& ex : a_.examples) {
    const NounPhrase& head = Np(ex.head_np);
    std::string cls;
    {
      int b = head.core.begin;
      while (b < head.core.end && (Tok(b).tag == Tag::kDet || Tok(b).tag == Tag::kPoss)) ++b;
      for (int i = b; i < head.core.end && i <= head.head; ++i) {
        if (!cls.empty()) cls.push_back(' ');
        // Modifiers as written (AddFact normalizes their case: "Japanese"
        // stays, a sentence-initial "Global" does not).
        cls += (i == head.head) ? Tok(i).lemma : Tok(i).text;
      }
    }
    const std::string type = [&] {
      const std::string& h = Tok(head.head).lemma;
      if (In(h, {"company", "firm", "giant", "player", "provider", "startup", "corporation"}))
        return "Company";
      if (In(h, {"agency", "ministry", "regulator", "department", "body"})) return "GovernmentAgency";
      if (In(h, {"country", "nation", "economy"})) return "Country";
      if (In(h, {"city"})) return "City";
      if (In(h, {"organization", "organisation", "institution", "university"})) return "Organization";
      return "";
    }();
    for (int m : ex.members) {
      const Ref& r = ResolveNp(m);
      if (r.entity && !r.via_event && !r.via_coref) {
        if (!type.empty()) {
          auto it = entities_.find(r.name);
          if (it != entities_.end() && it->second.type.empty()) it->second.type = type;
        }
        if (!cls.empty() && Tok(head.head).tag == Tag::kNoun) {
          AddFact(Value::Entity(r.name), "is_a", Value::String(cls), 0.85, head.range, false);
        }
      }
    }
    // Clauses whose object is the head.
    for (const auto& c : a_.clauses) {
      if (c.negated || c.subject.empty() || c.passive) continue;
      if (std::find(c.objects.begin(), c.objects.end(), ex.head_np) == c.objects.end()) continue;
      auto pred = vocab_.ForVerb(c.lemma);
      if (!pred) continue;
      for (const Ref& s : Resolve(c.subject)) {
        if (!s.entity || s.via_event) continue;
        for (const Value& o : ListValues(ex.members, nullptr)) {
          AddFact(Value::Entity(s.name), *pred, o, BaseConfidence(s, c) * 0.9, c.span, ClauseHedged(c));
        }
      }
    }
  }
}

// "its Austin, Texas plant": a place name opening the second phrase of an
// apposition places a noun ("Texas plant"); it says nothing of the first.
bool ArticleExtractor::PlacedNoun(int y) {
  const NounPhrase& np = Np(y);
  if (np.names.empty() || np.names.front().begin != np.range.begin || np.names.front().end >= np.range.end)
    return false;
  const auto opening = gaz_.Lookup(Text(np.names.front()));
  return opening && (opening->type == "Region" || opening->type == "Country");
}

void ArticleExtractor::ProcessAppositions() {
  for (const auto& [x, y] : a_.appositions) {
    // "Cambridge, Mass." is a location (AddLocatedInRaw), not an identity.
    const auto place = gaz_.Lookup(Text(Np(y).range));
    if (place && (place->type == "Region" || place->type == "Country") && !gaz_.Lookup(Text(Np(x).core))) {
      continue;
    }
    if (PlacedNoun(y)) continue;
    RawFact raw;
    raw.arg1 = Text(Np(x).range);
    raw.relation = "is";
    // The apposition with its prepositional modifiers ("an analyst with
    // PaineWebber").
    const int n = static_cast<int>(a_.tokens.size());
    int end = Np(y).range.end;
    while (end + 1 < n && Tok(end).tag == Tag::kPrep && a_.np_of_token[static_cast<size_t>(end + 1)] >= 0 &&
           Np(a_.np_of_token[static_cast<size_t>(end + 1)]).range.begin == end + 1) {
      end = Np(a_.np_of_token[static_cast<size_t>(end + 1)]).range.end;
    }
    raw.args.push_back(Text(Range{Np(y).range.begin, end}));
    raw.sentence = sent_;
    raw.confidence = 0.7;
    out_->raw_facts.push_back(std::move(raw));
  }
  for (const auto& [x, y] : a_.appositions) {
    if (PlacedNoun(y)) continue;
    const Ref& rx = ResolveNp(x);
    if (!rx.entity || rx.via_coref || rx.via_event) continue;
    const NounPhrase& ny = Np(y);
    const Ref& ry = ResolveNp(y);
    if (ry.entity) continue;
    // "an investment in Kenya and Tanzania, the drugmaker's biggest bet":
    // a description after the last of a list of places is about more
    // than that place.
    const int word_before = Np(x).range.begin - 1;
    if (In(rx.type, {"Country", "City", "Region"}) && word_before >= 0 &&
        In(Tok(word_before).lower, {"and", "or"}))
      continue;
    const std::string& h = Tok(ny.head).lemma;
    // "Satya Nadella, chief executive of Microsoft".
    if (In(h, {"ceo", "executive", "president", "chairman", "chairwoman", "founder", "head", "director",
               "minister", "spokesperson", "spokesman", "spokeswoman", "officer", "chief"})) {
      auto it = entities_.find(rx.name);
      if (it != entities_.end() && (it->second.type.empty() || it->second.type == "Organization")) {
        it->second.type = "Person";
      }
      // "chief executive of Nordvolt" → ceo_of Nordvolt.
      for (int i = ny.head + 1; i + 1 < ny.range.end; ++i) {
        if (Tok(i).lower != "of") continue;
        const int org = a_.np_of_token[static_cast<size_t>(i + 1)];
        std::string org_name;
        for (const Range& run : ny.names) {
          if (run.begin == i + 1) org_name = EnsureEntity(Text(run), "");
        }
        (void)org;
        if (org_name.empty()) break;
        std::string role = "works_for";
        const std::string before = Lower(Text(Range{ny.core.begin, ny.head + 1}));
        if (In(h, {"ceo"}) || before.find("chief executive") != std::string::npos)
          role = "ceo_of";
        else if (In(h, {"president"}))
          role = "president_of";
        else if (In(h, {"chairman", "chairwoman"}))
          role = "chairman_of";
        else if (In(h, {"founder"}))
          role = "founder_of";
        AddFact(Value::Entity(rx.name), role, Value::Entity(org_name), 0.85,
                Range{Np(x).range.begin, ny.range.end}, false);
        break;
      }
    }
    // "Cellpath Energy, a subsidiary of Arvana" → part_of Arvana (a company).
    if (In(h, {"subsidiary", "unit", "division", "arm", "affiliate"})) {
      for (int i = ny.head + 1; i + 1 < ny.range.end; ++i) {
        if (Tok(i).lower != "of") continue;
        // The first name after "of", a description before it aside ("a
        // unit of Danish utility Hjelm Energi").
        std::string org_name;
        for (const Range& run : ny.names) {
          if (run.begin > i && org_name.empty() && gaz_.CountryOfDemonym(Text(run)).empty())
            org_name = EnsureEntity(Text(run), "");
        }
        if (org_name.empty()) break;
        for (const std::string& n : {rx.name, org_name}) {
          auto it = entities_.find(n);
          if (it != entities_.end() && it->second.type.empty()) it->second.type = "Company";
        }
        AddFact(Value::Entity(rx.name), "part_of", Value::Entity(org_name), 0.85,
                Range{Np(x).range.begin, ny.range.end}, false);
        break;
      }
    }
    AddFact(Value::Entity(rx.name), "is_a", Value::String(Lower1(CoreTextNoDet(ny))), 0.8,
            Range{Np(x).range.begin, ny.range.end}, false);
    const std::string at = AnaphorType(h);
    if (!at.empty() && at != "Program") {
      auto it = entities_.find(rx.name);
      if (it != entities_.end() && it->second.type.empty()) it->second.type = at;
    }
  }
}

}  // namespace kg::loader
