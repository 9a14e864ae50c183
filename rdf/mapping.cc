#include "rdf/mapping.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "api/utf8.h"

namespace kg::rdf {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes %XX escapes; returns the input unchanged if an escape is malformed
// or the result is not valid UTF-8 (then the raw form is the better name).
std::string PercentDecode(std::string_view s) {
  if (s.find('%') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out.push_back(s[i]);
      continue;
    }
    if (i + 2 >= s.size()) return std::string(s);
    int hi = HexValue(s[i + 1]), lo = HexValue(s[i + 2]);
    if (hi < 0 || lo < 0) return std::string(s);
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  if (!utf8::Valid(out)) return std::string(s);
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

bool IsXsd(std::string_view datatype, std::string_view local) {
  constexpr std::string_view kXsdNs = kXsd;
  return datatype.size() == kXsdNs.size() + local.size() && datatype.starts_with(kXsdNs) &&
         datatype.substr(kXsdNs.size()) == local;
}

bool IsIntegerType(std::string_view dt) {
  constexpr std::string_view kXsdNs = kXsd;
  if (!dt.starts_with(kXsdNs)) return false;
  std::string_view l = dt.substr(kXsdNs.size());
  return l == "integer" || l == "long" || l == "int" || l == "short" || l == "byte" ||
         l == "nonNegativeInteger" || l == "positiveInteger" || l == "negativeInteger" ||
         l == "nonPositiveInteger" || l == "unsignedLong" || l == "unsignedInt" || l == "unsignedShort" ||
         l == "unsignedByte";
}

// xsd:decimal lexical space: [+-]? digits ('.' digits?)? | [+-]? '.' digits.
bool ParseDecimal(std::string_view s, double* out) {
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return false;
  bool digits = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if (c != '.' || s.find('.', i + 1) != std::string_view::npos) {
      return false;
    }
  }
  if (!digits) return false;
  double v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::fixed);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size()) return false;
  *out = neg ? -v : v;
  return true;
}

// xsd:double: a decimal with an optional exponent, or INF, -INF, +INF, NaN.
bool ParseDouble(std::string_view s, double* out) {
  if (s == "INF" || s == "+INF") {
    *out = HUGE_VAL;
    return true;
  }
  if (s == "-INF") {
    *out = -HUGE_VAL;
    return true;
  }
  if (s == "NaN") {
    *out = std::nan("");
    return true;
  }
  size_t e = s.find_first_of("eE");
  if (e == std::string_view::npos) return ParseDecimal(s, out);
  double mantissa = 0;
  if (!ParseDecimal(s.substr(0, e), &mantissa)) return false;
  std::string_view exp = s.substr(e + 1);
  if (!exp.empty() && exp[0] == '+') exp.remove_prefix(1);
  if (exp.empty()) return false;
  // Re-parse the whole text (without a leading '+') for correct rounding.
  std::string_view whole = s[0] == '+' ? s.substr(1) : s;
  std::string text(whole);
  if (size_t plus = text.find("e+"); plus != std::string::npos) text.erase(plus + 1, 1);
  if (size_t plus = text.find("E+"); plus != std::string::npos) text.erase(plus + 1, 1);
  double v = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), v, std::chars_format::scientific);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return false;
  *out = v;
  return true;
}

// Returns 1 on success, 0 on invalid text, 2 when out of int64 range.
int ParseInteger(std::string_view s, int64_t* out) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  if (s.empty()) return 0;
  std::string_view digits = s[0] == '-' ? s.substr(1) : s;
  if (digits.empty()) return 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return 0;
  }
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  if (r.ec == std::errc::result_out_of_range) return 2;
  return r.ec == std::errc() && r.ptr == s.data() + s.size() ? 1 : 0;
}

