#include "loader/linguistics/name_case.h"

#include <cctype>
#include <string>
#include <string_view>

#include "loader/text/descriptors.h"
#include "loader/text/short_forms.h"

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

// A model designation: digits with capital letters ("767-300ER", "3DX"),
// which goes on the name before it ("Boeing 767-300ER").
bool ModelDesignation(std::string_view w) {
  if (w.empty() || w[0] < '0' || w[0] > '9') return false;
  for (char c : w) {
    if (Upper(c)) return true;
  }
  return false;
}

}  // namespace

void TagCapitalsAsNames(const syntax::Sentence& s, const syntax::LabelSet& classes, std::vector<int>* ids) {
  if (ids->size() != s.words.size() || TitleLike(s)) return;
  const int nnp = classes.Find("PROPN\tNNP");
  const int nnps = classes.Find("PROPN\tNNPS");
  if (nnp == syntax::LabelSet::kMissing) return;
  for (size_t i = 0; i < s.words.size(); ++i) {
    const std::string& form = s.words[i].form;
    if (i > 0 && ModelDesignation(form) && classes.Name((*ids)[i - 1]).rfind("PROPN", 0) == 0) {
      (*ids)[i] = nnp;
      continue;
    }
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

void TagDefinedNames(const syntax::Sentence& s, const syntax::LabelSet& classes, std::vector<int>* ids) {
  if (ids->size() != s.words.size()) return;
  const int nnp = classes.Find("PROPN\tNNP");
  if (nnp == syntax::LabelSet::kMissing) return;
  std::vector<std::string_view> forms;
  for (const syntax::Word& w : s.words) forms.emplace_back(w.form);
  // Before tagging, only the words themselves say where a long form stops.
  auto may_hold = [&forms](size_t i) {
    const auto b = forms[i].empty() ? 0 : static_cast<unsigned char>(forms[i][0]);
    return b >= 0x80 || std::isalnum(b) != 0;
  };
  for (const text::WordRange& r : text::BracketDefinedNames(forms, may_hold)) {
    for (size_t i = r.first; i <= r.last; ++i) {
      // Capitalized ASCII words are TagCapitalsAsNames' ("European" stays an
      // adjective); the others are lower-case or start with a diacritic.
      if (Upper(forms[i][0])) continue;
      const std::string& cls = classes.Name((*ids)[i]);
      const std::string_view upos = std::string_view(cls).substr(0, cls.find('\t'));
      // Function words inside a name keep their tags ("Bank of Spain").
      if (upos == "NOUN" || upos == "ADJ" || upos == "VERB" || upos == "X" || upos == "SYM") (*ids)[i] = nnp;
    }
  }
}

void TagOpeningWord(const syntax::Sentence& s, const syntax::LabelSet& classes,
                    const std::function<bool(std::string_view)>& known_name, std::vector<int>* ids) {
  if (ids->size() != s.words.size() || s.words.size() < 3 || TitleLike(s)) return;
  const std::string& form = s.words[0].form;
  if (form.empty() || !Upper(form[0]) || Acronym(form)) return;
  const std::string& cls = classes.Name((*ids)[0]);
  const std::string_view upos = std::string_view(cls).substr(0, cls.find('\t'));
  const int nnp = classes.Find("PROPN\tNNP");
  const int nn = classes.Find("NOUN\tNN");
  if (nnp == syntax::LabelSet::kMissing || nn == syntax::LabelSet::kMissing) return;
  if (known_name && known_name(form) && (upos == "NOUN" || upos == "VERB" || upos == "X")) {
    (*ids)[0] = nnp;
    return;
  }
  // "Chipmaker Orvane": a company description, not part of the name.
  std::string lower = form;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (text::IsOpeningDescriptor(lower) && !s.words[1].form.empty() && Upper(s.words[1].form[0])) {
    (*ids)[0] = nn;
    return;
  }
  if (upos != "VERB") return;
  // "Chip giant Orvane", "Drugmaker unit Pellix": one to three lower-case
  // nouns or adjectives, then a capitalized word.
  size_t i = 1;
  for (; i < s.words.size() && i <= 3; ++i) {
    const std::string& w = s.words[i].form;
    const std::string& c = classes.Name((*ids)[i]);
    const bool modifier = c.rfind("NOUN\t", 0) == 0 || c.rfind("ADJ\t", 0) == 0;
    if (w.empty() || !Lower(w[0]) || !modifier) break;
  }
  if (i == 1 || i >= s.words.size() || s.words[i].form.empty() || !Upper(s.words[i].form[0])) return;
  (*ids)[0] = nn;
}

}  // namespace kg::loader::linguistics
