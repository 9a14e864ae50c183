// What a nominal is worth as a value: its phrase (whole, without clauses,
// as a conjunct, as a description), its own amount of money or count, and
// the evidence span of a fact. Part of Mentions (mentions.h).
#include <algorithm>

#include "loader/tree/mentions.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::tree {

bool Mentions::TimeModifier(int c) const {
  const std::string& d = t_.deprel(c);
  if (d != "nmod:unmarked" && d != "obl:unmarked" && d != "nmod:tmod" && d != "obl:tmod") return false;
  // "this month", "last year", "next week".
  for (int k : t_.children(c)) {
    if (OneOf(t_.lower(k), {"this", "last", "next", "every", "each", "previous", "coming", "past"}))
      return true;
  }
  return OneOf(t_.lemma(c), {"year", "month", "week", "day", "quarter", "today", "tomorrow", "yesterday"});
}

std::string Mentions::TextWithoutEdgePunctuation(Span s) const {
  while (!s.empty() && t_.upos(s.first) == "PUNCT") ++s.first;
  while (!s.empty() && t_.upos(s.last) == "PUNCT") --s.last;
  return t_.Text(s);
}

Span Mentions::WithoutOpeningSubordinator(Span s) const {
  if (!s.empty() && s.first < s.last && t_.rel(s.first) == "advmod" &&
      OneOf(t_.lower(s.first), {"although", "though", "while", "whereas", "because", "since", "unless"}))
    ++s.first;
  return s;
}

std::string Mentions::Phrase(int i) const {
  Span s = t_.SubtreeWithout(i, [this, i](int c) {
    const std::string_view r = t_.rel(c);
    return r == "case" || r == "det" || r == "punct" || r == "cc" || r == "mark" || TimeModifier(c) ||
           t_.SetOffClause(c);
  });
  return TextWithoutEdgePunctuation(WithoutOpeningSubordinator(t_.WithoutTrailingSetOffClause(i, s)));
}

std::string Mentions::PhraseWithoutClauses(int i) const {
  // A restrictive relative clause ("efforts that help farmers") is part of
  // what is named; one set off by "which" or a comma, and other clauses
  // ("to build a park"), are not.
  auto clause = [this](int c) {
    if (t_.rel(c) != "acl") return false;
    if (t_.deprel(c) != "acl:relcl") return true;
    const int first = t_.Subtree(c).first;
    return t_.lower(first) == "which" || (first > 0 && t_.lower(first - 1) == ",");
  };
  Span s = t_.SubtreeWithout(i, [this, &clause](int c) {
    const std::string_view r = t_.rel(c);
    return r == "case" || r == "det" || r == "punct" || r == "cc" || r == "mark" || clause(c) ||
           TimeModifier(c) || t_.SetOffClause(c);
  });
  return TextWithoutEdgePunctuation(WithoutOpeningSubordinator(t_.WithoutTrailingSetOffClause(i, s)));
}

std::string Mentions::PhraseWithoutCost(int i) const {
  const Span s = t_.SubtreeWithout(i, [this](int c) {
    const std::string_view r = t_.rel(c);
    return r == "det" || r == "punct" || r == "acl" || r == "advcl" || r == "cc" || r == "conj" ||
           MoneyOf(c).has_value() || TimeModifier(c) || t_.SetOffClause(c);
  });
  return TextWithoutEdgePunctuation(s);
}

std::string Mentions::ConjunctPhrase(int i) const {
  Span s = t_.SubtreeWithout(i, [this, i](int c) {
    const std::string_view r = t_.rel(c);
    // Words after a conjunct belong to the next one ("noodles and coffee").
    return r == "case" || r == "det" || r == "punct" || r == "cc" || r == "mark" || (r == "conj" && c > i) ||
           TimeModifier(c);
  });
  return TextWithoutEdgePunctuation(s);
}

std::string Mentions::Description(int i) const {
  Span s = t_.SubtreeWithout(i, [this, i](int c) {
    const std::string_view r = t_.rel(c);
    const std::string& d = t_.deprel(c);
    return r == "det" || r == "punct" || r == "case" || r == "cop" || r == "nsubj" || r == "csubj" ||
           r == "aux" || r == "mark" || r == "cc" || r == "conj" || r == "appos" || r == "parataxis" ||
           r == "obl" || r == "advcl" || r == "dep" || r == "expl" || d == "acl:relcl" ||
           (r == "advmod" && c < i);
  });
  // "the world's largest chipmaker": an article opening the owner's phrase
  // opens no class.
  if (s.first < i && OneOf(t_.lower(s.first), {"the", "a", "an"})) ++s.first;
  return TextWithoutEdgePunctuation(s);
}

