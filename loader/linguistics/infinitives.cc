#include "loader/linguistics/infinitives.h"

#include <string>
#include <string_view>

namespace kg::loader::linguistics {
namespace {

std::string_view Upos(const syntax::LabelSet& classes, int id) {
  const std::string& name = classes.Name(id);
  return std::string_view(name).substr(0, name.find('\t'));
}

}  // namespace

void TagInfinitives(const syntax::Sentence& s, const syntax::LabelSet& classes, std::vector<int>* ids) {
  const int vb = classes.Find("VERB\tVB");
  const int nn = classes.Find("NOUN\tNN");
  if (vb == syntax::LabelSet::kMissing || nn == syntax::LabelSet::kMissing || ids->size() != s.words.size())
    return;
  for (size_t i = 1; i + 1 < s.words.size(); ++i) {
    if (s.words[i - 1].form != "to" || (*ids)[i] != nn) continue;
    const std::string_view next = Upos(classes, (*ids)[i + 1]);
    if (next == "DET" || next == "PROPN" || next == "PRON") (*ids)[i] = vb;
  }
}

}  // namespace kg::loader::linguistics
