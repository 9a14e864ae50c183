// ArticleExtractor: one article's state (entity registry, discourse, facts)
// and the chunker's patterns over it. Internal to kg_loader (used by
// loader/loader.cc); its member functions live in loader/article/*.cc, one file per stage.
#ifndef KG_LOADER_ARTICLE_ARTICLE_EXTRACTOR_H_
#define KG_LOADER_ARTICLE_ARTICLE_EXTRACTOR_H_

#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "kg/article.h"
#include "kg/value.h"
#include "loader/canonical/gazetteer.h"
#include "loader/canonical/literals.h"
#include "loader/canonical/predicates.h"
#include "loader/extract/clauses.h"
#include "loader/loader.h"
#include "loader/text/document.h"
#include "loader/text/tokens.h"
#include "loader/tree/article_state.h"
#include "syntax/model.h"

namespace kg::loader {

// A noun phrase resolved: an entity (by canonical name) or a literal.
struct Ref {
  bool valid = false;
  bool entity = false;
  std::string name;  // entity canonical name
  std::string type;
  Value literal;     // when !entity
  std::string text;  // surface text
  bool via_coref = false;
  bool via_event = false;  // an undertaking ("the initiative") standing for its actor
  std::string event_head;  // head lemma of that undertaking
};

// An entity mentioned at a position of the article (for coreference).
struct Mention {
  std::string name;
  std::string type;
  uint64_t key;  // sentence * 100000 + token
  bool subject = false;
};

// Extracts one article (Run) or one standalone sentence (RunSentence) into
// the ArticleData given at construction. Not thread-safe; one per article.
class ArticleExtractor final : public tree::ArticleState {
 public:
  // article_extractor.cc: the article and sentence loop
  ArticleExtractor(ArticleData* out, const LoaderOptions& options, const EntityResolver* resolver);
  void Run(const text::Document& doc);
  void ProcessTitle(std::string title);
  static bool SentenceCase(const std::string& title);
  void AddDatelinePlace(const std::string& line);
  void RunSentence(const std::string& sentence);
  // entities.cc: entity registry and the article's names
  void CollectDocumentNames(const text::Document& doc);
  void CollectDefinedTerms(const std::string& text);

 private:
  // article_extractor.cc: the article and sentence loop
  void ProcessSentence(const text::Sentence& s);

  // entities.cc: entity registry and the article's names
  std::string EnsureEntity(const std::string& surface, std::string type, const std::string& country = "");
  static bool PronounLed(const std::string& surface);
  void AddAlias(const std::string& name, const std::string& alias) override;
  static bool CompassName(const std::string& name);
  std::string Lower1(const std::string& s) const;

  // discourse.cc: mentions and antecedent search
  void AddMention(const std::string& name, uint64_t key, bool subject);
  void RegisterMentions();
  std::string LatestOfType(const std::string& type, uint64_t key, bool subjects_only = false) const;
  std::string SalientOfType(const std::string& type, uint64_t key) const;
  std::string NamedByHead(const std::string& head, uint64_t key, bool person = false) const;
  std::string LatestAgent(uint64_t key, uint64_t floor, const std::string& kind = "") const;
  std::string LatestOrganization(uint64_t key, uint64_t floor) const;
  bool NamedOrganization(const std::string& name) const;
  // The organization a person's title or role ties them to, or "".
  std::string OrganizationOf(const std::string& person) const override;
  std::string LatestFunder() const override;

  // deferred_funding.cc: sums whose giver another sentence names
  void DeferFunding(const tree::UnattributedFunding& f) override;
  // The one organization the article's facts say provides sums of kind
  // `kind` (a funding noun's lemma), or "".
  std::string ProviderOf(const std::string& kind) const;
  void AttributeDeferredFunding();
  std::string RecentRecipient(uint64_t key) const;
  std::string FacilityOwner(const std::string& head, uint64_t key) const;
  // Whether an entity of type `t` ("" unknown) can be what a description
  // of kind `kind` ("Company", "GovernmentAgency", "" any) refers to.
  static bool CompatibleType(const std::string& kind, const std::string& t);
  std::string LatestActor(uint64_t key) const;
  std::string OwnerOf(int idx);
  int ByAgentPhrase(int k);
  std::vector<std::pair<canonical::Money, extract::NpList>> FurtherInvestments(extract::NpList* targets);
  const extract::Clause* ReportingClauseOf(const extract::Clause& c) const;
  void ResolveReportedPronoun(const extract::Clause& c);

