#include "loader/tree/open_ie_appositions.h"

#include <string>
#include <utility>

#include "loader/tree/open_ie_words.h"

namespace kg::loader::tree::open_ie {

void AppositionTuples(const SentenceTree& t, std::vector<RawFact>* out) {
  for (int n = 0; n < t.size(); ++n) {
    if (!t.IsNominal(n)) continue;
    for (int a : t.Children(n, "appos")) {
      if (!t.IsNominal(a)) continue;
      // The noun without the apposition, its preposition and what follows
      // the apposition.
      std::vector<int> noun;
      Collect(
          t, n,
          [&](int c) {
            if (c == a) return true;
            if (t.head(c) != n) return false;
            return c > a || (c < n && OneOf(t.rel(c), {"case", "cc", "mark"}));
          },
          &noun);
      std::vector<int> apposition = Subtree(t, a);
      if (t.upos(a) == "PROPN" && t.upos(n) != "PROPN") std::swap(noun, apposition);
      RawFact f;
      f.arg1 = Render(t, std::move(noun));
      f.relation = "be";
      f.args.push_back(Render(t, std::move(apposition)));
      f.confidence = 0.8;
      if (!f.arg1.empty() && !f.args.front().empty()) out->push_back(std::move(f));
    }
  }
}

}  // namespace kg::loader::tree::open_ie
