#include "loader/linguistics/tree_repairs.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "loader/linguistics/tree_edit.h"
#include "loader/text/ascii_lower.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::linguistics {
namespace {

bool SayingVerb(std::string_view lemma) {
  return lemma == "say" || lemma == "tell" || lemma == "add" || lemma == "note" || lemma == "explain" ||
         lemma == "write" || lemma == "state" || lemma == "announce" || lemma == "confirm";
}

bool SpeakerWord(const syntax::Word& w) {
  return w.upos == "PROPN" || w.upos == "NOUN" || w.upos == "ADJ" || w.upos == "DET" ||
         (w.upos == "PART" && (w.form == "'s" || w.form == "’s")) ||  // "Kenya's Energy Ministry"
         (w.upos == "PUNCT" && w.form != "," && w.form != ";");
}

// Verbs whose object is the subject of the bare verb after it ("help X
// expand", "let X build", "make X pay").
bool ObjectControlVerb(std::string_view lemma) {
  return lemma == "help" || lemma == "let" || lemma == "make";
}

}  // namespace

namespace {

// The words between the attribution's comma and its verb become the
// speaker: the first word of the last name run ("Anna Berg") heads it as
// the verb's nsubj, the others hang on it. Returns false when there is no
// speaker word.
bool AttachSpeaker(syntax::Sentence& s, int comma, int verb) {
  int subject = verb - 1;
  while (subject > comma && s.words[static_cast<size_t>(subject)].upos == "PUNCT") --subject;
  if (subject <= comma) return false;
  int head_word = subject;
  while (head_word - 1 > comma && s.words[static_cast<size_t>(head_word)].upos == "PROPN" &&
         s.words[static_cast<size_t>(head_word - 1)].upos == "PROPN")
    --head_word;
  Attach(s, head_word, verb, "nsubj");
  for (int i = comma + 1; i < verb; ++i) {
    if (i == head_word) continue;
    const int h = HeadIndex(s.words[static_cast<size_t>(i)]);
    const bool inside = h > comma && h < verb && h != i;
    const std::string& rel = s.words[static_cast<size_t>(i)].deprel;
    if (i > head_word && s.words[static_cast<size_t>(i)].upos == "PROPN") {
      Attach(s, i, head_word, "flat");
    } else if (rel == "nmod:poss") {
      Attach(s, i, head_word, "nmod:poss");  // "Kenya's Energy Ministry"
    } else if (rel == "case" && inside) {
      continue;
    } else if (!inside || i < head_word) {
      Attach(s, i, head_word, s.words[static_cast<size_t>(i)].upos == "DET" ? "det" : "compound");
    }
  }
  return true;
}

// The comma and verb of a final ", SPEAKER VERB [OBJECT]." attribution, or
// {-1, -1}.
std::pair<int, int> FinalAttribution(const syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  // The attribution's comma: the last one, with a verb of saying after it.
  int comma = -1;
  for (int i = n - 1; i > 0 && comma < 0; --i) {
    if (s.words[static_cast<size_t>(i)].form == ",") comma = i;
  }
  if (comma < 2) return {-1, -1};
  int verb = -1;
  for (int i = comma + 1; i < n && verb < 0; ++i) {
    const syntax::Word& w = s.words[static_cast<size_t>(i)];
    if (w.upos == "VERB") {
      verb = i;
    } else if (!SpeakerWord(w)) {
      return {-1, -1};
    }
  }
  if (verb < 0 || verb == comma + 1 || !SayingVerb(s.words[static_cast<size_t>(verb)].lemma)) return {-1, -1};
  // After the verb only its object and final punctuation ("told reporters."),
  // or a phrase of place or time ("said in a statement", "said on Tuesday",
  // "announced today (12 March)").
  for (int i = verb + 1; i < n; ++i) {
    const syntax::Word& w = s.words[static_cast<size_t>(i)];
    const std::string& u = w.upos;
    const bool time = OneOfWords(w.form, {"today", "yesterday", "tonight", "earlier", "later"});
    if (u != "NOUN" && u != "PROPN" && u != "PUNCT" && u != "DET" && u != "PRON" && u != "ADP" &&
        u != "NUM" && !time)
      return {-1, -1};
  }
  return {comma, verb};
}

}  // namespace

