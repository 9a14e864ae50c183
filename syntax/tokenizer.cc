#include "syntax/tokenizer.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace kg::syntax {
namespace {

// The rules below were read off the EWT training data (conventions are
// checked against en_ewt-ud-dev.conllu by tests/syntax/tokenizer_test.cc).

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsDigit(c) || IsAsciiLetter(c); }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The code point at s[i] and its length; an invalid byte is returned as
// itself with length 1 (and so counts as a letter).
uint32_t Decode(std::string_view s, size_t i, size_t* len) {
  const auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (n == 0 || i + n > s.size()) n = 1;
  *len = n;
  if (n == 1) return c;
  uint32_t cp = c & (0xFF >> (n + 1));
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

bool IsSpaceCp(uint32_t cp) {
  return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

// ASCII punctuation and symbols, and the Unicode punctuation of running text
// (quotes, dashes, ellipsis, bullets, CJK and full-width marks).
bool IsPunctCp(uint32_t cp) {
  if (cp < 0x80) return cp > ' ' && cp < 0x7F && !IsAsciiAlnum(static_cast<char>(cp));
  // Currency signs are split off amounts like "$" ("£15" → "£" "15").
  if ((cp >= 0xA2 && cp <= 0xA5) || (cp >= 0x20A0 && cp <= 0x20CF)) return true;
  return cp == 0xA1 || cp == 0xAB || cp == 0xB7 || cp == 0xBB || cp == 0xBF || (cp >= 0x2010 && cp <= 0x2027) ||
         (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x3001 && cp <= 0x3003) || (cp >= 0x3008 && cp <= 0x3011) ||
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF1F);
}

bool IsApostrophe(uint32_t cp) { return cp == '\'' || cp == 0x2019 || cp == '`'; }

// Words whose final period is part of the word (when more of the sentence
// follows): titles, company suffixes, months and days, Latin forms, states.
bool IsListedAbbreviation(const std::string& w) {
  static const auto* set = new std::unordered_set<std::string>{
      "mr",  "mrs",  "ms",  "dr",  "prof", "sr",   "jr",   "st",    "mt",   "ft",   "gen",  "col",  "lt",
      "sgt", "capt", "gov", "sen", "rep",  "rev",  "hon",  "pres",  "inc",  "corp", "ltd",  "co",   "bros",
      "plc", "llc",  "vs",  "etc", "no",   "nos",  "vol",  "fig",   "jan",  "feb",  "mar",  "apr",  "jun",
      "jul", "aug",  "sep", "sept", "oct", "nov",  "dec",  "mon",   "tue",  "tues", "wed",  "thu",  "thur",
      "thurs", "fri", "sat", "sun", "dept", "est", "ext", "approx", "ave", "blvd", "cf", "al", "ala", "ariz",
      "ark", "calif", "colo", "conn", "fla", "ga", "kan", "ky", "md", "mich", "minn", "neb", "nev", "okla",
      "penn", "tenn", "tex", "vt", "va", "wis", "wyo"};
  return set->count(w) > 0;
}

// "J", "U.S", "e.g", "a.m", "Ph.D", or a listed word.
bool IsAbbreviation(std::string_view w) {
  if (w.empty() || w.size() > 12) return false;
  if (w.size() == 1) return w[0] >= 'A' && w[0] <= 'Z';
  if (w.find('.') != std::string_view::npos) {
    size_t run = 0;
    for (char c : w) {
      if (c == '.') {
        if (run == 0) return false;
        run = 0;
      } else if (!IsAsciiLetter(c) || ++run > 2) {
        return false;
      }
    }
    return run > 0;
  }
  return IsListedAbbreviation(Lower(w));
}

// Prefixes EWT keeps joined to the word after the hyphen ("e-mail").
bool IsKeptPrefix(std::string_view w) {
  static const auto* set = new std::unordered_set<std::string>{
      "e",    "co",    "non",   "pre",   "anti",  "mid",    "re",     "post", "over", "pro",
      "multi", "ex",   "semi",  "neo",   "cross", "sub",    "micro",  "intra", "socio", "psycho",
      "counter", "un"};
  return w.size() <= 7 && set->count(Lower(w)) > 0;
}

// Words EWT splits without an apostrophe: word → length of the first part.
size_t FusedSplit(std::string_view w) {
  static const auto* map = new std::unordered_map<std::string, size_t>{
      {"cannot", 3}, {"gonna", 3},  {"wanna", 3},   {"gotta", 3},    {"outta", 3},  {"dont", 2},
      {"doesnt", 4}, {"didnt", 3},  {"cant", 2},    {"wont", 2},     {"isnt", 2},   {"arent", 3},
      {"wasnt", 3},  {"werent", 4}, {"couldnt", 5}, {"wouldnt", 5},  {"shouldnt", 6}, {"havent", 4},
      {"hasnt", 3},  {"hadnt", 3},  {"aint", 2},    {"im", 1},       {"ive", 1},    {"youre", 3},
      {"theyre", 4}, {"thats", 4},  {"whats", 4},   {"theres", 5}};
  if (w.size() > 8) return 0;
  auto it = map->find(Lower(w));
  return it == map->end() ? 0 : it->second;
}

// Units EWT splits from a number before them ("65k", "8:30am"). Case
// matters: "10MM" (millions, in finance mail) stays whole.
bool IsUnit(std::string_view w) {
  static const auto* set = new std::unordered_set<std::string_view>{
      "k",   "K",  "m",  "M",  "b",   "bn",  "mm",  "cm",  "km", "kg", "g",  "mg", "lb", "lbs", "oz",
      "ft",  "mph", "am", "pm", "AM", "PM",  "a.m", "p.m", "GB", "MB", "KB", "TB", "Hz", "GHz", "MHz"};
  return set->count(w) > 0;
}

bool IsClitic(std::string_view w) {
  const std::string l = Lower(w);
  return l == "s" || l == "m" || l == "d" || l == "ll" || l == "re" || l == "ve";
}

bool IsEmoticon(std::string_view w) {
  static const auto* set = new std::unordered_set<std::string_view>{
      ":)", ":-)", ";)", ";-)", ":(", ":-(", ":D", ":-D", ":P", ":p", ":-P", "=)", "=(",
      "^_^", "^^",  ":/", ":-/", ":o", ":O", "<3", "(:", ":'(", "8)", ":]", ":["};
  return set->count(w) > 0;
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : s_(text) {}
  std::vector<Token> Run();

 private:
  size_t CpLen(size_t i) const {
    size_t n;
    Decode(s_, i, &n);
    return n;
  }
  bool IsSpaceAt(size_t i) const {
    size_t n;
    return IsSpaceCp(Decode(s_, i, &n));
  }
  // Not space, not punctuation: letters, digits, symbols, invalid bytes.
  bool IsWordAt(size_t i) const {
    size_t n;
    const uint32_t cp = Decode(s_, i, &n);
    return !IsSpaceCp(cp) && !IsPunctCp(cp);
  }
  bool IsLetterAt(size_t i) const { return IsWordAt(i) && !IsDigit(s_[i]); }
  void Emit(size_t b, size_t e) {
    if (e > b) out_.push_back(Token{static_cast<uint32_t>(b), static_cast<uint32_t>(e), true});
  }
  void Chunk(size_t b, size_t e);
  size_t UrlEnd(size_t b, size_t e) const;
  size_t WordEnd(size_t b, size_t e) const;
  bool Connects(size_t b, size_t j, size_t e) const;
  bool KeepHyphen(size_t b, size_t j, size_t e) const;
  bool AtSentenceEnd(size_t k) const;
  void EmitWord(size_t b, size_t e);
  size_t EmitPunct(size_t i, size_t e);

  std::string_view s_;
  std::vector<Token> out_;
};

std::vector<Token> Scanner::Run() {
  size_t i = 0;
  while (i < s_.size()) {
    if (IsSpaceAt(i)) {
      i += CpLen(i);
      continue;
    }
    size_t e = i;
    while (e < s_.size() && !IsSpaceAt(e)) e += CpLen(e);
    Chunk(i, e);
    i = e;
  }
  for (Token& t : out_) t.space_after = t.end >= s_.size() || IsSpaceAt(t.end);
  return std::move(out_);
}

void Scanner::Chunk(size_t b, size_t e) {
  if (IsEmoticon(s_.substr(b, e - b))) return Emit(b, e);
  size_t i = b;
  bool first_word = true;
  while (i < e) {
    if (!IsWordAt(i)) {
      i = EmitPunct(i, e);
      continue;
    }
    // Only the first word of a chunk may start a URL ("(www.x.com)."): trying
    // at every word would make "a-a-a-...@" quadratic.
    size_t w = first_word ? UrlEnd(i, e) : i;
    first_word = false;
    if (w > i) {
      Emit(i, w);
      i = w;
      continue;
    }
    w = WordEnd(i, e);
    // An abbreviation keeps its period, except at the end of the sentence
    // ("Inc." but "... of Cargill, Inc" "."); "Inc.." is "Inc." ".".
    if (w < e && s_[w] == '.' && IsAbbreviation(s_.substr(i, w - i))) {
      const size_t dots = std::min<size_t>(3, e - w);
      if ((dots == 1 || s_[w + 1] != '.') ? !AtSentenceEnd(w + 1) : dots == 2 || s_[w + 2] != '.') ++w;
    }
    EmitWord(i, w);
    i = w;
  }
}

// The end of a URL or e-mail address starting at b, or b if there is none.
size_t Scanner::UrlEnd(size_t b, size_t e) const {
  const std::string head = Lower(s_.substr(b, std::min<size_t>(e - b, 8)));
  bool url = head.rfind("http://", 0) == 0 || head.rfind("https://", 0) == 0 || head.rfind("ftp://", 0) == 0 ||
             head.rfind("www.", 0) == 0 || head.rfind("mailto:", 0) == 0;
  size_t j = b;
  if (!url) {
    // name@host: word characters and . _ - + % before the '@'.
    while (j < e && (IsWordAt(j) || std::string_view("._-+%").find(s_[j]) != std::string_view::npos))
      j += CpLen(j);
    if (j == b || j + 1 >= e || s_[j] != '@' || !IsWordAt(j + 1)) return b;
  }
  size_t end = e;
  while (end > b && std::string_view(".,;:!?)]}\"'>").find(s_[end - 1]) != std::string_view::npos) --end;
  return end > j ? end : b;
}

// The end of the word starting at b: letters and digits, joined by the
// punctuation that EWT keeps inside a word.
size_t Scanner::WordEnd(size_t b, size_t e) const {
  size_t j = b;
  while (j < e) {
    size_t len;
    const uint32_t cp = Decode(s_, j, &len);
    if (IsApostrophe(cp)) {  // "don't", "O'Connell", "mama`s"
      if (j + len < e && IsLetterAt(j + len)) {
        j += len;
        continue;
      }
      break;
    }
    if (!IsPunctCp(cp)) {
      j += len;
      continue;
    }
    if (!Connects(b, j, e)) break;
    ++j;
  }
  return j;
}

// Whether the punctuation s_[j] (inside the word starting at b) joins.
bool Scanner::Connects(size_t b, size_t j, size_t e) const {
  const char c = s_[j];
  const char prev = s_[j - 1];
  const char next = j + 1 < e ? s_[j + 1] : '\0';
  switch (c) {
    case '.':  // "U.S", "2.9", "e.g", "file.xls"
      return j + 1 < e && IsWordAt(j + 1);
    case ',':  // "1,000"
      return IsDigit(prev) && j + 3 < e && IsDigit(s_[j + 1]) && IsDigit(s_[j + 2]) && IsDigit(s_[j + 3]) &&
             (j + 4 == e || !IsDigit(s_[j + 4]));
    case ':':  // "2:30"
      return IsDigit(prev) && IsDigit(next);
    case '/':  // "11/28/2000", "w/o", "l/c", "w/"
      if (IsDigit(prev) && IsDigit(next)) return true;
      return j - b == 1 && IsAsciiLetter(prev) &&
             (j + 1 == e || (IsAsciiLetter(next) && (j + 2 == e || !IsLetterAt(j + 2))));
    case '&':  // "AT&T", "P&L"
      return IsAsciiAlnum(prev) && IsAsciiAlnum(next);
    case '_':
    case '@':
      return j + 1 < e && IsWordAt(j + 1);
    case '-':
      return KeepHyphen(b, j, e);
    default:
      return false;
  }
}

// "e-mail", "non-profit" (kept prefixes) and phone numbers "713-853-3989",
// "345-9945" stay whole; "Al-Zaman", "15-year", "1969-1970", "75-80" split.
bool Scanner::KeepHyphen(size_t b, size_t j, size_t e) const {
  if (j + 1 >= e) return false;
  const std::string_view left = s_.substr(b, j - b);
  if (IsLetterAt(j + 1)) return IsKeptPrefix(left);
  // Phone numbers are short; the bound keeps "1-1-1-..." linear.
  if (!IsDigit(s_[j + 1]) || left.size() > 16) return false;
  if (!std::all_of(left.begin(), left.end(), [](char c) { return IsDigit(c) || c == '-'; })) return false;
  if (left.find('-') != std::string_view::npos) return true;  // third group of a phone number
  size_t right = 0;
  while (j + 1 + right < e && IsDigit(s_[j + 1 + right])) ++right;
  const size_t l = left.size();
  const bool years = l == 4 && (right == 4 || right == 2) && (left[0] == '1' || left[0] == '2');
  return !years && std::max(l, right) >= 3;
}

// Whether only closing punctuation and spaces follow position k.
bool Scanner::AtSentenceEnd(size_t k) const {
  while (k < s_.size()) {
    size_t len;
    const uint32_t cp = Decode(s_, k, &len);
    const bool closing = cp == ')' || cp == ']' || cp == '}' || cp == '"' || cp == '\'' || cp == 0x2019 ||
                         cp == 0x201D || cp == 0xBB || cp == '>';
    if (!closing && !IsSpaceCp(cp)) return false;
    k += len;
  }
  return true;
}

// Emits the word [b, e), split into stem and clitic or number and unit.
void Scanner::EmitWord(size_t b, size_t e) {
  const std::string_view w = s_.substr(b, e - b);
  if (const size_t k = FusedSplit(w); k > 0) {
    Emit(b, b + k);
    return Emit(b + k, e);
  }
  // n't: "don't" → "do" "n't" (ASCII or curly apostrophe).
  for (std::string_view nt : {std::string_view("n't"), std::string_view("n\xE2\x80\x99t")}) {
    if (w.size() > nt.size() && Lower(w.substr(w.size() - nt.size())) == nt) {
      Emit(b, e - nt.size());
      return Emit(e - nt.size(), e);
    }
  }
  // 's 'm 'd 'll 're 've after the last apostrophe; "50's" stays whole.
  for (size_t a = w.size(); a-- > 1;) {
    size_t len;
    if (!IsApostrophe(Decode(w, a, &len)) || (w[a] & 0xC0) == 0x80) continue;
    const std::string_view stem = w.substr(0, a);
    if (IsClitic(w.substr(a + len)) && !std::all_of(stem.begin(), stem.end(), IsDigit)) {
      Emit(b, b + a);
      return Emit(b + a, e);
    }
    break;
  }
  // A number and a unit: "65k", "8:30am".
  if (IsDigit(w[0])) {
    size_t p = 0;
    while (p < w.size() && (IsDigit(w[p]) || w[p] == '.' || w[p] == ',' || w[p] == ':')) ++p;
    if (p < w.size() && IsUnit(w.substr(p))) {
      Emit(b, b + p);
      return Emit(b + p, e);
    }
  }
  Emit(b, e);
}

// Emits the punctuation token starting at i; returns its end.
size_t Scanner::EmitPunct(size_t i, size_t e) {
  size_t len;
  const uint32_t cp = Decode(s_, i, &len);
  size_t end = i + len;
  if (IsApostrophe(cp) && cp != '`') {
    // A clitic written apart ("'s", "'ll") or a doubled quote ("''").
    size_t k = end;
    while (k < e && IsAsciiLetter(s_[k]) && k - end < 3) ++k;
    if (k > end && (k == e || !IsLetterAt(k)) && IsClitic(s_.substr(end, k - end))) end = k;
    else if (end < e && s_[end] == '\'' && cp == '\'') ++end;
  } else if (cp == '`' && end < e && s_[end] == '`') {
    ++end;
  } else if (cp == '#' && end < e && IsLetterAt(end)) {
    end = WordEnd(end, e);  // a hashtag
  } else if (cp == '.' || cp == '!' || cp == '?') {
    while (end < e && (s_[end] == '.' || s_[end] == '!' || s_[end] == '?')) ++end;
  } else if (cp < 0x80 && std::string_view("-*_=~<>#+^|/\\").find(static_cast<char>(cp)) != std::string_view::npos) {
    while (end < e && s_[end] == static_cast<char>(cp)) ++end;
  }
  Emit(i, end);
  return end;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) { return Scanner(text).Run(); }

}  // namespace kg::syntax
