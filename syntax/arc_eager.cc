#include "syntax/arc_eager.h"

namespace kg::syntax {

Transition::Kind ArcEager::KindOf(int action) const {
  if (action == 0) return Transition::kShift;
  if (action == 1) return Transition::kReduce;
  return action < 2 + num_labels_ ? Transition::kLeft : Transition::kRight;
}

int ArcEager::LabelOf(int action) const {
  if (action < 2) return -1;
  return (action - 2) % num_labels_;
}

int ArcEager::Action(Transition::Kind kind, int label) const {
  switch (kind) {
    case Transition::kShift:
      return 0;
    case Transition::kReduce:
      return 1;
    case Transition::kLeft:
      return 2 + label;
    case Transition::kRight:
      return 2 + num_labels_ + label;
  }
  return 0;
}

ParseState::ParseState(int n)
    : n_(n),
      in_stack_(static_cast<size_t>(n) + 1, 0),
      head_(static_cast<size_t>(n) + 1, -1),
      label_(static_cast<size_t>(n) + 1, -1),
      left_(static_cast<size_t>(n) + 1, {-1, -1}),
      right_(static_cast<size_t>(n) + 1, {-1, -1}),
      nleft_(static_cast<size_t>(n) + 1, 0),
      nright_(static_cast<size_t>(n) + 1, 0),
      lset_(static_cast<size_t>(n) + 1, 0),
      rset_(static_cast<size_t>(n) + 1, 0) {
  stack_.reserve(static_cast<size_t>(n));
}

bool ParseState::Legal(const ArcEager& sys, int action) const {
  int s0 = Stack(0);
  switch (sys.KindOf(action)) {
    case Transition::kShift:
      return buffer_ < n_;
    case Transition::kReduce:
      return s0 >= 0 && Head(s0) >= 0;
    case Transition::kLeft: {
      if (s0 < 0 || Head(s0) >= 0) return false;
      bool to_root = buffer_ == n_;
      return to_root == (sys.LabelOf(action) == sys.root_label());
    }
    case Transition::kRight:
      return s0 >= 0 && buffer_ < n_ && sys.LabelOf(action) != sys.root_label();
  }
  return false;
}

void ParseState::AddArc(int head, int dep, int label) {
  auto h = static_cast<size_t>(head);
  head_[static_cast<size_t>(dep)] = head;
  label_[static_cast<size_t>(dep)] = label;
  uint64_t bit = label < 64 ? (1ULL << label) : 0;
  if (dep < head) {
    // Dependents arrive left to right only on the right side; on the left a
    // new dependent is always further left than the ones already there.
    left_[h][1] = left_[h][0];
    left_[h][0] = dep;
    ++nleft_[h];
    lset_[h] |= bit;
  } else {
    right_[h][1] = right_[h][0];
    right_[h][0] = dep;
    ++nright_[h];
    rset_[h] |= bit;
  }
}

void ParseState::Apply(const ArcEager& sys, int action) {
  int s0 = Stack(0);
  switch (sys.KindOf(action)) {
    case Transition::kShift:
      stack_.push_back(buffer_);
      in_stack_[static_cast<size_t>(buffer_)] = 1;
      ++buffer_;
      break;
    case Transition::kReduce:
      stack_.pop_back();
      in_stack_[static_cast<size_t>(s0)] = 0;
      break;
    case Transition::kLeft:
      AddArc(buffer_, s0, sys.LabelOf(action));
      stack_.pop_back();
      in_stack_[static_cast<size_t>(s0)] = 0;
      break;
    case Transition::kRight:
      AddArc(s0, buffer_, sys.LabelOf(action));
      stack_.push_back(buffer_);
      in_stack_[static_cast<size_t>(buffer_)] = 1;
      ++buffer_;
      break;
  }
}

namespace {

// Whether w (0..n) is still in the buffer.
bool InBuffer(const ParseState& st, int w) { return w >= st.Buffer(0); }

}  // namespace

void ActionCosts(const ArcEager& sys, const ParseState& st, const std::vector<int>& gh,
                 const std::vector<int>& gl, std::vector<int>* costs) {
  costs->assign(static_cast<size_t>(sys.num_actions()), -1);
  const int n = st.n(), s0 = st.Stack(0), b = st.Buffer(0);
  // Gold dependents of b still on the stack without a head, and gold heads
  // of b on the stack: what SHIFT and RIGHT lose.
  int b_deps_in_stack = 0, b_head_in_stack = 0, s0_deps_in_buffer = 0;
  if (b < n) {
    for (int k = 0; k < n; ++k) {
      if (!st.InStack(k)) continue;
      if (gh[static_cast<size_t>(k)] == b && st.Head(k) < 0) ++b_deps_in_stack;
      if (gh[static_cast<size_t>(b)] == k) ++b_head_in_stack;
    }
  }
  if (s0 >= 0)
    for (int k = b; k < n; ++k) s0_deps_in_buffer += gh[static_cast<size_t>(k)] == s0;
  for (int a = 0; a < sys.num_actions(); ++a) {
    if (!st.Legal(sys, a)) continue;
    int c = 0;
    switch (sys.KindOf(a)) {
      case Transition::kShift:
        c = b_deps_in_stack + b_head_in_stack;
        break;
      case Transition::kReduce:
        c = s0_deps_in_buffer;
        break;
      case Transition::kLeft: {
        int h = gh[static_cast<size_t>(s0)];
        c = s0_deps_in_buffer + (InBuffer(st, h) && h != b ? 1 : 0);
        if (h == b && sys.LabelOf(a) != gl[static_cast<size_t>(s0)]) ++c;
        break;
      }
      case Transition::kRight: {
        int h = gh[static_cast<size_t>(b)];
        bool head_reachable = (st.InStack(h) && h != s0) || (InBuffer(st, h) && h != b);
        c = b_deps_in_stack + (head_reachable ? 1 : 0);
        if (h == s0 && sys.LabelOf(a) != gl[static_cast<size_t>(b)]) ++c;
        break;
      }
    }
    (*costs)[static_cast<size_t>(a)] = c;
  }
}

int StaticOracle(const ArcEager& sys, const ParseState& st, const std::vector<int>& gh,
                 const std::vector<int>& gl) {
  std::vector<int> costs;
  ActionCosts(sys, st, gh, gl, &costs);
  int s0 = st.Stack(0), b = st.Buffer(0);
  auto zero = [&](int a) { return costs[static_cast<size_t>(a)] == 0; };
  if (s0 >= 0) {
    int left = sys.Action(Transition::kLeft, gl[static_cast<size_t>(s0)]);
    if (gh[static_cast<size_t>(s0)] == b && zero(left)) return left;
    if (b < st.n()) {
      int right = sys.Action(Transition::kRight, gl[static_cast<size_t>(b)]);
      if (gh[static_cast<size_t>(b)] == s0 && zero(right)) return right;
    }
    if (zero(1)) return 1;
  }
  if (zero(0)) return 0;
  for (int a = 0; a < sys.num_actions(); ++a)
    if (zero(a)) return a;
  for (int a = 0; a < sys.num_actions(); ++a)
    if (costs[static_cast<size_t>(a)] >= 0) return a;
  return -1;
}

}  // namespace kg::syntax