void AttachFinalAttribution(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  int root = -1;
  for (int i = 0; i < n; ++i) {
    if (s.words[static_cast<size_t>(i)].head == 0) root = i;
  }
  if (root < 0 || n < 6) return;
  const auto [comma, verb] = FinalAttribution(s);
  if (verb < 0) return;
  // "The deal is its largest order, chief executive Claire Morel told
  // Reuters.": the verb may already be the root, with the speaker read as
  // an apposition before it; then only the speaker needs its place.
  if (verb == root) {
    AttachSpeaker(s, comma, verb);
    return;
  }
  // A clause before the comma, whose root the attribution can hang on.
  if (root > comma) return;
  if (!AttachSpeaker(s, comma, verb)) return;
  Attach(s, verb, root, "parataxis");
  Attach(s, comma, verb, "punct");
  for (int i = verb + 1; i < n; ++i) {
    const int h = HeadIndex(s.words[static_cast<size_t>(i)]);
    if (s.words[static_cast<size_t>(i)].upos == "PUNCT" && i == n - 1) {
      Attach(s, i, root, "punct");
    } else if (h < verb || h >= n) {
      Attach(s, i, verb, "obj");
    }
  }
  // Nothing before the comma hangs on the attribution any more.
  for (int i = 0; i < comma; ++i) {
    const int h = HeadIndex(s.words[static_cast<size_t>(i)]);
    if (h > comma && i != root) Attach(s, i, root, "dep");
  }
}

void AttachParticipleReadAsSubject(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  for (int p = 2; p < n; ++p) {
    const std::string& tag = word(p).xpos;
    if ((tag != "VBN" && tag != "VBD") || !word(p).deprel.starts_with("nsubj") || word(p - 1).form != ",")
      continue;
    const int verb = HeadIndex(word(p));
    if (verb <= p) continue;
    // The name before the comma: its head word hangs on the verb.
    int name = -1;
    for (int k = p - 2; k >= 0 && word(k).upos == "PROPN"; --k) {
      if (HeadIndex(word(k)) == verb) name = k;
    }
    if (name < 0 || word(name).deprel.starts_with("nsubj")) continue;
    Attach(s, name, verb, word(p).deprel.c_str());
    Attach(s, p, name, "acl");
    return;
  }
}

void AttachParentheticalParticiple(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  int root = -1;
  for (int i = 0; i < n; ++i) {
    if (word(i).head == 0) root = i;
  }
  // The tagger often reads the participle as a past tense; a past tense
  // with an object is an active clause, not this shape.
  if (root < 2 || (word(root).xpos != "VBN" && word(root).xpos != "VBD")) return;
  for (int i = root + 1; i < n; ++i) {
    if (HeadIndex(word(i)) == root && word(i).deprel == "obj") return;
  }
  int subject = -1;
  for (int i = 0; i < root; ++i) {
    if (HeadIndex(word(i)) == root && word(i).deprel.rfind("nsubj", 0) == 0) subject = i;
  }
  // "Brevik , founded": a comma right after the subject's words.
  if (subject < 0 || word(root - 1).form != ",") return;
  int verb = -1;
  for (int i = root + 1; i < n && verb < 0; ++i) {
    const syntax::Word& w = word(i);
    if (HeadIndex(w) == root && (w.xpos == "VBZ" || w.xpos == "VBD" || w.xpos == "VBP") &&
        (w.deprel == "parataxis" || w.deprel == "conj" || w.deprel == "advcl") && word(i - 1).form == ",")
      verb = i;
  }
  if (verb < 0) return;
  for (int i = 0; i < n; ++i) {
    if (HeadIndex(word(i)) == verb && word(i).deprel.rfind("nsubj", 0) == 0) return;  // its own subject
  }
  auto set = [&word](int i, int head, const char* rel) {
    word(i).head = head + 1;
    word(i).deprel = rel;
  };
  set(verb, -1, "root");
  set(subject, verb, "nsubj");
  set(root, subject, "acl");
  set(verb - 1, verb, "punct");
  // What followed the finite verb hung on the participle: it is the verb's.
  for (int i = verb + 1; i < n; ++i) {
    if (HeadIndex(word(i)) == root) set(i, verb, word(i).upos == "PUNCT" ? "punct" : "obl");
  }
}

