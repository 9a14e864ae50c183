// The one place facts enter ArticleData: the checks every fact passes
// (plausible class, possible placement) and duplicate merging.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <utility>

#include "kg/article.h"
#include "kg/value.h"
#include "loader/article/article_extractor.h"
#include "loader/article/words.h"
#include "loader/canonical/gazetteer.h"
#include "loader/extract/clauses.h"
#include "loader/tree/word_lists.h"

namespace kg::loader {

using extract::Range;

void ArticleExtractor::AddFact(Value s, const std::string& pred, Value o, double conf, Range span,
                               bool hedged) {
  uint32_t begin = 0, end = 0;
  if (!span.empty() && span.end <= static_cast<int>(a_.tokens.size())) {
    begin = Tok(span.begin).begin;
    end = Tok(span.end - 1).end;
  }
  AddFactAt(std::move(s), pred, std::move(o), conf, begin, end, hedged);
}

// A literal that runs over a sentence end ("AI) research. £54 million
// investment …") or opens with a closing bracket is a misread, not a value.
bool ArticleExtractor::Garbled(const std::string& text) {
  // Bullet items joined with "; " are separate statements.
  if (text.find("; ") != std::string::npos) return true;
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) return true;
    if (c == '.' && i > 0 && i + 2 < text.size() && text[i + 1] == ' ' &&
        std::islower(static_cast<unsigned char>(text[i - 1])) &&
        (std::isupper(static_cast<unsigned char>(text[i + 2])) ||
         std::isdigit(static_cast<unsigned char>(text[i + 2])) ||
         static_cast<unsigned char>(text[i + 2]) >= 0x80))
      return true;
  }
  return false;
}

// "supports March" (of "on 25 March"), "produces high-performance": a date
// or a lone modifier is no argument of a fact.
bool ArticleExtractor::NoArgument(const std::string& text) const {
  // "did not say how many jobs the project would create": a question's
  // phrase names no amount.
  const std::string lower = Lower(text);
  if (lower.rfind("how many ", 0) == 0 || lower.rfind("how much ", 0) == 0) return true;
  if (text.find(' ') == std::string::npos) {
    if (tree::WordLists::Get().InClass("calendar", Lower(text))) return true;
    // "is leading the way", "took charge": the noun of an idiom names
    // nothing.
    if (In(Lower(text), {"way", "charge", "lead", "notice", "note"})) return true;
    if (ParsedAs(text, {"ADJ", "ADV"})) return true;
    for (const text::Token& t : a_.tokens) {
      if (t.text == text && (t.tag == text::Tag::kAdj || t.tag == text::Tag::kAdv)) return true;
    }
  }
  return text.size() <= 20 && canonical::ParseDate(text, out_->date).has_value();
}

