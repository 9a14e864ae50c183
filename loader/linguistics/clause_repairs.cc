#include "loader/linguistics/clause_repairs.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "loader/linguistics/tree_edit.h"

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

namespace {

// A year written as four digits ("2018").
bool Year(const syntax::Word& w) {
  return w.upos == "NUM" && w.form.size() == 4 &&
         std::all_of(w.form.begin(), w.form.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool HasChild(const syntax::Sentence& s, int head, std::string_view rel) {
  for (const syntax::Word& w : s.words) {
    if (HeadIndex(w) == head && w.deprel.starts_with(rel)) return true;
  }
  return false;
}

}  // namespace

void AttachSubjectAfterOpeningYear(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  // "In 2018 …" or "2018 …" at the start.
  const int year = n > 1 && s.words[0].form == "In" ? 1 : 0;
  if (year + 2 >= n || !Year(s.words[static_cast<size_t>(year)])) return;
  const int verb = HeadIndex(s.words[static_cast<size_t>(year)]);
  if (verb <= year + 1 || s.words[static_cast<size_t>(verb)].upos != "VERB" || HasChild(s, verb, "nsubj"))
    return;
  for (int c = year + 1; c < verb; ++c) {
    const syntax::Word& w = s.words[static_cast<size_t>(c)];
    if (HeadIndex(w) != year || w.deprel != "appos" || (w.upos != "NOUN" && w.upos != "PROPN")) continue;
    Attach(s, c, verb, "nsubj");
    return;
  }
}

void DetachOpeningParticipleFromSubject(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  // (The tagger may call an opening participle a past tense.)
  if (n < 4) return;
  const std::string& tag = s.words[0].xpos;
  if ((tag != "VBN" && tag != "VBD") || !s.words[0].deprel.starts_with("nsubj")) return;
  const int verb = HeadIndex(s.words[0]);
  int comma = -1;
  for (int k = 1; k < n && k < verb && comma < 0; ++k) {
    if (s.words[static_cast<size_t>(k)].form == ",") comma = k;
  }
  if (comma < 0) return;
  for (int c = comma + 1; c < verb; ++c) {
    const syntax::Word& w = s.words[static_cast<size_t>(c)];
    if (HeadIndex(w) != 0 || (w.upos != "NOUN" && w.upos != "PROPN" && w.upos != "SYM" && w.upos != "NUM"))
      continue;
    const std::string rel = s.words[0].deprel;
    Attach(s, c, verb, rel.c_str());
    Attach(s, 0, verb, "advcl");
    return;
  }
}

void DetachTimeBeforeObject(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  for (int v = 0; v + 3 < n; ++v) {
    if (word(v).upos != "VERB") continue;
    const int when = v + 1, time = v + 2, det = v + 3;
    if (!OneOfWords(word(when).form, {"last", "next", "this"}) ||
        !OneOfWords(word(time).form, {"week", "month", "year", "quarter", "weekend"}) ||
        word(det).upos != "DET")
      continue;
    const int noun = HeadIndex(word(time));
    if (noun <= det || HeadIndex(word(noun)) != v || HasChild(s, v, "obj")) continue;
    Attach(s, time, v, "obl:tmod");
    Attach(s, when, time, "amod");
    Attach(s, noun, v, "obj");
  }
}

void AttachUpToAsNumberModifier(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  for (int up = 1; up + 3 < n; ++up) {
    const int to = up + 1, number = up + 2;
    if (word(up).form != "up" || word(up).deprel != "compound:prt" || word(to).form != "to" ||
        word(number).upos != "NUM")
      continue;
    const int verb = HeadIndex(word(up));
    const int noun = HeadIndex(word(to));
    if (noun <= number || HeadIndex(word(noun)) != verb || !word(noun).deprel.starts_with("obl") ||
        HasChild(s, verb, "obj"))
      continue;
    Attach(s, noun, verb, "obj");
    Attach(s, up, number, "advmod");
    Attach(s, to, up, "fixed");
  }
}

}  // namespace kg::loader::linguistics
