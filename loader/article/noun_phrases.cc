// Resolution of a noun phrase to an entity or a literal: pronouns, amounts of
// money, proper names, definite descriptions, undertakings. Cached per sentence.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "kg/article.h"
#include "kg/value.h"
#include "loader/article/article_extractor.h"
#include "loader/article/words.h"
#include "loader/canonical/gazetteer.h"
#include "loader/canonical/literals.h"
#include "loader/extract/clauses.h"
#include "loader/text/descriptors.h"
#include "loader/text/tokens.h"
#include "loader/tree/word_lists.h"

namespace kg::loader {

using extract::Clause;
using extract::NounPhrase;
using extract::Range;
using text::Tag;

namespace {

// Generic heads after a product/brand name: "its Azure capabilities" is Azure.
bool GenericHead(const std::string& head_lemma) {
  return In(head_lemma, {"capability", "capabilities", "service",  "services",  "business",
                         "operation",  "operations",   "platform", "presence",  "footprint",
                         "offering",   "offerings",    "product",  "products",  "network",
                         "unit",       "division",     "brand",    "portfolio", "infrastructure"});
}

// A typed rule-based guess for a proper name not in the gazetteer.
std::string GuessType(const std::string& name, const std::vector<text::Token>& toks, Range run) {
  const std::string low = Lower(name);
  auto has_word = [&](std::initializer_list<const char*> words) {
    for (int i = run.begin; i < run.end; ++i) {
      for (const char* w : words) {
        if (toks[static_cast<size_t>(i)].lower == w) return true;
      }
    }
    return false;
  };
  // The name's head decides first: "Energy Department" is an agency
  // although "energy" often names companies. The head is the word before
  // "of"/"for" ("Department of Energy"), else the last word.
  int head = run.end - 1;
  for (int i = run.begin + 1; i < run.end; ++i) {
    if (In(toks[static_cast<size_t>(i)].lower, {"of", "for"})) {
      head = i - 1;
      break;
    }
  }
  if (StripCorporateSuffix(name) == name && head >= run.begin &&
      AgencyHead(toks[static_cast<size_t>(head)].lower))
    return "GovernmentAgency";
  // "National Renewable Energy Laboratory" is a laboratory, whatever
  // "energy" suggests.
  if (head >= run.begin && In(toks[static_cast<size_t>(head)].lower,
                              {"laboratory", "university", "institute", "foundation", "academy", "college",
                               "school", "association", "society", "federation", "consortium"}))
    return "Organization";
  if (StripCorporateSuffix(name) != name ||
      has_word({"inc.",        "corp.",           "ltd.",       "holdings",    "technologies",
                "motors",      "airlines",        "bank",       "group",       "systems",
                "labs",        "pharmaceuticals", "energy",     "telecom",     "semiconductor",
                "electronics", "manufacturing",   "industries", "enterprises", "logistics",
                "airways",     "chemicals",       "foods"})) {
    return "Company";
  }
  if (has_word({"ministry", "department", "agency", "commission", "bureau", "authority", "administration",
                "council", "parliament", "congress", "senate", "government", "cabinet", "regulator"})) {
    return "GovernmentAgency";
  }
  if (has_word({"university", "institute", "foundation", "association", "society", "school", "college",
                "organization", "organisation", "union", "federation", "alliance", "consortium", "center",
                "centre", "academy"})) {
    return "Organization";
  }
  if (has_word({"program", "programme", "initiative", "scheme", "fund", "project", "plan"})) return "Program";
  if (has_word({"city", "county", "province", "prefecture", "state", "region", "valley", "district"}))
    return "Region";
  (void)low;
  return "";
}

}  // namespace

// Resolves a noun phrase to an entity or a literal (cached per sentence).
const Ref& ArticleExtractor::ResolveNp(int idx) {
  auto& slot = np_ref_[static_cast<size_t>(idx)];
  if (np_resolved_[static_cast<size_t>(idx)]) return slot;
  np_resolved_[static_cast<size_t>(idx)] = true;
  slot = ComputeRef(idx);
  return slot;
}

std::string ArticleExtractor::CoreTextNoDet(const NounPhrase& np) const {
  int b = np.range.begin;
  while (b < np.core.end && (Tok(b).tag == Tag::kDet || Tok(b).tag == Tag::kPoss) && b + 1 < np.range.end &&
         Tok(b + 1).lower != "of") {
    ++b;
  }
  return Text(Range{b, np.core.end});
}

Ref ArticleExtractor::ComputeRef(int idx) {
  const NounPhrase& np = Np(idx);
  Ref r;
  r.valid = true;
  r.text = Text(np.range);
  const uint64_t key = Key(np.range.begin);
  if (np.pronoun) {
    PronounRef(np, key, r);
    return r;
  }
  const bool definite = Tok(np.range.begin).tag == Tag::kDet &&
                        In(Tok(np.range.begin).lower, {"the", "this", "that", "these", "those"});
  const std::string core = CoreTextNoDet(np);
  // The readings in order of precedence; the first that applies decides.
  if (AmountRef(np, core, r) || ProperNameRef(np, r) || DescribedNameRef(np, r) || UnitRef(idx, r) ||
      ProductRef(np, r) || GovernmentRef(np, r) || CalledNameRef(idx, np, definite, r) ||
      AnaphorRef(idx, np, definite, key, r) || EventRef(np, definite, key, r)) {
    return r;
  }
  r.literal = Value::String(core.empty() ? r.text : core);
  return r;
}

void ArticleExtractor::PronounRef(const NounPhrase& np, uint64_t key, Ref& r) {
  const text::Token& head = Tok(np.head);
  const std::string& w = head.lower;
  // "The hub will employ 250 scientists. It is …": the thing, no entity.
  // So is "it" after a semicolon or conjunction in the sentence whose
  // first subject was that thing ("Coffee is …; it is also …").
  const bool after_clause = np.range.begin > 0 && In(Tok(np.range.begin - 1).lower, {";", "and", "but"}) &&
                            latest_clause_sentence_ == sent_ && latest_clause_is_thing_;
  const bool after_thing = ((np.range.begin == 0 && sent_ > 0 && first_subject_sentence_ + 1 == sent_ &&
                             first_subject_is_thing_) ||
                            after_clause) &&
                           w == "it";
  // "by making it more efficient for businesses to …": "it" before an
  // adjective after make/find/keep is a placeholder, not a thing.
  const int before = np.range.begin - 1;
  const int after = np.range.end;
  const bool placeholder = w == "it" && before >= 0 && after < static_cast<int>(a_.tokens.size()) &&
                           In(Lower(Tok(before).lemma), {"make", "find", "keep", "consider", "render"}) &&
                           (Tok(after).tag == text::Tag::kAdj || In(Tok(after).lower, {"more", "less"}));
  if (In(w, {"it", "its", "itself"}) && !after_thing && !placeholder) {
    std::string n = LatestOfType("", key, true);
    if (n.empty()) n = LatestOfType("", key, false);
    if (!n.empty()) {
      r.entity = true;
      r.name = n;
      r.type = TypeOf(n);
      r.via_coref = true;
      return;
    }
  }
  // "The UK Government is driving … We are investing £2.5 million":
  // "we" in news is an organization speaking, the one that was a subject
  // in this or the two sentences before.
  if (In(w, {"we", "our", "us", "ours"})) {
    const std::string n = SpeakingOrganization(np.range.begin);
    if (!n.empty()) {
      r.entity = true;
      r.name = n;
      r.type = TypeOf(n);
      r.via_coref = true;
      return;
    }
  }
  if (In(w, {"this", "that"})) {
    const std::string n = LatestActor(key);
    if (!n.empty()) {
      r.entity = true;
      r.name = n;
      r.type = TypeOf(n);
      r.via_coref = true;
      r.via_event = true;
      r.event_head = "this";
      return;
    }
  }
  r.valid = false;
  r.literal = Value::String(r.text);
}

// "The UK Government is driving … We are investing £2.5 million": "we" in
// news is an organization speaking: in a quotation (or right after a
// person's quoted words, "…, said Ex-Im Bank Chairman X. … our commitment")
// the speaker's organization, else the one that was a subject in this or the
// two sentences before. `token` is the pronoun's token.
std::string ArticleExtractor::SpeakingOrganization(int token) {
  const uint64_t key = Key(token);
  const uint64_t floor = key >= 200000 ? (key / 100000 - 2) * 100000 : 0;
  bool quoted = false;
  for (int k = token - 1; k >= 0 && !quoted; --k) quoted = Tok(k).text == ":";
  if (!quoted && sent_ > 0 && sent_ - 1 < out_->sentences.size()) {
    const std::string& prev = out_->sentences[sent_ - 1];
    quoted = !prev.empty() && prev.back() == ':';
  }
  std::string speaker_org = OrganizationOf(LatestOfType("Person", key));
  if (!last_speaker_.first.empty() && last_speaker_.second + 1 >= sent_) {
    quoted = true;
    const std::string org = OrganizationOf(last_speaker_.first);
    if (!org.empty()) speaker_org = org;
  }
  std::string n = quoted && !speaker_org.empty() ? speaker_org : LatestOrganization(key, floor);
  return n.empty() ? speaker_org : n;
}

bool ArticleExtractor::AmountRef(const NounPhrase& np, const std::string& core_text, Ref& r) {
  // "more than $8 billion", "up to $8 billion": the comparative or bound
  // is no part of the amount.
  const bool bounded = np.core.begin > np.range.begin && Tok(np.core.begin).tag == Tag::kNum &&
                       In(Tok(np.core.begin - 1).lower, {"than", "least", "most", "to", "as"});
  const std::string core = bounded ? Text(np.core) : core_text;
  // Money and counts.
  if (Tok(np.core.begin).tag == Tag::kNum ||
      (np.core.begin < np.core.end && core.size() > 0 && core[0] == '$')) {
    if (auto m = canonical::ParseMoney(core)) {
      // A bare amount ("$10 billion") is money; "$10 billion investment" is a phrase.
      const auto all = canonical::FindMoney(core);
      bool only_amount = true;
      for (int i = np.core.begin; i < np.core.end; ++i) {
        if (Tok(i).tag != Tag::kNum && Tok(i).tag != Tag::kPunct && Tok(i).tag != Tag::kDet &&
            !CurrencyUnit(Tok(i).lower) && !CurrencyQualifier(np, i) &&
            !In(Tok(i).lower, {"crore", "lakh"})) {
          only_amount = false;
        }
      }
      if (only_amount) {
        r.literal = Value::Money(m->amount, m->currency);
        return true;
      }
    }
  }
  return false;
}

// "Ministry of Economy, Trade and Industry": the chunker may split a name
// with a comma or "and" into a list; the longest gazetteer name around a
// part of it is the name.
Range ArticleExtractor::KnownNameAround(Range part) const {
  const int n = static_cast<int>(a_.tokens.size());
  Range best = part;
  for (int b = std::max(0, part.begin - 6); b <= part.begin; ++b) {
    for (int e = std::min(n, part.end + 6); e >= part.end; --e) {
      if (e - b <= best.end - best.begin) break;
      bool joined = false;  // only names the chunker could have split
      for (int k = b; k < e; ++k) joined = joined || Tok(k).text == "," || Tok(k).lower == "and";
      if (joined && gaz_.Lookup(Text(Range{b, e}))) best = Range{b, e};
    }
  }
  return best;
}

bool ArticleExtractor::ProperNameRef(const NounPhrase& np, Ref& r) {
  // Proper names.
  // "northern Chile", "central Peru": a compass word before a known place
  // still names the place (the part of it is not an entity of its own).
  const auto compass_place = [&](int b) {
    return b < np.core.end &&
           In(Tok(b).lower, {"northern", "southern", "eastern", "western", "central", "northeastern",
                             "northwestern", "southeastern", "southwestern"}) &&
           !np.names.empty() && np.names[0].begin == b + 1 && [&] {
             auto g = gaz_.Lookup(Text(np.names[0]));
             return g && In(g->type, {"Country", "Region", "City"});
           }();
  };
  const bool all_proper =
      !np.names.empty() &&
      np.names[0].begin ==
          [&] {
            int b = np.core.begin;
            while (b < np.core.end && (Tok(b).tag == Tag::kDet || Tok(b).tag == Tag::kPoss)) ++b;
            if (compass_place(b)) ++b;
            // "Sweden-based Nordvolt": where it is based, then its name.
            if (b < np.core.end &&
                (Tok(b).lower.ends_with("-based") || Tok(b).lower.ends_with("-headquartered")))
              ++b;
            return b;
          }() &&
      np.names.back().end == np.core.end && np.names.size() == 1;
  // "the Bank", "the Board": one capitalized organization word after
  // "the" is the organization the article named with it.
  if (all_proper && np.names[0].size() == 1 && np.names[0].begin > 0 &&
      Tok(np.names[0].begin - 1).lower == "the" && alias_.count(Lower(Text(np.names[0]))) == 0 &&
      !gaz_.Lookup(Text(np.names[0])) &&
      In(Tok(np.names[0].begin).lower,
         {"bank", "fund", "board", "agency", "ministry", "department", "commission", "authority", "group",
          "company", "council", "bureau", "corporation"})) {
    const std::string named = NamedByHead(Tok(np.names[0].begin).lower, Key(np.names[0].begin));
    if (!named.empty()) {
      r.entity = true;
      r.name = named;
      r.type = TypeOf(named);
      r.via_coref = true;
      return true;
    }
  }
  if (all_proper) {
    std::string name = Text(KnownNameAround(np.names[0]));
    std::string type = GuessType(name, a_.tokens, np.names[0]);
    // "Microsoft Azure": a known company's name followed by more words.
    std::string owner;
    if (!gaz_.Lookup(name)) {
      const Range run = np.names[0];
      for (int e = run.end - 1; e > run.begin; --e) {
        auto g = gaz_.Lookup(Text(Range{run.begin, e}));
        if (g && g->type == "Company") {
          const std::string rest = Text(Range{e, run.end});
          auto gr = gaz_.Lookup(rest);
          if (!gr && type.empty()) {
            type = "Product";
            owner = g->name;
          } else if (gr && (gr->type == "Country" || gr->type == "City" || gr->type == "Region")) {
            type = "Company";
          }
          break;
        }
      }
    }
    // "of Japan" in an agency name gives its country.
    std::string country;
    for (int i = np.names[0].begin; i + 1 < np.names[0].end; ++i) {
      if (Tok(i).lower == "of") {
        auto g = gaz_.Lookup(Text(Range{i + 1, np.names[0].end}));
        if (g && g->type == "Country") country = g->name;
      }
    }
    r.entity = true;
    r.name = EnsureEntity(name, type, country);
    r.type = TypeOf(r.name);
    if (!np.acronym.empty()) {
      AddAlias(r.name, np.acronym);
      if (acronym_done_.insert(r.name).second) {
        AddFact(Value::Entity(r.name), "also_known_as", Value::String(np.acronym), 0.95, np.range, false);
      }
    }
    if (!owner.empty() && TypeOf(r.name) == "Product" && product_done_.insert(r.name).second) {
      AddFact(Value::Entity(r.name), "product_of", Value::Entity(EnsureEntity(owner, "Company")), 0.85,
              np.range, false);
    }
    return true;
  }
  return false;
}

// "Mining giant Orvane", "the chip giant Orvane": a company description
// right before a name is no part of it; the phrase is the name (the tree's
// descriptors pattern gives the is_a).
bool ArticleExtractor::DescribedNameRef(const NounPhrase& np, Ref& r) {
  // "Vantor Inc's Keel": the name after an owner's "'s" is the phrase (the
  // tree's possessives pattern gives Keel part_of Vantor).
  if (np.names.size() >= 2 && np.names.back().end == np.core.end && np.names.back().begin > np.core.begin &&
      Tok(np.names.back().begin - 1).tag == Tag::kPossMark) {
    // "Ex-Im Bank's Board of Directors approved …": a governing body acts
    // for its organization.
    const bool body = In(Tok(np.names.back().begin).lower, {"board", "committee", "council", "management"});
    const Range name = body ? np.names[np.names.size() - 2] : np.names.back();
    NounPhrase bare = np;
    bare.range = bare.core = name;
    bare.names = {name};
    bare.possessor = -1;
    return ProperNameRef(bare, r);
  }
  if (np.names.size() != 1 || np.names[0].end != np.core.end) return false;
  // "Chipmaker Orvane" opening a sentence: the capital is the sentence's.
  const Range run = np.names[0];
  if (run.begin == 0 && run.size() >= 2 && text::IsOpeningDescriptor(Tok(0).lower) &&
      !gaz_.Lookup(Text(run)) && !UsedAsName(Tok(0).text)) {
    NounPhrase bare = np;
    bare.range.begin = bare.core.begin = bare.names[0].begin = 1;
    return ProperNameRef(bare, r);
  }
  const int name = np.names[0].begin;
  int b = np.core.begin;
  while (b < name && (Tok(b).tag == Tag::kDet || Tok(b).tag == Tag::kPoss)) ++b;
  if (b >= name || AnaphorType(Lower(Tok(name - 1).lemma)) != "Company") return false;
  for (int i = b; i < name; ++i) {
    const text::Token& t = Tok(i);
    const bool word = t.tag == Tag::kNoun || t.tag == Tag::kAdj || t.tag == Tag::kVerb;
    const bool lower = !t.text.empty() && !(t.text[0] >= 'A' && t.text[0] <= 'Z');
    if (!word || (!lower && i != 0)) return false;
  }
  NounPhrase bare = np;
  bare.range.begin = name;
  bare.core.begin = name;
  return ProperNameRef(bare, r);
}

// "Halden's cloud unit", "its cloud unit", "the cloud unit of Halden": a
// company's unit, named by its owner (the tree names it alike and gives
// its part_of).
bool ArticleExtractor::UnitRef(int idx, Ref& r) {
  const NounPhrase& np = Np(idx);
  if (!tree::WordLists::Get().InClass("unit", Lower(Tok(np.head).lemma))) return false;
  // "Kestrel Rail, a unit of Halden Group": the unit has its name.
  for (const auto& [named, description] : a_.appositions) {
    if (description == idx) return false;
  }
  std::string owner = OwnerOf(idx);
  // "operate as a unit of Tessaro" describes; it names no unit of its own.
  const bool indefinite = In(Tok(np.range.begin).lower, {"a", "an"});
  for (int i = np.head + 1; owner.empty() && !indefinite && i + 1 < np.range.end; ++i) {
    if (Tok(i).lower != "of") continue;
    for (const Range& run : np.names) {
      if (run.begin == i + 1) owner = EnsureEntity(Text(run), "");
    }
  }
  if (owner.empty()) return false;
  // The unit's own words: after the owner's "'s" and any determiner.
  int b = np.core.begin;
  for (int i = np.core.begin; i < np.head; ++i) {
    if (Tok(i).tag == Tag::kPossMark) b = i + 1;
  }
  while (b < np.head && (Tok(b).tag == Tag::kDet || Tok(b).tag == Tag::kPoss)) ++b;
  r.entity = true;
  r.name = EnsureEntity(text::UnitName(owner, Text(Range{b, np.head + 1})), "Company");
  r.type = TypeOf(r.name);
  AddFact(Value::Entity(r.name), "part_of", Value::Entity(owner), 0.8, np.range, false);
  return true;
}

bool ArticleExtractor::ProductRef(const NounPhrase& np, Ref& r) {
  const text::Token& head = Tok(np.head);
  // "its Microsoft Azure capabilities" → the product itself.
  if (np.names.size() == 1 && np.names[0].end == np.head && GenericHead(head.lemma)) {
    const std::string name = Text(np.names[0]);
    auto g = gaz_.Lookup(name);
    if (!g || (g->type != "Country" && g->type != "Region" && g->type != "City" && g->type != "Technology")) {
      Ref inner;
      // Reuse the proper-name path through a synthetic resolution.
      const Range run = np.names[0];
      std::string type = GuessType(name, a_.tokens, run);
      std::string owner;
      for (int e = run.end - 1; e > run.begin; --e) {
        auto go = gaz_.Lookup(Text(Range{run.begin, e}));
        if (go && go->type == "Company" && !gaz_.Lookup(Text(Range{e, run.end}))) {
          type = "Product";
          owner = go->name;
          break;
        }
      }
      if (!g && owner.empty() && run.size() == 1) {
        // A single unknown capitalized word before "capabilities": keep the phrase.
      } else {
        r.entity = true;
        r.name = EnsureEntity(name, type);
        r.type = TypeOf(r.name);
        if (!owner.empty() && product_done_.insert(r.name).second) {
          AddFact(Value::Entity(r.name), "product_of", Value::Entity(EnsureEntity(owner, "Company")), 0.85,
                  np.range, false);
        }
        return true;
      }
    }
  }
  return false;
}

bool ArticleExtractor::GovernmentRef(const NounPhrase& np, Ref& r) {
  const text::Token& head = Tok(np.head);
  // "The government has today announced …": the government the article
  // named, else the government of the country it is most about so far.
  if (head.lemma == "government" && np.head == np.core.begin && np.range.begin < np.core.begin &&
      Tok(np.range.begin).lower == "the" && np.names.empty()) {
    const std::string gov = TheGovernment();
    if (!gov.empty()) {
      r.entity = true;
      r.name = gov;
      r.type = TypeOf(gov);
      r.via_coref = true;
      return true;
    }
  }
  // "the Thai government", "the Japanese government": the country's government.
  if (head.lemma == "government" && np.head > np.core.begin) {
    const std::string country = gaz_.CountryOfDemonym(Tok(np.head - 1).text);
    if (!country.empty()) {
      r.entity = true;
      r.name = EnsureEntity("Government of " + country, "GovernmentAgency");
      AddAlias(r.name, CoreTextNoDet(np));
      r.type = "GovernmentAgency";
      return true;
    }
  }
  return false;
}

bool ArticleExtractor::CalledNameRef(int idx, const NounPhrase& np, bool definite, Ref& r) {
  const text::Token& head = Tok(np.head);
  // Definite descriptions.
  const bool has_names = !np.names.empty();
  // "The program, called Talento Digital, will …": the description is named
  // right after it; it is that name (typed by the description's head), and a
  // fact about "a … program" in the sentence before is about it too.
  if (definite && !has_names) {
    int q = np.range.end;
    if (q + 1 < static_cast<int>(a_.tokens.size()) && Tok(q).lower == ",") {
      ++q;
      if (In(Tok(q).lower, {"called", "named", "dubbed", "branded"})) {
        ++q;
      } else if (Tok(q).lower == "known" && q + 1 < static_cast<int>(a_.tokens.size()) &&
                 Tok(q + 1).lower == "as") {
        q += 2;
      } else {
        q = -1;
      }
      const int name_np = q > 0 ? NpOf(q) : -1;
      if (name_np >= 0 && name_np != idx && Np(name_np).range.begin == q && !Np(name_np).names.empty()) {
        const Ref& named = ResolveNp(name_np);
        if (named.entity) {
          const std::string at = AnaphorType(head.lemma);
          if (auto it = entities_.find(named.name); it != entities_.end() && it->second.type.empty())
            it->second.type = at.empty() ? "Program" : at;
          NameEarlierMention(head.lemma, named.name);
          r = named;
          r.text = Text(np.range);
          return true;
        }
      }
    }
  }
  return false;
}

bool ArticleExtractor::AnaphorRef(int idx, const NounPhrase& np, bool definite, uint64_t key, Ref& r) {
  const text::Token& head = Tok(np.head);
  // "the East African nation", "the Nordic country": words of where it is
  // describe a country; they do not name another one.
  const bool located_country = AnaphorType(head.lemma) == "Country" &&
                               std::all_of(np.names.begin(), np.names.end(), [this](const Range& run) {
                                 for (int k = run.begin; k < run.end; ++k) {
                                   const std::string& w = Tok(k).lower;
                                   const bool demonym =
                                       w.size() > 4 && (w.ends_with("an") || w.ends_with("ese") ||
                                                        w.ends_with("ish") || w.ends_with("ic"));
                                   if (!demonym && !In(w, {"east", "west", "north", "south", "central"}))
                                     return false;
                                 }
                                 return true;
                               });
  const bool has_names = !np.names.empty() && !located_country;
  // "Nordvolt, the Swedish battery maker, …": a description in apposition
  // to a name describes it; it does not refer back.
  bool in_apposition = false;
  for (const auto& [ax, ay] : a_.appositions) in_apposition = in_apposition || ay == idx;
  // "the two firms", "the companies": a plural description is not one entity.
  const bool plural = PluralNoun(head.lower, head.lemma);
  // "the combined company", "the merged group": one that does not exist
  // yet, no earlier entity.
  bool formed = false;
  for (int k = np.core.begin; k < np.head; ++k)
    formed = formed || tree::WordLists::Get().InClass("formed", Tok(k).lower);
  if (definite && !has_names && !in_apposition && !plural && !formed) {
    const std::string at = AnaphorType(head.lemma);
    if (!at.empty()) {
      // "Orvane CEO Dana Holt said the company plans …": in what a person
      // reports, their own organization; else a recent subject of that
      // type ("the company" after "Nordvolt said … Siemens designed …" is
      // Nordvolt).
      std::string n = SpeakersOrganization(idx, at);
      if (n.empty()) n = SalientOfType(at, key);
      if (n.empty()) n = LatestOfType(at, key);
      if (!n.empty()) {
        if (auto it = entities_.find(n); it != entities_.end() && it->second.type.empty())
          it->second.type = at;
        r.entity = true;
        r.name = n;
        r.type = at;
        r.via_coref = true;
        return true;
      }
    }
  }
  return false;
}

std::string ArticleExtractor::SpeakersOrganization(int idx, const std::string& type) {
  for (const Clause& c : a_.clauses) {
    if (std::find(c.subject.begin(), c.subject.end(), idx) == c.subject.end()) continue;
    const Clause* report = ReportingClauseOf(c);
    if (report == nullptr || report->subject.empty() || report->subject.front() == idx) return "";
    const Ref& speaker = ResolveNp(report->subject.front());
    // (A titled name is typed as a person only when its roles are read.)
    if (!speaker.entity || (TypeOf(speaker.name) != "Person" && !TypeOf(speaker.name).empty())) return "";
    std::string org = OrganizationOf(speaker.name);
    // The roles of this sentence are read after its clauses: "Orvane CEO
    // Dana Holt" names the organization before the title.
    for (const Range& run : Np(report->subject.front()).names) {
      for (int e = run.end - 1; org.empty() && e > run.begin; --e) {
        if (!RoleWord(Lower(Tok(e).lemma))) continue;
        auto known = alias_.find(Lower(Text(Range{run.begin, e})));
        if (known != alias_.end()) org = known->second;
      }
    }
    return !org.empty() && (TypeOf(org) == type || TypeOf(org).empty()) ? org : "";
  }
  return "";
}

bool ArticleExtractor::EventRef(const NounPhrase& np, bool definite, uint64_t key, Ref& r) {
  const text::Token& head = Tok(np.head);
  // Undertakings: "the initiative", "The Microsoft investment", "Microsoft's commitment".
  if (EventNoun(head.lemma)) {
    std::string actor;
    for (const Range& run : np.names) {
      auto g = gaz_.Lookup(Text(run));
      if (g && (g->type == "Company" || g->type == "GovernmentAgency" || g->type == "Organization")) {
        actor = g->name;
        break;
      }
      const std::string n = EnsureEntity(Text(run), "");
      const std::string t = TypeOf(n);
      if (t == "Company" || t == "Organization" || t == "GovernmentAgency") {
        actor = n;
        break;
      }
    }
    // "our strong commitment to supporting …": the speaking organization's.
    if (actor.empty() && Tok(np.range.begin).lower == "our") actor = SpeakingOrganization(np.range.begin);
    if (actor.empty() && definite) actor = RecentRecipient(key);
    // "The investment will also go towards …": the investor of the
    // investment the last two sentences told of.
    if (actor.empty() && definite && In(head.lemma, {"investment", "commitment", "pledge"}) &&
        !latest_investor_.first.empty() && latest_investor_.second + 2 >= sent_)
      actor = latest_investor_.first;
    // "The acquisition would give the company …": the buyer of the latest
    // acquisition of the last three sentences.
    if (actor.empty() && definite && In(head.lemma, {"acquisition", "takeover", "purchase", "buyout"}))
      actor = LatestAcquirer();
    if (actor.empty() && definite) actor = LatestActor(key);
    if (actor.empty() && np.possessor >= 0) {
      const Ref& p = ResolveNp(np.possessor);
      if (p.entity) actor = p.name;
    }
    if (!actor.empty()) {
      r.entity = true;
      r.name = EnsureEntity(actor, "");
      r.type = TypeOf(r.name);
      r.via_event = true;
      r.via_coref = definite;
      r.event_head = head.lemma;
      r.text = Text(np.range);
      return true;
    }
  }
  return false;
}

std::string ArticleExtractor::TheGovernment() {
  const std::string gov = LatestGovernment();
  return gov.empty() ? CountryGovernment() : gov;
}

std::string ArticleExtractor::CountryGovernment() {
  if (document_country_.empty()) return "";
  return EnsureEntity("Government of " + document_country_, "GovernmentAgency");
}

std::string ArticleExtractor::LatestGovernment() const {
  for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
    if (Lower(it->name).find("government") != std::string::npos && TypeOf(it->name) == "GovernmentAgency")
      return it->name;
  }
  return "";
}

