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

//
// `amount` is the amount of one investment event node (the loader's
// "<investor> investment in <target>"): single-valued, so two reports of the
// same investment with different figures conflict. The flat shortcut
// `investment_amount` hangs on the investor and is NOT single-valued: a company
// that invests $10 billion in Japan and $1.7 billion in Indonesia states two
// true amounts, not a conflict.
inline constexpr std::array<std::string_view, 14> kSingleValuedPredicates = {
    "amount",     "headquartered_in", "founded_on", "founded_in", "date",      "ceo_of",  "has_ceo",
    "population", "revenue",          "born_on",    "died_on",    "employees", "capital", "price"};

// Predicates that link an event node to its participants. COMPARE ... ABOUT X
// also compares the facts of events X takes part in through one of these
// (so ABOUT Microsoft covers the amount of "Microsoft investment in Japan").
inline constexpr std::array<std::string_view, 2> kEventRolePredicates = {"investor", "investment_target"};

// Bookkeeping: facts that record how the graph is built rather than what an
// article says — the participants of an event node, which its name and the
// flat facts beside it (`invests_in`) already state, and entity types:
// `is_a` with an entity object (Company, Country), which the loader gives
// every entity it types. `is_a` with a string object is a class the text
// states ("chip giant") and is not bookkeeping.
// COMPARE leaves them out of the shared and one-sided sections unless asked
// (COMPARE ALL); a disagreement on one is still reported.
inline constexpr std::array<std::string_view, 2> kBookkeepingPredicates = {"investor", "investment_target"};
inline constexpr std::string_view kTypePredicate = "is_a";

// Case-insensitive membership test of a predicate's canonical name in `list`.
template <size_t N>
inline bool InPredicateList(const std::array<std::string_view, N>& list, std::string_view predicate) {
  return std::any_of(list.begin(), list.end(), [&](std::string_view p) {
    if (p.size() != predicate.size()) return false;
    for (size_t i = 0; i < p.size(); ++i) {
      char c = predicate[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != p[i]) return false;
    }
    return true;
  });
}

inline bool IsSingleValued(std::string_view predicate) {
  return InPredicateList(kSingleValuedPredicates, predicate);
}
inline bool IsEventRole(std::string_view predicate) {
  return InPredicateList(kEventRolePredicates, predicate);
}
// `object_is_entity`: the fact's object is an entity (not a literal).
inline bool IsBookkeeping(std::string_view predicate, bool object_is_entity) {
  if (object_is_entity && InPredicateList(std::array<std::string_view, 1>{kTypePredicate}, predicate))
    return true;
  return InPredicateList(kBookkeepingPredicates, predicate);
}

}  // namespace kg::query

#endif  // KG_QUERY_EXEC_SINGLE_VALUED_H_
