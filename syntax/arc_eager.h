// The arc-eager transition system (Nivre 2003) with the root at the end of
// the buffer (Ballesteros & Nivre 2013), and its dynamic oracle (Goldberg &
// Nivre 2012): the cost of every transition, i.e. how many gold arcs it makes
// unreachable, so training can learn to recover from its own mistakes.
//
// Words are 0..n-1 and the root is word n. Transitions: SHIFT moves the
// buffer front to the stack; REDUCE pops a stack top that has its head;
// LEFT(l) makes the buffer front the head of the stack top (with label l) and
// pops it; RIGHT(l) makes the stack top the head of the buffer front and
// pushes the front. The root never moves: a word takes it as head only
// through LEFT with the root label, once the buffer holds nothing else.
#ifndef KG_SYNTAX_ARC_EAGER_H_
#define KG_SYNTAX_ARC_EAGER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace kg::syntax {

struct Transition {
  enum Kind : uint8_t { kShift, kReduce, kLeft, kRight };
};

// Action ids: 0 SHIFT, 1 REDUCE, 2 + l LEFT(l), 2 + L + l RIGHT(l) for L labels.
class ArcEager {
 public:
  ArcEager(int num_labels, int root_label) : num_labels_(num_labels), root_label_(root_label) {}
  int num_actions() const { return 2 + 2 * num_labels_; }
  int num_labels() const { return num_labels_; }
  int root_label() const { return root_label_; }
  Transition::Kind KindOf(int action) const;
  int LabelOf(int action) const;  // -1 for SHIFT / REDUCE
  int Action(Transition::Kind kind, int label = 0) const;

 private:
  int num_labels_;
  int root_label_;
};

// A parser configuration plus the bookkeeping the features read (the two
// leftmost / rightmost dependents, valencies, label sets).
class ParseState {
 public:
  explicit ParseState(int n);

  int n() const { return n_; }
  bool Terminal() const { return buffer_ == n_ && stack_.empty(); }
  int StackSize() const { return static_cast<int>(stack_.size()); }
  // The i-th item from the stack top (0 = top), or -1.
  int Stack(int i) const { return i < StackSize() ? stack_[stack_.size() - 1 - static_cast<size_t>(i)] : -1; }
  // The i-th buffer item (0 = front; the root is n), or -1 past the root.
  int Buffer(int i) const { return buffer_ + i <= n_ ? buffer_ + i : -1; }
  bool InStack(int w) const { return in_stack_[static_cast<size_t>(w)] != 0; }

  int Head(int w) const { return w < 0 ? -1 : head_[static_cast<size_t>(w)]; }
  int Label(int w) const { return w < 0 ? -1 : label_[static_cast<size_t>(w)]; }
  // k-th leftmost (k = 0, 1) dependent left of w / rightmost right of w, or -1.
  int LeftDep(int w, int k) const { return w < 0 ? -1 : left_[static_cast<size_t>(w)][k]; }
  int RightDep(int w, int k) const { return w < 0 ? -1 : right_[static_cast<size_t>(w)][k]; }
  int LeftCount(int w) const { return w < 0 ? 0 : nleft_[static_cast<size_t>(w)]; }
  int RightCount(int w) const { return w < 0 ? 0 : nright_[static_cast<size_t>(w)]; }
  uint64_t LeftLabels(int w) const { return w < 0 ? 0 : lset_[static_cast<size_t>(w)]; }
  uint64_t RightLabels(int w) const { return w < 0 ? 0 : rset_[static_cast<size_t>(w)]; }

  bool Legal(const ArcEager& sys, int action) const;
  void Apply(const ArcEager& sys, int action);

  // Heads (the root is n) and labels of words 0..n; entry n (the root) stays -1.
  const std::vector<int>& heads() const { return head_; }
  const std::vector<int>& labels() const { return label_; }

 private:
  void AddArc(int head, int dep, int label);
  int n_;
  int buffer_ = 0;
  std::vector<int> stack_;
  std::vector<uint8_t> in_stack_;
  std::vector<int> head_, label_;
  std::vector<std::array<int, 2>> left_, right_;
  std::vector<int> nleft_, nright_;
  std::vector<uint64_t> lset_, rset_;
};

// The dynamic oracle: costs of all actions in `state` against a projective
// gold tree (gold_heads[i] in 0..n, n = root). Illegal actions get cost -1.
void ActionCosts(const ArcEager& sys, const ParseState& state, const std::vector<int>& gold_heads,
                 const std::vector<int>& gold_labels, std::vector<int>* costs);

// The static oracle's next action: the first zero-cost action among LEFT and
// RIGHT with the gold label, REDUCE, SHIFT. Rebuilds any projective tree.
int StaticOracle(const ArcEager& sys, const ParseState& state, const std::vector<int>& gold_heads,
                 const std::vector<int>& gold_labels);

}  // namespace kg::syntax

#endif  // KG_SYNTAX_ARC_EAGER_H_
