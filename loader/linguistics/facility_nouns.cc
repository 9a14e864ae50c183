#include "loader/linguistics/facility_nouns.h"

#include <string>
#include <string_view>

#include "loader/text/ascii_lower.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::linguistics {

void TagFacilityNouns(const syntax::Sentence& s, const syntax::LabelSet& classes, std::vector<int>* ids) {
  const int nn = classes.Find("NOUN\tNN");
  if (nn == syntax::LabelSet::kMissing || ids->size() != s.words.size()) return;
  auto cls = [&](size_t i) -> const std::string& { return classes.Name((*ids)[i]); };
  auto upos = [&](size_t i) { return std::string_view(cls(i)).substr(0, cls(i).find('\t')); };
  for (size_t i = 2; i < s.words.size(); ++i) {
    if (cls(i) != "VERB\tVB" && cls(i) != "VERB\tVBP") continue;
    if (!tree::WordLists::Get().InClass("facility", text::AsciiLower(s.words[i].form))) continue;
    if (upos(i - 1) != "NOUN") continue;
    if (i + 1 < s.words.size() && upos(i + 1) != "ADP" && upos(i + 1) != "PUNCT") continue;
    // The noun phrase before it is a preposition's object ("in a battery
    // materials plant"): back over its modifiers to the preposition.
    size_t k = i - 1;
    while (k > 0 && (upos(k) == "NOUN" || upos(k) == "ADJ" || upos(k) == "DET" || upos(k) == "NUM" ||
                     upos(k) == "PROPN"))
      --k;
    if (upos(k) == "ADP") (*ids)[i] = nn;
  }
}

}  // namespace kg::loader::linguistics
