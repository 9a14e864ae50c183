// Training trees must be projective for the arc-eager oracle. EWT has few
// crossing arcs (0.17 % of train arcs, 0.14 % of dev), so a crossing arc's
// dependent is lifted to its grandparent until the tree is projective, label
// unchanged (Nivre & Nilsson 2005's lifting without their label encoding):
// the parser then never predicts those arcs, which bounds the cost at the
// share of non-projective arcs.
#ifndef KG_SYNTAX_PROJECTIVIZE_H_
#define KG_SYNTAX_PROJECTIVIZE_H_

#include <vector>

namespace kg::syntax {

// heads[i] in 0..n (n = root) for words 0..n-1. Whether the arc of word d
// crosses another arc.
bool IsNonProjectiveArc(const std::vector<int>& heads, int d);

// Lifts crossing arcs in place; returns how many lifts were made.
int Projectivize(std::vector<int>& heads);

}  // namespace kg::syntax

#endif  // KG_SYNTAX_PROJECTIVIZE_H_
