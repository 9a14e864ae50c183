// The one case-folding rule for names: entities, predicates and aliases are
// matched through it in every source (the on-disk store, the in-memory source
// of the tests, WHERE comparisons, completion), so "hasCEO", "HASCEO" and
// "hasceo" are one name, and so are "Ωmega" and "ωmega".
#ifndef KG_API_CASE_FOLD_H_
#define KG_API_CASE_FOLD_H_

#include <string>
#include <string_view>

namespace kg {

// Unicode simple case folding (CaseFolding.txt, status C and S, from ICU) of
// every code point of UTF-8 text. NUL bytes are dropped (they separate alias
// keys in storage and are never part of a name); bytes that are not valid
// UTF-8 are kept as they are. Idempotent: FoldCase(FoldCase(s)) ==
// FoldCase(s). Thread-safe.
std::string FoldCase(std::string_view text);

}  // namespace kg

#endif  // KG_API_CASE_FOLD_H_
