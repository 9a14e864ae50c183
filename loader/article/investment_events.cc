// Investment event nodes (investor, targets, amounts, date, purpose), built
// from "invest" clauses and investment nominalizations alike.
#include <optional>
#include <string>
#include <vector>

#include "kg/value.h"
#include "loader/article/article_extractor.h"
#include "loader/article/words.h"
#include "loader/canonical/literals.h"
#include "loader/extract/clauses.h"

namespace kg::loader {

using extract::Clause;
using extract::Range;

// An investment event node: investor, targets, amounts, date, purpose. An
// event without a target continues the investor's latest one; so does one
// without an amount when `continues` (a verb clause: "X is investing
// heavily in data centers" after X's announced investment elaborates it).
void ArticleExtractor::AddInvestmentEvent(const std::string& agent, const std::vector<Value>& targets,
                                          const std::vector<canonical::Money>& amounts,
                                          std::optional<Date> date, const Clause* purpose, Range span,
                                          double conf, bool hedged, bool continues) {
  // With a parse, the tree's reading builds the events
  // (loader/tree/patterns/investment_events.cc).
  if (tree_events_) {
    chunker_events_.push_back({agent, targets, amounts, date, purpose, span, conf, hedged, continues});
    latest_investor_ = {agent, sent_};
    return;
  }
  const bool latest = targets.empty() || (continues && amounts.empty());
  const std::string ev = InvestmentEvent(agent, targets.empty() ? "" : targets.front().ToString(), latest);
  const Value evv = Value::Entity(ev);
  AddFact(evv, "investor", Value::Entity(agent), conf, span, hedged);
  for (const Value& t : targets) AddFact(evv, "investment_target", t, conf, span, hedged);
  for (const auto& m : amounts)
    AddFact(evv, "amount", Value::Money(m.amount, m.currency), conf, span, hedged);
  // "more than $8 billion": the amount is a minimum, "up to" a maximum.
  if (!amounts.empty()) {
    for (int i = span.begin; i < span.end && i < static_cast<int>(a_.tokens.size()); ++i) {
      const int npi = a_.np_of_token[static_cast<size_t>(i)];
      if (npi < 0 || Np(npi).range.begin != i) continue;
      if (const std::string q = AmountQualifier(npi); !q.empty()) {
        AddFact(evv, "amount_qualifier", Value::String(q), conf, span, hedged);
        break;
      }
    }
  }
  if (date) AddFact(evv, "date", Value::DateValue(*date), conf, span, hedged);
  if (purpose != nullptr) {
    AddFact(evv, "purpose", Value::String(ClauseText(*purpose, true)), conf * 0.9, span, hedged);
  }
}

namespace {

// A target as part of an event's name: up to a relative clause or comma,
// and at most six words ("efforts that help smallholder producers …" →
// "efforts").
std::string ShortName(const std::string& target) {
  std::string out;
  int words = 0;
  size_t i = 0;
  while (i < target.size() && words < 6) {
    size_t j = target.find(' ', i);
    if (j == std::string::npos) j = target.size();
    const std::string w = target.substr(i, j - i);
    if (In(w, {"that", "which", "who", "whose", "where"})) break;
    const bool comma = !w.empty() && w.back() == ',';
    out += (out.empty() ? "" : " ") + (comma ? w.substr(0, w.size() - 1) : w);
    ++words;
    if (comma) break;
    i = j + 1;
  }
  return out;
}

}  // namespace

void ArticleExtractor::FallBackToChunkerEvents() {
  std::vector<ChunkerEvent> pending;
  pending.swap(chunker_events_);
  const bool tree_made = tree_made_event_;
  tree_made_event_ = false;
  tree_events_ = false;
  if (tree_made) return;
  for (const ChunkerEvent& e : pending) {
    AddInvestmentEvent(e.agent, e.targets, e.amounts, e.date, e.purpose, e.span, e.conf, e.hedged,
                       e.continues);
  }
}

std::string ArticleExtractor::InvestmentEvent(const std::string& investor, const std::string& first_target,
                                              bool latest) {
  if (in_tree_) tree_made_event_ = true;
  latest_investor_ = {investor, sent_};
  // A headline restates the investment the lede tells: the investor's
  // first event.
  if (auto first = first_event_.find(investor); in_title_ && first != first_event_.end())
    return first->second;
  auto last = last_event_.find(investor);
  if (latest && last != last_event_.end()) return last->second;
  std::string ev = investor + " investment";
  if (!first_target.empty()) ev += " in " + ShortName(first_target);
  ev = EnsureEntity(ev, "Investment");
  last_event_[investor] = ev;
  first_event_.emplace(investor, ev);
  return ev;
}

std::string ArticleExtractor::AmountQualifier(int npi) const {
  const extract::NounPhrase& np = Np(npi);
  if (np.core.begin <= np.range.begin || Tok(np.core.begin).tag != text::Tag::kNum) return "";
  std::string q = Text(Range{np.range.begin, np.core.begin});
  if (!canonical::AmountBound(Lower(q))) return "";
  return Lower(q);
}

// Every amount of money in a clause's direct objects, in writing order
// ("2.26 trillion yen ($15.24 billion)" gives JPY, then USD).
std::vector<canonical::Money> ArticleExtractor::ClauseAmounts(const Clause& c) {
  std::vector<canonical::Money> out;
  for (int npi : c.objects) {
    const Ref& o = ResolveNp(npi);
    if (o.literal.kind() != ValueKind::kMoney) continue;
    auto all = canonical::FindMoney(CoreTextNoDet(Np(npi)));
    if (all.empty()) {
      out.push_back(canonical::Money{o.literal.amount(), o.literal.currency()});
    } else {
      out.insert(out.end(), all.begin(), all.end());
    }
  }
  return out;
}

// The date of what a clause states: an "on <date>" phrase of the clause,
// else of the reporting clause around it ("said on Tuesday it will …");
// weekdays and "today"/"yesterday" resolve against the article date (a
// weekday is the latest such day on or before it). Without one, the
// article date; nullopt when that is unknown too.
std::optional<Date> ArticleExtractor::ClauseDate(const Clause* c) {
  auto from = [this](const Clause& k) -> std::optional<Date> {
    // "said yesterday …", "said today …": a time adverb right after the verb.
    const int after = k.verb_group.end;
    if (!out_->date.empty() && after < static_cast<int>(a_.tokens.size()) &&
        In(Tok(after).lower, {"today", "yesterday"})) {
      return canonical::ParseDate(Tok(after).lower, out_->date);
    }
    for (const auto& p : k.preps) {
      if (p.prep != "on") continue;
      for (int npi : p.objects) {
        if (auto d = canonical::ParseDate(Text(Np(npi).range), out_->date)) return d;
      }
    }
    return std::nullopt;
  };
  if (c != nullptr) {
    if (auto d = from(*c)) return d;
    int guard = 0;
    for (const Clause* k = c; k != nullptr && guard++ < 4; k = ReportingClauseOf(*k)) {
      if (auto d = from(*k)) return d;
      if (k->parent >= 0) {
        if (auto d2 = from(a_.clauses[static_cast<size_t>(k->parent)])) return d2;
      }
    }
  }
  if (!out_->date.empty()) return canonical::ParseDate(out_->date);
  return std::nullopt;
}

}  // namespace kg::loader
