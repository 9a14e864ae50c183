// The one place that declares which predicates are single-valued: a subject
// has at most one true object for them (an amount, a date, a headquarters).
// COMPARE reports two articles that give different objects for the same
// subject and one of these predicates as a conflict. Documented in
// docs/query-language.md; extend the list there and here together.
#ifndef KG_QUERY_EXEC_SINGLE_VALUED_H_
#define KG_QUERY_EXEC_SINGLE_VALUED_H_

#include <algorithm>
#include <array>
#include <string_view>

namespace kg::query {

inline constexpr std::array<std::string_view, 14> kSingleValuedPredicates = {
    "investment_amount", "headquartered_in", "founded_on", "founded_in", "date",      "ceo_of",  "has_ceo",
    "population",        "revenue",          "born_on",    "died_on",    "employees", "capital", "price"};

// Case-insensitive membership test on the predicate's canonical name.
inline bool IsSingleValued(std::string_view predicate) {
  return std::any_of(kSingleValuedPredicates.begin(), kSingleValuedPredicates.end(), [&](std::string_view p) {
    if (p.size() != predicate.size()) return false;
    for (size_t i = 0; i < p.size(); ++i) {
      char c = predicate[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != p[i]) return false;
    }
    return true;
  });
}

}  // namespace kg::query

#endif  // KG_QUERY_EXEC_SINGLE_VALUED_H_
