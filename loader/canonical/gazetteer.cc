#include "loader/canonical/gazetteer.h"

#include <cctype>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>

namespace kg::loader::data {
extern const char kData_companies_txt[];
extern const char kData_agencies_txt[];
extern const char kData_places_tsv[];
}  // namespace kg::loader::data

namespace kg::loader::canonical {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  out.push_back(cur);
  return out;
}

std::vector<std::string> Lines(const char* data) {
  std::vector<std::string> out;
  std::istringstream in(data);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    out.push_back(line);
  }
  return out;
}

std::string FirstWord(const std::string& lower) {
  const size_t sp = lower.find(' ');
  return sp == std::string::npos ? lower : lower.substr(0, sp);
}

}  // namespace

const Gazetteer& Gazetteer::Get() {
  static const Gazetteer* g = new Gazetteer();
  return *g;
}

void Gazetteer::Add(const std::string& surface, const GazEntry& e, bool overwrite) {
  if (surface.empty()) return;
  std::string key = Lower(surface);
  if (key.rfind("the ", 0) == 0) key = key.substr(4);
  // An acronym alias ("DOE") names the entry only when written in capitals:
  // "Jane Doe" is not the Department of Energy.
  bool acronym = surface.size() >= 2 && surface.size() <= 6;
  for (char c : surface) acronym = acronym && std::isupper(static_cast<unsigned char>(c));
  if (!acronym) capitals_only_.erase(key);
  if (!overwrite && entries_.count(key) > 0) return;
  if (acronym && entries_.count(key) == 0) capitals_only_.insert(key);
  entries_[key] = e;
  first_words_.insert(FirstWord(key));
}

