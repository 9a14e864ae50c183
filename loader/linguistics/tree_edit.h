// Small edits of a parse that the tree repairs share: heads are 1-based in
// syntax::Word (0 for the root), indexes 0-based here.
#ifndef KG_LOADER_LINGUISTICS_TREE_EDIT_H_
#define KG_LOADER_LINGUISTICS_TREE_EDIT_H_

#include <algorithm>
#include <initializer_list>
#include <string_view>

#include "loader/canonical/literals.h"
#include "syntax/sentence.h"

namespace kg::loader::linguistics {

// 0-based index of a 1-based head, -1 for the root.
inline int HeadIndex(const syntax::Word& w) { return w.head - 1; }

// Hangs `word` on `head` (-1: the root) with relation `rel`.
inline void Attach(syntax::Sentence& s, int word, int head, const char* rel) {
  s.words[static_cast<size_t>(word)].head = head + 1;
  s.words[static_cast<size_t>(word)].deprel = rel;
}

// Whether `word` is one of `words`.
inline bool OneOfWords(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// A currency code written as a word ("EUR", "GBP"), which reads as money
// before a number.
inline bool CurrencyCode(const syntax::Word& w) {
  if (w.form.size() != 3) return false;
  for (char c : w.form) {
    if (c < 'A' || c > 'Z') return false;
  }
  return canonical::ParseMoney(w.form + " 1").has_value();
}

}  // namespace kg::loader::linguistics

#endif  // KG_LOADER_LINGUISTICS_TREE_EDIT_H_
