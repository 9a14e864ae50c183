#include <algorithm>
#include <cctype>

#include "loader/text/ascii_lower.h"
#include "loader/tree/patterns/patterns.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::tree {
namespace {

bool GiveVerb(std::string_view lemma) {
  return OneOf(lemma, {"provide",  "grant",   "award",    "approve",  "authorize", "authorise", "issue",
                       "announce", "sign",    "extend",   "offer",    "make",      "commit",    "lend",
                       "give",     "deliver", "pledge",   "allocate", "unveil",    "disburse",  "arrange",
                       "conclude", "close",   "finalize", "finalise"});
}

// The entities of subject words, where an organization's board acts for
// it: "Ex-Im Bank's Board of Directors approved guarantees" gives Ex-Im
// Bank.
// An agreement acts for whoever made it: "the EIF signed agreements with
// two banks that will provide EUR 420 million to SMEs" gives the EIF.
std::vector<std::string> ActingFor(PatternContext& cx, const std::vector<int>& subjects) {
  const SentenceTree& t = cx.tree;
  std::vector<int> words;
  for (int s : subjects) {
    const int owner = t.Child(s, "nmod:poss");
    const bool body = OneOf(t.lower(s), {"board", "committee", "council", "management"});
    if (body && owner >= 0 && !cx.mentions.EntityOf(owner).empty()) {
      words.push_back(owner);
      continue;
    }
    const int maker = t.head(s);
    if (OneOf(t.lemma(s), {"agreement", "deal", "contract", "operation", "arrangement"}) &&
        t.rel(s) == "obj" && maker >= 0 && t.IsVerbal(maker) && cx.mentions.EntityOf(s).empty()) {
      for (int m : t.Children(maker, "nsubj")) words.push_back(m);
      continue;
    }
    words.push_back(s);
  }
  return cx.mentions.EntitiesOfEach(words);
}

// Giving verbs that only make a sum public.
bool AnnounceVerb(std::string_view lemma) { return OneOf(lemma, {"announce", "unveil"}); }

bool ReceiveVerb(std::string_view lemma) {
  return OneOf(lemma, {"receive", "get", "win", "secure", "obtain", "gain", "land", "attract", "raise"});
}

// Verbs whose object a sum pays for ("to finance the construction").
bool PayVerb(std::string_view lemma) {
  return OneOf(lemma, {"fund", "finance", "support", "back", "help", "enable", "underwrite", "boost"});
}

// One funding mention: the funding noun, the word that is its clause's
// argument (the noun, or the amount it belongs to: "$575 million in
// financing"), and the amount.
struct FundingMention {
  int noun = -1;
  int anchor = -1;
  std::optional<canonical::Money> amount;
  bool bare = false;  // a sum with no funding noun ("provide EUR 50 million to X")
};

// "… will provide EUR 420 million to over 2,000 SMEs": a bare sum given
// to someone is funding, though no noun says so.
std::optional<FundingMention> BareSumAt(PatternContext& cx, int n) {
  const SentenceTree& t = cx.tree;
  const int v = t.head(n);
  // "The town of Florence will receive $2.4 million": a sum received.
  // "Five ports have been awarded (a share of) £22 million": a sum given
  // to the passive's subject, which receives it.
  // (Not "£2.5 million in funding by the Agency": the funding noun and the
  // agent read that one.)
  bool funding_words = false;
  for (int h : {n, v}) {
    if (h < 0) continue;
    for (int c : t.children(h))
      funding_words = funding_words || WordLists::Get().InClass("funding", t.lemma(c));
  }
  const bool awarded = v >= 0 && t.Child(v, "nsubj:pass") >= 0 && t.Child(v, "obl:agent") < 0 &&
                       !funding_words && OneOf(t.lemma(v), {"award", "grant", "give", "allocate", "offer"});
  const bool received = awarded || (v >= 0 && OneOf(t.lemma(v), {"receive", "win", "secure", "obtain"}));
  if (t.rel(n) != "obj" || v < 0 ||
      (!received && !OneOf(t.lemma(v), {"provide", "lend", "grant", "give", "allocate", "disburse"})))
    return std::nullopt;
  const auto amount = cx.mentions.MoneyOf(n);
  const bool share = awarded && OneOf(t.lemma(n), {"share", "portion", "part"});
  if (!amount || (!cx.mentions.AmountItself(n) && !share)) return std::nullopt;
  if (received) return FundingMention{n, n, amount, true};
  std::vector<int> to = t.Children(v, "obl");
  for (int c : t.Children(n, "nmod")) to.push_back(c);  // "$90 million to small farms"
  for (int c : to) {
    if (t.CaseOf(c) == "to") return FundingMention{n, n, amount, true};
  }
  return std::nullopt;
}

// "X support in Norland amounted to EUR 90 million": the sum a verb of
// totalling gives its subject.
std::optional<canonical::Money> TotalOf(PatternContext& cx, int n) {
  const SentenceTree& t = cx.tree;
  const int v = t.head(n);
  if (v < 0 || t.rel(n) != "nsubj" || !OneOf(t.lemma(v), {"amount", "total", "reach", "stand", "come"}))
    return {};
  for (int c : t.children(v)) {
    const std::string cs = t.CaseOf(c);
    const bool sum = t.rel(c) == "obj" || (t.rel(c) == "obl" && (cs == "to" || cs == "at"));
    if (!sum) continue;
    if (auto m = cx.mentions.MoneyOf(c)) return m;
  }
  return {};
}

std::optional<FundingMention> MentionAt(PatternContext& cx, int n) {
  const SentenceTree& t = cx.tree;
  if (auto bare = BareSumAt(cx, n)) return bare;
  if (t.upos(n) != "NOUN" && t.upos(n) != "VERB") return std::nullopt;
  // "European Investment Fund" names a giver, not a sum.
  if (!cx.mentions.NameRun(n).empty()) return std::nullopt;
  const bool funding_noun =
      WordLists::Get().InClass("funding", t.lemma(n)) || WordLists::Get().InClass("funding", t.lower(n));
  // "a EUR 25 million deal to fund X": a sum whose complement pays.
  bool pays = false;
  for (int c : t.children(n)) pays = pays || ((t.rel(c) == "acl") && PayVerb(t.lemma(c)));
  if (!funding_noun && !(pays && t.upos(n) == "NOUN" && cx.mentions.MoneyOf(n))) return std::nullopt;
  // "loan guarantee": the head funding noun speaks for both.
  if (t.rel(n) == "compound" && t.head(n) >= 0 && WordLists::Get().InClass("funding", t.lemma(t.head(n))))
    return std::nullopt;
  FundingMention f;
  f.noun = n;
  f.anchor = n;
  f.amount = cx.mentions.MoneyOf(n);
  // "£2.5 million in funding", "EUR 50 million of loans": the amount heads.
  const int h = t.head(n);
  if (!f.amount && h >= 0) {
    if (auto m = t.IsVerbal(h) ? std::nullopt : cx.mentions.MoneyOf(h)) {
      f.anchor = h;
      f.amount = m;
    } else if (t.IsVerbal(h)) {
      // The parser may hang "in funding" on the verb; the amount is its object.
      for (int o : t.Children(h, "obj")) {
        if (auto m2 = cx.mentions.MoneyOf(o); m2 && o < n) {
          f.anchor = o;
          f.amount = m2;
        }
      }
    }
  }
  if (!f.amount) f.amount = TotalOf(cx, n);
  return f;
}

// The funder written inside the funding phrase: "from X", "by X", "X's
// loan", "a DFC loan", "UK Government funding".
std::vector<std::string> InnerFunder(PatternContext& cx, const FundingMention& f) {
  const SentenceTree& t = cx.tree;
  for (int w : {f.noun, f.anchor}) {
    // "offered Halden Motors $200 million" read with the name as a compound
    // of the sum: a name before a bare sum is its recipient (GivenTo).
    const bool sum = w != f.noun && cx.mentions.MoneyOf(w).has_value();
    for (int c : t.children(w)) {
      const std::string_view r = t.rel(c);
      const std::string cs = t.CaseOf(c);
      if (((r == "nmod" || r == "obl") && (cs == "from" || cs == "by")) || t.deprel(c) == "nmod:poss" ||
          (r == "compound" && c < w && !sum && !cx.mentions.NameRun(c).empty())) {
        auto e = cx.mentions.EntitiesOf(c);
        if (!e.empty()) return e;
      }
    }
  }
  return {};
}

// Who benefits from a sum paying for `w`: a name, else the one a project
// is "developed/run/owned by", else the phrase.
Value Beneficiary(PatternContext& cx, int w) {
  const SentenceTree& t = cx.tree;
  // "to support the export of aircraft by The Boeing Co.": a sum paying
  // for a sale benefits the seller, wherever the parser hung "by".
  if (WordLists::Get().InClass("supply", t.lemma(w))) {
    const Span s = t.Subtree(w);
    for (int c = s.first; c <= s.last; ++c) {
      if (c == w || t.CaseOf(c) != "by" || (t.rel(c) != "nmod" && t.rel(c) != "obl")) continue;
      if (const std::string e = cx.mentions.EntityOf(c); !e.empty()) return Value::Entity(e);
    }
    // "supporting the export by Boeing of …" with "by Boeing" on the verb.
    if (t.rel(w) == "obj" && t.head(w) >= 0) {
      for (int c : t.Children(t.head(w), "obl")) {
        if (c > w && t.CaseOf(c) == "by") {
          if (const std::string e = cx.mentions.EntityOf(c); !e.empty()) return Value::Entity(e);
        }
      }
    }
  }
  if (cx.mentions.EntityOf(w).empty()) {
    for (int c : t.Children(w, "acl")) {
      for (int a : t.children(c)) {
        if ((t.deprel(a) == "obl:agent" || (t.rel(a) == "obl" && t.CaseOf(a) == "by")) &&
            !cx.mentions.EntityOf(a).empty())
          return Value::Entity(cx.mentions.EntityOf(a));
      }
    }
  }
  // "financing for this transaction": an undertaking with no owner or
  // object written is what is paid for, not whoever the discourse
  // last made act.
  if (t.upos(w) == "NOUN" && WordLists::Get().InClass("undertaking", t.lemma(w)) &&
      t.Child(w, "nmod:poss") < 0 && cx.mentions.UndertakingOf(w) < 0 && cx.mentions.NameRun(w).empty())
    return Value::String(cx.mentions.Phrase(w));
  // "a grant to the city of Tarrow, Ohio, to build a park": the recipient
  // without what the money is for.
  const Value v = cx.mentions.ValueOf(w);
  if (v.kind() == ValueKind::kString) return Value::String(cx.mentions.PhraseWithoutClauses(w));
  return v;
}

// An institution where paid-for work happens ("research at the University
// of Y"), on the work or on the paying verb: who receives the sum.
std::string WorkPlace(PatternContext& cx, int w) {
  for (int c : cx.tree.children(w)) {
    if ((cx.tree.rel(c) != "nmod" && cx.tree.rel(c) != "obl") || cx.tree.CaseOf(c) != "at") continue;
    const std::string e = cx.mentions.EntityOf(c);
    if (!e.empty() && !IsPlaceType(cx.state.TypeOf(e))) return e;
  }
  return "";
}

// What a sum that "will be used to back X" pays for: X's institution, else
// X (Beneficiary).
std::optional<Value> PaidFor(PatternContext& cx, int used) {
  const SentenceTree& t = cx.tree;
  for (int p : t.children(used)) {
    if ((t.rel(p) != "advcl" && t.rel(p) != "xcomp") || !PayVerb(t.lemma(p))) continue;
    const int o = t.Child(p, "obj");
    if (o < 0) continue;
    std::string at = WorkPlace(cx, o);
    if (at.empty()) at = WorkPlace(cx, p);
    return at.empty() ? Beneficiary(cx, o) : Value::Entity(at);
  }
  return std::nullopt;
}

// "Delivered through X, the funding …", "administered by X": the body that
// hands out the sum.
std::vector<std::string> DeliveredThrough(PatternContext& cx, int verb) {
  const SentenceTree& t = cx.tree;
  for (int p : t.Children(verb, "advcl")) {
    if (!OneOf(t.lemma(p), {"deliver", "administer", "manage", "distribute", "channel", "award", "allocate"}))
      continue;
    for (int o : t.Children(p, "obl")) {
      if (t.CaseOf(o) == "through" || t.CaseOf(o) == "by") return cx.mentions.EntitiesOf(o);
    }
  }
  return {};
}

// What the sum pays for, written after the noun or its verb: "to X",
// "to fund X", "to finance the construction …".
std::optional<Value> InnerRecipient(PatternContext& cx, const FundingMention& f, int verb) {
  const SentenceTree& t = cx.tree;
  for (int w : {f.noun, f.anchor, verb}) {
    if (w < 0) continue;
    for (int c : t.children(w)) {
      const std::string_view r = t.rel(c);
      const std::string cs = t.CaseOf(c);
      // "for X" on the verb names the recipient when the sum is its object
      // ("announced financing … for a plant").
      const bool for_ok = cs == "for" && (w != verb || t.rel(f.anchor) == "obj");
      if ((r == "nmod" || (r == "obl" && w == verb)) && (cs == "to" || for_ok) && t.IsNominal(c) &&
          !cx.mentions.MoneyOf(c))
        return Beneficiary(cx, c);
      if (r == "iobj" && w == verb) return cx.mentions.ValueOf(c);
      if ((r == "acl" || r == "advcl" || r == "xcomp") && PayVerb(t.lemma(c))) {
        const int o = t.Child(c, "obj");
        if (o >= 0) return Beneficiary(cx, o);
      }
    }
  }
  return std::nullopt;
}

// The instrument itself ("a conditional loan guarantee"), without its
// amount or giver: what a funder provides; "" for a bare sum.
std::string InstrumentOf(PatternContext& cx, const FundingMention& f) {
  const SentenceTree& t = cx.tree;
  int first = f.noun;
  // Nearest modifier first, so "medium-term loan guarantee" takes both.
  const std::vector<int>& kids = t.children(f.noun);
  for (auto it = kids.rbegin(); it != kids.rend(); ++it) {
    const int c = *it;
    const std::string_view r = t.rel(c);
    if (c < f.noun && (r == "amod" || r == "compound") && !cx.mentions.MoneyOf(c) && t.upos(c) != "PROPN" &&
        t.upos(c) != "SYM" && t.upos(c) != "NUM" && t.Subtree(c).last == first - 1)
      first = t.Subtree(c).first;
  }
  // Modifiers are taken only while they are contiguous with the noun.
  for (int c : t.children(f.noun)) {
    if (c < f.noun && c >= first &&
        (t.upos(c) == "PROPN" || t.upos(c) == "NUM" || t.upos(c) == "SYM" || !cx.mentions.NameRun(c).empty()))
      first = c + 1;
  }
  return t.upos(f.noun) == "NOUN" && !f.bare ? t.Text(Span{first, f.noun}) : "";
}

// The place a funding noun is "in" ("support in Bulgaria"), or "".
std::string PlaceOf(PatternContext& cx, int noun) {
  for (int c : cx.tree.Children(noun, "nmod")) {
    if (cx.tree.CaseOf(c) != "in") continue;
    const std::string e = cx.mentions.EntityOf(c);
    if (!e.empty() && IsPlaceType(cx.state.TypeOf(e))) return e;
  }
  return "";
}

void EmitFunding(PatternContext& cx, const FundingMention& f, const std::vector<std::string>& funders,
                 const std::optional<Value>& recipient, bool hedged) {
  const Span s = cx.tree.Subtree(f.anchor);
  const Evidence ev = cx.mentions.Evid(s.first, s.last, 0.75, hedged);
  const SentenceTree& t = cx.tree;
  const std::string instrument = InstrumentOf(cx, f);
  // "announced a $1.7 billion investment in Kenya": an investment nobody
  // receives is the investor's own (its event, nominalizations.cc), not
  // funding given.
  if (t.lemma(f.noun) == "investment" && !recipient) return;
  // "EIB Group support in Bulgaria amounted to EUR 217 million": financing
  // in a place that no one receives is the funder's investment there.
  if (!recipient) {
    if (const std::string place = PlaceOf(cx, f.noun); !place.empty()) {
      for (const std::string& funder : funders) {
        cx.state.AddFact(Value::Entity(funder), "invests_in", Value::Entity(place), ev);
        if (f.amount)
          cx.state.AddFact(Value::Entity(funder), "investment_amount",
                           Value::Money(f.amount->amount, f.amount->currency), ev);
      }
      return;
    }
  }
  for (const std::string& funder : funders) {
    if (!instrument.empty())
      cx.state.AddFact(Value::Entity(funder), "provides", Value::String(instrument), ev);
    if (f.amount)
      cx.state.AddFact(Value::Entity(funder), "funding_amount",
                       Value::Money(f.amount->amount, f.amount->currency), ev);
    if (recipient) cx.state.AddFact(Value::Entity(funder), "funds", *recipient, ev);
  }
}

const TreeClause* ClauseOf(PatternContext& cx, int verb) {
  for (const TreeClause& c : cx.clauses) {
    if (c.pred == verb) return &c;
  }
  return nullptr;
}

// The first nominal argument of a giving verb other than the sum: "granted
// BBVA a guarantee", "provide a loan to X".
std::optional<Value> GivenTo(PatternContext& cx, const TreeClause& c, const FundingMention& f) {
  const SentenceTree& t = cx.tree;
  if (f.anchor != f.noun && cx.mentions.MoneyOf(f.anchor)) {
    for (int k : t.Children(f.anchor, "compound")) {
      if (k < f.anchor && !cx.mentions.NameRun(k).empty() && !cx.mentions.EntityOf(k).empty())
        return cx.mentions.ValueOf(k);
    }
  }
  for (const char* rel : {"iobj", "obj"}) {
    for (int o : t.Children(c.pred, rel)) {
      if (o != f.anchor && o != f.noun && !cx.mentions.MoneyOf(o) && !cx.mentions.EntityOf(o).empty())
        return cx.mentions.ValueOf(o);
    }
  }
  return std::nullopt;
}

// Whether an organization's name says it lends ("European Investment
// Bank", "Nordic Fund").
bool LenderName(const std::string& name) {
  const std::string lower = text::AsciiLower(name);
  for (const char* w : {"bank", "fund", "lender", "finance", "investment"}) {
    const size_t at = lower.find(w);
    if (at != std::string::npos && (at == 0 || lower[at - 1] == ' ')) return true;
  }
  return false;
}

// "The EIB has signed a EUR 300 million loan with Enel": the other party of
// a signed loan is its borrower when the signer is a lender by name, and
// its lender when only the other party is ("Enel signed a loan with the
// EIB"). Neither: no one is known to fund.
void SignedWith(PatternContext& cx, const TreeClause& c, const FundingMention& f,
                std::vector<std::string>* funders, std::optional<Value>* recipient) {
  if (!OneOf(c.lemma, {"sign", "conclude", "agree"})) return;
  const SentenceTree& t = cx.tree;
  std::vector<std::string> others;
  for (const auto& [prep, o] : c.obliques) {
    if (prep == "with") others = cx.mentions.EntitiesOf(o);
  }
  for (int k : t.Children(f.noun, "nmod")) {
    if (others.empty() && t.CaseOf(k) == "with") others = cx.mentions.EntitiesOf(k);
  }
  if (others.size() != 1 || funders->empty()) return;
  const bool signer_lends = std::any_of(funders->begin(), funders->end(), LenderName);
  if (signer_lends && !LenderName(others.front())) {
    *recipient = Value::Entity(others.front());
  } else if (!signer_lends && LenderName(others.front()) && funders->size() == 1) {
    *recipient = Value::Entity(funders->front());
    *funders = others;
  }
}

// "a loan from a group of banks led by Norvik Bank": the named leader of an
// unnamed group of lenders gives for it.
std::vector<std::string> LeadersOf(PatternContext& cx, int o) {
  const SentenceTree& t = cx.tree;
  std::vector<int> groups{o};
  for (int m : t.Children(o, "nmod")) {
    if (t.CaseOf(m) == "of") groups.push_back(m);  // "a group of banks led by …"
  }
  for (int g : groups) {
    for (int a : t.Children(g, "acl")) {
      if (!OneOf(t.lemma(a), {"lead", "head", "arrange"})) continue;
      for (int b : t.children(a)) {
        if (t.deprel(b) == "obl:agent" || (t.rel(b) == "obl" && t.CaseOf(b) == "by")) {
          auto e = cx.mentions.EntitiesOf(b);
          if (!e.empty()) return e;
        }
      }
    }
  }
  return {};
}

// "A new £25 million fund will help …, Skills Minister X announced today":
// a sum a minister announces is given by the organization they speak for.
std::vector<std::string> AnnouncedBy(PatternContext& cx, int verb) {
  const SentenceTree& t = cx.tree;
  if (verb < 0) return {};
  std::vector<int> announcing = t.Children(verb, "parataxis");
  // (The parser may make the attribution the root and the statement its
  // complement: "Communities will benefit from a fund …, Minister X
  // announced today".)
  if (t.rel(verb) == "ccomp" && t.head(verb) > verb) announcing.push_back(t.head(verb));
  // (Or hang the final attribution on a word deeper in the clause: "… to
  // install shore power, the Scottish Government has announced".)
  for (int p = verb + 1; p < t.size(); ++p) {
    if (t.rel(p) == "parataxis" && t.head(p) != verb && t.Dominates(verb, t.head(p))) announcing.push_back(p);
  }
  for (int p : announcing) {
    if (!AnnounceVerb(t.lemma(p))) continue;
    std::vector<std::string> out;
    for (const std::string& e : cx.mentions.EntitiesOfEach(t.Children(p, "nsubj"))) {
      const std::string org = cx.state.TypeOf(e) == "Person" ? cx.state.OrganizationOf(e) : e;
      if (!org.empty()) out.push_back(org);
    }
    return out;
  }
  return {};
}

// A sum given to a named recipient by no one the sentence names waits for
// the article's giver of such sums (ArticleState::DeferFunding).
void DeferFunding(PatternContext& cx, const FundingMention& f, const std::optional<Value>& recipient,
                  bool hedged) {
  const SentenceTree& t = cx.tree;
  if (!recipient || recipient->kind() != ValueKind::kEntity || f.bare || t.lemma(f.noun) == "investment")
    return;
  const Span s = t.Subtree(f.anchor);
  UnattributedFunding u;
  u.kind = t.lemma(f.noun);
  u.instrument = InstrumentOf(cx, f);
  if (f.amount) u.amount = Value::Money(f.amount->amount, f.amount->currency);
  u.recipient = *recipient;
  u.evidence = cx.mentions.Evid(s.first, s.last, 0.7, hedged);
  cx.state.DeferFunding(u);
}

void FromMention(PatternContext& cx, const FundingMention& f) {
  const SentenceTree& t = cx.tree;
  std::vector<std::string> funders = InnerFunder(cx, f);
  std::optional<Value> recipient;
  // The clause argument: the sum, or the list or apposition it is part of
  // ("signed two operations: a loan to X and a loan to Y").
  int arg = f.anchor;
  while ((t.rel(arg) == "appos" || t.rel(arg) == "conj") && t.head(arg) >= 0 && t.IsNominal(t.head(arg)))
    arg = t.head(arg);
  const int v = t.head(arg);
  const TreeClause* c = v >= 0 ? ClauseOf(cx, v) : nullptr;
  const std::string_view r = t.rel(arg);
  // "signed two operations: a EUR 18 million loan to X" may come with the
  // list in apposition to the verb itself.
  // ("The loan is backed by a guarantee from X": a sum that is the agent
  // of a passive is no argument its clause gives or receives.)
  const bool agent = c != nullptr && c->agent == arg;
  const bool argument = !agent && (r == "obj" || r == "iobj" || t.deprel(arg) == "obl:unmarked" ||
                                   r == "obl" || (r == "appos" && v >= 0 && t.IsVerbal(v)));
  bool hedged = false;
  if (c != nullptr && !c->negated) {
    hedged = c->hedged;
    const std::string lemma = t.lemma(v);
    if (argument && GiveVerb(lemma) && c->passive) {
      // "X has been awarded £2.5 million by Y".
      if (funders.empty() && c->agent >= 0) funders = cx.mentions.EntitiesOf(c->agent);
      if (!c->subjects.empty()) recipient = cx.mentions.ValueOf(c->subjects.front());
    } else if (argument && GiveVerb(lemma)) {
      if (funders.empty()) funders = ActingFor(cx, c->subjects);
      // "President Obama announced a loan guarantee to X": who announces a
      // sum is not its giver; the giver is the organization they speak for
      // ("Skills Minister X announced £40 million of funding": the
      // government), else not written here.
      if (AnnounceVerb(lemma)) {
        for (std::string& e : funders) {
          if (cx.state.TypeOf(e) == "Person") e = cx.state.OrganizationOf(e);
        }
        std::erase_if(funders, [](const std::string& e) { return e.empty(); });
      }
      recipient = GivenTo(cx, *c, f);
      if (!recipient) SignedWith(cx, *c, f, &funders, &recipient);
    } else if (argument && ReceiveVerb(lemma)) {
      if (!c->subjects.empty()) recipient = cx.mentions.ValueOf(c->subjects.front());
      for (const auto& [prep, o] : c->obliques) {
        if (funders.empty() && (prep == "from" || prep == "by")) funders = cx.mentions.EntitiesOf(o);
        if (funders.empty() && prep == "from") funders = LeadersOf(cx, o);
      }
      for (int m : t.Children(f.anchor, "nmod")) {
        if (funders.empty() && t.CaseOf(m) == "from") funders = cx.mentions.EntitiesOf(m);
        if (funders.empty() && t.CaseOf(m) == "from") funders = LeadersOf(cx, m);
      }
      // "The town of Florence will receive $2.4 million …" after the
      // agency's announcement: a sum received from no one named comes from
      // the funder the text has just named.
      if (funders.empty() && OneOf(lemma, {"receive", "get", "win", "secure", "obtain"})) {
        if (const std::string latest = cx.state.LatestFunder(); !latest.empty()) funders = {latest};
      }
    } else if (t.rel(arg) == "nsubj" && c->passive && OneOf(lemma, {"use", "spend"})) {
      // "Delivered through X, £31 million of the funding will be used to
      // back research at Y".
      recipient = PaidFor(cx, v);
      if (funders.empty()) funders = DeliveredThrough(cx, v);
    } else if (argument && lemma == "benefit" && t.CaseOf(arg) == "from") {
      // "Coastal communities will benefit from a £40 million fund": who
      // benefits from a sum receives it.
      if (!c->subjects.empty()) recipient = cx.mentions.ValueOf(c->subjects.front());
      if (funders.empty()) funders = AnnouncedBy(cx, v);
    } else if (t.rel(arg) == "nsubj" && OneOf(lemma, {"go", "flow"})) {
      // "The largest award, $2.4 million, goes to the City of Harlan": a sum
      // that goes to someone is given to them, by the funder just named.
      for (const auto& [prep, o] : c->obliques) {
        if (prep == "to" && !recipient && !cx.mentions.EntityOf(o).empty())
          recipient = cx.mentions.ValueOf(o);
      }
      if (recipient && funders.empty()) {
        if (const std::string latest = cx.state.LatestFunder(); !latest.empty()) funders = {latest};
      }
    } else if (t.rel(arg) == "nsubj" && PayVerb(lemma)) {
      // "A DFC loan of up to $150 million will support the expansion …".
      const int o = t.Child(v, "obj");
      if (o >= 0) recipient = Beneficiary(cx, o);
    }
  }
  if (!recipient) recipient = InnerRecipient(cx, f, c != nullptr ? v : -1);
  if (recipient && recipient->kind() == ValueKind::kEntity) cx.state.NoteRecipient(recipient->text());
  // "…, the Scottish Government has announced": the announcer of a sum
  // whose giver the clause does not name gives it.
  if (funders.empty() && (t.rel(arg) == "nsubj" || (c != nullptr && c->passive)))
    funders = AnnouncedBy(cx, v);
  if (funders.empty()) {
    DeferFunding(cx, f, recipient, hedged);
    return;
  }
  EmitFunding(cx, f, funders, recipient, hedged);
}

}  // namespace

void ExtractFunding(PatternContext& cx) {
  std::vector<int> anchors_done;
  for (int n = 0; n < cx.tree.size(); ++n) {
    auto f = MentionAt(cx, n);
    if (!f) continue;
    if (std::find(anchors_done.begin(), anchors_done.end(), f->anchor) != anchors_done.end()) continue;
    anchors_done.push_back(f->anchor);
    FromMention(cx, *f);
  }
}

}  // namespace kg::loader::tree
