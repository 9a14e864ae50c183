#include "loader/tree/open_ie_clause.h"

#include <algorithm>
#include <string>

#include "loader/tree/open_ie_conjuncts.h"
#include "loader/tree/open_ie_predicate.h"
#include "loader/tree/open_ie_words.h"

namespace kg::loader::tree::open_ie {
namespace {

bool HasSubject(const SentenceTree& t, int v) {
  return t.Child(v, "nsubj") >= 0 || t.Child(v, "nsubj:pass") >= 0;
}

// A subject the clause builder found none for, read off a parse that went
// astray: the noun a participle or infinitive modifies ("a think tank
// founded in 2005"), the subject of the governing predicate, or the noun a
// loosely attached verb hangs on.
int FallbackSubject(const SentenceTree& t, int v) {
  const int h = t.head(v);
  if (h < 0) return -1;
  const std::string_view r = t.rel(v);
  if (r == "acl" && t.IsNominal(h)) return h;
  if (!OneOf(r, {"conj", "parataxis", "advcl", "xcomp", "dep", "appos"})) return -1;
  for (int k : t.children(h)) {
    if (OneOf(t.deprel(k), {"nsubj", "nsubj:pass"})) return k;
  }
  if (t.IsNominal(h) && h < v && OneOf(r, {"parataxis", "dep", "appos"})) return h;
  return -1;
}

// The relation and arguments of a copular clause, the predicate read as a
// verb when the parser made a verb the predicate ("would be to use").
Predicate CopularPredicate(const SentenceTree& t, int v) {
  if (t.upos(v) == "VERB") {
    Predicate p = ReadPredicate(t, v, false);
    for (int k : t.children(v)) {
      if (t.rel(k) == "cop" || (t.rel(k) == "mark" && t.lower(k) == "to")) p.relation.push_back(k);
    }
    return p;
  }
  Predicate p = ReadPredicate(t, v, true);
  // "were unable to see", "is independent from Y": an adjective with a
  // complement or an oblique joins the relation; "is in Peru": so does the
  // predicate nominal's preposition.
  const bool adj = t.upos(v) == "ADJ";
  if (adj && ChainedComplement(t, v) >= 0) FirstArgumentIntoRelation(&p);
  if (adj && p.args.size() > 1 && !p.args[1].before && t.rel(p.args[1].head) == "obl") {
    FirstArgumentIntoRelation(&p);
  }
  if (!p.args.empty() && p.args[0].head == v) CaseIntoRelation(t, 0, &p);
  return p;
}

// "…, says Richard Burr": a reporting verb set off from what it reports
// has that as its object.
void ReportedClause(const SentenceTree& t, int v, Predicate* p) {
  const int h = t.head(v);
  if (!p->args.empty() || t.rel(v) != "parataxis" || h < 0 || !ClauseHead(t, h)) return;
  Argument a;
  a.head = h;
  Collect(
      t, h, [&](int k) { return k == v; }, &a.words);
  p->args.push_back(std::move(a));
}

// "has filed charges and denied wrongdoing": a coordinated verb without
// auxiliaries or subject of its own shares the auxiliaries of the first.
void SharedAuxiliaries(const SentenceTree& t, int v, Predicate* p) {
  const int h = t.head(v);
  if (t.rel(v) != "conj" || h < 0 || !t.IsVerbal(h) || HasSubject(t, v)) return;
  if (t.Child(v, "aux") >= 0 || t.Child(v, "aux:pass") >= 0 || t.Child(v, "cop") >= 0) return;
  for (int k : t.children(h)) {
    if (t.deprel(k) == "aux") p->relation.push_back(k);
    if (t.deprel(k) == "aux:pass" && t.word(v).xpos == "VBN") p->relation.push_back(k);
  }
}

// "a think tank founded in 2005", "the system serving …": a participle
// modifying a noun says what the noun is; its implied copula is written
// "be".
bool ReducedRelative(const SentenceTree& t, int v) {
  if (t.deprel(v) != "acl" || t.Child(v, "aux") >= 0 || t.Child(v, "mark") >= 0) return false;
  const std::string& x = t.word(v).xpos;
  return x == "VBN" || x == "VBG";
}

double Confidence(const SentenceTree& t, const TreeClause& c, const Predicate& p) {
  const std::string_view r = t.rel(c.pred);
  double conf = 0.85;
  if (c.inherited && r != "conj") conf -= 0.15;
  if (r == "advcl") conf -= 0.15;
  if (r == "xcomp") conf -= 0.25;
  if (r == "acl" && t.deprel(c.pred) != "acl:relcl") conf -= 0.1;
  if (p.args.empty()) conf -= 0.5;
  // A longer relation phrase is a more specific reading.
  if (p.relation.size() >= 3 && conf < 0.85) conf += 0.05;
  const std::string& su = t.upos(c.subjects.front());
  if (su == "VERB" || su == "SYM") conf -= 0.1;
  return std::clamp(conf, 0.05, 1.0);
}

class Reader {
 public:
  Reader(const SentenceTree& t, std::vector<RawFact>* out)
      : t_(t), joined_(static_cast<size_t>(t.size()), 0), out_(out) {}

