// The averaged perceptron: learning a separable problem, averaging, and the
// saved form (round trip, deterministic bytes, damage detected).
#include "syntax/perceptron.h"

#include <gtest/gtest.h>

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

TEST(Perceptron, SaveLoadRoundTripIsExact) {
  Perceptron p = TrainToy();
  ByteWriter w;
  p.Save(w);
  Perceptron q;
  ByteReader r(w.bytes());
  ASSERT_TRUE(q.Load(r));
  EXPECT_TRUE(r.at_end());
  for (int c = 0; c < 3; ++c) EXPECT_EQ(Predict(q, c), c);
  ByteWriter w2;
  q.Save(w2);
  EXPECT_EQ(w.bytes(), w2.bytes());
  ByteWriter w3;
  TrainToy().Save(w3);  // training is deterministic
  EXPECT_EQ(w.bytes(), w3.bytes());
}

TEST(Perceptron, DamagedInputIsRejected) {
  Perceptron p = TrainToy();
  ByteWriter w;
  p.Save(w);
  std::string bytes = w.bytes();
  for (size_t cut : {size_t{0}, size_t{3}, bytes.size() / 2, bytes.size() - 1}) {
    Perceptron q;
    ByteReader r(std::string_view(bytes).substr(0, cut));
    EXPECT_FALSE(q.Load(r)) << "cut at " << cut;
  }
  std::string bad = bytes;
  bad[0] = static_cast<char>(0xff);  // 255 classes... then the class count no longer matches rows
  bad[1] = static_cast<char>(0xff);
  Perceptron q;
  ByteReader r(bad);
  EXPECT_FALSE(q.Load(r));
}

}  // namespace
}  // namespace kg::syntax
