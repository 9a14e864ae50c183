// The loader pipeline in one function (ExtractArticle): text → sentences →
// tagged tokens (+ word classes from the trained parser or link-grammar) →
// noun phrases and clauses →
// entities, coreference, normalized facts and raw Open IE facts.
#include "loader/loader.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "loader/canonical/gazetteer.h"
#include "loader/canonical/literals.h"
#include "loader/canonical/predicates.h"
#include "loader/extract/clauses.h"
#include "loader/linguistics/link_parser.h"
#include "loader/linguistics/parser_hints.h"
#include "loader/text/document.h"
#include "loader/text/tokens.h"
#include "loader/tree/article_state.h"
#include "loader/tree/open_ie.h"
#include "loader/tree/tree_extractor.h"
#include "loader/tree/word_lists.h"
#include "syntax/model_registry.h"
#include "syntax/wordnet.h"

namespace kg::loader {
namespace {

using extract::Clause;
using extract::NounPhrase;
using extract::NpList;
using extract::PrepArg;
using extract::Range;
using extract::SentenceAnalysis;
using text::Tag;

constexpr int kMaxSentenceTokens = 150;
constexpr size_t kMaxSentenceBytes = 3000;
// Either parser costs about a millisecond per sentence (the trained one
// ~15,000 words/s, link-grammar more but only on short sentences); huge
// inputs get it for their first sentences only so a load stays bounded.
constexpr uint32_t kMaxParsedSentences = 2000;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool In(const std::string& w, std::initializer_list<const char*> set) {
  for (const char* s : set) {
    if (w == s) return true;
  }
  return false;
}

// Head nouns that refer back to an entity of a type ("the company").
std::string AnaphorType(const std::string& head_lemma) {
  if (In(head_lemma, {"company",   "firm",      "giant",       "group",      "conglomerate", "maker",
                      "carmaker",  "automaker", "chipmaker",   "lender",     "retailer",     "startup",
                      "operator",  "provider",  "corporation", "business",   "manufacturer", "developer",
                      "supplier",  "insurer",   "bank",        "drugmaker",  "airline",      "carrier",
                      "miner",     "brewer",    "utility",     "steelmaker", "shipbuilder",  "shipper",
                      "automaker", "fintech",   "refiner",     "producer",   "distributor"})) {
    return "Company";
  }
  if (In(head_lemma, {"country", "nation"})) return "Country";
  if (In(head_lemma, {"region", "continent"})) return "Region";
  if (In(head_lemma, {"city", "capital"})) return "City";
  if (In(head_lemma, {"ministry", "agency", "regulator", "department", "commission", "authority"})) {
    return "GovernmentAgency";
  }
  if (In(head_lemma, {"program", "programme", "scheme", "fund"})) return "Program";
  return "";
}

// Head nouns that name an undertaking of the current actor ("the
// initiative", "the move", "this investment").
bool EventNoun(const std::string& head_lemma) {
  return In(
      head_lemma,
      {"initiative", "move",     "investment",  "plan",         "deal",        "effort",    "expansion",
       "commitment", "project",  "push",        "announcement", "partnership", "agreement", "collaboration",
       "alliance",   "strategy", "acquisition", "pledge",       "venture",     "program",   "programme"});
}

// Generic heads after a product/brand name: "its Azure capabilities" is Azure.
bool GenericHead(const std::string& head_lemma) {
  return In(head_lemma, {"capability", "capabilities", "service",  "services",  "business",
                         "operation",  "operations",   "platform", "presence",  "footprint",
                         "offering",   "offerings",    "product",  "products",  "network",
                         "unit",       "division",     "brand",    "portfolio", "infrastructure"});
}

std::string StripCorporateSuffix(const std::string& name) {
  static const char* kSuffixes[] = {" Inc.", " Inc", " Corp.", " Corp", " Corporation", " Ltd.",
                                    " Ltd",  " Co.", " LLC",   " plc",  " PLC",         " Limited",
                                    " AG",   " SA",  " S.A.",  " N.V."};
  for (const char* suf : kSuffixes) {
    const std::string s = suf;
    if (name.size() > s.size() + 1 && name.compare(name.size() - s.size(), s.size(), s) == 0) {
      std::string out = name.substr(0, name.size() - s.size());
      while (!out.empty() && (out.back() == ',' || out.back() == ' ')) out.pop_back();
      return out;
    }
  }
  return name;
}

// A typed rule-based guess for a proper name not in the gazetteer.
std::string GuessType(const std::string& name, const std::vector<text::Token>& toks, Range run) {
  const std::string low = Lower(name);
  auto has_word = [&](std::initializer_list<const char*> words) {
    for (int i = run.begin; i < run.end; ++i) {
      for (const char* w : words) {
        if (toks[static_cast<size_t>(i)].lower == w) return true;
      }
    }
    return false;
  };
  if (StripCorporateSuffix(name) != name ||
      has_word({"inc.", "corp.", "ltd.", "holdings", "technologies", "motors", "airlines", "bank", "group",
                "systems", "labs", "pharmaceuticals", "energy", "telecom", "semiconductor", "electronics"})) {
    return "Company";
  }
  if (has_word({"ministry", "department", "agency", "commission", "bureau", "authority", "administration",
                "council", "parliament", "congress", "senate", "government", "cabinet", "regulator"})) {
    return "GovernmentAgency";
  }
  if (has_word({"university", "institute", "foundation", "association", "society", "school", "college",
                "organization", "organisation", "union", "federation", "alliance", "consortium", "center",
                "centre", "academy"})) {
    return "Organization";
  }
  if (has_word({"program", "programme", "initiative", "scheme", "fund", "project", "plan"})) return "Program";
  if (has_word({"city", "county", "province", "prefecture", "state"})) return "Region";
  (void)low;
  return "";
}

std::string ThirdPerson(const std::string& lemma) { return canonical::FallbackPredicate(lemma); }

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

struct Mention {
  std::string name;
  std::string type;
  uint64_t key;  // sentence * 100000 + token
  bool subject = false;
};

class ArticleExtractor final : public tree::ArticleState {
 public:
  ArticleExtractor(ArticleData* out, const LoaderOptions& options, const EntityResolver* resolver)
      : out_(out),
        options_(options),
        resolver_(resolver),
        gaz_(canonical::Gazetteer::Get()),
        vocab_(canonical::Vocabulary::Get()),
        source_(options.syntax_source) {
    if (source_ != SyntaxSource::kTrainedParser) return;
    auto model = syntax::LoadModel(options.syntax_model);
    if (model.ok()) {
      model_ = *std::move(model);
      return;
    }
    // Extraction still works without the model, only less well: one warning
    // per article, naming the file tried and how to fix it.
    source_ = SyntaxSource::kNone;
    const Status& st = model.status();
    out_->warnings.push_back("syntax model not loaded, word classes come from the tagger's rules alone: " +
                             st.message() + (st.hint().empty() ? "" : " (" + st.hint() + ")"));
  }

  void Run(const text::Document& doc) {
    CollectDocumentNames(doc);
    // The title's first name is the article's topic (used by SalientOfType).
    if (!doc.title.empty()) {
      auto toks = text::Tokenize(doc.title);
      const auto& gaz = gaz_;
      text::TagTokens(toks, [&gaz](std::string_view w) { return gaz.StartsName(w); });
      for (size_t i = 0; i < toks.size() && title_topic_.empty(); ++i) {
        if (toks[i].tag != Tag::kProper) continue;
        size_t e = i;
        while (e < toks.size() && toks[e].tag == Tag::kProper) ++e;
        const std::string name = doc.title.substr(toks[i].begin, toks[e - 1].end - toks[i].begin);
        auto g = gaz_.Lookup(name);
        if (!g || g->type == "Company" || g->type == "Organization" || g->type == "GovernmentAgency") {
          title_topic_ = g ? g->name : StripCorporateSuffix(name);
        }
        i = e;
      }
    }
    for (size_t si = 0; si < doc.sentences.size(); ++si) {
      const auto& s = doc.sentences[si];
      out_->sentences.push_back(s.text);
      sent_ = static_cast<uint32_t>(si);
      if (s.dateline) AddDatelinePlace(s.text);
      if (s.heading) continue;
      ProcessSentence(s);
    }
    Finalize();
  }

  // The dateline's place ("SAN JOSE, Calif. (AP) -") is a mention of a city
  // known to the gazetteer (so it gets its country), nothing more.
  void AddDatelinePlace(const std::string& line) {
    std::string place;
    bool word_start = true;
    for (char c : line) {
      if (c == ',' || c == '(' || c == '-') break;
      const auto u = static_cast<unsigned char>(c);
      place.push_back(word_start ? c : static_cast<char>(std::tolower(u)));
      word_start = (c == ' ');
    }
    while (!place.empty() && place.back() == ' ') place.pop_back();
    if (place.empty()) return;
    if (auto g = gaz_.Lookup(place); g && g->type == "City") EnsureEntity(place, "City");
  }

  // Words written capitalized in mid-sentence and never in lower case are
  // names wherever they occur ("Acme" at the start of a sentence too).
  void CollectDocumentNames(const text::Document& doc) {
    std::unordered_set<std::string> lower_seen;
    std::unordered_set<std::string> cap_mid;
    size_t budget = 0;
    for (const auto& s : doc.sentences) {
      if (s.heading) continue;
      if ((budget += s.text.size()) > (4u << 20)) break;  // enough evidence; bound the work
      bool initial = true;
      size_t i = 0;
      const std::string& t = s.text;
      while (i < t.size()) {
        while (i < t.size() && !std::isalpha(static_cast<unsigned char>(t[i]))) {
          if (t[i] == '.' || t[i] == ':' || t[i] == ';' || t[i] == '"' || t[i] == '!' || t[i] == '?')
            initial = true;
          ++i;
        }
        size_t b = i;
        while (i < t.size() && (std::isalnum(static_cast<unsigned char>(t[i])) || t[i] == '-')) ++i;
        if (i == b) break;
        const std::string w = t.substr(b, i - b);
        const std::string lw = Lower(w);
        if (std::isupper(static_cast<unsigned char>(w[0]))) {
          if (!initial) cap_mid.insert(lw);
        } else {
          lower_seen.insert(lw);
        }
        initial = false;
      }
    }
    for (const auto& w : cap_mid) {
      if (lower_seen.count(w) == 0) doc_names_.insert(w);
    }
    lower_seen_ = std::move(lower_seen);
  }

  // Extraction of one standalone sentence (Open IE mode).
  void RunSentence(const std::string& sentence) {
    text::Sentence s;
    s.text = sentence;
    out_->sentences.push_back(sentence);
    sent_ = 0;
    ProcessSentence(s);
  }

 private:
  // ---- Entities ------------------------------------------------------------
  std::string EnsureEntity(const std::string& surface, std::string type, const std::string& country = "") {
    std::string name = surface;
    std::string key = Lower(name);
    auto al = alias_.find(key);
    if (al != alias_.end()) {
      auto& e = entities_[al->second];
      if (e.type.empty() && !type.empty()) e.type = type;
      return al->second;
    }
    if (auto g = gaz_.Lookup(surface)) {
      name = g->name;
      type = g->type;
      if (!g->country.empty()) agency_country_[name] = g->country;
    } else {
      const std::string stripped = StripCorporateSuffix(surface);
      if (stripped != surface) {
        if (auto g2 = gaz_.Lookup(stripped)) {
          name = g2->name;
          type = g2->type;
        } else {
          name = stripped;
          if (type.empty()) type = "Company";
        }
      }
      if (resolver_ != nullptr) {
        if (auto r = resolver_->Resolve(name)) name = *r;
      }
    }
    if (!country.empty() && agency_country_.count(name) == 0) agency_country_[name] = country;
    auto it = entities_.find(name);
    if (it == entities_.end() && (type.empty() || type == "Company") && !gaz_.Lookup(name)) {
      // A short form of a company named earlier: "Arvana" after "Arvana
      // Motors", "Meridian" after "Meridian Health" (one candidate only).
      std::string match;
      int count = 0;
      for (const auto& n : entity_order_) {
        if (n.size() > name.size() + 1 && n.compare(0, name.size(), name) == 0 && n[name.size()] == ' ') {
          const std::string& t = entities_[n].type;
          if (t == "Company" || t == "Organization" || t.empty()) {
            match = n;
            ++count;
          }
        }
      }
      if (count == 1) {
        AddAlias(match, name);
        return match;
      }
    }
    if (it == entities_.end()) {
      EntityData e;
      e.name = name;
      e.type = type;
      it = entities_.emplace(name, std::move(e)).first;
      entity_order_.push_back(name);
      first_mention_[name] = sent_;
    } else if (it->second.type.empty()) {
      it->second.type = type;
    }
    alias_[Lower(name)] = name;
    if (Lower(surface) != Lower(name)) {
      alias_[key] = name;
      AddAlias(name, surface);
    }
    return name;
  }

