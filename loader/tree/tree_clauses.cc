#include "loader/tree/tree_clauses.h"

#include <algorithm>

#include "loader/text/tokens.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::tree {
namespace {

// A nominal and its conjuncts ("Alpha Bank and Piraeus Bank").
void AddWithConjuncts(const SentenceTree& t, int n, std::vector<int>* out) {
  out->push_back(n);
  for (int c : t.Children(n, "conj")) {
    if (t.IsNominal(c)) out->push_back(c);
  }
}

bool RelativePronoun(const SentenceTree& t, int w) {
  return t.upos(w) == "PRON" && OneOf(t.lower(w), {"which", "that", "who", "whom"});
}

// A word of the name written right before the comma that opens the
// relative clause v ("…, which will …"), when it is inside the subtree of
// the clause's noun h but not h itself; -1 otherwise.
int NameBeforeComma(const SentenceTree& t, int v, int h) {
  if (t.deprel(v) != "acl:relcl") return -1;
  const int first = t.Subtree(v).first;  // the comma may hang on v
  const int comma = t.lower(first) == "," ? first : first - 1;
  if (comma < 1 || t.lower(comma) != ",") return -1;
  int k = comma - 1;
  while (k > 0 && t.upos(k) == "NUM") --k;  // "Strategy 2030"
  if (t.upos(k) != "PROPN" || k == h || !t.Subtree(h).Contains(k)) return -1;
  // Only past a common noun the name completes ("the launch of the
  // Strategy"): "a new Green Skills Hub at Tyne Coast College, which will
  // open …" is about the hub, as the parser says.
  if (t.upos(h) != "NOUN") return -1;
  int top = k;
  while (t.head(top) >= 0 && t.head(top) != h) top = t.head(top);
  if (t.head(top) != h || t.CaseOf(top) != "of") return -1;
  return k;
}

// For a purpose infinitive v of a giving verb whose object is a grant,
// loan or sum with a "to" recipient written before v: that recipient; -1
// otherwise.
int FundedRecipient(const SentenceTree& t, int v) {
  const int h = t.head(v);
  const int mark = t.Child(v, "mark");
  if (h < 0 || t.rel(v) != "advcl" || mark < 0 || t.lower(mark) != "to") return -1;
  if (!OneOf(t.lemma(h), {"award", "grant", "provide", "give", "lend", "offer", "extend", "allocate", "close",
                          "announce", "approve", "issue", "sign", "finalize", "finalise"}))
    return -1;
  const int obj = t.Child(h, "obj");
  if (obj < 0 || !(WordLists::Get().InClass("funding", t.lemma(obj)) || t.upos(obj) == "SYM")) return -1;
  // "signed a EUR 120 million loan with X to build …": a sum signed with
  // a borrower is theirs, as one given "to" them.
  const bool signing = OneOf(t.lemma(h), {"sign", "close", "finalize", "finalise"});
  auto recipient_case = [&t, signing](int c) {
    return t.CaseOf(c) == "to" || (signing && t.CaseOf(c) == "with");
  };
  for (int c : t.children(h)) {
    if (c < v && t.rel(c) == "obl" && recipient_case(c) && t.IsNominal(c)) return c;
  }
  for (int c : t.Children(obj, "nmod")) {
    if (c < v && recipient_case(c)) return c;
  }
  return -1;
}

std::vector<int> SubjectsAt(const SentenceTree& t, int v, bool* inherited, int depth) {
  std::vector<int> out;
  if (v < 0 || depth > 8) return out;
  for (int c : t.children(v)) {
    const std::string& d = t.deprel(c);
    if (d != "nsubj" && d != "nsubj:pass" && d != "csubj" && d != "nsubj:outer") continue;
    // "a site which will create jobs": the relative pronoun is the noun.
    if (RelativePronoun(t, c)) {
      // The relative clause may be a conjunct of another ("that will
      // trigger … and that will create …").
      int r = v;
      for (int guard = 0; r >= 0 && t.rel(r) == "conj" && guard < 8; ++guard) r = t.head(r);
      if (r >= 0 && t.rel(r) == "acl" && t.head(r) >= 0) {
        // "the launch of the UK Geospatial Strategy 2030, which will
        // unlock …": a clause after a comma tells of the name right before
        // it, wherever the parser hung the clause.
        if (const int named = NameBeforeComma(t, r, t.head(r)); named >= 0) {
          out.push_back(named);
          return out;
        }
        // "X is an agency that helps …": the relative is about X.
        const int noun = t.head(r);
        const int copula_subject = t.Child(noun, "cop") >= 0 ? t.Child(noun, "nsubj") : -1;
        AddWithConjuncts(t, copula_subject >= 0 ? copula_subject : noun, &out);
      }
    } else {
      AddWithConjuncts(t, c, &out);
    }
    return out;
  }
  // "Greg Clark will today launch …" parsed with the subject under
  // "today": a time word between subject and verb keeps no subject.
  std::vector<int> time_words = t.children(v);
  if (t.head(v) >= 0) time_words.push_back(t.head(v));  // "will today [date] launch": today heads
  for (int c : time_words) {
    if (c > v || !OneOf(t.lower(c), {"today", "tomorrow", "yesterday", "now", "also"})) continue;
    for (int s : t.children(c)) {
      if (s < c && (t.rel(s) == "nsubj" || t.deprel(s) == "nsubj:pass")) {
        AddWithConjuncts(t, s, &out);
        return out;
      }
    }
  }
  const int h = t.head(v);
  if (h < 0) return out;
  const std::string_view r = t.rel(v);
  *inherited = true;
  // "a loan to Vessa GmbH, a mid-cap company in Norland, focusing on …":
  // a participle right after an apposition describes the apposition's
  // name, not the clause's subject.
  if ((r == "advcl" || (r == "conj" && t.Child(v, "cc") < 0)) && t.word(v).xpos == "VBG" && v >= 2 &&
      t.lower(v - 1) == ",") {
    for (int a = 0; a < v - 1; ++a) {
      if (t.rel(a) != "appos" || t.Subtree(a).last != v - 2 || t.head(a) < 0) continue;
      AddWithConjuncts(t, t.head(a), &out);
      return out;
    }
  }
  if (r == "conj" && (t.IsVerbal(h) || t.Child(h, "cop") >= 0)) return SubjectsAt(t, h, inherited, depth + 1);
  // "is awarding a $3 million grant to the city of Lorain, to build a new
  // industrial park": what a sum is given for, its recipient does.
  if (const int recipient = FundedRecipient(t, v); recipient >= 0) {
    AddWithConjuncts(t, recipient, &out);
    return out;
  }
  // Object control: "allow CSOB to provide", "help farmers boost", also
  // when the parser reads the infinitive as a purpose of an allowing verb.
  const bool allowing = r == "advcl" && t.Child(v, "mark") >= 0 && t.lower(t.Child(v, "mark")) == "to" &&
                        OneOf(t.lemma(h), {"allow", "enable", "help", "permit", "let", "support", "assist",
                                           "train", "fund", "empower", "equip"});
  if (r == "xcomp" || allowing) {
    int obj = t.Child(h, "obj");
    if (obj < 0) obj = t.Child(h, "iobj");  // "allow the port to accommodate" read with an iobj
    // Not "enable the provision of EUR 600 million to finance …": an act
    // with its "of" object is no doer.
    const bool act = obj >= 0 && std::any_of(t.children(obj).begin(), t.children(obj).end(), [&t](int k) {
                       return t.rel(k) == "nmod" && (t.CaseOf(k) == "of" || t.lower(k) == "of");
                     });
    // Only verbs of object control pass the object on: "announced an
    // investment to expand …" is the announcer's purpose, not the
    // investment's.
    const bool control = OneOf(t.lemma(h), {"allow", "enable", "help", "permit", "let", "ask", "want", "urge",
                                            "force", "require", "encourage", "invite", "cause", "expect",
                                            "persuade", "prompt", "make", "see", "get", "need", "wish",
                                            // "support 8,000 adults to gain qualifications"
                                            "support", "assist", "train", "fund", "empower", "equip"});
    if (obj >= 0 && obj < v && control && !(allowing && act)) {
      AddWithConjuncts(t, obj, &out);
      return out;
    }
    return SubjectsAt(t, h, inherited, depth + 1);
  }
  // "X welcomed £130 million of investment, creating 500 jobs", "X
  // unveiled the package, advancing efforts to …": what is welcomed or
  // announced does what follows, not who welcomes or announces it.
  if (r == "advcl" && t.IsVerbal(h) && t.word(v).xpos == "VBG" &&
      OneOf(t.lemma(h),
            {"welcome", "praise", "hail", "applaud", "announce", "unveil", "reveal", "present"}) &&
      t.Child(h, "obj") >= 0) {
    AddWithConjuncts(t, t.Child(h, "obj"), &out);
    return out;
  }
  // "the port will now be better able to assist …": a copular head passes
  // its subject on as a verb does.
  if (r == "advcl" && (t.IsVerbal(h) || t.Child(h, "cop") >= 0))
    return SubjectsAt(t, h, inherited, depth + 1);
  // "a company focusing on …", "a site which will create …".
  // "a project developed by X" is a passive whose subject is the noun.
  if (r == "acl" && t.IsNominal(h)) {
    // ("Orbina, founded in 1998 by …": a participle the tagger read as a
    // past tense, right after the noun's comma.)
    const bool reduced = t.word(v).xpos == "VBD" && v >= 2 && t.lower(v - 1) == "," && t.Subtree(h).last >= v;
    if (t.deprel(v) != "acl:relcl" && t.word(v).xpos != "VBG" && t.word(v).xpos != "VBN" && !reduced)
      return out;
    // "a loan to X supported by the Plan, and a loan to Y": a clause
    // written before the noun's conjuncts modifies that noun alone.
    bool before_conjuncts = false;
    for (int k : t.Children(h, "conj")) before_conjuncts = before_conjuncts || k > v;
    if (before_conjuncts) {
      out.push_back(h);
    } else {
      AddWithConjuncts(t, h, &out);
    }
    return out;
  }
  return out;
}

// "Had the Board declined …", "Were the bank to …": an inverted condition
// opening the sentence.
bool InvertedCondition(const SentenceTree& t) {
  return t.size() > 2 && OneOf(t.lower(0), {"had", "were", "should"}) &&
         OneOf(t.upos(1), {"DET", "PROPN", "PRON", "NOUN"});
}

bool Hedge(const SentenceTree& t, int v) {
  for (int c : t.children(v)) {
    if (t.rel(c) == "aux" && OneOf(t.lower(c), {"may", "might", "could"})) return true;
  }
  // A condition is no statement: "if"/"unless" clauses and what they
  // govern, and everything under an inverted condition.
  if (InvertedCondition(t)) return true;
  for (int h = v, guard = 0; h >= 0 && guard < 10; ++guard, h = t.head(h)) {
    const int mark = t.Child(h, "mark");
    if (mark >= 0 && OneOf(t.lower(mark), {"if", "unless"})) return true;
  }
  // "X would invest … if the law passes": the consequence of a condition.
  for (int c : t.children(v)) {
    const int mark = t.rel(c) == "advcl" ? t.Child(c, "mark") : -1;
    if (mark >= 0 && OneOf(t.lower(mark), {"if", "unless"})) return true;
  }
  // "is in talks to buy a stake", "in discussions to acquire": what is
  // negotiated is not done.
  if (t.rel(v) == "acl" && t.head(v) >= 0 && OneOf(t.lemma(t.head(v)), {"talk", "discussion", "negotiation"}))
    return true;
  // "is expected to create", "is likely to invest".
  for (int h = v, guard = 0; h >= 0 && t.rel(h) == "xcomp" && guard < 8; ++guard) {
    h = t.head(h);
    // "we want Britain to be the first place …": a wish, not a fact.
    if (h >= 0 && OneOf(t.lemma(h), {"expect", "likely", "hope", "possible", "consider", "want", "wish"}))
      return true;
  }
  return false;
}

bool Negated(const SentenceTree& t, int v) {
  for (int c : t.children(v)) {
    // "is not only a drink but also …" affirms.
    if (t.rel(c) == "advmod" && OneOf(t.lower(c), {"not", "n't", "never"}) &&
        !text::NotOnly(t.lower(c), c + 1 < t.size() ? t.lower(c + 1) : ""))
      return true;
  }
  return false;
}

TreeClause MakeClause(const SentenceTree& t, int v, bool copula) {
  TreeClause c;
  c.pred = v;
  c.copula = copula;
  c.lemma = copula ? "be" : t.lemma(v);
  // "attract up to $750 million": "up to" is a quantity, not a particle.
  if (const int prt = t.Child(v, "compound:prt");
      prt >= 0 && !(t.lower(prt) == "up" && prt + 1 < t.size() && t.lower(prt + 1) == "to"))
    c.lemma += " " + t.lower(prt);
  c.subjects = SubjectsAt(t, v, &c.inherited, 0);
  // (A participle on a noun is passive, also one the tagger read as a
  // past tense after the noun's comma: "Orbina, founded in 1998 by …".)
  const bool participle = t.word(v).xpos == "VBN" || (t.word(v).xpos == "VBD" && v >= 2 &&
                                                      t.lower(v - 1) == "," && t.Child(v, "obj") < 0);
  c.passive = t.Child(v, "nsubj:pass") >= 0 || t.Child(v, "aux:pass") >= 0 ||
              (t.rel(v) == "acl" && t.deprel(v) != "acl:relcl" && participle);
  // "will be built by Kier and run by the Trust": a bare participle joined
  // to a passive shares its voice.
  if (!c.passive && t.rel(v) == "conj" && t.word(v).xpos == "VBN" && t.head(v) >= 0 &&
      t.Child(v, "aux") < 0 && t.Child(v, "nsubj") < 0) {
    const int h = t.head(v);
    c.passive = t.Child(h, "aux:pass") >= 0 || t.Child(h, "nsubj:pass") >= 0;
  }
  // "assemble up to 25,000 of its vehicles": the parser may read "up" as a
  // particle and the quantity as an oblique; it is the object.
  const int up = t.Child(v, "compound:prt");
  const bool up_to = up >= 0 && t.lower(up) == "up" && up + 1 < t.size() && t.lower(up + 1) == "to";
  for (int ch : t.children(v)) {
    const std::string_view r = t.rel(ch);
    if (up_to && r == "obl" && t.Subtree(ch).first == up + 1 && t.Child(v, "obj") < 0) {
      c.objects.push_back(ch);
    } else if (r == "obj" || r == "iobj") {
      AddWithConjuncts(t, ch, &c.objects);
    } else if (r == "obl" || (copula && r == "nmod")) {
      const std::string cs = t.CaseOf(ch);
      if (t.deprel(ch) == "obl:agent" || (c.passive && cs == "by")) {
        c.agent = ch;
      } else if (!cs.empty()) {
        std::vector<int> heads;
        AddWithConjuncts(t, ch, &heads);
        for (int hd : heads) c.obliques.emplace_back(cs, hd);
      }
    }
  }
  c.negated = Negated(t, v);
  c.hedged = Hedge(t, v);
  const std::string_view r = t.rel(v);
  if (r == "xcomp" || r == "advcl" || r == "conj" || r == "acl" || r == "ccomp") c.governor = t.head(v);
  const int mark = t.Child(v, "mark");
  c.purpose = (r == "advcl" || r == "xcomp" || r == "acl") && mark >= 0 && t.lower(mark) == "to";
  return c;
}

}  // namespace

std::vector<int> SubjectsOf(const SentenceTree& t, int v, bool* inherited) {
  bool dummy = false;
  return SubjectsAt(t, v, inherited != nullptr ? inherited : &dummy, 0);
}

std::vector<TreeClause> BuildClauses(const SentenceTree& t) {
  std::vector<TreeClause> out;
  for (int i = 0; i < t.size(); ++i) {
    const bool copula = t.Child(i, "cop") >= 0;
    // Participles modifying a noun ("a planned expansion") are not clauses.
    const bool verb = t.upos(i) == "VERB" && t.rel(i) != "amod" && t.rel(i) != "compound";
    if (verb || copula) out.push_back(MakeClause(t, i, copula));
  }
  return out;
}

}  // namespace kg::loader::tree
