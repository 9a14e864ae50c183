#include "loader/tree/open_ie_predicate.h"

#include <algorithm>

#include "loader/tree/open_ie_words.h"

namespace kg::loader::tree::open_ie {
namespace {

// The first word of `v`'s verb group (its earliest auxiliary or copula).
int GroupStart(const SentenceTree& t, int v) {
  int first = v;
  for (int a : t.children(v)) {
    const std::string_view r = t.rel(a);
    if ((r == "aux" || r == "cop") && a < first) first = a;
  }
  return first;
}

// Dependents written as part of the relation: auxiliaries, the particle,
// negation, and a bare adverb inside the verb group or right at its edges
// ("has also been", "often refers", "grows well").
bool RelationWord(const SentenceTree& t, int c, bool copula) {
  const std::string& d = t.deprel(c);
  if (d == "aux" || d == "aux:pass" || d == "compound:prt") return true;
  if (copula && d == "cop") return true;
  if (t.rel(c) != "advmod") return false;
  if (OneOf(t.lower(c), {"not", "n't", "never"})) return true;
  if (!t.children(c).empty() || t.upos(c) != "ADV") return false;
  const int v = t.head(c);
  return c >= GroupStart(t, v) - 1 && c <= v + 1;
}

// Dependents that are no argument: the subject, punctuation and function
// words, clauses with tuples of their own (coordinated and open clausal
// complements, relatives, an adverbial clause before the verb), loose
// attachments. An adverbial clause after the verb is part of what the
// clause says ("taught at X until he switched over to Y").
bool NoArgument(const SentenceTree& t, int c) {
  const std::string_view r = t.rel(c);
  if (r == "advcl") return c < t.head(c);
  if (r == "xcomp" || r == "conj") return ClauseHead(t, c);
  return OneOf(r, {"nsubj", "csubj", "expl", "punct", "cc", "mark", "parataxis", "discourse", "vocative",
                   "dep", "acl", "appos", "reparandum", "orphan", "list"});
}

}  // namespace

Predicate ReadPredicate(const SentenceTree& t, int v, bool copula) {
  Predicate p;
  if (!copula) p.relation.push_back(v);
  Argument nominal;  // a copula's predicate nominal with its own modifiers
  nominal.head = v;
  if (copula) nominal.words.push_back(v);
  std::vector<Argument> before;
  for (int c : t.children(v)) {
    if (RelationWord(t, c, copula)) {
      p.relation.push_back(c);
      continue;
    }
    if (NoArgument(t, c)) continue;
    const std::string_view r = t.rel(c);
    if (copula && r != "obl" && r != "advmod" && r != "advcl") {
      Collect(
          t, c, [](int) { return false; }, &nominal.words);
      continue;
    }
    Argument a;
    a.head = c;
    a.before = c < v;
    // A relative clause gets a tuple of its own.
    Collect(
        t, c, [&](int d) { return t.deprel(d) == "acl:relcl"; }, &a.words);
    (a.before ? before : p.args).push_back(std::move(a));
  }
  if (copula) p.args.insert(p.args.begin(), std::move(nominal));
  for (Argument& b : before) p.args.push_back(std::move(b));
  return p;
}

int ChainedComplement(const SentenceTree& t, int v) {
  if (t.Child(v, "obj") >= 0) return -1;
  for (int c : t.Children(v, "xcomp")) {
    if (ClauseHead(t, c) && t.Child(c, "nsubj") < 0) return c;
  }
  return -1;
}

void FirstArgumentIntoRelation(Predicate* p) {
  if (p->args.empty()) return;
  const std::vector<int>& w = p->args.front().words;
  p->relation.insert(p->relation.end(), w.begin(), w.end());
  p->args.erase(p->args.begin());
}

void CaseIntoRelation(const SentenceTree& t, size_t k, Predicate* p) {
  if (k >= p->args.size()) return;
  Argument& a = p->args[k];
  for (int c : t.Children(a.head, "case")) {
    if (c > a.head) continue;
    p->relation.push_back(c);
    for (int f : t.Children(c, "fixed")) p->relation.push_back(f);
    a.words.erase(
        std::remove_if(a.words.begin(), a.words.end(), [&](int i) { return i == c || t.head(i) == c; }),
        a.words.end());
  }
}

void ThatIntoRelation(const SentenceTree& t, Predicate* p) {
  if (p->args.empty() || p->args[0].before || t.rel(p->args[0].head) != "ccomp") return;
  Argument& a = p->args[0];
  for (int m : t.Children(a.head, "mark")) {
    if (m > a.head || t.lower(m) != "that") continue;
    p->relation.push_back(m);
    a.words.erase(std::remove(a.words.begin(), a.words.end(), m), a.words.end());
  }
}

}  // namespace kg::loader::tree::open_ie
