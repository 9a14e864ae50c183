#include "loader/tree/sentence_tree.h"

#include <algorithm>
#include <cctype>

#include "loader/text/ascii_lower.h"
#include "loader/text/short_forms.h"

namespace kg::loader::tree {

SentenceTree::SentenceTree(const syntax::Sentence& parse, std::string_view text)
    : parse_(parse), text_(text) {
  const size_t n = parse.words.size();
  lower_.resize(n);
  children_.resize(n);
  subtree_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    lower_[i] = text::AsciiLower(parse.words[i].form);
    subtree_[i] = Span{static_cast<int>(i), static_cast<int>(i)};
  }
  for (size_t i = 0; i < n; ++i) {
    const int h = head(static_cast<int>(i));
    if (h >= 0 && h < static_cast<int>(n)) children_[static_cast<size_t>(h)].push_back(static_cast<int>(i));
  }
  // Spans grow bottom-up: walk each word's ancestors (depth is bounded by
  // the sentence length; the parser guarantees a tree, the guard a cycle).
  for (size_t i = 0; i < n; ++i) {
    int h = head(static_cast<int>(i));
    for (size_t guard = 0; h >= 0 && h < static_cast<int>(n) && guard < n; ++guard) {
      Span& s = subtree_[static_cast<size_t>(h)];
      s.first = std::min(s.first, static_cast<int>(i));
      s.last = std::max(s.last, static_cast<int>(i));
      h = head(h);
    }
  }
}

std::string_view SentenceTree::rel(int i) const {
  std::string_view d = deprel(i);
  const size_t colon = d.find(':');
  return colon == std::string_view::npos ? d : d.substr(0, colon);
}

std::vector<int> SentenceTree::Children(int i, std::string_view r) const {
  const bool exact = r.find(':') != std::string_view::npos;
  std::vector<int> out;
  for (int c : children(i)) {
    if (exact ? deprel(c) == r : rel(c) == r) out.push_back(c);
  }
  return out;
}

int SentenceTree::Child(int i, std::string_view r) const {
  const bool exact = r.find(':') != std::string_view::npos;
  for (int c : children(i)) {
    if (exact ? deprel(c) == r : rel(c) == r) return c;
  }
  return -1;
}

std::string SentenceTree::CaseOf(int i) const {
  std::string out;
  for (int c : children(i)) {
    if (rel(c) != "case" || c > i) continue;
    if (!out.empty()) out += ' ';
    out += lower(c);
    for (int f : children(c)) {
      if (rel(f) == "fixed") out += ' ' + lower(f);
    }
  }
  return out;
}

bool SentenceTree::HasChildLemma(int i, std::string_view r, std::string_view lem) const {
  for (int c : Children(i, r)) {
    if (lemma(c) == lem || lower(c) == lem) return true;
  }
  return false;
}

bool SentenceTree::Dominates(int a, int d) const {
  for (int guard = 0; d >= 0 && guard <= size(); ++guard) {
    if (d == a) return true;
    d = head(d);
  }
  return false;
}

std::string SentenceTree::Text(Span s) const {
  if (s.empty() || s.first < 0 || s.last >= size()) return "";
  const uint32_t b = Begin(s.first);
  const uint32_t e = End(s.last);
  if (e <= b || e > text_.size()) return "";
  return std::string(text_.substr(b, e - b));
}

bool SentenceTree::Capitalized(int i) const { return text::Capitalized(word(i).form); }

bool SentenceTree::IsNominal(int i) const {
  const std::string& u = upos(i);
  return u == "NOUN" || u == "PROPN" || u == "PRON" || u == "NUM" || u == "SYM";
}

// What the tree helpers assume: an offset per word, every word inside the
// text, heads in range, and a tree (every word reaches the root, no cycle).
bool WellFormedTree(const syntax::Sentence& p, std::string_view text) {
  const size_t n = p.words.size();
  if (n == 0 || p.offsets.size() != n) return false;
  for (size_t i = 0; i < n; ++i) {
    const int h = p.words[i].head;
    if (h < 0 || static_cast<size_t>(h) > n || static_cast<size_t>(h) == i + 1) return false;
    if (p.offsets[i] > text.size() || p.words[i].form.size() > text.size() - p.offsets[i]) return false;
  }
  // 0: not seen, 1: on the path being walked, 2: reaches the root.
  std::vector<char> state(n, 0);
  std::vector<size_t> path;
  for (size_t i = 0; i < n; ++i) {
    size_t w = i;
    path.clear();
    while (state[w] == 0) {
      state[w] = 1;
      path.push_back(w);
      if (p.words[w].head == 0) break;
      w = static_cast<size_t>(p.words[w].head - 1);
    }
    if (state[w] == 1 && p.words[w].head != 0) return false;  // a cycle
    for (size_t q : path) state[q] = 2;
  }
  return true;
}

bool SentenceTree::SetOffClause(int i) const {
  if (rel(i) != "advcl") return false;
  const int first = Subtree(i).first;
  if (lower(first) == "," || (first > 0 && lower(first - 1) == ",")) return true;
  for (int m : Children(i, "mark")) {
    if (OneOf(lower(m), {"while", "whereas", "although", "though", "because", "since", "unless", "as"}))
      return true;
  }
  return false;
}

Span SentenceTree::WithoutTrailingSetOffClause(int i, Span s) const {
  for (int guard = 0; guard < size(); ++guard) {
    int next = -1;
    for (int c : children(i)) {
      if (c > i && Subtree(c).last == s.last) next = c;
    }
    if (next < 0) return s;
    if (SetOffClause(next)) {
      s.last = Subtree(next).first - 1;
      return s;
    }
    i = next;
  }
  return s;
}

}  // namespace kg::loader::tree
