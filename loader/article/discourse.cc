// The discourse model: mentions in reading order and the searches over them
// that coreference needs ("it", "the company", "the port", reported pronouns).
#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "kg/article.h"
#include "kg/value.h"
#include "loader/article/article_extractor.h"
#include "loader/article/words.h"
#include "loader/canonical/gazetteer.h"
#include "loader/extract/clauses.h"
#include "loader/text/tokens.h"

namespace kg::loader {

using extract::Clause;
using extract::NounPhrase;
using extract::Range;
using text::Tag;

void ArticleExtractor::AddMention(const std::string& name, uint64_t key, bool subject) {
  mentions_.push_back(Mention{name, TypeOf(name), key, subject});
  if (subject) last_subject_sentence_[name] = sent_;
  if (mentions_.size() > 4000) mentions_.erase(mentions_.begin(), mentions_.begin() + 2000);
}

void ArticleExtractor::RegisterMentions() {
  for (size_t k = 0; k < a_.nps.size(); ++k) {
    const NounPhrase& np = a_.nps[k];
    for (const Range& run : np.names) {
      // Segment runs by the gazetteer: "Microsoft Japan AI" → Microsoft, Japan.
      int i = run.begin;
      bool after_unknown = false;  // a word before i in the run is no known name
      while (i < run.end) {
        int best = -1;
        for (int e = run.end; e > i; --e) {
          if (gaz_.Lookup(Text(Range{i, e}))) {
            best = e;
            break;
          }
        }
        // A compass word alone ("Central Bank", "South Korean") is not the
        // region some country calls "Central" or "South".
        if (best == i + 1 && CompassName(Tok(i).text)) {
          best = -1;
        }
        // "Puerto Bolívar", "Deutsche Bank North America": a place written
        // right after words the gazetteer does not know is part of their
        // name ("Port of Barcelona" is in Barcelona, "Central Europe" in
        // Europe).
        if (best > 0 && after_unknown && !In(Tok(i - 1).lower, {"of", "for", "in", "de"}) &&
            !CompassName(Tok(i - 1).text) &&
            !In(Tok(i - 1).lower, {"southeast", "northeast", "southwest", "northwest"})) {
          auto g = gaz_.Lookup(Text(Range{i, best}));
          if (g && (g->type == "City" || g->type == "Region" || g->type == "Country")) best = -1;
        }
        // "Mara Lind", "Georgia Power": a city or region opening a run of
        // words the gazetteer does not know is the first word of their name.
        if (best > 0 && i == run.begin && best < run.end && !gaz_.StartsName(Tok(best).text)) {
          auto g = gaz_.Lookup(Text(Range{i, best}));
          if (g && (g->type == "City" || g->type == "Region")) best = -1;
        }
        if (best > 0 && !(i == run.begin && best == run.end)) {
          const std::string name = EnsureEntity(Text(Range{i, best}), "");
          AddMention(name, Key(i), false);
          i = best;
        } else {
          after_unknown = true;
          ++i;
        }
      }
    }
    // Anaphors are resolved later, when the clauses before them are known.
    if (np.names.empty()) continue;
    const Ref& r = ResolveNp(static_cast<int>(k));
    if (r.entity && !r.via_coref && !r.via_event) {
      AddMention(r.name, Key(np.range.begin), false);
    } else if (!r.entity) {
      // "gives Pfizer access": a known name inside a common phrase is still
      // a mention (a later "the company" may mean it).
      for (const Range& run : np.names) {
        const std::string t = Text(run);
        if (gaz_.Lookup(t) || alias_.count(Lower(t)) > 0)
          AddMention(EnsureEntity(t, ""), Key(run.begin), false);
      }
    }
  }
}

// Latest mention before `key` whose type is `type` (any type if empty).
std::string ArticleExtractor::LatestOfType(const std::string& type, uint64_t key, bool subjects_only) const {
  for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
    if (it->key >= key) continue;
    if (subjects_only && !it->subject) continue;
    const std::string t = TypeOf(it->name);
    if (type != "Person" && t != "Person" && TitledName(it->name)) continue;
    // (Any type: what "it" and "its" stand for, which is never a person.)
    if (type.empty() ? (t != "Technology" && t != "Region" && t != "Person") : t == type) return it->name;
  }
  return "";
}