Value Mentions::ValueOf(int i) {
  const std::string e = EntityOf(i);
  if (!e.empty()) return Value::Entity(e);
  if (auto m = MoneyOf(i)) return Value::Money(m->amount, m->currency);
  return Value::String(Phrase(i));
}

std::optional<canonical::Money> Mentions::MoneyFrom(int first, int last) const {
  for (int k = first; k <= last; ++k) {
    const std::string& u = t_.upos(k);
    if (u != "SYM" && u != "NUM" && u != "PROPN" && u != "NOUN") continue;
    const uint32_t b = t_.Begin(k);
    const uint32_t e = t_.End(last);
    if (e <= b) continue;
    if (auto m = canonical::ParseMoney(t_.text().substr(b, e - b))) return m;
  }
  return std::nullopt;
}

int Mentions::WithCurrencySign(int first) const {
  // "a new £2 million fund" parsed with "£" elsewhere: a sign written
  // against the number still belongs to it.
  if (first > 0 && t_.End(first - 1) == t_.Begin(first) && t_.upos(first) == "NUM" &&
      OneOf(t_.word(first - 1).form, {"$", "£", "€", "¥", "US$", "C$", "A$"}))
    return first - 1;
  return first;
}

std::optional<canonical::Money> Mentions::AmountItself(int i) const {
  if (i < 0 || i >= t_.size()) return std::nullopt;
  // A noun heads an amount only as its currency ("75 million euros").
  if (t_.upos(i) == "NOUN" && !canonical::ParseMoney("1 " + t_.lower(i))) return std::nullopt;
  return OwnAmount(i);
}

std::optional<canonical::Money> Mentions::OwnAmount(int i) const {
  // The nominal itself ("$400 million", "£2.5 million in funding"): its
  // words up to its last number or unit modifier.
  int last = i;
  for (int c : t_.children(i)) {
    const std::string_view r = t_.rel(c);
    // "EUR 180 million" may come as "EUR" with a flat "180".
    if ((r == "nummod" || r == "compound" || r == "flat") && c > i) last = std::max(last, t_.Subtree(c).last);
  }
  // … and its "million" as an apposition.
  // ("a further £2 million": "£" with "2 million" as an apposition.)
  for (int c : t_.Children(i, "appos")) {
    if (t_.Subtree(c).first == last + 1 && t_.upos(c) == "NUM") last = t_.Subtree(c).last;
  }
  // "EUR 80 million" is one amount however the parser hangs "million".
  if (t_.upos(last) == "NUM" && last + 1 < t_.size() &&
      OneOf(t_.lower(last + 1), {"million", "billion", "trillion", "bn", "mn"}))
    ++last;
  return MoneyFrom(WithCurrencySign(t_.Subtree(i).first), last);
}

std::optional<canonical::Money> Mentions::MoneyOf(int i) const {
  if (i < 0 || i >= t_.size()) return std::nullopt;
  if (auto m = OwnAmount(i)) return m;
  // A modifier of it ("a EUR 75 million loan", "$575 million in financing").
  for (int c : t_.children(i)) {
    const std::string_view r = t_.rel(c);
    if (r != "nummod" && r != "compound" && r != "nmod" && r != "amod") continue;
    // "financing of up to EUR 76 million".
    if (r == "nmod" && !t_.CaseOf(c).empty() && t_.CaseOf(c).rfind("of", 0) != 0) continue;
    const Span s = t_.Subtree(c);
    if (auto m = MoneyFrom(WithCurrencySign(s.first), s.last)) return m;
  }
  return std::nullopt;
}

std::optional<int64_t> Mentions::CountOf(int i) const {
  for (int c : t_.Children(i, "nummod")) {
    const Span s = t_.Subtree(c);
    for (int k = s.first; k <= s.last; ++k) {
      if (t_.upos(k) != "NUM") continue;
      const uint32_t b = t_.Begin(k);
      if (auto n = canonical::ParseCount(t_.text().substr(b, t_.End(i) - b))) return n;
    }
  }
  return std::nullopt;
}

Evidence Mentions::Evid(int first, int last, double confidence, bool hedged) const {
  Evidence ev;
  first = std::clamp(first, 0, t_.size() - 1);
  last = std::clamp(last, first, t_.size() - 1);
  ev.begin = t_.Begin(first);
  ev.end = t_.End(last);
  ev.confidence = confidence;
  ev.hedged = hedged;
  return ev;
}

}  // namespace kg::loader::tree
