#include "loader/extract/clauses.h"

#include <gtest/gtest.h>

#include <string>

namespace kg::loader::extract {
namespace {

struct Parsed {
  std::string text;
  SentenceAnalysis a;
  std::string NpText(int i) const { return RangeText(text, a.tokens, a.nps[static_cast<size_t>(i)].range); }
};

Parsed Parse(const std::string& s) { return Parsed{s, AnalyzeSentence(text::TagSentence(s))}; }

TEST(Clauses, CoordinatedObjectsBecomeAList) {
  const auto p = Parse("Acme will expand its cloud services, data centers, and cybersecurity teams.");
  ASSERT_FALSE(p.a.clauses.empty());
  const Clause& c = p.a.clauses[0];
  EXPECT_EQ(c.lemma, "expand");
  ASSERT_EQ(c.objects.size(), 3u);
  EXPECT_EQ(p.NpText(c.objects[0]), "its cloud services");
  EXPECT_EQ(p.NpText(c.objects[2]), "cybersecurity teams");
}

TEST(Clauses, InfinitiveInheritsSubject) {
  const auto p = Parse("Acme opened a lab in Nairobi to train engineers.");
  ASSERT_EQ(p.a.clauses.size(), 2u);
  const Clause& inf = p.a.clauses[1];
  EXPECT_TRUE(inf.infinitive);
  ASSERT_EQ(inf.subject.size(), 1u);
  EXPECT_EQ(p.NpText(inf.subject[0]), "Acme");
  ASSERT_EQ(p.a.clauses[0].preps.size(), 1u);
  EXPECT_EQ(p.a.clauses[0].preps[0].prep, "in");
}

TEST(Clauses, RelativeClauseSubjectIsTheAntecedent) {
  const auto p = Parse("Volvo, which buys batteries from Acme, welcomed the decision.");
  ASSERT_EQ(p.a.clauses.size(), 2u);
  EXPECT_EQ(p.NpText(p.a.clauses[0].subject[0]), "Volvo");
  EXPECT_EQ(p.NpText(p.a.clauses[1].subject[0]), "Volvo");
  EXPECT_EQ(p.a.clauses[1].lemma, "welcome");
}

TEST(Clauses, NegationAndHedgesAreFlagged) {
  const auto p = Parse("Acme did not invest in Peru, but it may expand into Chile.");
  ASSERT_EQ(p.a.clauses.size(), 2u);
  EXPECT_TRUE(p.a.clauses[0].negated);
  EXPECT_FALSE(p.a.clauses[0].hedged);
  EXPECT_TRUE(p.a.clauses[1].hedged);
  EXPECT_FALSE(p.a.clauses[1].negated);
}

TEST(Clauses, PassiveWithAgent) {
  const auto p = Parse("The plant was designed by Siemens.");
  ASSERT_EQ(p.a.clauses.size(), 1u);
  EXPECT_TRUE(p.a.clauses[0].passive);
  ASSERT_EQ(p.a.clauses[0].preps.size(), 1u);
  EXPECT_EQ(p.a.clauses[0].preps[0].prep, "by");
}

TEST(Clauses, AcronymInParenthesesExtendsTheName) {
  const auto p = Parse("Officials at the Ministry of Economy, Trade and Industry (METI) agreed.");
  bool found = false;
  for (const auto& np : p.a.nps) {
    if (np.acronym == "METI") {
      found = true;
      EXPECT_EQ(RangeText(p.text, p.a.tokens, np.core), "Ministry of Economy, Trade and Industry");
    }
  }
  EXPECT_TRUE(found);
}

TEST(Clauses, SuchAsListsAreExemplifications) {
  const auto p = Parse("Firms such as Acme, Globex and Initech are hiring.");
  ASSERT_EQ(p.a.examples.size(), 1u);
  EXPECT_EQ(p.NpText(p.a.examples[0].head_np), "Firms");
  EXPECT_EQ(p.a.examples[0].members.size(), 3u);
  ASSERT_FALSE(p.a.clauses.empty());
  EXPECT_EQ(p.a.clauses[0].subject.size(), 3u);
}

TEST(Clauses, ConjunctWithOwnVerbStartsANewClause) {
  const auto p =
      Parse("The strike gained support from the union, and the workers were addressed by leaders.");
  ASSERT_EQ(p.a.clauses.size(), 2u);
  ASSERT_EQ(p.a.clauses[0].preps.size(), 1u);
  EXPECT_EQ(p.a.clauses[0].preps[0].objects.size(), 1u);
  EXPECT_EQ(p.NpText(p.a.clauses[1].subject[0]), "the workers");
}

TEST(Clauses, BulletItemsAreOneList) {
  std::string s =
      "The country faces challenges, including: Aging population and labor shortages; Rising costs";
  auto toks = text::TagSentence(s);
  // Items start after the colon and the semicolon.
  std::vector<Range> items;
  int colon = -1, semi = -1;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].text == ":") colon = static_cast<int>(i);
    if (toks[i].text == ";") semi = static_cast<int>(i);
  }
  items.push_back(Range{colon + 1, semi});
  items.push_back(Range{semi + 1, static_cast<int>(toks.size())});
  const auto a = AnalyzeSentence(toks, items);
  ASSERT_EQ(a.examples.size(), 1u);
  EXPECT_EQ(a.examples[0].members.size(), 3u);
}

