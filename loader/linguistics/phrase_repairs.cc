#include "loader/linguistics/phrase_repairs.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "loader/canonical/literals.h"
#include "loader/linguistics/tree_edit.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::linguistics {

namespace {

// A currency code written as a word ("EUR", "GBP"), which reads as money
// before a number.
bool CurrencyCode(const syntax::Word& w) {
  if (w.form.size() != 3) return false;
  for (char c : w.form) {
    if (c < 'A' || c > 'Z') return false;
  }
  return canonical::ParseMoney(w.form + " 1").has_value();
}

// The top word of the subtree that starts at `first`, if that subtree is
// one contiguous phrase hanging outside it; -1 otherwise.
int PhraseTop(const syntax::Sentence& s, int first) {
  int top = first;
  while (true) {
    const int h = HeadIndex(s.words[static_cast<size_t>(top)]);
    if (h < first) return top;
    top = h;
  }
}

}  // namespace

void JoinSplitAmount(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  for (int code = 0; code + 1 < n; ++code) {
    const syntax::Word& c = s.words[static_cast<size_t>(code)];
    if (!CurrencyCode(c) || s.words[static_cast<size_t>(code + 1)].upos != "NUM") continue;
    const int top = PhraseTop(s, code + 1);
    if (top == code || HeadIndex(s.words[static_cast<size_t>(top)]) != HeadIndex(c)) continue;
    // The code takes the amount's place; the amount becomes its number.
    const std::string rel = s.words[static_cast<size_t>(top)].deprel;
    Attach(s, code, HeadIndex(c), rel.c_str());
    if (c.head == 0) s.words[static_cast<size_t>(code)].deprel = "root";
    Attach(s, top, code, "nummod");
  }
}

namespace {

// Gerunds that name an industry or activity and so also modify nouns
// ("manufacturing equipment", "processing plant").
bool ActivityGerund(const std::string& form) {
  return OneOfWords(form, {"manufacturing", "processing", "mining", "farming", "printing", "packaging",
                           "computing", "shipping", "recycling", "refining", "engineering", "banking",
                           "drilling", "testing", "training"});
}

}  // namespace

void AttachActivityGerundAsModifier(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  for (int g = 1; g + 1 < n; ++g) {
    const int prep = g - 1;
    const int noun = g + 1;
    if (word(g).xpos != "VBG" || !ActivityGerund(word(g).form) || word(noun).upos != "NOUN") continue;
    if (HeadIndex(word(prep)) != g || HeadIndex(word(noun)) != g || word(noun).deprel != "obj") continue;
    const std::string& p = word(prep).form;
    if (p != "in" && p != "for" && p != "of" && p != "on") continue;
    // The noun heads the phrase in the gerund's place; the gerund and the
    // preposition hang on it.
    const int head = HeadIndex(word(g));
    Attach(s, noun, head, head >= 0 && s.words[static_cast<size_t>(head)].upos == "NOUN" ? "nmod" : "obl");
    if (head < 0) word(noun).deprel = "root";
    for (int c = 0; c < n; ++c) {
      if (c != noun && HeadIndex(word(c)) == g) Attach(s, c, noun, word(c).deprel.c_str());
    }
    Attach(s, g, noun, "compound");
    Attach(s, prep, noun, "case");
    word(prep).upos = "ADP";
    word(g).upos = "NOUN";
  }
}

void AttachBareConjunctAsApposition(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  std::vector<int> first(static_cast<size_t>(n));  // first word of each subtree
  for (int i = 0; i < n; ++i) first[static_cast<size_t>(i)] = i;
  for (int i = 0; i < n; ++i) {
    for (int h = HeadIndex(word(i)), guard = 0; h >= 0 && guard < n; h = HeadIndex(word(h)), ++guard)
      first[static_cast<size_t>(h)] = std::min(first[static_cast<size_t>(h)], i);
  }
  for (int c = 2; c < n; ++c) {
    const int head = HeadIndex(word(c));
    // (An apposition of a verb is as misplaced.)
    const bool misplaced = word(c).deprel == "appos" && head >= 0 && word(head).upos == "VERB";
    if ((word(c).deprel != "conj" && !misplaced) || word(c).upos != "NOUN") continue;
    bool det = false, cc = false, listed = false;
    for (int k = 0; k < n; ++k) {
      if (HeadIndex(word(k)) == c && word(k).deprel == "det") det = true;
      if (HeadIndex(word(k)) == c && word(k).deprel == "cc") cc = true;
      // Another conjunct with its "and" makes a list ("A, the B and C").
      if (k != c && HeadIndex(word(k)) == head && word(k).deprel == "conj") listed = true;
    }
    const int start = first[static_cast<size_t>(c)];  // the comma may hang on c
    const int comma = word(start).form == "," ? start : start - 1;
    if (!det || cc || listed || comma < 1 || word(comma).form != ",") continue;
    // The name before the comma, past a bracketed short form.
    int k = comma - 1;
    if (word(k).form == ")") {
      while (k > 0 && word(k).form != "(") --k;
      --k;
    }
    if (k < 0 || word(k).upos != "PROPN") continue;
    Attach(s, c, k, "appos");
  }
}

