// The shared word lists behind words.h: head nouns read as anaphors or
// undertakings, and corporate suffixes.
#include "loader/article/words.h"

#include <string>

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

}  // namespace kg::loader
