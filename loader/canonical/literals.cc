#include "loader/canonical/literals.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>

namespace kg::loader::canonical {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> Words(std::string_view s) {
  // Split on spaces, and separate "(" ")" "," at token edges.
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '(' || c == ')' || c == ';') {
      flush();
      if (c != ' ') out.emplace_back(1, c);
      continue;
    }
    if (c == ',' && !(i > 0 && std::isdigit(static_cast<unsigned char>(s[i - 1])) && i + 1 < s.size() &&
                      std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
      flush();
      continue;
    }
    cur.push_back(c);
  }
  flush();
  return out;
}

struct Prefix {
  const char* sign;
  const char* code;
};
constexpr Prefix kPrefixes[] = {{"us$", "USD"},      {"a$", "AUD"},           {"au$", "AUD"},
                                {"c$", "CAD"},       {"ca$", "CAD"},          {"hk$", "HKD"},
                                {"s$", "SGD"},       {"nz$", "NZD"},          {"r$", "BRL"},
                                {"$", "USD"},        {"\xe2\x82\xac", "EUR"}, {"\xc2\xa3", "GBP"},
                                {"\xc2\xa5", "JPY"}, {"\xe2\x82\xb9", "INR"}, {"\xe2\x82\xa9", "KRW"},
                                {"usd", "USD"},      {"eur", "EUR"},          {"gbp", "GBP"},
                                {"jpy", "JPY"},      {"cny", "CNY"},          {"rmb", "CNY"},
                                {"inr", "INR"},      {"rs", "INR"},           {"rs.", "INR"}};

const char* CurrencyWord(const std::string& w) {
  if (w == "dollars" || w == "dollar" || w == "usd") return "USD";
  if (w == "euros" || w == "euro" || w == "eur") return "EUR";
  if (w == "yen" || w == "jpy") return "JPY";
  if (w == "pounds" || w == "pound" || w == "sterling" || w == "gbp") return "GBP";
  if (w == "yuan" || w == "renminbi" || w == "rmb" || w == "cny") return "CNY";
  if (w == "won" || w == "krw") return "KRW";
  if (w == "rupees" || w == "rupee" || w == "inr") return "INR";
  if (w == "francs" || w == "franc" || w == "chf") return "CHF";
  if (w == "riyals" || w == "riyal") return "SAR";
  if (w == "dirhams" || w == "dirham") return "AED";
  if (w == "ringgit") return "MYR";
  if (w == "baht") return "THB";
  if (w == "pesos" || w == "peso") return "MXN";
  if (w == "reais" || w == "real") return "BRL";
  return nullptr;
}

// A currency named with its country's adjective ("Swiss francs", "Canadian
// dollars", "Hong Kong dollars", "South African rand") starting at word k;
// sets *len to the number of words used. nullptr when none.
const char* QualifiedCurrency(const std::vector<std::string>& w, size_t k, size_t* len) {
  struct Q {
    const char* qualifier;  // one or two lower-case words
    const char* unit;       // the unit's stem ("dollar" matches "dollars")
    const char* code;
  };
  static const Q kQualified[] = {
      {"swiss", "franc", "CHF"},        {"canadian", "dollar", "CAD"},   {"australian", "dollar", "AUD"},
      {"singapore", "dollar", "SGD"},   {"hong kong", "dollar", "HKD"},  {"new zealand", "dollar", "NZD"},
      {"taiwan", "dollar", "TWD"},      {"new taiwan", "dollar", "TWD"}, {"u.s.", "dollar", "USD"},
      {"us", "dollar", "USD"},          {"mexican", "peso", "MXN"},      {"philippine", "peso", "PHP"},
      {"brazilian", "rea", "BRL"},      {"indian", "rupee", "INR"},      {"chinese", "yuan", "CNY"},
      {"japanese", "yen", "JPY"},       {"south korean", "won", "KRW"},  {"korean", "won", "KRW"},
      {"danish", "krone", "DKK"},       {"danish", "crown", "DKK"},      {"swedish", "kron", "SEK"},
      {"swedish", "crown", "SEK"},      {"norwegian", "krone", "NOK"},   {"norwegian", "crown", "NOK"},
      {"south african", "rand", "ZAR"}, {"indonesian", "rupiah", "IDR"}, {"thai", "baht", "THB"},
      {"malaysian", "ringgit", "MYR"},  {"saudi", "riyal", "SAR"},       {"turkish", "lira", "TRY"},
      {"polish", "zlot", "PLN"},        {"czech", "korun", "CZK"},       {"british", "pound", "GBP"}};
  for (const auto& q : kQualified) {
    const std::string qual = q.qualifier;
    const size_t space = qual.find(' ');
    size_t n = 0;
    if (space == std::string::npos) {
      if (k < w.size() && Lower(w[k]) == qual) n = 1;
    } else if (k + 1 < w.size() && Lower(w[k]) == qual.substr(0, space) &&
               Lower(w[k + 1]) == qual.substr(space + 1)) {
      n = 2;
    }
    if (n == 0 || k + n >= w.size()) continue;
    if (Lower(w[k + n]).rfind(q.unit, 0) == 0) {
      *len = n + 1;
      return q.code;
    }
  }
  return nullptr;
}