TEST(Clauses, ReportingVerbTakesABareClause) {
  const auto p = Parse("The minister said prices would fall in the spring.");
  ASSERT_GE(p.a.clauses.size(), 2u);
  const Clause& said = p.a.clauses[0];
  EXPECT_EQ(said.lemma, "say");
  EXPECT_TRUE(said.objects.empty());
  EXPECT_EQ(RangeText(p.text, p.a.tokens, said.complement), "prices would fall in the spring");
  EXPECT_EQ(p.NpText(p.a.clauses[1].subject[0]), "prices");
}

TEST(Clauses, ReportingVerbComplementAfterATimePhrase) {
  const auto p = Parse("Brightline said on Monday it would close two mines.");
  ASSERT_GE(p.a.clauses.size(), 2u);
  const Clause& said = p.a.clauses[0];
  ASSERT_EQ(said.preps.size(), 1u);
  EXPECT_EQ(said.preps[0].prep, "on");
  EXPECT_EQ(RangeText(p.text, p.a.tokens, said.complement), "it would close two mines");
  const auto q = Parse("The agency said Friday that it had approved the merger.");
  ASSERT_GE(q.a.clauses.size(), 2u);
  EXPECT_TRUE(q.a.clauses[0].objects.empty());  // "Friday" is when, not what
  EXPECT_EQ(RangeText(q.text, q.a.tokens, q.a.clauses[0].complement), "it had approved the merger");
}

TEST(Clauses, BracketedConvertedAmountClosesThePhrase) {
  const auto p = Parse("Norsk Hydro will spend 9 billion crowns ($850 million) on new smelters in Qatar.");
  ASSERT_FALSE(p.a.clauses.empty());
  const Clause& c = p.a.clauses[0];
  ASSERT_EQ(c.objects.size(), 1u);
  EXPECT_EQ(p.NpText(c.objects[0]), "9 billion crowns ($850 million)");
  ASSERT_EQ(c.preps.size(), 2u);
  EXPECT_EQ(c.preps[0].prep, "on");
  EXPECT_EQ(c.preps[1].prep, "in");
}

TEST(Clauses, TimePhraseAfterTheVerbIsNotTheObject) {
  const auto p = Parse("The merger, which Vantor proposed last month, collapsed.");
  bool found = false;
  for (const auto& c : p.a.clauses) {
    if (c.lemma != "propose") continue;
    found = true;
    EXPECT_TRUE(c.objects.empty());
  }
  EXPECT_TRUE(found);
}

TEST(Clauses, AccordingToIsNotAnInfinitive) {
  const auto p = Parse("Lumen may sell its fiber unit, according to people familiar with the talks.");
  for (const auto& c : p.a.clauses) EXPECT_FALSE(c.infinitive) << c.lemma;
}

