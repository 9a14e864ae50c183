// Who funds whom: the source of a grant, loan or amount of money and the
// organization it goes to.
#include <string>

#include "kg/value.h"
#include "loader/article/article_extractor.h"
#include "loader/article/words.h"
#include "loader/extract/clauses.h"
#include "loader/text/tokens.h"

namespace kg::loader {

using extract::Clause;
using extract::NounPhrase;
using extract::Range;
using text::Tag;

// "X will build a plant with a C$500 million grant from the Canadian
// government": the source of a grant/subsidy/loan funds the subject of the
// clause the phrase belongs to.
void ArticleExtractor::ProcessFundingSources() {
  for (int h = 0; h + 2 < static_cast<int>(a_.tokens.size()); ++h) {
    // A funding noun, or an amount of money ("backed by S$120 million from
    // the Economic Development Board").
    const bool funding_noun =
        Tok(h).tag == Tag::kNoun &&
        In(Tok(h).lemma, {"grant", "subsidy", "loan", "funding", "financing", "incentive", "aid"});
    const bool money = (Tok(h).tag == Tag::kNum || CurrencyUnit(Tok(h).lower)) &&
                       h + 1 < static_cast<int>(a_.tokens.size()) && Tok(h + 1).lower == "from" &&
                       NpOf(h) >= 0 && ResolveNp(NpOf(h)).literal.kind() == ValueKind::kMoney;
    if (!funding_noun && !money) continue;
    const int npi = NpOf(h);
    if (npi < 0) continue;
    const NounPhrase& np = Np(npi);
    const int from = h + 1;
    // "approved a loan of 4.3 billion reais ($800 million) to mining company
    // Vexa Minerals": the clause's subject funds the named recipient.
    if (Tok(from).lower != "from") {
      int to = -1;
      for (int j = from; j < static_cast<int>(a_.tokens.size()) && j <= h + 12; ++j) {
        if (Tok(j).lower == "to") {
          to = j;
          break;
        }
        if (Tok(j).tag == Tag::kVerb) break;
      }
      if (to < 0) continue;
      std::string recipient;
      for (int j = to + 1; j < static_cast<int>(a_.tokens.size()) && j <= to + 4 && recipient.empty(); ++j) {
        const int rn = NpOf(j);
        // A name after another preposition is no recipient ("to small
        // firms in Norway" names the firms, not Norway).
        // Nor one after a verb ("incentives for firms to make Wales their
        // home").
        if (j > to + 1 &&
            (Tok(j - 1).tag == Tag::kPrep || Tok(j - 1).tag == Tag::kTo || Tok(j - 1).tag == Tag::kVerb))
          break;
        if (rn < 0 || Np(rn).names.empty() || Np(rn).names.front().begin != j) continue;
        const Ref& r = ResolveNp(rn);
        if (r.entity && !r.via_coref) recipient = r.name;
      }
      const Clause* owner = nullptr;
      for (const Clause& c : a_.clauses) {
        if (c.verb_group.begin < np.range.begin && !c.subject.empty() && !c.negated) owner = &c;
      }
      if (recipient.empty() || owner == nullptr) continue;
      for (const Ref& r : SubjectRefs(*owner)) {
        if (!r.entity || r.name == recipient) continue;
        const std::string rt = TypeOf(r.name);
        if (rt == "Country" || rt == "City" || rt == "Region" || rt == "Person") continue;
        AddFact(Value::Entity(r.name), "funds", Value::Entity(recipient), 0.75, Range{np.range.begin, to + 1},
                ClauseHedged(*owner));
      }
      continue;
    }
    if (from + 1 >= static_cast<int>(a_.tokens.size())) continue;
    const int src = NpOf(from + 1);
    if (src < 0 || Np(src).range.begin != from + 1) continue;
    const Ref& source = ResolveNp(src);
    if (!source.entity) continue;
    const std::string st = TypeOf(source.name);
    if (st != "GovernmentAgency" && st != "Company" && st != "Organization" && st != "Country" && !st.empty())
      continue;
    // The latest clause before the phrase whose subject is an organization
    // (", backed by S$120 million from …" after "X will open a hub in
    // Singapore" skips the participle's place subject).
    for (auto it = a_.clauses.rbegin(); it != a_.clauses.rend(); ++it) {
      const Clause& c = *it;
      if (c.verb_group.begin >= np.range.begin || c.subject.empty() || c.negated) continue;
      bool done = false;
      for (const Ref& r : SubjectRefs(c)) {
        if (!r.entity || r.name == source.name) continue;
        const std::string rt = TypeOf(r.name);
        if (rt == "Country" || rt == "City" || rt == "Region") continue;
        AddFact(Value::Entity(source.name), "funds", Value::Entity(r.name), 0.75,
                Range{np.range.begin, Np(src).range.end}, ClauseHedged(c));
        done = true;
      }
      if (done) break;
    }
  }
}

}  // namespace kg::loader
