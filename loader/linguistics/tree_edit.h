// Small edits of a parse that the tree repairs share: heads are 1-based in
// syntax::Word (0 for the root), indexes 0-based here.
#ifndef KG_LOADER_LINGUISTICS_TREE_EDIT_H_
#define KG_LOADER_LINGUISTICS_TREE_EDIT_H_

#include <algorithm>
#include <initializer_list>
#include <string_view>

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

}  // namespace kg::loader::linguistics

#endif  // KG_LOADER_LINGUISTICS_TREE_EDIT_H_
