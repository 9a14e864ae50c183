#include "syntax/parser_features.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "syntax/feature_hash.h"
#include "syntax/word_shape.h"

namespace kg::syntax {

namespace {

constexpr uint64_t kNoWord = 0x2545f4914f6cdd1dULL;  // position outside the configuration
constexpr uint64_t kRootWord = 0x9e3779b97f4a7c15ULL;

// Distances beyond a few words matter only as "far"; buckets keep the
// templates that combine distance with words from spreading thin.
uint64_t DistanceBucket(int d) {
  if (d <= 4) return static_cast<uint64_t>(d);
  if (d <= 7) return 5;
  if (d <= 12) return 6;
  return 7;
}

// Whether a word is made of punctuation only (",", "--", "...").
bool IsPunctuation(const std::string& form) {
  if (form.empty()) return false;
  for (unsigned char c : form)
    if (std::isalnum(c) || c >= 0x80) return false;
  return true;
}

struct Position {
  uint64_t w, p;
  uint64_t l;  // label + 2 (1: none, 0: position missing)
};

}  // namespace

ParserInput MakeParserInput(const Sentence& s, const std::vector<int>& tags) {
  ParserInput in;
  size_t n = s.words.size();
  in.word.resize(n + 1);
  in.tag.resize(n + 1);
  in.suffix.resize(n + 1);
  in.punct_before.assign(n + 2, 0);
  for (size_t i = 0; i < n; ++i) {
    std::string norm = NormalizeWord(s.words[i].form);
    in.word[i] = HashString(norm);
    in.suffix[i] = HashString(Suffix(norm, 3));
    in.tag[i] = static_cast<uint64_t>(tags[i]) + 1;
    in.punct_before[i + 1] = in.punct_before[i] + (IsPunctuation(s.words[i].form) ? 1 : 0);
  }
  in.word[n] = kRootWord;
  in.tag[n] = 0xffff;
  in.suffix[n] = kRootWord;
  in.punct_before[n + 1] = in.punct_before[n];
  return in;
}

size_t ParserFeatures(const ParseState& st, const ParserInput& in, uint64_t* keys) {
  auto pos = [&](int x) -> Position {
    if (x < 0) return {kNoWord, 0, 0};
    auto i = static_cast<size_t>(x);
    return {in.word[i], in.tag[i], static_cast<uint64_t>(st.Label(x) + 2)};
  };
  const int s0i = st.Stack(0), n0i = st.Buffer(0);
  const Position s0 = pos(s0i), n0 = pos(n0i), n1 = pos(st.Buffer(1)), n2 = pos(st.Buffer(2));
  const Position s0h = pos(st.Head(s0i)), s0h2 = pos(st.Head(st.Head(s0i)));
  const Position s0l = pos(st.LeftDep(s0i, 0)), s0l2 = pos(st.LeftDep(s0i, 1));
  const Position s0r = pos(st.RightDep(s0i, 0)), s0r2 = pos(st.RightDep(s0i, 1));
  const Position n0l = pos(st.LeftDep(n0i, 0)), n0l2 = pos(st.LeftDep(n0i, 1));
  const Position s1 = pos(st.Stack(1));
  uint64_t d = s0i >= 0 && n0i >= 0 ? DistanceBucket(n0i - s0i) : 15;
  auto vl = [&](int x) { return static_cast<uint64_t>(st.LeftCount(x)); };
  auto vr = [&](int x) { return static_cast<uint64_t>(st.RightCount(x)); };
  size_t n = 0;
  uint32_t t = 0;
  auto f = [&](uint64_t a, uint64_t b = 0, uint64_t c = 0) { keys[n++] = FeatureKey(t++, a, b, c); };
  // Single words.
  f(s0.w, s0.p);
  f(s0.w);
  f(s0.p);
  f(n0.w, n0.p);
  f(n0.w);
  f(n0.p);
  f(n1.w, n1.p);
  f(n1.w);
  f(n1.p);
  f(n2.w, n2.p);
  f(n2.w);
  f(n2.p);
  // Word pairs.
  f(s0.w, s0.p, n0.w ^ (n0.p << 1));
  f(s0.w, s0.p, n0.w);
  f(s0.w, n0.w, n0.p);
  f(s0.w, s0.p, n0.p);
  f(s0.p, n0.w, n0.p);
  f(s0.w, n0.w);
  f(s0.p, n0.p);
  f(n0.p, n1.p);
  // Three tags.
  f(n0.p, n1.p, n2.p);
  f(s0.p, n0.p, n1.p);
  f(s0h.p, s0.p, n0.p);
  f(s0.p, s0l.p, n0.p);
  f(s0.p, s0r.p, n0.p);
  f(s0.p, n0.p, n0l.p);
  // Distance.
  f(s0.w, d);
  f(s0.p, d);
  f(n0.w, d);
  f(n0.p, d);
  f(s0.w, n0.w, d);
  f(s0.p, n0.p, d);
  // Valency.
  f(s0.w, vr(s0i));
  f(s0.p, vr(s0i));
  f(s0.w, vl(s0i));
  f(s0.p, vl(s0i));
  f(n0.w, vl(n0i));
  f(n0.p, vl(n0i));
  // Second-order unigrams.
  f(s0h.w);
  f(s0h.p);
  f(s0.l);
  f(s0l.w);
  f(s0l.p);
  f(s0l.l);
  f(s0r.w);
  f(s0r.p);
  f(s0r.l);
  f(n0l.w);
  f(n0l.p);
  f(n0l.l);
  // Third order.
  f(s0h2.w);
  f(s0h2.p);
  f(s0h.l);
  f(s0l2.w);
  f(s0l2.p);
  f(s0l2.l);
  f(s0r2.w);
  f(s0r2.p);
  f(s0r2.l);
  f(n0l2.w);
  f(n0l2.p);
  f(n0l2.l);
  f(s0.p, s0l.p, s0l2.p);
  f(s0.p, s0r.p, s0r2.p);
  f(s0.p, s0h.p, s0h2.p);
  f(n0.p, n0l.p, n0l2.p);
  // Label sets.
  f(s0.w, st.RightLabels(s0i));
  f(s0.p, st.RightLabels(s0i));
  f(s0.w, st.LeftLabels(s0i));
  f(s0.p, st.LeftLabels(s0i));
  f(n0.w, st.LeftLabels(n0i));
  f(n0.p, st.LeftLabels(n0i));
  // Beyond Zhang & Nivre: the word below the stack top, and whether the stack
  // top already has its head (which decides between REDUCE and LEFT).
  f(s1.p, s0.p, n0.p);
  f(s1.w, s0.p);
  f(static_cast<uint64_t>(st.Head(s0i) >= 0), s0.p, n0.p);
  // Unseen words: suffixes; long attachments: punctuation between the two
  // candidates and the words right inside their span.
  auto at = [&](int x) { return x < 0 ? kNoWord : in.suffix[static_cast<size_t>(x)]; };
  f(at(s0i), s0.p);
  f(at(n0i), n0.p);
  if (s0i >= 0 && n0i >= 0) {
    int punct = in.punct_before[static_cast<size_t>(n0i)] - in.punct_before[static_cast<size_t>(s0i) + 1];
    auto pb = static_cast<uint64_t>(std::min(punct, 3));
    f(pb, s0.p, n0.p);
    f(in.tag[static_cast<size_t>(s0i) + 1], s0.p, n0.p);
    f(in.tag[static_cast<size_t>(n0i) - (n0i > s0i + 1 ? 1 : 0)], s0.p, n0.p);
  }
  return n;
}

}  // namespace kg::syntax