void AttachListFinalSubject(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  for (int subj = 2; subj < n; ++subj) {
    if (word(subj).deprel != "nsubj") continue;
    const int verb = HeadIndex(word(subj));
    if (verb <= subj || word(verb).upos != "VERB") continue;
    const int governor = HeadIndex(word(verb));
    const bool controlled =
        governor >= 0 && word(verb).deprel == "conj" && ObjectControlVerb(word(governor).lemma);
    // A base form, or after "help X": the tagger may read "boost" as a past.
    if (word(verb).xpos != "VB" && !controlled) continue;
    // "…, the Caribbean, and Asia boost": "and" right before the subject.
    int first = subj;
    for (int i = 0; i < subj; ++i) {
      if (HeadIndex(word(i)) == subj && i < first) first = i;
    }
    if (first < 2 || word(first - 1).upos != "CCONJ") continue;
    // The list it ends: the nearest conjunct before it, and that one's head.
    int list_head = -1;
    for (int i = subj - 1; i >= 0 && list_head < 0; --i) {
      if (word(i).deprel == "conj" && HeadIndex(word(i)) >= 0) list_head = HeadIndex(word(i));
    }
    if (list_head < 0) continue;
    word(subj).head = list_head + 1;
    word(subj).deprel = "conj";
    if (controlled) word(verb).deprel = "xcomp";
  }
}

namespace {

// Whether word a is b or hangs below it.
bool Under(const syntax::Sentence& s, int a, int b) {
  for (int k = a, steps = 0; k >= 0 && steps <= static_cast<int>(s.words.size()); ++steps) {
    if (k == b) return true;
    k = HeadIndex(s.words[static_cast<size_t>(k)]);
  }
  return false;
}

// The first word of the phrase w heads.
int PhraseStart(const syntax::Sentence& s, int w) {
  for (int i = 0; i < w; ++i) {
    if (Under(s, i, w)) return i;
  }
  return w;
}

bool Nominal(const syntax::Word& w) { return w.upos == "NOUN" || w.upos == "PROPN"; }

// A bare noun phrase the parser may hang on a verb as an object or as an
// unmarked oblique; the latter only when it cannot be a time ("this month",
// "next year", "three days").
bool SplitOffPhrase(const syntax::Sentence& s, int head, int start) {
  const syntax::Word& h = s.words[static_cast<size_t>(head)];
  if (!Nominal(h)) return false;
  if (h.deprel == "obj") return true;
  if (h.deprel != "obl:unmarked") return false;
  for (int i = start; i <= head; ++i) {
    const syntax::Word& w = s.words[static_cast<size_t>(i)];
    if (w.upos == "DET" || w.upos == "NUM" || w.lemma == "last" || w.lemma == "next" || w.lemma == "past" ||
        w.lemma == "previous" || w.lemma == "coming" || w.lemma == "following")
      return false;
  }
  return true;
}

}  // namespace

void JoinSplitNounPhrase(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  for (int obj = 1; obj < n; ++obj) {
    const int verb = HeadIndex(word(obj));
    if (verb < 0 || verb >= obj || word(verb).upos != "VERB") continue;
    const int start = PhraseStart(s, obj);
    if (!SplitOffPhrase(s, obj, start)) continue;
    const int before = start - 1;
    if (before <= verb || word(before).upos != "NOUN") continue;
    // The noun before must sit inside an oblique of the same verb.
    int oblique = before;
    while (oblique >= 0 && HeadIndex(word(oblique)) != verb) oblique = HeadIndex(word(oblique));
    if (oblique < 0 || word(oblique).deprel.rfind("obl", 0) != 0) continue;
    // Its left dependents (case, determiner, modifiers) go to the new head.
    for (int i = 0; i < before; ++i) {
      if (HeadIndex(word(i)) == before) word(i).head = obj + 1;
    }
    word(obj).head = word(before).head;
    word(obj).deprel = word(before).deprel;
    word(before).head = obj + 1;
    word(before).deprel = "compound";
  }
}

