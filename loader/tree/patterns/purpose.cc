#include <algorithm>

#include "loader/tree/patterns/patterns.h"

namespace kg::loader::tree {
namespace {

// Verbs whose "to"-complement is the subject's aim.
bool AimVerb(std::string_view lemma) {
  return OneOf(lemma,
               {"aim", "seek", "want", "plan", "intend", "strive", "work", "look", "hope", "try", "set"});
}

// The infinitive phrase without its "to": "support the export of …".
std::string InfinitivePhrase(const SentenceTree& t, int v) {
  Span s = t.SubtreeWithout(v, [&t](int c) {
    const std::string_view r = t.rel(c);
    return r == "mark" || r == "punct" || r == "nsubj" || r == "cc" || t.SetOffClause(c);
  });
  return t.Text(s);
}

// "will improve", "is expected to increase", "will be able to manufacture":
// a clause about what its subject is to do, and whether conjuncts share it.
bool Prospective(const SentenceTree& t, int v) {
  for (int guard = 0; v >= 0 && guard < 6; ++guard) {
    for (int c : t.children(v)) {
      if (t.rel(c) == "aux" && OneOf(t.lower(c), {"will", "would", "shall", "'ll"})) return true;
    }
    const std::string_view r = t.rel(v);
    const int h = t.head(v);
    if (h < 0) return false;
    if (r == "xcomp" && OneOf(t.lemma(h), {"expect", "able", "set", "poised", "due", "likely"})) return true;
    // "Upgrades will allow the port to accommodate larger ships": what
    // something will let its object do, the object is to do.
    if ((r == "xcomp" || r == "advcl") && OneOf(t.lemma(h), {"allow", "enable", "help"}) &&
        t.Child(h, "obj") >= 0 && t.Child(h, "obj") < v) {
      v = h;
      continue;
    }
    if (r != "conj" && r != "xcomp") return false;
    v = h;
  }
  return false;
}

// The verb phrase of a clause without its subject, auxiliaries and
// coordinated clauses: "improve and expand marine delivery …".
std::string VerbPhrase(const SentenceTree& t, int v) {
  Span s = t.SubtreeWithout(v, [&t, v](int c) {
    const std::string_view r = t.rel(c);
    // "improve and expand X" shares X; "improve X and expand Y" does not.
    if (r == "conj") return t.IsVerbal(c) && (t.Child(v, "obj") >= 0 || t.Child(c, "nsubj") >= 0);
    return r == "nsubj" || r == "aux" || r == "punct" || r == "mark" || r == "cc" || r == "advmod" ||
           r == "advcl" || (r == "obl" && c < v) || r == "cop" || r == "expl" || (r == "conj" && c < v) ||
           r == "parataxis";  // "…, the company said"
  });
  // A final stop the parser hung inside the phrase is not part of it.
  while (s.last > s.first && OneOf(t.lower(s.last), {".", ",", ";", ":"})) --s.last;
  return t.Text(s);
}

// What an undertaking or its owner "will" do: the owner `aims_to` it.
void FromProspects(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (const TreeClause& c : cx.clauses) {
    // A "to"-complement counts here only as what is expected ("is
    // expected to attract"); purposes proper are read below.
    if (c.copula || c.negated || c.passive || t.upos(c.pred) != "VERB") continue;
    if (c.purpose && t.rel(c.pred) != "xcomp") continue;
    if (!Prospective(t, c.pred) || AimVerb(c.lemma)) continue;
    // "expected" itself, or "able", carries no aim; its complement does.
    if (OneOf(c.lemma, {"expect", "say", "tell", "add", "note", "be", "have"})) continue;
    // "X will receive a $7 million grant": what is given to X is no aim of
    // X's (the funding pattern reads it).
    if (OneOf(c.lemma, {"receive", "get"})) continue;
    const std::vector<std::string> agents = cx.mentions.EntitiesOfEach(c.subjects);
    const std::string phrase = VerbPhrase(t, c.pred);
    if (phrase.empty() || agents.empty()) continue;
    const Span s = t.Subtree(c.pred);
    for (const std::string& a : agents) {
      cx.state.AddFact(Value::Entity(a), "aims_to", Value::String(phrase),
                       cx.mentions.Evid(s.first, s.last, 0.65, c.hedged));
    }
  }
}

// "we want Britain to be the first place to launch satellites": an aim
// verb with an object and its "to"-complement aims at the whole.
void FromObjectAims(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (const TreeClause& c : cx.clauses) {
    // Not "expect": "expects X to …" reports, it does not aim.
    if (c.copula || c.negated || c.passive || !OneOf(c.lemma, {"want", "wish", "intend", "hope"})) continue;
    const int obj = t.Child(c.pred, "obj");
    const int comp = t.Child(c.pred, "xcomp");
    if (obj < 0 || comp < obj || t.Child(comp, "mark") < 0) continue;
    const std::vector<std::string> agents = cx.mentions.EntitiesOfEach(c.subjects);
    if (agents.empty()) continue;
    const Span s{t.Subtree(obj).first, t.Subtree(comp).last};
    std::string phrase = t.Text(s);
    while (!phrase.empty() && (phrase.back() == '.' || phrase.back() == ',')) phrase.pop_back();
    for (const std::string& a : agents) {
      cx.state.AddFact(Value::Entity(a), "aims_to", Value::String(phrase),
                       cx.mentions.Evid(t.Subtree(c.pred).first, s.last, 0.7, c.hedged));
    }
  }
}

bool AnnouncingVerb(std::string_view lemma) {
  return OneOf(lemma, {"announce", "unveil", "reveal", "present", "welcome", "confirm", "publish"});
}

}  // namespace

bool AnnouncedForOthers(const PatternContext& cx, const TreeClause& c) {
  const SentenceTree& t = cx.tree;
  const int g = c.governor;
  if (!c.purpose || g < 0 || t.rel(c.pred) != "acl" || t.rel(g) != "obj") return false;
  const int verb = t.head(g);
  if (verb < 0 || !AnnouncingVerb(t.lemma(verb))) return false;
  bool inherited = false;
  const std::vector<std::string> announcers = cx.mentions.EntitiesOfEach(SubjectsOf(t, verb, &inherited));
  return !announcers.empty() &&
         std::all_of(announcers.begin(), announcers.end(),
                     [&cx](const std::string& a) { return cx.state.TypeOf(a) == "Person"; });
}

void ExtractPurposes(PatternContext& cx) {
  FromProspects(cx);
  FromObjectAims(cx);
  const SentenceTree& t = cx.tree;
  for (const TreeClause& c : cx.clauses) {
    if (!c.purpose || c.negated || c.governor < 0 || c.copula) continue;
    const int g = c.governor;
    // A purpose of a clause, or the complement of an aim verb; not "a deal
    // to fund X" (a noun's complement: the funding pattern reads those).
    const bool aim = t.rel(c.pred) == "xcomp" && AimVerb(t.lemma(g));
    const bool purpose = t.rel(c.pred) == "advcl" && t.IsVerbal(g);
    // "received a $1.8 million investment to make improvements", "signed
    // a loan to finance a plant": the purpose of what a clause's subject
    // gets or gives is the subject's.
    const bool object_purpose = t.rel(c.pred) == "acl" && t.rel(g) == "obj" && t.head(g) >= 0 &&
                                t.IsVerbal(t.head(g)) && t.Child(c.pred, "nsubj") < 0;
    if ((!aim && !purpose && !object_purpose) || AnnouncedForOthers(cx, c)) continue;
    // "will support 8,000 adults to gain qualifications": the adults gain
    // them; the aim is the whole "support … to gain …".
    if (purpose && !c.subjects.empty() && t.head(c.subjects.front()) == g &&
        t.rel(c.subjects.front()) == "obj")
      continue;
    std::vector<std::string> agents;
    if (object_purpose) {
      bool inherited = false;
      agents = cx.mentions.EntitiesOfEach(SubjectsOf(t, t.head(g), &inherited));
    } else if (purpose && !c.subjects.empty() && OneOf(t.rel(c.subjects.front()), {"obl", "nmod"})) {
      // "signed a loan with X to build …", "awarded a grant to X to …": the
      // clause's doer is the recipient (tree_clauses.cc), and so is the aim.
      agents = cx.mentions.EntitiesOfEach(c.subjects);
    } else if (purpose) {
      // The purpose belongs to whoever does the governing act: its subject,
      // or a passive's agent ("awarded £2 million by X to develop …" is
      // the recipient's aim, so the subject stays).
      bool inherited = false;
      agents = cx.mentions.EntitiesOfEach(SubjectsOf(t, g, &inherited));
    } else {
      agents = cx.mentions.EntitiesOfEach(c.subjects);
    }
    const std::string phrase = InfinitivePhrase(t, c.pred);
    if (phrase.empty()) continue;
    const Span s = t.Subtree(g);
    // "the Bank may want to take a look": the governing clause's hedge is
    // the aim's.
    bool hedged = c.hedged;
    for (const TreeClause& gc : cx.clauses) hedged = hedged || (gc.pred == g && gc.hedged);
    for (const std::string& a : agents) {
      cx.state.AddFact(Value::Entity(a), "aims_to", Value::String(phrase),
                       cx.mentions.Evid(s.first, s.last, 0.7, hedged));
    }
  }
}

}  // namespace kg::loader::tree
