// A clause read several ways gives the same statement more than once: the
// chunker's whole coordinated object beside the tree's conjuncts, a head
// noun beside its full phrase ("loan" / "EUR 40 million loan"), a phrase
// cut short at a hyphen. Keeping one reading of each raises precision
// without losing what the article says.
#include "loader/article/redundant_literals.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "loader/article/words.h"

namespace kg::loader {
namespace {

// The words of `s` in lower case, with "," standing for any clause-level
// punctuation (list separators).
std::vector<std::string> Words(const std::string& text) {
  const std::string s = Lower(text);
  std::vector<std::string> out;
  std::string w;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      w += c;
    } else {
      if (!w.empty()) out.push_back(std::move(w));
      w.clear();
      if (c == ',' || c == ';' || c == ':') out.emplace_back(",");
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

bool Inside(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
  if (part.empty() || part.size() >= whole.size()) return false;
  if (std::find(part.begin(), part.end(), ",") != part.end()) return false;
  return std::search(whole.begin(), whole.end(), part.begin(), part.end()) != whole.end();
}

// The conjuncts of a coordinated phrase ("A, B and C"), as word runs
// without a leading determiner or preposition.
std::vector<std::vector<std::string>> Conjuncts(const std::vector<std::string>& words) {
  static const char* const kLead[] = {"the",  "a",   "an",    "in",  "of",  "for", "to",       "on",
                                      "with", "its", "their", "his", "her", "our", "including"};
  std::vector<std::vector<std::string>> out(1);
  for (const std::string& w : words) {
    if (w == "and" || w == "or" || w == ",") {
      out.emplace_back();
    } else if (!(out.back().empty() && std::find(std::begin(kLead), std::end(kLead), w) != std::end(kLead))) {
      out.back().push_back(w);
    }
  }
  return out;
}

// "fiber network that covers 9 million homes" beside "fiber network", "battery
// makers such as Panasonic" beside "battery makers": the relative clause or
// the examples are statements of their own, the noun is the object.
bool RelativeAfter(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
  static const char* const kRelative[] = {"that",  "which", "who",       "whose",
                                          "where", "such",  "including", "like"};
  if (part.size() >= whole.size() || !std::equal(part.begin(), part.end(), whole.begin())) return false;
  return std::find(std::begin(kRelative), std::end(kRelative), whole[part.size()]) != std::end(kRelative);
}

}  // namespace

void DropRedundantLiterals(std::vector<Fact>* facts) {
  using Key = std::tuple<std::string, std::string, uint32_t>;
  std::map<Key, std::vector<size_t>> groups;
  for (size_t i = 0; i < facts->size(); ++i) {
    const Fact& f = (*facts)[i];
    if (f.object.kind() != ValueKind::kString) continue;
    groups[{f.subject.ToString(), f.predicate, f.sentence}].push_back(i);
  }
  // A coordinated phrase goes when its conjuncts stand as facts of their
  // own, a noun with a relative clause beside the bare noun; then a phrase inside a phrase that stays (a head
  // without its modifiers, a cut-short reading) goes.
  std::vector<bool> drop(facts->size(), false);
  auto words = [facts](size_t i) { return Words((*facts)[i].object.text()); };
  for (const auto& [key, members] : groups) {
    for (size_t whole : members) {
      const auto ww = words(whole);
      const auto pieces = Conjuncts(ww);
      for (size_t part : members) {
        const auto wp = words(part);
        if (part == whole || !Inside(wp, ww)) continue;
        if (RelativeAfter(wp, ww) ||
            (pieces.size() > 1 && std::any_of(pieces.begin(), pieces.end(), [&wp](const auto& p) {
               return p.size() >= wp.size() && std::equal(wp.begin(), wp.end(), p.begin());
             })))
          drop[whole] = true;
      }
    }
  }
  for (const auto& [key, members] : groups) {
    for (size_t part : members) {
      const auto wp = words(part);
      for (size_t whole : members) {
        if (whole != part && !drop[whole] && Inside(wp, words(whole))) drop[part] = true;
      }
    }
  }
  std::vector<Fact> kept;
  for (size_t i = 0; i < facts->size(); ++i) {
    if (!drop[i]) kept.push_back(std::move((*facts)[i]));
  }
  *facts = std::move(kept);
}

}  // namespace kg::loader
