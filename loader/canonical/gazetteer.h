// Gazetteers: names the loader knows before reading an article. Countries and
// their subdivisions come from Debian's iso-codes JSON (read once at first
// use; missing files only shrink the gazetteer); companies, agencies,
// regions, continents, demonyms and major cities from loader/data/ (embedded
// in the library at build time).
#ifndef KG_LOADER_CANONICAL_GAZETTEER_H_
#define KG_LOADER_CANONICAL_GAZETTEER_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kg::loader::canonical {

struct GazEntry {
  std::string name;     // canonical name ("United States", "Ministry of Economy, Trade and Industry")
  std::string type;     // "Country", "Region", "City", "Company", "GovernmentAgency", "Organization"
  std::string country;  // canonical country name it belongs to (agencies, cities, subdivisions), if any
};

class Gazetteer {
 public:
  // The shared instance, built on first use. Thread-safe.
  static const Gazetteer& Get();

  // Looks up a surface form (case-insensitive; a leading "the " is ignored).
  std::optional<GazEntry> Lookup(std::string_view surface) const;
  // Whether some known name starts with this (capitalized) word.
  bool StartsName(std::string_view word) const;
  // The continent/region of a country ("Japan" → "Asia"), empty if unknown.
  std::string RegionOf(std::string_view country) const;
  // The country of a demonym adjective ("Japanese" → "Japan"), empty if none.
  std::string CountryOfDemonym(std::string_view adjective) const;
  // Canonical country name for an ISO alpha-2 code, empty if unknown.
  std::string CountryName(std::string_view alpha2) const;

  // Number of names loaded (for tests and diagnostics).
  size_t size() const { return entries_.size(); }

 private:
  Gazetteer();
  void Add(const std::string& surface, const GazEntry& e, bool overwrite);

  std::unordered_map<std::string, GazEntry> entries_;       // lower-case surface → entry
  std::unordered_set<std::string> capitals_only_;           // keys known only as acronyms ("doe")
  std::unordered_set<std::string> first_words_;             // lower-case first words of names
  std::unordered_map<std::string, std::string> region_of_;  // lower-case country → region
  std::unordered_map<std::string, std::string> demonyms_;   // lower-case adjective → country
  std::unordered_map<std::string, std::string> alpha2_;     // code → country name
};

}  // namespace kg::loader::canonical

#endif  // KG_LOADER_CANONICAL_GAZETTEER_H_
