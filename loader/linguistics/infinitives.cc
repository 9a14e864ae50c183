#include "loader/linguistics/infinitives.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>
#include <string_view>

#include "syntax/wordnet.h"

namespace kg::loader::linguistics {
namespace {

std::string_view Upos(const syntax::LabelSet& classes, int id) {
  const std::string& name = classes.Name(id);
  return std::string_view(name).substr(0, name.find('\t'));
}

// "chosen to invest in the UK and open new plants", "will create jobs and
// spur investment": after "and"/"or", a base verb form the tagger read as
// an adjective or noun, followed by what starts a noun phrase, continues an
// infinitive (or a verb after a modal) earlier in the sentence when no
// finite verb comes between.
void TagCoordinatedInfinitives(const syntax::Sentence& s, const syntax::LabelSet& classes, int vb,
                               std::vector<int>* ids) {
  int infinitive = -1;  // the latest "to" + VB with no finite verb after it
  for (size_t i = 1; i + 1 < s.words.size(); ++i) {
    const std::string& cls = classes.Name((*ids)[i]);
    if (cls == "VERB\tVBD" || cls == "VERB\tVBZ" || cls == "VERB\tVBP" || cls == "AUX\tMD") infinitive = -1;
    // "to open", and after a modal ("will also create jobs and spur …").
    const bool after_modal =
        classes.Name((*ids)[i - 1]) == "AUX\tMD" ||
        (i >= 2 && Upos(classes, (*ids)[i - 1]) == "ADV" && classes.Name((*ids)[i - 2]) == "AUX\tMD");
    if ((*ids)[i] == vb && (s.words[i - 1].form == "to" || after_modal)) infinitive = static_cast<int>(i);
    if (infinitive < 0 || (s.words[i - 1].form != "and" && s.words[i - 1].form != "or")) continue;
    if (cls != "ADJ\tJJ" && cls != "NOUN\tNN") continue;
    const std::string_view next = Upos(classes, (*ids)[i + 1]);
    if (next != "DET" && next != "ADJ" && next != "NOUN" && next != "PROPN" && next != "NUM") continue;
    const syntax::WordInfo info = syntax::LookupWord(s.words[i].form);
    // A base form only: "open", "build"; not "new" or "expanded".
    if (info.verb && syntax::MorphBase(s.words[i].form, 'v').empty()) (*ids)[i] = vb;
  }
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
    // "grants to 14 communities to upgrade aging water plants": an -ing
    // modifier after it opens the object too, when the word is a verb's
    // base form.
    if (classes.Name((*ids)[i + 1]) == "VERB\tVBG" && syntax::LookupWord(s.words[i].form).verb &&
        syntax::MorphBase(s.words[i].form, 'v').empty())
      (*ids)[i] = vb;
  }
  TagCoordinatedInfinitives(s, classes, vb, ids);
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
    // "…, and plans to open a depot": a second verb of the subject.
    if (s.words[i - 1].form == "and" || s.words[i - 1].form == "but") {
      (*ids)[i] = vbz;
      continue;
    }
    // "Holtec, which acquired the plant in 2022, plans to return it …": the
    // comma closes a relative clause on the subject.
    if (s.words[i - 1].form == ",") {
      bool relative = false;
      for (size_t k = 1; k + 1 < i; ++k) {
        relative = relative ||
                   (s.words[k - 1].form == "," && (s.words[k].form == "which" || s.words[k].form == "who"));
      }
      if (relative) {
        (*ids)[i] = vbz;
        continue;
      }
    }
    // ("Japan's Tamura Electric plans to": a capitalized adjective inside a
    // name ends the name as a proper noun does.)
    const bool name_adjective = Upos(classes, (*ids)[i - 1]) == "ADJ" && !s.words[i - 1].form.empty() &&
                                std::isupper(static_cast<unsigned char>(s.words[i - 1].form[0])) != 0;
    if (prev != "NOUN\tNN" && prev != "PROPN\tNNP" && !name_adjective) continue;
    const std::string_view before = Upos(classes, (*ids)[i - 2]);
    if (before == "DET" || before == "PROPN" || before == "NOUN") (*ids)[i] = vbz;
  }
}

}  // namespace kg::loader::linguistics
