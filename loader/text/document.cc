#include "loader/text/document.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <string>
#include <unordered_set>

#include "loader/text/ascii_lower.h"

namespace kg::loader::text {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) { return AsciiLower(s); }

// Abbreviations whose final period does not end a sentence when a capitalized
// word follows (titles, corporate suffixes, months, common Latin forms).
const std::unordered_set<std::string>& Abbreviations() {
  static const auto* set = new std::unordered_set<std::string>{
      "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "sgt", "capt", "gov",
      "sen", "rep", "rev", "hon", "pres", "inc", "corp", "ltd", "co", "bros", "plc", "llc", "vs", "etc",
      "e.g", "i.e", "approx", "no", "nos", "vol", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
      "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "d.c", "dept", "est",
      "cf", "al", "ave", "ca",
      // US state abbreviations that are not also English words ("Lancaster, Pa.").
      "ala", "ariz", "calif", "colo", "conn", "fla", "ga", "kan", "kans", "ky", "md", "mich", "minn", "neb",
      "nebr", "nev", "okla", "oreg", "pa", "penn", "tenn", "tex", "vt", "va", "wis", "wyo"};
  return *set;
}

// Titles never end a sentence ("Dr. Smith").
bool IsTitleAbbrev(const std::string& w) {
  static const std::unordered_set<std::string> kTitles = {
      "mr",  "mrs", "ms",  "dr", "prof", "st",  "gen", "col", "lt", "sgt", "capt", "gov", "sen",
      "rep", "rev", "hon", "mt", "no",   "nos", "vol", "fig", "vs", "e.g", "i.e",  "cf"};
  return kTitles.count(w) > 0;
}

// Words that commonly start a sentence; after an ambiguous abbreviation
// ("... in the U.S. The company ...") they signal a sentence break.
bool IsSentenceStarter(std::string_view w) {
  static const std::unordered_set<std::string> kStarters = {
      "the",       "a",    "an",    "it",     "its",       "he",       "she",   "they", "we",  "i",
      "this",      "that", "these", "those",  "in",        "on",       "at",    "but",  "and", "however",
      "meanwhile", "as",   "after", "before", "while",     "when",     "there", "his",  "her", "their",
      "our",       "for",  "by",    "with",   "according", "analysts", "shares"};
  return kStarters.count(Lower(w)) > 0;
}

size_t Utf8Len(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 0;
}

}  // namespace

Status ValidateUtf8(std::string_view s) {
  uint32_t line = 1, column = 1;
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = Utf8Len(c);
    bool ok = n > 0 && i + n <= s.size();
    uint32_t cp = 0;
    if (ok) {
      cp = n == 1 ? c : (c & (0xFF >> (n + 1)));
      for (size_t k = 1; k < n; ++k) {
        const auto cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) {
          ok = false;
          break;
        }
        cp = (cp << 6) | (cc & 0x3F);
      }
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid too.
    if (ok && ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF ||
               (cp >= 0xD800 && cp <= 0xDFFF))) {
      ok = false;
    }
    if (!ok) {
      Status st =
          Status::InvalidArgument("invalid UTF-8 at line " + std::to_string(line) + ", column " +
                                  std::to_string(column) + " (byte offset " + std::to_string(i) + ")");
      st.WithSpan(SourceSpan{line, column, i, 1});
      return st;
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += n;
  }
  return Status::OK();
}

