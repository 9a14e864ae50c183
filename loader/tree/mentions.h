// What the nominals of a sentence stand for: names read off the words and
// the tree (a capitalized run, a role title split from the person after
// it), anaphors resolved through the article state, amounts of money and
// counts in a nominal's own modifiers, and literal phrases for the rest.
#ifndef KG_LOADER_TREE_MENTIONS_H_
#define KG_LOADER_TREE_MENTIONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "kg/value.h"
#include "loader/canonical/literals.h"
#include "loader/tree/article_state.h"
#include "loader/tree/sentence_tree.h"

namespace kg::loader::tree {

// A name run split at a role: "Secretary of State for Wales Alun Cairns" →
// title "Secretary of State for Wales", person "Alun Cairns".
struct RoleSplit {
  Span title;
  Span person;
  std::string predicate;  // the role's predicate (roles.tsv)
  int role_word = -1;     // the (last) word of the role itself
  int role_first = -1;    // its first word ("Chief" of "Chief Executive")
};

class Mentions {
 public:
  Mentions(const SentenceTree& tree, ArticleState& state);

  // The maximal run of name words containing word i (widened over a list
  // when the whole is a known name: "Ministry of Economy, Trade and
  // Industry"): capitalized words
  // (a sentence-initial one only if tagged PROPN), numbers and attached
  // punctuation inside a run ("Ex-Im", "Strategy 2030"), joined over "of",
  // "for", "&", "de" and "the" after them when a name word follows. Empty
  // when i is not a name word.
  Span NameRun(int i) const;
  // Every name run of the sentence, left to right (NameRun of each first
  // word not inside an earlier run).
  std::vector<Span> NameRuns() const;
  // The role inside a name run with a person after it, if any; the run is
  // first extended left over a list inside the title ("Secretary of State
  // for Science, Innovation and Technology Chloe Smith").
  std::optional<RoleSplit> SplitRole(Span run) const;
  // The entity word i stands for: the name it is part of (the person of a
  // role title), or an anaphor's antecedent; "" for anything else.
  std::string EntityOf(int i);
  // EntityOf(i), else the entities of i's name-bearing conjuncts.
  std::vector<std::string> EntitiesOf(int i);
  // The last word of the name an address part belongs to ("Liaoning" in
  // "Benxi Iron & Steel Co., Benxi, Liaoning, China" → "Co."), or -1 when i
  // is not a place or state code after a comma and a name.
  int AddressOwner(int i);
  // Whether word i's name is part of an address: a place after a name and a
  // comma, or a name followed by ", ST" ("Roanoke, VA").
  bool AddressPart(int i);
  // Whether the gazetteer knows `surface` as a city, region or country.
  static bool KnownPlace(const std::string& surface);
  // The entities of several words (subject heads), each once, in order.
  std::vector<std::string> EntitiesOfEach(const std::vector<int>& words);
  // The text of i's phrase as a literal: its subtree without a leading
  // preposition, determiner or punctuation and without trailing punctuation.
  std::string Phrase(int i) const;
  // Phrase without a clause hung on its right ("the city of Tarrow, to
  // build a park" → "city of Tarrow"), a restrictive relative clause kept.
  std::string PhraseWithoutClauses(int i) const;
  // PhraseWithoutClauses without the sum it costs ("a 350 million euro
  // factory near Lodz" → "factory near Lodz").
  std::string PhraseWithoutCost(int i) const;
  // Whether word c is a bare time phrase hung on a noun or verb ("this
  // month", "last year"): no part of the phrase it modifies.
  bool TimeModifier(int c) const;
  // The text of s without punctuation at either edge (the phrases above).
  std::string TextWithoutEdgePunctuation(Span s) const;
  // Phrase without the conjuncts hanging on `i` ("instant noodles" of
  // "instant noodles and coffee"), for lists read one conjunct at a time.
  std::string ConjunctPhrase(int i) const;
  // What nominal i says a thing is, as a literal: its own modifiers and
  // complements ("privately-held mid-cap company in Germany"), without
  // determiner, relative clauses, appositions and the clause around it.
  std::string Description(int i) const;
  // The last word of a name written right after common noun i and joined
  // to it ("the firm Forestalia", "manufacturer, Biological E"), or -1.
  int NameAfter(int i) const;
  // The "of" complement of undertaking noun i or of a conjunct of it ("the
  // expansion and modernization of the port"), or -1.
  int UndertakingOf(int i) const;
  // "Halden's cloud unit", "its cloud unit", "the cloud unit of Halden": the
  // word naming the owner of unit noun `i`, -1 when `i` is no such unit.
  int UnitOwner(int i) const;
  // Entity if i names one, money if the phrase is an amount, else Phrase.
  Value ValueOf(int i);
  // An amount of money written in i's own words ("a EUR 75 million loan",
  // "$400 million", "up to £50 million"), not in nested phrases.
  std::optional<canonical::Money> MoneyOf(int i) const;
  // The amount word `i` is itself ("$400 million"), not one it is
  // modified by ("a $1.7 billion investment" is an investment).
  std::optional<canonical::Money> AmountItself(int i) const;
  // A count in i's own modifiers ("700 jobs" → 700).
  std::optional<int64_t> CountOf(int i) const;
  // The place an unnamed facility acting in its clause is in ("a proposed
  // spaceport in Sutherland has been awarded …", "a site in Sutherland
  // which will create …"): its name run, empty otherwise.
  Span FacilityPlace(int i);
  // The place an owned facility is named for ("its Salem, VA plant",
  // "Nissan's Sunderland plant"): the name run before the facility noun `i`
  // that has an owner, when that name is no organization or person; empty
  // otherwise. The facility is "<place> <noun>".
  Span OwnedFacilityPlace(int i);
  // For "it" opening a clause after a semicolon: the subject word of the
  // clause before, or kThingSubject when that subject is no entity; -1
  // when "it" is not there.
  static constexpr int kThingSubject = -2;
  int EarlierClauseSubject(int i);
  // For "it", "they" or "we" subject of what a named organization says
  // ("Kestrel said it had opened …"): the sayer's word, else -1.
  int ReportingSubject(int i);
  // For an undertaking written with a facility noun before it ("the port
  // expansion"): the facility the text named with that noun, else "".
  std::string FacilityOfUndertaking(int i);
  // Whether an entity is a person: typed so, or a name with a role word
  // inside it ("Montana Governor Greg Gianforte").
  bool PersonName(const std::string& name) const;
  // The name a place noun is "of" ("the city of Lorain") or that stands
  // right before a subdivision noun ("El Oro province"), or -1.
  int PlaceNamedOf(int i) const;
  // "Although much of the produce …" with "Although" read as a modifier
  // inside the phrase: a subordinator opening a phrase is no part of it.
  Span WithoutOpeningSubordinator(Span s) const;
  // Whether every word of r is a common noun WordNet knows and no place
  // ("Planning", "Investment").
  bool CommonNounRun(Span r) const;
  // Whether a name run is a counted plural ("over 2,000 SMEs").
  bool CountedPlural(Span run) const;
  // Evidence spanning words [first, last] (clamped to the sentence).
  Evidence Evid(int first, int last, double confidence, bool hedged) const;