  // noun_phrases.cc: noun phrase resolution
  const Ref& ResolveNp(int idx);
  std::string CoreTextNoDet(const extract::NounPhrase& np) const;
  std::string RankScope(const extract::Clause& c, const extract::NounPhrase& np) const;
  Ref ComputeRef(int idx);
  // ComputeRef's readings of a phrase, tried in that order: each fills `r`
  // and returns true when it applies (a pronoun always does).
  void PronounRef(const extract::NounPhrase& np, uint64_t key, Ref& r);
  bool AmountRef(const extract::NounPhrase& np, const std::string& core, Ref& r);
  bool ProperNameRef(const extract::NounPhrase& np, Ref& r);
  extract::Range KnownNameAround(extract::Range part) const;
  bool DescribedNameRef(const extract::NounPhrase& np, Ref& r);
  bool UnitRef(int idx, Ref& r);
  std::string SpeakingOrganization(int token);
  // The organization of the person reporting the clause whose subject is
  // phrase `idx`, when it has type `type`; "" otherwise.
  std::string SpeakersOrganization(int idx, const std::string& type);
  bool ProductRef(const extract::NounPhrase& np, Ref& r);
  bool GovernmentRef(const extract::NounPhrase& np, Ref& r);
  bool CalledNameRef(int idx, const extract::NounPhrase& np, bool definite, Ref& r);
  bool AnaphorRef(int idx, const extract::NounPhrase& np, bool definite, uint64_t key, Ref& r);
  bool EventRef(const extract::NounPhrase& np, bool definite, uint64_t key, Ref& r);
  void NameEarlierMention(const std::string& head, const std::string& name);
  static bool CurrencyUnit(const std::string& w);
  bool CurrencyQualifier(const extract::NounPhrase& np, int i) const;

  // article_state.cc: tree::ArticleState overrides
  std::string Entity(const std::string& surface, const std::string& type) override;
  std::string TypeOf(const std::string& name) const override;
  std::string Antecedent(uint32_t begin, uint32_t end) override;
  void AddFact(const Value& s, const std::string& pred, const Value& o, const tree::Evidence& ev) override;
  const std::string& ArticleDate() const override;
  std::string TheGovernment() override;
  std::string CountryGovernment() override;
  void NoteTitle(uint32_t begin, uint32_t end) override;
  bool KnownName(const std::string& surface) const override;
  std::string CompanyOfShortForm(const std::string& surface) const override;
  std::optional<canonical::GazEntry> GazetteerWithCountryPrefix(const std::string& surface) const;
  bool UsedAsName(std::string_view word) const override;
  void NoteRecipient(const std::string& entity) override;
  void NoteClauseSubjects(uint32_t verb_begin, const std::vector<std::string>& subjects) override;
  void NoteHedgedClause(uint32_t verb_begin) override;
  std::string InvestmentEvent(const std::string& investor, const std::string& first_target,
                              bool latest) override;
  static bool RoleWord(const std::string& head);
  static bool TitledName(const std::string& name);
  void AliasCountryGovernment(const std::string& name);
  void FindDocumentCountry(const text::Document& doc);
  std::string LatestAcquirer() const;
  bool FundingNounBefore(int token) const;
  std::string BuilderOf(const std::string& head, uint64_t key) const;
  std::string LatestGovernment() const;

  // fact_sink.cc: fact sink and its checks
  void AddFact(Value s, const std::string& pred, Value o, double conf, extract::Range span, bool hedged);
  void AddFactAt(Value s, const std::string& pred, Value o, double conf, uint32_t begin, uint32_t end,
                 bool hedged);
  bool PlausibleClass(const Value& o) const;
  bool NoArgument(const std::string& text) const;
  // Whether the sentence's parse tags `word` (any case) with one of `upos`.
  bool ParsedAs(const std::string& word, std::initializer_list<const char*> upos) const;
  static bool Garbled(const std::string& text);
  bool PartOfLongerPlace(const std::string& name) const;
  bool PlacementPossible(const Value& s, const Value& o) const;

  // clause_arguments.cc: clause arguments as values
  std::vector<Ref> SubjectRefs(const extract::Clause& c);
  std::vector<Ref> Resolve(const extract::NpList& list);
  Value ObjectValue(int np_idx, const extract::Clause* c);
  std::vector<Value> ListValues(const extract::NpList& list, const extract::Clause* c);
  Value WithFacilityPlace(const std::string& pred, const Value& o, const extract::Clause& c);
  double BaseConfidence(const Ref& subj, const extract::Clause& c) const;
  std::string ClauseText(const extract::Clause& c, bool without_to) const;
  bool InTalks(const extract::Clause& c) const;
  bool ClauseHedged(const extract::Clause& c) const;

