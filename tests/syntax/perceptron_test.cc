// The averaged perceptron: learning a separable problem, averaging, and the
// saved form (round trip, deterministic bytes, damage detected).
#include "syntax/perceptron.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "syntax/feature_hash.h"

namespace kg::syntax {
namespace {

// Class = which of three marker features is present.
Perceptron TrainToy() {
  Perceptron p(3);
  for (int epoch = 0; epoch < 5; ++epoch) {
    for (int c = 0; c < 3; ++c) {
      uint64_t keys[2] = {FeatureKey(1, static_cast<uint64_t>(c)), FeatureKey(0, 0)};
      float scores[3] = {};
      p.Score(keys, 2, scores);
      int guess = 0;
      for (int k = 1; k < 3; ++k)
        if (scores[k] > scores[guess]) guess = k;
      p.Tick();
      p.Update(keys, 2, c, guess);
    }
  }
  p.Average();
  return p;
}

int Predict(const Perceptron& p, int c) {
  uint64_t keys[2] = {FeatureKey(1, static_cast<uint64_t>(c)), FeatureKey(0, 0)};
  float scores[3] = {};
  p.Score(keys, 2, scores);
  int best = 0;
  for (int k = 1; k < 3; ++k)
    if (scores[k] > scores[best]) best = k;
  return best;
}

TEST(Perceptron, LearnsSeparableClasses) {
  Perceptron p = TrainToy();
  EXPECT_TRUE(p.averaged());
  for (int c = 0; c < 3; ++c) EXPECT_EQ(Predict(p, c), c);
}

TEST(Perceptron, UnknownFeaturesScoreNothing) {
  Perceptron p = TrainToy();
  uint64_t key = FeatureKey(99, 12345);
  float scores[3] = {};
  p.Score(&key, 1, scores);
  EXPECT_EQ(scores[0], 0.0f);
  EXPECT_EQ(scores[1], 0.0f);
}

bool Load(const std::string& bytes, const std::vector<std::string>& blobs, Perceptron* p) {
  BlobList source(blobs);
  ByteReader r(bytes, &source);
  return p->Load(r) && r.at_end();
}

TEST(Perceptron, SaveLoadRoundTripIsExact) {
  Perceptron p = TrainToy();
  ByteWriter w;
  p.Save(w);
  Perceptron q;
  ASSERT_TRUE(Load(w.bytes(), w.blobs(), &q));
  for (int c = 0; c < 3; ++c) EXPECT_EQ(Predict(q, c), c);
  ByteWriter w2;
  q.Save(w2);
  EXPECT_EQ(w.bytes(), w2.bytes());
  EXPECT_EQ(w.blobs(), w2.blobs());
  ByteWriter w3;
  TrainToy().Save(w3);  // training is deterministic
  EXPECT_EQ(w.bytes(), w3.bytes());
  EXPECT_EQ(w.blobs(), w3.blobs());
}

TEST(Perceptron, DamagedInputIsRejected) {
  Perceptron p = TrainToy();
  ByteWriter w;
  p.Save(w);
  const std::string bytes = w.bytes();
  for (size_t cut : {size_t{0}, size_t{3}, bytes.size() / 2, bytes.size() - 1}) {
    Perceptron q;
    EXPECT_FALSE(Load(bytes.substr(0, cut), w.blobs(), &q)) << "cut at " << cut;
  }
  std::string bad = bytes;
  bad[0] = static_cast<char>(0xff);  // 65535 classes: more than a class byte holds
  bad[1] = static_cast<char>(0xff);
  Perceptron q;
  EXPECT_FALSE(Load(bad, w.blobs(), &q));
  std::vector<std::string> blobs = w.blobs();
  ASSERT_EQ(blobs.size(), 3u);  // keys, counts, entries
  blobs[0].pop_back();
  EXPECT_FALSE(Load(bytes, blobs, &q)) << "a truncated blob";
  blobs = w.blobs();
  std::fill(blobs[0].begin() + 8, blobs[0].begin() + 16, '\0');  // keys are differences: key 1 = key 0
  EXPECT_FALSE(Load(bytes, blobs, &q)) << "a key twice";
  blobs = w.blobs();
  std::fill(blobs[0].begin() + 8, blobs[0].begin() + 16, '\xff');  // key 1 = key 0 - 1 (wrapped)
  EXPECT_FALSE(Load(bytes, blobs, &q)) << "keys out of order";
  blobs = w.blobs();
  blobs[1][0] = static_cast<char>(blobs[1][0] + 1);  // one entry more than there are
  EXPECT_FALSE(Load(bytes, blobs, &q)) << "counts that do not add up";
  EXPECT_FALSE(Load(bytes, {}, &q)) << "no blobs";
}

// `n` features, each voting for class i % 3 with a weight that grows with i;
// `top` puts their keys at the very top of the key range, where their home
// slots are the last ones and rows spill past them.
Perceptron Wide(size_t n, bool top) {
  Perceptron p(3);
  for (size_t i = 0; i < n; ++i) {
    const uint64_t key = top ? ~uint64_t{0} - 7 * i : FeatureKey(5, i);
    for (size_t k = 0; k <= i % 5; ++k) {
      p.Tick();
      p.Update(&key, 1, static_cast<int>(i % 3), static_cast<int>((i + 1) % 3));
    }
  }
  p.Average();
  return p;
}

void ExpectEveryFeatureFound(const Perceptron& p, size_t n, bool top) {
  for (size_t i = 0; i < n; ++i) {
    const uint64_t key = top ? ~uint64_t{0} - 7 * i : FeatureKey(5, i);
    float scores[3] = {};
    p.Score(&key, 1, scores);
    ASSERT_GT(scores[i % 3], 0.0f) << "feature " << i;
    ASSERT_LT(scores[(i + 1) % 3], 0.0f) << "feature " << i;
    const uint64_t absent = top ? key - 3 : FeatureKey(6, i);
    float none[3] = {};
    p.Score(&absent, 1, none);
    ASSERT_EQ(none[0] + none[1] + none[2], 0.0f) << "absent " << i;
  }
}

TEST(Perceptron, TableFindsEveryRowAndNothingElse) {
  for (bool top : {false, true}) {
    const size_t n = top ? 3000 : 20000;  // crowded keys probe long runs
    Perceptron p = Wide(n, top);
    EXPECT_EQ(p.num_features(), n);
    ExpectEveryFeatureFound(p, n, top);
    ByteWriter w;
    p.Save(w);
    Perceptron q;
    ASSERT_TRUE(Load(w.bytes(), w.blobs(), &q));
    ExpectEveryFeatureFound(q, n, top);
    q.Prune(0.5f);  // drops the lighter half: the rest must still be found
    EXPECT_LT(q.num_features(), n);
    EXPECT_GT(q.num_features(), 0u);
  }
}

}  // namespace
}  // namespace kg::syntax
