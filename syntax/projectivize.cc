#include "syntax/projectivize.h"

#include <algorithm>
#include <cstdlib>

namespace kg::syntax {

namespace {

// Whether `h` dominates `w` (following heads up to the root).
bool Dominates(const std::vector<int>& heads, int h, int w) {
  const int n = static_cast<int>(heads.size());
  for (int steps = 0; w != h && w < n && steps <= n; ++steps) w = heads[static_cast<size_t>(w)];
  return w == h;
}

}  // namespace

bool IsNonProjectiveArc(const std::vector<int>& heads, int d) {
  int h = heads[static_cast<size_t>(d)];
  int lo = std::min(h, d), hi = std::max(h, d);
  for (int k = lo + 1; k < hi; ++k)
    if (!Dominates(heads, h, k)) return true;
  return false;
}

int Projectivize(std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size());
  int lifts = 0;
  while (lifts <= n * n) {
    // Lift the shortest crossing arc first: it is the one that can be fixed
    // with the least change to the tree.
    int best = -1, best_len = 0;
    for (int d = 0; d < n; ++d) {
      int h = heads[static_cast<size_t>(d)];
      if (h >= n || !IsNonProjectiveArc(heads, d)) continue;
      int len = std::abs(h - d);
      if (best < 0 || len < best_len) best = d, best_len = len;
    }
    if (best < 0) break;
    heads[static_cast<size_t>(best)] = heads[static_cast<size_t>(heads[static_cast<size_t>(best)])];
    ++lifts;
  }
  return lifts;
}

}  // namespace kg::syntax