bool ParseDigits(std::string_view s, int* out) {
  if (s.empty()) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

// A time zone suffix: "Z" or "+hh:mm" / "-hh:mm"; the rest goes in *rest.
std::string_view StripTimezone(std::string_view s) {
  if (!s.empty() && s.back() == 'Z') return s.substr(0, s.size() - 1);
  if (s.size() >= 6 && (s[s.size() - 6] == '+' || s[s.size() - 6] == '-') && s[s.size() - 3] == ':') {
    return s.substr(0, s.size() - 6);
  }
  return s;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

// parts: 1 = gYear, 2 = gYearMonth, 3 = date.
bool ParseDate(std::string_view s, int parts, Date* out) {
  s = StripTimezone(s);
  bool neg = false;
  if (!s.empty() && s[0] == '-') {
    neg = true;
    s.remove_prefix(1);
  }
  size_t dash = s.find('-');
  std::string_view year_text = s.substr(0, dash);
  int year = 0;
  if (year_text.size() < 4 || year_text.size() > 9 || !ParseDigits(year_text, &year)) return false;
  Date d;
  d.year = neg ? -year : year;
  std::string_view rest = dash == std::string_view::npos ? std::string_view() : s.substr(dash + 1);
  if (parts == 1) {
    if (dash != std::string_view::npos) return false;
  } else {
    int month = 0;
    if (rest.size() < 2 || !ParseDigits(rest.substr(0, 2), &month) || month < 1 || month > 12) return false;
    d.month = static_cast<uint8_t>(month);
    rest.remove_prefix(2);
    if (parts == 2) {
      if (!rest.empty()) return false;
    } else {
      int day = 0;
      if (rest.size() != 3 || rest[0] != '-' || !ParseDigits(rest.substr(1), &day) || day < 1 ||
          day > DaysInMonth(d.year, month)) {
        return false;
      }
      d.day = static_cast<uint8_t>(day);
    }
  }
  *out = d;
  return true;
}

// "<amount> <CUR>", the amount read exactly (Value::ParseMoneyUnits).
bool ParseMoney(std::string_view s, MoneyUnits* amount, std::string* currency) {
  size_t space = s.rfind(' ');
  if (space == std::string_view::npos) return false;
  std::string_view cur = s.substr(space + 1);
  if (cur.size() != 3) return false;
  for (char c : cur) {
    if (c < 'A' || c > 'Z') return false;
  }
  if (!Value::ParseMoneyUnits(Trim(s.substr(0, space)), amount)) return false;
  currency->assign(cur);
  return true;
}

// Shortest text that reads back as the same double, without exponent.
std::string FormatFixed(double d) {
  char buf[400];
  auto r = std::to_chars(buf, buf + sizeof(buf), d, std::chars_format::fixed);
  return std::string(buf, r.ptr);
}

std::string FormatDouble(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "INF" : "-INF";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof(buf), d);  // shortest round-trip
  std::string s(buf, r.ptr);
  // xsd:double needs digits before an exponent; to_chars already provides
  // them ("1e+300"), which xsd accepts.
  return s;
}

bool FitsFixed(double d) {
  double a = std::fabs(d);
  return std::isfinite(d) && (a == 0 || (a >= 1e-6 && a < 1e21));
}

std::string XsdIri(std::string_view local) { return std::string(kXsd) + std::string(local); }

}  // namespace

std::string LocalName(std::string_view iri) {
  size_t cut = iri.find_last_of("/#");
  if (cut == std::string_view::npos) cut = iri.rfind(':');
  if (cut == std::string_view::npos || cut + 1 >= iri.size()) return std::string(iri);
  return PercentDecode(iri.substr(cut + 1));
}

std::string PredicateName(std::string_view iri) {
  if (iri == kRdfType || iri == kLegacyTypeIri) return std::string(kIsA);
  return LocalName(iri);
}

std::string EncodeName(std::string_view name) {
  static constexpr char kHexDigits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(name.size());
  for (char ch : name) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool keep = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.' || c == '_' || c == '~';
    if (keep) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHexDigits[c >> 4]);
      out.push_back(kHexDigits[c & 0xF]);
    }
  }
  // Never mint an IRI ending in '/' or a dot segment ("." / "..") that IRI
  // normalization would remove.
  if (out.empty()) out = "%20";
  if (out == ".") out = "%2E";
  if (out == "..") out = "%2E%2E";
  return out;
}

std::string EntityIri(std::string_view name) { return std::string(kEntityNamespace) + EncodeName(name); }

std::string PredicateIri(std::string_view name) {
  if (name == kIsA) return kRdfType;
  return std::string(kPredicateNamespace) + EncodeName(name);
}