  // "We're", "It's": a capitalized pronoun with a clitic is not a name.
  static bool PronounLed(const std::string& surface) {
    std::string first = Lower(surface.substr(0, surface.find_first_of(" \u2019'")));
    return In(first, {"we", "it", "they", "i", "you", "he", "she", "our", "their", "this", "that", "these",
                      "those", "there"});
  }

  void AddAlias(const std::string& name, const std::string& alias) override {
    auto it = entities_.find(name);
    if (it == entities_.end() || alias == name || alias.empty()) return;
    auto& a = it->second.aliases;
    if (std::find(a.begin(), a.end(), alias) == a.end()) a.push_back(alias);
    alias_[Lower(alias)] = name;
  }

  void AddMention(const std::string& name, uint64_t key, bool subject) {
    mentions_.push_back(Mention{name, TypeOf(name), key, subject});
    if (subject) last_subject_sentence_[name] = sent_;
    if (mentions_.size() > 4000) mentions_.erase(mentions_.begin(), mentions_.begin() + 2000);
  }

  // Latest mention before `key` whose type is `type` (any type if empty).
  std::string LatestOfType(const std::string& type, uint64_t key, bool subjects_only = false) const {
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
      if (it->key >= key) continue;
      if (subjects_only && !it->subject) continue;
      const std::string t = TypeOf(it->name);
      if (type.empty() ? (t != "Technology" && t != "Region") : t == type) return it->name;
    }
    return "";
  }

  // The antecedent of "the company": a subject of that type earlier in the
  // same sentence, else the most salient entity of that type (subject
  // mentions count double, the title's first name is the article's topic)
  // among those mentioned in the last five sentences.
  std::string SalientOfType(const std::string& type, uint64_t key) const {
    const uint64_t anaphor_key = key;
    (void)anaphor_key;
    const uint64_t sentence_start = (key / 100000) * 100000;
    // A clause's own subject is never the antecedent of its object.
    key = std::min(key, clause_key_);
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
      if (it->key >= key || it->key < sentence_start) continue;
      if (it->subject && TypeOf(it->name) == type) return it->name;
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
        if (TypeOf(m.name) != type && !untyped_prev_subject) continue;
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
      if (TypeOf(m.name) != type && !untyped_prev_subject) continue;
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
  std::string NamedByHead(const std::string& head, uint64_t key, bool person = false) const {
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
    std::unordered_set<std::string> described;
    for (const Fact& f : out_->facts) {
      if (f.predicate == "is_a" && f.subject.kind() == ValueKind::kEntity &&
          f.object.kind() == ValueKind::kString && has_word(f.object.text()))
        described.insert(f.subject.text());
    }
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
      if (it->key >= key) continue;
      const std::string t = TypeOf(it->name);
      // "the Tech Secretary" is a person the article gave that title.
      if (person ? t != "Person" : (t == "Person" || t == "Country" || t == "City" || t == "Region"))
        continue;
      if (has_word(it->name) || described.count(it->name) > 0) return it->name;
    }
    return "";
  }

