// Raw Open IE tuples read off phrases rather than clauses: possessives,
// titles before names and "City, State" locations.
#include <algorithm>
#include <string>
#include <utility>

#include "kg/article.h"
#include "loader/article/article_extractor.h"
#include "loader/article/words.h"
#include "loader/canonical/gazetteer.h"
#include "loader/extract/clauses.h"
#include "loader/text/tokens.h"

namespace kg::loader {

using extract::NounPhrase;
using extract::Range;
using text::Tag;

// "Nissan 's image" → (Nissan; has; image): the Open IE convention for
// possessives. Raw only; the normalized facts come from the clauses.
void ArticleExtractor::AddPossessiveRaw() {
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
bool ArticleExtractor::TitleWord(const std::string& w) {
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

void ArticleExtractor::AddTitleRaw() {
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
void ArticleExtractor::AddLocatedInRaw() {
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
    if (k > 0 && a_.nps[k - 1].range.end + 1 == a.range.begin && Tok(a_.nps[k - 1].range.end).lower == ",") {
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

}  // namespace kg::loader
