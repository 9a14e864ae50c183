// Facts from the chunker's clauses: one verb with its subjects, objects and
// prepositional phrases, mapped through the predicate vocabulary.
#include <algorithm>
#include <string>
#include <vector>

#include "kg/value.h"
#include "loader/article/article_extractor.h"
#include "loader/article/words.h"
#include "loader/canonical/literals.h"
#include "loader/canonical/predicates.h"
#include "loader/extract/clauses.h"
#include "loader/text/descriptors.h"
#include "loader/text/tokens.h"
#include "loader/tree/word_lists.h"

namespace kg::loader {

using extract::Clause;
using extract::NounPhrase;
using extract::PrepArg;
using extract::Range;
using text::Tag;

namespace {

std::string ThirdPerson(const std::string& lemma) { return canonical::FallbackPredicate(lemma); }

}  // namespace

void ArticleExtractor::ProcessClause(int ci) {
  const Clause& c = a_.clauses[static_cast<size_t>(ci)];
  // Facts of this clause remember its verb (ReconcileWithTree).
  struct VerbScope {
    uint32_t& verb;
    std::vector<std::string>& subjects;
    ~VerbScope() {
      verb = UINT32_MAX;
      subjects.clear();
    }
  } scope{clause_verb_, clause_subjects_};
  // Raw Open IE form first: everything stated is kept.
  AddRaw(c);
  if (c.negated) return;
  if (c.subject.empty()) return;
  const bool hedged = ClauseHedged(c);
  clause_key_ = UINT64_MAX;
  ResolveReportedPronoun(c);
  std::vector<Ref> subjects = SubjectRefs(c);
  clause_key_ = Key(c.verb_group.begin);
  if (c.main_verb >= 0) clause_verb_ = Tok(c.main_verb).begin;
  for (const Ref& r : subjects) {
    if (r.entity) clause_subjects_.push_back(r.name);
  }
  if (c.subject_from < 0) {
    // Who welcomes or praises news reacts to someone else's undertaking:
    // "the investment" next is not theirs, so they are no subject there.
    const bool reacting = In(c.lemma, {"welcome", "praise", "hail", "applaud", "congratulate", "celebrate"});
    for (const Ref& r : subjects) {
      if (r.entity && !r.via_event) AddMention(r.name, Key(c.verb_group.begin), !reacting);
    }
  }
  // Remember whether a sentence's first main clause is about a thing that is
  // no entity ("The hub will employ 250 scientists."): a sentence-initial
  // "It" next refers to that thing.
  if (c.parent < 0 && c.subject_from < 0 && c.subject.size() == 1) {
    const NounPhrase& snp = Np(c.subject.front());
    const text::Token& sh = Tok(snp.head);
    // An undertaking read as its owner's ("INEOS' investment will provide
    // a boost. It is also …") is a thing too.
    const bool thing = !subjects.empty() && (!subjects.front().entity || subjects.front().via_event);
    // A bare noun ("Coffee is a popular beverage; it is also …") is one.
    const bool definite = Tok(snp.range.begin).lower == "the" || snp.possessor >= 0 ||
                          (snp.range.begin < snp.head && Tok(snp.range.begin).tag == Tag::kProper) ||
                          snp.range.begin == snp.head;
    // "This is a win-win: Coffee is …": a capital after a colon opens a
    // clause, as at the start of a sentence.
    const bool noun = sh.tag == Tag::kNoun || (sh.tag == Tag::kProper && snp.range.begin == snp.head &&
                                               snp.head > 0 && Tok(snp.head - 1).text == ":");
    const bool is_thing = thing && !snp.pronoun && noun && sh.lower == Lower(sh.lemma) && definite;
    if (first_subject_sentence_ != sent_) {
      first_subject_sentence_ = sent_;
      first_subject_is_thing_ = is_thing;
    }
    // "it" itself keeps the thing it stands for.
    if (!(snp.pronoun && latest_clause_sentence_ == sent_)) latest_clause_is_thing_ = is_thing;
    latest_clause_sentence_ = sent_;
  }
  // Passive: "X was acquired by Y" → Y acquired X.
  const PrepArg* by = nullptr;
  for (const auto& p : c.preps) {
    if (p.prep == "by") by = &p;
  }
  // Who announces undertakings speaks for them ("Minister X has announced a
  // series of investments"): a clause or bullet that only inherits X as
  // its subject tells what the undertakings do, not what X does.
  const bool own_subject = c.subject_from < 0 && !c.infinitive && !c.gerund;
  if (own_subject && In(c.lemma, {"announce", "unveil", "reveal", "present", "launch"})) {
    // (This sentence's roles are read after its clauses: a name right after
    // a role word is a person already.)
    bool titled = false;
    const int first = c.subject.empty() ? 0 : Np(c.subject.front()).range.begin;
    for (int k = first; k >= 0 && k >= first - 8 && !titled; --k) titled = RoleWord(Lower(Tok(k).lemma));
    for (const Ref& r : subjects) {
      const std::string type = r.entity ? TypeOf(r.name) : "";
      if (r.entity && !r.via_coref && (type == "Person" || (type.empty() && titled)))
        announcers_.insert(r.name);
    }
  }
  // A person reported as saying something speaks for their organization in
  // this and the next sentence ("we", "our").
  if (own_subject && text::IsReportingVerb(c.lemma) && !c.subject.empty()) {
    const NounPhrase& snp = Np(c.subject.front());
    bool titled = false;
    for (int k = snp.range.begin; k < snp.range.end && !titled; ++k) titled = RoleWord(Lower(Tok(k).lemma));
    for (const Ref& r : subjects) {
      if (r.entity && (TypeOf(r.name) == "Person" || titled)) last_speaker_ = {r.name, sent_};
    }
  }
  for (const Ref& subj : subjects) {
    if (!subj.entity) continue;
    if ((!own_subject || subj.via_coref) && announcers_.count(subj.name) > 0) continue;
    const Value sv = Value::Entity(subj.name);
    const double conf = BaseConfidence(subj, c);
    if (subj.via_event && !c.infinitive && !c.gerund) {
      ProcessEventClause(c, subj, sv, conf, hedged);
      continue;
    }
    if (NounComplement(ci)) continue;
    if (AddCharacterization(c, sv, conf, hedged)) continue;
    AddFounding(c, sv, conf, hedged);
    if (c.passive) {
      AddPassiveFacts(c, by, sv, conf, hedged);
      continue;
    }
    if (c.lemma == "be" || In(c.lemma, {"become", "remain"})) {
      AddCopulaFacts(c, subj, sv, conf, hedged);
      continue;
    }
    if (AddAsFacts(c, sv, conf, hedged)) continue;
    if (AddAimFacts(ci, c, sv, conf, hedged)) continue;
    AddObjectFacts(c, sv, conf, hedged);
    AddPrepFacts(ci, c, subj, sv, conf, hedged);
    AddInheritedPlace(c, sv, conf, hedged);
    AddFacilityInvestment(c, subj, sv, conf, hedged);
  }
}

// "X would build a $400 million plant in Vietnam": a facility with its
// cost, built or opened by X, is X's investment in the facility's place.
void ArticleExtractor::AddFacilityInvestment(const Clause& c, const Ref& subj, const Value& sv, double conf,
                                             bool hedged) {
  if (!In(c.lemma, {"build", "construct", "open", "set", "establish", "develop"})) return;
  for (int npi : c.objects) {
    const NounPhrase& np = Np(npi);
    if (!tree::WordLists::Get().InClass("facility", Lower(Tok(np.head).lemma))) continue;
    const auto amounts = canonical::FindMoney(Text(Range{np.core.begin, np.head}));
    if (amounts.empty()) continue;
    std::vector<Value> places;
    for (const auto& p : c.preps) {
      if (p.prep != "in") continue;
      for (int o : p.objects) {
        const Ref& r = ResolveNp(o);
        if (r.entity && In(r.type, {"Country", "City", "Region"})) places.push_back(Value::Entity(r.name));
      }
    }
    if (places.empty()) continue;
    for (const Value& place : places) AddFact(sv, "invests_in", place, conf * 0.9, c.span, hedged);
    for (const auto& m : amounts)
      AddFact(sv, "investment_amount", Value::Money(m.amount, m.currency), conf * 0.9, c.span, hedged);
    AddInvestmentEvent(subj.name, places, amounts, ClauseDate(&c), nullptr, c.span, conf * 0.9, hedged);
  }
}

// "…, signaling one of the largest investments": a characterization.
bool ArticleExtractor::AddCharacterization(const Clause& c, const Value& sv, double conf, bool hedged) {
  if (In(c.lemma, {"signal", "mark", "represent", "constitute"})) {
    bool done = false;
    for (int npi : c.objects) {
      const NounPhrase& np = Np(npi);
      for (int i = np.range.begin; i < np.range.end; ++i) {
        if (In(Tok(i).lemma, {"investment", "commitment", "deal", "bet"})) {
          AddFact(sv, "investment_note", ObjectValue(npi, &c), conf, c.span, hedged);
          done = true;
          break;
        }
      }
    }
    if (done) return true;
  }
  return false;
}

// "was founded in 1998", "was established in Osaka": when and where.
void ArticleExtractor::AddFounding(const Clause& c, const Value& sv, double conf, bool hedged) {
  if (c.passive && In(c.lemma, {"found", "establish", "incorporate", "launch", "create", "start"})) {
    for (const auto& p : c.preps) {
      if (p.prep != "in" && p.prep != "on") continue;
      for (int npi : p.objects) {
        const Ref& o = ResolveNp(npi);
        if (auto d = canonical::ParseDate(Text(Np(npi).range), out_->date);
            d && !o.entity && Tok(Np(npi).head).tag == Tag::kNum) {
          AddFact(sv, "founded", Value::DateValue(*d), conf, c.span, hedged);
        } else if (o.entity && In(o.type, {"City", "Country", "Region"})) {
          AddFact(sv, "founded_in", Value::Entity(o.name), conf, c.span, hedged);
        }
      }
    }
  }
}

// A passive clause: the stative "is based in" keeps its subject, "by" names the agent.
void ArticleExtractor::AddPassiveFacts(const Clause& c, const PrepArg* by, const Value& sv, double conf,
                                       bool hedged) {
  // Stative passives keep the subject: "is based in", "is headquartered in".
  for (const auto& p : c.preps) {
    if (auto pred = vocab_.ForVerbPrep(c.lemma, p.prep); pred && p.prep != "by") {
      for (const Value& o : ListValues(p.objects, &c)) AddFact(sv, *pred, o, conf, c.span, hedged);
    }
  }
  if (by != nullptr) {
    if (auto pred = vocab_.ForVerb(c.lemma)) {
      for (const Ref& agent : Resolve(by->objects)) {
        if (agent.entity) AddFact(Value::Entity(agent.name), *pred, sv, conf * 0.9, c.span, hedged);
      }
    }
  }
}

// "the third country in the world", "the largest lender in Chile": a rank
// means nothing without its scope, the "in"/"of" phrase right after it.
// Returns " in the world", or "".
std::string ArticleExtractor::RankScope(const Clause& c, const NounPhrase& np) const {
  bool ranked = false;
  for (int i = np.core.begin; i < np.head; ++i) {
    const std::string& w = Tok(i).lower;
    ranked = ranked || In(w, {"first", "second", "third", "fourth", "fifth", "only", "last", "leading"}) ||
             (w.size() > 5 && w.ends_with("est") && !In(w, {"interest", "harvest", "honest", "modest"}));
  }
  if (!ranked) return "";
  int end = np.range.end;
  for (const auto& p : c.preps) {
    if ((p.prep == "in" || p.prep == "of") && p.prep_token == np.range.end && !p.objects.empty())
      end = Np(p.objects.front()).range.end;
  }
  // "the third country in the world to have a tech sector valued at $1
  // trillion": an infinitive after a rank says what is ranked, up to the
  // next comma.
  const int n = static_cast<int>(a_.tokens.size());
  if (end + 1 < n && Tok(end).lower == "to" &&
      (Tok(end + 1).tag == Tag::kVerb || Tok(end + 1).tag == Tag::kAux)) {
    int stop = end + 1;
    while (stop < n && Tok(stop).lower != "," && Tok(stop).lower != "." && Tok(stop).lower != ";") ++stop;
    end = stop;
  }
  if (end == np.range.end) return "";
  return " " + Text(extract::Range{np.range.end, end});
}

// "X is a …", "X became …": a class, and where a place or company is.
void ArticleExtractor::AddCopulaFacts(const Clause& c, const Ref& subj, const Value& sv, double conf,
                                      bool hedged) {
  for (size_t k = 0; k < c.objects.size(); ++k) {
    const NounPhrase& np = Np(c.objects[k]);
    const Ref& o = ResolveNp(c.objects[k]);
    // A predicate noun is a class, not a mention of someone before it:
    // "Peru became the third country in the region" says what Peru is.
    if ((o.entity && !o.via_coref) || np.pronoun) continue;
    if (Tok(np.head).lower == "part" && np.range.end > np.head + 1) continue;
    AddFact(sv, "is_a", Value::String(Lower1(CoreTextNoDet(np) + RankScope(c, np))), conf, c.span, hedged);
  }
  // "Thailand is a country in Southeast Asia", "X is based in Y".
  if (!c.objects.empty() && In(subj.type, {"Country", "City", "Region", "Company", "Organization"})) {
    for (const auto& p : c.preps) {
      if (p.prep != "in") continue;
      for (int npi : p.objects) {
        const Ref& o = ResolveNp(npi);
        if (o.entity && In(o.type, {"Country", "City", "Region"})) {
          AddFact(sv, "located_in", Value::Entity(o.name), conf * 0.9, c.span, hedged);
        }
      }
    }
  }
  for (const auto& p : c.preps) {
    if (p.prep == "of" || p.prep == "as") continue;
  }
}

// "emerge as", "serve as", "act as" → is_a.
bool ArticleExtractor::AddAsFacts(const Clause& c, const Value& sv, double conf, bool hedged) {
  bool did_as = false;
  if (In(c.lemma, {"emerge", "serve", "act", "rank", "establish", "position", "operate"}) &&
      c.objects.empty()) {
    for (const auto& p : c.preps) {
      if (p.prep != "as") continue;
      for (int npi : p.objects) {
        const Ref& o = ResolveNp(npi);
        if (o.entity) continue;
        did_as = true;
        // "operate as a unit of Tessaro": part of its owner.
        const NounPhrase& np = Np(npi);
        const std::string head = Lower(Tok(np.head).lemma);
        if (In(head, {"unit", "subsidiary", "division", "arm", "part", "affiliate"})) {
          std::string owner;
          for (const Range& run : np.names) {
            if (run.begin >= 2 && run.begin > np.head && Tok(run.begin - 1).lower == "of")
              owner = EnsureEntity(Text(run), "");
          }
          if (!owner.empty()) {
            AddFact(sv, "part_of", Value::Entity(owner), conf * 0.9, c.span, hedged);
            continue;
          }
        }
        AddFact(sv, "is_a", Value::String(Lower1(CoreTextNoDet(np))), conf * 0.9, c.span, hedged);
      }
    }
  }
  return did_as;
}

// "aims to X", "positions itself to X".
bool ArticleExtractor::AddAimFacts(int ci, const Clause& c, const Value& sv, double conf, bool hedged) {
  if (In(c.lemma, {"aim", "seek", "strive", "position", "prepare", "plan", "intend"})) {
    for (const auto& d : a_.clauses) {
      if (d.infinitive && d.parent == ci && !d.negated) {
        const bool reflexive = c.objects.empty() || In(Tok(Np(c.objects.front()).head).lower,
                                                       {"itself", "themselves", "himself", "herself"});
        if (c.lemma == "position" && !reflexive) break;
        const std::string pred = In(c.lemma, {"plan", "intend"}) ? "plans_to" : "aims_to";
        AddFact(sv, pred, Value::String(ClauseText(d, true)), conf, c.span, hedged);
        break;
      }
    }
    if (c.lemma == "position") return true;
  }
  return false;
}

bool ArticleExtractor::DescribesNextName(int npi) const {
  const NounPhrase& np = Np(npi);
  const int next = np.range.end;
  if (!np.names.empty() || next >= static_cast<int>(a_.tokens.size()) || Tok(next).tag != Tag::kProper)
    return false;
  const std::string head = Lower(Tok(np.head).lemma);
  return AnaphorType(head) == "Company" || In(head, {"rival", "competitor", "partner", "peer"});
}

// Direct objects.
void ArticleExtractor::AddObjectFacts(const Clause& c, const Value& sv, double conf, bool hedged) {
  if (!c.objects.empty()) {
    auto pred = vocab_.ForVerb(c.lemma);
    // "setting up a lab": a phrasal verb the vocabulary knows ("set up" →
    // opens) is not its bare verb.
    for (int k = c.main_verb + 1; k < c.verb_group.end; ++k) {
      if (auto phrasal = vocab_.ForVerb(c.lemma + " " + Tok(k).lower)) pred = phrasal;
    }
    const bool aux_main = Tok(c.main_verb).tag == Tag::kAux;
    // A verb outside the vocabulary gives no fact: read as "the verb
    // itself" such facts were wrong or empty as often as not ("Port of
    // Barcelona warehouses facilities", "USAID transforms lives": none of 12
    // in a judged sample of 100 was right). Its raw Open IE tuple keeps it.
    (void)aux_main;
    const double oc = pred && pred != ThirdPerson(c.lemma) ? conf : conf * 0.6;
    // "is receiving a loan from X to finance the construction of …": the
    // borrower pays with X's money; X funds it (the tree's funding reads it).
    if (pred && *pred == "funds" && c.infinitive && c.parent >= 0 &&
        In(a_.clauses[static_cast<size_t>(c.parent)].lemma,
           {"receive", "get", "secure", "obtain", "win", "borrow"}))
      pred.reset();
    if (pred) {
      const std::vector<Value> values = ListValues(c.objects, &c);
      for (size_t q = 0; q < values.size(); ++q) {
        const Value& o = values[q];
        if (o.kind() == ValueKind::kString && In(Lower(o.text()), {"itself", "themselves", "it", "them"}))
          continue;
        // "buy Danish rival Brevik": the description is not what is bought;
        // the name after it is (the tree reads it).
        if (o.kind() == ValueKind::kString && q < c.objects.size() && DescribesNextName(c.objects[q]))
          continue;
        if (InvestingClause(c) && o.kind() == ValueKind::kMoney) continue;  // an amount, below
        std::string pr = *pred;
        // Buying goods is not acquiring a company.
        if (pr == "acquires" && In(c.lemma, {"buy", "purchase"})) {
          const std::string t = o.kind() == ValueKind::kEntity ? TypeOf(o.text()) : "";
          if (!In(t, {"Company", "Organization", "Product", ""}) || o.kind() != ValueKind::kEntity)
            pr = "buys";
        }
        // "supply U.S. automakers": buyers are the customer, not the goods
        // (as verb_facts.cc reads the tree).
        if (In(c.lemma, {"supply", "serve"}) && q < c.objects.size()) {
          const std::string head = Lower(Tok(Np(c.objects[q]).head).lemma);
          const bool buyers =
              o.kind() == ValueKind::kEntity
                  ? TypeOf(o.text()) == "Company"
                  : tree::WordLists::Get().InClass("company", head) || text::IsOpeningDescriptor(head);
          if (buyers) pr = "supplies_to";
        }
        AddFact(sv, pr, WithFacilityPlace(pr, o, c), oc, c.span, hedged);
      }
    }
    // "acquired X for $450 million".
    if (In(c.lemma, {"acquire", "buy", "purchase"})) {
      for (const auto& p : c.preps) {
        if (p.prep != "for") continue;
        for (int npi : p.objects) {
          const Ref& o = ResolveNp(npi);
          if (o.literal.kind() != ValueKind::kMoney) continue;
          // Both amounts of "5.9 billion euros ($6.4 billion)".
          const auto all = canonical::FindMoney(CoreTextNoDet(Np(npi)));
          if (all.size() < 2) {
            AddFact(sv, "acquisition_amount", o.literal, conf, c.span, hedged);
          } else {
            for (const auto& m : all)
              AddFact(sv, "acquisition_amount", Value::Money(m.amount, m.currency), conf, c.span, hedged);
          }
        }
      }
    }
    // Amounts with "invest": "invest $10 billion in Japan"; a bracketed
    // converted amount ("2.26 trillion yen ($15.24 billion)") is kept too.
    if (InvestingClause(c)) {
      for (const auto& m : ClauseAmounts(c)) {
        AddFact(sv, "investment_amount", Value::Money(m.amount, m.currency), conf, c.span, hedged);
      }
    }
  }
}

// "invest $N in X", "spend $N on X": a clause whose sum is an investment.
bool ArticleExtractor::InvestingClause(const Clause& c) {
  if (c.lemma == "invest") return true;
  if (c.lemma != "spend") return false;
  return std::any_of(c.preps.begin(), c.preps.end(), [](const auto& p) { return p.prep == "on"; });
}

// "sell its chemicals unit": a clause that sells a business.
bool ArticleExtractor::SellsBusiness(const Clause& c) {
  for (int npi : c.objects) {
    if (tree::WordLists::Get().InClass("business", Lower(Tok(Np(npi).head).lemma))) return true;
  }
  return false;
}

// Prepositional objects.
void ArticleExtractor::AddPrepFacts(int ci, const Clause& c, const Ref& subj, const Value& sv, double conf,
                                    bool hedged) {
  std::vector<Value> invest_targets;
  for (const auto& p : c.preps) {
    // "sell its unit to X": X buys the business; it is no customer (the
    // tree's verb_facts.cc reads the acquisition).
    if (c.lemma == "sell" && p.prep == "to" && SellsBusiness(c)) continue;
    if (auto pred = vocab_.ForVerbPrep(c.lemma, p.prep)) {
      const std::vector<Value> values = ListValues(p.objects, &c);
      for (size_t q = 0; q < p.objects.size() && q < values.size(); ++q) {
        // "invest $2 billion in Brazil in 2027": a year is when, not where.
        const NounPhrase& onp = Np(p.objects[q]);
        if (Tok(onp.head).tag == Tag::kNum && canonical::ParseDate(Text(onp.range))) continue;
        const Value& o = values[q];
        AddFact(sv, *pred, o, conf, c.span, hedged);
        if (*pred == "invests_in") invest_targets.push_back(o);
      }
    }
  }
  // "X will invest $N in Y": the same event node as a nominalization.
  {
    std::vector<canonical::Money> amounts;
    if (InvestingClause(c)) amounts = ClauseAmounts(c);
    if (!invest_targets.empty() || !amounts.empty()) {
      const Clause* purpose = nullptr;
      for (const auto& d : a_.clauses) {
        if (d.infinitive && d.parent == ci && d.lemma != "invest") {
          purpose = &d;
          break;
        }
      }
      if (invest_targets.empty() && purpose != nullptr)
        invest_targets = PurposePlaces(*purpose, sv, conf, c, hedged);
      AddInvestmentEvent(subj.name, invest_targets, amounts, ClauseDate(&c), purpose, c.span, conf, hedged,
                         /*continues=*/true);
    }
  }
}

// "invest $2.9 billion over two years to expand … in Peru": the places
// of the purpose are where the money goes (as invests_in facts too).
std::vector<Value> ArticleExtractor::PurposePlaces(const Clause& purpose, const Value& sv, double conf,
                                                   const Clause& c, bool hedged) {
  std::vector<Value> places;
  for (const auto& p : purpose.preps) {
    if (p.prep != "in") continue;
    for (int npi : p.objects) {
      const Ref& o = ResolveNp(npi);
      if (!o.entity || !In(o.type, {"Country", "City", "Region"})) continue;
      places.push_back(Value::Entity(o.name));
      AddFact(sv, "invests_in", places.back(), conf * 0.9, c.span, hedged);
    }
  }
  return places;
}

// Purpose clauses inherit the location of their parent:
// "invest in Japan to expand X" → expands_in Japan.
void ArticleExtractor::AddInheritedPlace(const Clause& c, const Value& sv, double conf, bool hedged) {
  if (c.infinitive && c.parent >= 0) {
    const Clause& pc = a_.clauses[static_cast<size_t>(c.parent)];
    bool own_loc = false;
    for (const auto& p : c.preps) own_loc = own_loc || p.prep == "in";
    if (!own_loc) {
      for (const auto& p : pc.preps) {
        if (p.prep != "in") continue;
        auto pred = vocab_.ForVerbPrep(c.lemma, "in");
        if (!pred) continue;
        for (int npi : p.objects) {
          const Ref& o = ResolveNp(npi);
          if (o.entity && In(o.type, {"Country", "Region", "City"})) {
            AddFact(sv, *pred, Value::Entity(o.name), conf * 0.8, c.span, hedged);
          }
        }
      }
    }
  }
}

// An infinitive that complements a possessed noun ("the country's
// efforts to modernize") belongs to the possessor, not to the subject;
// such clauses (and verbs coordinated with them) give no facts.
bool ArticleExtractor::NounComplement(int ci) const {
  int guard = 0;
  while (ci >= 0 && guard++ < 8) {
    const Clause& c = a_.clauses[static_cast<size_t>(ci)];
    if (c.infinitive && c.parent >= 0) {
      const Clause& pc = a_.clauses[static_cast<size_t>(c.parent)];
      if (!pc.objects.empty()) {
        const NounPhrase& o = Np(pc.objects.back());
        if (o.range.end == c.verb_group.begin) {
          for (int i = o.range.begin; i < o.range.end; ++i) {
            if (Tok(i).tag == Tag::kPossMark) return true;
          }
        }
      }
      return false;
    }
    if (c.subject_from < 0 || c.subject_from == ci) return false;
    ci = c.subject_from;
  }
  return false;
}

bool ArticleExtractor::IncludedInvestments(const Clause& c, const Ref& subj, const Value& sv, double conf,
                                           bool hedged) {
  if (!In(subj.event_head, {"investment", "commitment", "plan", "pledge", "package"})) return false;
  bool any = false;
  for (int npi : c.objects) {
    const Ref& o = ResolveNp(npi);
    if (o.literal.kind() != ValueKind::kMoney) continue;
    AddFact(sv, "investment_amount", o.literal, conf, c.span, hedged);
    any = true;
  }
  if (!any) return false;
  for (const auto& p : c.preps) {
    for (int npi : p.objects) {
      const Ref& o = ResolveNp(npi);
      const std::string head = Lower(Tok(Np(npi).head).lemma);
      if (p.prep == "in" && o.entity && In(o.type, {"Country", "City", "Region"}))
        AddFact(sv, "invests_in", Value::Entity(o.name), conf, c.span, hedged);
      if (p.prep == "for" && !o.entity && tree::WordLists::Get().InClass("facility", head))
        AddFact(sv, "builds", ObjectValue(npi, nullptr), conf, c.span, hedged);
    }
  }
  return true;
}

// A clause whose subject is an undertaking ("the initiative includes …")
// speaks about its actor only through a few verbs.
void ArticleExtractor::ProcessEventClause(const Clause& c, const Ref& subj, const Value& sv, double conf,
                                          bool hedged) {
  conf *= 0.85;
  if (In(c.lemma, {"include", "involve", "comprise", "feature", "encompass", "cover"})) {
    // "The investment includes $3 billion for a new data centre campus in
    // Johor and $2.5 billion in Indonesia": parts of the actor's investment.
    if (IncludedInvestments(c, subj, sv, conf, hedged)) return;
    for (int npi : c.objects) {
      const NounPhrase& np = Np(npi);
      const Ref& o = ResolveNp(npi);
      if (o.entity) continue;
      if (In(Tok(np.head).lemma, {"program", "programme", "initiative", "scheme", "fund", "project"})) {
        // The component is a program of the actor.
        int b = np.core.begin;
        while (b < np.core.end && (Tok(b).tag == Tag::kDet || Tok(b).tag == Tag::kPoss ||
                                   Tok(b).tag == Tag::kAdj || Tok(b).tag == Tag::kAdv)) {
          ++b;
        }
        const std::string bare = Text(Range{b, np.core.end});
        const std::string name = EnsureEntity(subj.name + " " + bare, "Program");
        AddAlias(name, bare);
        AddMention(name, Key(np.range.begin), false);
        np_ref_[static_cast<size_t>(npi)].entity = true;
        np_ref_[static_cast<size_t>(npi)].name = name;
        np_ref_[static_cast<size_t>(npi)].type = "Program";
        AddFact(sv, "announced", Value::Entity(name), conf, c.span, hedged);
        AddFact(Value::Entity(name), "program_of", sv, conf, c.span, hedged);
      } else {
        AddFact(sv, "announced", ObjectValue(npi, &c), conf * 0.9, c.span, hedged);
      }
    }
    return;
  }
  if (In(c.lemma, {"signal", "mark", "represent", "constitute", "make", "become"})) {
    for (int npi : c.objects) {
      const NounPhrase& np = Np(npi);
      bool about_investment = false;
      for (int i = np.range.begin; i < np.range.end; ++i) {
        about_investment = about_investment || In(Tok(i).lemma, {"investment", "commitment", "deal", "bet"});
      }
      if (about_investment) AddFact(sv, "investment_note", ObjectValue(npi, &c), conf, c.span, hedged);
    }
    return;
  }
  if (In(c.lemma, {"aim", "seek", "strive"})) {
    for (size_t k = 0; k < a_.clauses.size(); ++k) {
      const Clause& d = a_.clauses[k];
      if (d.infinitive && d.parent >= 0 && &a_.clauses[static_cast<size_t>(d.parent)] == &c) {
        // The program's own aim: the subject is the program entity if it is one.
        AddFact(sv, "aims_to", Value::String(ClauseText(d, true)), conf, c.span, hedged);
        break;
      }
    }
    return;
  }
  // "the partnership provides …" with "For Japan," / "with X": partners.
  if (In(subj.event_head, {"partnership", "collaboration", "alliance", "agreement", "deal"})) {
    for (size_t k = 0; k < a_.nps.size(); ++k) {
      const NounPhrase& np = a_.nps[k];
      if (np.range.begin == 0) continue;
      const std::string& prep = Tok(np.range.begin - 1).lower;
      // "For Japan, …" opens the sentence; a "for" inside a name ("the
      // Investment Plan for Europe") or a phrase names no partner.
      if (!In(prep, {"with", "between"}) && !(prep == "for" && np.range.begin == 1)) continue;
      const Ref& o = ResolveNp(static_cast<int>(k));
      if (o.entity && !o.via_event && o.name != subj.name) {
        AddFact(sv, "partners_with", Value::Entity(o.name), conf * 0.8, c.span, hedged);
      }
    }
  }
}

}  // namespace kg::loader
