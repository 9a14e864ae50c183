// Literal objects that repeat another literal of the same statement.
#ifndef KG_LOADER_ARTICLE_REDUNDANT_LITERALS_H_
#define KG_LOADER_ARTICLE_REDUNDANT_LITERALS_H_

#include <vector>

#include "kg/article.h"

namespace kg::loader {

// Among facts with the same subject, predicate and sentence and a string
// object: a coordinated object ("A, B and C") goes when one of its conjuncts
// is a fact of its own; then an object that is a word run inside another
// object that stays goes. Entity, number and money objects are untouched.
void DropRedundantLiterals(std::vector<Fact>* facts);

}  // namespace kg::loader

#endif  // KG_LOADER_ARTICLE_REDUNDANT_LITERALS_H_
