#include "query/exec/compare_key.h"

#include <array>
#include <vector>

#include "api/case_fold.h"

namespace kg::query {

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsDeterminer(std::string_view word) {
  static constexpr std::array<std::string_view, 8> kDeterminers = {"the",   "a",    "an",    "its",
                                                                   "their", "this", "these", "those"};
  for (std::string_view d : kDeterminers) {
    if (word == d) return true;
  }
  return false;
}

// The singular of one folded word by its ending; words that only look plural
// ("news", "series", "campus", "analysis", "glass", "gas") stay.
std::string Singular(std::string_view w) {
  static constexpr std::array<std::string_view, 3> kKeep = {"news", "series", "species"};
  for (std::string_view k : kKeep) {
    if (w == k) return std::string(w);
  }
  if (w.size() <= 3 || !EndsWith(w, "s") || EndsWith(w, "ss") || EndsWith(w, "us") || EndsWith(w, "is"))
    return std::string(w);
  if (EndsWith(w, "ies") && w.size() > 4) return std::string(w.substr(0, w.size() - 3)) + "y";
  for (std::string_view es : {"sses", "shes", "ches", "xes", "zes"}) {
    if (EndsWith(w, es)) return std::string(w.substr(0, w.size() - 2));
  }
  return std::string(w.substr(0, w.size() - 1));
}

std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

}  // namespace

std::string CompareText(std::string_view text) {
  const std::string folded = FoldCase(text);
  std::vector<std::string_view> words = Words(folded);
  size_t first = 0;
  // A determiner goes only while a word follows it: "A" alone stays "a".
  while (first + 1 < words.size() && IsDeterminer(words[first])) ++first;
  std::string out;
  for (size_t i = first; i < words.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += Singular(words[i]);
  }
  return out;
}

std::string CompareKey(const Value& value) {
  switch (value.kind()) {
    case ValueKind::kEntity:
    case ValueKind::kString:
      return "t:" + CompareText(value.text());
    default:
      return std::to_string(static_cast<int>(value.kind())) + ":" + value.ToString();
  }
}

}  // namespace kg::query
