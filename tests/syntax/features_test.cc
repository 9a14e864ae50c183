// Feature extraction: keys are stable (the model file depends on them), a
// state's keys change when what they describe changes, and a missing
// position is a value of its own rather than a crash.
#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "syntax/feature_hash.h"
#include "syntax/parser_features.h"
#include "syntax/word_shape.h"

namespace kg::syntax {
namespace {

Sentence Words(std::initializer_list<const char*> forms) {
  Sentence s;
  for (const char* f : forms) s.words.push_back(Word{.form = f});
  return s;
}

TEST(FeatureHash, StableAcrossRuns) {
  // Saved models hold these keys: changing the hash breaks every model file.
  EXPECT_EQ(HashString(""), Mix64(0xcbf29ce484222325ULL));
  EXPECT_EQ(FeatureKey(3, 7, 9), FeatureKey(3, 7, 9));
  EXPECT_NE(FeatureKey(3, 7, 9), FeatureKey(3, 9, 7));
  EXPECT_NE(FeatureKey(3, 7), FeatureKey(4, 7));
  EXPECT_NE(FeatureKey(0, 0), 0u);  // 0 marks an empty table slot
}

TEST(WordShape, NormalizesAndShapes) {
  EXPECT_EQ(NormalizeWord("$2.9B"), "$0.0b");
  EXPECT_EQ(NormalizeWord("Microsoft"), "microsoft");
  EXPECT_EQ(WordShape("McDonald"), "XxXxx");
  EXPECT_EQ(WordShape("2,500"), "d,dd");
  EXPECT_EQ(WordShape("U.S."), "X.X.");
  EXPECT_EQ(Suffix("investing", 3), "ing");
  EXPECT_EQ(Suffix("a", 3), "a");
}

TEST(ParserFeatures, InitialStateHasAFixedNumberOfDistinctKeys) {
  Sentence s = Words({"Kim", "saw", "the", "dog", "."});
  ParserInput in = MakeParserInput(s, {1, 2, 3, 4, 5});
  ParseState st(5);
  uint64_t keys[kMaxParserFeatures];
  size_t n = ParserFeatures(st, in, keys);  // empty stack: the span features are absent
  ArcEager sys(3, 0);
  st.Apply(sys, 0);  // SHIFT: now S0 = Kim, N0 = saw
  uint64_t keys2[kMaxParserFeatures];
  size_t n2 = ParserFeatures(st, in, keys2);
  EXPECT_GT(n2, n);
  EXPECT_LE(n2, kMaxParserFeatures);
  std::set<uint64_t> distinct(keys2, keys2 + n2);
  EXPECT_EQ(distinct.size(), n2);  // one key per template
}

TEST(ParserFeatures, KeysFollowWordsAndTags) {
  ArcEager sys(3, 0);
  auto keys_of = [&](const Sentence& s, std::vector<int> tags) {
    ParserInput in = MakeParserInput(s, tags);
    ParseState st(static_cast<int>(s.words.size()));
    st.Apply(sys, 0);
    uint64_t k[kMaxParserFeatures];
    size_t n = ParserFeatures(st, in, k);
    return std::vector<uint64_t>(k, k + n);
  };
  auto base = keys_of(Words({"Kim", "saw", "the", "dog"}), {1, 2, 3, 4});
  EXPECT_EQ(base, keys_of(Words({"Kim", "saw", "the", "dog"}), {1, 2, 3, 4}));
  EXPECT_EQ(base, keys_of(Words({"KIM", "saw", "the", "dog"}), {1, 2, 3, 4}));  // normalized form
  auto other_word = keys_of(Words({"Lee", "saw", "the", "dog"}), {1, 2, 3, 4});
  auto other_tag = keys_of(Words({"Kim", "saw", "the", "dog"}), {1, 7, 3, 4});
  EXPECT_NE(base, other_word);
  EXPECT_NE(base, other_tag);
  // Most templates do not read S0's word: only some keys change.
  size_t same = 0;
  for (size_t i = 0; i < base.size() && i < other_word.size(); ++i) same += base[i] == other_word[i];
  EXPECT_GT(same, base.size() / 3);
}

}  // namespace
}  // namespace kg::syntax