// The antecedent of "the company": a subject of that type earlier in the
// same sentence, else the most salient entity of that type (subject
// mentions count double, the title's first name is the article's topic)
// among those mentioned in the last five sentences.
// "Tessaro Chief Executive Markus Lind": a name run with a role title in it
// is a titled person (typed so only once the sentence's roles are read).
bool ArticleExtractor::TitledName(const std::string& name) {
  size_t start = 0;
  while (start < name.size()) {
    size_t end = name.find(' ', start);
    if (end == std::string::npos) end = name.size();
    if (start > 0 && RoleWord(Lower(name.substr(start, end - start)))) return true;
    start = end + 1;
  }
  return false;
}

std::string ArticleExtractor::SalientOfType(const std::string& type, uint64_t key) const {
  const uint64_t anaphor_key = key;
  (void)anaphor_key;
  const uint64_t sentence_start = (key / 100000) * 100000;
  // A clause's own subject is never the antecedent of its object.
  key = std::min(key, clause_key_);
  // A titled person is no organization, whatever its name run was typed.
  const auto candidate = [this, &type](const std::string& name) {
    return type == "Person" || !TitledName(name);
  };
  for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
    if (it->key >= key || it->key < sentence_start) continue;
    if (it->subject && TypeOf(it->name) == type && candidate(it->name)) return it->name;
  }
  const uint64_t sentence = key / 100000;
  // The nearest earlier sentence with a mention of that type decides: its
  // subject first ("Tarvex opened a plant. Analysts welcomed it. The firm
  // will …" is Tarvex, not the article's title company), else its other
  // mentions of that type, the latest first. Five sentences back at most.
  // Names already in this clause before it ("Several carmakers, including
  // Volvo, … signed agreements with the company") are not its antecedent.
  std::unordered_set<std::string> in_clause;
  for (const auto& m : mentions_) {
    if (m.key >= sentence_start && m.key < key) in_clause.insert(m.name);
  }
  for (uint64_t back = 1; back <= 5 && back <= sentence; ++back) {
    const uint64_t target = sentence - back;
    std::string subj, other;
    for (const auto& m : mentions_) {
      if (m.key / 100000 != target || in_clause.count(m.name) > 0) continue;
      // An untyped name as subject: just before, or a one-word name (not a
      // person's "first last") further back.
      const bool untyped_prev_subject = type == "Company" && TypeOf(m.name).empty() && m.subject &&
                                        (back == 1 || m.name.find(' ') == std::string::npos);
      if ((TypeOf(m.name) != type && !untyped_prev_subject) || !candidate(m.name)) continue;
      if (m.subject && subj.empty()) subj = m.name;
      if (!m.subject) other = m.name;
    }
    if (!subj.empty()) return subj;
    if (!other.empty()) return other;
  }
  std::unordered_map<std::string, double> score;
  std::unordered_map<std::string, uint64_t> latest;
  for (const auto& m : mentions_) {
    if (m.key >= key) continue;
    // An untyped name that was the subject just before ("Stellantis opened
    // a plant. The company said …") can be "the company".
    const bool untyped_prev_subject =
        type == "Company" && TypeOf(m.name).empty() && m.subject && m.key / 100000 + 1 == sentence;
    if ((TypeOf(m.name) != type && !untyped_prev_subject) || !candidate(m.name)) continue;
    score[m.name] += m.subject ? 2.0 : 1.0;
    latest[m.name] = std::max(latest[m.name], m.key);
  }
  std::string best;
  double best_score = -1;
  for (const auto& [name, sc] : score) {
    if (latest[name] / 100000 + 5 < key / 100000) continue;
    double total = sc + (name == title_topic_ ? 6.0 : 0.0);
    // The subject of the sentence just before is the likeliest referent
    // ("Stellantis opened a plant. The company said …"), even against the
    // article's topic.
    auto ls = last_subject_sentence_.find(name);
    if (ls != last_subject_sentence_.end() && ls->second + 1 == sentence) total += 10.0;
    if (total > best_score || (total == best_score && latest[name] > latest[best])) {
      best = name;
      best_score = total;
    }
  }
  return best;
}

// "the port" after "the Port of Brownsville" or after "Puerto Bolívar
// container port": the latest entity mentioned before `key` whose name
// has `head` as a word or that the article said is a `head`.
// With `person`, only a person the article gave that title answers.
namespace {

// The head word of a description: its last word before a complement or a
// clause ("focus" of "focus of a joint taskforce").
std::string DescriptionHead(const std::string& d) {
  size_t end = d.size();
  for (const char* cut :
       {" of ", " in ", " for ", " with ", " at ", " on ", " from ", " that ", " which ", ","}) {
    end = std::min(end, d.find(cut));
  }
  const std::string core = d.substr(0, end);
  const size_t space = core.rfind(' ');
  return space == std::string::npos ? core : core.substr(space + 1);
}

}  // namespace

