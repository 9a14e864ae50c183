// The article loop: the title topic, the dateline, then per sentence tagging,
// parsing and chunking followed by every pattern stage in order. The stages
// themselves are in the other files of loader/article/.
#include "loader/article/article_extractor.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kg/article.h"
#include "loader/article/words.h"
#include "loader/canonical/gazetteer.h"
#include "loader/extract/clauses.h"
#include "loader/linguistics/link_parser.h"
#include "loader/linguistics/parser_hints.h"
#include "loader/text/document.h"
#include "loader/text/tokens.h"
#include "loader/tree/open_ie.h"
#include "loader/tree/sentence_tree.h"
#include "loader/tree/tree_extractor.h"
#include "syntax/model_registry.h"

namespace kg::loader {

using extract::Range;
using text::Tag;

namespace {

constexpr int kMaxSentenceTokens = 150;
constexpr size_t kMaxSentenceBytes = 3000;
// Either parser costs about a millisecond per sentence (the trained one
// ~15,000 words/s, link-grammar more but only on short sentences); huge
// inputs get it for their first sentences only so a load stays bounded.
constexpr uint32_t kMaxParsedSentences = 2000;

}  // namespace

ArticleExtractor::ArticleExtractor(ArticleData* out, const LoaderOptions& options,
                                   const EntityResolver* resolver)
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

void ArticleExtractor::Run(const text::Document& doc) {
  CollectDocumentNames(doc);
  FindDocumentCountry(doc);
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
  ProcessTitle(doc.title);
  Finalize();
}

// A headline in sentence case ("UK Government welcomes INEOS Automotive
// investment to Bridgend site", "Varrow to pour $6 billion into Mexican
// plants") states the article's main fact: it is read as one more
// sentence, after the body (so the body's sentence numbers stay those of
// the text) and without the body's discourse. A headline in capitals or in
// title case ("Solar Panel Manufacturer Gets $400 Million …") is not: its
// capitals say nothing about names.
void ArticleExtractor::ProcessTitle(std::string title) {
  // "Investment Plan: deals worth …", "Highlight: …": a short label before
  // a colon names a series, not a party.
  if (const size_t colon = title.find(": ");
      colon != std::string::npos && std::count(title.begin(), title.begin() + colon, ' ') < 4)
    title = title.substr(colon + 2);
  if (title.empty() || !SentenceCase(title)) return;
  text::Sentence s;
  s.text = title;
  sent_ = static_cast<uint32_t>(out_->sentences.size());
  out_->sentences.push_back(title);
  in_title_ = true;
  ProcessSentence(s);
  in_title_ = false;
}

// Whether a title is written in sentence case: among its words of four
// letters or more after the first, at least two start in lower case, and
// at least half as many as start with a capital (acronyms aside, since
// they are capitalized in any case). "Solar Panel Manufacturer Gets …" and
// "How USAID Works to Make …" are title case.
bool ArticleExtractor::SentenceCase(const std::string& title) {
  int lower = 0;
  int capital = 0;
  bool first = true;
  for (const text::Token& t : text::Tokenize(title)) {
    const std::string& w = t.text;
    if (w.empty() || std::isalpha(static_cast<unsigned char>(w[0])) == 0) continue;
    if (first) {
      first = false;
      continue;
    }
    if (w.size() < 4) continue;
    const bool acronym = std::all_of(w.begin(), w.end(), [](char c) {
      return std::isupper(static_cast<unsigned char>(c)) != 0 ||
             std::isalpha(static_cast<unsigned char>(c)) == 0;
    });
    if (std::islower(static_cast<unsigned char>(w[0])) != 0)
      ++lower;
    else if (!acronym)
      ++capital;
  }
  return lower >= 2 && lower * 2 >= capital;
}

// The dateline's place ("SAN JOSE, Calif. (AP) -") is a mention of a city
// known to the gazetteer (so it gets its country), nothing more.
void ArticleExtractor::AddDatelinePlace(const std::string& line) {
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

// Extraction of one standalone sentence (Open IE mode).
void ArticleExtractor::RunSentence(const std::string& sentence) {
  text::Sentence s;
  s.text = sentence;
  out_->sentences.push_back(sentence);
  sent_ = 0;
  ProcessSentence(s);
}

void ArticleExtractor::ProcessSentence(const text::Sentence& s) {
  sentence_ = &s.text;
  if (s.text.size() > kMaxSentenceBytes) {
    if (warned_long_++ < 3) {
      out_->warnings.push_back("sentence " + std::to_string(sent_) + " has " + std::to_string(s.text.size()) +
                               " bytes; too long to analyse, skipped");
    }
    return;
  }
  auto tokens = text::Tokenize(s.text);
  if (tokens.empty()) return;
  if (static_cast<int>(tokens.size()) > kMaxSentenceTokens) {
    if (warned_long_++ < 3) {
      out_->warnings.push_back("sentence " + std::to_string(sent_) + " has " + std::to_string(tokens.size()) +
                               " tokens; too long to analyse, skipped");
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
    parse = linguistics::ParseSentence(
        *model_, s.text, [this](std::string_view w) { return doc_names_.count(Lower(std::string(w))) > 0; });
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
  tree_events_ = tree::WellFormedTree(a_.parse, s.text);
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
  FallBackToChunkerEvents();
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

}  // namespace kg::loader
