#include "kg/value.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <utility>

namespace kg {

Value Value::Entity(std::string name) {
  Value v;
  v.kind_ = ValueKind::kEntity;
  v.text_ = std::move(name);
  return v;
}
Value Value::Predicate(std::string name) {
  Value v;
  v.kind_ = ValueKind::kPredicate;
  v.text_ = std::move(name);
  return v;
}
Value Value::Article(std::string name) {
  Value v;
  v.kind_ = ValueKind::kArticle;
  v.text_ = std::move(name);
  return v;
}
Value Value::String(std::string s) {
  Value v;
  v.kind_ = ValueKind::kString;
  v.text_ = std::move(s);
  return v;
}
Value Value::Integer(int64_t i) {
  Value v;
  v.kind_ = ValueKind::kInteger;
  v.int_ = i;
  return v;
}
Value Value::Decimal(double d) {
  Value v;
  v.kind_ = ValueKind::kDecimal;
  v.num_ = d;
  return v;
}
namespace {

__extension__ typedef unsigned __int128 MoneyMagnitude;  // NOLINT(modernize-use-using)

constexpr MoneyUnits kMaxUnits = static_cast<MoneyUnits>((static_cast<MoneyMagnitude>(1) << 127) - 1);
constexpr MoneyUnits kMinUnits = -kMaxUnits - 1;

// The digits of a decimal number, without sign, point or exponent, and the
// power of ten they are scaled by: "12.5e3" → digits "125", exponent 2.
struct DecimalText {
  bool negative = false;
  std::string digits;
  int exponent = 0;
};

// Parses [+-]digits[.digits][(e|E)[+-]digits]; false for anything else or an
// exponent too large to mean an amount of money.
bool SplitDecimal(std::string_view s, DecimalText* out) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) out->negative = s[i++] == '-';
  bool any_digit = false;
  int fraction_digits = 0;
  bool in_fraction = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      out->digits.push_back(c);
      any_digit = true;
      if (in_fraction) ++fraction_digits;
    } else if (c == '.' && !in_fraction) {
      in_fraction = true;
    } else {
      break;
    }
  }
  if (!any_digit) return false;
  int exponent = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool negative_exponent = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative_exponent = s[i++] == '-';
    if (i == s.size()) return false;
    for (; i < s.size(); ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      exponent = exponent * 10 + (s[i] - '0');
      if (exponent > 400) return false;
    }
    if (negative_exponent) exponent = -exponent;
  }
  if (i != s.size()) return false;
  out->exponent = exponent - fraction_digits;
  return true;
}

}  // namespace

bool Value::ParseMoneyUnits(std::string_view text, MoneyUnits* units, int power_of_ten) {
  DecimalText d;
  if (!SplitDecimal(text, &d) || power_of_ten < -400 || power_of_ten > 400) return false;
  // Units are 10^-kMoneyDecimals, so the digits are scaled by 10^shift.
  int shift = d.exponent + power_of_ten + kMoneyDecimals;
  bool round_up = false;
  if (shift < 0) {
    size_t drop = static_cast<size_t>(-shift);
    if (drop > d.digits.size()) {
      d.digits.clear();  // far below one unit: rounds to 0
    } else {
      // Half away from zero: the first dropped digit decides.
      round_up = d.digits[d.digits.size() - drop] >= '5';
      d.digits.resize(d.digits.size() - drop);
    }
    shift = 0;
  }
  // Accumulated as a negative number so that the most negative amount fits.
  MoneyUnits value = 0;
  for (char c : d.digits) {
    if (__builtin_mul_overflow(value, 10, &value) || __builtin_sub_overflow(value, c - '0', &value))
      return false;
  }
  for (int k = 0; k < shift; ++k) {
    if (value == 0) break;
    if (__builtin_mul_overflow(value, 10, &value)) return false;
  }
  if (round_up && __builtin_sub_overflow(value, 1, &value)) return false;
  if (!d.negative) {
    if (value == kMinUnits) return false;
    value = -value;
  }
  *units = value;
  return true;
}

std::string Value::FormatMoneyUnits(MoneyUnits units) {
  char buf[kMoneyUnitsChars];
  return std::string(buf, FormatMoneyUnitsTo(units, buf));
}

