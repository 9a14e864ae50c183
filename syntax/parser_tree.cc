#include "syntax/parser_tree.h"

#include <algorithm>

#include "syntax/projectivize.h"

namespace kg::syntax {

bool TrainableTree(const Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  return n > 0 && std::all_of(s.words.begin(), s.words.end(),
                              [n](const Word& w) { return w.head >= 0 && w.head <= n; });
}

void GoldTree(const Sentence& s, const LabelSet& labels, std::vector<int>* heads,
              std::vector<int>* label_ids) {
  const int n = static_cast<int>(s.words.size());
  heads->resize(s.words.size());
  label_ids->resize(s.words.size());
  for (size_t i = 0; i < s.words.size(); ++i) {
    int h = s.words[i].head;
    (*heads)[i] = h <= 0 ? n : h - 1;
    int l = labels.Find(s.words[i].deprel);
    (*label_ids)[i] = l < 0 ? 0 : l;
  }
  Projectivize(*heads);
}

void WriteTree(const ParseState& st, const LabelSet& labels, Sentence* s) {
  const int n = static_cast<int>(s->words.size());
  int root = -1;
  for (int i = n - 1; i >= 0 && root < 0; --i)
    if (st.heads()[static_cast<size_t>(i)] == n) root = i;
  for (int i = 0; i < n; ++i) {
    Word& w = s->words[static_cast<size_t>(i)];
    int h = st.heads()[static_cast<size_t>(i)];
    if (h == n && i != root) {
      w.head = root + 1;
      w.deprel = "parataxis";
    } else {
      w.head = h == n ? 0 : h + 1;
      w.deprel = labels.Name(st.labels()[static_cast<size_t>(i)]);
    }
  }
}

}  // namespace kg::syntax
