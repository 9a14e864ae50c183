// The entity registry: canonical names, aliases and types, and which words
// the article uses as names. Every stage registers entities through here.
#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "kg/article.h"
#include "loader/article/article_extractor.h"
#include "loader/article/words.h"
#include "loader/canonical/gazetteer.h"
#include "loader/text/document.h"
#include "loader/text/tokens.h"
#include "syntax/wordnet.h"

namespace kg::loader {

// Words written capitalized in mid-sentence and never in lower case are
// names wherever they occur ("Acme" at the start of a sentence too).
void ArticleExtractor::CollectDocumentNames(const text::Document& doc) {
  std::unordered_set<std::string> lower_seen;
  std::unordered_set<std::string> cap_mid;
  size_t budget = 0;
  for (const auto& s : doc.sentences) {
    if (s.heading) continue;
    if ((budget += s.text.size()) > (4u << 20)) break;  // enough evidence; bound the work
    bool initial = true;
    size_t i = 0;
    const std::string& t = s.text;
    while (i < t.size()) {
      while (i < t.size() && !std::isalpha(static_cast<unsigned char>(t[i]))) {
        if (t[i] == '.' || t[i] == ':' || t[i] == ';' || t[i] == '"' || t[i] == '!' || t[i] == '?')
          initial = true;
        ++i;
      }
      size_t b = i;
      while (i < t.size() && (std::isalnum(static_cast<unsigned char>(t[i])) || t[i] == '-')) ++i;
      if (i == b) break;
      const std::string w = t.substr(b, i - b);
      const std::string lw = Lower(w);
      if (std::isupper(static_cast<unsigned char>(w[0]))) {
        if (!initial) cap_mid.insert(lw);
      } else {
        lower_seen.insert(lw);
      }
      initial = false;
    }
  }
  for (const auto& w : cap_mid) {
    if (lower_seen.count(w) == 0) doc_names_.insert(w);
  }
  lower_seen_ = std::move(lower_seen);
  for (const auto& s : doc.sentences) CollectDefinedTerms(s.text);
}

// "foreign direct investment ( FDI )": capitals in brackets that spell the
// initials of the lower-case words right before them name a term, not a
// company, place or person.
void ArticleExtractor::CollectDefinedTerms(const std::string& text) {
  for (size_t open = text.find('('); open != std::string::npos; open = text.find('(', open + 1)) {
    const size_t close = text.find(')', open);
    if (close == std::string::npos) return;
    std::string acronym;
    for (size_t k = open + 1; k < close; ++k) {
      if (text[k] != ' ') acronym.push_back(text[k]);
    }
    if (acronym.size() < 2 || acronym.size() > 6 ||
        !std::all_of(acronym.begin(), acronym.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
      continue;
    // The words before the bracket, last first.
    size_t end = open;
    bool spelled = true;
    for (size_t k = acronym.size(); k-- > 0 && spelled;) {
      while (end > 0 && text[end - 1] == ' ') --end;
      size_t begin = end;
      while (begin > 0 && std::isalpha(static_cast<unsigned char>(text[begin - 1]))) --begin;
      spelled = begin < end && std::islower(static_cast<unsigned char>(text[begin])) &&
                std::toupper(static_cast<unsigned char>(text[begin])) == acronym[k];
      end = begin;
    }
    if (spelled) defined_terms_.insert(acronym);
  }
}

// The country the article is about: the one its known place names point to
// most, by a clear margin (at least two, twice the next), counted over the
// whole text so that "The government has today announced …" in the first
// sentence can be that country's government.
void ArticleExtractor::FindDocumentCountry(const text::Document& doc) {
  std::map<std::string, int> count;
  size_t budget = 0;
  for (const auto& s : doc.sentences) {
    if ((budget += s.text.size()) > (1u << 20)) break;
    const std::vector<text::Token> toks = text::Tokenize(s.text);
    for (size_t i = 0; i < toks.size(); ++i) {
      // A sum in pounds sterling is the one currency sign that names one
      // country ("$" and "€" are many countries').
      if (toks[i].text.rfind("£", 0) == 0) ++count["United Kingdom"];
      // (Tokenize does not tag; a capital is read off the text.)
      if (std::isupper(static_cast<unsigned char>(toks[i].text[0])) == 0) continue;
      for (size_t n = std::min<size_t>(3, toks.size() - i); n >= 1; --n) {
        const std::string words = s.text.substr(toks[i].begin, toks[i + n - 1].end - toks[i].begin);
        const auto g = gaz_.Lookup(words);
        if (!g) continue;
        if (g->type == "Country") ++count[g->name];
        // "the North East" names a region of many countries (and of
        // Cameroon in the subdivision list): compass names point nowhere.
        if ((g->type == "City" || g->type == "Region") && !g->country.empty() && !CompassName(words))
          ++count[g->country];
        i += n - 1;
        break;
      }
    }
  }
  document_country_ = ClearMost(count);
}

// The gazetteer's entry for a name, also when the name opens with the
// country the entry belongs to ("U.S. Environmental Protection Agency" is
// the gazetteer's "Environmental Protection Agency").
std::optional<canonical::GazEntry> ArticleExtractor::GazetteerWithCountryPrefix(
    const std::string& surface) const {
  if (auto g = gaz_.Lookup(surface)) return g;
  const size_t space = surface.find(' ');
  if (space == std::string::npos) return std::nullopt;
  const std::string first = surface.substr(0, space);
  std::string country;
  if (auto c = gaz_.Lookup(first); c && c->type == "Country") country = c->name;
  if (country.empty()) country = gaz_.CountryOfDemonym(first);
  if (country.empty()) return std::nullopt;
  auto rest = gaz_.Lookup(surface.substr(space + 1));
  if (!rest || rest->type == "Country" || rest->type == "City" || rest->type == "Region") return std::nullopt;
  if (rest->country != country) return std::nullopt;
  return rest;
}

std::string ArticleExtractor::CompanyOfShortForm(const std::string& name) const {
  std::string match;
  int count = 0;
  const std::string lower = Lower(name);
  for (const auto& n : entity_order_) {
    if (n.size() <= name.size() + 1 || Lower(n.substr(0, name.size())) != lower || n[name.size()] != ' ')
      continue;
    // Not "Wales Alun Cairns" (the chunker's run in "Secretary of State
    // for Wales Alun Cairns"): the rest is a person.
    // (A title before a person is that person: "Technology Secretary".)
    const std::string rest_name = n.substr(name.size() + 1);
    const auto rest = entities_.find(rest_name);
    const std::string last = Lower(name.substr(name.rfind(' ') + 1));
    if (rest != entities_.end() && rest->second.type == "Person" && !RoleWord(last)) continue;
    // Nor "Kestrel Chief Executive Tom Reyes": the rest is a title.
    const std::string rest_first = Lower(rest_name.substr(0, rest_name.find(' ')));
    if (RoleWord(rest_first) || In(rest_first, {"chief", "executive", "senior", "vice", "deputy"})) continue;
    // Nor "Pellix Pharma Chief Executive Mara Lind" for "Pellix": a titled
    // person is no company (though "the Technology Secretary" is the
    // titled "Technology Secretary Chloe Smith").
    if (TitledName(n) && !RoleWord(last)) continue;
    const auto e = entities_.find(n);
    const std::string t = e == entities_.end() ? "" : e->second.type;
    if (t == "Company" || t == "Organization" || t.empty()) {
      match = n;
      ++count;
    }
  }
  return count == 1 ? match : "";
}

std::string ArticleExtractor::EnsureEntity(const std::string& surface, std::string type,
                                           const std::string& country) {
  std::string name = surface;
  std::string key = Lower(name);
  auto al = alias_.find(key);
  if (al != alias_.end()) {
    auto& e = entities_[al->second];
    if (e.type.empty() && !type.empty()) e.type = type;
    return al->second;
  }
  if (auto g = GazetteerWithCountryPrefix(surface)) {
    name = g->name;
    type = g->type;
    if (!g->country.empty()) agency_country_[name] = g->country;
  } else {
    const std::string stripped = StripCorporateSuffix(surface);
    if (stripped != surface) {
      if (auto g2 = gaz_.Lookup(stripped)) {
        name = g2->name;
        type = g2->type;
      } else {
        name = stripped;
        if (type.empty()) type = "Company";
      }
    }
    if (resolver_ != nullptr) {
      if (auto r = resolver_->Resolve(name)) name = *r;
    }
  }
  if (!country.empty() && agency_country_.count(name) == 0) agency_country_[name] = country;
  // "Lower Rio Grande Valley Region of Texas": a name headed by a region
  // word is a region, whoever registers it.
  if (type.empty()) {
    const size_t of = name.find(" of ");
    const std::string head_part = of == std::string::npos ? name : name.substr(0, of);
    const std::string head = Lower(head_part.substr(head_part.rfind(' ') + 1));
    if (head_part.find(' ') != std::string::npos &&
        In(head, {"region", "valley", "district", "county", "province", "prefecture"}))
      type = "Region";
    // "Ministry of Planning and Investment", whoever registers it.
    const std::string first = Lower(name.substr(0, name.find(' ')));
    if (of != std::string::npos && head_part.find(' ') == std::string::npos && AgencyHead(first) &&
        StripCorporateSuffix(name) == name)
      type = "GovernmentAgency";
  }
  if (type.empty() && defined_terms_.count(name) > 0) type = "Term";
  auto it = entities_.find(name);
  if (it == entities_.end() && (type.empty() || type == "Company") && !gaz_.Lookup(name)) {
    // A short form of a company named earlier: "Arvana" after "Arvana
    // Motors", "Meridian" after "Meridian Health" (one candidate only).
    const std::string match = CompanyOfShortForm(name);
    // "The Benxi Iron & Steel Co., Benxi, Liaoning": a word written as an
    // address part right after the long name is its place, not its short
    // form.
    const bool address_part =
        sentence_ != nullptr && sentence_->find(", " + name + ",") != std::string::npos &&
        sentence_->find(match.substr(0, match.find(' '))) < sentence_->find(", " + name + ",");
    if (!match.empty() && !address_part) {
      AddAlias(match, name);
      return match;
    }
  }
  // "Commission approves …" in a headline after the body's "European
  // Commission": a headline's one-word name is the one organization of
  // the body whose name ends with it.
  if (in_title_ && it == entities_.end() && name.find(' ') == std::string::npos) {
    std::string match;
    int count = 0;
    for (const auto& n : entity_order_) {
      const auto e = entities_.find(n);
      if (e == entities_.end() || !In(e->second.type, {"Company", "Organization", "GovernmentAgency"}))
        continue;
      if (n.size() > name.size() + 1 && n.compare(n.size() - name.size(), name.size(), name) == 0 &&
          n[n.size() - name.size() - 1] == ' ') {
        match = n;
        ++count;
      }
    }
    if (count == 1) return match;
  }
  // "Haas said …" after "Lena Haas": a lone surname is the one person
  // named with it.
  if (it == entities_.end() && (type.empty() || type == "Person") && name.find(' ') == std::string::npos &&
      !gaz_.Lookup(name)) {
    std::string person;
    int count = 0;
    for (const auto& n : entity_order_) {
      // (A person, or an untyped two-word name: "Lena Haas" named as a
      // founder is typed by nothing yet.)
      const std::string& nt = entities_[n].type;
      const bool two_words = n.find(' ') == n.rfind(' ') && !RoleWord(Lower(n.substr(0, n.find(' '))));
      if (n.size() > name.size() + 1 && n.ends_with(" " + name) &&
          (nt == "Person" || (nt.empty() && two_words))) {
        person = n;
        ++count;
      }
    }
    if (count == 1) {
      AddAlias(person, name);
      return person;
    }
  }
  if (it == entities_.end()) {
    EntityData e;
    e.name = name;
    e.type = type;
    it = entities_.emplace(name, std::move(e)).first;
    entity_order_.push_back(name);
    first_mention_[name] = sent_;
  } else if (it->second.type.empty()) {
    it->second.type = type;
  }
  alias_[Lower(name)] = name;
  if (Lower(surface) != Lower(name)) {
    alias_[key] = name;
    AddAlias(name, surface);
  }
  AliasCountryGovernment(name);
  return name;
}

// "UK Government", "British government": the country's government, one
// entity with "Government of United Kingdom" (the name the article level
// gives agencies' governments and "the government").
void ArticleExtractor::AliasCountryGovernment(const std::string& name) {
  const std::string lower = Lower(name);
  if (!lower.ends_with(" government") || lower.starts_with("government")) return;
  const std::string prefix = name.substr(0, name.size() - std::string(" government").size());
  std::string country = gaz_.CountryOfDemonym(prefix);
  if (auto g = gaz_.Lookup(prefix); country.empty() && g && g->type == "Country") country = g->name;
  if (country.empty()) return;
  const std::string canonical = "Government of " + country;
  if (alias_.count(Lower(canonical)) == 0) AddAlias(name, canonical);
}

// "We're", "It's": a capitalized pronoun with a clitic is not a name.
bool ArticleExtractor::PronounLed(const std::string& surface) {
  std::string first = Lower(surface.substr(0, surface.find_first_of(" \u2019'")));
  return In(first, {"we", "it", "they", "i", "you", "he", "she", "our", "their", "this", "that", "these",
                    "those", "there"});
}

void ArticleExtractor::AddAlias(const std::string& name, const std::string& alias) {
  auto it = entities_.find(name);
  if (it == entities_.end() || alias == name || alias.empty()) return;
  auto& a = it->second.aliases;
  if (std::find(a.begin(), a.end(), alias) == a.end()) a.push_back(alias);
  alias_[Lower(alias)] = name;
}

bool ArticleExtractor::CompassName(const std::string& name) {
  const std::string first = Lower(name.substr(0, name.find(' ')));
  return In(first, {"central", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
                    "capital", "coast", "centre", "center", "upper", "lower", "middle"});
}

// The case of a common-noun phrase used as a literal: words capitalized
// only because they open a sentence, a heading or a bullet ("Aging
// population") are lower-cased so the phrase is one value wherever it is
// written; names stay as written: words the article capitalizes mid-sentence
// and never in lower case, gazetteer names ("South Korean"), demonyms,
// acronyms and mixed-case words ("MinCiencia"), and words that are neither in
// WordNet nor written in lower case in the article (unknown names).
std::string ArticleExtractor::Lower1(const std::string& s) const {
  std::vector<std::string> words;
  for (size_t i = 0; i <= s.size();) {
    size_t j = s.find(' ', i);
    if (j == std::string::npos) j = s.size();
    words.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  // A capitalized common word ("Global", "Chief") is lowered unless the
  // article writes it as a name; a word of a longer name stays as written
  // ("a loan guarantee to Abound Solar Manufacturing": "Solar" is common,
  // but it sits next to a name).
  const size_t n = words.size();
  std::vector<char> lower(n, 0), capital(n, 0);
  for (size_t k = 0; k < n; ++k) {
    const std::string& w = words[k];
    capital[k] = !w.empty() && std::isupper(static_cast<unsigned char>(w[0]));
    size_t upper = 0;
    for (char ch : w) upper += std::isupper(static_cast<unsigned char>(ch)) ? 1 : 0;
    if (upper != 1 || !capital[k]) continue;
    std::string bare = Lower(w);
    while (!bare.empty() && !std::isalnum(static_cast<unsigned char>(bare.back()))) bare.pop_back();
    const bool name = doc_names_.count(bare) > 0 || gaz_.StartsName(w) || !gaz_.CountryOfDemonym(w).empty();
    const bool common = lower_seen_.count(bare) > 0 || syntax::LookupWord(bare).known();
    lower[k] = !name && common;
  }
  // Names spread along a run of capitals ("Abound Solar Manufacturing").
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t k = 0; k < n; ++k) {
      const bool by_name =
          (k > 0 && capital[k - 1] && !lower[k - 1]) || (k + 1 < n && capital[k + 1] && !lower[k + 1]);
      if (lower[k] && by_name) {
        lower[k] = 0;
        changed = true;
      }
    }
  }
  std::string out;
  for (size_t k = 0; k < n; ++k) {
    std::string w = words[k];
    if (lower[k]) w[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[0])));
    if (k > 0) out.push_back(' ');
    out += w;
  }
  return out;
}

}  // namespace kg::loader
