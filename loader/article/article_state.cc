// The tree::ArticleState interface (loader/tree/article_state.h) as the tree
// patterns see it: a thin layer over the registry, discourse and fact sink.
#include "loader/tree/article_state.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "kg/value.h"
#include "loader/article/article_extractor.h"
#include "loader/article/words.h"
#include "loader/canonical/gazetteer.h"
#include "loader/extract/clauses.h"
#include "loader/tree/word_lists.h"

namespace kg::loader {

using extract::NounPhrase;

// A name the tree found and the chunker did not is a mention of this
// sentence too (at its start: the tree gives no token), so later
// definite descriptions can find it.
std::string ArticleExtractor::Entity(const std::string& surface, const std::string& type) {
  const std::string name = EnsureEntity(surface, type);
  const uint64_t start = Key(0);
  const bool seen = std::any_of(mentions_.rbegin(), mentions_.rend(),
                                [&](const Mention& m) { return m.key >= start && m.name == name; });
  if (!seen && !name.empty()) AddMention(name, start, false);
  return name;
}

std::string ArticleExtractor::TypeOf(const std::string& name) const {
  auto it = entities_.find(name);
  return it == entities_.end() ? "" : it->second.type;
}

// The chunker's noun phrase at those bytes, resolved as the clause
// patterns resolve it (pronouns, "the company", undertakings standing
// for their owner).
std::string ArticleExtractor::Antecedent(uint32_t begin, uint32_t end) {
  // The anaphor's head is the last loader token inside the bytes.
  int head_tok = -1;
  for (size_t k = 0; k < a_.tokens.size(); ++k) {
    if (a_.tokens[k].begin >= begin && a_.tokens[k].end <= end) head_tok = static_cast<int>(k);
  }
  if (head_tok < 0) return "";
  // "the Tech Secretary": the person the article gave that title, before
  // any reading of the words as a name.
  if (RoleWord(Lower(Tok(head_tok).lemma))) {
    const std::string holder = NamedByHead(Lower(Tok(head_tok).lemma), Key(head_tok), /*person=*/true);
    if (!holder.empty()) return holder;
  }
  // "its new Grenadier vehicles": a possessive pronoun inside a phrase is
  // the latest subject before it, as for the chunker's owners (OwnerOf).
  if (Tok(head_tok).tag == text::Tag::kPoss && In(Tok(head_tok).lower, {"its", "their"}))
    return LatestOfType("", Key(head_tok), true);
  // "our strong commitment to supporting …": the organization speaking.
  if (Tok(head_tok).tag == text::Tag::kPoss && Tok(head_tok).lower == "our")
    return SpeakingOrganization(head_tok);
  const int np = a_.np_of_token[static_cast<size_t>(head_tok)];
  // "the port" inside the chunker's "the port's expansion" is not that
  // phrase: only its own head word answers for it.
  if (np < 0 || Np(np).head != head_tok) return FacilityOwner(Lower(Tok(head_tok).lemma), Key(head_tok));
  const Ref& r = ResolveNp(np);
  if (r.entity) return r.name;
  // "The investment will create …", "the project": an undertaking of the
  // actor the text is about at this point (a subject of this sentence or
  // the two before it).
  const NounPhrase& p = Np(np);
  const bool definite = p.core.begin > p.range.begin || p.possessor >= 0;
  const std::string& head = Tok(p.head).lemma;
  const std::string kind = AnaphorType(head);
  // "the companies said": a plural is no one entity (as AnaphorRef reads
  // it).
  if (PluralNoun(Tok(p.head).lower, Tok(p.head).lemma) && !kind.empty()) return "";
  if (definite && (EventNoun(head) || kind == "Company" || kind == "GovernmentAgency")) {
    const uint64_t key = Key(p.head);
    const uint64_t floor = key >= 200000 ? (key / 100000 - 2) * 100000 : 0;
    // "The company" after "the Energy Department issued a loan to Orvane
    // Solar" is Orvane Solar: an agency is not a company, nor the reverse.
    if (std::string who = RecentRecipient(key);
        !who.empty() && (EventNoun(head) || CompatibleType(kind, TypeOf(who))))
      return who;
    return LatestAgent(key, floor, EventNoun(head) ? "" : kind);
  }
  if (!definite) return "";
  return FacilityOwner(head, Key(p.head));
}

// The entity a definite description with `head` names (NamedByHead); for
// an unnamed facility ("Upon completion, the facilities will be able to
// manufacture …") its owner: the recipient of a sum just given, else the
// latest acting company.
std::string ArticleExtractor::FacilityOwner(const std::string& head, uint64_t key) const {
  std::string named = NamedByHead(head, key);
  if (named.empty() && In(head, {"plant", "plants", "factory", "factories", "facility", "facilities", "site",
                                 "sites", "mill", "campus", "warehouse"})) {
    named = BuilderOf(head, key);
    if (named.empty()) named = RecentRecipient(key);
    if (named.empty()) named = LatestAgent(key, key >= 200000 ? (key / 100000 - 2) * 100000 : 0, "Company");
  }
  return named;
}

// "Halden will build a battery plant … The plant will supply …": who
// builds or opens a facility of that name in the last three sentences.
std::string ArticleExtractor::BuilderOf(const std::string& head, uint64_t key) const {
  const uint64_t sentence = key / 100000;
  const std::string singular = head.ends_with("ies") ? head.substr(0, head.size() - 3) + "y"
                               : head.ends_with("s") ? head.substr(0, head.size() - 1)
                                                     : head;
  for (auto it = out_->facts.rbegin(); it != out_->facts.rend(); ++it) {
    if (it->sentence + 3 < sentence) break;
    if (!In(it->predicate, {"builds", "opens"}) || it->subject.kind() != ValueKind::kEntity ||
        it->object.kind() != ValueKind::kString)
      continue;
    if (Lower(it->object.text()).find(singular) != std::string::npos) return it->subject.text();
  }
  return "";
}

void ArticleExtractor::AddFact(const Value& s, const std::string& pred, const Value& o,
                               const tree::Evidence& ev) {
  // A headline restates the lede in fewer, rounder words ("$13 billion"
  // for "$13.4 billion", no date): of an investment event, and of the
  // amounts and job counts, it fills only what the body left out.
  const bool restated = s.kind() == ValueKind::kEntity && TypeOf(s.text()) == "Investment";
  if (in_title_ &&
      (restated || In(pred, {"investment_amount", "funding_amount", "acquisition_amount", "creates_jobs"})) &&
      std::any_of(out_->facts.begin(), out_->facts.end(),
                  [&s, &pred](const Fact& f) { return f.predicate == pred && f.subject == s; }))
    return;
  AddFactAt(s, pred, o, ev.confidence, ev.begin, ev.end, ev.hedged);
}

const std::string& ArticleExtractor::ArticleDate() const { return out_->date; }

void ArticleExtractor::NoteTitle(uint32_t begin, uint32_t end) {
  if (sentence_ == nullptr || end <= begin || end > sentence_->size()) return;
  titles_.push_back({sent_, Lower(sentence_->substr(begin, end - begin))});
}

bool ArticleExtractor::KnownName(const std::string& surface) const {
  return alias_.count(Lower(surface)) > 0 || gaz_.Lookup(surface).has_value();
}

void ArticleExtractor::NoteHedgedClause(uint32_t verb_begin) {
  tree_hedged_verbs_.insert({sent_, verb_begin});
}

void ArticleExtractor::NoteClauseSubjects(uint32_t verb_begin, const std::vector<std::string>& subjects) {
  tree_clause_subjects_[{sent_, verb_begin}] = subjects;
}

void ArticleExtractor::NoteRecipient(const std::string& entity) {
  if (!entity.empty()) last_funded_ = {entity, sent_};
}

bool ArticleExtractor::UsedAsName(std::string_view word) const {
  return doc_names_.count(Lower(word)) > 0 || gaz_.StartsName(word);
}

bool ArticleExtractor::RoleWord(const std::string& head) {
  return !tree::WordLists::Get().RolePredicate(head).empty();
}

}  // namespace kg::loader
