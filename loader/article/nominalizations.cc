// Facts from nominalizations anywhere in a sentence ("a $10 billion
// investment in Japan", "collaboration with agencies").
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "kg/value.h"
#include "loader/article/article_extractor.h"
#include "loader/article/words.h"
#include "loader/canonical/literals.h"
#include "loader/canonical/predicates.h"
#include "loader/extract/clauses.h"
#include "loader/text/tokens.h"
#include "loader/tree/word_lists.h"

namespace kg::loader {

using extract::Clause;
using extract::NounPhrase;
using extract::NpList;
using extract::PrepArg;
using extract::Range;
using text::Tag;

// Nominalizations anywhere in the sentence: "a $10 billion investment in
// Japan", "a strong focus on AI", "collaboration with agencies".
void ArticleExtractor::ProcessNominalizations() {
  const int n = static_cast<int>(a_.tokens.size());
  for (size_t k = 0; k < a_.nps.size(); ++k) {
    const NounPhrase& np = a_.nps[k];
    const std::string& head = Tok(np.head).lemma;
    const bool money_head = In(head, {"investment", "commitment", "pledge"});
    std::optional<std::string> pred;
    int prep_tok = np.range.end;
    NpList targets;
    // "an investment by Pellix in Kenya": the agent, then the complement.
    const int by_np = ByAgentPhrase(static_cast<int>(k));
    if (by_np >= 0 && prep_tok < n && Tok(prep_tok).lower == "by") prep_tok = Np(by_np).range.end;
    if (prep_tok < n && Tok(prep_tok).tag == Tag::kPrep) {
      pred = vocab_.ForNoun(head, Tok(prep_tok).lower);
      if (pred) targets = NominalTargets(prep_tok);
    }
    const auto money = canonical::FindMoney(Text(Range{np.core.begin, np.head + 1}));
    std::vector<canonical::Money> amounts = money;
    // "investment of $X": the amount after "of" was merged into the phrase.
    if (amounts.empty() && money_head) {
      for (int i = np.head + 1; i < np.range.end; ++i) {
        if (Tok(i).lower == "of") {
          amounts = canonical::FindMoney(Text(Range{i + 1, np.range.end}));
          break;
        }
      }
    }
    if (!pred && !(money_head && !amounts.empty())) continue;
    // "a loan to X …, and a loan to Y, for investments in SMEs": what a sum
    // is for is done by its recipient, which the tree reads
    // (tree/patterns/nominalizations.cc); the nearest clause's subject is
    // not its agent.
    if (np.range.begin > 0 && Tok(np.range.begin - 1).lower == "for" && FundingNounBefore(np.range.begin))
      continue;
    // "the investment" without an amount or owner refers back to a known
    // undertaking; it states nothing new.
    if (amounts.empty() && np.possessor < 0 && Tok(np.range.begin).tag == Tag::kDet &&
        In(Tok(np.range.begin).lower, {"the", "this", "that"}) && np.names.empty() && money_head) {
      continue;
    }
    // The agent: "by X" after the phrase, else its owner, else the subject
    // of the clause it is in (not whoever announces it when "by" names it).
    std::string agent;
    if (by_np >= 0) {
      const Ref& by = ResolveNp(by_np);
      if (by.entity) agent = by.name;
    }
    if (agent.empty()) agent = OwnerOf(static_cast<int>(k));
    bool hedged = false;
    double conf = 0.85;
    const Clause* in_clause = nullptr;
    for (const auto& c : a_.clauses) {
      bool inside = std::find(c.objects.begin(), c.objects.end(), static_cast<int>(k)) != c.objects.end();
      for (const auto& p : c.preps) {
        inside =
            inside || std::find(p.objects.begin(), p.objects.end(), static_cast<int>(k)) != p.objects.end();
      }
      if (inside) in_clause = &c;
    }
    if (in_clause == nullptr) {
      // An absolute phrase ("…, with a strong focus on AI"): the nearest clause before it.
      for (const auto& c : a_.clauses) {
        if (c.verb_group.end <= np.range.begin) in_clause = &c;
      }
    }
    if (in_clause != nullptr && (in_clause->negated)) continue;
    std::vector<std::string> agents;
    if (!agent.empty()) agents.push_back(agent);
    // "X received a $1.8 million investment": X is where it goes, not
    // who invests.
    const bool received = in_clause != nullptr && In(in_clause->lemma, {"receive", "get", "win", "secure",
                                                                        "obtain", "attract", "land", "gain"});
    // "There have been investments to Wales": an existential names no one.
    const bool existential = in_clause != nullptr && !in_clause->subject.empty() &&
                             Tok(Np(in_clause->subject.front()).range.begin).lower == "there";
    if (agent.empty() && in_clause != nullptr && !in_clause->subject.empty() && !received && !existential) {
      for (const Ref& s : SubjectRefs(*in_clause)) {
        // Who announces investments does not make them.
        if (announcers_.count(s.name) > 0) continue;
        if (s.entity && (!s.via_event || s.event_head == "this")) agents.push_back(s.name);
        if (s.via_coref) conf *= 0.9;
      }
    }
    if (in_clause != nullptr) clause_key_ = Key(in_clause->verb_group.begin);
    if (agents.size() > 1 && !money_head) {
      for (size_t q = 1; q < agents.size(); ++q) {
        for (const Value& t : ListValues(targets, nullptr)) {
          AddFact(Value::Entity(agents[q]), *pred, t, conf, np.range,
                  in_clause ? ClauseHedged(*in_clause) : false);
        }
      }
    }
    if (!agents.empty()) agent = agents.front();
    if (in_clause != nullptr) hedged = ClauseHedged(*in_clause);
    if (agent.empty()) continue;
    const Value av = Value::Entity(agent);
    if (in_clause != nullptr) clause_key_ = Key(in_clause->verb_group.begin);
    // "a $2.9 billion investment in Peru and $1.5 billion in Chile": a sum
    // among the targets, with its own "in" phrase, is a second investment.
    std::vector<std::pair<canonical::Money, NpList>> more;
    if (money_head) more = FurtherInvestments(&targets);
    std::vector<Value> target_values = ListValues(targets, nullptr);
    clause_key_ = UINT64_MAX;
    for (const Value& t : target_values) AddFact(av, *pred, t, conf, np.range, hedged);
    if (money_head) {
      for (const auto& m : amounts) {
        AddFact(av, "investment_amount", Value::Money(m.amount, m.currency), conf, np.range, hedged);
      }
      // The investment as an event node keeps the n-ary fact together.
      if (pred == std::optional<std::string>("invests_in") || !amounts.empty()) {
        const Clause* purpose = nullptr;
        if (in_clause != nullptr) {
          for (const auto& d : a_.clauses) {
            if (d.infinitive && d.parent >= 0 && &a_.clauses[static_cast<size_t>(d.parent)] == in_clause) {
              purpose = &d;
              break;
            }
          }
        }
        AddInvestmentEvent(agent, target_values, amounts, ClauseDate(in_clause), purpose, np.range, conf,
                           hedged);
        for (const auto& [amount, its_targets] : more) {
          const std::vector<Value> values = ListValues(its_targets, nullptr);
          if (values.empty()) continue;
          for (const Value& t : values) AddFact(av, "invests_in", t, conf, np.range, hedged);
          AddFact(av, "investment_amount", Value::Money(amount.amount, amount.currency), conf, np.range,
                  hedged);
          AddInvestmentEvent(agent, values, {amount}, ClauseDate(in_clause), nullptr, np.range, conf, hedged);
        }
      }
    }
  }
}

// "a $1.7 billion investment in Kenya by Pellix", "an investment by Pellix
// in Kenya": the phrase after "by" that follows phrase `k` or its
// complements (up to a comma or verb), -1 when there is none.
int ArticleExtractor::ByAgentPhrase(int k) {
  const int n = static_cast<int>(a_.tokens.size());
  const int end = std::min(n - 1, Np(k).range.end + 12);
  for (int i = Np(k).range.end; i < end; ++i) {
    const Tag tag = Tok(i).tag;
    if (tag == Tag::kVerb || tag == Tag::kAux || tag == Tag::kModal || Tok(i).text == "," ||
        Tok(i).text == ";")
      return -1;
    if (Tok(i).lower != "by") continue;
    const int np = a_.np_of_token[static_cast<size_t>(i + 1)];
    return np >= 0 && Np(np).range.begin == i + 1 ? np : -1;
  }
  return -1;
}

// Whether a sum given to someone ("a loan to Raiffeisen Leasing") comes
// before `token` in the sentence.
bool ArticleExtractor::FundingNounBefore(int token) const {
  for (int i = 0; i + 2 < token; ++i) {
    if (Tok(i).tag != Tag::kNoun || !tree::WordLists::Get().InClass("funding", Lower(Tok(i).lemma))) continue;
    if (Tok(i + 1).lower == "to" && Tok(i + 2).tag == Tag::kProper) return true;
  }
  return false;
}

// Takes out of `targets` each sum with the places of the "in" phrase right
// after it ("… in Peru and $1.5 billion in Chile"), and returns them.
std::vector<std::pair<canonical::Money, NpList>> ArticleExtractor::FurtherInvestments(NpList* targets) {
  std::vector<std::pair<canonical::Money, NpList>> out;
  const int n = static_cast<int>(a_.tokens.size());
  NpList kept;
  for (size_t q = 0; q < targets->size(); ++q) {
    const int npi = (*targets)[q];
    const Ref& o = ResolveNp(npi);
    if (o.literal.kind() != ValueKind::kMoney) {
      kept.push_back(npi);
      continue;
    }
    NpList its;
    const int in = Np(npi).range.end;
    if (in < n && Tok(in).lower == "in") {
      // The sum's own places follow it in the list.
      while (q + 1 < targets->size() && Np((*targets)[q + 1]).range.begin > in)
        its.push_back((*targets)[++q]);
      if (its.empty() && in + 1 < n) {
        const int t = a_.np_of_token[static_cast<size_t>(in + 1)];
        if (t >= 0 && Np(t).range.begin == in + 1) its.push_back(t);
      }
    }
    out.push_back({canonical::Money{o.literal.amount(), o.literal.currency()}, its});
  }
  *targets = kept;
  return out;
}

// The complement list of a nominalization's preposition at `prep_tok`: the
// clause's prepositional objects there, else the phrases right after it.
NpList ArticleExtractor::NominalTargets(int prep_tok) {
  const int n = static_cast<int>(a_.tokens.size());
  NpList targets;
  // The complement list after the preposition.
  for (const auto& c : a_.clauses) {
    for (const auto& p : c.preps) {
      if (p.prep_token == prep_tok) targets = p.objects;
    }
  }
  // "investment in chip plants in Texas and Ohio": places in the
  // next "in" phrase of the same clause are targets as well.
  if (!targets.empty()) {
    for (const auto& c : a_.clauses) {
      for (size_t q = 0; q + 1 < c.preps.size(); ++q) {
        if (c.preps[q].prep_token != prep_tok || c.preps[q].objects.empty()) continue;
        const PrepArg& next = c.preps[q + 1];
        if (next.prep != "in" || next.prep_token != Np(c.preps[q].objects.back()).range.end) continue;
        for (int npi : next.objects) {
          const Ref& o = ResolveNp(npi);
          if (o.entity && In(o.type, {"Country", "City", "Region"})) targets.push_back(npi);
        }
      }
    }
  }
  if (targets.empty() && prep_tok + 1 < n) {
    const int t = a_.np_of_token[static_cast<size_t>(prep_tok + 1)];
    if (t >= 0) {
      targets.push_back(t);
      // "on A and B"
      int e = Np(t).range.end;
      while (e < n && (Tok(e).lower == "and" || Tok(e).lower == "or" || Tok(e).lower == ",")) {
        int q = e + 1;
        if (q < n && (Tok(q).lower == "and" || Tok(q).lower == "or")) ++q;
        const int t2 = q < n ? a_.np_of_token[static_cast<size_t>(q)] : -1;
        if (t2 < 0 || Np(t2).range.begin != q) break;
        targets.push_back(t2);
        e = Np(t2).range.end;
      }
    }
  }
  // "an agreement with Detroit-based automaker Corvane Motors": a
  // description the chunker split from the name right after it is that
  // name.
  for (int& t : targets) {
    const int e = Np(t).range.end;
    const int next = e < n ? a_.np_of_token[static_cast<size_t>(e)] : -1;
    bool named_head = false;
    for (const Range& r : Np(t).names)
      named_head = named_head || (r.begin <= Np(t).head && Np(t).head < r.end);
    if (!named_head && next >= 0 && next != t && Np(next).range.begin == e && !Np(next).names.empty() &&
        Np(next).names.front().begin == e && Tok(Np(t).head).tag == Tag::kNoun)
      t = next;
  }
  return targets;
}

}  // namespace kg::loader
