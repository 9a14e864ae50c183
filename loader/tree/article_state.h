// The seam between tree-based patterns and the article they read: entity
// registry, coreference over the discourse so far, and the fact sink. The
// loader's ArticleExtractor implements it (loader/article/); patterns see only
// this and the read-only SentenceTree.
#ifndef KG_LOADER_TREE_ARTICLE_STATE_H_
#define KG_LOADER_TREE_ARTICLE_STATE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kg/value.h"

namespace kg::loader::tree {

// Where a fact comes from in the current sentence, and how sure it is.
struct Evidence {
  uint32_t begin = 0;  // byte span in the sentence text
  uint32_t end = 0;
  double confidence = 0.8;
  bool hedged = false;
};

// Whether an entity type names a place (the gazetteer's types).
inline bool IsPlaceType(std::string_view type) {
  return type == "Country" || type == "City" || type == "Region";
}

// A sum given to a recipient with no giver in its sentence ("President X
// announced a $400 million loan guarantee to Y"): the article may name the
// one organization that gives such sums elsewhere.
struct UnattributedFunding {
  std::string kind;        // lemma of the funding noun ("guarantee")
  std::string instrument;  // "conditional loan guarantee", or ""
  Value amount;            // money, or null
  Value recipient;
  Evidence evidence;
};

class ArticleState {
 public:
  virtual ~ArticleState() = default;
  // The canonical name of the entity written `surface` in the current
  // sentence, registered if new; `type` ("Person", "Company", "" unknown)
  // is a hint the gazetteer overrides.
  virtual std::string Entity(const std::string& surface, const std::string& type) = 0;
  // Makes `alias` another name of entity `name` for the rest of the article.
  virtual void AddAlias(const std::string& name, const std::string& alias) = 0;
  virtual std::string TypeOf(const std::string& name) const = 0;
  // The entity an anaphor ("it", "the company", "we") at bytes [begin, end)
  // of the current sentence stands for, by the article's discourse model;
  // "" when nothing fits.
  virtual std::string Antecedent(uint32_t begin, uint32_t end) = 0;
  // Adds a fact of the current sentence (duplicates merge).
  virtual void AddFact(const Value& subject, const std::string& predicate, const Value& object,
                       const Evidence& evidence) = 0;
  // The investment event node (entity of type Investment) a statement of
  // `investor`'s investment adds to: the investor's latest when `latest`
  // and it has one, else a new one named for the first target ("X
  // investment in Y"; "" for none). It becomes the investor's latest.
  virtual std::string InvestmentEvent(const std::string& investor, const std::string& first_target,
                                      bool latest) = 0;
  // `entity` has just been given a sum (a loan, grant, guarantee) whether or
  // not the giver is known: "the project" soon after is its undertaking.
  virtual void NoteRecipient(const std::string& entity) = 0;
  // The entities the tree reads as the subject of the verb at byte
  // `verb_begin` of the current sentence: where the chunker's clause on the
  // same verb chose another subject, the tree's stands.
  virtual void NoteClauseSubjects(uint32_t verb_begin, const std::vector<std::string>& subjects) = 0;
  // The tree reads the verb at byte `verb_begin` as hedged or conditional
  // ("Had the Board declined to approve …"): so are the chunker's facts
  // read from it.
  virtual void NoteHedgedClause(uint32_t verb_begin) = 0;
  // Whether the article writes `word` as a name elsewhere (capitalized in
  // mid-sentence and never in lower case) or the gazetteer starts a name
  // with it: settles a capital at the start of a sentence.
  virtual bool UsedAsName(std::string_view word) const = 0;
  // Whether `surface` is a name the gazetteer or the article already knows
  // (registered entity or alias), case-insensitively.
  virtual bool KnownName(const std::string& surface) const = 0;
  // The one company or organization the article named with `surface` as
  // its first words ("Kestrel" for "Kestrel Foods"), or "".
  virtual std::string CompanyOfShortForm(const std::string& surface) const = 0;
  // The organization a person works for or leads, as the article's facts
  // so far say ("Skills Minister X" works for the government), or "".
  virtual std::string OrganizationOf(const std::string& person) const = 0;
  // The organization that gave a sum in this or the five sentences before
  // (subject of the latest `funds` or `funding_amount`), or "".
  virtual std::string LatestFunder() const = 0;
  // Keeps `f` until the article ends; it is given to the one organization
  // the article says provides that kind of sum, if there is exactly one.
  virtual void DeferFunding(const UnattributedFunding& f) = 0;
  // Words [begin, end) of the current sentence are a person's title
  // ("Secretary of State for Science, Innovation and Technology"): no name
  // inside them is a party of the sentence's facts.
  virtual void NoteTitle(uint32_t begin, uint32_t end) = 0;
  // The article's publication date (ISO) or "".
  virtual const std::string& ArticleDate() const = 0;
  // The government "the government" names: the latest the article named,
  // else that of the country the text is about; "" when neither is clear.
  virtual std::string TheGovernment() = 0;
  // The government of the country the text is about, or "".
  virtual std::string CountryGovernment() = 0;
};

}  // namespace kg::loader::tree

#endif  // KG_LOADER_TREE_ARTICLE_STATE_H_
