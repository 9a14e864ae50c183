// Literal normalization: amounts of money, counts and dates as typed values.
#ifndef KG_LOADER_CANONICAL_LITERALS_H_
#define KG_LOADER_CANONICAL_LITERALS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kg/value.h"

namespace kg::loader::canonical {

struct Money {
  double amount = 0;
  std::string currency;  // ISO 4217
};

// Parses an amount of money written in news style: "$10 billion",
// "US$2.9 billion", "$2.9B", "$2.9bn", "€5 million", "¥2.26 trillion",
// "2.26 trillion yen", "$ 4.25", "500 million euros". `text` may contain
// other words after the amount ("$10 billion investment"); the amount must
// start the text. Returns nullopt when the text does not start with money.
std::optional<Money> ParseMoney(std::string_view text);

// Every amount of money in a text, left to right (e.g. "2.26 trillion yen
// ($15.24 billion)" gives JPY then USD).
std::vector<Money> FindMoney(std::string_view text);

// A count at the start of the text: "1 million professionals" → 1000000,
// "1,500 jobs" → 1500, "three areas" → 3, "2.5 million" → 2500000. Not money.
std::optional<int64_t> ParseCount(std::string_view text);

// Whether `words` (lower case) bound an amount written after them: "more
// than", "at least", "over" (a minimum), "up to", "at most" (a maximum),
// "about", "nearly" (approximate).
bool AmountBound(std::string_view words);

// A date expression: "2024-04-10", "April 10, 2024", "10 April 2024",
// "April 2024", "in 2030" (year), and, when `article_date` (ISO) is known,
// weekdays ("on Tuesday" = the latest such day on or before the article date),
// a day without a year ("on April 3" = the latest April 3 on or before it),
// "today", "yesterday". nullopt when none.
std::optional<Date> ParseDate(std::string_view text, std::string_view article_date = {});

// ISO form of a Date ("2024-04-10", "2024-04", "2024").
std::string DateToIso(const Date& d);

}  // namespace kg::loader::canonical

#endif  // KG_LOADER_CANONICAL_LITERALS_H_