Status CheckInput(std::string_view bytes) {
  if (Trim(bytes).empty()) return Status::InvalidArgument("empty article: no text to extract");
  // Binary data: NUL bytes or a high share of control characters in the head.
  const size_t head = std::min<size_t>(bytes.size(), 8192);
  size_t control = 0;
  for (size_t i = 0; i < head; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return Status::InvalidArgument("binary file: contains NUL bytes, not text");
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  if (control * 20 > head)
    return Status::InvalidArgument("binary file: too many control characters for text");
  return ValidateUtf8(bytes);
}

std::string NormalizeText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\r') {
      out.push_back('\n');
      i += (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (c < 0x80) {
      out.push_back(c == '\t' || c == '\f' || c == '\v' ? ' ' : static_cast<char>(c));
      ++i;
      continue;
    }
    size_t n = std::max<size_t>(1, Utf8Len(c));
    n = std::min(n, s.size() - i);
    uint32_t cp = n == 1 ? c : (c & (0xFF >> (n + 1)));
    for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    switch (cp) {
      case 0x2018:
      case 0x2019:
      case 0x201A:
      case 0x201B:
      case 0x2032:
        out.push_back('\'');
        break;
      case 0x201C:
      case 0x201D:
      case 0x201E:
      case 0x201F:
      case 0x2033:
      case 0x00AB:
      case 0x00BB:
        out.push_back('"');
        break;
      case 0x2010:
      case 0x2011:
      case 0x2012:
      case 0x2013:
      case 0x2212:
        out.push_back('-');
        break;
      case 0x2014:
      case 0x2015:
        out += " - ";
        break;
      case 0x00A0:
      case 0x2002:
      case 0x2003:
      case 0x2004:
      case 0x2005:
      case 0x2006:
      case 0x2007:
      case 0x2008:
      case 0x2009:
      case 0x200A:
      case 0x202F:
      case 0x205F:
      case 0x3000:
        out.push_back(' ');
        break;
      case 0x200B:
      case 0x200C:
      case 0x200D:
      case 0xFEFF:
      case 0x00AD:
        break;
      case 0x2026:
        out += "...";
        break;
      case 0x2022:
      case 0x25CF:
      case 0x25AA:
      case 0x2023:  // bullets
        out.push_back('-');
        break;
      default:
        out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::vector<std::string> SplitSentences(std::string_view line) {
  std::vector<std::string> out;
  size_t start = 0;
  const size_t n = line.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = line[i];
    if (c != '.' && c != '!' && c != '?') continue;
    // Take the whole run of terminal punctuation and closing quotes/brackets.
    size_t end = i + 1;
    while (end < n && (line[end] == '.' || line[end] == '!' || line[end] == '?')) ++end;
    while (end < n && (line[end] == '"' || line[end] == '\'' || line[end] == ')')) ++end;
    if (end < n && !IsSpace(line[end])) continue;  // "2.9", "U.S.-based", "$2.9B"
    size_t next = end;
    while (next < n && IsSpace(line[next])) ++next;
    if (next >= n) break;
    const auto nc = static_cast<unsigned char>(line[next]);
    const bool next_upper = std::isupper(nc) || std::isdigit(nc) || nc == '"' || nc == '\'' || nc == '(' ||
                            nc >= 0x80 || nc == '$' || nc == '-';
    if (!next_upper) continue;
    if (c == '.') {
      // The word before the period.
      size_t w = i;
      while (w > start && i - w < 40 && !IsSpace(line[w - 1]) && line[w - 1] != '(' && line[w - 1] != '"')
        --w;
      std::string word = Lower(line.substr(w, i - w));
      while (!word.empty() && (word.back() == '.')) word.pop_back();
      if (!word.empty() && word.front() == '$') word.clear();
      if (IsTitleAbbrev(word)) continue;
      // Single initials ("J. Smith") and dotted acronyms ("U.S.") are ambiguous:
      // only a typical sentence starter after them ends the sentence.
      const bool initial = word.size() == 1 && std::isalpha(static_cast<unsigned char>(word[0]));
      if (initial || Abbreviations().count(word) > 0 || word.find('.') != std::string::npos) {
        size_t we = next;
        while (we < n && std::isalpha(static_cast<unsigned char>(line[we]))) ++we;
        if (!IsSentenceStarter(line.substr(next, we - next))) continue;
      }
    }
    std::string_view sent = Trim(line.substr(start, end - start));
    if (!sent.empty()) out.emplace_back(sent);
    start = next;
    i = next - 1;
  }
  std::string_view rest = Trim(line.substr(std::min(start, n)));
  if (!rest.empty()) out.emplace_back(rest);
  return out;
}

bool LooksLikeHeading(std::string_view line) {
  line = Trim(line);
  if (line.empty()) return false;
  const char last = line.back();
  if (last == '.' || last == '!' || last == '?' || last == ':' || last == ';' || last == ',' || last == '"') {
    return false;
  }
  size_t words = 1;
  for (char c : line) words += c == ' ';
  return words <= 16;
}

bool LooksEnglish(std::string_view text) {
  static const std::unordered_set<std::string> kFunction = {
      "the",  "of",  "and",  "to",  "in",   "a",     "is",  "that",  "for",  "it",
      "as",   "was", "with", "be",  "by",   "on",    "are", "at",    "from", "has",
      "have", "an",  "this", "its", "will", "which", "or",  "their", "said", "not"};
  size_t words = 0, hits = 0;
  size_t i = 0;
  const size_t limit = std::min<size_t>(text.size(), 20000);
  while (i < limit) {
    while (i < limit && !std::isalpha(static_cast<unsigned char>(text[i])) &&
           static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
    }
    size_t b = i;
    while (i < limit && (std::isalpha(static_cast<unsigned char>(text[i])) ||
                         static_cast<unsigned char>(text[i]) >= 0x80)) {
      ++i;
    }
    if (i > b) {
      ++words;
      hits += kFunction.count(Lower(text.substr(b, i - b)));
    }
    if (i == b) ++i;
  }
  if (words < 12) return true;
  return hits * 100 >= words * 6;  // English prose runs at 25-40 %
}

std::string ParseDateText(std::string_view s) {
  s = Trim(s);
  static const std::array<const char*, 12> kMonths = {"january",   "february", "march",    "april",
                                                      "may",       "june",     "july",     "august",
                                                      "september", "october",  "november", "december"};
  auto two = [](int v) {
    std::string out = std::to_string(v);
    if (v < 10) out.insert(out.begin(), '0');
    return out;
  };
  // ISO forms.
  if (s.size() >= 4 && std::all_of(s.begin(), s.begin() + 4,
                                   [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(std::string(s).c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12 && d >= 1 &&
        d <= 31) {
      return std::to_string(y) + "-" + two(m) + "-" + two(d);
    }
    if (std::sscanf(std::string(s).c_str(), "%4d-%2d", &y, &m) == 2 && m >= 1 && m <= 12) {
      return std::to_string(y) + "-" + two(m);
    }
  }
  // Word forms: tokens of letters and digits.
  std::vector<std::string> toks;
  std::string cur;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      cur.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!cur.empty()) {
      toks.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) toks.push_back(cur);
  int month = 0, day = 0, year = 0;
  for (const auto& t : toks) {
    if (std::isdigit(static_cast<unsigned char>(t[0]))) {
      int v = std::atoi(t.c_str());
      if (t.size() == 4 && v >= 1000) {
        year = v;
      } else if (v >= 1 && v <= 31 && day == 0) {
        day = v;
      }
    } else {
      for (size_t m = 0; m < kMonths.size(); ++m) {
        const std::string full = kMonths[m];
        if (t == full || (t.size() >= 3 && full.compare(0, t.size(), t) == 0))
          month = static_cast<int>(m) + 1;
      }
    }
  }
  if (year == 0 || month == 0) return "";
  if (day == 0) return std::to_string(year) + "-" + two(month);
  return std::to_string(year) + "-" + two(month) + "-" + two(day);
}

namespace {

bool IsBulletLine(std::string_view line, std::string_view* item) {
  line = Trim(line);
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') {
    *item = Trim(line.substr(2));
    return true;
  }
  // "1. item" / "2) item"
  size_t d = 0;
  while (d < line.size() && std::isdigit(static_cast<unsigned char>(line[d]))) ++d;
  if (d > 0 && d <= 2 && d + 1 < line.size() && (line[d] == '.' || line[d] == ')') && line[d + 1] == ' ') {
    *item = Trim(line.substr(d + 2));
    return true;
  }
  return false;
}

}  // namespace

namespace {

// "Lisbon, 4 June 2024", "Brussels, March 12, 2019": one to three
// capitalized words, a comma, then a date with a month name and a number
// (the press releases of governments and banks open so).
bool PlaceAndDate(std::string_view head) {
  const size_t comma = head.find(", ");
  if (comma == std::string_view::npos || comma == 0) return false;
  const std::string_view place = head.substr(0, comma);
  size_t words = 0;
  for (size_t i = 0; i < place.size(); ++i) {
    const auto u = static_cast<unsigned char>(place[i]);
    if (i == 0 || place[i - 1] == ' ') {
      if (!std::isupper(u)) return false;
      ++words;
    } else if (!std::isalpha(u) && place[i] != ' ' && place[i] != '-' && place[i] != '.') {
      return false;
    }
  }
  if (words > 3) return false;
  const std::string date = Lower(head.substr(comma + 2));
  bool digit = false;
  for (char c : date) {
    const auto u = static_cast<unsigned char>(c);
    if (!std::isalnum(u) && c != ' ' && c != ',' && c != '.') return false;
    digit = digit || std::isdigit(u);
  }
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  const bool month = std::any_of(kMonths.begin(), kMonths.end(), [&date](std::string_view m) {
    return date.find(m.substr(0, 3)) != std::string::npos;
  });
  return digit && month && date.size() <= 24;
}

}  // namespace

// A wire-news dateline opening the first body line: "TORONTO (Reuters) - ",
// "SAN JOSE, Calif. -- ", "LONDON, June 3 (AP) - ". It names where the story was
// filed, not a fact, and would otherwise become the subject of the first
// clause. Returns the length of the dateline including the dash, or 0.
size_t DatelineLength(std::string_view l) {
  size_t dash = std::string_view::npos;
  for (size_t i = 1; i + 2 < l.size() && i < 80; ++i) {
    if (l[i] == ' ' && l[i + 1] == '-' &&
        (l[i + 2] == ' ' || (l[i + 2] == '-' && i + 3 < l.size() && l[i + 3] == ' '))) {
      dash = i;
      break;
    }
  }
  if (dash == std::string_view::npos) return 0;
  const std::string_view head = l.substr(0, dash);
  if (PlaceAndDate(head)) {
    size_t end = dash + 2;
    while (end < l.size() && (l[end] == '-' || l[end] == ' ')) ++end;
    return end < l.size() ? end : 0;
  }
  // The first word is a place written in capitals ("TORONTO", "NEW").
  size_t caps = 0;
  while (caps < head.size() && std::isupper(static_cast<unsigned char>(head[caps]))) ++caps;
  if (caps < 3 || (caps < head.size() && std::isalpha(static_cast<unsigned char>(head[caps])))) return 0;
  // A lone short capitalized word ("NASA - the agency - said") is more likely
  // an acronym than a place: a bare dateline word needs five letters.
  if (caps == head.size() && caps < 5) return 0;
  // The rest: capitalized words, digits, commas, periods and one bracketed
  // agency name; no lower-case word (which would make it a sentence).
  bool word_start = true;
  for (char c : head) {
    const auto u = static_cast<unsigned char>(c);
    if (word_start && std::islower(u)) return 0;
    word_start = (c == ' ' || c == '(');
    if (!std::isalnum(u) && c != ' ' && c != ',' && c != '.' && c != '(' && c != ')' && c != '\'' && u < 0x80)
      return 0;
  }
  size_t end = dash + 2;
  while (end < l.size() && (l[end] == '-' || l[end] == ' ')) ++end;
  return end < l.size() ? end : 0;
}

Result<Document> ParseDocument(std::string_view bytes) {
  KG_RETURN_IF_ERROR(CheckInput(bytes));
  const std::string text = NormalizeText(bytes);
  if (!LooksEnglish(text)) {
    return Status::InvalidArgument(
        "the text does not look like English; the loader extracts English articles only");
  }
  Document doc;
  // Split into lines.
  std::vector<std::string_view> lines;
  {
    std::string_view rest = text;
    while (!rest.empty()) {
      size_t nl = rest.find('\n');
      lines.push_back(rest.substr(0, nl));
      if (nl == std::string_view::npos) break;
      rest.remove_prefix(nl + 1);
    }
  }
  size_t li = 0;
  auto skip_blank = [&] {
    while (li < lines.size() && Trim(lines[li]).empty()) ++li;
  };
  // Whether line k starts a "key: value" header line.
  auto header_key = [&lines](size_t k) {
    if (k >= lines.size()) return false;
    const std::string low = Lower(Trim(lines[k]).substr(0, std::min<size_t>(Trim(lines[k]).size(), 12)));
    for (const char* key : {"date:", "source:", "title:", "licence:", "license:"}) {
      if (low.rfind(key, 0) == 0) return true;
    }
    return false;
  };
  // Header: "key: value" lines and a title line, in any order at the top.
  for (int guard = 0; guard < 6; ++guard) {
    skip_blank();
    if (li >= lines.size()) break;
    std::string_view l = Trim(lines[li]);
    const std::string low = Lower(l.substr(0, std::min<size_t>(l.size(), 12)));
    if (low.rfind("date:", 0) == 0) {
      doc.date = ParseDateText(l.substr(5));
      if (doc.date.empty())
        doc.warnings.push_back("unrecognized date in header: " + std::string(Trim(l.substr(5))));
      ++li;
    } else if (low.rfind("source:", 0) == 0) {
      doc.source = std::string(Trim(l.substr(7)));
      ++li;
    } else if (low.rfind("title:", 0) == 0) {
      doc.title = std::string(Trim(l.substr(6)));
      ++li;
    } else if (low.rfind("licence:", 0) == 0 || low.rfind("license:", 0) == 0) {
      ++li;  // the text's licence: metadata, not content
    } else if (doc.title.empty() && (LooksLikeHeading(l) || (guard == 0 && header_key(li + 1))) &&
               li + 1 < lines.size()) {
      // A first line right above "date:"/"source:" lines is the title
      // however long or punctuated ("Investment Plan: EIB finances …").
      doc.title = std::string(l);
      ++li;
    } else {
      break;
    }
  }
  uint32_t paragraph = 0;
  bool prev_blank = true;
  bool seen_body = false;
  for (; li < lines.size(); ++li) {
    std::string_view l = Trim(lines[li]);
    if (l.empty()) {
      prev_blank = true;
      continue;
    }
    if (prev_blank) ++paragraph;
    prev_blank = false;
    std::string_view item;
    if (IsBulletLine(l, &item) && !item.empty() && !doc.sentences.empty() && !doc.sentences.back().heading) {
      // A bullet belongs to the sentence before it (usually one ending in ':').
      Sentence& s = doc.sentences.back();
      if (s.list_items.empty()) {
        while (!s.text.empty() && (s.text.back() == ' ')) s.text.pop_back();
      } else {
        s.text += ";";
      }
      s.text += " ";
      std::string it(item);
      while (!it.empty() && (it.back() == '.' || it.back() == ';' || it.back() == ',')) it.pop_back();
      const auto b = static_cast<uint32_t>(s.text.size());
      s.text += it;
      s.list_items.emplace_back(b, static_cast<uint32_t>(s.text.size()));
      continue;
    }
    if (IsBulletLine(l, &item)) l = item;
    if (!seen_body) {
      seen_body = true;
      if (const size_t n = DatelineLength(l); n > 0) {
        Sentence s;  // kept as a heading: sentence indexes stay stable, not mined
        s.text = std::string(Trim(l.substr(0, n)));
        s.heading = true;
        s.dateline = true;
        s.paragraph = paragraph;
        doc.sentences.push_back(std::move(s));
        l = Trim(l.substr(n));
      }
    }
    if (LooksLikeHeading(l)) {
      Sentence s;
      s.text = std::string(l);
      s.heading = true;
      s.paragraph = paragraph;
      doc.sentences.push_back(std::move(s));
      continue;
    }
    for (auto& st : SplitSentences(l)) {
      Sentence s;
      s.text = std::move(st);
      s.paragraph = paragraph;
      doc.sentences.push_back(std::move(s));
    }
  }
  return doc;
}

}  // namespace kg::loader::text