  // The latest subject at or after `floor` that is an organization, else
  // one that is not a place, person or technology (an organization the
  // gazetteer does not know).
  std::string LatestAgent(uint64_t key, uint64_t floor) const {
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
      if (it->key >= key || !it->subject || it->key < floor) continue;
      const std::string t = TypeOf(it->name);
      if (t == "Company" || t == "Organization" || t == "GovernmentAgency") return it->name;
    }
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
      if (it->key >= key || !it->subject || it->key < floor) continue;
      const std::string t = TypeOf(it->name);
      if (t.empty()) return it->name;
    }
    return "";
  }

  std::string LatestActor(uint64_t key) const {
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
      if (it->key >= key || !it->subject) continue;
      const std::string t = TypeOf(it->name);
      if (t == "Company" || t == "Organization" || t == "GovernmentAgency") return it->name;
    }
    return LatestOfType("Company", key);
  }

  // ---- Sentence processing ---------------------------------------------------
  uint64_t Key(int token) const {
    return static_cast<uint64_t>(sent_) * 100000 + static_cast<uint64_t>(token);
  }

  void ProcessSentence(const text::Sentence& s) {
    sentence_ = &s.text;
    if (s.text.size() > kMaxSentenceBytes) {
      if (warned_long_++ < 3) {
        out_->warnings.push_back("sentence " + std::to_string(sent_) + " has " +
                                 std::to_string(s.text.size()) + " bytes; too long to analyse, skipped");
      }
      return;
    }
    auto tokens = text::Tokenize(s.text);
    if (tokens.empty()) return;
    if (static_cast<int>(tokens.size()) > kMaxSentenceTokens) {
      if (warned_long_++ < 3) {
        out_->warnings.push_back("sentence " + std::to_string(sent_) + " has " +
                                 std::to_string(tokens.size()) + " tokens; too long to analyse, skipped");
      }
      return;
    }
    const bool parser_on = source_ == SyntaxSource::kTrainedParser ||
                           (source_ == SyntaxSource::kLinkGrammar && options_.max_parse_words > 0);
    if (sent_ == kMaxParsedSentences && parser_on) {
      out_->warnings.push_back("more than " + std::to_string(kMaxParsedSentences) +
                               " sentences: the rest are tagged without the parser");
    }
    const auto& gaz = gaz_;
    const auto& doc_names = doc_names_;
    const text::NameOracle oracle = [&gaz, &doc_names](std::string_view w) {
      return gaz.StartsName(w) || doc_names.count(Lower(w)) > 0;
    };
    const std::vector<text::Token> untagged = tokens;
    text::TagTokens(tokens, oracle, nullptr);
    syntax::Sentence parse;
    std::vector<linguistics::PosHint> hints;
    if (source_ == SyntaxSource::kTrainedParser && sent_ < kMaxParsedSentences) {
      // Every sentence, whatever its length: the parser is linear and its
      // tree is kept for later stages.
      parse = linguistics::ParseSentence(*model_, s.text);
      std::vector<linguistics::TokenSpan> spans;
      spans.reserve(tokens.size());
      for (const text::Token& t : tokens) spans.push_back({t.begin, t.end});
      hints = linguistics::HintsFromParse(parse, spans);
    } else if (source_ == SyntaxSource::kLinkGrammar && options_.max_parse_words > 0 &&
               static_cast<int>(tokens.size()) <= options_.max_parse_words && sent_ < kMaxParsedSentences &&
               text::HintsCouldChange(tokens)) {
      // link-grammar only settles word classes; it runs when its answer
      // could change one (most of the loader's time is spent in it).
      linguistics::LinkParseOptions lo;
      lo.max_words = options_.max_parse_words;
      lo.max_seconds = std::max(1, (options_.parse_timeout_ms + 999) / 1000);
      hints = linguistics::ParseHints(s.text, lo);
    }
    if (!hints.empty()) {
      tokens = untagged;
      text::TagTokens(tokens, oracle, &hints);
    }
    // Demonyms are adjectives ("Japanese government agencies").
    for (size_t i = 0; i < tokens.size(); ++i) {
      auto& t = tokens[i];
      if (t.tag == Tag::kProper && !gaz_.CountryOfDemonym(t.text).empty() && !gaz_.Lookup(t.text) &&
          i + 1 < tokens.size() && (tokens[i + 1].tag == Tag::kNoun || tokens[i + 1].tag == Tag::kAdj)) {
        t.tag = Tag::kAdj;
      }
    }
    std::vector<Range> items;
    for (const auto& [b, e] : s.list_items) {
      Range r{-1, -1};
      for (size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].begin >= b && r.begin < 0) r.begin = static_cast<int>(i);
        if (tokens[i].end <= e) r.end = static_cast<int>(i) + 1;
      }
      if (r.begin >= 0 && r.end > r.begin) items.push_back(r);
    }
    a_ = extract::AnalyzeSentence(std::move(tokens), items);
    a_.parse = std::move(parse);
    if (std::getenv("KG_LOADER_DEBUG") != nullptr) {
      for (const auto& t : a_.tokens) std::fprintf(stderr, "%s/%s ", t.text.c_str(), text::TagName(t.tag));
      std::fprintf(stderr, "\n");
      for (const auto& c : a_.clauses) {
        std::fprintf(stderr, "  CL %s subj=%zu obj=%zu neg=%d parent=%d inf=%d\n", Text(c.verb_group).c_str(),
                     c.subject.size(), c.objects.size(), c.negated ? 1 : 0, c.parent, c.infinitive ? 1 : 0);
      }
    }
    np_ref_.assign(a_.nps.size(), Ref{});
    np_resolved_.assign(a_.nps.size(), false);
    RegisterMentions();
    for (size_t ci = 0; ci < a_.clauses.size(); ++ci) {
      ProcessClause(static_cast<int>(ci));
      clause_key_ = UINT64_MAX;
    }
    ProcessExamples();
    ProcessAppositions();
    AddPossessiveRaw();
    AddTitleRaw();
    AddLocatedInRaw();
    ProcessNominalizations();
    ProcessFundingSources();
    ProcessDescriptorsBeforeNames();
    ProcessRoleTitles();
    in_tree_ = true;
    tree::ExtractFromTree(a_.parse, s.text, *this);
    in_tree_ = false;
    if (options_.tree_open_ie && !a_.parse.words.empty()) {
      // The tree's tuples replace the chunker's for this sentence.
      auto& raw = out_->raw_facts;
      raw.erase(
          std::remove_if(raw.begin(), raw.end(), [this](const RawFact& f) { return f.sentence == sent_; }),
          raw.end());
      for (RawFact& f : tree::OpenIeFromTree(a_.parse, s.text)) {
        f.sentence = sent_;
        raw.push_back(std::move(f));
      }
    }
  }

  // "chief executive Mette Holm told reporters", "Google chief executive
  // Sundar Pichai said": a corporate role written before a person's name. The
  // organization is the name before the title, else the company the text is
  // about at that point (as for "the company").
  void ProcessRoleTitles() {
    for (size_t k = 0; k < a_.nps.size(); ++k) {
      const NounPhrase& np = a_.nps[k];
      if (np.names.empty()) continue;
      Range person = np.names.back();
      if (person.end != np.core.end) continue;
      // Capitalized titles inside the name run: "Chief Executive Tom Reyes".
      while (person.size() > 2 && In(Tok(person.begin).lower, {"chief", "executive", "president", "chairman",
                                                               "chairwoman", "founder", "ceo", "co-founder"}))
        ++person.begin;
      if (person.size() < 2) continue;
      // The title words right before the name.
      int t = person.begin;
      while (t > np.core.begin && ((Tok(t - 1).tag != Tag::kProper && Tok(t - 1).tag != Tag::kPoss &&
                                    Tok(t - 1).tag != Tag::kDet && Tok(t - 1).tag != Tag::kPossMark) ||
                                   In(Tok(t - 1).lower, {"chief", "executive", "president", "chairman",
                                                         "chairwoman", "founder", "ceo"})))
        --t;
      if (t == person.begin) continue;
      bool plain = true;  // "chief executive of Arvana Motors" is an apposition, not a title
      for (int q = t; q < person.begin; ++q)
        plain = plain && (Tok(q).tag == Tag::kAdj || Tok(q).tag == Tag::kNoun || Tok(q).tag == Tag::kProper);
      if (!plain) continue;
      const std::string title = Lower(Text(Range{t, person.begin}));
      Range org{};
      if (np.names.front().end == t && np.names.front().begin < t) org = np.names.front();
      AddRole(title, person, org, np);
    }
  }

  void AddRole(const std::string& title, Range person, Range org_run, const NounPhrase& np) {
    std::string role;
    if (title == "ceo" || title.find("chief executive") != std::string::npos) {
      role = "ceo_of";
    } else if (title == "president") {
      role = "president_of";
    } else if (title == "chairman" || title == "chairwoman") {
      role = "chairman_of";
    } else if (title == "founder" || title == "co-founder") {
      role = "founder_of";
    } else {
      return;
    }
    std::string org;
    if (!org_run.empty()) {
      org = EnsureEntity(Text(org_run), "");
    } else {
      org = SalientOfType("Company", Key(np.range.begin));
    }
    const std::string ot = org.empty() ? "" : TypeOf(org);
    if (org.empty() || (ot != "Company" && ot != "Organization" && !ot.empty())) return;
    const std::string who = EnsureEntity(Text(person), "Person");
    if (who == org || (TypeOf(who) != "Person" && !TypeOf(who).empty())) return;
    auto it = entities_.find(who);
    if (it != entities_.end() && (it->second.type.empty() || it->second.type == "Organization"))
      it->second.type = "Person";
    AddFact(Value::Entity(who), role, Value::Entity(org), org_run.empty() ? 0.6 : 0.8, np.range, false);
  }

  // "Spanish telecom operator Telvia", "AI startup CareLoop": a description
  // headed by a company noun written right before a name classifies it.
  void ProcessDescriptorsBeforeNames() {
    for (size_t k = 0; k + 1 < a_.nps.size(); ++k) {
      const NounPhrase& np = a_.nps[k];
      const NounPhrase& next = a_.nps[k + 1];
      if (np.proper || np.pronoun || next.pronoun || next.range.begin != np.range.end) continue;
      if (next.names.empty() || next.names.front().begin != next.core.begin ||
          next.names.front().end != next.core.end)
        continue;
      const text::Token& desc_head = Tok(np.head);
      if (np.head != np.core.end - 1 || desc_head.tag != Tag::kNoun || desc_head.capitalized) continue;
      // "will build the farm with Norwegian partner Kvaro Energi": the partner
      // of the clause's subject.
      if (desc_head.lemma == "partner" || desc_head.lemma == "ally") {
        const Ref& r = ResolveNp(static_cast<int>(k + 1));
        if (!r.entity || r.via_coref) continue;
        const Clause* owner = nullptr;
        for (const Clause& c : a_.clauses) {
          if (c.verb_group.begin < np.range.begin && !c.subject.empty() && !c.negated) owner = &c;
        }
        if (owner == nullptr) continue;
        for (const Ref& sr : SubjectRefs(*owner)) {
          if (!sr.entity || sr.name == r.name) continue;
          auto it = entities_.find(r.name);
          if (it != entities_.end() && it->second.type.empty()) it->second.type = "Company";
          AddFact(Value::Entity(sr.name), "partners_with", Value::Entity(r.name), 0.8,
                  Range{np.range.begin, next.range.end}, ClauseHedged(*owner));
        }
        continue;
      }
      if (AnaphorType(desc_head.lemma) != "Company") continue;
      int b = np.core.begin;
      while (b < np.head && (Tok(b).tag == Tag::kDet || Tok(b).tag == Tag::kPoss)) ++b;
      bool clean = true;
      for (int i = b; i <= np.head; ++i)
        clean = clean && (Tok(i).tag == Tag::kAdj || Tok(i).tag == Tag::kNoun || Tok(i).all_caps);
      if (!clean) continue;
      const Ref& r = ResolveNp(static_cast<int>(k + 1));
      if (!r.entity || r.via_coref) continue;
      const std::string t = TypeOf(r.name);
      if (!t.empty() && t != "Company" && t != "Organization") continue;
      auto it = entities_.find(r.name);
      if (it != entities_.end() && it->second.type.empty()) it->second.type = "Company";
      AddFact(Value::Entity(r.name), "is_a", Value::String(Lower1(Text(Range{b, np.head + 1}))), 0.8,
              Range{np.range.begin, next.range.end}, false);
    }
  }

  // "X will build a plant with a C$500 million grant from the Canadian
  // government": the source of a grant/subsidy/loan funds the subject of the
  // clause the phrase belongs to.
  void ProcessFundingSources() {
    for (int h = 0; h + 2 < static_cast<int>(a_.tokens.size()); ++h) {
      // A funding noun, or an amount of money ("backed by S$120 million from
      // the Economic Development Board").
      const bool funding_noun =
          Tok(h).tag == Tag::kNoun &&
          In(Tok(h).lemma, {"grant", "subsidy", "loan", "funding", "financing", "incentive", "aid"});
      const bool money = (Tok(h).tag == Tag::kNum || CurrencyUnit(Tok(h).lower)) &&
                         h + 1 < static_cast<int>(a_.tokens.size()) && Tok(h + 1).lower == "from" &&
                         NpOf(h) >= 0 && ResolveNp(NpOf(h)).literal.kind() == ValueKind::kMoney;
      if (!funding_noun && !money) continue;
      const int npi = NpOf(h);
      if (npi < 0) continue;
      const NounPhrase& np = Np(npi);
      const int from = h + 1;
      // "approved a loan of 4.3 billion reais ($800 million) to mining company
      // Vexa Minerals": the clause's subject funds the named recipient.
      if (Tok(from).lower != "from") {
        int to = -1;
        for (int j = from; j < static_cast<int>(a_.tokens.size()) && j <= h + 12; ++j) {
          if (Tok(j).lower == "to") {
            to = j;
            break;
          }
          if (Tok(j).tag == Tag::kVerb) break;
        }
        if (to < 0) continue;
        std::string recipient;
        for (int j = to + 1; j < static_cast<int>(a_.tokens.size()) && j <= to + 4 && recipient.empty();
             ++j) {
          const int rn = NpOf(j);
          if (rn < 0 || Np(rn).names.empty() || Np(rn).names.front().begin != j) continue;
          const Ref& r = ResolveNp(rn);
          if (r.entity && !r.via_coref) recipient = r.name;
        }
        const Clause* owner = nullptr;
        for (const Clause& c : a_.clauses) {
          if (c.verb_group.begin < np.range.begin && !c.subject.empty() && !c.negated) owner = &c;
        }
        if (recipient.empty() || owner == nullptr) continue;
        for (const Ref& r : SubjectRefs(*owner)) {
          if (!r.entity || r.name == recipient) continue;
          const std::string rt = TypeOf(r.name);
          if (rt == "Country" || rt == "City" || rt == "Region" || rt == "Person") continue;
          AddFact(Value::Entity(r.name), "funds", Value::Entity(recipient), 0.75,
                  Range{np.range.begin, to + 1}, ClauseHedged(*owner));
        }
        continue;
      }
      if (from + 1 >= static_cast<int>(a_.tokens.size())) continue;
      const int src = NpOf(from + 1);
      if (src < 0 || Np(src).range.begin != from + 1) continue;
      const Ref& source = ResolveNp(src);
      if (!source.entity) continue;
      const std::string st = TypeOf(source.name);
      if (st != "GovernmentAgency" && st != "Company" && st != "Organization" && st != "Country" &&
          !st.empty())
        continue;
      // The latest clause before the phrase whose subject is an organization
      // (", backed by S$120 million from …" after "X will open a hub in
      // Singapore" skips the participle's place subject).
      for (auto it = a_.clauses.rbegin(); it != a_.clauses.rend(); ++it) {
        const Clause& c = *it;
        if (c.verb_group.begin >= np.range.begin || c.subject.empty() || c.negated) continue;
        bool done = false;
        for (const Ref& r : SubjectRefs(c)) {
          if (!r.entity || r.name == source.name) continue;
          const std::string rt = TypeOf(r.name);
          if (rt == "Country" || rt == "City" || rt == "Region") continue;
          AddFact(Value::Entity(source.name), "funds", Value::Entity(r.name), 0.75,
                  Range{np.range.begin, Np(src).range.end}, ClauseHedged(c));
          done = true;
        }
        if (done) break;
      }
    }
  }

  std::string Text(Range r) const { return extract::RangeText(*sentence_, a_.tokens, r); }
  const text::Token& Tok(int i) const { return a_.tokens[static_cast<size_t>(i)]; }
  const NounPhrase& Np(int i) const { return a_.nps[static_cast<size_t>(i)]; }
  int NpOf(int tok) const {
    return tok >= 0 && tok < static_cast<int>(a_.np_of_token.size())
               ? a_.np_of_token[static_cast<size_t>(tok)]
               : -1;
  }

  void RegisterMentions() {
    for (size_t k = 0; k < a_.nps.size(); ++k) {
      const NounPhrase& np = a_.nps[k];
      for (const Range& run : np.names) {
        // Segment runs by the gazetteer: "Microsoft Japan AI" → Microsoft, Japan.
        int i = run.begin;
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
          if (best > 0 && !(i == run.begin && best == run.end)) {
            const std::string name = EnsureEntity(Text(Range{i, best}), "");
            AddMention(name, Key(i), false);
            i = best;
          } else {
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

  static bool CompassName(const std::string& name) {
    const std::string first = Lower(name.substr(0, name.find(' ')));
    return In(first, {"central", "north", "south", "east", "west", "northern", "southern", "eastern",
                      "western", "capital", "coast", "centre", "center", "upper", "lower", "middle"});
  }

  // Resolves a noun phrase to an entity or a literal (cached per sentence).
  const Ref& ResolveNp(int idx) {
    auto& slot = np_ref_[static_cast<size_t>(idx)];
    if (np_resolved_[static_cast<size_t>(idx)]) return slot;
    np_resolved_[static_cast<size_t>(idx)] = true;
    slot = ComputeRef(idx);
    return slot;
  }

  std::string CoreTextNoDet(const NounPhrase& np) const {
    int b = np.range.begin;
    while (b < np.core.end && (Tok(b).tag == Tag::kDet || Tok(b).tag == Tag::kPoss) && b + 1 < np.range.end &&
           Tok(b + 1).lower != "of") {
      ++b;
    }
    return Text(Range{b, np.core.end});
  }

  Ref ComputeRef(int idx) {
    const NounPhrase& np = Np(idx);
    Ref r;
    r.valid = true;
    r.text = Text(np.range);
    const text::Token& head = Tok(np.head);
    const uint64_t key = Key(np.range.begin);
    // Pronouns.
    if (np.pronoun) {
      const std::string& w = head.lower;
      // "The hub will employ 250 scientists. It is …": the thing, no entity.
      const bool after_thing = np.range.begin == 0 && sent_ > 0 && first_subject_sentence_ + 1 == sent_ &&
                               first_subject_is_thing_ && w == "it";
      if (In(w, {"it", "its", "itself"}) && !after_thing) {
        std::string n = LatestOfType("", key, true);
        if (n.empty()) n = LatestOfType("", key, false);
        if (!n.empty()) {
          r.entity = true;
          r.name = n;
          r.type = TypeOf(n);
          r.via_coref = true;
          return r;
        }
      }
      if (In(w, {"this", "that"})) {
        const std::string n = LatestActor(key);
        if (!n.empty()) {
          r.entity = true;
          r.name = n;
          r.type = TypeOf(n);
          r.via_coref = true;
          r.via_event = true;
          r.event_head = "this";
          return r;
        }
      }
      r.valid = false;
      r.literal = Value::String(r.text);
      return r;
    }
    const bool definite = Tok(np.range.begin).tag == Tag::kDet &&
                          In(Tok(np.range.begin).lower, {"the", "this", "that", "these", "those"});
    // Money and counts.
    const std::string core = CoreTextNoDet(np);
    if (Tok(np.core.begin).tag == Tag::kNum ||
        (np.core.begin < np.core.end && core.size() > 0 && core[0] == '$')) {
      if (auto m = canonical::ParseMoney(core)) {
        // A bare amount ("$10 billion") is money; "$10 billion investment" is a phrase.
        const auto all = canonical::FindMoney(core);
        bool only_amount = true;
        for (int i = np.core.begin; i < np.core.end; ++i) {
          if (Tok(i).tag != Tag::kNum && Tok(i).tag != Tag::kPunct && Tok(i).tag != Tag::kDet &&
              !CurrencyUnit(Tok(i).lower) && !CurrencyQualifier(np, i) &&
              !In(Tok(i).lower, {"crore", "lakh"})) {
            only_amount = false;
          }
        }
        if (only_amount) {
          r.literal = Value::Money(m->amount, m->currency);
          return r;
        }
      }
    }
    // Proper names.
    const bool all_proper =
        !np.names.empty() &&
        np.names[0].begin ==
            [&] {
              int b = np.core.begin;
              while (b < np.core.end && (Tok(b).tag == Tag::kDet || Tok(b).tag == Tag::kPoss)) ++b;
              return b;
            }() &&
        np.names.back().end == np.core.end && np.names.size() == 1;
    if (all_proper) {
      std::string name = Text(np.names[0]);
      std::string type = GuessType(name, a_.tokens, np.names[0]);
      // "Microsoft Azure": a known company's name followed by more words.
      std::string owner;
      if (!gaz_.Lookup(name)) {
        const Range run = np.names[0];
        for (int e = run.end - 1; e > run.begin; --e) {
          auto g = gaz_.Lookup(Text(Range{run.begin, e}));
          if (g && g->type == "Company") {
            const std::string rest = Text(Range{e, run.end});
            auto gr = gaz_.Lookup(rest);
            if (!gr && type.empty()) {
              type = "Product";
              owner = g->name;
            } else if (gr && (gr->type == "Country" || gr->type == "City" || gr->type == "Region")) {
              type = "Company";
            }
            break;
          }
        }
      }
      // "of Japan" in an agency name gives its country.
      std::string country;
      for (int i = np.names[0].begin; i + 1 < np.names[0].end; ++i) {
        if (Tok(i).lower == "of") {
          auto g = gaz_.Lookup(Text(Range{i + 1, np.names[0].end}));
          if (g && g->type == "Country") country = g->name;
        }
      }
      r.entity = true;
      r.name = EnsureEntity(name, type, country);
      r.type = TypeOf(r.name);
      if (!np.acronym.empty()) {
        AddAlias(r.name, np.acronym);
        if (acronym_done_.insert(r.name).second) {
          AddFact(Value::Entity(r.name), "also_known_as", Value::String(np.acronym), 0.95, np.range, false);
        }
      }
      if (!owner.empty() && TypeOf(r.name) == "Product" && product_done_.insert(r.name).second) {
        AddFact(Value::Entity(r.name), "product_of", Value::Entity(EnsureEntity(owner, "Company")), 0.85,
                np.range, false);
      }
      return r;
    }
    // "its Microsoft Azure capabilities" → the product itself.
    if (np.names.size() == 1 && np.names[0].end == np.head && GenericHead(head.lemma)) {
      const std::string name = Text(np.names[0]);
      auto g = gaz_.Lookup(name);
      if (!g ||
          (g->type != "Country" && g->type != "Region" && g->type != "City" && g->type != "Technology")) {
        Ref inner;
        // Reuse the proper-name path through a synthetic resolution.
        const Range run = np.names[0];
        std::string type = GuessType(name, a_.tokens, run);
        std::string owner;
        for (int e = run.end - 1; e > run.begin; --e) {
          auto go = gaz_.Lookup(Text(Range{run.begin, e}));
          if (go && go->type == "Company" && !gaz_.Lookup(Text(Range{e, run.end}))) {
            type = "Product";
            owner = go->name;
            break;
          }
        }
        if (!g && owner.empty() && run.size() == 1) {
          // A single unknown capitalized word before "capabilities": keep the phrase.
        } else {
          r.entity = true;
          r.name = EnsureEntity(name, type);
          r.type = TypeOf(r.name);
          if (!owner.empty() && product_done_.insert(r.name).second) {
            AddFact(Value::Entity(r.name), "product_of", Value::Entity(EnsureEntity(owner, "Company")), 0.85,
                    np.range, false);
          }
          return r;
        }
      }
    }
    // "the Thai government", "the Japanese government": the country's government.
    if (head.lemma == "government" && np.head > np.core.begin) {
      const std::string country = gaz_.CountryOfDemonym(Tok(np.head - 1).text);
      if (!country.empty()) {
        r.entity = true;
        r.name = EnsureEntity("Government of " + country, "GovernmentAgency");
        AddAlias(r.name, CoreTextNoDet(np));
        r.type = "GovernmentAgency";
        return r;
      }
    }
    // Definite descriptions.
    const bool has_names = !np.names.empty();
    // "The program, called Talento Digital, will …": the description is named
    // right after it; it is that name (typed by the description's head), and a
    // fact about "a … program" in the sentence before is about it too.
    if (definite && !has_names) {
      int q = np.range.end;
      if (q + 1 < static_cast<int>(a_.tokens.size()) && Tok(q).lower == ",") {
        ++q;
        if (In(Tok(q).lower, {"called", "named", "dubbed", "branded"})) {
          ++q;
        } else if (Tok(q).lower == "known" && q + 1 < static_cast<int>(a_.tokens.size()) &&
                   Tok(q + 1).lower == "as") {
          q += 2;
        } else {
          q = -1;
        }
        const int name_np = q > 0 ? NpOf(q) : -1;
        if (name_np >= 0 && name_np != idx && Np(name_np).range.begin == q && !Np(name_np).names.empty()) {
          const Ref& named = ResolveNp(name_np);
          if (named.entity) {
            const std::string at = AnaphorType(head.lemma);
            if (auto it = entities_.find(named.name); it != entities_.end() && it->second.type.empty())
              it->second.type = at.empty() ? "Program" : at;
            NameEarlierMention(head.lemma, named.name);
            r = named;
            r.text = Text(np.range);
            return r;
          }
        }
      }
    }
    // "Nordvolt, the Swedish battery maker, …": a description in apposition
    // to a name describes it; it does not refer back.
    bool in_apposition = false;
    for (const auto& [ax, ay] : a_.appositions) in_apposition = in_apposition || ay == idx;
    // "the two firms", "the companies": a plural description is not one entity.
    const bool plural = head.lower != head.lemma && head.lower.size() > 1 && head.lower.back() == 's';
    if (definite && !has_names && !in_apposition && !plural) {
      const std::string at = AnaphorType(head.lemma);
      if (!at.empty()) {
        // Prefer a recent subject of that type ("the company" after
        // "Nordvolt said … Siemens designed …" is Nordvolt).
        std::string n = SalientOfType(at, key);
        if (n.empty()) n = LatestOfType(at, key);
        if (!n.empty()) {
          if (auto it = entities_.find(n); it != entities_.end() && it->second.type.empty())
            it->second.type = at;
          r.entity = true;
          r.name = n;
          r.type = at;
          r.via_coref = true;
          return r;
        }
      }
    }
    // Undertakings: "the initiative", "The Microsoft investment", "Microsoft's commitment".
    if (EventNoun(head.lemma)) {
      std::string actor;
      for (const Range& run : np.names) {
        auto g = gaz_.Lookup(Text(run));
        if (g && (g->type == "Company" || g->type == "GovernmentAgency" || g->type == "Organization")) {
          actor = g->name;
          break;
        }
        const std::string n = EnsureEntity(Text(run), "");
        const std::string t = TypeOf(n);
        if (t == "Company" || t == "Organization" || t == "GovernmentAgency") {
          actor = n;
          break;
        }
      }
      if (actor.empty() && definite) actor = LatestActor(key);
      if (actor.empty() && np.possessor >= 0) {
        const Ref& p = ResolveNp(np.possessor);
        if (p.entity) actor = p.name;
      }
      if (!actor.empty()) {
        r.entity = true;
        r.name = EnsureEntity(actor, "");
        r.type = TypeOf(r.name);
        r.via_event = true;
        r.via_coref = definite;
        r.event_head = head.lemma;
        r.text = Text(np.range);
        return r;
      }
    }
    r.literal = Value::String(core.empty() ? r.text : core);
    return r;
  }

  // Facts of the last two sentences whose object is a literal phrase headed by
  // `head` ("a 40 billion peso program") get a copy with the entity that phrase
  // turns out to name.
  void NameEarlierMention(const std::string& head, const std::string& name) {
    const size_t n = out_->facts.size();
    for (size_t i = 0; i < n; ++i) {
      const Fact f = out_->facts[i];
      if (f.sentence + 2 < sent_ || f.sentence >= sent_ || f.object.kind() != ValueKind::kString) continue;
      if (f.subject.kind() == ValueKind::kEntity && f.subject.text() == name) continue;
      const std::string& o = f.object.text();
      const size_t sp = o.find(head);
      if (sp == std::string::npos || (sp > 0 && o[sp - 1] != ' ')) continue;
      const size_t after = sp + head.size();
      // The head word ends the phrase or starts its complement ("program to train …").
      if (after < o.size() && !(o[after] == ' ' || (o[after] == 's' && after + 1 == o.size()))) continue;
      if (after < o.size() && o[after] == ' ' && o.find(' ', after + 1) != std::string::npos &&
          o.compare(after + 1, 3, "to ") != 0 && o.compare(after + 1, 4, "for ") != 0)
        continue;
      Fact g = f;
      g.object = Value::Entity(name);
      const std::string key = g.subject.ToString() + "\x1f" + g.predicate + "\x1f" +
                              g.object.KindName().data() + g.object.ToString();
      if (!fact_index_.emplace(key, out_->facts.size()).second) continue;
      out_->facts.push_back(std::move(g));
    }
  }

  static bool CurrencyUnit(const std::string& w) {
    return In(w, {"dollars", "euros", "yen",    "pounds", "yuan",  "won",    "rupees", "usd",    "eur",
                  "dollar",  "euro",  "pound",  "francs", "franc", "pesos",  "peso",   "reais",  "rupee",
                  "ringgit", "baht",  "riyals", "rand",   "lira",  "rupiah", "kronor", "kroner", "crowns"});
  }

  // "700 million Swiss francs", "2 billion Hong Kong dollars": capitalized
  // words between the number and the unit name the currency's country.
  bool CurrencyQualifier(const NounPhrase& np, int i) const {
    if (!Tok(i).capitalized) return false;
    int b = i;
    while (b > np.core.begin && Tok(b - 1).capitalized && Tok(b - 1).tag != Tag::kNum) --b;
    if (b == np.core.begin || Tok(b - 1).tag != Tag::kNum || i - b > 1) return false;
    for (int j = i + 1; j < np.core.end && j <= b + 2; ++j) {
      if (CurrencyUnit(Tok(j).lower)) return true;
      if (!Tok(j).capitalized) return false;
    }
    return false;
  }

  // The owner of a phrase: "Microsoft's X", "its X", "the Microsoft X".
  std::string OwnerOf(int idx) {
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

  // ---- The article state of tree patterns (loader/tree/article_state.h) ----
  // A name the tree found and the chunker did not is a mention of this
  // sentence too (at its start: the tree gives no token), so later
  // definite descriptions can find it.
  std::string Entity(const std::string& surface, const std::string& type) override {
    const std::string name = EnsureEntity(surface, type);
    const uint64_t start = Key(0);
    const bool seen = std::any_of(mentions_.rbegin(), mentions_.rend(),
                                  [&](const Mention& m) { return m.key >= start && m.name == name; });
    if (!seen && !name.empty()) AddMention(name, start, false);
    return name;
  }

  std::string TypeOf(const std::string& name) const override {
    auto it = entities_.find(name);
    return it == entities_.end() ? "" : it->second.type;
  }

  // The chunker's noun phrase at those bytes, resolved as the clause
  // patterns resolve it (pronouns, "the company", undertakings standing
  // for their owner).
  std::string Antecedent(uint32_t begin, uint32_t end) override {
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
    const int np = a_.np_of_token[static_cast<size_t>(head_tok)];
    // "the port" inside the chunker's "the port's expansion" is not that
    // phrase: only its own head word answers for it.
    if (np < 0 || Np(np).head != head_tok) return NamedByHead(Lower(Tok(head_tok).lemma), Key(head_tok));
    const Ref& r = ResolveNp(np);
    if (r.entity) return r.name;
    // "The investment will create …", "the project": an undertaking of the
    // actor the text is about at this point (a subject of this sentence or
    // the two before it).
    const NounPhrase& p = Np(np);
    const bool definite = p.core.begin > p.range.begin || p.possessor >= 0;
    const std::string& head = Tok(p.head).lemma;
    const std::string kind = AnaphorType(head);
    if (definite && (EventNoun(head) || kind == "Company" || kind == "GovernmentAgency")) {
      const uint64_t key = Key(p.head);
      const uint64_t floor = key >= 200000 ? (key / 100000 - 2) * 100000 : 0;
      return LatestAgent(key, floor);
    }
    if (definite) return NamedByHead(head, Key(p.head));
    return "";
  }

  void AddFact(const Value& s, const std::string& pred, const Value& o, const tree::Evidence& ev) override {
    AddFactAt(s, pred, o, ev.confidence, ev.begin, ev.end, ev.hedged);
  }

  const std::string& ArticleDate() const override { return out_->date; }

  void NoteTitle(uint32_t begin, uint32_t end) override {
    if (sentence_ == nullptr || end <= begin || end > sentence_->size()) return;
    titles_.push_back({sent_, Lower(sentence_->substr(begin, end - begin))});
  }

  bool KnownName(const std::string& surface) const override {
    return alias_.count(Lower(surface)) > 0 || gaz_.Lookup(surface).has_value();
  }

  bool UsedAsName(std::string_view word) const override {
    return doc_names_.count(Lower(word)) > 0 || gaz_.StartsName(word);
  }

  // ---- Facts -------------------------------------------------------------
  void AddFact(Value s, const std::string& pred, Value o, double conf, Range span, bool hedged) {
    uint32_t begin = 0, end = 0;
    if (!span.empty() && span.end <= static_cast<int>(a_.tokens.size())) {
      begin = Tok(span.begin).begin;
      end = Tok(span.end - 1).end;
    }
    AddFactAt(std::move(s), pred, std::move(o), conf, begin, end, hedged);
  }

  void AddFactAt(Value s, const std::string& pred, Value o, double conf, uint32_t begin, uint32_t end,
                 bool hedged) {
    if (s.is_null() || o.is_null() || pred.empty()) return;
    if (!in_tree_ && !options_.chunker_facts) return;
    for (const Value* v : {&s, &o}) {
      if (v->kind() == ValueKind::kEntity && (v->text().empty() || PronounLed(v->text()))) return;
    }
    if (pred == "located_in" && !PlacementPossible(s, o)) return;
    if (pred == "is_a" && !PlausibleClass(o)) return;
    if (s == o) return;
    if (o.kind() == ValueKind::kString && o.text().empty()) return;
    if (o.kind() == ValueKind::kString) o = Value::String(Lower1(o.text()));
    Fact f;
    f.subject = std::move(s);
    f.predicate = pred;
    f.object = std::move(o);
    f.confidence = std::clamp(hedged ? conf * 0.7 : conf, 0.0, 1.0);
    f.sentence = sent_;
    f.span_begin = begin;
    f.span_end = end;
    f.modality = hedged ? Modality::kHedged : Modality::kAsserted;
    const std::string key =
        f.subject.ToString() + "\x1f" + pred + "\x1f" + f.object.KindName().data() + f.object.ToString();
    auto it = fact_index_.find(key);
    if (it != fact_index_.end()) {
      Fact& old = out_->facts[it->second];
      if (old.modality == Modality::kHedged && f.modality == Modality::kAsserted) old = f;
      old.confidence = std::max(old.confidence, f.confidence);
      if (in_tree_) from_tree_[it->second] = true;
      return;
    }
    fact_index_[key] = out_->facts.size();
    out_->facts.push_back(std::move(f));
    from_tree_.push_back(in_tree_);
  }

  // What something "is" is a noun phrase: not a comparison's tail ("than
  // five percent"), a prepositional phrase or a lone -ing word ("in the
  // running" → "running").
  static bool PlausibleClass(const Value& o) {
    if (o.kind() != ValueKind::kString) return true;
    const std::string l = Lower(o.text());
    const std::string first = l.substr(0, l.find(' '));
    if (In(first, {"than", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "and", "or"}))
      return false;
    return !(first == l && l.size() > 4 && l.compare(l.size() - 3, 3, "ing") == 0);
  }

  static bool RoleWord(const std::string& head) {
    return !tree::WordLists::Get().RolePredicate(head).empty();
  }

  // "York" when the article names "New York": a word of a longer place
  // name the chunker split off, not a place of its own.
  bool PartOfLongerPlace(const std::string& name) const {
    for (const auto& other : entity_order_) {
      if (other.size() <= name.size() + 1 ||
          other.compare(other.size() - name.size(), name.size(), name) != 0 ||
          other[other.size() - name.size() - 1] != ' ')
        continue;
      const std::string& t = entities_.at(other).type;
      if (t == "City" || t == "Region" || t == "Country") return true;
    }
    return false;
  }

  // What the gazetteer knows of two places rules out: a continent inside
  // anything, a country inside a country or a city, a country or city inside
  // a region other than its own continent, a city inside another country
  // than its own ("China located_in Austria" from "… in China and Lauda
  // Air in Austria").
  bool PlacementPossible(const Value& s, const Value& o) const {
    if (s.kind() != ValueKind::kEntity || o.kind() != ValueKind::kEntity) return true;
    const auto gs = gaz_.Lookup(s.text());
    const auto go = gaz_.Lookup(o.text());
    if (!gs || !go) return true;
    const std::string& st = gs->type;
    const std::string& ot = go->type;
    if (st == "Region" && gs->country.empty()) return false;  // a continent
    if (st == "Country") return ot == "Region" && go->country.empty() && gaz_.RegionOf(gs->name) == go->name;
    if ((st == "City" || st == "Region") && !gs->country.empty()) {
      if (ot == "Country") return go->name == gs->country;
      if (ot == "Region" && go->country.empty()) return gaz_.RegionOf(gs->country) == go->name;
      if (ot == "Region" || ot == "City") return go->country == gs->country;
    }
    return true;
  }

  // "Technology Secretary Chloe Smith" (the chunker's name with a title in
  // front) is the person "Chloe Smith" the tree split off: its facts and
  // aliases move to the person.
  void MergeTitledNames() {
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
  void ReconcileWithTree() {
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
    std::vector<Fact> kept;
    kept.reserve(out_->facts.size());
    for (size_t i = 0; i < out_->facts.size(); ++i) {
      const Fact& f = out_->facts[i];
      if (!from_tree_[i] && inside_title(f)) continue;
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
    out_->facts = std::move(kept);
    fact_index_.clear();
    from_tree_.clear();
  }

  Value ValueOf(const Ref& r) const {
    if (r.entity) return Value::Entity(r.name);
    return r.literal;
  }

  // Literal text for an object phrase, extended by the nominal's own
  // complement ("$10 billion investment in Japan") or an infinitive
  // ("initiatives to promote AI adoption").
  Value ObjectValue(int np_idx, const Clause* c) {
    // Only a direct object takes a following infinitive into its text.
    if (c != nullptr && std::find(c->objects.begin(), c->objects.end(), np_idx) == c->objects.end())
      c = nullptr;
    const Ref& r = ResolveNp(np_idx);
    if (r.entity && !r.via_event) return Value::Entity(r.name);
    if (r.entity && r.via_event) return Value::String(CoreTextNoDet(Np(np_idx)));
    if (r.literal.kind() != ValueKind::kString) return r.literal;
    const NounPhrase& np = Np(np_idx);
    int end = np.range.end;
    const int n = static_cast<int>(a_.tokens.size());
    if (end < n && Tok(end).tag == Tag::kPrep && end + 1 < n &&
        vocab_.ForNoun(Tok(np.head).lemma, Tok(end).lower)) {
      const int next = a_.np_of_token[static_cast<size_t>(end + 1)];
      if (next >= 0) end = Np(next).range.end;
    } else if (c != nullptr && end < n && Tok(end).tag == Tag::kTo) {
      for (const auto& d : a_.clauses) {
        if (d.infinitive && d.verb_group.begin == end) {
          int e2 = d.verb_group.end;
          if (!d.objects.empty()) e2 = Np(d.objects.front()).range.end;
          end = e2;
          break;
        }
      }
    }
    int b = np.range.begin;
    while (b < np.core.end && (Tok(b).tag == Tag::kDet || Tok(b).tag == Tag::kPoss) && b + 1 < np.range.end &&
           Tok(b + 1).lower != "of") {
      ++b;
    }
    std::string text = Text(Range{b, end});
    if (text.empty()) text = r.text;
    return Value::String(text);
  }

  // Subjects, with "Several carmakers, including A, B and C," standing for A, B, C.
  std::vector<Ref> SubjectRefs(const Clause& c) {
    NpList list;
    for (int np : c.subject) {
      bool expanded = false;
      for (const auto& ex : a_.examples) {
        if (ex.head_np == np) {
          for (int m : ex.members) list.push_back(m);
          expanded = true;
          break;
        }
      }
      if (!expanded) list.push_back(np);
    }
    std::vector<Ref> out = Resolve(list);
    // "CareLoop, an AI startup based in Boston": the description in apposition
    // stands for the name before it.
    for (size_t k = 0; k < out.size(); ++k) {
      if (out[k].entity) continue;
      for (const auto& [x, y] : a_.appositions) {
        if (y != list[k]) continue;
        const Ref& rx = ResolveNp(x);
        if (rx.entity) out[k] = rx;
        break;
      }
    }
    return out;
  }

  // "opens an office in Chicago": where a facility is opened or built is part
  // of what it is ("office in Chicago"), when the place directly follows the
  // single object and every conjunct of it is a known place.
  Value WithFacilityPlace(const std::string& pred, const Value& o, const Clause& c) {
    if ((pred != "opens" && pred != "builds") || o.kind() != ValueKind::kString || c.objects.size() != 1)
      return o;
    const int end = Np(c.objects.front()).range.end;
    for (const auto& p : c.preps) {
      if (p.prep != "in" || p.prep_token != end || p.objects.empty()) continue;
      std::string places;
      for (size_t k = 0; k < p.objects.size(); ++k) {
        const Ref& r = ResolveNp(p.objects[k]);
        const std::string t = r.entity ? TypeOf(r.name) : "";
        if (t != "City" && t != "Country" && t != "Region") return o;
        if (k > 0) places += k + 1 == p.objects.size() ? " and " : ", ";
        places += r.name;
      }
      return Value::String(o.text() + " in " + places);
    }
    return o;
  }

  std::vector<Ref> Resolve(const NpList& list) {
    std::vector<Ref> out;
    for (int np : list) out.push_back(ResolveNp(np));
    return out;
  }

  // Demonym distribution: "Japanese government agencies and enterprises".
  std::vector<Value> ListValues(const NpList& list, const Clause* c) {
    std::vector<Value> out;
    std::string demonym;
    for (size_t k = 0; k < list.size(); ++k) {
      Value v = ObjectValue(list[k], c);
      const NounPhrase& np = Np(list[k]);
      if (k == 0 && Tok(np.core.begin).tag == Tag::kAdj &&
          !gaz_.CountryOfDemonym(Tok(np.core.begin).text).empty()) {
        demonym = Tok(np.core.begin).text;
      } else if (k > 0 && !demonym.empty() && v.kind() == ValueKind::kString && np.core.size() == 1 &&
                 np.range.begin == np.core.begin && Tok(np.head).tag == Tag::kNoun) {
        v = Value::String(demonym + " " + v.text());
      }
      out.push_back(std::move(v));
    }
    return out;
  }

  double BaseConfidence(const Ref& subj, const Clause& c) const {
    double conf = 0.9;
    if (subj.via_coref) conf *= 0.9;
    if (c.subject_from >= 0 || c.infinitive || c.gerund) conf *= 0.9;
    return conf;
  }

  std::string ClauseText(const Clause& c, bool without_to) const {
    Range r = c.verb_group;
    if (without_to && c.infinitive) r.begin += 1;
    int end = c.span.end;
    return Text(Range{r.begin, std::max(end, r.end)});
  }

  bool ClauseHedged(const Clause& c) const {
    bool hedged = c.hedged;
    int p = c.parent;
    int guard = 0;
    while (p >= 0 && guard++ < 8) {
      const Clause& pc = a_.clauses[static_cast<size_t>(p)];
      if (pc.hedged) hedged = true;
      if (In(pc.lemma, {"expect", "plan", "intend", "hope", "consider", "propose", "want", "aim", "seek"}) ||
          (pc.lemma == "be" && In(pc.adj_complement, {"likely", "set", "poised", "due", "expected"}))) {
        if (c.infinitive && (p == c.parent)) hedged = true;
      }
      p = pc.parent;
    }
    return hedged;
  }

  void ProcessClause(int ci) {
    const Clause& c = a_.clauses[static_cast<size_t>(ci)];
    // Raw Open IE form first: everything stated is kept.
    AddRaw(c);
    if (c.negated) return;
    if (c.subject.empty()) return;
    const bool hedged = ClauseHedged(c);
    clause_key_ = UINT64_MAX;
    ResolveReportedPronoun(c);
    std::vector<Ref> subjects = SubjectRefs(c);
    clause_key_ = Key(c.verb_group.begin);
    if (c.subject_from < 0) {
      for (const Ref& r : subjects) {
        if (r.entity && !r.via_event) AddMention(r.name, Key(c.verb_group.begin), true);
      }
    }
    // Remember whether a sentence's first main clause is about a thing that is
    // no entity ("The hub will employ 250 scientists."): a sentence-initial
    // "It" next refers to that thing.
    if (ci == 0 || first_subject_sentence_ != sent_) {
      if (c.parent < 0 && c.subject_from < 0 && c.subject.size() == 1 && first_subject_sentence_ != sent_) {
        first_subject_sentence_ = sent_;
        const NounPhrase& snp = Np(c.subject.front());
        const text::Token& sh = Tok(snp.head);
        first_subject_is_thing_ = !subjects.empty() && !subjects.front().entity && !snp.pronoun &&
                                  sh.tag == Tag::kNoun && sh.lower == sh.lemma &&
                                  Tok(snp.range.begin).lower == "the";
      }
    }
    // Passive: "X was acquired by Y" → Y acquired X.
    const PrepArg* by = nullptr;
    for (const auto& p : c.preps) {
      if (p.prep == "by") by = &p;
    }
    for (const Ref& subj : subjects) {
      if (!subj.entity) continue;
      const Value sv = Value::Entity(subj.name);
      const double conf = BaseConfidence(subj, c);
      if (subj.via_event && !c.infinitive && !c.gerund) {
        ProcessEventClause(c, subj, sv, conf, hedged);
        continue;
      }
      if (NounComplement(ci)) continue;
      // "…, signaling one of the largest investments": a characterization.
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
        if (done) continue;
      }
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
      if (c.passive) {
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
        continue;
      }
      if (c.lemma == "be" || In(c.lemma, {"become", "remain"})) {
        for (size_t k = 0; k < c.objects.size(); ++k) {
          const NounPhrase& np = Np(c.objects[k]);
          const Ref& o = ResolveNp(c.objects[k]);
          if (o.entity || np.pronoun) continue;
          if (Tok(np.head).lower == "part" && np.range.end > np.head + 1) continue;
          AddFact(sv, "is_a", Value::String(Lower1(CoreTextNoDet(np))), conf, c.span, hedged);
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
        continue;
      }
      // "emerge as", "serve as", "act as" → is_a.
      bool did_as = false;
      if (In(c.lemma, {"emerge", "serve", "act", "rank", "establish", "position"}) && c.objects.empty()) {
        for (const auto& p : c.preps) {
          if (p.prep != "as") continue;
          for (int npi : p.objects) {
            const Ref& o = ResolveNp(npi);
            if (!o.entity) {
              AddFact(sv, "is_a", Value::String(Lower1(CoreTextNoDet(Np(npi)))), conf * 0.9, c.span, hedged);
              did_as = true;
            }
          }
        }
      }
      if (did_as) continue;
      // "aims to X", "positions itself to X".
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
        if (c.lemma == "position") continue;
      }
      // Direct objects.
      if (!c.objects.empty()) {
        auto pred = vocab_.ForVerb(c.lemma);
        const bool aux_main = Tok(c.main_verb).tag == Tag::kAux;
        // A reporting verb's object is what was said, usually a clause the
        // chunker cut short ("said the site near Windsor would produce …").
        if (!pred && !aux_main && !In(c.lemma, {"aim", "seek", "strive", "plan", "intend", "position"}) &&
            !text::IsReportingVerb(c.lemma)) {
          // Fallback: the verb itself, at lower confidence.
          pred = ThirdPerson(c.lemma);
        }
        const double oc = vocab_.ForVerb(c.lemma) ? conf : conf * 0.6;
        if (pred) {
          for (const Value& o : ListValues(c.objects, &c)) {
            if (o.kind() == ValueKind::kString && In(Lower(o.text()), {"itself", "themselves", "it", "them"}))
              continue;
            if (c.lemma == "invest" && o.kind() == ValueKind::kMoney) continue;  // an amount, below
            std::string pr = *pred;
            // Buying goods is not acquiring a company.
            if (pr == "acquires" && In(c.lemma, {"buy", "purchase"})) {
              const std::string t = o.kind() == ValueKind::kEntity ? TypeOf(o.text()) : "";
              if (!In(t, {"Company", "Organization", "Product", ""}) || o.kind() != ValueKind::kEntity)
                pr = "buys";
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
        if (c.lemma == "invest") {
          for (const auto& m : ClauseAmounts(c)) {
            AddFact(sv, "investment_amount", Value::Money(m.amount, m.currency), conf, c.span, hedged);
          }
        }
      }
      // Prepositional objects.
      std::vector<Value> invest_targets;
      for (const auto& p : c.preps) {
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
        if (c.lemma == "invest") amounts = ClauseAmounts(c);
        if (!invest_targets.empty() || !amounts.empty()) {
          const Clause* purpose = nullptr;
          for (const auto& d : a_.clauses) {
            if (d.infinitive && d.parent == ci && d.lemma != "invest") {
              purpose = &d;
              break;
            }
          }
          AddInvestmentEvent(subj.name, invest_targets, amounts, ClauseDate(&c), purpose, c.span, conf,
                             hedged,
                             /*continues=*/true);
        }
      }
      // Purpose clauses inherit the location of their parent:
      // "invest in Japan to expand X" → expands_in Japan.
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
  }

  // An infinitive that complements a possessed noun ("the country's
  // efforts to modernize") belongs to the possessor, not to the subject;
  // such clauses (and verbs coordinated with them) give no facts.
  bool NounComplement(int ci) const {
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

  // The case of a common-noun phrase used as a literal: words capitalized
  // only because they open a sentence, a heading or a bullet ("Aging
  // population") are lower-cased so the phrase is one value wherever it is
  // written; names stay as written: words the article capitalizes mid-sentence
  // and never in lower case, gazetteer names ("South Korean"), demonyms,
  // acronyms and mixed-case words ("MinCiencia"), and words that are neither in
  // WordNet nor written in lower case in the article (unknown names).
  std::string Lower1(const std::string& s) const {
    std::string out;
    size_t i = 0;
    while (i <= s.size()) {
      size_t j = s.find(' ', i);
      if (j == std::string::npos) j = s.size();
      std::string w = s.substr(i, j - i);
      size_t upper = 0;
      for (char ch : w) upper += std::isupper(static_cast<unsigned char>(ch)) ? 1 : 0;
      if (upper == 1 && !w.empty() && std::isupper(static_cast<unsigned char>(w[0]))) {
        std::string lw = Lower(w);
        std::string bare = lw;
        while (!bare.empty() && !std::isalnum(static_cast<unsigned char>(bare.back()))) bare.pop_back();
        const bool name =
            doc_names_.count(bare) > 0 || gaz_.StartsName(w) || !gaz_.CountryOfDemonym(w).empty();
        const bool common = lower_seen_.count(bare) > 0 || syntax::LookupWord(bare).known();
        if (!name && common) w[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[0])));
      }
      if (!out.empty() || i > 0) out.push_back(' ');
      out += w;
      i = j + 1;
    }
    return out;
  }

  // A clause whose subject is an undertaking ("the initiative includes …")
  // speaks about its actor only through a few verbs.
  void ProcessEventClause(const Clause& c, const Ref& subj, const Value& sv, double conf, bool hedged) {
    conf *= 0.85;
    if (In(c.lemma, {"include", "involve", "comprise", "feature", "encompass", "cover"})) {
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
          about_investment =
              about_investment || In(Tok(i).lemma, {"investment", "commitment", "deal", "bet"});
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
        if (!In(prep, {"for", "with", "between"})) continue;
        const Ref& o = ResolveNp(static_cast<int>(k));
        if (o.entity && !o.via_event && o.name != subj.name) {
          AddFact(sv, "partners_with", Value::Entity(o.name), conf * 0.8, c.span, hedged);
        }
      }
    }
  }

  // "X such as A, B and C": A is_a x (and typed); clause facts about the
  // head ("faces several challenges, including: A; B") extend to members.
  void ProcessExamples() {
    for (const auto& ex : a_.examples) {
      const NounPhrase& head = Np(ex.head_np);
      std::string cls;
      {
        int b = head.core.begin;
        while (b < head.core.end && (Tok(b).tag == Tag::kDet || Tok(b).tag == Tag::kPoss)) ++b;
        for (int i = b; i < head.core.end && i <= head.head; ++i) {
          if (!cls.empty()) cls.push_back(' ');
          // Modifiers as written (AddFact normalizes their case: "Japanese"
          // stays, a sentence-initial "Global" does not).
          cls += (i == head.head) ? Tok(i).lemma : Tok(i).text;
        }
      }
      const std::string type = [&] {
        const std::string& h = Tok(head.head).lemma;
        if (In(h, {"company", "firm", "giant", "player", "provider", "startup", "corporation"}))
          return "Company";
        if (In(h, {"agency", "ministry", "regulator", "department", "body"})) return "GovernmentAgency";
        if (In(h, {"country", "nation", "economy"})) return "Country";
        if (In(h, {"city"})) return "City";
        if (In(h, {"organization", "organisation", "institution", "university"})) return "Organization";
        return "";
      }();
      for (int m : ex.members) {
        const Ref& r = ResolveNp(m);
        if (r.entity && !r.via_event && !r.via_coref) {
          if (!type.empty()) {
            auto it = entities_.find(r.name);
            if (it != entities_.end() && it->second.type.empty()) it->second.type = type;
          }
          if (!cls.empty() && Tok(head.head).tag == Tag::kNoun) {
            AddFact(Value::Entity(r.name), "is_a", Value::String(cls), 0.85, head.range, false);
          }
        }
      }
      // Clauses whose object is the head.
      for (const auto& c : a_.clauses) {
        if (c.negated || c.subject.empty() || c.passive) continue;
        if (std::find(c.objects.begin(), c.objects.end(), ex.head_np) == c.objects.end()) continue;
        auto pred = vocab_.ForVerb(c.lemma);
        if (!pred) continue;
        for (const Ref& s : Resolve(c.subject)) {
          if (!s.entity || s.via_event) continue;
          for (const Value& o : ListValues(ex.members, nullptr)) {
            AddFact(Value::Entity(s.name), *pred, o, BaseConfidence(s, c) * 0.9, c.span, ClauseHedged(c));
          }
        }
      }
    }
  }

  // "Nissan 's image" → (Nissan; has; image): the Open IE convention for
  // possessives. Raw only; the normalized facts come from the clauses.
  void AddPossessiveRaw() {
    for (const auto& np : a_.nps) {
      for (int i = np.range.begin + 1; i + 1 < np.range.end; ++i) {
        if (Tok(i).tag != Tag::kPossMark) continue;
        int b = np.range.begin;
        while (b < i && Tok(b).tag == Tag::kDet) ++b;
        if (b >= i) break;
        RawFact raw;
        raw.arg1 = Text(Range{b, i});
        raw.relation = "has";
        raw.args.push_back(Text(Range{i + 1, np.range.end}));
        raw.sentence = sent_;
        // A short named possessor ("Nissan 's image") is reliable; long or
        // common-noun possessors are often mis-chunked.
        raw.confidence = Tok(b).capitalized && i - b <= 3 ? 0.6 : 0.5;
        out_->raw_facts.push_back(std::move(raw));
        break;
      }
    }
  }

  // Titles and roles in front of a name: "President Bush", "former U.S.
  // Attorney Todd Graves", "author Bill Bryson" → (name; is; title). Raw
  // only, like possessives.
  static bool TitleWord(const std::string& w) {
    return In(w, {"president",     "senator",      "sen.",       "rep.",       "representative",
                  "governor",      "gov.",         "minister",   "premier",    "chancellor",
                  "secretary",     "attorney",     "judge",      "justice",    "king",
                  "queen",         "prince",       "princess",   "pope",       "bishop",
                  "archbishop",    "cardinal",     "mayor",      "ambassador", "chairman",
                  "chairwoman",    "director",     "professor",  "prof.",      "captain",
                  "colonel",       "general",      "lieutenant", "sergeant",   "commander",
                  "admiral",       "coach",        "sheikh",     "emperor",    "empress",
                  "ceo",           "commissioner", "councillor", "councilman", "congressman",
                  "congresswoman", "chief",        "speaker",    "counsel",    "spokesman",
                  "spokeswoman",   "spokesperson", "analyst",    "author",     "writer",
                  "editor",        "producer",     "director",   "actor",      "actress",
                  "singer",        "composer",     "arranger",   "host",       "reporter",
                  "journalist",    "economist",    "historian",  "biographer", "artist",
                  "painter",       "poet",         "novelist",   "player",     "striker",
                  "midfielder",    "goalkeeper",   "defender",   "guitarist",  "drummer",
                  "rapper",        "manager",      "founder",    "cop",        "officer",
                  "inspector",     "detective",    "economist"});
  }

  void AddTitleRaw() {
    const int n = static_cast<int>(a_.tokens.size());
    auto emit = [&](Range name, Range title, double conf) {
      if (name.empty() || title.empty()) return;
      RawFact raw;
      raw.arg1 = Text(name);
      raw.relation = "is";
      raw.args.push_back(Text(title));
      raw.sentence = sent_;
      raw.confidence = conf;
      out_->raw_facts.push_back(std::move(raw));
    };
    for (size_t k = 0; k < a_.nps.size(); ++k) {
      const NounPhrase& np = a_.nps[k];
      // A name run inside the phrase that starts with a title word and has
      // at least one more capitalized word after the titles.
      for (const Range& run : np.names) {
        int last_title = -1;
        for (int i = run.begin; i < run.end; ++i) {
          if (TitleWord(Tok(i).lower)) last_title = i;
        }
        if (last_title < 0 || last_title + 1 >= run.end || last_title + 1 < run.begin) continue;
        if (last_title + 1 < n && Tok(last_title + 1).lower == "of") continue;
        int b = std::max(np.core.begin, np.range.begin);
        if (b > run.begin) b = run.begin;
        emit(Range{last_title + 1, run.end}, Range{b, last_title + 1}, 0.7);
      }
      // "author Bill Bryson": a common-noun role phrase directly followed by
      // a name phrase.
      if (k + 1 < a_.nps.size()) {
        const NounPhrase& next = a_.nps[k + 1];
        if (next.range.begin != np.range.end || !next.proper || next.pronoun || np.proper || np.pronoun)
          continue;
        const text::Token& head = Tok(np.head);
        if (head.tag != Tag::kNoun || head.capitalized || !TitleWord(head.lower)) continue;
        if (next.names.empty() || next.names.front().begin != next.range.begin) continue;
        emit(next.names.front(), np.core, 0.7);
      }
    }
  }

  // "Lancaster, Pa.", "the Helmut Newton Foundation, Berlin": a name followed
  // by a comma and a known place that is not itself the next member of a
  // list → (name; is in; place). Raw only.
  void AddLocatedInRaw() {
    const int n = static_cast<int>(a_.tokens.size());
    for (size_t k = 0; k + 1 < a_.nps.size(); ++k) {
      const NounPhrase& a = a_.nps[k];
      const NounPhrase& b = a_.nps[k + 1];
      if (!a.proper || !b.proper || a.pronoun || b.pronoun) continue;
      if (a.range.end >= n || Tok(a.range.end).lower != "," || b.range.begin != a.range.end + 1) continue;
      const auto place = gaz_.Lookup(Text(b.range));
      if (!place || (place->type != "Region" && place->type != "Country")) continue;
      const auto first = gaz_.Lookup(Text(a.core));
      if (first && (first->type == "Country" || first->type == "Region")) continue;  // "Japan, Korea"
      int after = b.range.end;
      if (after + 1 < n && Tok(after).lower == ",") ++after;
      if (after + 1 < n && Tok(after).tag == Tag::kConj &&
          a_.np_of_token[static_cast<size_t>(after + 1)] >= 0) {
        continue;  // "Paris, Berlin and Rome"
      }
      if (k > 0 && a_.nps[k - 1].range.end + 1 == a.range.begin &&
          Tok(a_.nps[k - 1].range.end).lower == ",") {
        continue;  // a later member of a list
      }
      RawFact raw;
      raw.arg1 = Text(a.range);
      raw.relation = "is in";
      raw.args.push_back(Text(b.range));
      raw.sentence = sent_;
      raw.confidence = 0.7;
      out_->raw_facts.push_back(std::move(raw));
    }
  }

  void ProcessAppositions() {
    for (const auto& [x, y] : a_.appositions) {
      // "Cambridge, Mass." is a location (AddLocatedInRaw), not an identity.
      const auto place = gaz_.Lookup(Text(Np(y).range));
      if (place && (place->type == "Region" || place->type == "Country") && !gaz_.Lookup(Text(Np(x).core))) {
        continue;
      }
      RawFact raw;
      raw.arg1 = Text(Np(x).range);
      raw.relation = "is";
      // The apposition with its prepositional modifiers ("an analyst with
      // PaineWebber").
      const int n = static_cast<int>(a_.tokens.size());
      int end = Np(y).range.end;
      while (end + 1 < n && Tok(end).tag == Tag::kPrep && a_.np_of_token[static_cast<size_t>(end + 1)] >= 0 &&
             Np(a_.np_of_token[static_cast<size_t>(end + 1)]).range.begin == end + 1) {
        end = Np(a_.np_of_token[static_cast<size_t>(end + 1)]).range.end;
      }
      raw.args.push_back(Text(Range{Np(y).range.begin, end}));
      raw.sentence = sent_;
      raw.confidence = 0.7;
      out_->raw_facts.push_back(std::move(raw));
    }
    for (const auto& [x, y] : a_.appositions) {
      const Ref& rx = ResolveNp(x);
      if (!rx.entity || rx.via_coref || rx.via_event) continue;
      const NounPhrase& ny = Np(y);
      const Ref& ry = ResolveNp(y);
      if (ry.entity) continue;
      const std::string& h = Tok(ny.head).lemma;
      // "Satya Nadella, chief executive of Microsoft".
      if (In(h, {"ceo", "executive", "president", "chairman", "chairwoman", "founder", "head", "director",
                 "minister", "spokesperson", "spokesman", "spokeswoman", "officer", "chief"})) {
        auto it = entities_.find(rx.name);
        if (it != entities_.end() && (it->second.type.empty() || it->second.type == "Organization")) {
          it->second.type = "Person";
        }
        // "chief executive of Nordvolt" → ceo_of Nordvolt.
        for (int i = ny.head + 1; i + 1 < ny.range.end; ++i) {
          if (Tok(i).lower != "of") continue;
          const int org = a_.np_of_token[static_cast<size_t>(i + 1)];
          std::string org_name;
          for (const Range& run : ny.names) {
            if (run.begin == i + 1) org_name = EnsureEntity(Text(run), "");
          }
          (void)org;
          if (org_name.empty()) break;
          std::string role = "works_for";
          const std::string before = Lower(Text(Range{ny.core.begin, ny.head + 1}));
          if (In(h, {"ceo"}) || before.find("chief executive") != std::string::npos)
            role = "ceo_of";
          else if (In(h, {"president"}))
            role = "president_of";
          else if (In(h, {"chairman", "chairwoman"}))
            role = "chairman_of";
          else if (In(h, {"founder"}))
            role = "founder_of";
          AddFact(Value::Entity(rx.name), role, Value::Entity(org_name), 0.85,
                  Range{Np(x).range.begin, ny.range.end}, false);
          break;
        }
      }
      // "Cellpath Energy, a subsidiary of Arvana" → part_of Arvana (a company).
      if (In(h, {"subsidiary", "unit", "division", "arm", "affiliate"})) {
        for (int i = ny.head + 1; i + 1 < ny.range.end; ++i) {
          if (Tok(i).lower != "of") continue;
          std::string org_name;
          for (const Range& run : ny.names) {
            if (run.begin == i + 1) org_name = EnsureEntity(Text(run), "");
          }
          if (org_name.empty()) break;
          for (const std::string& n : {rx.name, org_name}) {
            auto it = entities_.find(n);
            if (it != entities_.end() && it->second.type.empty()) it->second.type = "Company";
          }
          AddFact(Value::Entity(rx.name), "part_of", Value::Entity(org_name), 0.85,
                  Range{Np(x).range.begin, ny.range.end}, false);
          break;
        }
      }
      AddFact(Value::Entity(rx.name), "is_a", Value::String(Lower1(CoreTextNoDet(ny))), 0.8,
              Range{Np(x).range.begin, ny.range.end}, false);
      const std::string at = AnaphorType(h);
      if (!at.empty() && at != "Program") {
        auto it = entities_.find(rx.name);
        if (it != entities_.end() && it->second.type.empty()) it->second.type = at;
      }
    }
  }

  // Every amount of money in a clause's direct objects, in writing order
  // ("2.26 trillion yen ($15.24 billion)" gives JPY, then USD).
  std::vector<canonical::Money> ClauseAmounts(const Clause& c) {
    std::vector<canonical::Money> out;
    for (int npi : c.objects) {
      const Ref& o = ResolveNp(npi);
      if (o.literal.kind() != ValueKind::kMoney) continue;
      auto all = canonical::FindMoney(CoreTextNoDet(Np(npi)));
      if (all.empty()) {
        out.push_back(canonical::Money{o.literal.amount(), o.literal.currency()});
      } else {
        out.insert(out.end(), all.begin(), all.end());
      }
    }
    return out;
  }

  // The reporting clause ("X said …") whose complement holds clause c.
  const Clause* ReportingClauseOf(const Clause& c) const {
    for (const auto& d : a_.clauses) {
      if (&d == &c || d.complement.empty() || d.negated) continue;
      if (d.complement.begin <= c.verb_group.begin && c.verb_group.end <= d.complement.end) return &d;
    }
    return nullptr;
  }

  // "Acme said (on Monday) it will …": a personal pronoun subject of the
  // reported clause is the reporter when that is a named entity; this holds
  // even when other names were mentioned in between.
  void ResolveReportedPronoun(const Clause& c) {
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

  // The date of what a clause states: an "on <date>" phrase of the clause,
  // else of the reporting clause around it ("said on Tuesday it will …");
  // weekdays and "today"/"yesterday" resolve against the article date (a
  // weekday is the latest such day on or before it). Without one, the
  // article date; nullopt when that is unknown too.
  std::optional<Date> ClauseDate(const Clause* c) {
    auto from = [this](const Clause& k) -> std::optional<Date> {
      // "said yesterday …", "said today …": a time adverb right after the verb.
      const int after = k.verb_group.end;
      if (!out_->date.empty() && after < static_cast<int>(a_.tokens.size()) &&
          In(Tok(after).lower, {"today", "yesterday"})) {
        return canonical::ParseDate(Tok(after).lower, out_->date);
      }
      for (const auto& p : k.preps) {
        if (p.prep != "on") continue;
        for (int npi : p.objects) {
          if (auto d = canonical::ParseDate(Text(Np(npi).range), out_->date)) return d;
        }
      }
      return std::nullopt;
    };
    if (c != nullptr) {
      if (auto d = from(*c)) return d;
      int guard = 0;
      for (const Clause* k = c; k != nullptr && guard++ < 4; k = ReportingClauseOf(*k)) {
        if (auto d = from(*k)) return d;
        if (k->parent >= 0) {
          if (auto d2 = from(a_.clauses[static_cast<size_t>(k->parent)])) return d2;
        }
      }
    }
    if (!out_->date.empty()) return canonical::ParseDate(out_->date);
    return std::nullopt;
  }

  // An investment event node: investor, targets, amounts, date, purpose. An
  // event without a target continues the investor's latest one; so does one
  // without an amount when `continues` (a verb clause: "X is investing
  // heavily in data centers" after X's announced investment elaborates it).
  void AddInvestmentEvent(const std::string& agent, const std::vector<Value>& targets,
                          const std::vector<canonical::Money>& amounts, std::optional<Date> date,
                          const Clause* purpose, Range span, double conf, bool hedged,
                          bool continues = false) {
    std::string ev;
    auto last = last_event_.find(agent);
    if ((targets.empty() || (continues && amounts.empty())) && last != last_event_.end()) {
      ev = last->second;
    } else {
      ev = agent + " investment";
      if (!targets.empty()) ev += " in " + targets.front().ToString();
      ev = EnsureEntity(ev, "Investment");
      last_event_[agent] = ev;
    }
    const Value evv = Value::Entity(ev);
    AddFact(evv, "investor", Value::Entity(agent), conf, span, hedged);
    for (const Value& t : targets) AddFact(evv, "investment_target", t, conf, span, hedged);
    for (const auto& m : amounts)
      AddFact(evv, "amount", Value::Money(m.amount, m.currency), conf, span, hedged);
    if (date) AddFact(evv, "date", Value::DateValue(*date), conf, span, hedged);
    if (purpose != nullptr) {
      AddFact(evv, "purpose", Value::String(ClauseText(*purpose, true)), conf * 0.9, span, hedged);
    }
  }

  // Nominalizations anywhere in the sentence: "a $10 billion investment in
  // Japan", "a strong focus on AI", "collaboration with agencies".
  void ProcessNominalizations() {
    const int n = static_cast<int>(a_.tokens.size());
    for (size_t k = 0; k < a_.nps.size(); ++k) {
      const NounPhrase& np = a_.nps[k];
      const std::string& head = Tok(np.head).lemma;
      const bool money_head = In(head, {"investment", "commitment", "pledge"});
      std::optional<std::string> pred;
      int prep_tok = np.range.end;
      NpList targets;
      if (prep_tok < n && Tok(prep_tok).tag == Tag::kPrep) {
        pred = vocab_.ForNoun(head, Tok(prep_tok).lower);
        if (pred) {
          // The complement list after the preposition.
          for (const auto& c : a_.clauses) {
            for (const auto& p : c.preps) {
              if (p.prep_token == prep_tok) targets = p.objects;
            }
          }
          // "investment in chip plants in Texas and Ohio": places in the
          // next "in" phrase of the same clause are targets as well.
          if (!targets.empty()) {
            for (const auto& c : a_.clauses) {
              for (size_t q = 0; q + 1 < c.preps.size(); ++q) {
                if (c.preps[q].prep_token != prep_tok || c.preps[q].objects.empty()) continue;
                const PrepArg& next = c.preps[q + 1];
                if (next.prep != "in" || next.prep_token != Np(c.preps[q].objects.back()).range.end) continue;
                for (int npi : next.objects) {
                  const Ref& o = ResolveNp(npi);
                  if (o.entity && In(o.type, {"Country", "City", "Region"})) targets.push_back(npi);
                }
              }
            }
          }
          if (targets.empty() && prep_tok + 1 < n) {
            const int t = a_.np_of_token[static_cast<size_t>(prep_tok + 1)];
            if (t >= 0) {
              targets.push_back(t);
              // "on A and B"
              int e = Np(t).range.end;
              while (e < n && (Tok(e).lower == "and" || Tok(e).lower == "or" || Tok(e).lower == ",")) {
                int q = e + 1;
                if (q < n && (Tok(q).lower == "and" || Tok(q).lower == "or")) ++q;
                const int t2 = q < n ? a_.np_of_token[static_cast<size_t>(q)] : -1;
                if (t2 < 0 || Np(t2).range.begin != q) break;
                targets.push_back(t2);
                e = Np(t2).range.end;
              }
            }
          }
        }
      }
      const auto money = canonical::FindMoney(Text(Range{np.core.begin, np.head + 1}));
      std::vector<canonical::Money> amounts = money;
      // "investment of $X": the amount after "of" was merged into the phrase.
      if (amounts.empty() && money_head) {
        for (int i = np.head + 1; i < np.range.end; ++i) {
          if (Tok(i).lower == "of") {
            amounts = canonical::FindMoney(Text(Range{i + 1, np.range.end}));
            break;
          }
        }
      }
      if (!pred && !(money_head && !amounts.empty())) continue;
      // "the investment" without an amount or owner refers back to a known
      // undertaking; it states nothing new.
      if (amounts.empty() && np.possessor < 0 && Tok(np.range.begin).tag == Tag::kDet &&
          In(Tok(np.range.begin).lower, {"the", "this", "that"}) && np.names.empty() && money_head) {
        continue;
      }
      // The agent: owner of the phrase, else the subject of the clause it is in.
      std::string agent = OwnerOf(static_cast<int>(k));
      bool hedged = false;
      double conf = 0.85;
      const Clause* in_clause = nullptr;
      for (const auto& c : a_.clauses) {
        bool inside = std::find(c.objects.begin(), c.objects.end(), static_cast<int>(k)) != c.objects.end();
        for (const auto& p : c.preps) {
          inside =
              inside || std::find(p.objects.begin(), p.objects.end(), static_cast<int>(k)) != p.objects.end();
        }
        if (inside) in_clause = &c;
      }
      if (in_clause == nullptr) {
        // An absolute phrase ("…, with a strong focus on AI"): the nearest clause before it.
        for (const auto& c : a_.clauses) {
          if (c.verb_group.end <= np.range.begin) in_clause = &c;
        }
      }
      if (in_clause != nullptr && (in_clause->negated)) continue;
      std::vector<std::string> agents;
      if (!agent.empty()) agents.push_back(agent);
      // "X received a $1.8 million investment": X is where it goes, not
      // who invests.
      const bool received =
          in_clause != nullptr &&
          In(in_clause->lemma, {"receive", "get", "win", "secure", "obtain", "attract", "land", "gain"});
      if (agent.empty() && in_clause != nullptr && !in_clause->subject.empty() && !received) {
        for (const Ref& s : SubjectRefs(*in_clause)) {
          if (s.entity && (!s.via_event || s.event_head == "this")) agents.push_back(s.name);
          if (s.via_coref) conf *= 0.9;
        }
      }
      if (in_clause != nullptr) clause_key_ = Key(in_clause->verb_group.begin);
      if (agents.size() > 1 && !money_head) {
        for (size_t q = 1; q < agents.size(); ++q) {
          for (const Value& t : ListValues(targets, nullptr)) {
            AddFact(Value::Entity(agents[q]), *pred, t, conf, np.range,
                    in_clause ? ClauseHedged(*in_clause) : false);
          }
        }
      }
      if (!agents.empty()) agent = agents.front();
      if (in_clause != nullptr) hedged = ClauseHedged(*in_clause);
      if (agent.empty()) continue;
      const Value av = Value::Entity(agent);
      if (in_clause != nullptr) clause_key_ = Key(in_clause->verb_group.begin);
      std::vector<Value> target_values = ListValues(targets, nullptr);
      clause_key_ = UINT64_MAX;
      for (const Value& t : target_values) AddFact(av, *pred, t, conf, np.range, hedged);
      if (money_head) {
        for (const auto& m : amounts) {
          AddFact(av, "investment_amount", Value::Money(m.amount, m.currency), conf, np.range, hedged);
        }
        // The investment as an event node keeps the n-ary fact together.
        if (pred == std::optional<std::string>("invests_in") || !amounts.empty()) {
          const Clause* purpose = nullptr;
          if (in_clause != nullptr) {
            for (const auto& d : a_.clauses) {
              if (d.infinitive && d.parent >= 0 && &a_.clauses[static_cast<size_t>(d.parent)] == in_clause) {
                purpose = &d;
                break;
              }
            }
          }
          AddInvestmentEvent(agent, target_values, amounts, ClauseDate(in_clause), purpose, np.range, conf,
                             hedged);
        }
      }
    }
  }

  // ---- Raw Open IE facts ---------------------------------------------------
  std::string SubjectText(const Clause& c) const {
    if (c.subject.empty()) return "";
    const NounPhrase& first = Np(c.subject.front());
    const NounPhrase& last = Np(c.subject.back());
    (void)last;
    if (c.subject.size() == 1) return Text(first.range);
    return Text(first.range);
  }

  // Open IE states "it also occurs in …" about the phrase "it" stands for: a
  // personal pronoun subject takes the explicit subject of an earlier clause
  // of the same sentence, when there is one.
  std::string PronounAntecedentText(const Clause& c) const {
    if (c.subject.size() != 1 || c.subject_from >= 0) return "";
    const NounPhrase& np = Np(c.subject.front());
    if (!np.pronoun || !In(Tok(np.head).lower, {"it", "they", "he", "she"})) return "";
    for (const auto& d : a_.clauses) {
      if (&d == &c || d.verb_group.begin >= c.verb_group.begin) break;
      if (d.subject.size() != 1 || d.subject_from >= 0 || d.subject_span.empty()) continue;
      const NounPhrase& dn = Np(d.subject.front());
      if (dn.pronoun) continue;
      return Text(d.subject_span);
    }
    return "";
  }

  // Whether clause ci is a bare verb whose only complement is the infinitive
  // that follows it ("tried to find jobs", "has had to close plants"): Open
  // IE states the two as one relation.
  bool ChainsIntoInfinitive(size_t ci) const {
    if (ci + 1 >= a_.clauses.size()) return false;
    const Clause& p = a_.clauses[ci];
    const Clause& c = a_.clauses[ci + 1];
    if (!c.infinitive || c.parent != static_cast<int>(ci) || !p.objects.empty() || !p.preps.empty() ||
        !p.complement.empty() || p.subject.empty()) {
      return false;
    }
    // "will be able to service debt", "is likely to close".
    if (p.lemma == "be") {
      return In(p.adj_complement, {"able", "unable", "likely", "unlikely", "set", "due", "ready", "eager",
                                   "willing", "reluctant", "certain", "sure"}) &&
             p.verb_group.end + 1 == c.verb_group.begin;
    }
    return p.adj_complement.empty() && p.verb_group.end == c.verb_group.begin;
  }

  void AddRaw(const Clause& c) {
    if (c.subject.empty()) return;
    const size_t ci = static_cast<size_t>(&c - a_.clauses.data());
    if (ChainsIntoInfinitive(ci)) return;  // stated by the infinitive's fact
    const Clause* head = ci > 0 && ChainsIntoInfinitive(ci - 1) ? &a_.clauses[ci - 1] : nullptr;
    // One raw fact per subject conjunct and per object conjunct.
    std::vector<std::string> subjects;
    const Clause& sc = head != nullptr ? *head : c;  // the clause that states the subject
    const std::string antecedent = PronounAntecedentText(sc);
    if (!antecedent.empty()) {
      subjects.push_back(antecedent);
    } else if (sc.subject.size() == 1 && !sc.subject_span.empty()) {
      subjects.push_back(Text(sc.subject_span));
    } else {
      for (int s : sc.subject) subjects.push_back(Text(Np(s).range));
    }
    std::string rel = Text(Range{c.verb_group.begin, c.verb_group.end});
    if (head != nullptr) rel = Text(Range{head->verb_group.begin, c.verb_group.begin}) + " " + rel;
    std::vector<std::vector<std::string>> arg_lists;
    std::vector<std::string> objs;
    for (int o : c.objects) objs.push_back(Text(Np(o).range));
    if (!c.adj_complement.empty()) objs.push_back(c.adj_complement);
    std::vector<std::string> extra;
    std::string first_prep_rel;
    std::vector<std::string> first_prep_objs;
    for (size_t k = 0; k < c.preps.size(); ++k) {
      const auto& p = c.preps[k];
      std::string prep_text = Tok(p.prep_token).text;
      if (p.prep == "such as") prep_text = "such as";
      if (k == 0 && objs.empty() && c.complement.empty() && !p.prep.empty()) {
        first_prep_rel = prep_text;
        for (int o : p.objects) first_prep_objs.push_back(Text(Np(o).range));
        continue;
      }
      const int b = p.prep_token;
      const int e = p.objects.empty() ? b + 1 : Np(p.objects.back()).range.end;
      extra.push_back(Text(Range{b, e}));
    }
    if (!c.frame.empty()) extra.push_back(Text(c.frame));
    std::vector<std::pair<std::string, std::string>> rel_obj;
    if (!c.complement.empty() && objs.empty()) {
      const bool that = c.complement.begin > 0 && Tok(c.complement.begin - 1).lower == "that";
      rel_obj.emplace_back(that ? rel + " that" : rel, Text(c.complement));
    } else if (!objs.empty()) {
      for (const auto& o : objs) rel_obj.emplace_back(rel, o);
    } else if (!first_prep_objs.empty()) {
      for (const auto& o : first_prep_objs) rel_obj.emplace_back(rel + " " + first_prep_rel, o);
    } else {
      rel_obj.emplace_back(rel, "");
    }
    const bool hedged = ClauseHedged(c);
    double conf = 0.8;
    if ((c.subject_from >= 0 || c.infinitive || c.gerund) && head == nullptr) conf -= 0.15;
    if (rel_obj.size() == 1 && rel_obj[0].second.empty() && extra.empty()) {
      // A bare passive or intransitive ("was well received") still says something.
      conf -= 0.3;
    }
    if (hedged) conf -= 0.1;
    for (const auto& s : subjects) {
      for (const auto& [r, o] : rel_obj) {
        RawFact f;
        f.arg1 = s;
        f.relation = r;
        if (!o.empty()) f.args.push_back(o);
        for (const auto& e : extra) f.args.push_back(e);
        f.sentence = sent_;
        f.confidence = std::max(0.05, conf);
        f.negated = c.negated;
        f.hedged = hedged;
        out_->raw_facts.push_back(std::move(f));
      }
    }
  }

  // ---- Article-level facts --------------------------------------------------
  void Finalize() {
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
        if (auto g = gaz_.Lookup(n);
            g && !g->country.empty() && g->country != n &&
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
    std::string main_country;
    int best = 0, second = 0;
    for (const auto& [c, k] : country_counts) {
      if (k > best) {
        second = best;
        best = k;
        main_country = c;
      } else if (k > second) {
        second = k;
      }
    }
    if (best < 2 || best < 2 * second) main_country.clear();
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
      if (country.empty() && !main_country.empty()) {
        country = main_country;
        conf = 0.6;
      }
      if (country.empty() || country == "European Union") continue;
      sent_ = first_mention_[n];
      a_ = SentenceAnalysis{};
      const std::string gov = EnsureEntity("Government of " + country, "GovernmentAgency");
      AddFact(Value::Entity(n), "part_of", Value::Entity(gov), conf, Range{}, false);
    }
    MergeTitledNames();
    ReconcileWithTree();
    for (const auto& n : entity_order_) {
      if (!PronounLed(n)) out_->entities.push_back(entities_[n]);
    }
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
  SentenceAnalysis a_;
  std::vector<Ref> np_ref_;
  std::vector<bool> np_resolved_;
  std::unordered_map<std::string, EntityData> entities_;
  std::vector<std::string> entity_order_;
  std::unordered_map<std::string, std::string> alias_;
  std::unordered_map<std::string, std::string> agency_country_;
  std::unordered_map<std::string, std::string> last_event_;  // agent → its latest investment event
  std::unordered_map<std::string, uint32_t> first_mention_;
  std::unordered_map<std::string, uint32_t> last_subject_sentence_;
  std::string title_topic_;                       // first known name in the title
  std::unordered_set<std::string> doc_names_;     // lower-case words used as names in this article
  uint32_t first_subject_sentence_ = UINT32_MAX;  // sentence whose first main clause was seen
  bool first_subject_is_thing_ = false;           // its subject is "the <noun>" and no entity
  std::unordered_set<std::string> lower_seen_;    // lower-case words written in lower case in this article
  uint64_t clause_key_ = UINT64_MAX;              // key of the clause being processed (its subject mentions)
  std::vector<Mention> mentions_;
  std::unordered_map<std::string, size_t> fact_index_;
  std::set<std::string> acronym_done_, product_done_;
  int warned_long_ = 0;
  bool in_tree_ = false;                                  // facts being added come from the tree patterns
  std::vector<std::pair<uint32_t, std::string>> titles_;  // (sentence, lower-case title) from NoteTitle
  std::vector<bool> from_tree_;  // per fact of out_->facts: added or confirmed by them
};

}  // namespace

Result<ArticleData> ExtractArticle(const std::string& name, std::string_view text,
                                   const LoaderOptions& options, const EntityResolver* resolver) {
  KG_ASSIGN_OR_RETURN(text::Document doc, text::ParseDocument(text));
  ArticleData out;
  out.name = name;
  out.title = doc.title;
  out.date = doc.date;
  out.source = doc.source;
  out.content = std::string(text);
  out.warnings = doc.warnings;
  ArticleExtractor ex(&out, options, resolver);
  ex.Run(doc);
  return out;
}

namespace internal {

// Open IE over single sentences (used by ExtractSentences in extract_format.cc).
// Warnings are added to `warnings` unless already there.
std::vector<RawFact> ExtractOneSentence(const std::string& sentence, uint32_t index,
                                        const LoaderOptions& options, std::vector<std::string>* warnings) {
  ArticleData tmp;
  ArticleExtractor ex(&tmp, options, nullptr);
  ex.RunSentence(sentence);
  for (auto& f : tmp.raw_facts) f.sentence = index;
  for (auto& w : tmp.warnings) {
    if (std::find(warnings->begin(), warnings->end(), w) == warnings->end())
      warnings->push_back(std::move(w));
  }
  return std::move(tmp.raw_facts);
}

}  // namespace internal
}  // namespace kg::loader
