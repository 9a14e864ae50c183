#include "syntax/lemmatizer.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "syntax/wordnet.h"

namespace kg::syntax {
namespace {

constexpr uint32_t kFormatVersion = 1;
constexpr int kMaxSuffix = 32;  // bytes; bounds the rule lookups of a loaded model
// How a form is normalized before the rules: per (XPOS, word shape).
enum FormMode : uint8_t { kKeep = 0, kLower = 1, kTitle = 2, kNoCommas = 3 };

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
char ToLower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsProperTag(std::string_view xpos) { return xpos.substr(0, 3) == "NNP"; }
uint8_t DefaultMode(std::string_view xpos) { return IsProperTag(xpos) ? kKeep : kLower; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ToLower(c);
  return out;
}

// "1,100" and "3,202.61": digits grouped by thousands, an optional fraction.
bool IsGroupedNumber(std::string_view s) {
  const std::string_view whole = s.substr(0, s.find('.'));
  const size_t first = whole.find(',');  // npos fails the first test
  if (first == 0 || first > 3 || (whole.size() - first) % 4 != 0) return false;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i >= first && (i - first) % 4 == 0 ? whole[i] != ',' : !IsDigit(whole[i])) return false;
  }
  const std::string_view fraction = s.substr(whole.size());
  return fraction.empty() ||
         (fraction.size() > 1 && std::all_of(fraction.begin() + 1, fraction.end(), IsDigit));
}

// The class of a word that form modes are learned for: EWT treats them
// differently (sentence-initial "The" → "the", but "GOD" → "God" and "NASA"
// → "NASA" among proper nouns; "1,100" → "1100").
char Shape(std::string_view f) {
  if (IsGroupedNumber(f)) return 'N';
  const bool any_upper = std::any_of(f.begin(), f.end(), IsUpper);
  if (!any_upper) return 'l';
  if (f.size() == 1) return 'S';  // "I", "X": letters as names keep their case
  if (std::all_of(f.begin(), f.end(), IsUpper)) return f.size() > 3 ? 'U' : 'u';
  if (IsUpper(f[0]) && std::none_of(f.begin() + 1, f.end(), IsUpper)) return 'T';
  return 'M';
}

