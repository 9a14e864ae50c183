// The transition system and its oracles: the static oracle rebuilds every
// (projectivized) tree of the training treebank exactly, the dynamic oracle's
// costs agree with what actually becomes unreachable, and lifting makes trees
// projective.
#include "syntax/arc_eager.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "syntax/conllu.h"
#include "syntax/projectivize.h"

namespace kg::syntax {
namespace {

// Gold heads in transition numbering (root = n) and label ids (0 = root).
struct Tree {
  std::vector<int> heads, labels;
};

int RunOracle(const ArcEager& sys, const Tree& gold, ParseState* st) {
  int steps = 0;
  while (!st->Terminal() && steps < 10000) {
    int a = StaticOracle(sys, *st, gold.heads, gold.labels);
    if (a < 0 || !st->Legal(sys, a)) return -1;
    st->Apply(sys, a);
    ++steps;
  }
  return steps;
}

TEST(ArcEager, ActionNumbering) {
  ArcEager sys(3, 0);
  EXPECT_EQ(sys.num_actions(), 8);
  EXPECT_EQ(sys.KindOf(sys.Action(Transition::kLeft, 2)), Transition::kLeft);
  EXPECT_EQ(sys.LabelOf(sys.Action(Transition::kRight, 1)), 1);
  EXPECT_EQ(sys.LabelOf(0), -1);
}

TEST(ArcEager, StaticOracleRebuildsSmallTree) {
  // "Kim saw the dog": saw is the root; Kim <- saw -> dog -> the... (the <- dog)
  Tree gold{{1, 4, 3, 1}, {1, 0, 2, 3}};
  ArcEager sys(4, 0);
  ParseState st(4);
  int steps = RunOracle(sys, gold, &st);
  EXPECT_EQ(steps, 8);  // 2n transitions in arc-eager with the root at the end
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(st.heads()[static_cast<size_t>(i)], gold.heads[static_cast<size_t>(i)]);
    EXPECT_EQ(st.labels()[static_cast<size_t>(i)], gold.labels[static_cast<size_t>(i)]);
  }
}

TEST(ArcEager, RootOnlyThroughLeftWithRootLabel) {
  ArcEager sys(2, 0);
  ParseState st(1);
  EXPECT_FALSE(st.Legal(sys, sys.Action(Transition::kLeft, 0)));  // empty stack
  st.Apply(sys, 0);  // SHIFT: buffer is now the root
  EXPECT_FALSE(st.Legal(sys, 0));
  EXPECT_FALSE(st.Legal(sys, sys.Action(Transition::kLeft, 1)));
  EXPECT_FALSE(st.Legal(sys, sys.Action(Transition::kRight, 1)));
  EXPECT_TRUE(st.Legal(sys, sys.Action(Transition::kLeft, 0)));
  st.Apply(sys, sys.Action(Transition::kLeft, 0));
  EXPECT_TRUE(st.Terminal());
  EXPECT_EQ(st.heads()[0], 1);
}

TEST(ArcEager, DynamicOracleCostsMatchLoss) {
  // From the initial state of "Kim saw the dog", SHIFT then SHIFT (instead of
  // LEFT) loses exactly the arc saw -> Kim.
  Tree gold{{1, 4, 3, 1}, {1, 0, 2, 3}};
  ArcEager sys(4, 0);
  ParseState st(4);
  std::vector<int> costs;
  ActionCosts(sys, st, gold.heads, gold.labels, &costs);
  EXPECT_EQ(costs[0], 0);   // SHIFT
  EXPECT_EQ(costs[1], -1);  // REDUCE is illegal
  st.Apply(sys, 0);
  ActionCosts(sys, st, gold.heads, gold.labels, &costs);
  EXPECT_EQ(costs[0], 1);                                    // SHIFT loses Kim <- saw
  EXPECT_EQ(costs[sys.Action(Transition::kLeft, 1)], 0);     // the gold arc
  EXPECT_EQ(costs[sys.Action(Transition::kLeft, 2)], 1);     // right arc, wrong label
  EXPECT_EQ(costs[sys.Action(Transition::kRight, 2)], 2);    // loses both arcs
}

TEST(Projectivize, LiftsCrossingArc) {
  // Words 0..3, root 4: 0 <- 2, 1 <- 3, 2 <- 4(root), 3 <- 0: arc 0->3 crosses 2->... 
  std::vector<int> heads{2, 3, 4, 0};
  bool crossing = false;
  for (int d = 0; d < 4; ++d) crossing |= IsNonProjectiveArc(heads, d);
  EXPECT_TRUE(crossing);
  EXPECT_GE(Projectivize(heads), 1);
  for (int d = 0; d < 4; ++d) EXPECT_FALSE(IsNonProjectiveArc(heads, d)) << d;
}

TEST(ArcEager, StaticOracleRebuildsEveryTrainingTree) {
  std::ifstream in(KG_UD_DIR "/en_ewt-ud-train.conllu");
  if (!in) GTEST_SKIP() << "treebank not found";
  std::stringstream ss;
  ss << in.rdbuf();
  std::vector<std::string> warnings;
  auto sents = ReadConllu(ss.str(), &warnings);
  ASSERT_TRUE(sents.ok());
  ArcEager sys(64, 0);
  std::unordered_map<std::string, int> label_ids{{"root", 0}};
  size_t rebuilt = 0, lifted = 0;
  for (const Sentence& s : sents.value()) {
    const int n = static_cast<int>(s.words.size());
    Tree gold;
    for (const Word& w : s.words) {
      gold.heads.push_back(w.head == 0 ? n : w.head - 1);
      auto [it, added] = label_ids.emplace(w.deprel, static_cast<int>(label_ids.size()));
      gold.labels.push_back(it->second);
    }
    lifted += Projectivize(gold.heads) > 0;
    ParseState st(n);
    ASSERT_GE(RunOracle(sys, gold, &st), 0);
    bool same = true;
    for (int i = 0; i < n; ++i) same &= st.heads()[static_cast<size_t>(i)] == gold.heads[static_cast<size_t>(i)] &&
                                        st.labels()[static_cast<size_t>(i)] == gold.labels[static_cast<size_t>(i)];
    rebuilt += same;
  }
  EXPECT_EQ(rebuilt, sents.value().size());
  EXPECT_GT(lifted, 200u);  // EWT train has 288 non-projective sentences
  EXPECT_LT(lifted, 400u);
}

}  // namespace
}  // namespace kg::syntax
