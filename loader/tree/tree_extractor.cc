#include "loader/tree/tree_extractor.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "loader/tree/patterns/patterns.h"

namespace kg::loader::tree {

namespace {

// KG_LOADER_DEBUG: each clause with its subjects as the patterns see them.
void DumpClauses(const SentenceTree& t, const std::vector<TreeClause>& clauses, Mentions& m) {
  // The tree as the patterns read it (the loader's tags, not `kg parse`'s).
  std::fprintf(stderr, "  TREE words:");
  for (int i = 0; i < t.size(); ++i)
    std::fprintf(stderr, " %d:%s/%s>%d:%s", i, t.word(i).form.c_str(), t.upos(i).c_str(), t.head(i),
                 t.deprel(i).c_str());
  std::fprintf(stderr, "\n");
  for (const TreeClause& c : clauses) {
    std::fprintf(stderr, "  TREE %s%s%s subj=[", c.lemma.c_str(), c.passive ? " (pass)" : "",
                 c.purpose ? " (purpose)" : "");
    for (int s : c.subjects) std::fprintf(stderr, "%s→%s ", t.word(s).form.c_str(), m.EntityOf(s).c_str());
    std::fprintf(stderr, "] obj=[");
    for (int o : c.objects) std::fprintf(stderr, "%s ", t.word(o).form.c_str());
    std::fprintf(stderr, "] obl=[");
    for (const auto& [p, o] : c.obliques) std::fprintf(stderr, "%s:%s ", p.c_str(), t.word(o).form.c_str());
    std::fprintf(stderr, "]%s\n", c.hedged ? " hedged" : "");
  }
}

// Tells the article which entities each verb's subject is, so the
// chunker's clause on the same verb can yield where it guessed another.
// Subjects inherited over a relative pronoun or a participle are left out:
// the chunker reads those its own way.
void NoteSubjects(PatternContext& cx) {
  for (const TreeClause& c : cx.clauses) {
    // The chunker's clause sits on the verb, or on the copula of "X is a Y".
    const int verb = c.copula ? cx.tree.Child(c.pred, "cop") : c.pred;
    if (verb < 0) continue;
    if (c.hedged) cx.state.NoteHedgedClause(cx.tree.Begin(verb));
    if (AnnouncedForOthers(cx, c)) {
      cx.state.NoteClauseSubjects(cx.tree.Begin(verb), {});
      continue;
    }
    if (c.subjects.empty() || (!c.copula && cx.tree.upos(c.pred) != "VERB")) continue;
    std::vector<std::string> names = cx.mentions.EntitiesOfEach(c.subjects);
    // A thing as the subject ("a new pilot programme … to accelerate
    // research ventures", also the noun a participle or relative clause
    // hangs on) leaves the chunker no entity to credit; a mix of things and
    // entities says nothing; entities inherited over a relative pronoun or
    // participle the chunker reads its own way.
    const bool acl = c.inherited && cx.tree.rel(c.pred) == "acl";
    if (!names.empty() && (acl || names.size() != c.subjects.size())) continue;
    // Inherited things count only through object control ("help small-scale
    // farmers boost productivity … and certify their plantations").
    const bool controlled = !c.subjects.empty() && OneOf(cx.tree.rel(c.subjects.front()), {"obj", "iobj"});
    // ... and through a participle on a thing ("the focus of a taskforce
    // established by X to support the workers": the taskforce supports).
    const bool via_participle = c.inherited && cx.tree.head(c.pred) >= 0 &&
                                cx.tree.rel(cx.tree.head(c.pred)) == "acl" && !c.subjects.empty() &&
                                cx.tree.upos(c.subjects.front()) == "NOUN";
    if (names.empty() && c.inherited && !acl && !controlled && !via_participle) continue;
    // "CareLoop, an AI startup based in Boston": a description in apposition
    // stands for its name even where the mentions do not say so.
    const auto described = [&cx](int s) {
      return cx.tree.rel(s) == "appos" || cx.tree.Child(s, "appos") >= 0 || cx.mentions.NameAfter(s) >= 0;
    };
    if (names.empty() && std::any_of(c.subjects.begin(), c.subjects.end(), described)) continue;
    cx.state.NoteClauseSubjects(cx.tree.Begin(verb), names);
  }
}

}  // namespace

void ExtractFromTree(const syntax::Sentence& parse, std::string_view text, ArticleState& state) {
  if (!WellFormedTree(parse, text)) return;
  const SentenceTree t(parse, text);
  const std::vector<TreeClause> clauses = BuildClauses(t);
  Mentions mentions(t, state);
  if (std::getenv("KG_LOADER_DEBUG") != nullptr) DumpClauses(t, clauses, mentions);
  PatternContext cx{t, clauses, mentions, state};
  ExtractAliases(cx);
  ExtractRoleTitles(cx);
  ExtractAppointments(cx);
  ExtractDescriptors(cx);
  ExtractExamples(cx);
  ExtractFrontedDescriptions(cx);
  ExtractPlaces(cx);
  ExtractFacilities(cx);
  ExtractPossessives(cx);
  ExtractVerbFacts(cx);
  ExtractNominalizations(cx);
  ExtractInvestmentEvents(cx);
  ExtractFunding(cx);
  ExtractFundingRounds(cx);
  ExtractAgreements(cx);
  ExtractSupplies(cx);
  ExtractProducts(cx);
  ExtractExpansions(cx);
  ExtractPurposes(cx);
  ExtractJobs(cx);
  ExtractAnnouncements(cx);
  NoteSubjects(cx);
}

}  // namespace kg::loader::tree
