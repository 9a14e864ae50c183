// Sums given to a named recipient by no one their sentence names ("President
// X announced a $400 million loan guarantee to Y"): news about one agency's
// programme often names the agency only where it describes the programme
// ("The agency has issued loan guarantees to 13 projects"). At the article's
// end such a sum goes to the one organization the article says provides that
// kind of sum; with none or several, it stays unattributed.
#include <string>
#include <vector>

#include "kg/article.h"
#include "kg/value.h"
#include "loader/article/article_extractor.h"
#include "loader/article/words.h"
#include "loader/extract/clauses.h"

namespace kg::loader {

void ArticleExtractor::DeferFunding(const tree::UnattributedFunding& f) {
  deferred_funding_.push_back({sent_, f});
}

namespace {

// Whether a provided instrument ("loan guarantees") is of kind `kind` (the
// lemma "guarantee"): its last word, singular or plural.
bool OfKind(const std::string& instrument, const std::string& kind) {
  const size_t space = instrument.rfind(' ');
  const std::string last = space == std::string::npos ? instrument : instrument.substr(space + 1);
  return last == kind || last == kind + "s" || last == kind + "es";
}

}  // namespace

std::string ArticleExtractor::ProviderOf(const std::string& kind) const {
  std::string provider;
  for (const Fact& f : out_->facts) {
    if (f.predicate != "provides" || f.subject.kind() != ValueKind::kEntity ||
        f.object.kind() != ValueKind::kString || !OfKind(Lower(f.object.text()), kind))
      continue;
    const std::string& who = f.subject.text();
    if (TypeOf(who) == "Person") continue;
    if (!provider.empty() && provider != who) return "";
    provider = who;
  }
  return provider;
}

void ArticleExtractor::AttributeDeferredFunding() {
  in_tree_ = true;
  for (const auto& [sentence, f] : deferred_funding_) {
    const std::string funder = ProviderOf(f.kind);
    if (funder.empty() || Value::Entity(funder) == f.recipient) continue;
    sent_ = sentence;
    a_ = extract::SentenceAnalysis{};
    const Value giver = Value::Entity(funder);
    if (!f.instrument.empty()) AddFact(giver, "provides", Value::String(f.instrument), f.evidence);
    if (!f.amount.is_null()) AddFact(giver, "funding_amount", f.amount, f.evidence);
    AddFact(giver, "funds", f.recipient, f.evidence);
  }
  in_tree_ = false;
}

}  // namespace kg::loader
