#include "loader/linguistics/described_names.h"

#include "loader/linguistics/tree_edit.h"

namespace kg::loader::linguistics {

void SplitNamesCoordinatedWithDescriptions(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  for (int x = 0; x + 2 < n; ++x) {
    const int h = HeadIndex(word(x));
    if (word(x).upos != "PROPN" || word(x).deprel != "compound" || h <= x + 2 || word(h).upos != "PROPN")
      continue;
    // The description after "and": a conjunct of x before h.
    int desc = -1, conjunction = -1;
    for (int k = x + 1; k < h; ++k) {
      if (HeadIndex(word(k)) == x && word(k).deprel == "conj") desc = k;
    }
    // (A description, written in lower case; "Alpha and Omega Systems" is
    // one name.)
    if (desc < 0 || word(desc).form.empty() || word(desc).form[0] < 'a' || word(desc).form[0] > 'z') continue;
    for (int k = x + 1; k < desc; ++k) {
      if (HeadIndex(word(k)) == desc && word(k).deprel == "cc" && word(k).form == "and") conjunction = k;
    }
    // The second name's own words follow the description right up to h.
    bool name_after = true;
    for (int k = desc + 1; k < h; ++k)
      name_after = name_after && word(k).upos == "PROPN" && HeadIndex(word(k)) == h;
    if (conjunction < 0 || !name_after) continue;
    Attach(s, x, HeadIndex(word(h)), word(h).deprel.c_str());
    Attach(s, h, x, "conj");
    Attach(s, conjunction, h, "cc");
    Attach(s, desc, h, "nmod:desc");
  }
}

}  // namespace kg::loader::linguistics
