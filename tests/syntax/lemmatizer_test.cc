#include "syntax/lemmatizer.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/wordnet.h"

namespace kg::syntax {
namespace {

struct GoldWord {
  const char* form;
  const char* lemma;
  const char* upos;
  const char* xpos;
};

Sentence MakeSentence(const std::vector<GoldWord>& words) {
  Sentence s;
  for (const GoldWord& g : words) {
    Word w;
    w.form = g.form;
    w.lemma = g.lemma;
    w.upos = g.upos;
    w.xpos = g.xpos;
    s.words.push_back(w);
  }
  return s;
}

// A few EWT-style sentences: irregular words for the dictionary, regular
// inflections (three or more per suffix) for the rules.
std::vector<Sentence> TinyTreebank() {
  return {
      MakeSentence({{"I", "I", "PRON", "PRP"},
                    {"did", "do", "AUX", "VBD"},
                    {"n't", "not", "PART", "RB"},
                    {"like", "like", "VERB", "VB"},
                    {"Microsoft", "Microsoft", "PROPN", "NNP"},
                    {"'s", "'s", "PART", "POS"},
                    {"books", "book", "NOUN", "NNS"}}),
      MakeSentence({{"The", "the", "DET", "DT"},
                    {"cats", "cat", "NOUN", "NNS"},
                    {"walked", "walk", "VERB", "VBD"},
                    {"and", "and", "CCONJ", "CC"},
                    {"jumped", "jump", "VERB", "VBD"},
                    {"over", "over", "ADP", "IN"},
                    {"dogs", "dog", "NOUN", "NNS"}}),
      MakeSentence({{"She", "she", "PRON", "PRP"},
                    {"was", "be", "AUX", "VBD"},
                    {"talking", "talk", "VERB", "VBG"},
                    {"and", "and", "CCONJ", "CC"},
                    {"played", "play", "VERB", "VBD"},
                    {"with", "with", "ADP", "IN"},
                    {"Americans", "American", "PROPN", "NNPS"}}),
      MakeSentence({{"We", "we", "PRON", "PRP"},
                    {"went", "go", "VERB", "VBD"},
                    {"walking", "walk", "VERB", "VBG"},
                    {"and", "and", "CCONJ", "CC"},
                    {"talked", "talk", "VERB", "VBD"},
                    {"about", "about", "ADP", "IN"},
                    {"Canadians", "Canadian", "PROPN", "NNPS"},
                    {"jumping", "jump", "VERB", "VBG"},
                    {"Germans", "German", "PROPN", "NNPS"}}),
  };
}

Lemmatizer TrainTiny(bool use_wordnet) {
  LemmatizerOptions options;
  options.use_wordnet = use_wordnet;
  Lemmatizer lemmatizer(options);
  lemmatizer.Train(TinyTreebank());
  return lemmatizer;
}

TEST(LemmatizerTest, UntrainedLowerCasesCommonWordsAndKeepsNames) {
  Lemmatizer lemmatizer;
  EXPECT_EQ(lemmatizer.Lemma("Tables", "NOUN", "NNS"), "tables");
  EXPECT_EQ(lemmatizer.Lemma("Microsoft", "PROPN", "NNP"), "Microsoft");
  EXPECT_EQ(lemmatizer.Lemma("", "NOUN", "NN"), "");
}

TEST(LemmatizerTest, DictionaryKeepsTreebankConventions) {
  const Lemmatizer lemmatizer = TrainTiny(/*use_wordnet=*/false);
  LemmaSource source = LemmaSource::kForm;
  EXPECT_EQ(lemmatizer.Lemma("n't", "PART", "RB", &source), "not");
  EXPECT_EQ(source, LemmaSource::kDictionary);
  EXPECT_EQ(lemmatizer.Lemma("I", "PRON", "PRP"), "I");
  EXPECT_EQ(lemmatizer.Lemma("'s", "PART", "POS"), "'s");
  EXPECT_EQ(lemmatizer.Lemma("went", "VERB", "VBD"), "go");
  EXPECT_EQ(lemmatizer.Lemma("Was", "AUX", "VBD"), "be");  // keys are lower-cased
  EXPECT_EQ(lemmatizer.Lemma("The", "DET", "DT"), "the");
  EXPECT_EQ(lemmatizer.Lemma("Microsoft", "PROPN", "NNP"), "Microsoft");
  // Words the rules already get right are not stored.
  EXPECT_EQ(lemmatizer.Lemma("walked", "VERB", "VBD", &source), "walk");
  EXPECT_NE(source, LemmaSource::kDictionary);
  EXPECT_LT(lemmatizer.dictionary_size(), 10u);
}

TEST(LemmatizerTest, SuffixRulesLemmatizeUnseenWords) {
  const Lemmatizer lemmatizer = TrainTiny(/*use_wordnet=*/false);
  EXPECT_GT(lemmatizer.rule_count(), 0u);
  LemmaSource source = LemmaSource::kForm;
  EXPECT_EQ(lemmatizer.Lemma("cooked", "VERB", "VBD", &source), "cook");
  EXPECT_EQ(source, LemmaSource::kSuffixRule);
  EXPECT_EQ(lemmatizer.Lemma("Cooked", "VERB", "VBD"), "cook");
  EXPECT_EQ(lemmatizer.Lemma("reading", "VERB", "VBG"), "read");
  EXPECT_EQ(lemmatizer.Lemma("tables", "NOUN", "NNS"), "table");
  EXPECT_EQ(lemmatizer.Lemma("Mexicans", "PROPN", "NNPS"), "Mexican");
  // No rule: the case-normalized form.
  EXPECT_EQ(lemmatizer.Lemma("Table", "NOUN", "NN", &source), "table");
  EXPECT_EQ(source, LemmaSource::kForm);
  EXPECT_EQ(lemmatizer.Lemma("Zorblax", "PROPN", "NNP"), "Zorblax");
}

TEST(LemmatizerTest, WordNetAnswersIrregularInflections) {
  if (!WordNetAvailable()) GTEST_SKIP() << "WordNet database not installed";
  const Lemmatizer lemmatizer = TrainTiny(/*use_wordnet=*/true);
  LemmaSource source = LemmaSource::kForm;
  EXPECT_EQ(lemmatizer.Lemma("fled", "VERB", "VBD", &source), "flee");
  EXPECT_EQ(source, LemmaSource::kWordNet);
  EXPECT_EQ(lemmatizer.Lemma("hottest", "ADJ", "JJS"), "hot");
  EXPECT_EQ(lemmatizer.Lemma("went", "VERB", "VBD"), "go");
  EXPECT_EQ(MorphBase("fled", 'v'), "flee");
  EXPECT_EQ(MorphBase("run", 'v'), "");
  EXPECT_EQ(MorphBase("fled", 'x'), "");
}

std::string Bytes(const Lemmatizer& lemmatizer) {
  ByteWriter out;
  lemmatizer.Save(out);
  return out.Take();
}

constexpr std::array<std::array<const char*, 3>, 8> kProbes = {{{"I", "PRON", "PRP"},
                                                                {"n't", "PART", "RB"},
                                                                {"went", "VERB", "VBD"},
                                                                {"cooked", "VERB", "VBD"},
                                                                {"fled", "VERB", "VBD"},
                                                                {"Mexicans", "PROPN", "NNPS"},
                                                                {"Table", "NOUN", "NN"},
                                                                {"tables", "NOUN", "NNS"}}};

TEST(LemmatizerTest, SaveLoadRoundTripIsExact) {
  for (bool use_wordnet : {false, true}) {
    const Lemmatizer trained = TrainTiny(use_wordnet);
    const std::string bytes = Bytes(trained);
    EXPECT_EQ(Bytes(TrainTiny(use_wordnet)), bytes);  // training is deterministic
    Lemmatizer loaded;
    ByteReader in(bytes);
    ASSERT_TRUE(loaded.Load(in));
    EXPECT_TRUE(in.at_end());
    EXPECT_EQ(Bytes(loaded), bytes);
    EXPECT_EQ(loaded.dictionary_size(), trained.dictionary_size());
    EXPECT_EQ(loaded.rule_count(), trained.rule_count());
    for (const auto& [form, upos, xpos] : kProbes) {
      EXPECT_EQ(loaded.Lemma(form, upos, xpos), trained.Lemma(form, upos, xpos)) << form;
    }
  }
}

TEST(LemmatizerTest, LoadRejectsTruncatedOrDamagedData) {
  const std::string bytes = Bytes(TrainTiny(/*use_wordnet=*/false));
  Lemmatizer lemmatizer = TrainTiny(/*use_wordnet=*/false);
  for (size_t n = 0; n < bytes.size(); ++n) {
    ByteReader in(std::string_view(bytes).substr(0, n));
    EXPECT_FALSE(lemmatizer.Load(in)) << "truncated to " << n << " bytes";
  }
  std::string bad_version = bytes;
  bad_version[0] = 7;
  ByteReader in_version(bad_version);
  EXPECT_FALSE(lemmatizer.Load(in_version));
  std::string bad_wordnet_flag = bytes;
  bad_wordnet_flag[4] = 9;
  ByteReader in_flag(bad_wordnet_flag);
  EXPECT_FALSE(lemmatizer.Load(in_flag));
  // A failed load leaves the model as it was.
  EXPECT_EQ(Bytes(lemmatizer), bytes);
  EXPECT_EQ(lemmatizer.Lemma("n't", "PART", "RB"), "not");
}

TEST(LemmatizerTest, ConcurrentLemmaCallsAgree) {
  const Lemmatizer lemmatizer = TrainTiny(/*use_wordnet=*/true);
  std::vector<std::string> expected;
  for (const auto& [form, upos, xpos] : kProbes) expected.push_back(lemmatizer.Lemma(form, upos, xpos));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        for (size_t i = 0; i < kProbes.size(); ++i) {
          const auto& [form, upos, xpos] = kProbes[i];
          if (lemmatizer.Lemma(form, upos, xpos) != expected[i]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

bool ReadTreebank(const std::string& path, std::vector<Sentence>* sentences) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  std::stringstream text;
  text << file.rdbuf();
  auto parsed = ReadConllu(text.str(), nullptr);
  if (!parsed.ok()) return false;
  *sentences = std::move(parsed).value();
  return true;
}

// Lemma accuracy on EWT dev with gold tags, over all words (a "_" lemma is
// read as "" and counts as a miss).
TEST(LemmatizerTest, EwtDevAccuracyWithGoldTags) {
  std::vector<Sentence> train, dev;
  if (!ReadTreebank(KG_UD_DIR "/en_ewt-ud-train.conllu", &train) ||
      !ReadTreebank(KG_UD_DIR "/en_ewt-ud-dev.conllu", &dev)) {
    GTEST_SKIP() << "UD English EWT not found in " KG_UD_DIR;
  }
  Lemmatizer lemmatizer;
  lemmatizer.Train(train);
  std::array<int, 4> used{}, right{};
  int total = 0;
  for (const Sentence& s : dev) {
    for (const Word& w : s.words) {
      LemmaSource source = LemmaSource::kForm;
      const bool ok = lemmatizer.Lemma(w.form, w.upos, w.xpos, &source) == w.lemma;
      ++used[static_cast<int>(source)];
      right[static_cast<int>(source)] += ok ? 1 : 0;
      ++total;
    }
  }
  const int correct = right[0] + right[1] + right[2] + right[3];
  const double accuracy = static_cast<double>(correct) / total;
  const char* names[] = {"dictionary", "wordnet", "suffix rule", "form"};
  std::printf("EWT dev lemma accuracy (gold tags): %.4f (%d/%d); %zu dictionary entries, %zu rules\n",
              accuracy, correct, total, lemmatizer.dictionary_size(), lemmatizer.rule_count());
  for (int i = 0; i < 4; ++i) {
    std::printf("  %-11s %6d words, %6d right\n", names[i], used[i], right[i]);
  }
  EXPECT_GE(accuracy, 0.96);
}

}  // namespace
}  // namespace kg::syntax