  // clause_facts.cc: facts from clauses
  void ProcessClause(int ci);
  // ProcessClause's readings of one clause for one entity subject `sv`, in
  // order; those returning bool return true when the clause says no more.
  bool AddCharacterization(const extract::Clause& c, const Value& sv, double conf, bool hedged);
  void AddFounding(const extract::Clause& c, const Value& sv, double conf, bool hedged);
  void AddPassiveFacts(const extract::Clause& c, const extract::PrepArg* by, const Value& sv, double conf,
                       bool hedged);
  void AddCopulaFacts(const extract::Clause& c, const Ref& subj, const Value& sv, double conf, bool hedged);
  bool AddAsFacts(const extract::Clause& c, const Value& sv, double conf, bool hedged);
  bool AddAimFacts(int ci, const extract::Clause& c, const Value& sv, double conf, bool hedged);
  void AddObjectFacts(const extract::Clause& c, const Value& sv, double conf, bool hedged);
  std::vector<Value> PurposePlaces(const extract::Clause& purpose, const Value& sv, double conf,
                                   const extract::Clause& c, bool hedged);
  // Phrase `npi` is a company description right before a name ("Danish
  // rival Brevik"), which the chunker reads as two phrases.
  bool DescribesNextName(int npi) const;
  void AddFacilityInvestment(const extract::Clause& c, const Ref& subj, const Value& sv, double conf,
                             bool hedged);
  static bool InvestingClause(const extract::Clause& c);
  bool SellsBusiness(const extract::Clause& c);
  void AddPrepFacts(int ci, const extract::Clause& c, const Ref& subj, const Value& sv, double conf,
                    bool hedged);
  void AddInheritedPlace(const extract::Clause& c, const Value& sv, double conf, bool hedged);
  bool NounComplement(int ci) const;
  bool IncludedInvestments(const extract::Clause& c, const Ref& subj, const Value& sv, double conf,
                           bool hedged);
  void ProcessEventClause(const extract::Clause& c, const Ref& subj, const Value& sv, double conf,
                          bool hedged);

  // investment_events.cc: investment events
  void AddInvestmentEvent(const std::string& agent, const std::vector<Value>& targets,
                          const std::vector<canonical::Money>& amounts, std::optional<Date> date,
                          const extract::Clause* purpose, extract::Range span, double conf, bool hedged,
                          bool continues = false);
  std::vector<canonical::Money> ClauseAmounts(const extract::Clause& c);
  // "more than", "up to", "at least" … written before the amount of noun
  // phrase `npi`, "" when none.
  std::string AmountQualifier(int npi) const;
  std::optional<Date> ClauseDate(const extract::Clause* c);
  // The chunker's events of the sentence, when the tree made none.
  void FallBackToChunkerEvents();

  // nominalizations.cc: nominalizations
  void ProcessNominalizations();
  extract::NpList NominalTargets(int prep_tok);

  // funding_sources.cc: funding sources
  void ProcessFundingSources();

  // roles.cc: roles and descriptors before names
  void ProcessRoleTitles();
  void AddRole(const std::string& title, extract::Range person, extract::Range org_run,
               const extract::NounPhrase& np);
  void ProcessDescriptorsBeforeNames();

  // appositions.cc: examples and appositions
  void ProcessExamples();
  void ProcessAppositions();
  bool PlacedNoun(int y);

  // raw_tuples.cc: raw Open IE tuples from clauses
  void AddRaw(const extract::Clause& c);
  std::string SubjectText(const extract::Clause& c) const;
  std::string PronounAntecedentText(const extract::Clause& c) const;
  bool ChainsIntoInfinitive(size_t ci) const;

  // raw_phrases.cc: raw tuples from phrases
  void AddPossessiveRaw();
  static bool TitleWord(const std::string& w);
  void AddTitleRaw();
  void AddLocatedInRaw();

  // finalize.cc: article-level facts
  void Finalize();
  void MergeTitledNames();
  void ReconcileWithTree();
  void DropDescriptionsOfNamedObjects();
  void RenameEventsForTheirInvestor();
  // The tree's subjects of the verb chunker fact `fact` was read from, or
  // null.
  const std::vector<std::string>* TreeSubjectsOf(size_t fact) const;

  // Positions and words of the current sentence.
  uint64_t Key(int token) const {
    return static_cast<uint64_t>(sent_) * 100000 + static_cast<uint64_t>(token);
  }
  std::string Text(extract::Range r) const { return extract::RangeText(*sentence_, a_.tokens, r); }
  const text::Token& Tok(int i) const { return a_.tokens[static_cast<size_t>(i)]; }
  const extract::NounPhrase& Np(int i) const { return a_.nps[static_cast<size_t>(i)]; }
  int NpOf(int tok) const {
    return tok >= 0 && tok < static_cast<int>(a_.np_of_token.size())
               ? a_.np_of_token[static_cast<size_t>(tok)]
               : -1;
  }
  Value ValueOf(const Ref& r) const {
    if (r.entity) return Value::Entity(r.name);
    return r.literal;
  }