std::string ArticleExtractor::LatestAcquirer() const {
  for (auto it = out_->facts.rbegin(); it != out_->facts.rend(); ++it) {
    if (it->sentence + 3 < sent_) break;
    if (it->predicate == "acquires" && it->subject.kind() == ValueKind::kEntity) return it->subject.text();
  }
  return "";
}

// Facts of the last two sentences whose object is a literal phrase headed by
// `head` ("a 40 billion peso program") get a copy with the entity that phrase
// turns out to name.
void ArticleExtractor::NameEarlierMention(const std::string& head, const std::string& name) {
  const size_t n = out_->facts.size();
  for (size_t i = 0; i < n; ++i) {
    const Fact f = out_->facts[i];
    if (f.sentence + 2 < sent_ || f.sentence >= sent_ || f.object.kind() != ValueKind::kString) continue;
    if (f.subject.kind() == ValueKind::kEntity && f.subject.text() == name) continue;
    const std::string& o = f.object.text();
    const size_t sp = o.find(head);
    if (sp == std::string::npos || (sp > 0 && o[sp - 1] != ' ')) continue;
    const size_t after = sp + head.size();
    // The head word ends the phrase or starts its complement ("program to train …").
    if (after < o.size() && !(o[after] == ' ' || (o[after] == 's' && after + 1 == o.size()))) continue;
    if (after < o.size() && o[after] == ' ' && o.find(' ', after + 1) != std::string::npos &&
        o.compare(after + 1, 3, "to ") != 0 && o.compare(after + 1, 4, "for ") != 0)
      continue;
    Fact g = f;
    g.object = Value::Entity(name);
    const std::string key = g.subject.ToString() + "\x1f" + g.predicate + "\x1f" +
                            g.object.KindName().data() + g.object.ToString();
    if (!fact_index_.emplace(key, out_->facts.size()).second) continue;
    out_->facts.push_back(std::move(g));
  }
}

bool ArticleExtractor::CurrencyUnit(const std::string& w) {
  return In(w, {"dollars", "euros", "yen",    "pounds", "yuan",  "won",    "rupees", "usd",    "eur",
                "dollar",  "euro",  "pound",  "francs", "franc", "pesos",  "peso",   "reais",  "rupee",
                "ringgit", "baht",  "riyals", "rand",   "lira",  "rupiah", "kronor", "kroner", "crowns"});
}

// "700 million Swiss francs", "2 billion Hong Kong dollars": capitalized
// words between the number and the unit name the currency's country.
bool ArticleExtractor::CurrencyQualifier(const NounPhrase& np, int i) const {
  if (!Tok(i).capitalized) return false;
  int b = i;
  while (b > np.core.begin && Tok(b - 1).capitalized && Tok(b - 1).tag != Tag::kNum) --b;
  if (b == np.core.begin || Tok(b - 1).tag != Tag::kNum || i - b > 1) return false;
  for (int j = i + 1; j < np.core.end && j <= b + 2; ++j) {
    if (CurrencyUnit(Tok(j).lower)) return true;
    if (!Tok(j).capitalized) return false;
  }
  return false;
}

}  // namespace kg::loader