double Scale(const std::string& w) {
  if (w == "thousand" || w == "k") return 1e3;
  if (w == "million" || w == "m" || w == "mn" || w == "mln" || w == "millions") return 1e6;
  if (w == "billion" || w == "b" || w == "bn" || w == "bln" || w == "billions") return 1e9;
  if (w == "trillion" || w == "tn" || w == "t" || w == "trillions") return 1e12;
  if (w == "crore") return 1e7;
  if (w == "lakh") return 1e5;
  return 0;
}

int SmallNumber(const std::string& w) {
  static const char* kWords[] = {"zero",     "one",      "two",      "three",   "four",    "five",
                                 "six",      "seven",    "eight",    "nine",    "ten",     "eleven",
                                 "twelve",   "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                                 "eighteen", "nineteen", "twenty"};
  for (int i = 0; i <= 20; ++i) {
    if (w == kWords[i]) return i;
  }
  if (w == "thirty") return 30;
  if (w == "forty") return 40;
  if (w == "fifty") return 50;
  if (w == "hundred" || w == "a hundred") return 100;
  if (w == "dozen") return 12;
  return -1;
}

// Parses "2.9", "1,000", "2.9b", "10bn" → value (with attached scale).
bool ParseNumberWord(const std::string& w, double* value, bool* scaled) {
  size_t i = 0;
  std::string digits;
  bool dot = false;
  while (i < w.size() && (std::isdigit(static_cast<unsigned char>(w[i])) || w[i] == ',' || w[i] == '.')) {
    if (w[i] == '.') {
      if (dot) break;
      dot = true;
    }
    if (w[i] != ',') digits.push_back(w[i]);
    ++i;
  }
  if (digits.empty() || !std::isdigit(static_cast<unsigned char>(digits[0]))) return false;
  if (digits.back() == '.') digits.pop_back();
  *value = std::strtod(digits.c_str(), nullptr);
  *scaled = false;
  if (i < w.size()) {
    const std::string rest = w.substr(i);
    if (rest == "%") return false;
    const double s = Scale(rest);
    if (s == 0) return false;
    *value *= s;
    *scaled = true;
  }
  return true;
}

// Tries to parse money starting at word index i; on success sets *next.
std::optional<Money> MoneyAt(const std::vector<std::string>& w, size_t i, size_t* next) {
  if (i >= w.size()) return std::nullopt;
  std::string first = Lower(w[i]);
  std::string code;
  size_t k = i;
  // A currency sign as its own token ("$ 4.25") or as a prefix ("$10").
  for (const auto& p : kPrefixes) {
    const std::string sign = p.sign;
    if (first.rfind(sign, 0) == 0) {
      const std::string rest = first.substr(sign.size());
      if (rest.empty() && k + 1 < w.size() && std::isdigit(static_cast<unsigned char>(w[k + 1][0]))) {
        code = p.code;
        ++k;
        first = Lower(w[k]);
        break;
      }
      if (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest[0]))) {
        code = p.code;
        first = rest;
        break;
      }
    }
  }
  double value = 0;
  bool scaled = false;
  if (!ParseNumberWord(first, &value, &scaled)) return std::nullopt;
  ++k;
  if (!scaled && k < w.size()) {
    const double s = Scale(Lower(w[k]));
    if (s > 0 && Lower(w[k]) != "m" && Lower(w[k]) != "b" && Lower(w[k]) != "t") {
      value *= s;
      ++k;
    }
  }
  if (code.empty()) {
    size_t qlen = 0;
    if (const char* qc = QualifiedCurrency(w, k, &qlen)) {
      code = qc;
      k += qlen;
    } else if (k < w.size()) {
      const char* c = CurrencyWord(Lower(w[k]));
      if (c == nullptr) return std::nullopt;
      code = c;
      ++k;
    } else {
      return std::nullopt;
    }
  } else if (k < w.size()) {
    // "$10 billion USD" / "¥2 trillion yen": a trailing code is redundant.
    const char* c = CurrencyWord(Lower(w[k]));
    if (c != nullptr && code == c) ++k;
  }
  *next = k;
  return Money{std::round(value * 100) / 100, code};
}

}  // namespace

std::optional<Money> ParseMoney(std::string_view text) {
  const auto w = Words(text);
  size_t next = 0;
  return MoneyAt(w, 0, &next);
}

std::vector<Money> FindMoney(std::string_view text) {
  std::vector<Money> out;
  const auto w = Words(text);
  size_t i = 0;
  while (i < w.size()) {
    size_t next = 0;
    if (auto m = MoneyAt(w, i, &next)) {
      out.push_back(*m);
      i = next;
    } else {
      ++i;
    }
  }
  return out;
}

