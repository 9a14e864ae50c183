#include "loader/tree/patterns/patterns.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::tree {
namespace {

bool AppointVerb(std::string_view lemma) {
  return OneOf(lemma, {"appoint", "name", "elect", "promote", "hire", "tap", "choose", "select", "install"});
}

// The role phrase starting at `first`, up to its last role word within
// four words ("chief operating officer"), with its predicate; an empty
// span if none.
std::pair<Span, std::string> RoleAt(const SentenceTree& t, int first) {
  const WordLists& wl = WordLists::Get();
  std::pair<Span, std::string> best{Span{}, ""};
  for (int last = first; last < t.size() && last <= first + 3; ++last) {
    if (!OneOf(t.upos(last), {"ADJ", "NOUN", "PROPN", "VERB"})) break;
    std::string words;
    for (int k = first; k <= last; ++k) words += (k > first ? " " : "") + t.lower(k);
    std::string p = wl.RolePredicate(words);
    if (p.empty()) p = wl.RolePredicate(t.lower(last));
    if (!p.empty()) best = {Span{first, last}, p};
  }
  return best;
}

// The organization of an appointing subject: the name itself, or the
// owner of its board ("The Halden board").
std::string Appointer(PatternContext& cx, const TreeClause& c) {
  for (int s : c.subjects) {
    if (std::string e = cx.mentions.EntityOf(s); !e.empty() && cx.state.TypeOf(e) != "Person") return e;
    for (int k : cx.tree.Children(s, "compound")) {
      if (std::string e = cx.mentions.EntityOf(k); !e.empty() && cx.state.TypeOf(e) != "Person") return e;
    }
  }
  return "";
}

void FromAppointment(PatternContext& cx, const TreeClause& c) {
  const SentenceTree& t = cx.tree;
  // The person: the subject of a passive ("X was named …"), else the last
  // name after the verb before the role ("appointed former Siemens
  // executive Ivo Brandt as …").
  Span person{};
  int k = c.pred + 1;
  if (c.passive && !c.subjects.empty()) {
    person = cx.mentions.NameRun(c.subjects.front());
  } else {
    for (; k < t.size() && k <= c.pred + 8; ++k) {
      if (OneOf(t.lower(k), {"as", ",", "."})) break;
      // The role after the person ("appointed Tom Reyes chief executive").
      if (!person.empty() && !RoleAt(t, k).second.empty()) break;
      const Span run = cx.mentions.NameRun(k);
      if (run.empty()) continue;
      person = run;
      k = run.last;
    }
  }
  if (person.empty() || person.size() < 2) return;
  k = std::max(k, person.last + 1);
  if (k < t.size() && t.lower(k) == "as") ++k;
  while (k < t.size() && OneOf(t.lower(k), {"the", "its", "a", "new"})) ++k;
  const auto [role, predicate] = RoleAt(t, k);
  if (role.empty()) return;
  const std::string who = cx.state.Entity(t.Text(person), "Person");
  if (who.empty() || cx.state.TypeOf(who) != "Person") return;
  std::string org;
  if (role.last + 2 < t.size() && t.lower(role.last + 1) == "of") org = cx.mentions.EntityOf(role.last + 2);
  if (org.empty() && !c.passive) org = Appointer(cx, c);
  const Evidence ev = cx.mentions.Evid(t.Subtree(c.pred).first, role.last, 0.8, c.hedged);
  cx.state.AddFact(Value::Entity(who), "is_a", Value::String(t.Text(role)), ev);
  if (!org.empty() && org != who && !(predicate == "works_for" && IsPlaceType(cx.state.TypeOf(org))))
    cx.state.AddFact(Value::Entity(who), predicate, Value::Entity(org), ev);
}

}  // namespace

void ExtractAppointments(PatternContext& cx) {
  for (const TreeClause& c : cx.clauses) {
    if (!c.copula && !c.negated && AppointVerb(c.lemma)) FromAppointment(cx, c);
  }
}

}  // namespace kg::loader::tree
