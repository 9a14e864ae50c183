// Sets of words of one parsed sentence as the text of Open IE relations and
// arguments (loader/tree/open_ie.h): which words a nominal stands for, and
// how a set of words is written.
#ifndef KG_LOADER_TREE_OPEN_IE_WORDS_H_
#define KG_LOADER_TREE_OPEN_IE_WORDS_H_

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "loader/tree/sentence_tree.h"

namespace kg::loader::tree::open_ie {

inline bool IsPunct(const SentenceTree& t, int i) { return t.upos(i) == "PUNCT"; }

// Appends `i` and its subtree to `out`, leaving out the subtrees of the
// words for which `skip(word)` holds. Recursion depth is the tree's depth
// (the caller has checked that the parse is a tree).
template <typename Skip>
void Collect(const SentenceTree& t, int i, const Skip& skip, std::vector<int>* out) {
  out->push_back(i);
  for (int c : t.children(i)) {
    if (!skip(c)) Collect(t, c, skip, out);
  }
}

// `i` and its whole subtree.
std::vector<int> Subtree(const SentenceTree& t, int i);

// The words as written: sorted, a quotation left open at an edge closed by
// its partner next to it, punctuation at the edges dropped (brackets and
// quotes kept), runs of adjacent words as in the text and runs joined by a
// space. "" when no word but punctuation is left.
std::string Render(const SentenceTree& t, std::vector<int> words);

// A word that heads a clause of its own: a verb, a copular predicate, or
// any word with a subject.
bool ClauseHead(const SentenceTree& t, int i);

// `n` and its conjuncts that are nominals, not clauses ("A, B and C").
std::vector<int> Conjuncts(const SentenceTree& t, int n);

// The text of nominal `n` as the subject of the clause of predicate `v`:
// the subtree of `n` without its preposition, without the part that holds
// `v` ("an opening that led to …" is "an opening" for "led"), without
// relative clauses (they get tuples of their own) and, when `n` is itself a
// predicate ("the system serving …" of "X is the system serving …"),
// without the words of its own clause.
std::string NounText(const SentenceTree& t, int n, int v);

}  // namespace kg::loader::tree::open_ie

#endif  // KG_LOADER_TREE_OPEN_IE_WORDS_H_
