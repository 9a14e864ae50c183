// The predicate vocabulary (docs/vocabulary.md, loader/data/predicates.tsv):
// verb lemmas, verb + preposition pairs and nominalizations mapped to
// normalized predicate names; anything else falls back to a predicate made
// from the verb lemma ("advance" → "advances").
#ifndef KG_LOADER_CANONICAL_PREDICATES_H_
#define KG_LOADER_CANONICAL_PREDICATES_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kg::loader::canonical {

class Vocabulary {
 public:
  static const Vocabulary& Get();  // thread-safe, built on first use

  // "X <lemma> Y" with Y a direct object ("announce" → "announced").
  std::optional<std::string> ForVerb(std::string_view lemma) const;
  // "X <lemma> <prep> Y" ("invest","in" → "invests_in").
  std::optional<std::string> ForVerbPrep(std::string_view lemma, std::string_view prep) const;
  // "<noun> <prep> Y" as a nominalization ("investment","in" → "invests_in").
  std::optional<std::string> ForNoun(std::string_view noun_lemma, std::string_view prep) const;
  // Every predicate name in the vocabulary (sorted, unique).
  std::vector<std::string> Predicates() const;

 private:
  Vocabulary();
  std::unordered_map<std::string, std::string> verb_, verb_prep_, noun_;
};

// Third-person form of a verb lemma used as a fallback predicate name:
// "advance" → "advances", "push" → "pushes", "rely" → "relies",
// "be" → "is", "have" → "has"; a particle/preposition is joined with '_'.
std::string FallbackPredicate(std::string_view lemma, std::string_view prep = {});

}  // namespace kg::loader::canonical

#endif  // KG_LOADER_CANONICAL_PREDICATES_H_