  ArticleData* out_;
  const LoaderOptions& options_;
  const EntityResolver* resolver_;
  const canonical::Gazetteer& gaz_;
  const canonical::Vocabulary& vocab_;
  SyntaxSource source_;                         // options_.syntax_source, or kNone without a model
  std::shared_ptr<const syntax::Model> model_;  // set for kTrainedParser
  uint32_t sent_ = 0;
  const std::string* sentence_ = nullptr;
  extract::SentenceAnalysis a_;
  std::vector<Ref> np_ref_;
  std::vector<bool> np_resolved_;
  std::unordered_map<std::string, EntityData> entities_;
  std::vector<std::string> entity_order_;
  std::unordered_map<std::string, std::string> alias_;
  std::unordered_map<std::string, std::string> agency_country_;
  std::unordered_map<std::string, std::string> last_event_;   // agent → its latest investment event
  std::unordered_map<std::string, std::string> first_event_;  // agent → its first investment event
  std::pair<std::string, uint32_t> latest_investor_;
  // With a parse the tree patterns build a sentence's investment events;
  // the chunker's wait in `chunker_events_` and stand only when the tree
  // finds none in the sentence (a parse that misreads the investing verb).
  struct ChunkerEvent {
    std::string agent;
    std::vector<Value> targets;
    std::vector<canonical::Money> amounts;
    std::optional<Date> date;
    const extract::Clause* purpose;
    extract::Range span;
    double conf;
    bool hedged;
    bool continues;
  };
  bool tree_events_ = false;
  bool in_title_ = false;  // the headline is being read (ProcessTitle)
  bool tree_made_event_ = false;
  std::vector<ChunkerEvent> chunker_events_;
  std::set<std::string> announcers_;               // persons who announced undertakings
  std::pair<std::string, uint32_t> last_speaker_;  // a person reported as saying, and the sentence         //
                                                   // investor of the latest event, its sentence
  std::unordered_map<std::string, uint32_t> first_mention_;
  std::unordered_map<std::string, uint32_t> last_subject_sentence_;
  std::pair<std::string, uint32_t> last_funded_;  // latest entity something funds, and its sentence
  std::string title_topic_;                       // first known name in the title
  std::unordered_set<std::string> doc_names_;     // lower-case words used as names in this article
  uint32_t first_subject_sentence_ = UINT32_MAX;  // sentence whose first main clause was seen
  bool first_subject_is_thing_ = false;           // its subject is "the <noun>" and no entity
  // The same for the latest main clause of the current sentence ("This is a
  // win-win: Coffee is …; it is also …").
  uint32_t latest_clause_sentence_ = UINT32_MAX;
  bool latest_clause_is_thing_ = false;
  std::string document_country_;                // FindDocumentCountry
  std::unordered_set<std::string> lower_seen_;  // lower-case words written in lower case in this article
  uint64_t clause_key_ = UINT64_MAX;            // key of the clause being processed (its subject mentions)
  std::vector<Mention> mentions_;
  std::unordered_map<std::string, size_t> fact_index_;
  std::set<std::string> acronym_done_, product_done_;
  int warned_long_ = 0;
  std::vector<std::pair<uint32_t, tree::UnattributedFunding>> deferred_funding_;  // sentence, sum
  std::unordered_set<std::string> defined_terms_;         // "FDI" of "foreign direct investment (FDI)"
  bool in_tree_ = false;                                  // facts being added come from the tree patterns
  std::vector<std::pair<uint32_t, std::string>> titles_;  // (sentence, lower-case title) from NoteTitle
  std::vector<bool> from_tree_;  // per fact of out_->facts: added or confirmed by them
  // Per fact of out_->facts: the byte offset of the chunker clause's verb it
  // was read from (UINT32_MAX for others), and the tree's subjects per
  // (sentence, verb offset).
  std::vector<uint32_t> fact_verb_;
  std::vector<bool> fact_about_subject_;                       // the fact is about that clause's subject
  std::set<std::pair<uint32_t, uint32_t>> tree_hedged_verbs_;  // (sentence, verb offset) the tree hedges
  uint32_t clause_verb_ = UINT32_MAX;                          // verb of the chunker clause being processed
  std::vector<std::string> clause_subjects_;                   // and the entities it read as its subject
  std::map<std::pair<uint32_t, uint32_t>, std::vector<std::string>> tree_clause_subjects_;
};

}  // namespace kg::loader

#endif  // KG_LOADER_ARTICLE_ARTICLE_EXTRACTOR_H_
