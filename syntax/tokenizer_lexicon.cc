// Character classes and word lists of the tokenizer (syntax/tokenizer.cc).
// The lists were read off the EWT training data.
#include "syntax/tokenizer_lexicon.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace kg::syntax::tokenizer {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

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
  // Arrows, shapes, dingbats and emoji are tokens of their own ("ask♥").
  if ((cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF)) return true;
  return cp == 0xA1 || cp == 0xAB || cp == 0xB7 || cp == 0xBB || cp == 0xBF ||
         (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x3001 && cp <= 0x3003) ||
         (cp >= 0x3008 && cp <= 0x3011) || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF1F);
}

// Words whose final period is part of the word (when more of the sentence
// follows): titles, company suffixes, months and days, Latin forms, states.
bool IsListedAbbreviation(const std::string& w) {
  static const auto* set = new std::unordered_set<std::string>{
      "mr",   "mrs",  "ms",   "dr",     "prof",  "sr",   "jr",   "st",   "mt",   "ft",   "gen",  "col",
      "lt",   "sgt",  "capt", "gov",    "sen",   "rep",  "rev",  "hon",  "pres", "inc",  "corp", "ltd",
      "co",   "bros", "plc",  "llc",    "vs",    "etc",  "no",   "nos",  "vol",  "fig",  "jan",  "feb",
      "mar",  "apr",  "jun",  "jul",    "aug",   "sep",  "sept", "oct",  "nov",  "dec",  "mon",  "tue",
      "tues", "wed",  "thu",  "thur",   "thurs", "fri",  "sat",  "sun",  "dept", "est",  "ext",  "ect",
      "sts",  "pvt",  "ps",   "approx", "ave",   "blvd", "cf",   "al",   "ala",  "ariz", "ark",  "calif",
      "colo", "conn", "fla",  "ga",     "kan",   "ky",   "md",   "mich", "minn", "neb",  "nev",  "okla",
      "penn", "tenn", "tex",  "vt",     "va",    "wis",  "wyo"};
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
      "e",  "co",   "non", "pre",   "anti", "mid",   "re",    "post",  "over",   "pro",     "multi",
      "ex", "semi", "neo", "cross", "sub",  "micro", "intra", "socio", "psycho", "counter", "un"};
  return w.size() <= 7 && set->count(Lower(w)) > 0;
}

// Words EWT splits without an apostrophe: word → length of the first part.
size_t FusedSplit(std::string_view w) {
  static const auto* map = new std::unordered_map<std::string, size_t>{
      {"cannot", 3}, {"gonna", 3},  {"wanna", 3},   {"gotta", 3},   {"outta", 3},    {"dont", 2},
      {"doesnt", 4}, {"didnt", 3},  {"cant", 2},    {"wont", 2},    {"isnt", 2},     {"arent", 3},
      {"wasnt", 3},  {"werent", 4}, {"couldnt", 5}, {"wouldnt", 5}, {"shouldnt", 6}, {"havent", 4},
      {"hasnt", 3},  {"hadnt", 3},  {"aint", 2},    {"im", 1},      {"ive", 1},      {"youre", 3},
      {"theyre", 4}, {"thats", 4},  {"whats", 4},   {"theres", 5},  {"alot", 1}};
  if (w.size() > 8) return 0;
  auto it = map->find(Lower(w));
  return it == map->end() ? 0 : it->second;
}

// Units EWT splits from a number before them ("65k", "8:30am"). Case
// matters: "10MM" (millions, in finance mail) stays whole.
bool IsUnit(std::string_view w) {
  static const auto* set = new std::unordered_set<std::string_view>{
      "k",  "K",   "m",  "M",  "b",   "bn",  "mm", "cm", "km",  "kg",  "g",   "mg",
      "lb", "lbs", "oz", "ft", "mph", "am",  "pm", "AM", "PM",  "a.m", "p.m", "GB",
      "MB", "KB",  "TB", "Hz", "GHz", "MHz", "gb", "hr", "hrs", "p"};
  return set->count(w) > 0;
}

bool IsClitic(std::string_view w) {
  const std::string l = Lower(w);
  return l == "s" || l == "m" || l == "d" || l == "ll" || l == "re" || l == "ve";
}

bool IsEmoticon(std::string_view w) {
  static const auto* set = new std::unordered_set<std::string_view>{
      ":)",  ":-)", ";)", ";-)", ":(", ":-(", ":D", ":-D", ":P",  ":p", ":-P", "=)", "=(",
      "^_^", "^^",  ":/", ":-/", ":o", ":O",  "<3", "(:",  ":'(", "8)", ":]",  ":["};
  return set->count(w) > 0;
}

bool IsFileExtension(std::string_view w) {
  static const auto* set =
      new std::unordered_set<std::string>{"doc", "docx", "xls", "xlsx", "pdf", "txt", "ppt", "pptx",
                                          "htm", "html", "jpg", "gif",  "png", "zip", "csv"};
  return w.size() <= 4 && set->count(Lower(w)) > 0;
}

}  // namespace kg::syntax::tokenizer