// Digits by 64-bit division: a whole amount needs __int128 arithmetic only
// above 2^64 (1.8e19), and each __int128 division is a library call — the
// digit-by-digit loop over __int128 was most of printing a column of amounts.
char* Value::FormatMoneyUnitsTo(MoneyUnits units, char* out) {
  // Unsigned magnitude, so the most negative amount prints too.
  MoneyMagnitude magnitude =
      units < 0 ? static_cast<MoneyMagnitude>(-(units + 1)) + 1 : static_cast<MoneyMagnitude>(units);
  const MoneyMagnitude whole = magnitude / kMoneyUnitsPerWhole;
  auto fraction = static_cast<unsigned>(magnitude % kMoneyUnitsPerWhole);
  if (units < 0) *out++ = '-';
  constexpr uint64_t kTen19 = 10'000'000'000'000'000'000u;
  if (whole <= std::numeric_limits<uint64_t>::max()) {
    out = std::to_chars(out, out + 20, static_cast<uint64_t>(whole)).ptr;
  } else {
    // |units| < 2^127, so whole < 1.8e34 and its high part < 1.8e15.
    out = std::to_chars(out, out + 20, static_cast<uint64_t>(whole / kTen19)).ptr;
    auto low = static_cast<uint64_t>(whole % kTen19);
    for (int i = 18; i >= 0; --i, low /= 10) out[i] = static_cast<char>('0' + low % 10);
    out += 19;
  }
  if (fraction != 0) {
    *out++ = '.';
    for (unsigned scale = kMoneyUnitsPerWhole / 10; fraction != 0; scale /= 10) {
      *out++ = static_cast<char>('0' + fraction / scale);
      fraction %= scale;
    }
  }
  return out;
}

Value Value::Money(double amount, std::string currency) {
  MoneyUnits units = 0;
  if (!std::isnan(amount)) {
    char buf[64];
    std::snprintf(buf, sizeof(buf), "%.15g", amount);
    if (!ParseMoneyUnits(buf, &units)) units = amount < 0 ? kMinUnits : kMaxUnits;
  }
  return MoneyExact(units, std::move(currency));
}

Value Value::MoneyExact(MoneyUnits units, std::string currency) {
  Value v;
  v.kind_ = ValueKind::kMoney;
  v.units_ = units;
  v.text_ = std::move(currency);
  return v;
}
Value Value::DateValue(kg::Date d) {
  Value v;
  v.kind_ = ValueKind::kDate;
  v.date_ = d;
  return v;
}
Value Value::Bool(bool b) {
  Value v;
  v.kind_ = ValueKind::kBool;
  v.int_ = b ? 1 : 0;
  return v;
}

double Value::number() const {
  switch (kind_) {
    case ValueKind::kInteger:
    case ValueKind::kBool:
      return static_cast<double>(int_);
    case ValueKind::kDecimal:
      return num_;
    case ValueKind::kMoney:
      return static_cast<double>(units_) / static_cast<double>(kMoneyUnitsPerWhole);
    default:
      return 0;
  }
}

