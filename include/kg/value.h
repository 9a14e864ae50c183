// Value: a term as the public API sees it — an entity, a predicate, an article
// or a typed literal (string, integer, decimal, money, date, boolean).
#ifndef KG_VALUE_H_
#define KG_VALUE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace kg {

enum class ValueKind : uint8_t {
  kNull = 0,   // an unbound variable (OPTIONAL) or no value
  kEntity,     // a named node; text() is its canonical name
  kPredicate,  // text() is the predicate name, e.g. "invests_in"
  kArticle,    // text() is the article name
  kString,     // a plain literal
  kInteger,    // int64
  kDecimal,    // double
  kMoney,      // exact amount (MoneyUnits) + ISO 4217 currency code in text()
  kDate,       // calendar date; month/day may be 0 when unknown
  kBool,
};

// An exact amount of money as a signed count of 1/10000 of the currency unit
// (ISO 4217 minor units have at most four digits): about ±1.7e34 units of
// the currency. 128 bits so that sums of realistic amounts cannot overflow
// unnoticed and amounts above 2^53 keep every digit (a double would not).
__extension__ typedef __int128 MoneyUnits;  // NOLINT(modernize-use-using): __extension__ needs typedef
inline constexpr int kMoneyDecimals = 4;    // digits after the point
inline constexpr int64_t kMoneyUnitsPerWhole = 10000;  // 10^kMoneyDecimals

// A calendar date with optional precision: month == 0 means "year only",
// day == 0 means "year and month only".
struct Date {
  int32_t year = 0;
  uint8_t month = 0;
  uint8_t day = 0;
  bool operator==(const Date&) const = default;
};

class Value {
 public:
  Value() = default;  // null

  static Value Entity(std::string name);
  static Value Predicate(std::string name);
  static Value Article(std::string name);
  static Value String(std::string s);
  static Value Integer(int64_t v);
  static Value Decimal(double v);
  // Money from a double: the amount is taken as the decimal number the
  // double stands for to 15 significant digits (its reliable precision), then
  // rounded to 1/10000; amounts beyond the MoneyUnits range saturate and NaN
  // becomes 0. Exact for every amount a news text writes. currency: "USD", …
  static Value Money(double amount, std::string currency);
  // Money from an exact count of 1/10000 of the currency unit.
  static Value MoneyExact(MoneyUnits units, std::string currency);
  // Money from decimal text: an optional sign, digits with an optional
  // fraction ("-12.5", "10000000000", ".25") and an optional exponent
  // ("1.5e9"), times 10^power_of_ten ("1.15" with 9 for "1.15 billion").
  // Digits beyond the fourth decimal are rounded half away from zero.
  // Returns false (and leaves *units alone) for any other text or an amount
  // beyond the MoneyUnits range.
  static bool ParseMoneyUnits(std::string_view text, MoneyUnits* units, int power_of_ten = 0);
  // The exact decimal text of a count of money units: no exponent, no
  // trailing zeros after the point ("12.5", "-0.0001", "10000000000").
  static std::string FormatMoneyUnits(MoneyUnits units);
  // The same text written to `out`, which has room for kMoneyUnitsChars;
  // returns its end. For callers that append many amounts (output rows).
  static constexpr size_t kMoneyUnitsChars = 48;
  static char* FormatMoneyUnitsTo(MoneyUnits units, char* out);
  static Value DateValue(Date d);
  static Value Bool(bool b);

  ValueKind kind() const { return kind_; }
  bool is_null() const { return kind_ == ValueKind::kNull; }
  bool is_literal() const { return kind_ >= ValueKind::kString; }
  bool is_numeric() const {
    return kind_ == ValueKind::kInteger || kind_ == ValueKind::kDecimal || kind_ == ValueKind::kMoney;
  }

  // Name of an entity/predicate/article, the string of a string literal, the
  // currency code of money; empty otherwise.
  const std::string& text() const { return text_; }
  int64_t integer() const { return int_; }  // kInteger, kBool (0/1)
  // The number of any numeric kind as a double (money: its amount, rounded
  // to the nearest double).
  double number() const;
  double amount() const { return number(); }             // kMoney, approximate
  MoneyUnits money_units() const { return units_; }      // kMoney, exact
  const std::string& currency() const { return text_; }  // kMoney
  kg::Date date() const { return date_; }                // kDate

  // Display form: entity names as is, integers as digits, money as its exact
  // decimal and currency ("10000000000 USD", "12.5 EUR"), dates as "2024-04-10" (or "2024-04", "2024").
  std::string ToString() const;

  // A total order used by ORDER BY, DISTINCT and comparisons: null first, then
  // by kind group (entities/predicates/articles/strings by text, byte-wise;
  // numbers — integer, decimal, money — by numeric value (exactly between
  // integers and money, as doubles when a decimal is involved), ties broken by
  // kind, then currency; dates chronologically; booleans).
  static int Compare(const Value& a, const Value& b);
  // Whether a and b can be compared with < and > in a WHERE clause (both
  // numeric with the same currency if money, both dates, or both text-like).
  static bool Comparable(const Value& a, const Value& b);
  // The order of two numeric values (integer, decimal, money) by number
  // alone, ignoring kind and currency: exact between integers and money, as
  // doubles when a decimal is involved. <0, 0 or >0.
  static int CompareNumbers(const Value& a, const Value& b);

  bool operator==(const Value& o) const { return Compare(*this, o) == 0; }
  bool operator!=(const Value& o) const { return !(*this == o); }
  bool operator<(const Value& o) const { return Compare(*this, o) < 0; }

  std::string_view KindName() const;  // "entity", "money", …

 private:
  ValueKind kind_ = ValueKind::kNull;
  std::string text_;
  int64_t int_ = 0;
  double num_ = 0;
  MoneyUnits units_ = 0;
  kg::Date date_;
};

}  // namespace kg

#endif  // KG_VALUE_H_