std::optional<int64_t> ParseCount(std::string_view text) {
  const auto w = Words(text);
  if (w.empty()) return std::nullopt;
  size_t next = 0;
  if (MoneyAt(w, 0, &next)) return std::nullopt;
  std::string first = Lower(w[0]);
  double value = 0;
  bool scaled = false;
  size_t k = 1;
  if (!ParseNumberWord(first, &value, &scaled)) {
    const int small = SmallNumber(first);
    if (small < 0) return std::nullopt;
    value = small;
  }
  if (first.find('%') != std::string::npos) return std::nullopt;
  if (k < w.size() && Lower(w[k]) == "%") return std::nullopt;
  if (!scaled && k < w.size()) {
    const std::string s = Lower(w[k]);
    const double sc = (s == "m" || s == "b" || s == "t") ? 0 : Scale(s);
    if (sc > 0) value *= sc;
  }
  if (value > 9e18) return std::nullopt;
  return static_cast<int64_t>(std::llround(value));
}

std::string DateToIso(const Date& d) {
  char buf[32];
  if (d.month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  } else if (d.day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  }
  return buf;
}

namespace {

// Days since 1970-01-01 (civil calendar), for weekday arithmetic.
int64_t DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

Date CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int32_t>(y + (m <= 2)), static_cast<uint8_t>(m), static_cast<uint8_t>(d)};
}

std::optional<Date> ParseIso(std::string_view s) {
  int y = 0, m = 0, d = 0;
  const std::string str(s);
  if (std::sscanf(str.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
    return Date{y, static_cast<uint8_t>(m), static_cast<uint8_t>(d)};
  }
  return std::nullopt;
}

}  // namespace

std::optional<Date> ParseDate(std::string_view text, std::string_view article_date) {
  static const char* kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                  "july",    "august",   "september", "october", "november", "december"};
  static const char* kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  const auto w = Words(text);
  if (auto iso = ParseIso(text); iso) return iso;
  int year = 0, month = 0, day = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    std::string t = Lower(w[i]);
    while (!t.empty() && (t.back() == '.' || t.back() == ',')) t.pop_back();
    if (auto iso = ParseIso(t)) return iso;
    if (!t.empty() && std::isdigit(static_cast<unsigned char>(t[0]))) {
      std::string digits;
      for (char c : t) {
        if (std::isdigit(static_cast<unsigned char>(c)))
          digits.push_back(c);
        else
          break;
      }
      const int v = std::atoi(digits.c_str());
      const bool ordinal =
          digits.size() < t.size() && (t.substr(digits.size()) == "st" || t.substr(digits.size()) == "nd" ||
                                       t.substr(digits.size()) == "rd" || t.substr(digits.size()) == "th");
      if (digits.size() == 4 && digits.size() == t.size() && v >= 1800 && v <= 2200) {
        year = v;
      } else if ((digits.size() == t.size() || ordinal) && v >= 1 && v <= 31 && month != 0) {
        day = v;
      } else if ((digits.size() == t.size() || ordinal) && v >= 1 && v <= 31 && i + 1 < w.size()) {
        day = v;  // "10 April 2024": checked against a month below
      }
      continue;
    }
    for (int m = 0; m < 12; ++m) {
      const std::string full = kMonths[m];
      if (t == full || (t.size() >= 3 && t.size() < full.size() && full.compare(0, t.size(), t) == 0 &&
                        t != "mar" && t != "may")) {
        month = m + 1;
      }
      if (t == "mar" && i + 1 < w.size() && std::isdigit(static_cast<unsigned char>(w[i + 1][0]))) month = 3;
    }
    if (!article_date.empty()) {
      const auto base = ParseIso(article_date);
      if (!base) continue;
      const int64_t bd = DaysFromCivil(base->year, base->month, base->day);
      if (t == "today") return base;
      if (t == "yesterday") return CivilFromDays(bd - 1);
      if (t == "tomorrow") return CivilFromDays(bd + 1);
      for (int k = 0; k < 7; ++k) {
        if (t == kDays[k]) {
          // 1970-01-01 was a Thursday (index 3).
          const int64_t wd_base = ((bd % 7) + 7 + 3) % 7;
          int64_t back = (wd_base - k + 7) % 7;
          return CivilFromDays(bd - back);
        }
      }
    }
  }
  // "on April 3" without a year: the latest such day on or before the
  // article date (news reports what happened, so "on December 30" in a
  // January article is the previous year).
  if (year == 0 && month != 0 && day != 0 && !article_date.empty()) {
    if (const auto base = ParseIso(article_date); base && base->month != 0 && base->day != 0) {
      year = base->year;
      if (month > base->month || (month == base->month && day > base->day)) --year;
    }
  }
  if (year == 0) return std::nullopt;
  if (month == 0) return Date{year, 0, 0};
  return Date{year, static_cast<uint8_t>(month), static_cast<uint8_t>(day)};
}

bool AmountBound(std::string_view words) {
  for (std::string_view b :
       {"more than", "less than", "up to", "at least", "at most", "as much as", "over", "nearly", "almost",
        "about", "around", "approximately", "roughly", "some", "close to"}) {
    if (words == b) return true;
  }
  return false;
}

}  // namespace kg::loader::canonical
