// Article-level facts once every sentence is read (places in their
// countries, agencies in their governments) and reconciliation with the tree.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kg/article.h"
#include "kg/value.h"
#include "loader/article/article_extractor.h"
#include "loader/article/redundant_literals.h"
#include "loader/article/words.h"
#include "loader/canonical/gazetteer.h"
#include "loader/extract/clauses.h"

namespace kg::loader {

using extract::Range;
using extract::SentenceAnalysis;

void ArticleExtractor::Finalize() {
  // Countries in a region the article mentions; cities in their countries.
  std::set<std::string> mentioned;
  for (const auto& n : entity_order_) mentioned.insert(n);
  // A copy: EnsureEntity below may add entities (a city's country).
  const std::vector<std::string> order = entity_order_;
  for (const auto& n : order) {
    const EntityData e = entities_[n];
    if (e.type == "Country") {
      const std::string region = gaz_.RegionOf(n);
      if (!region.empty() && mentioned.count(region) > 0) {
        sent_ = std::max(first_mention_[n], first_mention_[region]);
        a_ = SentenceAnalysis{};
        AddFact(Value::Entity(n), "located_in", Value::Entity(region), 0.9, Range{}, false);
      }
    } else if ((e.type == "City" || e.type == "Region") && !PartOfLongerPlace(n)) {
      // Cities and a country's subdivisions ("Ontario") are in their country;
      // a subdivision named by a compass word ("Central", "North West") only
      // when the article names that country too.
      if (auto g = gaz_.Lookup(n); g && !g->country.empty() && g->country != n &&
                                   (e.type == "City" || mentioned.count(g->country) > 0 || !CompassName(n))) {
        sent_ = first_mention_[n];
        a_ = SentenceAnalysis{};
        AddFact(Value::Entity(n), "located_in", Value::Entity(EnsureEntity(g->country, "Country")), 0.9,
                Range{}, false);
      }
    }
  }
  // Government agencies belong to a government: their own country, else the
  // country the article talks about most (when it is clear).
  std::map<std::string, int> country_counts;
  for (const auto& m : mentions_) {
    if (TypeOf(m.name) == "Country") ++country_counts[m.name];
  }
  const std::string main_country = ClearMost(country_counts);
  const std::vector<std::string> names = entity_order_;
  for (const auto& n : names) {
    if (entities_[n].type != "GovernmentAgency") continue;
    // "UK Government", "Welsh Government" are governments themselves.
    if (Lower(n).find("government") != std::string::npos) continue;
    std::string country;
    double conf = 0.85;
    auto it = agency_country_.find(n);
    if (it != agency_country_.end()) country = it->second;
    if (country.empty()) {
      for (const auto& a : entities_[n].aliases) {
        const size_t of = a.rfind(" of ");
        if (of != std::string::npos) {
          auto g = gaz_.Lookup(a.substr(of + 4));
          if (g && g->type == "Country") country = g->name;
        }
      }
    }
    // "U.S. Department of Agriculture", "Japanese Ministry of …": the
    // country its name opens with.
    if (country.empty() && n.find(' ') != std::string::npos) {
      const std::string first = n.substr(0, n.find(' '));
      if (auto g = gaz_.Lookup(first); g && g->type == "Country") country = g->name;
      if (country.empty()) country = gaz_.CountryOfDemonym(first);
    }
    if (country.empty() && !main_country.empty()) {
      country = main_country;
      conf = 0.6;
    }
    // Supranational bodies (the gazetteer's @EU, @UN) belong to no government.
    if (country.empty() || country == "European Union" || country == "United Nations") continue;
    sent_ = first_mention_[n];
    a_ = SentenceAnalysis{};
    const std::string gov = EnsureEntity("Government of " + country, "GovernmentAgency");
    AddFact(Value::Entity(n), "part_of", Value::Entity(gov), conf, Range{}, false);
  }
  AttributeDeferredFunding();
  MergeTitledNames();
  ReconcileWithTree();
  DropDescriptionsOfNamedObjects();
  // A person creates, hires and employs no staff: a minister who unveils a
  // package "advancing efforts to … create better paid jobs" speaks of what
  // the package does (persons are typed only once all roles are read).
  std::erase_if(out_->facts, [this](const Fact& f) {
    return f.subject.kind() == ValueKind::kEntity && In(f.predicate, {"creates_jobs", "hires", "employs"}) &&
           TypeOf(f.subject.text()) == "Person";
  });
  RenameEventsForTheirInvestor();
  DropRedundantLiterals(&out_->facts);
  for (const auto& n : entity_order_) {
    if (!PronounLed(n)) out_->entities.push_back(entities_[n]);
  }
}

// "Technology Secretary Chloe Smith" (the chunker's name with a title in
// front) is the person "Chloe Smith" the tree split off: its facts and
// aliases move to the person.
void ArticleExtractor::MergeTitledNames() {
  std::unordered_map<std::string, std::string> to;
  for (const auto& p : entity_order_) {
    if (entities_[p].type != "Person" || p.find(' ') == std::string::npos) continue;
    for (const auto& e : entity_order_) {
      if (e.size() > p.size() + 1 && e.compare(e.size() - p.size(), p.size(), p) == 0 &&
          e[e.size() - p.size() - 1] == ' ' && entities_[e].type != "Person")
        to[e] = p;
    }
  }
  if (to.empty()) return;
  for (Fact& f : out_->facts) {
    for (Value* v : {&f.subject, &f.object}) {
      if (v->kind() != ValueKind::kEntity) continue;
      auto it = to.find(v->text());
      if (it != to.end()) *v = Value::Entity(it->second);
    }
  }
  for (const auto& [from, person] : to) AddAlias(person, from);
  entity_order_.erase(std::remove_if(entity_order_.begin(), entity_order_.end(),
                                     [&to](const std::string& n) { return to.count(n) > 0; }),
                      entity_order_.end());
}

// Where the tree patterns and the chunker's clause patterns read the
// same statement (sentence, predicate and object) with different
// subjects, the tree's reading stands: it follows the parse, the chunker
// guessed the subject from word order.
const std::vector<std::string>* ArticleExtractor::TreeSubjectsOf(size_t fact) const {
  if (fact >= fact_verb_.size() || fact_verb_[fact] == UINT32_MAX || !fact_about_subject_[fact])
    return nullptr;
  auto it = tree_clause_subjects_.find({out_->facts[fact].sentence, fact_verb_[fact]});
  return it == tree_clause_subjects_.end() ? nullptr : &it->second;
}

void ArticleExtractor::ReconcileWithTree() {
  std::unordered_map<std::string, std::vector<std::string>> tree_subjects;
  auto key_of = [](const Fact& f) {
    return std::to_string(f.sentence) + "\x1f" + f.predicate + "\x1f" + Lower(f.object.ToString());
  };
  for (size_t i = 0; i < out_->facts.size(); ++i) {
    if (from_tree_[i]) tree_subjects[key_of(out_->facts[i])].push_back(out_->facts[i].subject.ToString());
  }
  // Names inside a person's title ("… for Science, Innovation and
  // Technology Chloe Smith") are no party of that sentence's chunker facts.
  auto inside_title = [this](const Fact& f) {
    for (const Value* v : {&f.subject, &f.object}) {
      if (v->kind() != ValueKind::kEntity) continue;
      const std::string name = Lower(v->text());
      for (const auto& [sentence, title] : titles_) {
        if (sentence == f.sentence && title.find(name) != std::string::npos) return true;
      }
    }
    return false;
  };
  // "Carlen Controls Inc., Roanoke, VA, are suppliers": the place of a
  // name's address in the sentence is no party of the chunker's clause.
  std::set<std::pair<uint32_t, std::string>> addresses;
  for (size_t i = 0; i < out_->facts.size(); ++i) {
    const Fact& f = out_->facts[i];
    if (from_tree_[i] && f.predicate == "headquartered_in" && f.object.kind() == ValueKind::kEntity)
      addresses.insert({f.sentence, f.object.text()});
  }
  std::vector<Fact> kept;
  kept.reserve(out_->facts.size());
  for (size_t i = 0; i < out_->facts.size(); ++i) {
    const Fact& f = out_->facts[i];
    if (!from_tree_[i] && inside_title(f)) continue;
    if (!from_tree_[i] && f.predicate == "is_a" && f.subject.kind() == ValueKind::kEntity &&
        addresses.count({f.sentence, f.subject.text()}) > 0)
      continue;
    // The chunker's clause read another subject for a verb the tree read:
    // "the Port of Brownsville, Texas received …" is the port's.
    if (!from_tree_[i] && i < fact_verb_.size() && fact_verb_[i] != UINT32_MAX &&
        tree_hedged_verbs_.count({f.sentence, fact_verb_[i]}) > 0 && f.modality == Modality::kAsserted) {
      Fact g = f;
      g.modality = Modality::kHedged;
      g.confidence *= 0.7;
      out_->facts[i] = std::move(g);
    }
    const bool investor = f.predicate == "investor";
    const Value& party = investor ? f.object : f.subject;
    if (!from_tree_[i] && party.kind() == ValueKind::kEntity) {
      if (const auto* subjects = TreeSubjectsOf(i); subjects != nullptr) {
        const std::string subj = Lower(party.text());
        // (A part of the tree's name is another reading: "Trade" of the
        // tree's "Ministry of Economy, Trade and Industry".)
        const bool same = std::any_of(subjects->begin(), subjects->end(), [&subj](const std::string& t) {
          return subj.find(Lower(t)) != std::string::npos;
        });
        if (!same) {
          for (const std::string& s : *subjects) {
            const Value& other = investor ? f.subject : f.object;
            if (other.text() == s) continue;
            Fact g = f;
            (investor ? g.object : g.subject) = Value::Entity(s);
            kept.push_back(std::move(g));
          }
          continue;
        }
      }
    }
    auto it = tree_subjects.find(key_of(f));
    // A name the tree's contains ("Lunar Foods" / tree "Foods") is the
    // same reading; a part of the tree's name ("Innovation" / tree "UK
    // Research and Innovation") or another name is not.
    const std::string subj = Lower(f.subject.ToString());
    const bool contradicted =
        !from_tree_[i] && f.subject.kind() == ValueKind::kEntity && it != tree_subjects.end() &&
        std::none_of(it->second.begin(), it->second.end(),
                     [&subj](const std::string& t) { return subj.find(Lower(t)) != std::string::npos; });
    if (!contradicted) kept.push_back(f);
  }
  // Replacing subjects may have made two facts one.
  std::set<std::string> seen;
  std::vector<Fact> unique;
  unique.reserve(kept.size());
  for (Fact& f : kept) {
    // A name read two ways ("UK Government Business Secretary Greg Clark"
    // and "Greg Clark") is one entity now: it does nothing to itself.
    if (f.subject == f.object) continue;
    if (seen.insert(f.subject.ToString() + "\x1f" + f.predicate + "\x1f" + f.object.ToString()).second)
      unique.push_back(std::move(f));
  }
  out_->facts = std::move(unique);
  fact_index_.clear();
  from_tree_.clear();
  fact_verb_.clear();
  fact_about_subject_.clear();
}

// An event named "<X> investment in Y" whose investor the tree corrected to
// Z ("Asia investment in efforts", investor USAID) takes Z's name.
void ArticleExtractor::RenameEventsForTheirInvestor() {
  std::map<std::string, std::string> renamed;
  for (const Fact& f : out_->facts) {
    if (f.predicate != "investor" || f.subject.kind() != ValueKind::kEntity ||
        f.object.kind() != ValueKind::kEntity)
      continue;
    const std::string& ev = f.subject.text();
    const std::string& investor = f.object.text();
    const size_t at = ev.find(" investment");
    if (at == std::string::npos || ev.compare(0, at, investor) == 0 || renamed.count(ev) > 0) continue;
    renamed[ev] = investor + ev.substr(at);
  }
  if (renamed.empty()) return;
  for (Fact& f : out_->facts) {
    if (f.subject.kind() == ValueKind::kEntity) {
      if (auto it = renamed.find(f.subject.text()); it != renamed.end())
        f.subject = Value::Entity(it->second);
    }
  }
  for (const auto& [from, to] : renamed) {
    auto it = entities_.find(from);
    if (it == entities_.end() || entities_.count(to) > 0) continue;
    EntityData e = it->second;
    e.name = to;
    entities_.erase(it);
    entities_[to] = e;
    std::replace(entity_order_.begin(), entity_order_.end(), from, to);
  }
}

// "agreed to acquire Norwegian biotech Norvik Bio": the description
// before the name is no second thing acquired. A string object that, in
// the same sentence, describes (`is_a`) an entity that is the object of the
// same subject and predicate goes.
void ArticleExtractor::DropDescriptionsOfNamedObjects() {
  std::set<std::tuple<uint32_t, std::string, std::string, std::string>> named;  // sentence, s, p, described
  std::map<std::pair<uint32_t, std::string>, std::vector<std::string>> descriptions;  // (sentence, entity)
  for (const Fact& f : out_->facts) {
    if (f.predicate == "is_a" && f.subject.kind() == ValueKind::kEntity &&
        f.object.kind() == ValueKind::kString)
      descriptions[{f.sentence, f.subject.text()}].push_back(Lower(f.object.text()));
  }
  for (const Fact& f : out_->facts) {
    if (f.object.kind() != ValueKind::kEntity || f.predicate == "is_a") continue;
    auto it = descriptions.find({f.sentence, f.object.text()});
    if (it == descriptions.end()) continue;
    for (const std::string& d : it->second) {
      named.insert({f.sentence, f.subject.ToString(), f.predicate, d});
      // (The chunker calls buying a described thing "buys".)
      if (f.predicate == "acquires") named.insert({f.sentence, f.subject.ToString(), "buys", d});
    }
  }
  if (named.empty()) return;
  // The object is the description, or ends with it after modifiers
  // ("Czech rival" for the description "rival").
  std::erase_if(out_->facts, [&named](const Fact& f) {
    if (f.object.kind() != ValueKind::kString) return false;
    const std::string o = Lower(f.object.text());
    if (named.count({f.sentence, f.subject.ToString(), f.predicate, o}) > 0) return true;
    const size_t space = o.rfind(' ');
    return space != std::string::npos &&
           named.count({f.sentence, f.subject.ToString(), f.predicate, o.substr(space + 1)}) > 0;
  });
}

}  // namespace kg::loader
