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
  kMoney,      // amount (double) + ISO 4217 currency code in text()
  kDate,       // calendar date; month/day may be 0 when unknown
  kBool,
};

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
  static Value Money(double amount, std::string currency);  // currency: "USD", "JPY", …
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
  // The number of any numeric kind as a double (money: its amount).
  double number() const;
  double amount() const { return num_; }                 // kMoney
  const std::string& currency() const { return text_; }  // kMoney
  kg::Date date() const { return date_; }                // kDate

  // Display form: entity names as is, integers as digits, money as
  // "10000000000 USD", dates as "2024-04-10" (or "2024-04", "2024").
  std::string ToString() const;

  // A total order used by ORDER BY, DISTINCT and comparisons: null first, then
  // by kind group (entities/predicates/articles/strings by text, byte-wise;
  // numbers — integer, decimal, money — by numeric value, money ties broken by
  // currency; dates chronologically; booleans).
  static int Compare(const Value& a, const Value& b);
  // Whether a and b can be compared with < and > in a WHERE clause (both
  // numeric with the same currency if money, both dates, or both text-like).
  static bool Comparable(const Value& a, const Value& b);

  bool operator==(const Value& o) const { return Compare(*this, o) == 0; }
  bool operator!=(const Value& o) const { return !(*this == o); }
  bool operator<(const Value& o) const { return Compare(*this, o) < 0; }

  std::string_view KindName() const;  // "entity", "money", …

 private:
  ValueKind kind_ = ValueKind::kNull;
  std::string text_;
  int64_t int_ = 0;
  double num_ = 0;
  kg::Date date_;
};

}  // namespace kg

#endif  // KG_VALUE_H_
