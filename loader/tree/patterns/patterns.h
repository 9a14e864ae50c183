// The tree patterns, one per file in this folder. Each reads the sentence's
// tree, clauses and mentions and adds facts through the article state;
// none depends on another having run (tree_extractor.cc runs them in a
// fixed order only so that entities are registered in reading order).
#ifndef KG_LOADER_TREE_PATTERNS_PATTERNS_H_
#define KG_LOADER_TREE_PATTERNS_PATTERNS_H_

#include <optional>
#include <string>
#include <vector>

#include "loader/tree/article_state.h"
#include "loader/tree/mentions.h"
#include "loader/tree/sentence_tree.h"
#include "loader/tree/tree_clauses.h"

namespace kg::loader::tree {

struct PatternContext {
  const SentenceTree& tree;
  const std::vector<TreeClause>& clauses;
  Mentions& mentions;
  ArticleState& state;
};

// Subject–verb–object and verb–preposition facts named by the vocabulary
// (predicates.tsv): "X signed an agreement", "X invests in Y", passives
// with their agent as subject.
void ExtractVerbFacts(PatternContext& cx);
// Other names: "Name (ACRONYM)", "X, also known as Y", "X, the Y" (two
// names in apposition, neither a place nor a person): `also_known_as`, and
// the short form becomes an alias of the entity.
void ExtractAliases(PatternContext& cx);
// The word of the name that appositive name `a` (its name run `ra`)
// renames: its head when a name, or the name right before the comma inside
// a common-noun head's phrase ("the heart of the Investment Plan for
// Europe, the Juncker Plan"); -1 when none.
int RenamedWord(PatternContext& cx, int a, Span ra);
// Owners written before a name: "DOE's National Renewable Energy
// Laboratory" (`part_of`), "Orvane's Keel" for a person (`works_for`),
// "Ecuador's El Oro province" (`located_in`).
void ExtractPossessives(PatternContext& cx);
// Sales and deliveries: "the export by X of goods to Y", "X's sale of
// goods to Y": X `supplies_to` Y.
void ExtractSupplies(PatternContext& cx);
// expansions.cc: expands_in for who puts a facility in a place.
void ExtractExpansions(PatternContext& cx);
// products.cc: product_of and is_a for names before product nouns.
void ExtractProducts(PatternContext& cx);
// Nominalizations the vocabulary names ("investment in", "production
// of"): their agent (possessor, "by" phrase, name before them, or the
// subject of their clause) with the predicate.
void ExtractNominalizations(PatternContext& cx);
// Who does what nominalization n names: its possessor, "by" phrase or a
// name before it, the recipient of a sum it is "for", else the subject of
// its clause (persons only when `persons_act`: a minister announcing an
// investment does not make it).
std::vector<std::string> NominalAgents(PatternContext& cx, int n, bool persons_act);
// The clause noun n is an argument of (through the nouns it hangs on), or
// nullptr; and whether that clause is hedged ("is in talks to buy a stake").
const TreeClause* GoverningClause(PatternContext& cx, int n);
bool GoverningClauseHedged(PatternContext& cx, int n);
// Investment event nodes (docs/vocabulary.md): investor, targets, amounts
// with their bound, period, purpose and date, from "invest"-like clauses,
// the noun "investment" and facilities built with their cost.
void ExtractInvestmentEvents(PatternContext& cx);
// The date an announcing clause gives ("On 8 May, X announced …", "X
// today (Tuesday 3 July) welcomed …"): X `announced_on` the date.
void ExtractAnnouncements(PatternContext& cx);
// The date the clause of verb v is set on: "on 8 May", "on July 3", "today
// (Tuesday 3 July)", "today [16 July 2018]" (the bracketed date wins over
// "today"); none for a bare year.
std::optional<Date> DateOfClause(PatternContext& cx, int v);
// Agreements: the signers of an agreement, deal or partnership, and those
// it is signed "with", `partners_with` each other.
void ExtractAgreements(PatternContext& cx);
// Grants, loans, guarantees and financing: funder `funds` recipient and
// funder `funding_amount` amount, from the funding noun and the clause
// that gives or receives it.
void ExtractFunding(PatternContext& cx);
// Roles before a person's name ("Secretary of State for Wales Alun
// Cairns", "Orvane CEO Dana Holt"): person `is_a` title, and the role's
// predicate to the organization or country named in or before it.
void ExtractRoleTitles(PatternContext& cx);
// What a name is said to be: copulas ("X is a Y"), appositions ("X, a Y"),
// descriptors before a name ("Spanish firm X"): `is_a`, with `part_of`
// for part nouns ("the heart of Y") and `headquartered_in` for a country or
// demonym in the description.
void ExtractDescriptors(PatternContext& cx);
// The name at word `named` is what noun `d` describes: `is_a` the
// description, or `part_of` / `headquartered_in` what it names.
void DescribeName(PatternContext& cx, int named, int d, double conf);
// Descriptions set before the subject: "The world's largest contract
// chipmaker, Tessaro said …", "A unit of Halden, Keel will …", "Founded in
// 1936 and currently the only deep-water port on the border, the Port of X
// handles …".
void ExtractFrontedDescriptions(PatternContext& cx);
// Purpose and aim infinitives ("… to support the export of …",
// "aims to double output"): subject `aims_to` the infinitive phrase.
void ExtractPurposes(PatternContext& cx);
// "Minister X announced a series of investments to develop …": a person
// announcing an undertaking speaks for it; its purpose is not the person's
// aim, so clause `c` (the "to"-clause on the announced noun) has no agent.
bool AnnouncedForOthers(const PatternContext& cx, const TreeClause& c);
// "create 700 jobs": the agent (an undertaking's owner through the
// article state) `creates_jobs` the counted phrase.
void ExtractJobs(PatternContext& cx);
// A counted job phrase: "700 jobs", "hundreds of new jobs".
bool CountedJobs(const SentenceTree& t, int o);
// The counted job phrases clause c creates ("will create 53 permanent
// jobs"), none when its verb is no job verb.
std::vector<int> JobsOfClause(const SentenceTree& t, const TreeClause& c);
// Places: "X in Y" and "X, Y" with Y a known place (`located_in`), and
// "Company, City, ST" (`headquartered_in`).
void ExtractPlaces(PatternContext& cx);
// An unnamed facility acting in its clause ("A proposed vertical launch
// spaceport in Sutherland has been awarded …") is an entity named for its
// place ("Sutherland spaceport"): `located_in` the place, `is_a` its kind.
void ExtractFacilities(PatternContext& cx);
// A company that raises a sum or a round from investors ("raised $120
// million in a round led by X, with participation from Y"; "raised $40
// million from X and Y"): each investor `invests_in` it.
void ExtractFundingRounds(PatternContext& cx);
// Appointments: "X named Y (as) chief operating officer", "Y was
// appointed chief executive of X": Y `is_a` the role and has the role's
// predicate to X (or to the appointing organization).
void ExtractAppointments(PatternContext& cx);
// Examples of a class ("sites such as X", "U.S. companies including X and
// Y"): each named example `is_a` the class, in the singular.
void ExtractExamples(PatternContext& cx);

}  // namespace kg::loader::tree

#endif  // KG_LOADER_TREE_PATTERNS_PATTERNS_H_