namespace {

// A run of proper nouns starting at i: its last word, or -1.
int NameRunEnd(const syntax::Sentence& s, int i) {
  const int n = static_cast<int>(s.words.size());
  if (i >= n || s.words[static_cast<size_t>(i)].upos != "PROPN") return -1;
  while (i + 1 < n && s.words[static_cast<size_t>(i + 1)].upos == "PROPN") ++i;
  return i;
}

// "Norvik Air in Norway": a name, "in", a name.
struct PlacedName {
  int name_first, name_last, in, place_first, place_last;
};

bool ReadPlacedName(const syntax::Sentence& s, int i, PlacedName* out) {
  const int name_last = NameRunEnd(s, i);
  if (name_last < 0 || name_last + 2 >= static_cast<int>(s.words.size())) return false;
  if (s.words[static_cast<size_t>(name_last + 1)].form != "in") return false;
  const int place_last = NameRunEnd(s, name_last + 2);
  if (place_last < 0) return false;
  *out = {i, name_last, name_last + 1, name_last + 2, place_last};
  return true;
}

// The word of [first, last] whose head lies outside it, else last.
int RunHead(const syntax::Sentence& s, int first, int last) {
  for (int i = first; i <= last; ++i) {
    const int h = HeadIndex(s.words[static_cast<size_t>(i)]);
    if (h < first || h > last) return i;
  }
  return last;
}

// Hangs the words of [first, last] on its last word; returns that word.
int HeadRunOnLast(syntax::Sentence& s, int first, int last) {
  for (int i = first; i < last; ++i) Attach(s, i, last, "compound");
  return last;
}

}  // namespace

void AttachPlacedList(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  for (int i = 0; i < n; ++i) {
    if (i > 0 && s.words[static_cast<size_t>(i - 1)].upos == "PROPN") continue;
    std::vector<PlacedName> items(1);
    std::vector<int> separators;  // the comma or conjunction before items[k]
    if (!ReadPlacedName(s, i, &items[0])) continue;
    bool closed = false;
    for (int next = items.back().place_last + 1; next < n && !closed;) {
      const std::string& w = s.words[static_cast<size_t>(next)].form;
      int at = next + 1;
      if (w == "," && at < n && s.words[static_cast<size_t>(at)].form == "and") ++at;
      if (w != "," && w != "and") break;
      PlacedName item{};
      if (!ReadPlacedName(s, at, &item)) break;
      closed = s.words[static_cast<size_t>(at - 1)].form == "and";
      separators.push_back(next);
      items.push_back(item);
      next = item.place_last + 1;
    }
    if (items.size() < 2 || !closed) continue;
    const int first_member = RunHead(s, items[0].name_first, items[0].name_last);
    // Only when what the list hangs on lies outside it (else the rewrite
    // would make a cycle).
    bool outside = true;
    for (int a = HeadIndex(s.words[static_cast<size_t>(first_member)]), steps = 0; a >= 0 && steps < n;
         a = HeadIndex(s.words[static_cast<size_t>(a)]), ++steps) {
      if (a >= items[0].name_first && a <= items.back().place_last) outside = false;
    }
    for (int w = items[0].name_first; w <= items.back().place_last; ++w) {
      if (s.words[static_cast<size_t>(w)].head == 0) outside = false;
    }
    if (!outside) continue;
    for (size_t k = 0; k < items.size(); ++k) {
      const PlacedName& it = items[k];
      const int member = k == 0 ? first_member : HeadRunOnLast(s, it.name_first, it.name_last);
      if (k > 0) {
        Attach(s, member, first_member, "conj");
        for (int sep = separators[k - 1]; sep < it.name_first; ++sep)
          Attach(s, sep, member, s.words[static_cast<size_t>(sep)].upos == "PUNCT" ? "punct" : "cc");
      }
      const int place = HeadRunOnLast(s, it.place_first, it.place_last);
      Attach(s, place, member, "nmod");
      Attach(s, it.in, place, "case");
    }
    i = items.back().place_last;
  }
}

void AttachNamedControlledObject(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  for (int obj = 1; obj + 4 < n; ++obj) {
    const int verb = HeadIndex(word(obj));
    if (word(obj).deprel != "obj" || word(obj).upos != "NOUN" || verb < 0 ||
        !ObjectControlVerb(word(verb).lemma))
      continue;
    if (word(obj + 1).form != ",") continue;
    // "Biological E Limited": a name may open with a word tagged as an
    // adjective; every word capitalized, the last a proper noun.
    int last = obj + 1;
    while (last + 1 < n && std::isupper(static_cast<unsigned char>(word(last + 1).form[0])) != 0 &&
           (word(last + 1).upos == "PROPN" || word(last + 1).upos == "ADJ" || word(last + 1).upos == "NOUN"))
      ++last;
    if (last == obj + 1 || word(last).upos != "PROPN") continue;
    if (last < 0 || last + 2 >= n || word(last + 1).form != "," || word(last + 2).xpos != "VB") continue;
    const int complement = last + 2;
    if (HeadIndex(word(complement)) != verb) continue;
    // The name's head: the word of the run hung outside it.
    const int name = RunHead(s, obj + 2, last);
    if (HeadIndex(word(name)) != verb) continue;
    Attach(s, name, obj, "appos");
    Attach(s, obj + 1, name, "punct");
    Attach(s, last + 1, name, "punct");
    Attach(s, complement, verb, "xcomp");
  }
}

