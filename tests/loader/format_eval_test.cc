#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "loader/eval.h"
#include "loader/extract_format.h"
#include "loader/fact_match.h"
#include "loader/loader.h"
#include "loader/tree/open_ie.h"
#include "syntax/sentence.h"

namespace kg::loader {
namespace {

ArticleData Sample() {
  ArticleData d;
  d.sentences = {"Acme Corp. invested $10 billion in Japan."};
  d.entities.push_back(EntityData{"Acme", "Company", {"Acme Corp."}, ""});
  d.entities.push_back(EntityData{"Japan", "Country", {}, ""});
  Fact f;
  f.subject = Value::Entity("Acme");
  f.predicate = "invests_in";
  f.object = Value::Entity("Japan");
  f.confidence = 0.9;
  d.facts.push_back(f);
  f.predicate = "investment_amount";
  f.object = Value::Money(1e10, "USD");
  d.facts.push_back(f);
  f.predicate = "expands";
  f.object = Value::String("cloud computing capabilities");
  d.facts.push_back(f);
  RawFact r;
  r.arg1 = "Acme Corp.";
  r.relation = "invested";
  r.args = {"$10 billion", "in Japan"};
  r.confidence = 0.8;
  d.raw_facts.push_back(r);
  return d;
}

TEST(Format, TsvHasHeaderAndTypedValues) {
  const std::string out = FormatExtraction(Sample(), "tsv");
  EXPECT_EQ(out.rfind("subject\tpredicate\tobject\tconfidence\tsentence\n", 0), 0u);
  EXPECT_NE(
      out.find("Acme\tinvestment_amount\t10000000000 USD\t0.90\tAcme Corp. invested $10 billion in Japan.\n"),
      std::string::npos);
}

TEST(Format, OpenIeColumns) {
  EXPECT_EQ(FormatExtraction(Sample(), "openie"),
            "Acme Corp. invested $10 billion in Japan.\t0.80\tinvested\tAcme Corp.\t$10 billion\tin Japan\n");
}

TEST(Format, JsonlLinesAreJson) {
  const std::string out = FormatExtraction(Sample(), "jsonl");
  size_t lines = 0, pos = 0;
  while (pos < out.size()) {
    const size_t nl = out.find('\n', pos);
    const auto j = nlohmann::json::parse(out.substr(pos, nl - pos));
    EXPECT_TRUE(j.contains("kind"));
    pos = nl + 1;
    ++lines;
  }
  EXPECT_EQ(lines, 2u + 3u + 1u);
  EXPECT_TRUE(IsExtractionFormat("jsonl"));
  EXPECT_FALSE(IsExtractionFormat("xml"));
}

TEST(Sentences, OneSentencePerLine) {
  auto ex = ExtractSentences("Acme invested in Chile .\n\nGlobex hired 50 engineers in Peru .\n");
  ASSERT_TRUE(ex.ok());
  ASSERT_EQ(ex->sentences.size(), 2u);
  bool first = false, second = false;
  for (const auto& f : ex->facts) {
    if (f.sentence == 0 && f.arg1 == "Acme") first = true;
    if (f.sentence == 1 && f.arg1 == "Globex" && f.relation == "hired") second = true;
  }
  EXPECT_TRUE(first);
  EXPECT_TRUE(second);
  const std::string out = FormatOpenIe(*ex);
  EXPECT_NE(out.find("Globex hired 50 engineers in Peru .\t"), std::string::npos);
  EXPECT_FALSE(ExtractSentences("ok\n\xff\n").ok());
}

TEST(Eval, LenientMatchingAliasesLiteralsMoney) {
  const std::string gold =
      "subject\tpredicate\tobject\tevidence\n"
      "Acme Corp.\tinvests_in\tJapan\tx\n"
      "ACME\tinvestment_amount\t\"$10 billion\"\tx\n"
      "Acme\texpands\t\"cloud computing capabilities in Japan\"\tx\n"
      "Acme\tinvests_in\tKorea\tx\n";
  auto r = EvaluateAgainstGold(Sample(), gold);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->gold, 4u);
  EXPECT_EQ(r->gold_matched, 3u);
  EXPECT_EQ(r->extracted_matched, 3u);
  EXPECT_DOUBLE_EQ(r->precision, 1.0);
  EXPECT_DOUBLE_EQ(r->recall, 0.75);
  ASSERT_EQ(r->missed.size(), 1u);
  EXPECT_NE(r->missed[0].find("Korea"), std::string::npos);
}

TEST(Eval, MalformedGoldIsAnError) {
  auto r = EvaluateAgainstGold(Sample(), "Acme\tinvests_in\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("line 1"), std::string::npos);
  EXPECT_FALSE(EvaluateAgainstGold(Sample(), "\n\n").ok());
}

TEST(Eval, TokenOverlap) {
  EXPECT_DOUBLE_EQ(TokenOverlap("a key market", "key market"), 1.0);
  EXPECT_DOUBLE_EQ(TokenOverlap("$10 billion investment", "$10 billion investment in Japan"), 0.6);
  EXPECT_LT(TokenOverlap("labor shortages", "aging population"), 0.5);
}

// The expected values are what shared/tools/factscore.py computes.
TEST(Eval, MatchingFollowsFactscore) {
  EXPECT_EQ(NormalizeForMatch("\"The £80 million (battery)\""), "80 million");
  EXPECT_EQ(NormalizeForMatch("U.S.-based firm\u2019s plan \u2013 \u201cnew\u201d"),
            "u.s. based firm s plan new");
  EXPECT_EQ(NumbersIn("54000000 GBP"), std::vector<double>{5.4e7});
  EXPECT_EQ(NumbersIn("2018-07-03"), (std::vector<double>{2018, 7, 3}));
  EXPECT_TRUE(NumbersIn("12abc").empty());
  EXPECT_EQ(NumbersIn("RON 800,000,000 (ca. EUR 177 million)"), (std::vector<double>{8e8, 1.77e8}));
  EXPECT_EQ(NumbersIn("5m-tonne 3.5bn 1,000."), (std::vector<double>{5e6, 3.5e9, 1000}));
  EXPECT_NEAR(TokenF1("trustworthy and secure AI research", "trustworthy and secure AI"), 6.0 / 7.0, 1e-12);
  EXPECT_TRUE(SameValue("Raiffeisen Bank", "Bank"));     // token F1 0.67, entities too
  EXPECT_FALSE(SameValue("$5 million", "$50 million"));  // numbers decide when both have one
  EXPECT_TRUE(SameValue("54000000 GBP", "\"£54 million (pilot)\""));
  EXPECT_TRUE(SameValue("\u010ceskoslovensk\u00e1 obchodn\u00ed banka",
                        "\u010cESKOSLOVENSK\u00c1 OBCHODN\u00cd BANKA"));
}

// Open IE conventions for titles, places and verb chains, on sentences of our own.
// Whether sentence `sentence` gave the tuple (arg1; rel; arg2, …).
bool HasTuple(const SentenceExtraction& ex, uint32_t sentence, const std::string& arg1,
              const std::string& rel, const std::string& arg2) {
  for (const auto& f : ex.facts) {
    if (f.sentence == sentence && f.arg1 == arg1 && f.relation == rel && !f.args.empty() && f.args[0] == arg2)
      return true;
  }
  return false;
}

// The chunker's Open IE conventions (LoaderOptions::tree_open_ie = false).
TEST(Sentences, TitlesPlacesAndVerbChains) {
  LoaderOptions chunker;
  chunker.tree_open_ie = false;
  auto ex = ExtractSentences(
      "Prime Minister Anna Lind opened the bridge .\n"
      "The plant in Dayton , Tenn. , makes glass .\n"
      "The airline has had to cancel 40 flights .\n"
      "Rosa Diaz , an economist with the central bank , said inflation would slow .\n",
      chunker);
  ASSERT_TRUE(ex.ok());
  auto has = [&](uint32_t sentence, const std::string& arg1, const std::string& rel,
                 const std::string& arg2) { return HasTuple(*ex, sentence, arg1, rel, arg2); };
  EXPECT_TRUE(has(0, "Anna Lind", "is", "Prime Minister"));
  EXPECT_TRUE(has(1, "Dayton", "is in", "Tenn."));
  EXPECT_TRUE(has(2, "The airline", "has had to cancel", "40 flights"));
  EXPECT_TRUE(has(3, "Rosa Diaz", "is", "an economist with the central bank"));
  EXPECT_TRUE(has(3, "Rosa Diaz", "said", "inflation would slow"));
}

// The tree's Open IE (the default): one tuple per clause with the verb
// group as relation and the first oblique's preposition moved into it,
// chains of verbs with "to", appositions as (X; be; Y) — an apposition has
// no tense of its own —, and the speaker of "said" with the reported clause.
TEST(Sentences, TreeOpenIeClausesChainsAndAppositions) {
  auto ex = ExtractSentences(
      "He served as the first mayor of Tarrow and agreed to buy the old mill .\n"
      "The airline has had to cancel 40 flights .\n"
      "Rosa Diaz , an economist with the central bank , said inflation would slow .\n");
  ASSERT_TRUE(ex.ok());
  auto has = [&](uint32_t sentence, const std::string& arg1, const std::string& rel,
                 const std::string& arg2) { return HasTuple(*ex, sentence, arg1, rel, arg2); };
  EXPECT_TRUE(has(0, "He", "served as", "the first mayor of Tarrow"));
  EXPECT_TRUE(has(0, "He", "agreed to buy", "the old mill"));
  EXPECT_TRUE(has(1, "The airline", "has had to cancel", "40 flights"));
  EXPECT_TRUE(has(2, "Rosa Diaz", "be", "an economist with the central bank"));
  EXPECT_TRUE(has(2, "Rosa Diaz , an economist with the central bank", "said", "inflation would slow"));
}

// Parses the tree helpers cannot trust give no tuples and no crash: no
// words, a missing offset, offsets past the text, a head out of range, a
// cycle.
TEST(Sentences, TreeOpenIeRejectsMalformedParses) {
  syntax::Sentence s;
  EXPECT_TRUE(tree::OpenIeFromTree(s, "").empty());
  s.words.resize(2);
  s.words[0].form = "Acme";
  s.words[1].form = "grew";
  s.words[0].head = 2;
  s.words[1].head = 0;
  s.offsets = {0};
  EXPECT_TRUE(tree::OpenIeFromTree(s, "Acme grew").empty());
  s.offsets = {0, 50};
  EXPECT_TRUE(tree::OpenIeFromTree(s, "Acme grew").empty());
  s.offsets = {0, 5};
  s.words[0].head = 7;
  EXPECT_TRUE(tree::OpenIeFromTree(s, "Acme grew").empty());
  s.words[0].head = 2;
  s.words[1].head = 1;
  EXPECT_TRUE(tree::OpenIeFromTree(s, "Acme grew").empty());
}

}  // namespace
}  // namespace kg::loader