void ArticleExtractor::AddFactAt(Value s, const std::string& pred, Value o, double conf, uint32_t begin,
                                 uint32_t end, bool hedged) {
  if (s.is_null() || o.is_null() || pred.empty()) return;
  if (!in_tree_ && !options_.chunker_facts) return;
  for (const Value* v : {&s, &o}) {
    if (v->kind() == ValueKind::kEntity && (v->text().empty() || PronounLed(v->text()))) return;
  }
  if (pred == "located_in" && !PlacementPossible(s, o)) return;
  if (pred == "is_a" && !PlausibleClass(o)) return;
  // "supports the $700 million export", "signed a EUR 50 million loan": a
  // sum is the size of what is funded or signed, never the party; the
  // *_amount predicates carry it ("will use £12 million to build …" too).
  if (o.kind() == ValueKind::kMoney && In(pred, {"funds", "invests_in", "supports", "signs", "partners_with",
                                                 "supplies_to", "acquires", "uses"}))
    return;
  if (s == o) return;
  if (o.kind() == ValueKind::kString && o.text().empty()) return;
  if (o.kind() == ValueKind::kString) o = Value::String(TidyPhrase(o.text()));
  if (o.kind() == ValueKind::kString && In(pred, {"builds", "opens", "expands", "develops"}))
    o = Value::String(WithoutLeadingCost(o.text()));
  // "to build $350 million plant" parsed with the sum as the object: a sum
  // is not what is built, opened, expanded or developed.
  if (o.kind() == ValueKind::kMoney && In(pred, {"builds", "opens", "expands", "develops"})) return;
  if (o.kind() == ValueKind::kString && o.text().empty()) return;
  if (o.kind() == ValueKind::kString && Garbled(o.text())) return;
  // "X announced $3 billion": a bare sum announces nothing by itself (the
  // tree's verb_facts.cc reads the same way).
  if (pred == "announced" && o.kind() == ValueKind::kMoney) return;
  // (An event's period is a time by definition: "by 2028".)
  if (o.kind() == ValueKind::kString && pred != "period" && NoArgument(o.text())) return;
  // "welcomed the announcement", "welcomed the news": what was announced is
  // elsewhere; the word itself says nothing.
  if (pred == "announced" && o.kind() == ValueKind::kString &&
      In(Lower(o.text()), {"announcement", "news", "move", "decision", "step", "development", "this", "it"}))
    return;
  // "creating important jobs": jobs are created, not developed.
  if (pred == "develops" && o.kind() == ValueKind::kString) {
    const std::string l = Lower(o.text());
    const size_t cut = l.find(" which");
    const std::string head = l.substr(0, cut == std::string::npos ? l.size() : cut);
    // A bare "jobs" says nothing about how many or which.
    if (head == "jobs") return;
    if (head.ends_with(" jobs")) {
      AddFactAt(std::move(s), "creates_jobs", std::move(o), conf, begin, end, hedged);
      return;
    }
  }
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
  // ("chief executive" and "Chief Executive" are one phrase.)
  const std::string object_key =
      f.object.kind() == ValueKind::kString ? Lower(f.object.text()) : f.object.ToString();
  const std::string key =
      f.subject.ToString() + "\x1f" + pred + "\x1f" + f.object.KindName().data() + object_key;
  auto it = fact_index_.find(key);
  if (it != fact_index_.end()) {
    Fact& old = out_->facts[it->second];
    if (in_tree_ && !from_tree_[it->second] && f.modality == Modality::kHedged) {
      // The tree's reading of the verb's modality stands over the
      // chunker's ("would invest … if the law passes" is a condition).
      old.modality = Modality::kHedged;
      old.confidence = std::min(old.confidence, f.confidence);
    } else if (old.modality == Modality::kHedged && f.modality == Modality::kAsserted) {
      old = f;
    }
    old.confidence = std::max(old.confidence, old.modality == f.modality ? f.confidence : 0.0);
    if (in_tree_) from_tree_[it->second] = true;
    return;
  }
  if (pred == "funds" && f.object.kind() == ValueKind::kEntity) last_funded_ = {f.object.text(), sent_};
  fact_index_[key] = out_->facts.size();
  out_->facts.push_back(std::move(f));
  from_tree_.push_back(in_tree_);
  // Only facts about the clause's own subject yield to the tree's reading
  // of it (not an investment event's node or an object's place).
  // An investment event's investor is the clause's subject too.
  const Fact& added = out_->facts.back();
  const Value& party = added.predicate == "investor" ? added.object : added.subject;
  const bool about_subject =
      !in_tree_ && party.kind() == ValueKind::kEntity &&
      std::find(clause_subjects_.begin(), clause_subjects_.end(), party.text()) != clause_subjects_.end();
  fact_verb_.push_back(in_tree_ ? UINT32_MAX : clause_verb_);
  fact_about_subject_.push_back(about_subject);
}

// What something "is" is a noun phrase: not a comparison's tail ("than
// five percent"), a prepositional phrase or a lone -ing word ("in the
// running" → "running").
bool ArticleExtractor::PlausibleClass(const Value& o) const {
  if (o.kind() != ValueKind::kString) return true;
  const std::string l = Lower(o.text());
  const std::string first = l.substr(0, l.find(' '));
  if (In(first, {"than", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "and", "or"}))
    return false;
  if (first == l && l.size() > 4 && l.compare(l.size() - 3, 3, "ing") == 0) return false;
  // "Copenhagen, employs …" read as an apposition: a one-word class the
  // sentence's parse reads as a verb is none.
  return first != l || !ParsedAs(o.text(), {"VERB"});
}

bool ArticleExtractor::ParsedAs(const std::string& word, std::initializer_list<const char*> upos) const {
  const std::string l = Lower(word);
  for (const syntax::Word& w : a_.parse.words) {
    if (Lower(w.form) == l && In(w.upos, upos)) return true;
  }
  return false;
}

// "York" when the article names "New York": a word of a longer place
// name the chunker split off, not a place of its own.
bool ArticleExtractor::PartOfLongerPlace(const std::string& name) const {
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
bool ArticleExtractor::PlacementPossible(const Value& s, const Value& o) const {
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

}  // namespace kg::loader