TEST(Clauses, ThatAfterAReportingVerbIsAComplementizer) {
  const auto p = Parse("The audit showed that regional banks had hidden losses.");
  ASSERT_GE(p.a.clauses.size(), 2u);
  EXPECT_EQ(RangeText(p.text, p.a.tokens, p.a.clauses[0].complement), "regional banks had hidden losses");
  EXPECT_EQ(p.NpText(p.a.clauses[1].subject[0]), "regional banks");
}

TEST(Clauses, SubjectBehindAnApposition) {
  const auto p = Parse("Maria Costa, Deputy Director of the Central Bank, signed the agreement.");
  ASSERT_EQ(p.a.clauses.size(), 1u);
  ASSERT_EQ(p.a.clauses[0].subject.size(), 1u);
  EXPECT_EQ(p.NpText(p.a.clauses[0].subject[0]), "Maria Costa");
  ASSERT_EQ(p.a.appositions.size(), 1u);
}

TEST(Clauses, SubjectBehindAPrepositionalAside) {
  const auto p = Parse("The second quake, at a depth of ten kilometres, struck on Monday.");
  ASSERT_EQ(p.a.clauses.size(), 1u);
  ASSERT_EQ(p.a.clauses[0].subject.size(), 1u);
  EXPECT_EQ(p.NpText(p.a.clauses[0].subject[0]), "The second quake");
}

TEST(Clauses, VerbSeriesSharesTheSubject) {
  const auto p = Parse("The startup hired engineers, opened an office and signed a lease.");
  ASSERT_EQ(p.a.clauses.size(), 3u);
  for (const auto& c : p.a.clauses) {
    ASSERT_EQ(c.subject.size(), 1u);
    EXPECT_EQ(p.NpText(c.subject[0]), "The startup");
  }
}

TEST(Clauses, RelativeClauseAfterACopulaDescribesTheSubject) {
  const auto p = Parse("Lena Park is a Korean engineer who works for Hyundai.");
  ASSERT_EQ(p.a.clauses.size(), 2u);
  EXPECT_EQ(p.a.clauses[1].lemma, "work");
  ASSERT_EQ(p.a.clauses[1].subject.size(), 1u);
  EXPECT_EQ(p.NpText(p.a.clauses[1].subject[0]), "Lena Park");
}

TEST(Clauses, AttributionAfterTheStatement) {
  const auto p = Parse("\"Demand will recover by June,\" says Omar Haddad, an analyst at Gulf Bank.");
  const Clause* says = nullptr;
  for (const auto& c : p.a.clauses) {
    if (c.lemma == "say") says = &c;
  }
  ASSERT_NE(says, nullptr);
  ASSERT_EQ(says->subject.size(), 1u);
  EXPECT_EQ(p.NpText(says->subject[0]), "Omar Haddad");
  EXPECT_EQ(RangeText(p.text, p.a.tokens, says->complement), "Demand will recover by June");

  const auto q = Parse("Exports rose sharply in May, the ministry reported.");
  ASSERT_EQ(q.a.clauses.size(), 2u);
  EXPECT_EQ(q.a.clauses[1].lemma, "report");
  EXPECT_EQ(RangeText(q.text, q.a.tokens, q.a.clauses[1].complement), "Exports rose sharply in May");
  // A parenthetical attribution with more clause after it is not fronted.
  const auto r = Parse("Exports, the ministry said, rose sharply.");
  for (const auto& c : r.a.clauses) {
    if (c.lemma == "say") {
      EXPECT_TRUE(c.complement.empty());
    }
  }
}

TEST(Clauses, QuotationAfterAReportingVerb) {
  const auto p = Parse("The mayor said, \"We will rebuild the bridge.\"");
  ASSERT_FALSE(p.a.clauses.empty());
  EXPECT_EQ(p.a.clauses[0].lemma, "say");
  EXPECT_EQ(RangeText(p.text, p.a.tokens, p.a.clauses[0].complement), "We will rebuild the bridge");
}

TEST(Clauses, QuantifierAsSubject) {
  const auto p = Parse("Some have left the party.");
  ASSERT_EQ(p.a.clauses.size(), 1u);
  ASSERT_EQ(p.a.clauses[0].subject.size(), 1u);
  EXPECT_EQ(p.NpText(p.a.clauses[0].subject[0]), "Some");
}

}  // namespace
}  // namespace kg::loader::extract