std::string ApplyMode(std::string_view form, uint8_t mode) {
  std::string out = mode == kLower || mode == kTitle ? Lower(form) : std::string(form);
  if (mode == kNoCommas) std::erase(out, ',');
  if (mode == kTitle && !out.empty() && IsLower(out[0])) out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

struct Rewrite {
  size_t strip = 0;
  std::string append;
  auto operator<=>(const Rewrite&) const = default;
};

// The shortest rewrite turning `from` into `to`, cutting only at UTF-8
// character boundaries so that rules never split a character.
Rewrite Diff(std::string_view from, std::string_view to) {
  size_t p = 0;
  while (p < from.size() && p < to.size() && from[p] == to[p]) ++p;
  while (p > 0 && p < from.size() && IsContinuation(from[p])) --p;
  return {from.size() - p, std::string(to.substr(p))};
}

// WordNet's word class for inflected open-class tags; base-form tags (NN,
// VB, JJ …) are left to the dictionary and the rules, since WordNet maps
// some of them to forms EWT does not use ("data" → "datum").
char WordNetPos(std::string_view xpos) {
  if (xpos == "NNS") return 'n';
  if (xpos == "VBD" || xpos == "VBG" || xpos == "VBN" || xpos == "VBZ") return 'v';
  if (xpos == "JJR" || xpos == "JJS") return 'a';
  if (xpos == "RBR" || xpos == "RBS") return 'r';
  return 0;
}

std::string Key(std::string_view a, std::string_view b) { return std::string(a) + '\t' + std::string(b); }

struct Gold {
  std::string form, xpos, lemma;
  auto operator<=>(const Gold&) const = default;
};

std::map<Gold, int> CountGold(const std::vector<Sentence>& sentences) {
  std::map<Gold, int> counts;
  for (const Sentence& s : sentences) {
    for (const Word& w : s.words) {
      if (w.form.empty() || w.xpos.empty() || w.lemma.empty()) continue;
      ++counts[{w.form, w.xpos, w.lemma}];
    }
  }
  return counts;
}

// Per (XPOS, shape), the form mode under which distinct training words
// share the longest prefixes with their lemmas; ties go to the default.
std::unordered_map<std::string, uint8_t> LearnFormModes(const std::map<Gold, int>& gold) {
  std::map<std::string, std::array<size_t, 4>> score;
  for (const auto& [g, count] : gold) {
    auto& s = score[Key(g.xpos, std::string(1, Shape(g.form)))];
    for (uint8_t mode : {kKeep, kLower, kTitle, kNoCommas}) {
      const std::string cased = ApplyMode(g.form, mode);
      s[mode] += cased.size() - Diff(cased, g.lemma).strip;
    }
  }
  std::unordered_map<std::string, uint8_t> modes;
  for (const auto& [key, s] : score) {
    uint8_t best = DefaultMode(key.substr(0, key.find('\t')));
    for (uint8_t mode : {kKeep, kLower, kTitle, kNoCommas}) {
      if (s[mode] > s[best]) best = mode;
    }
    modes[key] = best;
  }
  return modes;
}

using WordType = std::tuple<std::string, std::string, std::string>;  // word, XPOS, lemma

// The best rewrite per "XPOS\tsuffix" among distinct words, counting only
// rewrites that stay inside the suffix ("went" → "go" is no rule for "-t").
std::map<std::string, Rewrite> CountRules(const std::set<WordType>& types, size_t max_suffix,
                                          int min_support) {
  std::map<std::string, std::map<Rewrite, int>> counts;
  std::map<std::string, int> support;
  for (const auto& [word, xpos, lemma] : types) {
    const Rewrite rw = Diff(word, lemma);
    for (size_t k = 0; k <= std::min(max_suffix, word.size()); ++k) {
      if (k > 0 && k < word.size() && IsContinuation(word[word.size() - k])) continue;
      const std::string key = Key(xpos, std::string_view(word).substr(word.size() - k));
      ++support[key];
      if (rw.strip <= k) ++counts[key][rw];
    }
  }
  std::map<std::string, Rewrite> best;
  for (const auto& [key, by_rewrite] : counts) {
    if (support[key] < min_support && key.back() != '\t') continue;  // "" always qualifies
    auto top = std::max_element(by_rewrite.begin(), by_rewrite.end(),
                                [](const auto& a, const auto& b) { return a.second < b.second; });
    best.emplace(key, top->first);
  }
  return best;
}

// Drops rules that rewrite like the next shorter matching rule (or, with
// none, like the identity): lookups give the same answers from fewer rules.
std::map<std::string, Rewrite> PruneRules(const std::map<std::string, Rewrite>& rules) {
  std::map<std::string, Rewrite> kept;
  for (const auto& [key, rw] : rules) {
    const size_t tab = key.find('\t');
    const std::string_view xpos = std::string_view(key).substr(0, tab);
    const std::string_view suffix = std::string_view(key).substr(tab + 1);
    Rewrite parent;
    for (size_t k = suffix.size(); k-- > 0;) {
      if (k > 0 && IsContinuation(suffix[suffix.size() - k])) continue;
      auto it = rules.find(Key(xpos, suffix.substr(suffix.size() - k)));
      if (it != rules.end()) {
        parent = it->second;
        break;
      }
    }
    if (rw != parent) kept.emplace(key, rw);
  }
  return kept;
}

// Keeps, per (lower-cased form, XPOS), the most frequent lemma when it is
// right for more training tokens than `fallback` (the later sources) is.
template <typename F>
std::unordered_map<std::string, std::string> LearnDictionary(const std::map<Gold, int>& gold,
                                                             const F& fallback) {
  std::map<std::string, std::map<std::string, int>> lemmas;
  std::map<std::string, int> fallback_right;
  for (const auto& [g, count] : gold) {
    const std::string key = Key(Lower(g.form), g.xpos);
    lemmas[key][g.lemma] += count;
    if (fallback(g.form, g.xpos) == g.lemma) fallback_right[key] += count;
  }
  std::unordered_map<std::string, std::string> dictionary;
  for (const auto& [key, by_lemma] : lemmas) {
    auto top = std::max_element(by_lemma.begin(), by_lemma.end(),
                                [](const auto& a, const auto& b) { return a.second < b.second; });
    if (top->second > fallback_right[key]) dictionary.emplace(key, top->first);
  }
  return dictionary;
}

// Writes a map as a count and its entries in key order.
template <typename V, typename F>
void PutSorted(ByteWriter& out, const std::unordered_map<std::string, V>& map, const F& put_value) {
  std::vector<const std::pair<const std::string, V>*> entries;
  entries.reserve(map.size());
  for (const auto& e : map) entries.push_back(&e);
  std::sort(entries.begin(), entries.end(), [](auto* a, auto* b) { return a->first < b->first; });
  out.Put<uint32_t>(static_cast<uint32_t>(entries.size()));
  for (const auto* e : entries) {
    out.PutString(e->first);
    put_value(e->second);
  }
}

// Reads what PutSorted wrote; false on truncation, keys out of order, or a
// value `get_value` rejects.
template <typename V, typename F>
bool GetSorted(ByteReader& in, std::unordered_map<std::string, V>* map, const F& get_value) {
  const uint32_t n = in.Get<uint32_t>();
  std::string previous;
  for (uint32_t i = 0; i < n && in.ok(); ++i) {
    std::string key = in.GetString();
    V value{};
    if ((i > 0 && key <= previous) || !get_value(&value)) return false;
    previous = key;
    map->emplace(std::move(key), std::move(value));
  }
  return in.ok();
}

}  // namespace

std::string Lemmatizer::Normalize(std::string_view form, std::string_view xpos) const {
  auto it = form_modes_.find(Key(xpos, std::string(1, Shape(form))));
  return ApplyMode(form, it != form_modes_.end() ? it->second : DefaultMode(xpos));
}

