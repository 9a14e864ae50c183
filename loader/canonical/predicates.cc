#include "loader/canonical/predicates.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace kg::loader::data {
extern const char kData_predicates_tsv[];
}  // namespace kg::loader::data

namespace kg::loader::canonical {

const Vocabulary& Vocabulary::Get() {
  static const Vocabulary* v = new Vocabulary();
  return *v;
}

Vocabulary::Vocabulary() {
  std::istringstream in(data::kData_predicates_tsv);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t t1 = line.find('\t');
    const size_t t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string::npos) continue;
    const std::string pred = line.substr(0, t1);
    const std::string kind = line.substr(t1 + 1, t2 - t1 - 1);
    const std::string pattern = line.substr(t2 + 1);
    if (kind == "verb") {
      verb_[pattern] = pred;
    } else if (kind == "verbprep") {
      verb_prep_[pattern] = pred;
    } else if (kind == "noun") {
      noun_[pattern] = pred;
    }
  }
}

std::optional<std::string> Vocabulary::ForVerb(std::string_view lemma) const {
  auto it = verb_.find(std::string(lemma));
  if (it == verb_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Vocabulary::ForVerbPrep(std::string_view lemma, std::string_view prep) const {
  auto it = verb_prep_.find(std::string(lemma) + " " + std::string(prep));
  if (it == verb_prep_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Vocabulary::ForNoun(std::string_view noun, std::string_view prep) const {
  auto it = noun_.find(std::string(noun) + " " + std::string(prep));
  if (it == noun_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Vocabulary::Predicates() const {
  std::set<std::string> s;
  for (const auto* m : {&verb_, &verb_prep_, &noun_}) {
    for (const auto& [k, v] : *m) s.insert(v);
  }
  return {s.begin(), s.end()};
}

std::string FallbackPredicate(std::string_view lemma, std::string_view prep) {
  std::string base(lemma);
  for (char& c : base) {
    if (c == ' ') c = '_';
  }
  std::string out;
  if (base == "be") {
    out = "is";
  } else if (base == "have") {
    out = "has";
  } else if (base.size() > 1 && base.back() == 'y' &&
             std::string("aeiou").find(base[base.size() - 2]) == std::string::npos) {
    out = base.substr(0, base.size() - 1) + "ies";
  } else if (base.ends_with("s") || base.ends_with("sh") || base.ends_with("ch") || base.ends_with("x") ||
             base.ends_with("z") || base.ends_with("o")) {
    out = base + "es";
  } else {
    out = base + "s";
  }
  // Phrasal lemmas ("set_up") inflect the verb, not the particle.
  const size_t us = base.find('_');
  if (us != std::string::npos) out = FallbackPredicate(base.substr(0, us)) + base.substr(us);
  if (!prep.empty()) {
    out += "_";
    for (char c : prep) out.push_back(c == ' ' ? '_' : c);
  }
  return out;
}

}  // namespace kg::loader::canonical
