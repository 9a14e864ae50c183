#include "loader/linguistics/owner_repairs.h"

#include <string>

#include "loader/linguistics/tree_edit.h"
#include "loader/text/ascii_lower.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::linguistics {

namespace {

// Words an owned facility's phrase may hold between its owner and its noun:
// names, numbers, modifiers, commas and hyphens ("its 1,600-employee
// Salem, VA plant").
bool FacilityModifierWord(const syntax::Word& w) {
  return w.upos == "PROPN" || w.upos == "NUM" || w.upos == "ADJ" || w.upos == "NOUN" || w.form == "," ||
         w.form == "-";
}

bool FacilityNoun(const syntax::Word& w) {
  return w.upos == "NOUN" && OneOfWords(w.form, {"plant", "factory", "mill", "site", "facility", "works",
                                                 "refinery", "smelter", "campus", "warehouse", "yard"});
}

}  // namespace

void HeadOwnedFacilityOnItsNoun(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  for (int q = 0; q + 2 < n; ++q) {
    if (word(q).deprel != "nmod:poss") continue;
    // The facility noun that ends the phrase, with a name before it.
    int noun = -1;
    bool named = false;
    for (int k = q + 1; k < n && k <= q + 8 && FacilityModifierWord(word(k)); ++k) {
      named = named || word(k).upos == "PROPN";
      if (FacilityNoun(word(k))) {
        noun = k;
        break;
      }
    }
    if (noun < 0 || !named) continue;
    // The phrase's top word: the one word of [q, noun] hung outside it.
    int top = -1, tops = 0;
    for (int k = q; k <= noun; ++k) {
      const int h = HeadIndex(word(k));
      if (h < q || h > noun) top = k, ++tops;
    }
    if (tops != 1 || top == noun) continue;
    Attach(s, noun, HeadIndex(word(top)), word(top).deprel.c_str());
    if (HeadIndex(word(noun)) < 0) word(noun).deprel = "root";
    // What hung on the old top outside the phrase ("at") hangs on the noun.
    for (int k = 0; k < n; ++k) {
      if ((k < q || k > noun) && HeadIndex(word(k)) == top) Attach(s, k, noun, word(k).deprel.c_str());
    }
    for (int k = q; k < noun; ++k) {
      syntax::Word& w = word(k);
      // A hyphenated word ("1,600-employee") keeps its inner tree, headed
      // by its last part.
      const bool before_hyphen = k + 2 <= noun && word(k + 1).form == "-";
      if (w.form == "-") {
        Attach(s, k, k - 1, "punct");
      } else if (before_hyphen) {
        Attach(s, k, k + 2, w.upos == "NUM" ? "nummod" : "compound");
      } else if (k == q) {
        Attach(s, k, noun, "nmod:poss");
      } else {
        Attach(s, k, noun,
               w.form == ","     ? "punct"
               : w.upos == "ADJ" ? "amod"
               : w.upos == "NUM" ? "nummod"
                                 : "compound");
      }
    }
  }
}

void AttachBareApostropheOwner(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  if (s.offsets.size() != s.words.size()) return;
  for (int a = 1; a + 1 < n; ++a) {
    const syntax::Word& owner = word(a - 1);
    if ((word(a).form != "'" && word(a).form != "\u2019") || owner.upos != "PROPN" ||
        owner.form.back() != 's' ||
        s.offsets[static_cast<size_t>(a - 1)] + owner.form.size() != s.offsets[static_cast<size_t>(a)])
      continue;
    // The noun the possessed phrase ends in, its words hung on it.
    int noun = -1;
    for (int k = a + 1; k < n && k <= a + 4; ++k) {
      if (word(k).upos == "NOUN") {
        noun = k;
        break;
      }
      if (word(k).upos != "PROPN" && word(k).upos != "ADJ" && word(k).upos != "NUM") break;
      if (HeadIndex(word(k)) != k + 1 && HeadIndex(word(k)) < k) break;
    }
    if (noun < 0 || word(a - 1).deprel == "nmod:poss") continue;
    // The owner's name: a - 1 and the name words before it hung on it.
    Attach(s, a - 1, noun, "nmod:poss");
    Attach(s, a, a - 1, "case");
  }
}

void AttachPossessedRoleBeforeName(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  auto lower = [&word](int i) { return text::AsciiLower(word(i).form); };
  for (int name = 3; name < n; ++name) {
    if (word(name).upos != "PROPN") continue;
    int poss = -1;
    for (int k = 0; k < name; ++k) {
      if (HeadIndex(word(k)) == name && word(k).deprel == "nmod:poss") poss = k;
    }
    // The name's run starts after a comma, and the word before the comma is
    // a role ("Orvane's chief executive , Dana Holt").
    int first = name;
    while (first > 0 && HeadIndex(word(first - 1)) == name && word(first - 1).upos == "PROPN") --first;
    const int comma = first - 1, role = first - 2;
    if (poss < 0 || role <= poss || word(comma).form != "," || HeadIndex(word(role)) != name) continue;
    std::string words = lower(role);
    for (int k = role - 1; k > poss && words.find(' ') == std::string::npos; --k)
      words = lower(k) + " " + words;
    if (tree::WordLists::Get().RolePredicate(words).empty() &&
        tree::WordLists::Get().RolePredicate(lower(role)).empty())
      continue;
    // The role heads the phrase with the owner; the name is its apposition.
    Attach(s, role, HeadIndex(word(name)), word(name).deprel.c_str());
    if (HeadIndex(word(role)) < 0) word(role).deprel = "root";
    word(role).upos = "NOUN";
    for (int k = poss; k < role; ++k) {
      if (HeadIndex(word(k)) == name) Attach(s, k, role, k == poss ? "nmod:poss" : "amod");
    }
    Attach(s, name, role, "appos");
    Attach(s, comma, name, "punct");
  }
}

void SplitNameCoordinatedWithOwner(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  for (int owner = 2; owner + 2 < n; ++owner) {
    const int mark = owner + 1;
    if (word(owner).upos != "PROPN" || word(owner).deprel != "conj" ||
        (word(mark).form != "'s" && word(mark).form != "’s") || HeadIndex(word(mark)) != owner)
      continue;
    const int first = HeadIndex(word(owner));  // "Motors"
    if (first < 0 || first >= owner || word(first).deprel != "compound") continue;
    const int second = HeadIndex(word(first));  // "Batteries"
    if (second <= mark || word(second).upos != "PROPN") continue;
    // The "and" between the names.
    int cc = -1;
    for (int k = first + 1; k < owner; ++k) {
      if (word(k).deprel == "cc" && HeadIndex(word(k)) == owner) cc = k;
    }
    if (cc < 0) continue;
    Attach(s, first, HeadIndex(word(second)), word(second).deprel.c_str());
    Attach(s, second, first, "conj");
    Attach(s, owner, second, "nmod:poss");
    Attach(s, cc, second, "cc");
    return;
  }
}

}  // namespace kg::loader::linguistics
