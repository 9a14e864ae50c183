// The read-only per-sentence context of tree-based extraction: the trained
// parser's words (syntax/sentence.h) with their dependency tree, indexed for
// the questions every pattern asks (children by relation, subtree spans, the
// text of a span as written).
#ifndef KG_LOADER_TREE_SENTENCE_TREE_H_
#define KG_LOADER_TREE_SENTENCE_TREE_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/sentence.h"

namespace kg::loader::tree {

// Whether `w` is one of `set` (word lists written in the code).
inline bool OneOf(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view x : set) {
    if (x == w) return true;
  }
  return false;
}

// An inclusive word range [first, last]; empty when last < first.
struct Span {
  int first = 0;
  int last = -1;
  bool empty() const { return last < first; }
  int size() const { return last - first + 1; }
  bool Contains(int i) const { return i >= first && i <= last; }
};

// What SentenceTree and the patterns assume of a parse of `text`: an
// offset per word, every word inside the text, heads in range, and a tree
// (every word reaches the root, no cycle). Callers check it first.
bool WellFormedTree(const syntax::Sentence& parse, std::string_view text);

class SentenceTree {
 public:
  // `parse` must carry offsets into `text` (linguistics::ParseSentence does).
  // Both must outlive the tree.
  SentenceTree(const syntax::Sentence& parse, std::string_view text);

  int size() const { return static_cast<int>(parse_.words.size()); }
  const syntax::Word& word(int i) const { return parse_.words[static_cast<size_t>(i)]; }
  const std::string& lemma(int i) const { return word(i).lemma; }
  const std::string& upos(int i) const { return word(i).upos; }
  // Lower-case form (ASCII letters).
  const std::string& lower(int i) const { return lower_[static_cast<size_t>(i)]; }
  // 0-based head, -1 for the root.
  int head(int i) const { return word(i).head - 1; }
  // The relation without its subtype ("nmod" for "nmod:poss").
  std::string_view rel(int i) const;
  const std::string& deprel(int i) const { return word(i).deprel; }
  const std::vector<int>& children(int i) const { return children_[static_cast<size_t>(i)]; }

  // Children whose deprel is `rel` exactly, or whose base relation is `rel`
  // when `rel` has no subtype ("obl" matches "obl:tmod"), in order.
  std::vector<int> Children(int i, std::string_view rel) const;
  // The first such child, or -1.
  int Child(int i, std::string_view rel) const;
  // The lower-case form of the `case` child of a nominal ("in" of "in
  // Peru"), with a second word joined by a space ("such as"); "" if none.
  std::string CaseOf(int i) const;
  bool HasChildLemma(int i, std::string_view rel, std::string_view lemma) const;

  // The words of i's subtree (first and last word; the tree is projective
  // after the parser's lifting, so the span holds exactly the subtree).
  Span Subtree(int i) const { return subtree_[static_cast<size_t>(i)]; }
  // i's subtree without the children that satisfy `drop` (and their
  // subtrees) at its left or right edge.
  template <typename Pred>
  Span SubtreeWithout(int i, Pred drop) const {
    Span s = Subtree(i);
    const std::vector<int>& ch = children(i);
    for (int c : ch) {  // left edge, outermost first
      if (c > i || !drop(c)) continue;
      if (Subtree(c).first == s.first) s.first = Subtree(c).last + 1;
    }
    for (auto it = ch.rbegin(); it != ch.rend(); ++it) {  // right edge, outermost first
      if (*it < i || !drop(*it)) continue;
      if (Subtree(*it).last == s.last) s.last = Subtree(*it).first - 1;
    }
    return s;
  }
  // True when `a` is `d` or one of its ancestors.
  bool Dominates(int a, int d) const;

  // The text of a span as written (original spacing), "" if empty.
  std::string Text(Span s) const;
  // Byte offsets of a word in the sentence text.
  uint32_t Begin(int i) const { return parse_.offsets[static_cast<size_t>(i)]; }
  uint32_t End(int i) const { return Begin(i) + static_cast<uint32_t>(word(i).form.size()); }
  std::string_view text() const { return text_; }

  bool Capitalized(int i) const;
  bool IsVerbal(int i) const { return upos(i) == "VERB" || upos(i) == "AUX"; }
  bool IsNominal(int i) const;
  // An adverbial clause set off by a subordinator or a comma (", while X
  // said …", "because …"): no part of the phrase it hangs in.
  bool SetOffClause(int i) const;
  // Span `s` of i's phrase without a set-off clause that ends it at any
  // depth ("a plan to build data centres in Japan, while X said …").
  Span WithoutTrailingSetOffClause(int i, Span s) const;

 private:
  const syntax::Sentence& parse_;
  std::string_view text_;
  std::vector<std::string> lower_;
  std::vector<std::vector<int>> children_;
  std::vector<Span> subtree_;
};

}  // namespace kg::loader::tree

#endif  // KG_LOADER_TREE_SENTENCE_TREE_H_