void AttachNameAfterDescription(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  for (int d = 0; d + 1 < n; ++d) {
    if (word(d).upos != "NOUN" || word(d + 1).upos != "PROPN") continue;
    // The noun hangs on a verb or, inside a phrase, on another noun ("its
    // takeover of Danish wind turbine maker Brevik").
    const int verb = HeadIndex(word(d));
    if (verb < 0) continue;
    const std::string& drel = word(d).deprel;
    const bool on_verb = word(verb).upos == "VERB" && (drel == "obj" || drel == "nsubj");
    const bool on_noun = word(verb).upos == "NOUN" && (drel == "nmod" || drel == "obj");
    if (!on_verb && !on_noun) continue;
    // The name's head: the last of its proper nouns, hung on the same verb
    // without a preposition.
    int last = d + 1;
    while (last + 1 < n && word(last + 1).upos == "PROPN") ++last;
    const std::string& rel = word(last).deprel;
    if (HeadIndex(word(last)) != verb || (rel != "obl:unmarked" && rel != "dep" && rel != "obj" &&
                                          rel != "iobj" && rel != "appos" && rel != "nmod:unmarked"))
      continue;
    bool inside = true;  // the other name words hang inside the name
    for (int k = d + 1; k < last; ++k)
      inside = inside && HeadIndex(word(k)) > d && HeadIndex(word(k)) <= last;
    if (inside) Attach(s, last, d, "appos");
  }
}

void SplitNameCoordinatedWithDescribedName(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  for (int d = 1; d + 1 < n; ++d) {
    const int named = HeadIndex(word(d));
    if (word(d).upos != "NOUN" || named <= d || word(named).upos != "PROPN") continue;
    if (word(d).deprel != "nmod:desc" && word(d).deprel != "compound") continue;
    for (int c = 0; c < d; ++c) {
      if (HeadIndex(word(c)) != d || word(c).deprel != "compound" || word(c).upos != "PROPN") continue;
      // The descriptor's own modifier after "and", which the parser made a
      // conjunct of the first name ("South Korean").
      int modifier = -1, conjunction = -1;
      for (int k = c + 1; k < d; ++k) {
        if (HeadIndex(word(k)) != c || word(k).deprel != "conj") continue;
        for (int a = c + 1; a < k; ++a) {
          if (HeadIndex(word(a)) == k && word(a).deprel == "cc" && word(a).form == "and") conjunction = a;
        }
        if (conjunction >= 0) modifier = k;
      }
      if (modifier < 0) continue;
      Attach(s, c, named, "conj");
      Attach(s, conjunction, c, "cc");
      Attach(s, modifier, d, word(modifier).upos == "PROPN" ? "amod" : word(modifier).deprel.c_str());
      break;
    }
  }
}

void JoinNounListMisreadAsVerb(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  auto child = [&](int h, const char* rel) {
    for (int c = 0; c < n; ++c) {
      if (HeadIndex(word(c)) == h && word(c).deprel == rel) return c;
    }
    return -1;
  };
  for (int v = 2; v + 1 < n; ++v) {
    const int h = HeadIndex(word(v));
    if (word(v).upos != "VERB" || word(v).deprel != "conj" || h < 0 || word(v - 1).form != ",") continue;
    if (child(v, "nsubj") >= 0 || child(v, "aux") >= 0 || child(v, "cc") >= 0 || child(v, "mark") >= 0)
      continue;
    const int first_obj = child(h, "obj");
    const int obj = v + 1;  // the misread noun's head, right after it
    if (first_obj < 0 || first_obj > v || HeadIndex(word(obj)) != v || word(obj).deprel != "obj" ||
        word(obj).upos != "NOUN")
      continue;
    // The list goes on after it with "and" + a noun: a list of things.
    const int next = child(obj, "conj");
    if (next < 0 || child(next, "cc") < 0 || word(next).upos != "NOUN") continue;
    Attach(s, obj, first_obj, "conj");
    Attach(s, v, obj, "compound");
    word(v).upos = "NOUN";
    Attach(s, v - 1, obj, "punct");
    Attach(s, next, first_obj, "conj");
  }
}

}  // namespace kg::loader::linguistics

