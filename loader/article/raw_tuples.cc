// The chunker's Open IE tuples, one per clause, subject and object conjunct
// (kept when LoaderOptions::tree_open_ie is off or there is no parse).
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "kg/article.h"
#include "loader/article/article_extractor.h"
#include "loader/article/words.h"
#include "loader/extract/clauses.h"

namespace kg::loader {

using extract::Clause;
using extract::NounPhrase;
using extract::Range;

void ArticleExtractor::AddRaw(const Clause& c) {
  if (c.subject.empty()) return;
  const size_t ci = static_cast<size_t>(&c - a_.clauses.data());
  if (ChainsIntoInfinitive(ci)) return;  // stated by the infinitive's fact
  const Clause* head = ci > 0 && ChainsIntoInfinitive(ci - 1) ? &a_.clauses[ci - 1] : nullptr;
  // One raw fact per subject conjunct and per object conjunct.
  std::vector<std::string> subjects;
  const Clause& sc = head != nullptr ? *head : c;  // the clause that states the subject
  const std::string antecedent = PronounAntecedentText(sc);
  if (!antecedent.empty()) {
    subjects.push_back(antecedent);
  } else if (sc.subject.size() == 1 && !sc.subject_span.empty()) {
    subjects.push_back(Text(sc.subject_span));
  } else {
    for (int s : sc.subject) subjects.push_back(Text(Np(s).range));
  }
  std::string rel = Text(Range{c.verb_group.begin, c.verb_group.end});
  if (head != nullptr) rel = Text(Range{head->verb_group.begin, c.verb_group.begin}) + " " + rel;
  std::vector<std::vector<std::string>> arg_lists;
  std::vector<std::string> objs;
  for (int o : c.objects) objs.push_back(Text(Np(o).range));
  if (!c.adj_complement.empty()) objs.push_back(c.adj_complement);
  std::vector<std::string> extra;
  std::string first_prep_rel;
  std::vector<std::string> first_prep_objs;
  for (size_t k = 0; k < c.preps.size(); ++k) {
    const auto& p = c.preps[k];
    std::string prep_text = Tok(p.prep_token).text;
    if (p.prep == "such as") prep_text = "such as";
    if (k == 0 && objs.empty() && c.complement.empty() && !p.prep.empty()) {
      first_prep_rel = prep_text;
      for (int o : p.objects) first_prep_objs.push_back(Text(Np(o).range));
      continue;
    }
    const int b = p.prep_token;
    const int e = p.objects.empty() ? b + 1 : Np(p.objects.back()).range.end;
    extra.push_back(Text(Range{b, e}));
  }
  if (!c.frame.empty()) extra.push_back(Text(c.frame));
  std::vector<std::pair<std::string, std::string>> rel_obj;
  if (!c.complement.empty() && objs.empty()) {
    const bool that = c.complement.begin > 0 && Tok(c.complement.begin - 1).lower == "that";
    rel_obj.emplace_back(that ? rel + " that" : rel, Text(c.complement));
  } else if (!objs.empty()) {
    for (const auto& o : objs) rel_obj.emplace_back(rel, o);
  } else if (!first_prep_objs.empty()) {
    for (const auto& o : first_prep_objs) rel_obj.emplace_back(rel + " " + first_prep_rel, o);
  } else {
    rel_obj.emplace_back(rel, "");
  }
  const bool hedged = ClauseHedged(c);
  double conf = 0.8;
  if ((c.subject_from >= 0 || c.infinitive || c.gerund) && head == nullptr) conf -= 0.15;
  if (rel_obj.size() == 1 && rel_obj[0].second.empty() && extra.empty()) {
    // A bare passive or intransitive ("was well received") still says something.
    conf -= 0.3;
  }
  if (hedged) conf -= 0.1;
  for (const auto& s : subjects) {
    for (const auto& [r, o] : rel_obj) {
      RawFact f;
      f.arg1 = s;
      f.relation = r;
      if (!o.empty()) f.args.push_back(o);
      for (const auto& e : extra) f.args.push_back(e);
      f.sentence = sent_;
      f.confidence = std::max(0.05, conf);
      f.negated = c.negated;
      f.hedged = hedged;
      out_->raw_facts.push_back(std::move(f));
    }
  }
}

std::string ArticleExtractor::SubjectText(const Clause& c) const {
  if (c.subject.empty()) return "";
  const NounPhrase& first = Np(c.subject.front());
  const NounPhrase& last = Np(c.subject.back());
  (void)last;
  if (c.subject.size() == 1) return Text(first.range);
  return Text(first.range);
}

// Open IE states "it also occurs in …" about the phrase "it" stands for: a
// personal pronoun subject takes the explicit subject of an earlier clause
// of the same sentence, when there is one.
std::string ArticleExtractor::PronounAntecedentText(const Clause& c) const {
  if (c.subject.size() != 1 || c.subject_from >= 0) return "";
  const NounPhrase& np = Np(c.subject.front());
  if (!np.pronoun || !In(Tok(np.head).lower, {"it", "they", "he", "she"})) return "";
  for (const auto& d : a_.clauses) {
    if (&d == &c || d.verb_group.begin >= c.verb_group.begin) break;
    if (d.subject.size() != 1 || d.subject_from >= 0 || d.subject_span.empty()) continue;
    const NounPhrase& dn = Np(d.subject.front());
    if (dn.pronoun) continue;
    return Text(d.subject_span);
  }
  return "";
}

// Whether clause ci is a bare verb whose only complement is the infinitive
// that follows it ("tried to find jobs", "has had to close plants"): Open
// IE states the two as one relation.
bool ArticleExtractor::ChainsIntoInfinitive(size_t ci) const {
  if (ci + 1 >= a_.clauses.size()) return false;
  const Clause& p = a_.clauses[ci];
  const Clause& c = a_.clauses[ci + 1];
  if (!c.infinitive || c.parent != static_cast<int>(ci) || !p.objects.empty() || !p.preps.empty() ||
      !p.complement.empty() || p.subject.empty()) {
    return false;
  }
  // "will be able to service debt", "is likely to close".
  if (p.lemma == "be") {
    return In(p.adj_complement, {"able", "unable", "likely", "unlikely", "set", "due", "ready", "eager",
                                 "willing", "reluctant", "certain", "sure"}) &&
           p.verb_group.end + 1 == c.verb_group.begin;
  }
  return p.adj_complement.empty() && p.verb_group.end == c.verb_group.begin;
}

}  // namespace kg::loader
