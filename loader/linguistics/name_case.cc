#include "loader/linguistics/name_case.h"

#include <string>
#include <string_view>

namespace kg::loader::linguistics {
namespace {

bool Upper(char c) { return c >= 'A' && c <= 'Z'; }
bool Lower(char c) { return c >= 'a' && c <= 'z'; }

bool Acronym(std::string_view w) {
  if (w.size() < 2) return false;
  for (char c : w) {
    if (!Upper(c)) return false;
  }
  return true;
}

// Title case or capitals ("EX-IM BANK SUPPORTS U.S. AIRCRAFT EXPORTS",
// "Solar Panel Manufacturer Gets $400 Million"): capitals say nothing.
bool TitleLike(const syntax::Sentence& s) {
  int words = 0;
  int capitalized = 0;
  for (const syntax::Word& w : s.words) {
    if (w.form.empty() || !(Upper(w.form[0]) || Lower(w.form[0]))) continue;
    ++words;
    if (Upper(w.form[0])) ++capitalized;
  }
  return words >= 3 && capitalized * 2 > words;
}

// A capital after these starts a quotation, a list item or a new clause.
bool OpensText(std::string_view prev) {
  return prev == ":" || prev == "\"" || prev == "\u201c" || prev == "(" || prev == ";" || prev == "-" ||
         prev == "\u2013" || prev == "\u2014" || prev == "'" || prev == "\u2018" || prev == "[";
}

}  // namespace

void TagCapitalsAsNames(const syntax::Sentence& s, const syntax::LabelSet& classes, std::vector<int>* ids) {
  if (ids->size() != s.words.size() || TitleLike(s)) return;
  const int nnp = classes.Find("PROPN\tNNP");
  const int nnps = classes.Find("PROPN\tNNPS");
  if (nnp == syntax::LabelSet::kMissing) return;
  for (size_t i = 0; i < s.words.size(); ++i) {
    const std::string& form = s.words[i].form;
    if (form.empty() || !Upper(form[0])) continue;
    const bool acronym = Acronym(form);
    if (i == 0 ? !acronym : OpensText(s.words[i - 1].form)) continue;
    const std::string& cls = classes.Name((*ids)[i]);
    const std::string_view upos = std::string_view(cls).substr(0, cls.find('\t'));
    if (upos != "NOUN" && upos != "VERB" && upos != "INTJ" && upos != "X") continue;
    const bool plural = cls == "NOUN\tNNS" && !acronym;
    (*ids)[i] = plural && nnps != syntax::LabelSet::kMissing ? nnps : nnp;
  }
}

}  // namespace kg::loader::linguistics
