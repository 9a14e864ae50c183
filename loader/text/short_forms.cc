#include "loader/text/short_forms.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "api/utf8.h"

namespace kg::loader::text {
namespace {

// The letters U+00C0..U+017F are written on, in code point order ('?' for
// the two signs among them).
constexpr std::string_view kLatin =
    "aaaaaaaceeeeiiiidnooooo?ouuuuyts"   // U+00C0..U+00DF
    "aaaaaaaceeeeiiiidnooooo?ouuuuyty"   // U+00E0..U+00FF
    "aaaaaaccccccccddddeeeeeeeeeegggg"   // U+0100..U+011F
    "gggghhhhiiiiiiiiiiiijjkkklllllll"   // U+0120..U+013F
    "lllnnnnnnnnnoooooooorrrrrrssssss"   // U+0140..U+015F
    "ssttttttuuuuuuuuuuuuwwyyyzzzzzzs";  // U+0160..U+017F

// A short form: 2–10 characters, a letter first, at least two capitals;
// its letters and digits in lower case, or "" when `form` is none.
std::string ShortForm(std::string_view f) {
  if (f.size() < 2 || f.size() > 10 || std::isalpha(static_cast<unsigned char>(f[0])) == 0) return "";
  const auto capitals = std::count_if(
      f.begin(), f.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; });
  if (capitals < 2) return "";
  std::string out;
  for (char c : f) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) out += static_cast<char>(std::tolower(c));
  }
  return out;
}

// Moves `l` left to the last letter of `letters` at or before it that is
// `c` (at a word start when `word_start`); -1 when there is none.
int FindBack(const std::string& letters, int l, char c, bool word_start) {
  auto starts_word = [&](int at) {
    return at == 0 || std::isalnum(static_cast<unsigned char>(letters[static_cast<size_t>(at - 1)])) == 0;
  };
  while (l >= 0 && (letters[static_cast<size_t>(l)] != c || (word_start && !starts_word(l)))) --l;
  return l;
}

// The first word of the long form of `shortform` ending at word `last`, or
// -1 when the words before it do not spell it.
int LongFormStart(const std::vector<std::string_view>& forms, const std::function<bool(size_t)>& may_hold,
                  const std::string& shortform, size_t last) {
  const size_t window = std::min(shortform.size() + 5, shortform.size() * 2);
  if (!may_hold(last)) return -1;
  size_t first = last;
  while (first > 0 && last - first + 1 < window && may_hold(first - 1)) --first;
  std::string letters;          // the words' base letters, a space after each
  std::vector<size_t> word_of;  // the word of each letter
  for (size_t k = first; k <= last; ++k) {
    const std::string b = BaseLetters(forms[k]);
    letters += b + ' ';
    word_of.insert(word_of.end(), b.size() + 1, k);
  }
  int l = static_cast<int>(letters.size()) - 1;
  for (int s = static_cast<int>(shortform.size()) - 1; s >= 0; --s) {
    l = FindBack(letters, l, shortform[static_cast<size_t>(s)], s == 0);
    if (l < 0) return -1;
    if (s > 0) --l;
  }
  return static_cast<int>(word_of[static_cast<size_t>(l)]);
}

}  // namespace

bool Capitalized(std::string_view f) {
  if (f.empty()) return false;
  const auto b0 = static_cast<unsigned char>(f[0]);
  if (b0 < 0x80) return std::isupper(b0) != 0;
  // Latin-1 capitals are U+00C0–U+00DE; Latin Extended-A capitals are
  // mostly its even code points.
  int32_t cp = 0;
  utf8::Decode(f, 0, &cp);
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  return cp >= 0x100 && cp <= 0x17F && cp % 2 == 0;
}

std::string BaseLetters(std::string_view word) {
  std::string out;
  for (size_t pos = 0; pos < word.size();) {
    int32_t cp = 0;
    pos += utf8::Decode(word, pos, &cp);
    if (cp >= 0 && cp < 0x80) {
      out += static_cast<char>(std::tolower(cp));
    } else if (cp >= 0xC0 && cp <= 0x17F) {
      out += kLatin[static_cast<size_t>(cp - 0xC0)];
    } else {
      out += '?';
    }
  }
  return out;
}

std::vector<WordRange> BracketDefinedNames(const std::vector<std::string_view>& forms,
                                           const std::function<bool(size_t)>& may_hold) {
  std::vector<WordRange> out;
  for (size_t open = 1; open + 2 < forms.size(); ++open) {
    if (forms[open] != "(" || forms[open + 2] != ")") continue;
    const std::string shortform = ShortForm(forms[open + 1]);
    if (shortform.empty()) continue;
    const int first = LongFormStart(forms, may_hold, shortform, open - 1);
    if (first < 0 || static_cast<size_t>(first) == open - 1 ||
        !Capitalized(forms[static_cast<size_t>(first)]))
      continue;
    out.push_back(WordRange{static_cast<size_t>(first), open - 1});
  }
  return out;
}

}  // namespace kg::loader::text