std::string ArticleExtractor::NamedByHead(const std::string& head, uint64_t key, bool person) const {
  if (head.size() < 3) return "";
  auto has_word = [&head](const std::string& text) {
    const std::string l = Lower(text);
    for (size_t at = l.find(head); at != std::string::npos; at = l.find(head, at + 1)) {
      const size_t end = at + head.size();
      const bool left = at == 0 || l[at - 1] == ' ';
      const bool right = end == l.size() || l[end] == ' ' || (l[end] == 's' && end + 1 == l.size());
      if (left && right) return true;
    }
    return false;
  };
  // A description names the entity by its head noun ("the investor" for
  // "Norwegian state investor"), not by a modifier ("the state").
  std::unordered_set<std::string> described;
  for (const Fact& f : out_->facts) {
    if (f.predicate == "is_a" && f.subject.kind() == ValueKind::kEntity &&
        f.object.kind() == ValueKind::kString && has_word(DescriptionHead(f.object.text())))
      described.insert(f.subject.text());
  }
  for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
    if (it->key >= key) continue;
    const std::string t = TypeOf(it->name);
    // "the Tech Secretary" is a person the article gave that title.
    if (person ? t != "Person" : (t == "Person" || t == "Country" || t == "City" || t == "Region")) continue;
    if (has_word(it->name) || described.count(it->name) > 0) return it->name;
  }
  return "";
}

// The latest subject at or after `floor` that is an organization, else
// one that is not a place, person or technology (an organization the
// gazetteer does not know).
// With `kind`, only an agent of a compatible type answers.
std::string ArticleExtractor::LatestAgent(uint64_t key, uint64_t floor, const std::string& kind) const {
  for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
    if (it->key >= key || !it->subject || it->key < floor) continue;
    const std::string t = TypeOf(it->name);
    if ((t == "Company" || t == "Organization" || t == "GovernmentAgency") && CompatibleType(kind, t))
      return it->name;
  }
  for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
    if (it->key >= key || !it->subject || it->key < floor) continue;
    const std::string t = TypeOf(it->name);
    if (t.empty() && !TitledName(it->name)) return it->name;
  }
  return "";
}

// The latest subject at or after `floor` that the gazetteer or its name
// makes an organization (company, agency, institution). A type guessed by
// coreference ("the company") is no evidence.
std::string ArticleExtractor::LatestOrganization(uint64_t key, uint64_t floor) const {
  for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
    if (it->key >= key || !it->subject || it->key < floor) continue;
    if (NamedOrganization(it->name)) return it->name;
  }
  return "";
}

std::string ArticleExtractor::LatestFunder() const {
  for (auto it = out_->facts.rbegin(); it != out_->facts.rend(); ++it) {
    if (it->sentence + 5 < sent_) break;
    if (In(it->predicate, {"funds", "funding_amount"}) && it->subject.kind() == ValueKind::kEntity &&
        TypeOf(it->subject.text()) != "Person")
      return it->subject.text();
  }
  return "";
}

std::string ArticleExtractor::OrganizationOf(const std::string& person) const {
  if (person.empty()) return "";
  for (const Fact& f : out_->facts) {
    if (f.subject.kind() != ValueKind::kEntity || f.subject.text() != person ||
        f.object.kind() != ValueKind::kEntity)
      continue;
    // A chief executive's, chairman's or founder's object is an
    // organization whatever its name ("Dovetail Micro").
    const bool heads = In(f.predicate, {"ceo_of", "chairman_of", "founder_of"}) &&
                       !In(TypeOf(f.object.text()), {"Person", "Country", "City", "Region"});
    if (heads ||
        (In(f.predicate, {"works_for", "president_of", "leader_of"}) && NamedOrganization(f.object.text())))
      return f.object.text();
  }
  return "";
}

