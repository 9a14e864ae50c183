#include "kg/value.h"

#include <cmath>
#include <cstdio>
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
Value Value::Money(double amount, std::string currency) {
  Value v;
  v.kind_ = ValueKind::kMoney;
  v.num_ = amount;
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
    case ValueKind::kMoney:
      return num_;
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
      return FormatNumber(num_) + " " + text_;
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
      // Integers compare exactly with integers; everything else as doubles.
      int c = (a.kind_ == ValueKind::kInteger && b.kind_ == ValueKind::kInteger)
                  ? Cmp(a.int_, b.int_)
                  : Cmp(a.number(), b.number());
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
