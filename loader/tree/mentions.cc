#include "loader/tree/mentions.h"

#include <algorithm>
#include <cctype>

#include "loader/canonical/gazetteer.h"
#include "loader/text/ascii_lower.h"
#include "loader/text/descriptors.h"
#include "loader/text/short_forms.h"
#include "loader/text/tokens.h"
#include "loader/tree/word_lists.h"
#include "syntax/wordnet.h"

namespace kg::loader::tree {
namespace {

bool AnaphoricPronoun(std::string_view w) {
  return OneOf(w,
               {"it", "its", "they", "them", "their", "we", "us", "our", "he", "she", "him", "her", "his"});
}

// "DFC", "EIB": two or more capitals and nothing else is a name even where
// the tagger reads a common noun ("DFC financing is helping …").
bool Acronym(std::string_view w) {
  return w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The names bracketed short forms define, as text::BracketDefinedNames
// reads them, without verbs or pronouns inside and not starting with a
// function word.
std::vector<Span> DefinedNames(const SentenceTree& t) {
  std::vector<std::string_view> forms;
  for (int i = 0; i < t.size(); ++i) forms.emplace_back(t.word(i).form);
  auto may_hold = [&t](size_t i) {
    const std::string& u = t.upos(static_cast<int>(i));
    return u != "PUNCT" && u != "VERB" && u != "AUX" && u != "PRON" && u != "SCONJ";
  };
  std::vector<Span> out;
  for (const text::WordRange& r : text::BracketDefinedNames(forms, may_hold)) {
    const std::string& u = t.upos(static_cast<int>(r.first));
    if (u != "DET" && u != "ADP" && u != "CCONJ")
      out.push_back(Span{static_cast<int>(r.first), static_cast<int>(r.last)});
  }
  return out;
}

}  // namespace

Mentions::Mentions(const SentenceTree& tree, ArticleState& state)
    : t_(tree), state_(state), defined_(DefinedNames(tree)) {}

bool Mentions::NameWord(int i) const {
  if (text::PluralAcronym(t_.word(i).form)) return false;
  // "Československá obchodní banka (CSOB)": its short form makes it a name.
  for (const Span& d : defined_) {
    if (d.Contains(i)) return true;
  }
  if (!t_.Capitalized(i)) return false;
  const std::string& u = t_.upos(i);
  if (u == "DET" || u == "ADP" || u == "PRON" || u == "CCONJ" || u == "SCONJ" || u == "AUX" || u == "PUNCT")
    return false;
  // A capital that only marks the sentence start is not a name, unless the
  // article writes the word as a name elsewhere ("Abound will …").
  // An adjective or noun there that a name word follows belongs to that
  // name ("Orbital Foods may …").
  // ("This is a win-win: Coffee is …": so does one after a colon.)
  const bool opening = i == 0 || t_.lower(i - 1) == ":";
  if (opening && u != "PROPN" && !Acronym(t_.word(i).form) && !state_.UsedAsName(t_.word(i).form)) {
    const bool modifier = u == "ADJ" || u == "NOUN";
    // A role starting the sentence is part of a title ("Minister for
    // Investment Graham Stuart welcomed …").
    const bool role = u == "NOUN" && !WordLists::Get().RolePredicate(t_.lower(i)).empty();
    // "Chipmaker Orvane will …": a company description is not.
    if (text::IsOpeningDescriptor(t_.lower(i))) return false;
    if (!role && (!modifier || i + 1 >= t_.size() || !t_.Capitalized(i + 1) ||
                  (t_.upos(i + 1) != "PROPN" && t_.upos(i + 1) != "NOUN")))
      return false;
  }
  if (WordLists::Get().InClass("calendar", t_.lower(i))) return false;
  // "Brevik's Polish plant": a demonym before a common noun is an adjective.
  // (Not a country's own name or short form: "U.S. government".)
  const auto& gaz = canonical::Gazetteer::Get();
  if (i + 1 < t_.size() && t_.upos(i + 1) == "NOUN" && !t_.Capitalized(i + 1) &&
      !gaz.CountryOfDemonym(t_.word(i).form).empty() && !gaz.Lookup(t_.word(i).form))
    return false;
  // "EUR 75 million": a currency code starts an amount, not a name.
  return !canonical::ParseMoney(t_.text().substr(t_.Begin(i))).has_value();
}

namespace {

// The lower-case particles inside people's and places' names ("Pieter de
// Vos", "Jan van der Berg", "Ana da Silva").
bool NameParticle(std::string_view w) {
  return OneOf(w, {"de", "del", "della", "der", "den", "van", "von", "da", "di", "dos", "das", "du", "la",
                   "le", "ter", "ten", "bin", "al"});
}

}  // namespace

bool Mentions::Connector(int i) const {
  const std::string& w = t_.lower(i);
  if (OneOf(w, {"of", "for", "&", "the"}) || NameParticle(w)) return true;
  // Punctuation written without spaces inside a name ("Ex-Im", "U.S.-Mexico").
  if (t_.upos(i) == "PUNCT" && OneOf(w, {"-", "/", "."}) && i > 0 && i + 1 < t_.size()) {
    return t_.End(i - 1) == t_.Begin(i) && t_.End(i) == t_.Begin(i + 1);
  }
  return false;
}

Span Mentions::NameRun(int i) const {
  const Span run = BasicRun(i);
  if (run.empty()) return run;
  auto cached = wide_cache_.find(run.first);
  if (cached != wide_cache_.end()) return cached->second;
  // "Ministry of Economy, Trade and Industry": a list inside a name is
  // taken when the whole is a name the gazetteer or the article knows.
  Span best = JoinedOverAnd(run);
  const std::vector<Span> left = ListNeighbours(run, -1);
  const std::vector<Span> right = ListNeighbours(run, +1);
  for (size_t l = 0; l <= left.size(); ++l) {
    for (size_t r = 0; r <= right.size(); ++r) {
      if (l == 0 && r == 0) continue;
      const Span wide{l > 0 ? left[l - 1].first : run.first, r > 0 ? right[r - 1].last : run.last};
      if (wide.size() > best.size() && state_.KnownName(t_.Text(wide))) best = wide;
    }
  }
  for (int k = best.first; k <= best.last; ++k) {
    if (!BasicRun(k).empty()) wide_cache_[BasicRun(k).first] = best;
  }
  return best;
}

std::vector<Span> Mentions::NameRuns() const {
  std::vector<Span> out;
  for (int i = 0; i < t_.size(); ++i) {
    const Span run = NameRun(i);
    if (run.empty()) continue;
    out.push_back(run);
    i = run.last;
  }
  return out;
}

Span Mentions::JoinedOverAnd(Span run) const {
  const WordLists& wl = WordLists::Get();
  auto ends_org = [&](Span r) { return wl.InClass("org_head", t_.lower(r.last)); };
  auto has_org = [&](Span r) {
    for (int k = r.first; k <= r.last; ++k) {
      if (wl.InClass("org_head", t_.lower(k))) return true;
    }
    return false;
  };
  // "American Recovery | and | Reinvestment Act": the left part has no
  // word that heads an organization's name, the right part ends in one
  // ("the Fund for Coastal Renewal and Pelago Bank" are two).
  // A short form the article already defined ("EIF and Raiffeisen Bank") is
  // not the first half of a longer name.
  auto known_short = [&](Span r) {
    return r.size() == 1 && Acronym(t_.word(r.first).form) && state_.KnownName(t_.Text(r));
  };
  if (run.last + 2 < t_.size() && t_.lower(run.last + 1) == "and" && !has_org(run) && !known_short(run)) {
    const Span right = BasicRun(run.last + 2);
    if (!right.empty() && right.first == run.last + 2 && ends_org(right)) return Span{run.first, right.last};
  }
  if (run.first >= 2 && t_.lower(run.first - 1) == "and" && ends_org(run)) {
    const Span left = BasicRun(run.first - 2);
    if (!left.empty() && left.last == run.first - 2 && !has_org(left) && !known_short(left))
      return Span{left.first, run.last};
  }
  // "Ministry of Planning | and | Investment": an organization "of" a
  // common noun, and after "and" one or two more common nouns (not "Bank
  // of America and Chase": "America" is a name).
  auto of_field = [&](Span r) {
    if (!has_org(r) || !CommonNounRun(Span{r.last, r.last})) return false;
    for (int k = r.first + 1; k < r.last; ++k) {
      if (t_.lower(k) == "of" || t_.lower(k) == "for") return true;
    }
    return false;
  };
  auto field = [&](Span r) { return r.size() <= 2 && !has_org(r) && CommonNounRun(r); };
  if (run.last + 2 < t_.size() && t_.lower(run.last + 1) == "and" && of_field(run)) {
    const Span right = BasicRun(run.last + 2);
    if (!right.empty() && right.first == run.last + 2 && field(right)) return Span{run.first, right.last};
  }
  if (run.first >= 2 && t_.lower(run.first - 1) == "and" && field(run)) {
    const Span left = BasicRun(run.first - 2);
    if (!left.empty() && left.last == run.first - 2 && of_field(left)) return Span{left.first, run.last};
  }
  return run;
}

bool Mentions::PersonName(const std::string& name) const {
  if (name.empty()) return false;
  if (state_.TypeOf(name) == "Person") return true;
  // A titled name is typed a person only once the sentence's roles are
  // read: "Montana Governor Greg Gianforte".
  size_t start = 0;
  while (start < name.size()) {
    size_t end = name.find(' ', start);
    if (end == std::string::npos) end = name.size();
    const std::string word = text::AsciiLower(std::string_view(name).substr(start, end - start));
    if (start > 0 && end < name.size() && !WordLists::Get().RolePredicate(word).empty()) return true;
    start = end + 1;
  }
  return false;
}

bool Mentions::CommonNounRun(Span r) const {
  for (int k = r.first; k <= r.last; ++k) {
    const syntax::WordInfo w = syntax::LookupWord(t_.lower(k));
    // Capitalized only inside the name: WordNet knows it as a noun, and
    // it is no place ("Georgia").
    if (!w.noun || KnownPlace(t_.word(k).form)) return false;
  }
  return !r.empty();
}

// Up to three name runs joined to `run` by "," or "and" on one side.
std::vector<Span> Mentions::ListNeighbours(Span run, int dir) const {
  std::vector<Span> out;
  Span at = run;
  for (int step = 0; step < 3; ++step) {
    int sep = dir < 0 ? at.first - 1 : at.last + 1;
    if (sep < 0 || sep >= t_.size()) break;
    if (t_.lower(sep) != "," && t_.lower(sep) != "and") break;
    int next = sep + dir;
    if (next >= 0 && next < t_.size() && t_.lower(sep) == "," && t_.lower(next) == "and") next += dir;
    const Span n = BasicRun(next);
    if (n.empty()) break;
    out.push_back(n);
    at = n;
  }
  return out;
}

Span Mentions::BasicRun(int i) const {
  if (i < 0 || i >= t_.size() || !NameWord(i)) return Span{};
  // A number or a model designation tagged as a name ("Boeing 767-300ER")
  // goes on the name before it.
  auto number = [this](int k) {
    const char c = t_.word(k).form.empty() ? ' ' : t_.word(k).form[0];
    return t_.upos(k) == "NUM" || (t_.upos(k) == "PROPN" && c >= '0' && c <= '9');
  };
  auto in_run = [this, &number](int k) { return NameWord(k) || (number(k) && k > 0 && NameWord(k - 1)); };
  Span s{i, i};
  // Left: name words, or one or two connectors ("of", "of the") with a name
  // word before them; a connector run never starts with "the".
  while (s.first > 0) {
    const int j = s.first - 1;
    if (NameWord(j)) {
      s.first = j;
      continue;
    }
    int k = j;
    while (k >= 0 && j - k < 2 && Connector(k)) --k;
    if (k == j || k < 0 || !NameWord(k) || t_.lower(k + 1) == "the") break;
    s.first = k;
  }
  // Right: name words and numbers, or connectors followed by a name word.
  while (s.last + 1 < t_.size()) {
    const int j = s.last + 1;
    if (in_run(j)) {
      s.last = j;
      continue;
    }
    int k = j;
    while (k < t_.size() && k - j < 2 && Connector(k)) ++k;
    if (k == j || k >= t_.size() || !NameWord(k) || t_.lower(j) == "the") break;
    s.last = k;
  }
  return s;
}

bool Mentions::CountedPlural(Span run) const {
  // "over 2,000 SMEs", "300 Startups": a counted plural is a set of
  // things, not one named entity.
  const int last = run.last;
  const std::string& form = t_.word(last).form;
  if (form.size() < 3 || form.back() != 's') return false;
  for (int c : t_.Children(last, "nummod")) {
    if (c >= run.first) continue;
    const auto n = CountOf(last);
    return n && *n >= 2;
  }
  return false;
}

std::optional<RoleSplit> Mentions::SplitRole(Span run) const {
  if (run.empty()) return std::nullopt;
  if (auto rs = SplitRoleIn(run)) return rs;
  Span wide = run;
  for (int step = 0; step < 4 && wide.first >= 2; ++step) {
    const int sep = wide.first - 1;
    if (t_.lower(sep) != "," && t_.lower(sep) != "and") break;
    const Span left = NameRun(sep - 1);
    if (left.empty()) break;
    wide.first = left.first;
    if (auto rs = SplitRoleIn(wide); rs && rs->person.first >= run.first) return rs;
  }
  return std::nullopt;
}

std::optional<RoleSplit> Mentions::SplitRoleIn(Span run) const {
  const WordLists& wl = WordLists::Get();
  RoleSplit rs;
  for (int k = run.first; k <= run.last; ++k) {
    std::string words;
    for (int n = 0; n < wl.max_role_words() && k + n <= run.last; ++n) {
      if (n > 0) words += ' ';
      words += t_.lower(k + n);
      const std::string p = wl.RolePredicate(words);
      // The last role in the run; of two ending on the same word the longer
      // ("prime minister", not "minister").
      if (!p.empty() && k + n > rs.role_word) {
        rs.role_word = k + n;
        rs.role_first = k;
        rs.predicate = p;
      }
    }
  }
  if (rs.role_word < 0 || rs.role_word >= run.last) return std::nullopt;
  auto person_word = [this](int k) { return t_.upos(k) == "PROPN" && !Connector(k); };
  const int after = run.last - rs.role_word;
  // "Chief Executive Pieter de Vos", "Jan van der Berg": particles inside.
  auto particle = [this](int k) { return !t_.Capitalized(k) && NameParticle(t_.lower(k)); };
  if (after >= 3 && person_word(run.last) && particle(run.last - 1) &&
      (person_word(run.last - 2) || (after >= 4 && particle(run.last - 2) && person_word(run.last - 3)))) {
    rs.person = Span{person_word(run.last - 2) ? run.last - 2 : run.last - 3, run.last};
  } else if (after == 3 && person_word(run.last - 2) && person_word(run.last - 1) && person_word(run.last)) {
    // "Transport Minister Nguyen Van Thanh": three name words right after
    // the role are one person.
    rs.person = Span{run.last - 2, run.last};
  } else if (after >= 2 && person_word(run.last - 1) && person_word(run.last) && !Connector(run.last - 2)) {
    rs.person = Span{run.last - 1, run.last};
  } else if (after == 1 && person_word(run.last) && rs.role_word == run.last - 1) {
    rs.person = Span{run.last, run.last};
  } else {
    return std::nullopt;
  }
  // "John E. Robson": a middle initial takes the given name with it.
  const std::string& f = t_.word(rs.person.first).form;
  if (f.size() == 2 && f[1] == '.' && rs.person.first - 1 > rs.role_word) rs.person.first -= 1;
  rs.title = Span{run.first, rs.person.first - 1};
  return rs;
}

std::string Mentions::EntityOf(int i) {
  if (i < 0 || i >= t_.size()) return "";
  auto cached = entity_cache_.find(i);
  if (cached != entity_cache_.end()) return cached->second;
  std::string name;
  if (const int earlier = EarlierClauseSubject(i); earlier >= 0) {
    name = EntityOf(earlier);
  } else if (earlier == kThingSubject) {
    name = "";
  } else if (const int sayer = ReportingSubject(i); sayer >= 0) {
    name = EntityOf(sayer);
  } else if (t_.upos(i) == "PRON" && AnaphoricPronoun(t_.lower(i))) {
    name = state_.Antecedent(t_.Begin(i), t_.End(i));
    // "it" and "its" never stand for a person ("Governor X welcomed the
    // funding, saying it would help …").
    if (OneOf(t_.lower(i), {"it", "its"}) && PersonName(name)) name = "";
  } else if (const int antecedent = RelativeAntecedent(i); antecedent >= 0) {
    name = EntityOf(antecedent);
  } else if (Span run = NameRun(i); !run.empty() && !CountedPlural(run)) {
    // "Ex-Im Bank's Board of Directors approved …": a governing body acts
    // for the organization that owns it.
    int body_owner = -1;
    if (OneOf(t_.lower(run.first), {"board", "committee", "council", "management"})) {
      for (int k = run.first; k <= run.last && body_owner < 0; ++k) {
        const int poss = t_.Child(k, "nmod:poss");
        if (poss >= 0 && poss < run.first) body_owner = poss;
      }
    }
    if (body_owner >= 0 && !EntityOf(body_owner).empty()) {
      name = EntityOf(body_owner);
    } else if (auto rs = SplitRole(run)) {
      name = state_.Entity(t_.Text(rs->person), "Person");
    } else if (run.first > 0 && run.size() == 1 && t_.lower(run.first - 1) == "the" &&
               WordLists::Get().InClass("org_head", t_.lower(run.first)) && !state_.KnownName(t_.Text(run))) {
      // "the Bank", "the Board", "the Fund": a capitalized head alone is
      // the organization the article named with it.
      name = state_.Antecedent(t_.Begin(run.first - 1), t_.End(run.last));
    } else if (run.first > 0 && t_.lower(run.first - 1) == "the" &&
               !WordLists::Get().RolePredicate(t_.lower(run.last)).empty()) {
      // "The Tech Secretary unveiled …": a title alone is whoever the
      // article gave it.
      name = state_.Antecedent(t_.Begin(run.first), t_.End(run.last));
      if (name.empty()) name = state_.Entity(t_.Text(run), "");
    } else if (auto wider = TitleAround(run)) {
      // "Secretary of State for Science" in "Secretary of State for
      // Science, Innovation and Technology Chloe Smith" is her title.
      name = state_.Entity(t_.Text(wider->person), "Person");
    } else {
      name = state_.Entity(t_.Text(run), "");
    }
  } else if (const int dated = NameAfterDate(i); dated >= 0) {
    name = EntityOf(dated);
  } else if (const int unit_owner = UnitOwner(i);
             unit_owner >= 0 && !(t_.rel(i) == "appos" && !NameRun(t_.head(i)).empty())) {
    // ("Kestrel Rail, a unit of Halden Group": the unit has its name.)
    // "Halden's cloud unit is investing …": the unit, part of its owner
    // (possessives.cc says so).
    const std::string owner = EntityOf(unit_owner);
    Span words{i, i};
    for (int c : t_.children(i)) {
      if (c < i && OneOf(t_.rel(c), {"compound", "amod"}) && t_.Subtree(c).last == words.first - 1)
        words.first = t_.Subtree(c).first;
    }
    if (!owner.empty()) name = state_.Entity(text::UnitName(owner, t_.Text(words)), "Company");
  } else if (const int poss = t_.Child(i, "nmod:poss");
             t_.upos(i) == "NOUN" && poss >= 0 && t_.upos(poss) != "PRON" &&
             WordLists::Get().InClass("undertaking", t_.lemma(i))) {
    // "the port's expansion", "INEOS' £600 million drive": an undertaking
    // stands for its owner.
    name = EntityOf(poss);
  } else if (const std::string built = FacilityOfUndertaking(i); !built.empty()) {
    // "The port expansion will create jobs": the port the text named.
    name = built;
  } else if (const int of = UndertakingOf(i); of >= 0) {
    // "the expansion and modernization of the port": what is expanded.
    name = EntityOf(of);
  } else if (const Span owned = OwnedFacilityPlace(i); !owned.empty()) {
    // "its Salem, VA plant": the owner's facility in that place.
    name = state_.Entity(t_.Text(owned) + " " + t_.lemma(i), "");
  } else if (const int facility = NameBeforeFacility(i); facility >= 0) {
    name = EntityOf(facility);
  } else if (const Span place = FacilityPlace(i); !place.empty()) {
    // "A proposed spaceport in Sutherland has been awarded …": an unnamed
    // facility acting in a clause is the place's facility.
    name = state_.Entity(t_.Text(place) + " " + t_.lemma(i), "");
  } else if (const int named_place = PlaceNamedOf(i); named_place >= 0) {
    // "the city of Lorain, Ohio" is Lorain.
    name = EntityOf(named_place);
  } else if (const int named = NameAfter(i); named >= 0) {
    // "the Spanish firm Forestalia Renovables" headed by "firm".
    name = EntityOf(named);
  } else if (t_.upos(i) == "NOUN") {
    // "the company", "its partner": the discourse model decides.
    const int det = t_.Child(i, "det");
    const int owner = t_.Child(i, "nmod:poss");
    // ("expand its plant": a facility of the pronoun's referent is a thing
    // of theirs, not a description of an entity named before.)
    bool definite = (det >= 0 && OneOf(t_.lower(det), {"the", "this", "these", "that"})) ||
                    (owner >= 0 && AnaphoricPronoun(t_.lower(owner)) &&
                     !WordLists::Get().InClass("facility", t_.lemma(i)));
    // "the combined company": one a deal forms, no earlier entity.
    for (int c : t_.Children(i, "amod")) {
      if (WordLists::Get().InClass("formed", t_.lower(c))) definite = false;
    }
    // "the InvestEU programme": a programme its name before it names.
    if (OneOf(t_.lemma(i), {"programme", "program", "scheme", "initiative", "fund", "strategy"})) {
      for (int c : t_.Children(i, "compound")) {
        if (c < i && !NameRun(c).empty() && !EntityOf(c).empty()) {
          name = EntityOf(c);
          definite = false;
        }
      }
    }
    // "The agreements will allow both banks to …": agreements in the
    // plural are between several parties, no one's undertaking.
    if (definite && t_.lemma(i) != t_.lower(i) &&
        OneOf(t_.lemma(i), {"agreement", "deal", "contract", "accord", "partnership", "memorandum"}))
      definite = false;
    if (definite) name = ReporterOfUndertaking(i);
    if (definite && name.empty()) name = state_.Antecedent(t_.Begin(t_.Subtree(i).first), t_.End(i));
  }
  entity_cache_[i] = name;
  return name;
}

std::string Mentions::FacilityOfUndertaking(int i) {
  if (t_.upos(i) != "NOUN" || !WordLists::Get().InClass("undertaking", t_.lemma(i))) return "";
  const int det = t_.Child(i, "det");
  if (det < 0 || t_.lower(det) != "the") return "";
  for (int c : t_.Children(i, "compound")) {
    if (c < i && t_.upos(c) == "NOUN" && WordLists::Get().InClass("facility", t_.lemma(c)))
      return state_.Antecedent(t_.Begin(c), t_.End(c));
  }
  return "";
}

int Mentions::UnitOwner(int i) const {
  if (t_.upos(i) != "NOUN" || !WordLists::Get().InClass("unit", t_.lemma(i))) return -1;
  if (const int poss = t_.Child(i, "nmod:poss"); poss >= 0) return poss;
  // "operate as a unit of Tessaro" describes what something is; it names no
  // unit of its own.
  const int det = t_.Child(i, "det");
  if (det >= 0 && OneOf(t_.lower(det), {"a", "an"})) return -1;
  for (int c : t_.Children(i, "nmod")) {
    if (t_.CaseOf(c) == "of" && !NameRun(c).empty()) return c;
  }
  return -1;
}

int Mentions::UndertakingOf(int i) const {
  if (t_.upos(i) != "NOUN" || !WordLists::Get().InClass("undertaking", t_.lemma(i))) return -1;
  std::vector<int> heads{i};
  for (int c : t_.Children(i, "conj")) heads.push_back(c);
  for (int h : heads) {
    for (int c : t_.Children(h, "nmod")) {
      if (c > h && t_.CaseOf(c) == "of" && t_.IsNominal(c)) return c;
    }
  }
  return -1;
}

int Mentions::NameBeforeFacility(int i) const {
  // "the Puerto Bolívar container port": a name before a facility noun
  // that nothing else is known of names the facility (descriptors.cc
  // makes it is_a the noun); "the Ford plant" is Ford's plant.
  if (t_.upos(i) != "NOUN" || !WordLists::Get().InClass("facility", t_.lemma(i))) return -1;
  int k = i - 1;
  while (k > 0 && t_.upos(k) == "NOUN" && !t_.Capitalized(k) && i - k <= 2) --k;
  const Span run = NameRun(k);
  if (run.empty() || run.last != k) return -1;
  bool joined = false;
  for (int w = run.first; w <= run.last; ++w) joined = joined || t_.Subtree(i).Contains(w);
  if (!joined) return -1;
  const std::string name = t_.Text(run);
  if (!state_.KnownName(name) || !state_.TypeOf(state_.Entity(name, "")).empty() || KnownPlace(name))
    return -1;
  return run.last;
}

Span Mentions::OwnedFacilityPlace(int i) {
  if (t_.upos(i) != "NOUN" || !WordLists::Get().InClass("facility", t_.lemma(i))) return Span{};
  const int owner = t_.Child(i, "nmod:poss");
  if (owner < 0) return Span{};
  // The first name among the noun's modifiers after the owner.
  for (int c : t_.children(i)) {
    if (c <= owner || c >= i || t_.rel(c) != "compound") continue;
    const Span run = NameRun(c);
    if (run.empty() || run.first <= owner) continue;
    const std::string name = t_.Text(run);
    const std::string type = state_.KnownName(name) ? state_.TypeOf(state_.Entity(name, "")) : "";
    if (!type.empty() && !IsPlaceType(type)) return Span{};
    return run;
  }
  return Span{};
}

Span Mentions::FacilityPlace(int i) {
  if (t_.upos(i) != "NOUN" || !WordLists::Get().InClass("facility", t_.lemma(i))) return Span{};
  // Only a subject, or a noun a relative clause tells of ("a site in
  // Sutherland which will create …"): objects keep their phrase.
  const bool told_of = t_.rel(i) == "nsubj" || t_.deprel(i) == "nsubj:pass" || t_.Child(i, "acl:relcl") >= 0;
  // Indefinite: "a"/"an" opens its phrase (it may hang on a modifier: "A
  // new £20 million community hospital").
  int first = t_.Subtree(i).first;
  while (first < i && (t_.rel(first) == "case" || t_.rel(first) == "punct")) ++first;
  const bool indefinite = OneOf(t_.lower(first), {"a", "an"});
  if (!told_of || !indefinite || t_.Child(i, "nmod:poss") >= 0) return Span{};
  // "in Truro" on the noun, or on the verb that opens or builds it ("A new
  // hospital will open in Truro").
  std::vector<int> places = t_.Children(i, "nmod");
  const int v = t_.head(i);
  if (v >= 0 && t_.rel(i) != "obl" &&
      OneOf(t_.lemma(v),
            {"open", "build", "construct", "locate", "base", "operate", "start", "begin", "rise"})) {
    for (int c : t_.Children(v, "obl")) places.push_back(c);
  }
  for (int c : places) {
    if (!OneOf(t_.CaseOf(c), {"in", "at"})) continue;
    const Span run = NameRun(c);
    if (run.empty()) continue;
    // A place the gazetteer knows, or a name of no other kind ("in
    // Sutherland"), but not an organization ("a plant in Ford Motor's …").
    const std::string type = state_.TypeOf(EntityOf(c));
    bool org = false;
    for (int k = run.first; k <= run.last; ++k)
      org = org || WordLists::Get().InClass("org_head", t_.lower(k));
    if (IsPlaceType(type) || (type.empty() && !org)) return run;
  }
  return Span{};
}

int Mentions::ReportingSubject(int i) {
  // "Kestrel said it had opened …": "it" (or "they", "we") subject of what
  // an organization says is that organization. (Not a person: "X said it
  // would help" is about what X spoke of.)
  if (!OneOf(t_.lower(i), {"it", "they", "we"}) || !OneOf(t_.deprel(i), {"nsubj", "nsubj:pass"})) return -1;
  const int clause = t_.head(i);
  const int say = clause >= 0 ? t_.head(clause) : -1;
  if (say < 0 || t_.rel(clause) != "ccomp" || say > i ||
      !OneOf(t_.lemma(say), {"say", "tell", "announce", "add", "note", "expect", "confirm", "state"}))
    return -1;
  const int subject = t_.Child(say, "nsubj");
  if (subject < 0 || subject > i || NameRun(subject).empty()) return -1;
  const std::string who = EntityOf(subject);
  if (who.empty() || PersonName(who) || IsPlaceType(state_.TypeOf(who))) return -1;
  return subject;
}

int Mentions::EarlierClauseSubject(int i) {
  // "Coffee is not only a popular beverage …; it is also a critical source
  // of income …": "it" subject of a clause after a semicolon is the
  // subject of the clause before, a name or a thing.
  if (t_.lower(i) != "it" || i < 1 || t_.lower(i - 1) != ";" || !OneOf(t_.deprel(i), {"nsubj", "nsubj:pass"}))
    return -1;
  const int clause = t_.head(i);
  const int up = clause >= 0 ? t_.head(clause) : -1;
  if (up < 0 || !OneOf(t_.rel(clause), {"parataxis", "conj"})) return -1;
  // The latest clause before the semicolon: the head, or a sibling clause.
  int before = up < i ? up : -1;
  for (int c : t_.children(up)) {
    if (c < i && c != clause && OneOf(t_.rel(c), {"parataxis", "conj"}) && c > before) before = c;
  }
  if (before < 0) return -1;
  int subject = t_.Child(before, "nsubj");
  if (subject < 0) subject = t_.Child(before, "nsubj:pass");
  if (subject < 0 || t_.upos(subject) == "PRON") return -1;
  return NameRun(subject).empty() && EntityOf(subject).empty() ? kThingSubject : subject;
}

int Mentions::RelativeAntecedent(int i) const {
  // "markets such as China, to whom the UK exported …": a relative
  // pronoun inside a clause on a noun stands for the name written right
  // before the clause's comma, else for that noun.
  if (t_.upos(i) != "PRON" || !OneOf(t_.lower(i), {"whom", "which", "who", "whose"})) return -1;
  const int v = t_.head(i);
  if (v < 0 || t_.head(v) < 0) return -1;
  // The comma and the name hold whatever the parser made of the clause.
  int k = t_.Subtree(i).first - 1;
  if (k >= 0 && t_.upos(k) == "ADP") --k;
  if (k >= 1 && t_.lower(k) == ",") {
    const Span before = NameRun(k - 1);
    if (!before.empty() && before.last == k - 1) return k - 1;
  }
  if (t_.rel(v) != "acl" && t_.deprel(v) != "acl:relcl") return -1;
  return t_.head(v);
}

std::string Mentions::ReporterOfUndertaking(int i) {
  // "GE said the transaction directly supports 300 union jobs": an
  // undertaking in what an organization reports is that organization's.
  if (!WordLists::Get().InClass("undertaking", t_.lemma(i))) return "";
  int v = t_.head(i);
  for (int guard = 0; v >= 0 && !t_.IsVerbal(v) && guard < 6; ++guard) v = t_.head(v);
  if (v < 0 || t_.rel(v) != "ccomp" || t_.head(v) < 0) return "";
  const int say = t_.head(v);
  if (!OneOf(t_.lemma(say), {"say", "state", "add", "note", "report", "announce", "confirm", "tell"}))
    return "";
  const int subject = t_.Child(say, "nsubj");
  if (subject < 0 || subject == i) return "";
  std::string who = EntityOf(subject);
  // "Dovetail's chief executive told analysts the expansion would …": a
  // person speaks of their organization's undertaking.
  // (Persons are typed only once the article's roles are read; a role the
  // article gave them already says whom they speak for.)
  // Only a company's: an official speaks as often of another's
  // undertaking ("This investment will help …", said the deputy secretary).
  if (const std::string org = state_.OrganizationOf(who);
      !org.empty() && state_.TypeOf(org) != "GovernmentAgency")
    return org;
  const std::string type = state_.TypeOf(who);
  const bool organization = type == "Company" || type == "Organization" || type == "GovernmentAgency" ||
                            (type.empty() && Acronym(who));
  return organization ? who : "";
}

int Mentions::NameAfterDate(int i) const {
  // "on 11 May EIF and Raiffeisen Bank signed": the parser may read "May
  // EIF" as one name headed by the month; the name is the words after it.
  if (!WordLists::Get().InClass("calendar", t_.lower(i))) return -1;
  for (int c : t_.children(i)) {
    if (c == i + 1 && (t_.rel(c) == "flat" || t_.rel(c) == "compound") && !NameRun(c).empty()) return c;
  }
  return -1;
}

int Mentions::PlaceNamedOf(int i) const {
  if (t_.upos(i) != "NOUN" || !OneOf(t_.lower(i), {"city", "town", "village", "state", "province", "county",
                                                   "region", "municipality", "island", "country"}))
    return -1;
  for (int c : t_.Children(i, "nmod")) {
    if (c == i + 2 && t_.lower(i + 1) == "of" && !NameRun(c).empty()) return c;
  }
  // "the country's southern El Oro province": a name right before a
  // subdivision noun names it.
  if (WordLists::Get().InClass("region", t_.lower(i)) && NameRun(i).empty()) {
    for (int c : t_.Children(i, "compound")) {
      if (!NameRun(c).empty() && NameRun(c).last == i - 1) return c;
    }
  }
  return -1;
}

int Mentions::NameAfter(int i) const {
  // (A lower-case noun the tagger called a proper noun is a noun: "U.S.
  // chipmaker Pellix Inc".)
  const bool noun = t_.upos(i) == "NOUN" || (t_.upos(i) == "PROPN" && !t_.Capitalized(i));
  if (!noun || i + 1 >= t_.size()) return -1;
  for (int c : t_.children(i)) {
    const std::string_view r = t_.rel(c);
    if (c <= i || (r != "flat" && r != "appos" && r != "compound")) continue;
    const Span run = NameRun(c);
    // Right after the noun, or after the comma of an apposition.
    const bool adjacent = run.first == i + 1 || (run.first == i + 2 && t_.lower(i + 1) == ",");
    if (!run.empty() && adjacent) return run.last;
  }
  // The parser may miss an apposition that the commas still show: "Indian
  // vaccine manufacturer, Biological E Limited, expand …" is a noun with no
  // modifier after it, a comma, a name and a closing comma.
  if (t_.lower(i + 1) == "," && t_.Subtree(i).last == i) {
    const Span run = NameRun(i + 2);
    if (!run.empty() && run.first == i + 2 && run.last + 1 < t_.size() && t_.lower(run.last + 1) == ",")
      return run.last;
  }
  return -1;
}

std::optional<RoleSplit> Mentions::TitleAround(Span run) const {
  const std::vector<Span> right = ListNeighbours(run, +1);
  if (right.empty()) return std::nullopt;
  auto rs = SplitRole(right.back());
  if (!rs || rs->title.first > run.first) return std::nullopt;
  return rs;
}

bool Mentions::StateCode(int i) const {
  const std::string& f = t_.word(i).form;
  return f.size() == 2 && std::isupper(static_cast<unsigned char>(f[0])) != 0 &&
         std::isupper(static_cast<unsigned char>(f[1])) != 0;
}

bool Mentions::KnownPlace(const std::string& surface) {
  const auto g = canonical::Gazetteer::Get().Lookup(surface);
  return g && IsPlaceType(g->type);
}

bool Mentions::AddressPart(int i) {
  const Span run = NameRun(i);
  if (run.empty()) return false;
  if (run.last + 2 < t_.size() && t_.lower(run.last + 1) == "," && StateCode(run.last + 2)) return true;
  return AddressOwner(i) >= 0;
}

int Mentions::AddressOwner(int i) {
  const Span run = NameRun(i);
  if (run.empty() || run.first < 2 || t_.lower(run.first - 1) != ",") return -1;
  // Asked of the gazetteer without registering anything: "Benxi" must not
  // become a short form of "Benxi Iron & Steel" on the way.
  auto place = [this](Span r) {
    if (r.size() == 1 && StateCode(r.last)) return true;
    return KnownPlace(t_.Text(r));
  };
  // The comma-separated chain around the run: "The Benxi Iron & Steel Co.,
  // Benxi, Liaoning, China" is a name and its address when the chain ends
  // in a known place or a state code.
  Span first = NameRun(run.first - 2);
  for (int guard = 0; guard < 4 && !first.empty() && first.first >= 2 && t_.lower(first.first - 1) == ",";
       ++guard) {
    const Span prev = NameRun(first.first - 2);
    if (prev.empty()) break;
    first = prev;
  }
  Span last = run;
  for (int guard = 0; guard < 4 && last.last + 2 < t_.size() && t_.lower(last.last + 1) == ","; ++guard) {
    const Span next = NameRun(last.last + 2);
    if (next.empty() || next.first != last.last + 2) break;
    last = next;
  }
  if (first.empty() || !place(last) || place(first)) return -1;
  return first.last;
}

std::vector<std::string> Mentions::EntitiesOf(int i) {
  std::vector<std::string> out;
  auto add = [&out](const std::string& e) {
    if (!e.empty() && std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
  };
  // "A and B said on Tuesday they would form a joint venture": "they" in
  // what a group says is the group.
  if (OneOf(t_.lower(i), {"they", "their"})) {
    int v = t_.head(i);
    while (v >= 0 && t_.rel(v) != "ccomp") v = t_.head(v);
    const int say = v >= 0 ? t_.head(v) : -1;
    const int group = say >= 0 ? t_.Child(say, "nsubj") : -1;
    if (group >= 0 && group != i && t_.Child(group, "conj") >= 0) return EntitiesOf(group);
  }
  // "The Benxi Iron & Steel Co., Benxi, Liaoning, China, will use …": an
  // address after a name stands for the name's owner, and is no party.
  if (const int owner = AddressOwner(i); owner >= 0) i = owner;
  add(EntityOf(i));
  for (int c : t_.Children(i, "conj")) {
    if (AddressOwner(c) < 0) add(EntityOf(c));
  }
  // A conjunct may hang on any word of a name ("the Fund for Coastal
  // Renewal and Pelago Bank": Bank ← Renewal).
  if (const Span run = NameRun(i); !run.empty()) {
    for (int k = run.first; k <= run.last; ++k) {
      for (int c : t_.Children(k, "conj")) {
        if (!run.Contains(c) && AddressOwner(c) < 0) add(EntityOf(c));
      }
    }
  }
  if (!out.empty()) return out;
  // "four companies (from across the globe), including A, B and C": the
  // members stand for the group they exemplify, wherever the list hangs
  // inside the group's phrase.
  if (t_.upos(i) != "NOUN") return out;
  const Span sub = t_.Subtree(i);
  for (int c = sub.first; c <= sub.last; ++c) {
    const std::string cs = t_.CaseOf(c);
    if (c == i || (t_.rel(c) != "nmod" && t_.rel(c) != "appos") ||
        (cs != "including" && cs != "such as" && cs != "like"))
      continue;
    add(EntityOf(c));
    for (int m : t_.Children(c, "conj")) add(EntityOf(m));
    if (!out.empty()) break;
  }
  return out;
}

std::vector<std::string> Mentions::EntitiesOfEach(const std::vector<int>& words) {
  std::vector<std::string> out;
  for (int w : words) {
    // "CIC Co., Glenshaw, PA, and Carlen Controls Inc., Roanoke, VA, are
    // suppliers": the address parts in a list of subjects stand for their
    // names.
    if (const int owner = AddressPart(w) ? AddressOwner(w) : -1; owner >= 0) w = owner;
    for (const std::string& e : EntitiesOf(w)) {
      if (std::find(out.begin(), out.end(), e) == out.end()) out.push_back(e);
    }
  }
  return out;
}

}  // namespace kg::loader::tree