void AttachOwnerWithOf(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  for (int x = 2; x < n; ++x) {
    const int h = HeadIndex(word(x));
    if (word(x).deprel != "nmod" || h < 0 || h >= x || word(h).upos != "PROPN") continue;
    // x's own possessor p, after h ("Department of Commerce 's … Agency").
    int p = -1, of = -1;
    for (int c = h + 1; c < x; ++c) {
      if (HeadIndex(word(c)) != x) continue;
      if (word(c).deprel == "nmod:poss") p = c;
      if (word(c).deprel == "case" && word(c).form == "of" && p < 0) of = c;
    }
    if (p < 0 || of < 0 || of > p) continue;
    int mark = -1;  // the "'s"
    for (int c = p + 1; c < x; ++c) {
      if (HeadIndex(word(c)) == p && word(c).deprel == "case") mark = c;
    }
    if (mark < 0) continue;
    Attach(s, x, HeadIndex(word(h)), word(h).deprel.c_str());
    if (word(x).head == 0) word(x).deprel = "root";
    Attach(s, h, x, "nmod:poss");
    Attach(s, p, h, "nmod");
    Attach(s, of, p, "case");
    Attach(s, mark, h, "case");
  }
}

void DetachDateFromSubject(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  for (int m = 1; m < n; ++m) {
    syntax::Word& month = s.words[static_cast<size_t>(m)];
    const syntax::Word& day = s.words[static_cast<size_t>(m - 1)];
    const std::string lower = text::AsciiLower(month.form);
    // (The loader's one list of month and day names.)
    if (month.deprel != "nsubj" || !tree::WordLists::Get().InClass("calendar", lower) || day.upos != "NUM")
      continue;
    int named = -1;  // the subject the parser hung on the month
    for (int c = m + 1; c < n && named < 0; ++c) {
      if (HeadIndex(s.words[static_cast<size_t>(c)]) == m &&
          s.words[static_cast<size_t>(c)].deprel == "appos")
        named = c;
    }
    if (named < 0) continue;
    Attach(s, named, HeadIndex(month), "nsubj");
    Attach(s, m, m - 1, "nmod:unmarked");
  }
}

void AttachPerfectAcrossTimeWord(syntax::Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  auto word = [&s](int i) -> syntax::Word& { return s.words[static_cast<size_t>(i)]; };
  for (int have = 0; have + 2 < n; ++have) {
    const int when = have + 1;
    const int verb = have + 2;
    const std::string& h = word(have).form;
    if (h != "has" && h != "have" && h != "had") continue;
    if (word(have).upos != "VERB") continue;  // already an auxiliary
    const std::string& w = word(when).form;
    if (w != "today" && w != "now" && w != "yesterday" && w != "recently" && w != "also" && w != "just" &&
        w != "already")
      continue;
    if (word(verb).xpos != "VBN" && word(verb).xpos != "VBD") continue;
    // The participle heads the clause; "has" and the time word hang on it,
    // and whatever hung on "has" (subject, object, complements) too.
    const int head = HeadIndex(word(have));
    const std::string rel = word(have).deprel;
    for (int c = 0; c < n; ++c) {
      if (c != verb && c != when && HeadIndex(word(c)) == have) Attach(s, c, verb, word(c).deprel.c_str());
    }
    Attach(s, verb, head, rel.c_str());
    if (head < 0) word(verb).deprel = "root";
    Attach(s, have, verb, "aux");
    word(have).upos = "AUX";
    Attach(s, when, verb, "advmod");
    // The object the parser gave the participle as a modifier keeps it no
    // more: "announced £30 million".
    for (int c = 0; c < n; ++c) {
      if (HeadIndex(word(verb)) == c && word(verb).deprel == "amod") Attach(s, verb, head, rel.c_str());
    }
  }
}

}  // namespace kg::loader::linguistics