bool ArticleExtractor::NamedOrganization(const std::string& name) const {
  if (auto g = gaz_.Lookup(name)) return In(g->type, {"Company", "Organization", "GovernmentAgency"});
  // "USAID", "NASA": an acronym the gazetteer does not know as a place or
  // a technology names an organization.
  if (name.size() >= 2 && name.size() <= 6 &&
      std::all_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    return true;
  // The head word: the last one before "of"/"for" ("Export-Import Bank of
  // the United States"), else the last one.
  std::string l = Lower(name);
  for (const char* connector : {" of ", " for "}) {
    if (const size_t at = l.find(connector); at != std::string::npos) l = l.substr(0, at);
  }
  const size_t space = l.rfind(' ');
  const std::string last = l.substr(space == std::string::npos ? 0 : space + 1);
  return In(last, {"government", "ministry",    "department", "agency",     "bank",        "fund",
                   "company",    "corporation", "group",      "commission", "authority",   "administration",
                   "council",    "university",  "institute",  "foundation", "association", "inc.",
                   "corp.",      "ltd",         "ltd.",       "plc",        "llc",         "ag",
                   "gmbh"});
}

// "A loan to Abound … The project will create 2,000 jobs": an undertaking
// named soon after a sum was given to someone is the recipient's, not the
// giver's (up to three sentences later).
std::string ArticleExtractor::RecentRecipient(uint64_t key) const {
  const uint64_t sentence = key / 100000;
  if (last_funded_.first.empty() || last_funded_.second > sentence || last_funded_.second + 3 < sentence)
    return "";
  return last_funded_.first;
}

bool ArticleExtractor::CompatibleType(const std::string& kind, const std::string& t) {
  if (kind.empty() || t.empty() || t == kind) return true;
  return kind == "Company" && t == "Organization";
}

std::string ArticleExtractor::LatestActor(uint64_t key) const {
  for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
    if (it->key >= key || !it->subject) continue;
    const std::string t = TypeOf(it->name);
    if (t == "Company" || t == "Organization" || t == "GovernmentAgency") return it->name;
  }
  return LatestOfType("Company", key);
}

// The owner of a phrase: "Microsoft's X", "its X", "the Microsoft X".
std::string ArticleExtractor::OwnerOf(int idx) {
  const NounPhrase& np = Np(idx);
  if (np.possessor >= 0) {
    const Ref& p = ResolveNp(np.possessor);
    if (p.entity) return p.name;
  }
  for (int i = np.range.begin; i < np.core.end; ++i) {
    if (Tok(i).tag == Tag::kPossMark && i > np.range.begin) {
      for (const Range& run : np.names) {
        if (run.end == i) return EnsureEntity(Text(run), "");
      }
    }
    if (Tok(i).tag == Tag::kPoss && In(Tok(i).lower, {"its", "their"})) {
      const std::string n = LatestOfType("", Key(i), true);
      if (!n.empty()) return n;
    }
  }
  for (const Range& run : np.names) {
    auto g = gaz_.Lookup(Text(run));
    if (g && g->type == "Company") return g->name;
  }
  return "";
}

// The reporting clause ("X said …") whose complement holds clause c.
const Clause* ArticleExtractor::ReportingClauseOf(const Clause& c) const {
  for (const auto& d : a_.clauses) {
    if (&d == &c || d.complement.empty() || d.negated) continue;
    if (d.complement.begin <= c.verb_group.begin && c.verb_group.end <= d.complement.end) return &d;
  }
  return nullptr;
}

// "Acme said (on Monday) it will …": a personal pronoun subject of the
// reported clause is the reporter when that is a named entity; this holds
// even when other names were mentioned in between.
void ArticleExtractor::ResolveReportedPronoun(const Clause& c) {
  if (c.subject.size() != 1 || c.subject_from >= 0) return;
  const int idx = c.subject.front();
  const NounPhrase& np = Np(idx);
  if (!np.pronoun || !In(Tok(np.head).lower, {"it", "they", "he", "she"})) return;
  const Clause* rep = ReportingClauseOf(c);
  if (rep == nullptr || rep->subject.size() != 1 || rep->subject.front() >= idx) return;
  const Ref reporter = ResolveNp(rep->subject.front());
  const NounPhrase& rnp = Np(rep->subject.front());
  const text::Token& rhead = Tok(rnp.head);
  const bool plural_reporter = rhead.tag == Tag::kNoun && rhead.lower != rhead.lemma;
  if ((!reporter.entity || reporter.via_event) && !rnp.pronoun && !plural_reporter &&
      Tok(np.head).lower == "it") {
    // "The regulator said it will …": "it" is the (unnamed) reporter, not
    // an earlier company; the clause then states no fact about a name.
    Ref r;
    r.valid = false;
    r.text = Text(np.range);
    r.literal = Value::String(r.text);
    np_ref_[static_cast<size_t>(idx)] = r;
    np_resolved_[static_cast<size_t>(idx)] = true;
    return;
  }
  if (!reporter.entity || reporter.via_event) return;
  const bool person = TypeOf(reporter.name) == "Person";
  if (person != In(Tok(np.head).lower, {"he", "she"})) return;
  Ref r = reporter;
  r.text = Text(np.range);
  r.via_coref = true;
  np_ref_[static_cast<size_t>(idx)] = r;
  np_resolved_[static_cast<size_t>(idx)] = true;
}

}  // namespace kg::loader
