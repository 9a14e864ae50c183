// The shared word lists behind words.h: head nouns read as anaphors or
// undertakings, and corporate suffixes.
#include "loader/article/words.h"

#include <cctype>
#include <string>
#include <string_view>

namespace kg::loader {

std::string ClearMost(const std::map<std::string, int>& counts) {
  std::string most;
  int best = 0, second = 0;
  for (const auto& [key, k] : counts) {
    if (k > best) {
      second = best;
      best = k;
      most = key;
    } else if (k > second) {
      second = k;
    }
  }
  return best >= 2 && best >= 2 * second ? most : "";
}

std::string AnaphorType(const std::string& head_lemma) {
  if (In(head_lemma, {"company",   "firm",      "giant",       "group",      "conglomerate", "maker",
                      "carmaker",  "automaker", "chipmaker",   "lender",     "retailer",     "startup",
                      "operator",  "provider",  "corporation", "business",   "manufacturer", "developer",
                      "supplier",  "insurer",   "bank",        "drugmaker",  "airline",      "carrier",
                      "miner",     "brewer",    "utility",     "steelmaker", "shipbuilder",  "shipper",
                      "automaker", "fintech",   "refiner",     "producer",   "distributor"})) {
    return "Company";
  }
  if (In(head_lemma, {"country", "nation"})) return "Country";
  if (In(head_lemma, {"region", "continent"})) return "Region";
  if (In(head_lemma, {"city", "capital"})) return "City";
  if (In(head_lemma, {"ministry", "agency", "regulator", "department", "commission", "authority"})) {
    return "GovernmentAgency";
  }
  if (In(head_lemma, {"program", "programme", "scheme", "fund"})) return "Program";
  return "";
}

bool EventNoun(const std::string& head_lemma) {
  return In(
      head_lemma,
      {"initiative", "move",     "investment",  "plan",         "deal",        "effort",    "expansion",
       "commitment", "project",  "push",        "announcement", "partnership", "agreement", "collaboration",
       "alliance",   "strategy", "acquisition", "pledge",       "venture",     "program",   "programme"});
}

std::string StripCorporateSuffix(const std::string& name) {
  // Legal forms of companies in the countries news names most (the
  // longest first where one ends another: "Co., Ltd." before "Ltd.").
  static const char* kSuffixes[] = {
      " Co., Ltd.", " Pty Ltd", " Inc.", " Inc",  " Corp.",   " Corp",   " Corporation", " Ltd.", " Ltd",
      " Co.",       " LLC",     " plc",  " PLC",  " Limited", " AG",     " SA",          " S.A.", " N.V.",
      " NV",        " B.V.",    " BV",   " GmbH", " ASA",     " AS",     " A/S",         " AB",   " Oyj",
      " SpA",       " S.p.A.",  " SE",   " K.K.", " SAS",     " S.A.S.", " L.P.",        " LP"};
  for (const char* suf : kSuffixes) {
    const std::string s = suf;
    if (name.size() > s.size() + 1 && name.compare(name.size() - s.size(), s.size(), s) == 0) {
      std::string out = name.substr(0, name.size() - s.size());
      while (!out.empty() && (out.back() == ',' || out.back() == ' ')) out.pop_back();
      return out;
    }
  }
  return name;
}

// A phrase cut inside a bracket ("£130 million of foreign direct
// investment ( FDI") ends before the bracket; a phrase ends on no comma,
// colon, semicolon or dash.
std::string TidyPhrase(std::string text) {
  int depth = 0;
  size_t open = std::string::npos;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '(' && depth++ == 0) open = i;
    if (text[i] == ')' && depth > 0) --depth;
  }
  if (depth > 0) text.resize(open);
  while (!text.empty() && (text.back() == ' ' || text.back() == ',' || text.back() == ';' ||
                           text.back() == ':' || text.back() == '-'))
    text.pop_back();
  return text;
}

std::string WithoutLeadingCost(const std::string& text) {
  size_t i = 0;
  bool number = false;
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    std::string w = Lower(text.substr(i, j - i));
    if (!w.empty() && w.front() == '(') {
      // A bracketed converted amount: "($380 million)".
      const size_t close = text.find(')', i);
      if (close == std::string::npos || !number) break;
      i = close + 1;
      while (i < text.size() && text[i] == ' ') ++i;
      continue;
    }
    for (const char* sign : {"us$", "c$", "a$", "$", "€", "£", "¥"}) {
      if (w.rfind(sign, 0) == 0) {
        w.erase(0, std::string_view(sign).size());
        break;
      }
    }
    const bool digit = !w.empty() && std::isdigit(static_cast<unsigned char>(w.front())) != 0;
    const bool unit = In(w, {"million", "billion", "trillion", "bn", "m", "euro", "euros", "dollar",
                             "dollars", "pound", "pounds", "yen", "yuan", "usd", "eur", "gbp", "-", "worth"});
    if (!(digit || (number && unit) || w.empty())) break;
    number = number || digit;
    i = j + 1;
  }
  if (!number || i >= text.size()) return text;
  return text.substr(i);
}

}  // namespace kg::loader
