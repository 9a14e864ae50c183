// A small training run on the shared treebank (a few hundred sentences), and
// the model file around it: the trained model must beat trivial baselines by
// far, save and load exactly, and reject damaged or foreign files.
#include <chrono>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "syntax/conllu.h"
#include "syntax/evaluate.h"
#include "syntax/model.h"
#include "syntax/trainer.h"

namespace kg::syntax {
namespace {

std::vector<Sentence> ReadSome(const char* path, size_t limit) {
  std::ifstream in(path);
  if (!in) return {};
  std::stringstream ss;
  ss << in.rdbuf();
  auto r = ReadConllu(ss.str(), nullptr);
  if (!r.ok()) return {};
  auto v = std::move(r).value();
  if (v.size() > limit) v.resize(limit);
  return v;
}

class SmallTraining : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    train_ = new std::vector<Sentence>(ReadSome(KG_UD_DIR "/en_ewt-ud-train.conllu", 400));
    dev_ = new std::vector<Sentence>(ReadSome(KG_UD_DIR "/en_ewt-ud-dev.conllu", 200));
    if (train_->empty() || dev_->empty()) return;
    TrainOptions o;
    o.tagger_epochs = 3;
    o.parser_epochs = 3;
    o.jackknife_folds = 2;
    auto m = TrainModel(*train_, {}, o);
    if (m.ok()) model_ = new Model(std::move(m).value());
  }
  static void TearDownTestSuite() {
    delete train_;
    delete dev_;
    delete model_;
  }
  void SetUp() override {
    if (train_->empty()) GTEST_SKIP() << "treebank not found in " KG_UD_DIR;
    ASSERT_NE(model_, nullptr);
  }
  static Scores Score(const Model& m) {
    Scores sc;
    for (const Sentence& g : *dev_) {
      Sentence s = g;
      m.Annotate(s);
      Accumulate(g, s, &sc);
    }
    return sc;
  }
  static std::vector<Sentence>* train_;
  static std::vector<Sentence>* dev_;
  static Model* model_;
};
std::vector<Sentence>* SmallTraining::train_ = nullptr;
std::vector<Sentence>* SmallTraining::dev_ = nullptr;
Model* SmallTraining::model_ = nullptr;

TEST_F(SmallTraining, BeatsTrivialBaselinesByFar) {
  Scores sc = Score(*model_);
  // Baseline: every word's head is the next word (the last word is the root).
  size_t next_word = 0, words = 0;
  for (const Sentence& g : *dev_) {
    for (size_t i = 0; i < g.words.size(); ++i) {
      int guess = i + 1 < g.words.size() ? static_cast<int>(i) + 2 : 0;
      next_word += g.words[i].head == guess;
      ++words;
    }
  }
  double baseline = 100.0 * static_cast<double>(next_word) / static_cast<double>(words);
  EXPECT_GT(sc.Percent(sc.upos), 80.0);
  EXPECT_GT(sc.Percent(sc.uas), baseline + 20.0) << "baseline " << baseline;
  EXPECT_GT(sc.Percent(sc.las), 45.0);
  EXPECT_GT(sc.Percent(sc.lemma), 80.0);
}

TEST_F(SmallTraining, EveryWordGetsOneTreeWithOneRoot) {
  for (const Sentence& g : *dev_) {
    Sentence s = g;
    model_->Annotate(s);
    int roots = 0;
    const int n = static_cast<int>(s.words.size());
    for (int i = 0; i < n; ++i) {
      const Word& w = s.words[static_cast<size_t>(i)];
      ASSERT_GE(w.head, 0);
      ASSERT_LE(w.head, n);
      ASSERT_FALSE(w.deprel.empty());
      ASSERT_FALSE(w.upos.empty());
      roots += w.head == 0;
      // No cycles: following heads reaches the root within n steps.
      int h = i + 1, steps = 0;
      while (h != 0 && steps <= n) h = s.words[static_cast<size_t>(h - 1)].head, ++steps;
      ASSERT_EQ(h, 0) << "cycle at word " << i;
    }
    EXPECT_EQ(roots, 1);
  }
}

TEST_F(SmallTraining, SaveLoadRoundTrip) {
  std::string bytes = model_->Serialize(1);
  auto loaded = Model::Deserialize(bytes, "memory");
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(loaded.value().Serialize(1), bytes);
  Scores a = Score(*model_), b = Score(loaded.value());
  EXPECT_EQ(a.uas, b.uas);
  EXPECT_EQ(a.las_full, b.las_full);
  EXPECT_EQ(a.xpos, b.xpos);
  EXPECT_EQ(a.lemma, b.lemma);
}

TEST_F(SmallTraining, TrainingIsDeterministic) {
  TrainOptions o;
  o.tagger_epochs = 1;
  o.parser_epochs = 1;
  o.jackknife_folds = 0;
  o.beam_width = 1;  // the greedy path (dynamic oracle, exploration); the fixture trains a beam
  std::vector<Sentence> part(train_->begin(), train_->begin() + 100);
  auto a = TrainModel(part, {}, o), b = TrainModel(part, {}, o);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a.value().Serialize(1), b.value().Serialize(1));
}

TEST_F(SmallTraining, DamagedAndForeignFilesAreRejected) {
  std::string bytes = model_->Serialize(1);
  std::string bad_magic = bytes;
  bad_magic[0] = 'X';
  auto r1 = Model::Deserialize(bad_magic, "m.kgm");
  ASSERT_FALSE(r1.ok());
  EXPECT_NE(r1.status().message().find("m.kgm"), std::string::npos);
  std::string newer = bytes;
  newer[8] = 99;  // format version
  auto r2 = Model::Deserialize(newer, "m.kgm");
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.status().code(), Status::Code::kNotSupported);
  std::string flipped = bytes;
  flipped[bytes.size() / 2] = static_cast<char>(flipped[bytes.size() / 2] ^ 0x5a);
  EXPECT_FALSE(Model::Deserialize(flipped, "m.kgm").ok());
  EXPECT_FALSE(Model::Deserialize(bytes.substr(0, bytes.size() - 10), "m.kgm").ok());
  EXPECT_FALSE(Model::Deserialize("", "m.kgm").ok());
  auto missing = Model::LoadFile("/nonexistent/dir/en.kgm");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("/nonexistent/dir/en.kgm"), std::string::npos);
}

TEST_F(SmallTraining, LongAndOddSentencesAreBounded) {
  Sentence empty;
  model_->Annotate(empty);  // no words: nothing to do, no crash
  Sentence longest;
  for (int i = 0; i < 5000; ++i) longest.words.push_back(Word{.form = i % 7 == 6 ? "," : "word"});
  auto start = std::chrono::steady_clock::now();
  model_->Annotate(longest);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(secs, 30.0);  // linear: ~10,000 transitions (sanitizer builds are slow)
  int roots = 0;
  for (const Word& w : longest.words) roots += w.head == 0;
  EXPECT_EQ(roots, 1);
  Sentence foreign;
  for (const char* f : {"Der", "Präsident", "hat", "日本", "\xF0\x9F\x98\x80", "."})
    foreign.words.push_back(Word{.form = f});
  model_->Annotate(foreign);
  for (const Word& w : foreign.words) EXPECT_FALSE(w.deprel.empty());
}

}  // namespace
}  // namespace kg::syntax
