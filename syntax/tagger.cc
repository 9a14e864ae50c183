#include "syntax/tagger.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "syntax/feature_hash.h"
#include "syntax/word_shape.h"
#include "syntax/wordnet.h"

namespace kg::syntax {

namespace {

constexpr size_t kMaxFeatures = 64;
constexpr int kMaxClasses = 256;        // the perceptron stores a class in a byte
constexpr int kNone = -1;               // no tag (before the sentence start)
constexpr uint64_t kPad = 0x5bd1e995u;  // word hash outside the sentence
// Added to the template number of the left-tag features in the second pass:
// its left tags are more often right than the first pass's, so they earn
// their own weights.
constexpr uint32_t kSecondPass = 100;

std::string ClassName(const Word& w) { return w.upos + "\t" + w.xpos; }

// The WordNet classes of a word as bits (noun 1, verb 2, adjective 4, adverb
// 8): they tell the classes of words the training data never saw, which the
// affixes only guess.
uint64_t WordNetClasses(const std::string& lower) {
  WordInfo info = LookupWord(lower);
  return (info.noun ? 1u : 0u) | (info.verb ? 2u : 0u) | (info.adj ? 4u : 0u) | (info.adv ? 8u : 0u);
}

int ArgMax(const float* scores, int n) {
  int best = 0;
  for (int c = 1; c < n; ++c)
    if (scores[c] > scores[best]) best = c;
  return best;
}

}  // namespace

struct Tagger::WordHashes {
  uint64_t norm = kPad, form = kPad, shape = kPad, amb = kPad, wordnet = kPad;
  uint64_t suf[4] = {kPad, kPad, kPad, kPad};
  uint64_t pre[3] = {kPad, kPad, kPad};
  uint64_t flags = 0;
};

void Tagger::Prepare(const std::vector<Sentence>& train) {
  std::map<std::string, std::map<int, int>> seen;
  for (const auto& s : train)
    for (const auto& w : s.words) seen[NormalizeWord(w.form)][classes_.Add(ClassName(w))]++;
  for (const auto& [word, counts] : seen) {
    int total = 0;
    for (const auto& [c, n] : counts) total += n;
    if (total < 2) continue;
    uint64_t sig = 0x51ed2701u;
    for (const auto& [c, n] : counts)
      if (n * 20 >= total) sig = Mix64(sig ^ static_cast<uint64_t>(c + 1));  // classes with ≥ 5 %
    ambiguity_[HashString(word)] = sig;
  }
  model_ = Perceptron(classes_.size());
}

void Tagger::Precompute(const Sentence& s, std::vector<WordHashes>* words) const {
  words->assign(s.words.size(), WordHashes{});
  for (size_t i = 0; i < s.words.size(); ++i) {
    const std::string& form = s.words[i].form;
    std::string norm = NormalizeWord(form);
    WordHashes& h = (*words)[i];
    h.norm = HashString(norm);
    h.form = HashString(form);
    h.shape = HashString(WordShape(form));
    auto it = ambiguity_.find(h.norm);
    h.amb = it == ambiguity_.end() ? 0 : it->second;
    h.wordnet = WordNetClasses(norm);
    for (size_t k = 0; k < 4; ++k) h.suf[k] = HashString(Suffix(norm, k + 1));
    for (size_t k = 0; k < 3; ++k) h.pre[k] = HashString(Prefix(norm, k + 1));
    bool upper = !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
    bool hyphen = form.find('-') != std::string::npos;
    bool digit = std::any_of(form.begin(), form.end(), [](char c) { return c >= '0' && c <= '9'; });
    h.flags = (upper ? 1 : 0) | (hyphen ? 2 : 0) | (digit ? 4 : 0) | (i == 0 ? 8 : 0);
  }
}

size_t Tagger::WordFeatures(const std::vector<WordHashes>& w, size_t i, uint64_t* keys) const {
  static const WordHashes kOutside;
  auto at = [&](long k) -> const WordHashes& {
    long j = static_cast<long>(i) + k;
    return (j < 0 || j >= static_cast<long>(w.size())) ? kOutside : w[static_cast<size_t>(j)];
  };
  const WordHashes &w0 = at(0), &l1 = at(-1), &l2 = at(-2), &r1 = at(1), &r2 = at(2);
  size_t n = 0;
  keys[n++] = FeatureKey(0, 0);
  keys[n++] = FeatureKey(1, w0.norm);
  keys[n++] = FeatureKey(2, w0.form);
  for (uint32_t k = 0; k < 4; ++k) keys[n++] = FeatureKey(3 + k, w0.suf[k]);
  for (uint32_t k = 0; k < 3; ++k) keys[n++] = FeatureKey(7 + k, w0.pre[k]);
  keys[n++] = FeatureKey(10, w0.shape);
  keys[n++] = FeatureKey(11, w0.flags);
  keys[n++] = FeatureKey(12, w0.amb);
  keys[n++] = FeatureKey(17, l1.norm);
  keys[n++] = FeatureKey(18, l1.suf[2]);
  keys[n++] = FeatureKey(19, l2.norm);
  keys[n++] = FeatureKey(20, r1.norm);
  keys[n++] = FeatureKey(21, r1.suf[2]);
  keys[n++] = FeatureKey(22, r2.norm);
  keys[n++] = FeatureKey(23, l1.norm, w0.norm);
  keys[n++] = FeatureKey(24, w0.norm, r1.norm);
  keys[n++] = FeatureKey(25, r1.shape);
  keys[n++] = FeatureKey(27, r1.amb);
  keys[n++] = FeatureKey(28, w0.amb, r1.amb);
  keys[n++] = FeatureKey(30, l1.amb);
  keys[n++] = FeatureKey(31, r2.amb);
  keys[n++] = FeatureKey(32, w0.flags, w0.suf[1]);
  keys[n++] = FeatureKey(33, w0.wordnet);
  keys[n++] = FeatureKey(34, r1.wordnet);
  keys[n++] = FeatureKey(35, w0.wordnet, r1.wordnet);
  // WordNet matters most for words the training data did not tag (no
  // ambiguity class).
  keys[n++] = FeatureKey(36, w0.wordnet, w0.amb == 0);
  return n;
}

size_t Tagger::TagFeatures(const std::vector<WordHashes>& w, size_t i, int prev1, int prev2,
                           const std::vector<int>* first, uint64_t* keys) const {
  const WordHashes& w0 = w[i];
  auto p1 = static_cast<uint64_t>(prev1 + 2), p2 = static_cast<uint64_t>(prev2 + 2);
  uint32_t t = first == nullptr ? 0 : kSecondPass;
  size_t n = 0;
  keys[n++] = FeatureKey(t + 13, p1);
  keys[n++] = FeatureKey(t + 14, p2);
  keys[n++] = FeatureKey(t + 15, p1, p2);
  keys[n++] = FeatureKey(t + 16, p1, w0.norm);
  keys[n++] = FeatureKey(t + 26, p1, w0.suf[2]);
  keys[n++] = FeatureKey(t + 29, p1, w0.amb);
  if (first == nullptr) return n;
  auto next = [&](size_t k) -> uint64_t {
    return i + k < w.size() ? static_cast<uint64_t>((*first)[i + k] + 2) : 1;
  };
  uint64_t n1 = next(1), n2 = next(2);
  keys[n++] = FeatureKey(40, n1);
  keys[n++] = FeatureKey(41, n2);
  keys[n++] = FeatureKey(42, n1, n2);
  keys[n++] = FeatureKey(43, p1, n1);
  keys[n++] = FeatureKey(44, w0.norm, n1);
  keys[n++] = FeatureKey(45, w0.amb, n1);
  return n;
}

void Tagger::Decode(const std::vector<WordHashes>& words, const std::vector<float>& base,
                    const std::vector<int>* first, std::vector<int>* out) const {
  int nc = classes_.size();
  uint64_t keys[kMaxFeatures];
  float scores[kMaxClasses];
  out->assign(words.size(), 0);
  int prev1 = kNone, prev2 = kNone;
  for (size_t i = 0; i < words.size(); ++i) {
    std::copy_n(base.begin() + static_cast<long>(i) * nc, nc, scores);
    model_.Score(keys, TagFeatures(words, i, prev1, prev2, first, keys), scores);
    (*out)[i] = ArgMax(scores, nc);
    prev2 = prev1;
    prev1 = (*out)[i];
  }
}

size_t Tagger::Learn(const std::vector<WordHashes>& words, const std::vector<int>* first,
                     const std::vector<int>& gold, std::vector<int>* out) {
  uint64_t keys[kMaxFeatures];
  out->assign(words.size(), 0);
  size_t right = 0;
  int prev1 = kNone, prev2 = kNone;
  for (size_t i = 0; i < words.size(); ++i) {
    size_t nw = WordFeatures(words, i, keys);
    size_t n = nw + TagFeatures(words, i, prev1, prev2, first, keys + nw);
    float scores[kMaxClasses] = {};
    model_.Score(keys, n, scores);
    int guess = ArgMax(scores, classes_.size());
    model_.Tick();
    // The word features belong to the first pass; the second only learns its
    // tag features on top of them, so tagging can score words once for both.
    size_t from = first == nullptr ? 0 : nw;
    model_.Update(keys + from, n - from, gold[i], guess);
    right += guess == gold[i];
    (*out)[i] = guess;
    prev2 = prev1;
    prev1 = guess;
  }
  return right;
}

double Tagger::TrainEpoch(const std::vector<Sentence>& train, const std::vector<size_t>& order) {
  std::vector<WordHashes> words;
  std::vector<int> gold, first, second;
  size_t right = 0, total = 0;
  for (size_t si : order) {
    const Sentence& s = train[si];
    Precompute(s, &words);
    gold.clear();
    for (const Word& w : s.words) gold.push_back(classes_.Find(ClassName(w)));
    // The second pass reads the first pass's guesses made before it learned
    // from this sentence (cheaper than jackknifing, and as accurate on dev).
    Learn(words, nullptr, gold, &first);
    right += Learn(words, &first, gold, &second);
    total += s.words.size();
  }
  return total == 0 ? 0.0 : static_cast<double>(right) / static_cast<double>(total);
}

void Tagger::TagIds(const Sentence& s, std::vector<int>* ids) const {
  std::vector<WordHashes> words;
  Precompute(s, &words);
  auto nc = static_cast<size_t>(classes_.size());
  std::vector<float> base(words.size() * nc, 0.0f);
  uint64_t keys[kMaxFeatures];
  for (size_t i = 0; i < words.size(); ++i) model_.Score(keys, WordFeatures(words, i, keys), &base[i * nc]);
  std::vector<int> first;
  Decode(words, base, nullptr, &first);
  Decode(words, base, &first, ids);
}

void Tagger::Tag(Sentence& s) const {
  std::vector<int> ids;
  TagIds(s, &ids);
  for (size_t i = 0; i < ids.size(); ++i) {
    const std::string& name = classes_.Name(ids[i]);
    size_t tab = name.find('\t');
    s.words[i].upos = name.substr(0, tab);
    s.words[i].xpos = name.substr(tab + 1);
  }
}

void Tagger::Save(ByteWriter& out) const {
  classes_.Save(out);
  std::vector<std::pair<uint64_t, uint64_t>> amb(ambiguity_.begin(), ambiguity_.end());
  std::sort(amb.begin(), amb.end());
  std::vector<uint64_t> flat;
  for (const auto& [k, v] : amb) {
    flat.push_back(k);
    flat.push_back(v);
  }
  out.PutArray(flat);
  model_.Save(out);
}

bool Tagger::Load(ByteReader& in) {
  if (!classes_.Load(in)) return false;
  auto flat = in.GetArray<uint64_t>();
  if (!in.ok() || flat.size() % 2 != 0) return false;
  ambiguity_.clear();
  for (size_t i = 0; i < flat.size(); i += 2) ambiguity_[flat[i]] = flat[i + 1];
  if (!model_.Load(in)) return false;
  for (int c = 0; c < classes_.size(); ++c)
    if (classes_.Name(c).find('\t') == std::string::npos) return false;
  return model_.num_classes() == classes_.size();
}

}  // namespace kg::syntax
