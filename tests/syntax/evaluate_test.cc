#include "syntax/evaluate.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "syntax/conllu.h"

namespace kg::syntax {
namespace {

std::vector<Sentence> Read(std::string_view text) {
  Result<std::vector<Sentence>> r = ReadConllu(text, nullptr);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : std::vector<Sentence>();
}

constexpr char kGold[] =
    "1\tMary\tMary\tPROPN\tNNP\t_\t3\tnmod:poss\t_\t_\n"
    "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"
    "3\tdog\tdog\tNOUN\tNN\t_\t4\tnsubj\t_\t_\n"
    "4\tbarked\tbark\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "1\tHi\t_\tINTJ\tUH\t_\t2\tdiscourse\t_\t_\n"
    "2\tthere\tthere\tADV\tRB\t_\t0\troot\t_\t_\n";

constexpr char kSystem[] =
    "1\tMary\tmary\tPROPN\tNNP\t_\t3\tnmod\t_\t_\n"   // lemma case, subtype lost
    "2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n"        // all correct
    "3\tdog\tdog\tNOUN\tNN\t_\t4\tobj\t_\t_\n"        // wrong relation
    "4\tbarked\tbark\tVERB\tVBN\t_\t0\troot\t_\t_\n"  // wrong XPOS
    "5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"          // wrong head (punct counts)
    "\n"
    "1\tHi\thi\tNOUN\tNN\t_\t2\tdiscourse:x\t_\t_\n"  // gold lemma "_": lemma counts
    "2\tthere\tthere\tADV\tRB\t_\t0\troot\t_\t_\n";

TEST(EvaluateTest, CountsOnHandwrittenPair) {
  Result<Scores> r = Evaluate(Read(kGold), Read(kSystem));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->words, 7u);
  EXPECT_EQ(r->upos, 6u);
  EXPECT_EQ(r->xpos, 5u);
  EXPECT_EQ(r->lemma, 6u);
  EXPECT_EQ(r->uas, 6u);
  EXPECT_EQ(r->las, 5u);
  EXPECT_EQ(r->las_full, 3u);
  EXPECT_DOUBLE_EQ(r->Percent(r->uas), 600.0 / 7.0);
}

TEST(EvaluateTest, SubtypeCountsForLasButNotLasFull) {
  Sentence gold, system;
  gold.words.resize(1);
  gold.words[0].head = 0;
  gold.words[0].deprel = "nmod:poss";
  system = gold;
  system.words[0].deprel = "nmod";
  Scores s;
  Accumulate(gold, system, &s);
  EXPECT_EQ(s.uas, 1u);
  EXPECT_EQ(s.las, 1u);
  EXPECT_EQ(s.las_full, 0u);
  system.words[0].deprel = "nmod:poss";
  Accumulate(gold, system, &s);
  EXPECT_EQ(s.las_full, 1u);
  EXPECT_EQ(s.words, 2u);
}

TEST(EvaluateTest, LemmaIsCaseSensitive) {
  Sentence gold, system;
  gold.words.resize(1);
  gold.words[0].lemma = "the";
  system = gold;
  system.words[0].lemma = "The";
  Scores s;
  Accumulate(gold, system, &s);
  EXPECT_EQ(s.lemma, 0u);
}

TEST(EvaluateTest, AccumulateMatchesEvaluate) {
  std::vector<Sentence> gold = Read(kGold), system = Read(kSystem);
  Scores sum;
  for (size_t i = 0; i < gold.size(); ++i) Accumulate(gold[i], system[i], &sum);
  Result<Scores> r = Evaluate(gold, system);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(sum.words, r->words);
  EXPECT_EQ(sum.upos, r->upos);
  EXPECT_EQ(sum.las, r->las);
  EXPECT_EQ(sum.las_full, r->las_full);
}

TEST(EvaluateTest, IdenticalInputScoresFull) {
  std::vector<Sentence> gold = Read(kGold);
  Result<Scores> r = Evaluate(gold, gold);
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r->Percent(r->las_full), 100.0);
  EXPECT_DOUBLE_EQ(r->Percent(r->lemma), 100.0);
}

TEST(EvaluateTest, PercentWithoutWordsIsZero) {
  Scores s;
  EXPECT_EQ(s.Percent(0), 0.0);
  Result<Scores> r = Evaluate({}, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->words, 0u);
}

TEST(EvaluateTest, SentenceCountMismatch) {
  std::vector<Sentence> gold = Read(kGold), system = Read(kSystem);
  system.pop_back();
  Result<Scores> r = Evaluate(gold, system);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(r.status().message().find("gold has 2 sentences but system has 1"), std::string::npos)
      << r.status().message();
}

TEST(EvaluateTest, MismatchedTokenizationNamesFirstSentence) {
  std::vector<Sentence> gold = Read(kGold), system = Read(kSystem);
  system[1].words.pop_back();
  Result<Scores> r = Evaluate(gold, system);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(r.status().message().find("sentence 1 (0-based): gold has 2 words but system has 1"),
            std::string::npos)
      << r.status().message();
}

}  // namespace
}  // namespace kg::syntax
