#include "loader/fact_match.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace kg::loader {
namespace {

// Every rule below mirrors a line of factscore.py's norm()/numbers(); where
// Python's Unicode classes are approximated, the approximation is noted.

// Decodes one UTF-8 sequence at s[i]; returns the code point and advances i.
// Invalid bytes come back as themselves (>= 0x80), one at a time.
char32_t Decode(std::string_view s, size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return b;
  }
  char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

void Encode(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// str.lower() for ASCII, Latin-1 and Latin Extended-A, the letters of
// European names in news ("Československá"); other scripts are left alone.
char32_t Lower(char32_t c) {
  if (c < 0x80) return static_cast<char32_t>(std::tolower(static_cast<int>(c)));
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x138 && c != 0x149 && c != 0x17F) {
    const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (c == 0x178) return 0xFF;
    if (odd_upper ? (c % 2 == 1) : (c % 2 == 0)) return c + 1;
  }
  return c;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x3000;
}

// Python's \w: letters, digits and "_". Outside ASCII: Latin-1 letters and
// everything from Latin Extended up, except the punctuation, currency and
// symbol blocks (U+2000–U+2BFF) — so "£" and "€" are not word characters.
bool IsWord(char32_t c) {
  if (c < 0x80) return std::isalnum(static_cast<int>(c)) != 0 || c == '_';
  if (c == 0xAA || c == 0xB5 || c == 0xBA) return true;
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
  return !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F);
}

bool IsWordByte(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  const auto b = static_cast<unsigned char>(s[i]);
  return b >= 0x80 || std::isalnum(b) != 0 || b == '_';
}

std::vector<std::string> Tokens(std::string_view s) {
  static const std::set<std::string> kStop = {"the", "a",  "an",  "of",  "its", "their",
                                              "in",  "to", "and", "for", "on"};
  std::vector<std::string> out;
  const std::string n = NormalizeForMatch(s);
  size_t b = 0;
  while (b < n.size()) {
    size_t e = n.find(' ', b);
    if (e == std::string::npos) e = n.size();
    std::string w = n.substr(b, e - b);
    if (!w.empty() && kStop.count(w) == 0) out.push_back(std::move(w));
    b = e + 1;
  }
  return out;
}

}  // namespace

std::string NormalizeForMatch(std::string_view raw) {
  // strip(), strip('"'), straight apostrophes, lower().
  size_t b = 0, e = raw.size();
  while (b < e && std::isspace(static_cast<unsigned char>(raw[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(raw[e - 1]))) --e;
  while (b < e && raw[b] == '"') ++b;
  while (e > b && raw[e - 1] == '"') --e;
  std::u32string s;
  for (size_t i = b; i < e;) {
    char32_t c = Decode(raw, i);
    if (c == 0x2018 || c == 0x2019) c = '\'';
    s.push_back(Lower(c));
  }
  // Bracketed notes: "(" up to the next ")" becomes one space.
  std::u32string t;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(') {
      const size_t close = s.find(U')', i + 1);
      if (close != std::u32string::npos) {
        t.push_back(' ');
        i = close;
        continue;
      }
    }
    t.push_back(s[i]);
  }
  // Punctuation other than $ . - to a space; - and _ to a space; collapse.
  std::string out;
  for (char32_t c : t) {
    const bool keep = IsWord(c) || c == '$' || c == '.';
    if (!keep || c == '_' || IsSpace(c)) c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    Encode(c, out);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  for (std::string_view article : {"the ", "a ", "an "}) {
    if (out.compare(0, article.size(), article) == 0) {
      out.erase(0, article.size());
      break;
    }
  }
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

std::vector<double> NumbersIn(std::string_view raw) {
  // (\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|mn|tn|[kmbt])?\b
  // searched left to right; the loops below try the regex's alternatives in
  // its backtracking order (longest first, then shorter).
  static const std::array<std::pair<std::string_view, double>, 11> kScale = {{{"thousand", 1e3},
                                                                              {"million", 1e6},
                                                                              {"billion", 1e9},
                                                                              {"trillion", 1e12},
                                                                              {"bn", 1e9},
                                                                              {"mn", 1e6},
                                                                              {"tn", 1e12},
                                                                              {"k", 1e3},
                                                                              {"m", 1e6},
                                                                              {"b", 1e9},
                                                                              {"t", 1e12}}};
  std::string s(raw);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto digit = [&](size_t i) { return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); };
  auto boundary = [&](size_t i) { return (i > 0 && IsWordByte(s, i - 1)) != IsWordByte(s, i); };
  std::vector<double> out;
  size_t i = 0;
  while (i < s.size()) {
    if (!digit(i)) {
      ++i;
      continue;
    }
    size_t int_max = i + 1;
    while (int_max < s.size() && (digit(int_max) || s[int_max] == ',')) ++int_max;
    bool matched = false;
    for (size_t int_end = int_max; int_end > i && !matched; --int_end) {
      std::vector<size_t> num_ends;
      if (int_end < s.size() && s[int_end] == '.' && digit(int_end + 1)) {
        size_t f = int_end + 1;
        while (digit(f)) ++f;
        for (size_t k = f; k > int_end + 1; --k) num_ends.push_back(k);
      }
      num_ends.push_back(int_end);
      for (size_t num_end : num_ends) {
        size_t ws_max = num_end;
        while (ws_max < s.size() && std::isspace(static_cast<unsigned char>(s[ws_max]))) ++ws_max;
        for (size_t ws = ws_max + 1; ws-- > num_end && !matched;) {
          double scale = 0;
          size_t end = 0;
          for (const auto& [word, factor] : kScale) {
            if (s.compare(ws, word.size(), word) == 0 && boundary(ws + word.size())) {
              scale = factor, end = ws + word.size();
              break;
            }
          }
          if (scale == 0 && boundary(ws)) scale = 1, end = ws;
          if (scale == 0) continue;
          std::string digits;
          for (size_t k = i; k < num_end; ++k) {
            if (s[k] != ',') digits.push_back(s[k]);
          }
          out.push_back(std::stod(digits) * scale);
          matched = true;
          i = end;
        }
        if (matched) break;
      }
    }
    if (!matched) ++i;
  }
  return out;
}

double TokenF1(std::string_view a, std::string_view b) {
  const auto ta = Tokens(a);
  const auto tb = Tokens(b);
  if (ta.empty() || tb.empty()) return 0;
  std::map<std::string, int> count_b;
  for (const auto& w : tb) ++count_b[w];
  size_t common = 0;
  for (const auto& w : ta) {
    auto it = count_b.find(w);
    if (it != count_b.end() && it->second > 0) {
      ++common;
      --it->second;
    }
  }
  if (common == 0) return 0;
  const double p = static_cast<double>(common) / static_cast<double>(ta.size());
  const double r = static_cast<double>(common) / static_cast<double>(tb.size());
  return 2 * p * r / (p + r);
}

bool SameValue(std::string_view a, std::string_view b) {
  if (NormalizeForMatch(a) == NormalizeForMatch(b)) return true;
  const auto na = NumbersIn(a);
  const auto nb = NumbersIn(b);
  if (!na.empty() && !nb.empty()) {
    for (double x : na) {
      for (double y : nb) {
        if (std::fabs(x - y) <= 0.01 * std::max(std::fabs(x), std::fabs(y))) return true;
      }
    }
    return false;
  }
  return TokenF1(a, b) >= 0.5;
}

}  // namespace kg::loader