namespace {

// Doubles that hold whole numbers print without a fraction ("10000000000"),
// others with up to 15 significant digits and no trailing zeros.
std::string FormatNumber(double d) {
  char buf[64];
  if (std::isfinite(d) && std::fabs(d) < 9e15 && d == std::floor(d)) {
    std::snprintf(buf, sizeof(buf), "%.0f", d);
  } else {
    std::snprintf(buf, sizeof(buf), "%.15g", d);
  }
  return buf;
}

// Kind groups for the total order: values in one group compare by content.
int Group(ValueKind k) {
  switch (k) {
    case ValueKind::kNull:
      return 0;
    case ValueKind::kBool:
      return 1;
    case ValueKind::kInteger:
    case ValueKind::kDecimal:
    case ValueKind::kMoney:
      return 2;
    case ValueKind::kDate:
      return 3;
    case ValueKind::kString:
      return 4;
    case ValueKind::kEntity:
      return 5;
    case ValueKind::kPredicate:
      return 6;
    case ValueKind::kArticle:
      return 7;
  }
  return 8;
}

template <typename T>
int Cmp(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

}  // namespace

// Integers and money compare exactly (both scaled to money units, which
// cannot overflow: |int64| * 10^4 < 2^127); a decimal makes it a comparison
// of doubles.
int Value::CompareNumbers(const Value& a, const Value& b) {
  if (a.kind_ == ValueKind::kDecimal || b.kind_ == ValueKind::kDecimal) return Cmp(a.number(), b.number());
  if (a.kind_ == ValueKind::kInteger && b.kind_ == ValueKind::kInteger) return Cmp(a.int_, b.int_);
  auto scaled = [](const Value& v) {
    return v.kind_ == ValueKind::kMoney ? v.units_ : static_cast<MoneyUnits>(v.int_) * kMoneyUnitsPerWhole;
  };
  return Cmp(scaled(a), scaled(b));
}

std::string Value::ToString() const {
  char buf[32];
  switch (kind_) {
    case ValueKind::kNull:
      return "";
    case ValueKind::kEntity:
    case ValueKind::kPredicate:
    case ValueKind::kArticle:
    case ValueKind::kString:
      return text_;
    case ValueKind::kInteger:
      return std::to_string(int_);
    case ValueKind::kDecimal:
      return FormatNumber(num_);
    case ValueKind::kMoney:
      return FormatMoneyUnits(units_) + " " + text_;
    case ValueKind::kBool:
      return int_ ? "true" : "false";
    case ValueKind::kDate:
      if (date_.month == 0) {
        std::snprintf(buf, sizeof(buf), "%04d", date_.year);
      } else if (date_.day == 0) {
        std::snprintf(buf, sizeof(buf), "%04d-%02d", date_.year, date_.month);
      } else {
        std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", date_.year, date_.month, date_.day);
      }
      return buf;
  }
  return "";
}

int Value::Compare(const Value& a, const Value& b) {
  int ga = Group(a.kind_), gb = Group(b.kind_);
  if (ga != gb) return Cmp(ga, gb);
  switch (a.kind_) {
    case ValueKind::kNull:
      return 0;
    case ValueKind::kBool:
      return Cmp(a.int_, b.int_);
    case ValueKind::kInteger:
    case ValueKind::kDecimal:
    case ValueKind::kMoney: {
      int c = CompareNumbers(a, b);
      if (c != 0) return c;
      // Equal numbers of different kinds or currencies are still distinct
      // values: order by kind, then currency.
      c = Cmp(static_cast<int>(a.kind_), static_cast<int>(b.kind_));
      if (c != 0) return c;
      return Cmp(a.text_, b.text_);
    }
    case ValueKind::kDate: {
      int c = Cmp(a.date_.year, b.date_.year);
      if (c == 0) c = Cmp(a.date_.month, b.date_.month);
      if (c == 0) c = Cmp(a.date_.day, b.date_.day);
      return c;
    }
    default:
      return Cmp(a.text_, b.text_);
  }
}

bool Value::Comparable(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return false;
  if (a.kind_ == ValueKind::kMoney && b.kind_ == ValueKind::kMoney) return a.text_ == b.text_;
  if (a.is_numeric() && b.is_numeric()) return true;
  if (a.kind_ == ValueKind::kDate && b.kind_ == ValueKind::kDate) return true;
  auto textual = [](ValueKind k) {
    return k == ValueKind::kString || k == ValueKind::kEntity || k == ValueKind::kPredicate ||
           k == ValueKind::kArticle;
  };
  return textual(a.kind_) && textual(b.kind_);
}

std::string_view Value::KindName() const {
  switch (kind_) {
    case ValueKind::kNull:
      return "null";
    case ValueKind::kEntity:
      return "entity";
    case ValueKind::kPredicate:
      return "predicate";
    case ValueKind::kArticle:
      return "article";
    case ValueKind::kString:
      return "string";
    case ValueKind::kInteger:
      return "integer";
    case ValueKind::kDecimal:
      return "decimal";
    case ValueKind::kMoney:
      return "money";
    case ValueKind::kDate:
      return "date";
    case ValueKind::kBool:
      return "boolean";
  }
  return "unknown";
}

}  // namespace kg
