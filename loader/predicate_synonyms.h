// Maps a predicate name as a user might type it in a query ("invest",
// "invest_in", "investment in", "Partners-With") to the canonical names of
// the predicate vocabulary (docs/vocabulary.md) that it may stand for, so the
// query binder can resolve synonyms the same way the loader normalizes text.
#ifndef KG_LOADER_PREDICATE_SYNONYMS_H_
#define KG_LOADER_PREDICATE_SYNONYMS_H_

#include <string>
#include <string_view>
#include <vector>

namespace kg::loader {

// Candidate canonical predicate names for `name`, most likely first, without
// duplicates; empty when the vocabulary knows nothing like it. The caller
// takes the first candidate that exists in its store. Thread-safe.
std::vector<std::string> PredicateCandidates(std::string_view name);

}  // namespace kg::loader

#endif  // KG_LOADER_PREDICATE_SYNONYMS_H_
