#include "loader/predicate_synonyms.h"

#include <algorithm>
#include <optional>

#include "loader/canonical/predicates.h"
#include "syntax/wordnet.h"

namespace kg::loader {

namespace {

// Lower case, with spaces and hyphens read as the '_' of predicate names.
std::string Normalize(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == ' ' || c == '-') c = '_';
    if (c == '_' && (out.empty() || out.back() == '_')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

std::string VerbLemma(const std::string& word) {
  syntax::WordInfo info = syntax::LookupWord(word);
  return info.verb_lemma.empty() ? word : info.verb_lemma;
}

std::string NounLemma(const std::string& word) {
  syntax::WordInfo info = syntax::LookupWord(word);
  return info.noun_lemma.empty() ? word : info.noun_lemma;
}

}  // namespace

std::vector<std::string> PredicateCandidates(std::string_view name) {
  const canonical::Vocabulary& vocab = canonical::Vocabulary::Get();
  std::vector<std::string> out;
  auto add = [&out](const std::optional<std::string>& p) {
    if (p && std::find(out.begin(), out.end(), *p) == out.end()) out.push_back(*p);
  };
  const std::string norm = Normalize(name);
  if (norm.empty()) return out;
  const std::vector<std::string> known = vocab.Predicates();
  if (std::binary_search(known.begin(), known.end(), norm)) add(norm);

  const size_t us = norm.rfind('_');
  if (us != std::string::npos) {
    // "invest_in", "investment_in", "partner_with": head word + preposition.
    const std::string head = norm.substr(0, us);
    const std::string prep = norm.substr(us + 1);
    add(vocab.ForVerbPrep(VerbLemma(head), prep));
    add(vocab.ForNoun(NounLemma(head), prep));
  } else {
    // A bare verb or noun: "invest", "announces", "partner", "investment".
    const std::string verb = VerbLemma(norm);
    add(vocab.ForVerb(verb));
    for (const char* prep : {"in", "with", "on", "to", "into", "of", "from"}) {
      add(vocab.ForVerbPrep(verb, prep));
      add(vocab.ForNoun(NounLemma(norm), prep));
    }
    // Predicates the loader made from a verb outside the vocabulary.
    add(canonical::FallbackPredicate(verb));
  }
  return out;
}

}  // namespace kg::loader