namespace kg::loader::linguistics {

namespace {

// An agent noun: one who does something ("borrower", "operator").
bool AgentNoun(const syntax::Word& w) {
  const std::string& f = w.form;
  return w.upos == "NOUN" && f.size() > 4 &&
         (f.compare(f.size() - 2, 2, "er") == 0 || f.compare(f.size() - 2, 2, "or") == 0);
}

}  // namespace

void SplitAgentCoordinatedWithModifiedNoun(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  for (int a = 0; a + 3 < n; ++a) {
    const int noun = HeadIndex(word(a));
    if (!AgentNoun(word(a)) || word(a).deprel != "compound" || noun <= a + 2) continue;
    // "and" + an adjective conjunct of the agent noun, right before the
    // noun the parser made its head.
    const int cc = a + 1, adj = a + 2;
    if (noun != a + 3 || HeadIndex(word(adj)) != a || word(adj).deprel != "conj" || word(adj).upos != "ADJ" ||
        HeadIndex(word(cc)) != adj || word(cc).form != "and")
      continue;
    // The agent noun heads the phrase; the modified noun is its conjunct,
    // and what was written before the agent (its determiner) moves with it.
    Attach(s, a, HeadIndex(word(noun)), word(noun).deprel.c_str());
    for (int k = 0; k < a; ++k) {
      if (HeadIndex(word(k)) == noun) Attach(s, k, a, word(k).deprel.c_str());
    }
    Attach(s, noun, a, "conj");
    Attach(s, cc, noun, "cc");
    Attach(s, adj, noun, "amod");
  }
}

}  // namespace kg::loader::linguistics

namespace kg::loader::linguistics {

void JoinCommaSeparatedModifiers(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  auto joined = [&s](int a, int b) {  // a and b written without a space
    return s.offsets.size() == s.words.size() &&
           s.offsets[static_cast<size_t>(a)] + s.words[static_cast<size_t>(a)].form.size() ==
               s.offsets[static_cast<size_t>(b)];
  };
  for (int x = 2; x + 2 < n; ++x) {
    // x ends a hyphenated word ("thin-film") and a comma follows it.
    if (word(x).upos != "NOUN" || word(x - 1).form != "-" || !joined(x - 2, x - 1) || !joined(x - 1, x) ||
        word(x + 1).form != ",")
      continue;
    const int hx = HeadIndex(word(x));
    // The noun after the comma that the parser hung beside x as another
    // thing, with no determiner and no "and" of its own.
    int y = -1;
    for (int k = x + 2; k < n && y < 0; ++k) {
      const int h = HeadIndex(word(k));
      if (h < x + 2 || h >= n) {
        if ((h == x || (h == hx && hx >= 0)) && (word(k).deprel == "appos" || word(k).deprel == "conj"))
          y = k;
        break;
      }
    }
    if (y < 0 || word(y).upos != "NOUN") continue;
    bool own = false;
    for (int k = x + 2; k < y; ++k) {
      own = own || word(k).deprel == "det" || word(k).deprel == "cc" || word(k).form == ",";
    }
    if (own) continue;
    // y heads the phrase in x's place; x and its modifiers modify y.
    Attach(s, y, hx, word(x).deprel.c_str());
    if (hx < 0) word(y).deprel = "root";
    for (int k = 0; k < x; ++k) {
      if (HeadIndex(word(k)) == x && (word(k).deprel == "case" || word(k).deprel == "det")) {
        Attach(s, k, y, word(k).deprel.c_str());
      }
    }
    Attach(s, x, y, "compound");
    Attach(s, x + 1, y, "punct");
  }
}

}  // namespace kg::loader::linguistics

namespace kg::loader::linguistics {

void AttachLikeExampleToNoun(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  for (int like = 1; like + 3 < n; ++like) {
    if (word(like).form != "like" || word(like).deprel != "mark") continue;
    const int v = HeadIndex(word(like));
    const int noun = like - 1;
    if (v <= like || word(noun).upos != "NOUN") continue;
    // The infinitive's "subject" right after "like", and its "to".
    int subject = -1, to = -1;
    for (int k = like + 1; k < v; ++k) {
      if (HeadIndex(word(k)) != v) continue;
      if (word(k).deprel == "nsubj") subject = k;
      if (word(k).deprel == "mark" && word(k).form == "to") to = k;
    }
    if (subject < 0 || to < 0 || subject > to) continue;
    Attach(s, subject, noun, "nmod");
    Attach(s, like, subject, "case");
  }
}

}  // namespace kg::loader::linguistics

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

}  // namespace kg::loader::linguistics

