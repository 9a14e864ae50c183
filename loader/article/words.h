// Word tests shared by the loader/article/ stages: case folding, short word
// lists, and the head nouns that make a phrase an anaphor or an undertaking.
// Internal to loader/article/.
#ifndef KG_LOADER_ARTICLE_WORDS_H_
#define KG_LOADER_ARTICLE_WORDS_H_

#include <cctype>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

#include "loader/text/ascii_lower.h"

namespace kg::loader {

// ASCII lower case of `s`.
inline std::string Lower(std::string_view s) { return text::AsciiLower(s); }

// Whether `w` is one of `set`.
inline bool In(const std::string& w, std::initializer_list<const char*> set) {
  for (const char* s : set) {
    if (w == s) return true;
  }
  return false;
}

// Head words of a government agency's name ("Ministry of …", "Energy
// Department").
inline bool AgencyHead(const std::string& head_lower) {
  return In(head_lower, {"ministry", "department", "agency", "commission", "bureau", "authority",
                         "administration", "government", "regulator"});
}

// A plural noun ("the companies", "the two firms"): its lemma differs and it
// ends in "s". A plural description is not one entity.
inline bool PluralNoun(const std::string& lower, const std::string& lemma) {
  return lower != lemma && lower.size() > 1 && lower.back() == 's';
}

// A phrase cut inside a bracket ("£130 million of foreign direct
// investment ( FDI") ends before the bracket; a phrase ends on no comma,
// colon, semicolon or dash.
std::string TidyPhrase(std::string text);

// A thing built or opened without the sum it costs written before it ("350
// million euro ($380 million) factory" → "factory"); unchanged when no
// number opens it.
std::string WithoutLeadingCost(const std::string& text);

// Head nouns that refer back to an entity of a type ("the company").
std::string AnaphorType(const std::string& head_lemma);

// The key counted at least twice and at least twice as often as any other
// ("the country the article is about"), else "".
std::string ClearMost(const std::map<std::string, int>& counts);

// Head nouns that name an undertaking of the current actor ("the
// initiative", "the move", "this investment").
bool EventNoun(const std::string& head_lemma);

// `name` without a corporate suffix ("Acme Corp." → "Acme"); `name` itself
// when it has none.
std::string StripCorporateSuffix(const std::string& name);

}  // namespace kg::loader

#endif  // KG_LOADER_ARTICLE_WORDS_H_