std::string ArticleIri(std::string_view name) { return std::string(kArticleNamespace) + EncodeName(name); }

Result<Value> LiteralToValue(const Term& literal) {
  const std::string& dt = literal.datatype;
  if (dt.empty() || !literal.language.empty()) return Value::String(literal.value);
  std::string_view text = Trim(literal.value);
  auto invalid = [&](std::string_view what) {
    return Status::InvalidArgument("invalid " + std::string(what) + " literal \"" + literal.value + "\"");
  };
  if (IsIntegerType(dt)) {
    int64_t v = 0;
    int r = ParseInteger(text, &v);
    if (r == 1) return Value::Integer(v);
    double d = 0;
    if (r == 2 && ParseDecimal(text, &d)) return Value::Decimal(d);
    return invalid("xsd:" + dt.substr(std::string_view(kXsd).size()));
  }
  if (IsXsd(dt, "decimal")) {
    double d = 0;
    if (ParseDecimal(text, &d)) return Value::Decimal(d);
    return invalid("xsd:decimal");
  }
  if (IsXsd(dt, "double") || IsXsd(dt, "float")) {
    double d = 0;
    if (ParseDouble(text, &d)) return Value::Decimal(d);
    return invalid(IsXsd(dt, "double") ? "xsd:double" : "xsd:float");
  }
  if (IsXsd(dt, "date") || IsXsd(dt, "gYearMonth") || IsXsd(dt, "gYear")) {
    int parts = IsXsd(dt, "date") ? 3 : IsXsd(dt, "gYearMonth") ? 2 : 1;
    Date d;
    if (ParseDate(text, parts, &d)) return Value::DateValue(d);
    return invalid(parts == 3 ? "xsd:date" : parts == 2 ? "xsd:gYearMonth" : "xsd:gYear");
  }
  if (IsXsd(dt, "boolean")) {
    if (text == "true" || text == "1") return Value::Bool(true);
    if (text == "false" || text == "0") return Value::Bool(false);
    return invalid("xsd:boolean");
  }
  if (dt == kMoneyDatatype) {
    MoneyUnits amount = 0;
    std::string currency;
    if (ParseMoney(text, &amount, &currency)) return Value::MoneyExact(amount, std::move(currency));
    return invalid("money (expected \"<amount> <ISO currency>\")");
  }
  return Value::String(literal.value);
}

Term ValueToTerm(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kNull:
    case ValueKind::kString:
      return Term::Literal(value.text());
    case ValueKind::kEntity:
      return Term::Iri(EntityIri(value.text()));
    case ValueKind::kPredicate:
      return Term::Iri(PredicateIri(value.text()));
    case ValueKind::kArticle:
      return Term::Iri(ArticleIri(value.text()));
    case ValueKind::kInteger:
      return Term::Literal(std::to_string(value.integer()), XsdIri("integer"));
    case ValueKind::kDecimal: {
      double d = value.number();
      if (FitsFixed(d)) return Term::Literal(FormatFixed(d), XsdIri("decimal"));
      return Term::Literal(FormatDouble(d), XsdIri("double"));
    }
    case ValueKind::kMoney: {
      return Term::Literal(Value::FormatMoneyUnits(value.money_units()) + " " + value.currency(),
                           std::string(kMoneyDatatype));
    }
    case ValueKind::kDate: {
      Date d = value.date();
      char buf[32];
      int n = std::snprintf(buf, sizeof(buf), "%s%04d", d.year < 0 ? "-" : "", d.year < 0 ? -d.year : d.year);
      if (d.month != 0) n += std::snprintf(buf + n, sizeof(buf) - n, "-%02d", d.month);
      if (d.month != 0 && d.day != 0) std::snprintf(buf + n, sizeof(buf) - n, "-%02d", d.day);
      std::string s(buf);
      if (d.month == 0) return Term::Literal(s, XsdIri("gYear"));
      if (d.day == 0) return Term::Literal(s, XsdIri("gYearMonth"));
      return Term::Literal(s, XsdIri("date"));
    }
    case ValueKind::kBool:
      return Term::Literal(value.integer() ? "true" : "false", XsdIri("boolean"));
  }
  return Term::Literal(value.ToString());
}

}  // namespace kg::rdf