  void Add(TreeClause c) {
    if (c.pred < 0 || c.pred >= t_.size() || joined_[static_cast<size_t>(c.pred)]) return;
    if (c.subjects.empty()) {
      const int s = FallbackSubject(t_, c.pred);
      if (s < 0) return;
      c.subjects.push_back(s);
      c.inherited = true;
    }
    Predicate p = c.copula ? CopularPredicate(t_, c.pred) : ReadPredicate(t_, c.pred, false);
    ReportedClause(t_, c.pred, &p);
    SharedAuxiliaries(t_, c.pred, &p);
    JoinComplements(c.pred, &p);
    ThatIntoRelation(t_, &p);
    if (!p.args.empty() && !p.args[0].before && t_.rel(p.args[0].head) == "obl") CaseIntoRelation(t_, 0, &p);
    std::string relation = Render(t_, p.relation);
    if (relation.empty()) return;
    if (ReducedRelative(t_, c.pred)) relation = "be " + relation;
    // Coordinated subjects stay together ("Robin and Ariana were unable to
    // see each other"): CaRB's annotators split them less often than not.
    const std::string arg1 = NounText(t_, c.subjects.front(), c.pred);
    if (arg1.empty()) return;
    const double conf = Confidence(t_, c, p);
    for (std::vector<std::string>& args : ArgumentTexts(t_, p.args)) {
      RawFact f;
      f.arg1 = arg1;
      f.relation = relation;
      f.args = std::move(args);
      f.confidence = conf;
      f.negated = c.negated;
      f.hedged = c.hedged;
      out_->push_back(std::move(f));
    }
  }

 private:
  // "agreed to buy X": each open complement in the chain adds its "to" and
  // verb group to the relation, and its arguments before the governor's.
  void JoinComplements(int v, Predicate* p) {
    for (int x = ChainedComplement(t_, v), guard = 0; x >= 0 && guard < t_.size();
         x = ChainedComplement(t_, x), ++guard) {
      joined_[static_cast<size_t>(x)] = 1;
      for (int m : t_.Children(x, "mark")) p->relation.push_back(m);
      Predicate q = ReadPredicate(t_, x, t_.Child(x, "cop") >= 0);
      p->relation.insert(p->relation.end(), q.relation.begin(), q.relation.end());
      q.args.insert(q.args.end(), p->args.begin(), p->args.end());
      p->args = std::move(q.args);
    }
  }

  const SentenceTree& t_;
  std::vector<char> joined_;  // complements already read into a governor's relation
  std::vector<RawFact>* out_;
};

}  // namespace

void ClauseTuples(const SentenceTree& t, const std::vector<TreeClause>& clauses, std::vector<RawFact>* out) {
  Reader reader(t, out);
  for (const TreeClause& c : clauses) reader.Add(c);
}

}  // namespace kg::loader::tree::open_ie