namespace kg::loader::linguistics {

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

}  // namespace kg::loader::linguistics

namespace kg::loader::linguistics {

void AttachAmountRootToVerb(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  int root = -1;
  for (int i = 0; i < n; ++i) {
    if (word(i).head == 0) root = root < 0 ? i : -2;
  }
  // A sum: a currency sign or code heading its number ("£40 million").
  if (root < 1 || !(OneOfWords(word(root).form, {"$", "£", "€", "¥", "US$"}) || CurrencyCode(word(root))))
    return;
  // The verb right before the amount, hung on it, with a subject and no
  // object of its own.
  int verb = -1;
  for (int k = root - 1; k >= 0 && verb < 0; --k) {
    if (HeadIndex(word(k)) == root && word(k).upos == "VERB") verb = k;
  }
  if (verb < 0) return;
  bool subject = false, object = false;
  for (int k = 0; k < n; ++k) {
    if (HeadIndex(word(k)) != verb) continue;
    subject = subject || word(k).deprel == "nsubj";
    object = object || word(k).deprel == "obj";
  }
  if (!subject || object) return;
  for (int k = verb + 1; k < root; ++k) {
    if (word(k).upos != "ADV" && word(k).upos != "NOUN" && HeadIndex(word(k)) != root) return;
  }
  // The verb is the root; the amount its object; what hung on the amount
  // before the verb (the subject's words) and the final stop hang on it.
  Attach(s, verb, -1, "root");
  Attach(s, root, verb, "obj");
  for (int k = 0; k < n; ++k) {
    if (k == verb || HeadIndex(word(k)) != root) continue;
    if (k < verb || (word(k).upos == "PUNCT" && k == n - 1)) Attach(s, k, verb, word(k).deprel.c_str());
  }
}

}  // namespace kg::loader::linguistics

namespace kg::loader::linguistics {

void JoinHyphenatedPassivePredicate(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  if (s.offsets.size() != s.words.size()) return;
  auto joined = [&s](int a, int b) {
    return s.offsets[static_cast<size_t>(a)] + s.words[static_cast<size_t>(a)].form.size() ==
           s.offsets[static_cast<size_t>(b)];
  };
  for (int v = 2; v < n; ++v) {
    const int p = v - 2;
    if (word(v).xpos != "VBN" || HeadIndex(word(v)) != p || word(v - 1).form != "-" || !joined(p, v - 1) ||
        !joined(v - 1, v))
      continue;
    int cop = -1, subject = -1, agent = -1;
    for (int k = 0; k < n; ++k) {
      if (HeadIndex(word(k)) == p && word(k).deprel == "cop") cop = k;
      if (HeadIndex(word(k)) == p && word(k).deprel == "nsubj") subject = k;
      if (HeadIndex(word(k)) == v && word(k).deprel == "obl:agent") agent = k;
    }
    if (cop < 0 || subject < 0 || agent < 0) continue;
    // The participle heads a passive clause in the predicate's place; the
    // word before the hyphen modifies it ("majority-owned").
    Attach(s, v, HeadIndex(word(p)), word(p).deprel.c_str());
    if (HeadIndex(word(v)) < 0) word(v).deprel = "root";
    for (int k = 0; k < n; ++k) {
      if (k != v && HeadIndex(word(k)) == p && (k != v - 1)) Attach(s, k, v, word(k).deprel.c_str());
    }
    Attach(s, p, v, "advmod");
    Attach(s, v - 1, p, "punct");
    Attach(s, cop, v, "aux:pass");
    Attach(s, subject, v, "nsubj:pass");
  }
}

}  // namespace kg::loader::linguistics

namespace kg::loader::linguistics {

void AttachPossessedRoleBeforeName(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  auto lower = [&word](int i) {
    std::string l = word(i).form;
    for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return l;
  };
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

}  // namespace kg::loader::linguistics

namespace kg::loader::linguistics {

void DetachTimeWordFromSubject(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  for (int w = 1; w < n; ++w) {
    if (!OneOfWords(word(w).form, {"today", "yesterday", "tomorrow"}) || word(w).deprel != "nsubj") continue;
    // The name right before it, hung on it as a compound.
    const int name = w - 1;
    if (HeadIndex(word(name)) != w || word(name).deprel != "compound" || word(name).upos != "PROPN") continue;
    const int verb = HeadIndex(word(w));
    Attach(s, name, verb, "nsubj");
    for (int k = 0; k < name; ++k) {
      if (HeadIndex(word(k)) == w) Attach(s, k, name, word(k).deprel.c_str());
    }
    Attach(s, w, verb, "obl:unmarked");
  }
}

}  // namespace kg::loader::linguistics
