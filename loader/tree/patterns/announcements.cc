#include <algorithm>

#include "loader/canonical/literals.h"
#include "loader/tree/patterns/patterns.h"

namespace kg::loader::tree {
namespace {

// Verbs that make something public: their subject announces, on the date
// the clause gives. Not the acts themselves ("signed on 10 May", "approved
// on 3 March"): their date is when it was done, which a reader judged no
// announcement date (session 8, 3 of 100 facts).
bool AnnounceVerb(std::string_view lemma) {
  return OneOf(lemma,
               {"announce", "unveil", "reveal", "disclose", "welcome", "launch", "publish", "confirm"});
}

}  // namespace

std::optional<Date> DateOfClause(PatternContext& cx, int v) {
  const SentenceTree& t = cx.tree;
  const std::string& article_date = cx.state.ArticleDate();
  std::optional<Date> today;
  // "today" may hang on a word of the clause other than its verb ("Minister
  // X today (Tuesday 3 July) welcomed …"): any "today" whose head chain
  // reaches v without passing another verb.
  std::vector<int> words = t.children(v);
  if (t.head(v) >= 0 && t.lower(t.head(v)) == "today") words.push_back(t.head(v));
  for (int k = 0; k < t.size(); ++k) {
    if (t.lower(k) != "today" || t.head(k) == v) continue;
    int h = t.head(k);
    for (int guard = 0; h >= 0 && h != v && !t.IsVerbal(h) && guard < 8; ++guard) h = t.head(h);
    if (h == v) words.push_back(k);
  }
  for (int c : words) {
    const std::string_view r = t.rel(c);
    if ((r == "advmod" || t.head(c) != v || t.upos(c) == "NOUN") && t.lower(c) == "today") {
      if (!article_date.empty()) today = canonical::ParseDate("today", article_date);
      // A bracketed date right after "today" (the parser may hang it on
      // "today" or elsewhere).
      int k = c + 1;
      if (k < t.size() && (t.lower(k) == "(" || t.lower(k) == "[")) {
        int e = k + 1;
        while (e < t.size() && e - k < 8 && t.lower(e) != ")" && t.lower(e) != "]") ++e;
        if (e < t.size() && e > k + 1) {
          if (auto d = canonical::ParseDate(t.Text(Span{k + 1, e - 1}), article_date)) return d;
        }
      }
      continue;
    }
    if (r != "obl" && r != "nmod") continue;
    const std::string cs = t.CaseOf(c);
    if (!cs.empty() && cs != "on") continue;
    if (auto d = canonical::ParseDate(t.Text(t.Subtree(c)), article_date)) {
      // A bare year ("in 2016") is no announcement date.
      if (d->month > 0) return d;
    }
  }
  return today;
}

void ExtractAnnouncements(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (const TreeClause& c : cx.clauses) {
    if (c.copula || c.negated || c.passive || !AnnounceVerb(t.lemma(c.pred))) continue;
    const std::vector<std::string> announcers = cx.mentions.EntitiesOfEach(c.subjects);
    if (announcers.empty()) continue;
    const auto date = DateOfClause(cx, c.pred);
    if (!date) continue;
    const Span s = t.Subtree(c.pred);
    for (const std::string& a : announcers) {
      cx.state.AddFact(Value::Entity(a), "announced_on", Value::DateValue(*date),
                       cx.mentions.Evid(s.first, s.last, 0.8, c.hedged));
    }
  }
}

}  // namespace kg::loader::tree
