// The key under which COMPARE matches the values of two articles.
#ifndef KG_QUERY_EXEC_COMPARE_KEY_H_
#define KG_QUERY_EXEC_COMPARE_KEY_H_

#include <string>
#include <string_view>

#include "kg/value.h"

namespace kg::query {

// `text` as COMPARE matches it: case-folded (kg::FoldCase), without leading
// determiners ("the plant" = "plant", "its partner" = "partner") and with
// every word in the singular ("data centers" = "data center", "facilities" =
// "facility"), so values that differ only in number, case or a determiner are
// the same. The singular is a suffix rule, not a dictionary: words of three
// letters or fewer and words ending in "ss", "us" or "is" are kept.
std::string CompareText(std::string_view text);

// The key of a value: names and strings by CompareText (an entity and a
// string with the same text match), other literals by kind and exact value
// ("2500000000 USD" ≠ "2500000000 EUR"). Equal values have equal keys.
std::string CompareKey(const Value& value);

}  // namespace kg::query

#endif  // KG_QUERY_EXEC_COMPARE_KEY_H_
