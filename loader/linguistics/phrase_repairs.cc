#include "loader/linguistics/phrase_repairs.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "loader/linguistics/tree_edit.h"

namespace kg::loader::linguistics {

namespace {

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

namespace {

// The nearest plural common noun before `from` that no verb separates from
// it, or -1.
int PluralNounBefore(const syntax::Sentence& s, int from) {
  for (int k = from - 1; k >= 0; --k) {
    const syntax::Word& w = s.words[static_cast<size_t>(k)];
    if (w.upos == "VERB" || w.upos == "AUX" || w.upos == "SCONJ" || w.upos == "PRON") return -1;
    if (w.upos != "NOUN") continue;
    const bool plural = w.xpos == "NNS" || w.feats.find("Number=Plur") != std::string::npos;
    return plural ? k : -1;
  }
  return -1;
}

}  // namespace

void AttachExampleToPluralNoun(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  for (int k = 1; k + 1 < n; ++k) {
    const syntax::Word& w = s.words[static_cast<size_t>(k)];
    const bool such_as = w.form == "such" && s.words[static_cast<size_t>(k + 1)].form == "as";
    if ((!such_as && w.form != "including") || w.deprel != "case") continue;
    const int example = HeadIndex(w);
    if (example <= k + (such_as ? 1 : 0)) continue;
    const int head = HeadIndex(s.words[static_cast<size_t>(example)]);
    const int noun = PluralNounBefore(s, k);
    // Already on a word between the noun and the example (the noun
    // itself, or a word of its phrase): the parser's reading stands.
    if (noun < 0 || (head >= noun && head < example)) continue;
    Attach(s, example, noun, "nmod");
  }
}

}  // namespace kg::loader::linguistics
