#include "syntax/tokenizer.h"

#include <algorithm>
#include <string>

#include "syntax/tokenizer_lexicon.h"

namespace kg::syntax {
namespace {

using tokenizer::Decode;
using tokenizer::FusedSplit;
using tokenizer::IsAbbreviation;
using tokenizer::IsApostrophe;
using tokenizer::IsAsciiAlnum;
using tokenizer::IsAsciiLetter;
using tokenizer::IsClitic;
using tokenizer::IsDigit;
using tokenizer::IsEmoticon;
using tokenizer::IsKeptPrefix;
using tokenizer::IsPunctCp;
using tokenizer::IsSpaceCp;
using tokenizer::IsUnit;
using tokenizer::Lower;

// The rules below were read off the EWT training data (conventions are
// checked against en_ewt-ud-dev.conllu by tests/syntax/tokenizer_test.cc).

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
  size_t EmoticonAt(size_t i, size_t e) const;
  bool FileExtensionAt(size_t i, size_t e) const;
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
  bool url = head.rfind("http://", 0) == 0 || head.rfind("https://", 0) == 0 ||
             head.rfind("ftp://", 0) == 0 || head.rfind("www.", 0) == 0 || head.rfind("mailto:", 0) == 0;
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

// The length of an emoticon ending a word ("family:)", ":-)."), or 0.
size_t Scanner::EmoticonAt(size_t i, size_t e) const {
  for (size_t n = 3; n >= 2; --n) {
    if (i + n > e || !IsEmoticon(s_.substr(i, n))) continue;
    if (i + n == e || std::string_view(".,!?").find(s_[i + n]) != std::string_view::npos) return n;
  }
  return 0;
}

// Whether a file extension ("doc", "XLS") starts at i and ends the word.
bool Scanner::FileExtensionAt(size_t i, size_t e) const {
  size_t k = i;
  while (k < e && k - i <= 4 && IsAsciiAlnum(s_[k])) ++k;
  return k > i && (k == e || !IsWordAt(k)) && tokenizer::IsFileExtension(s_.substr(i, k - i));
}

// Emits the punctuation token starting at i; returns its end.
size_t Scanner::EmitPunct(size_t i, size_t e) {
  size_t len;
  const uint32_t cp = Decode(s_, i, &len);
  size_t end = i + len;
  if (const size_t n = EmoticonAt(i, e); n > 0) {
    end = i + n;
  } else if (IsApostrophe(cp) && cp != '`') {
    // A clitic written apart ("'s", "'ll") or a doubled quote ("''").
    size_t k = end;
    while (k < e && IsAsciiLetter(s_[k]) && k - end < 3) ++k;
    if (k > end && (k == e || !IsLetterAt(k)) && IsClitic(s_.substr(end, k - end)))
      end = k;
    else if (end < e && s_[end] == '\'' && cp == '\'')
      ++end;
  } else if (cp == '`' && end < e && s_[end] == '`') {
    ++end;
  } else if (cp == '#' && end < e && IsLetterAt(end)) {
    end = WordEnd(end, e);  // a hashtag
  } else if (cp == '.' && FileExtensionAt(i + 1, e)) {
    end = WordEnd(i + 1, e);  // "(draft).doc"
  } else if ((cp == 0x2018 || cp == 0x2019) && end + 3 <= e && s_.substr(end, 3) == "\xE2\x80\x99") {
    end += 3;  // a doubled curly quote "’’"
  } else if (cp == '.') {
    // "...", "...." and ".?" are one token; "...?" is two.
    while (end < e && s_[end] == '.') ++end;
    if (end == i + 1)
      while (end < e && (s_[end] == '!' || s_[end] == '?')) ++end;
  } else if (cp == '!' || cp == '?') {  // "?!", "!!!"
    while (end < e && (s_[end] == '.' || s_[end] == '!' || s_[end] == '?')) ++end;
  } else if (cp < 0x80 &&
             std::string_view("-*_=~<>#+^|/\\").find(static_cast<char>(cp)) != std::string_view::npos) {
    while (end < e && s_[end] == static_cast<char>(cp)) ++end;
  }
  Emit(i, end);
  return end;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) { return Scanner(text).Run(); }

}  // namespace kg::syntax
