#include "syntax/evaluate.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace kg::syntax {
namespace {

// The 2018 scorer drops language-specific subtypes when it reads a file
// ("nmod:poss" -> "nmod"), so its LAS compares universal relations only.
std::string_view UniversalRelation(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

}  // namespace

double Scores::Percent(size_t n) const {
  return words == 0 ? 0.0 : 100.0 * static_cast<double>(n) / static_cast<double>(words);
}

void Accumulate(const Sentence& gold, const Sentence& system, Scores* scores) {
  scores->words += gold.words.size();
  const size_t n = std::min(gold.words.size(), system.words.size());
  for (size_t i = 0; i < n; ++i) {
    const Word& g = gold.words[i];
    const Word& s = system.words[i];
    scores->upos += g.upos == s.upos;
    scores->xpos += g.xpos == s.xpos;
    // An unannotated gold lemma cannot be judged; the 2018 scorer counts it
    // as correct rather than penalising every system.
    scores->lemma += g.lemma.empty() || g.lemma == s.lemma;
    if (g.head != s.head) continue;
    ++scores->uas;
    scores->las += UniversalRelation(g.deprel) == UniversalRelation(s.deprel);
    scores->las_full += g.deprel == s.deprel;
  }
}

Result<Scores> Evaluate(const std::vector<Sentence>& gold, const std::vector<Sentence>& system) {
  if (gold.size() != system.size()) {
    return Status::InvalidArgument("gold has " + std::to_string(gold.size()) + " sentences but system has " +
                                   std::to_string(system.size()) +
                                   "; evaluate the system's output for the same gold file");
  }
  for (size_t i = 0; i < gold.size(); ++i) {
    if (gold[i].words.size() != system[i].words.size()) {
      return Status::InvalidArgument("sentence " + std::to_string(i) + " (0-based): gold has " +
                                     std::to_string(gold[i].words.size()) + " words but system has " +
                                     std::to_string(system[i].words.size()) +
                                     "; evaluation needs the system to keep gold tokenization");
    }
  }
  Scores scores;
  for (size_t i = 0; i < gold.size(); ++i) Accumulate(gold[i], system[i], &scores);
  return scores;
}

}  // namespace kg::syntax