  const SentenceTree& tree() const { return t_; }
  ArticleState& state() { return state_; }

 private:
  // The amount written from `i`'s first word up to its last number or unit
  // modifier, whatever word heads it.
  std::optional<canonical::Money> OwnAmount(int i) const;
  bool NameWord(int i) const;
  bool Connector(int i) const;
  bool StateCode(int i) const;
  // The role split of a title that `run` is the start of, when a list
  // inside the title separates them.
  std::optional<RoleSplit> TitleAround(Span run) const;
  std::optional<RoleSplit> SplitRoleIn(Span run) const;
  // NameRun without the widening over lists inside known names.
  Span BasicRun(int i) const;
  std::vector<Span> ListNeighbours(Span run, int dir) const;
  // `run` with the part across an "and" when only the right part ends in
  // an organization word ("American Recovery and Reinvestment Act").
  Span JoinedOverAnd(Span run) const;
  // The first word of a name the parser hung on month word i ("11 May
  // EIF"), or -1.
  int NameAfterDate(int i) const;
  // The organization reporting the clause undertaking noun i is in ("GE
  // said the transaction …"), or "".
  std::string ReporterOfUndertaking(int i);
  // The word a relative pronoun in an argument ("to whom", "in which")
  // stands for, or -1.
  int RelativeAntecedent(int i) const;
  // The last word of an untyped name the article knows, written before
  // facility noun i ("the Puerto Bolívar container port"), or -1.
  int NameBeforeFacility(int i) const;
  std::optional<canonical::Money> MoneyFrom(int first, int last) const;
  // `first`, or the currency sign written against it ("£" of "£2").
  int WithCurrencySign(int first) const;

  const SentenceTree& t_;
  ArticleState& state_;
  std::unordered_map<int, std::string> entity_cache_;
  std::vector<Span> defined_;                         // names their bracketed short forms define
  mutable std::unordered_map<int, Span> wide_cache_;  // BasicRun start → widened run
};

}  // namespace kg::loader::tree

#endif  // KG_LOADER_TREE_MENTIONS_H_