std::string Lemmatizer::ApplyRules(const std::string& word, std::string_view xpos) const {
  for (size_t k = std::min<size_t>(max_suffix_, word.size()) + 1; k-- > 0;) {
    if (k > 0 && k < word.size() && IsContinuation(word[word.size() - k])) continue;
    auto it = rules_.find(Key(xpos, std::string_view(word).substr(word.size() - k)));
    if (it == rules_.end()) continue;
    const Rule& r = it->second;
    if (r.strip > word.size() || (r.strip == word.size() && r.append.empty())) continue;
    return word.substr(0, word.size() - r.strip) + r.append;
  }
  return word;
}

std::string Lemmatizer::Fallback(std::string_view form, std::string_view xpos, LemmaSource* source) const {
  const std::string word = Normalize(form, xpos);
  const char pos = WordNetPos(xpos);
  // WordNet answers for lower-case words only: it folds case, and names
  // ("Americans" → "American") keep theirs through the rules.
  if (wordnet_ && pos != 0 && std::none_of(word.begin(), word.end(), IsUpper)) {
    std::string base = MorphBase(word, pos);
    if (!base.empty() && base != word) {
      if (source != nullptr) *source = LemmaSource::kWordNet;
      return base;
    }
  }
  std::string ruled = ApplyRules(word, xpos);
  if (source != nullptr) *source = ruled != word ? LemmaSource::kSuffixRule : LemmaSource::kForm;
  return ruled;
}

std::string Lemmatizer::Lemma(std::string_view form, std::string_view /*upos*/, std::string_view xpos,
                              LemmaSource* source) const {
  if (form.empty()) return {};
  auto it = dictionary_.find(Key(Lower(form), xpos));
  if (it != dictionary_.end()) {
    if (source != nullptr) *source = LemmaSource::kDictionary;
    return it->second;
  }
  return Fallback(form, xpos, source);
}

void Lemmatizer::Train(const std::vector<Sentence>& sentences) {
  const std::map<Gold, int> gold = CountGold(sentences);
  Lemmatizer next(options_);
  next.wordnet_ = options_.use_wordnet && WordNetAvailable();
  next.max_suffix_ = static_cast<uint8_t>(std::clamp(options_.max_suffix, 0, kMaxSuffix));
  next.form_modes_ = LearnFormModes(gold);
  std::set<WordType> types;
  for (const auto& [g, count] : gold) types.emplace(next.Normalize(g.form, g.xpos), g.xpos, g.lemma);
  for (const auto& [key, rw] : PruneRules(CountRules(types, next.max_suffix_, options_.min_support))) {
    next.rules_.emplace(key, Rule{static_cast<uint8_t>(rw.strip), rw.append});
  }
  next.dictionary_ = LearnDictionary(gold, [&](const std::string& form, const std::string& xpos) {
    return next.Fallback(form, xpos, nullptr);
  });
  *this = std::move(next);
}

// Layout: u32 version, u8 WordNet flag, u8 longest suffix, then three maps,
// each a u32 count and entries sorted by key (key as a u32-length string):
// form modes (u8), dictionary (lemma string), rules (u8 strip, append string).
void Lemmatizer::Save(ByteWriter& out) const {
  out.Put<uint32_t>(kFormatVersion);
  out.Put<uint8_t>(wordnet_ ? 1 : 0);
  out.Put<uint8_t>(max_suffix_);
  PutSorted(out, form_modes_, [&](uint8_t mode) { out.Put<uint8_t>(mode); });
  PutSorted(out, dictionary_, [&](const std::string& lemma) { out.PutString(lemma); });
  PutSorted(out, rules_, [&](const Rule& r) {
    out.Put<uint8_t>(r.strip);
    out.PutString(r.append);
  });
}

bool Lemmatizer::Load(ByteReader& in) {
  Lemmatizer next(options_);
  const uint32_t version = in.Get<uint32_t>();
  const uint8_t wordnet = in.Get<uint8_t>();
  next.wordnet_ = wordnet == 1;
  next.max_suffix_ = in.Get<uint8_t>();
  if (!in.ok() || version != kFormatVersion || wordnet > 1 || next.max_suffix_ > kMaxSuffix) {
    return false;
  }
  auto get_mode = [&](uint8_t* mode) {
    *mode = in.Get<uint8_t>();
    return *mode <= kNoCommas;
  };
  if (!GetSorted(in, &next.form_modes_, get_mode)) return false;
  auto get_lemma = [&](std::string* lemma) {
    *lemma = in.GetString();
    return !lemma->empty();
  };
  auto get_rule = [&](Rule* r) {
    r->strip = in.Get<uint8_t>();
    r->append = in.GetString();
    return r->strip <= next.max_suffix_;
  };
  if (!GetSorted(in, &next.dictionary_, get_lemma) || !GetSorted(in, &next.rules_, get_rule)) {
    return false;
  }
  *this = std::move(next);
  return true;
}

}  // namespace kg::syntax