Gazetteer::Gazetteer() {
  // Countries from iso-codes; "Korea, Republic of" style names are skipped in
  // favour of common names and the aliases in places.tsv.
  try {
    std::ifstream f("/usr/share/iso-codes/json/iso_3166-1.json");
    if (f) {
      const auto j = nlohmann::json::parse(f);
      for (const auto& c : j.at("3166-1")) {
        const std::string code = c.value("alpha_2", "");
        std::string name = c.value("common_name", c.value("name", ""));
        if (name.empty() || code.empty()) continue;
        alpha2_[code] = name;
        GazEntry e{name, "Country", name};
        if (name.find(',') == std::string::npos) Add(name, e, true);
        const std::string official = c.value("official_name", "");
        if (!official.empty()) Add(official, e, false);
        const std::string plain = c.value("name", "");
        if (!plain.empty() && plain.find(',') == std::string::npos) Add(plain, e, false);
      }
    }
    std::ifstream f2("/usr/share/iso-codes/json/iso_3166-2.json");
    if (f2) {
      const auto j = nlohmann::json::parse(f2);
      for (const auto& s : j.at("3166-2")) {
        const std::string name = s.value("name", "");
        const std::string code = s.value("code", "");
        const std::string type = Lower(s.value("type", ""));
        if (name.size() < 4 || code.size() < 2 || name.find(' ') != std::string::npos) continue;
        if (type.find("district") != std::string::npos || type.find("parish") != std::string::npos ||
            type.find("municipality") != std::string::npos || type.find("commune") != std::string::npos) {
          continue;
        }
        auto it = alpha2_.find(code.substr(0, 2));
        GazEntry e{name, "Region", it != alpha2_.end() ? it->second : ""};
        Add(name, e, false);
      }
    }
  } catch (const std::exception&) {
    // A damaged iso-codes file leaves the gazetteer smaller, not broken.
  }
  for (const auto& line : Lines(data::kData_places_tsv)) {
    const auto f = Split(line, '\t');
    if (f.size() < 2) continue;
    if (f[0] == "region") {
      GazEntry e{f[1], "Region", ""};
      Add(f[1], e, true);
      if (f.size() > 2) {
        for (const auto& a : Split(f[2], '|')) Add(a, e, true);
      }
    } else if (f[0] == "continent" && f.size() >= 3) {
      for (const auto& code : Split(f[2], ' ')) {
        auto it = alpha2_.find(code);
        if (it != alpha2_.end()) region_of_[Lower(it->second)] = f[1];
      }
    } else if (f[0] == "country" && f.size() >= 3) {
      const std::string old = alpha2_.count(f[1]) ? alpha2_[f[1]] : "";
      const std::string region = old.empty() ? "" : region_of_[Lower(old)];
      alpha2_[f[1]] = f[2];
      GazEntry e{f[2], "Country", f[2]};
      Add(f[2], e, true);
      if (!old.empty()) Add(old, e, true);
      if (f.size() > 3) {
        for (const auto& a : Split(f[3], '|')) Add(a, e, true);
      }
    } else if (f[0] == "demonym" && f.size() >= 3) {
      for (const auto& a : Split(f[2], '|')) demonyms_[Lower(a)] = f[1];
    } else if (f[0] == "tech") {
      GazEntry e{f[1], "Technology", ""};
      Add(f[1], e, true);
      if (f.size() > 2) {
        for (const auto& a : Split(f[2], '|')) Add(a, e, true);
      }
    } else if (f[0] == "state" && f.size() >= 3) {
      auto cn = alpha2_.find(f[1]);
      GazEntry e{f[2], "Region", cn != alpha2_.end() ? cn->second : ""};
      // The full name does not replace a country of the same name ("Georgia").
      Add(f[2], e, false);
      if (f.size() > 3) {
        for (const auto& a : Split(f[3], '|')) Add(a, e, false);
      }
    } else if (f[0] == "city" && f.size() >= 3) {
      auto cn = alpha2_.find(f[2]);
      GazEntry e{f[1], "City", cn != alpha2_.end() ? cn->second : ""};
      Add(f[1], e, true);
      if (f.size() > 3) {
        for (const auto& a : Split(f[3], '|')) Add(a, e, true);
      }
    }
  }
  // Continent lines may precede country renames: recompute by code.
  // (region_of_ is keyed by the iso name; add the canonical names too.)
  for (const auto& line : Lines(data::kData_places_tsv)) {
    const auto f = Split(line, '\t');
    if (f.size() >= 3 && f[0] == "continent") {
      for (const auto& code : Split(f[2], ' ')) {
        auto it = alpha2_.find(code);
        if (it != alpha2_.end()) region_of_[Lower(it->second)] = f[1];
      }
    }
  }
  // Demonyms map to alpha-2 codes until the names are known.
  for (auto& [adj, code] : demonyms_) {
    auto it = alpha2_.find(code);
    code = it != alpha2_.end() ? it->second : "";
  }
  for (const auto& line : Lines(data::kData_companies_txt)) {
    const auto names = Split(line, '|');
    GazEntry e{names[0], "Company", ""};
    for (const auto& n : names) Add(n, e, true);
  }
  for (const auto& line : Lines(data::kData_agencies_txt)) {
    auto names = Split(line, '|');
    std::string country;
    if (!names.empty() && !names.back().empty() && names.back()[0] == '@') {
      const std::string code = names.back().substr(1);
      names.pop_back();
      auto it = alpha2_.find(code);
      country = it != alpha2_.end() ? it->second
                : code == "EU"      ? "European Union"
                : code == "UN"      ? "United Nations"
                                    : "";
    }
    if (names.empty()) continue;
    GazEntry e{names[0], "GovernmentAgency", country};
    for (const auto& n : names) Add(n, e, true);
  }
}

std::optional<GazEntry> Gazetteer::Lookup(std::string_view surface) const {
  std::string key = Lower(surface);
  if (key.rfind("the ", 0) == 0) key = key.substr(4);
  while (!key.empty() && (key.back() == '.' || key.back() == ',')) {
    // "Microsoft Corp." keeps its period in the aliases; try both.
    auto it = entries_.find(key);
    if (it != entries_.end()) return it->second;
    key.pop_back();
  }
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  if (capitals_only_.count(key) > 0) {
    for (char c : surface) {
      if (std::islower(static_cast<unsigned char>(c))) return std::nullopt;
    }
  }
  return it->second;
}

bool Gazetteer::StartsName(std::string_view word) const { return first_words_.count(Lower(word)) > 0; }

std::string Gazetteer::RegionOf(std::string_view country) const {
  auto it = region_of_.find(Lower(country));
  return it == region_of_.end() ? "" : it->second;
}

std::string Gazetteer::CountryOfDemonym(std::string_view adjective) const {
  auto it = demonyms_.find(Lower(adjective));
  return it == demonyms_.end() ? "" : it->second;
}

std::string Gazetteer::CountryName(std::string_view alpha2) const {
  auto it = alpha2_.find(std::string(alpha2));
  return it == alpha2_.end() ? "" : it->second;
}

}  // namespace kg::loader::canonical
