#include "loader/linguistics/infinitives.h"

#include <algorithm>
#include <iterator>
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
  // "the company plans to enhance …": a plural-looking noun between a
  // singular subject noun and "to" + verb is the subject's verb ("plans",
  // "aims", "wants"), not a compound ("the company's plans to" keeps it).
  const int nns = classes.Find("NOUN\tNNS");
  const int vbz = classes.Find("VERB\tVBZ");
  if (nns == syntax::LabelSet::kMissing || vbz == syntax::LabelSet::kMissing) return;
  for (size_t i = 2; i + 2 < s.words.size(); ++i) {
    if ((*ids)[i] != nns || s.words[i + 1].form != "to" || (*ids)[i + 2] != vb) continue;
    static const char* const kControl[] = {"plans",   "aims",  "wants",  "intends",  "hopes",    "seeks",
                                           "expects", "needs", "agrees", "decides",  "promises", "vows",
                                           "pledges", "tries", "wishes", "prepares", "continues"};
    if (std::find(std::begin(kControl), std::end(kControl), s.words[i].form) == std::end(kControl)) continue;
    const std::string& prev = classes.Name((*ids)[i - 1]);
    if (prev != "NOUN\tNN" && prev != "PROPN\tNNP") continue;
    const std::string_view before = Upos(classes, (*ids)[i - 2]);
    if (before == "DET" || before == "PROPN" || before == "NOUN") (*ids)[i] = vbz;
  }
}

}  // namespace kg::loader::linguistics
