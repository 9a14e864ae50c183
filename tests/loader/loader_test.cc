#include "loader/loader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "loader/eval.h"
#include "loader/extract_format.h"

namespace kg::loader {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

ArticleData Extract(const std::string& text) {
  auto r = ExtractArticle("t", text);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : ArticleData{};
}

const Fact* Find(const ArticleData& d, const std::string& s, const std::string& p, const std::string& o) {
  for (const auto& f : d.facts) {
    if (f.subject.ToString() == s && f.predicate == p && f.object.ToString() == o) return &f;
  }
  return nullptr;
}

const EntityData* Entity(const ArticleData& d, const std::string& name) {
  for (const auto& e : d.entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

// Our own articles: every fact of their hand-made list is found.
class OwnArticles : public ::testing::TestWithParam<const char*> {};

TEST_P(OwnArticles, AllKeyFactsFound) {
  const std::string base = std::string(KG_LOADER_ARTICLES_DIR) + "/" + GetParam();
  const std::string text = ReadFile(base + ".txt");
  ASSERT_FALSE(text.empty());
  const ArticleData d = Extract(text);
  auto report = EvaluateAgainstGold(d, ReadFile(base + ".gold.tsv"));
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_DOUBLE_EQ(report->recall, 1.0) << FormatEvalReport(*report);
}

INSTANTIATE_TEST_SUITE_P(Loader, OwnArticles,
                         ::testing::Values("nordvolt-poland", "softbank-asia", "pfizer-brazil",
                                           "minciencia-chile", "arvana-ontario", "telvia-orbcom",
                                           "meridian-careloop"));

TEST(Loader, SampleArticleRecall) {
  const std::string text = ReadFile(KG_SAMPLE_ARTICLE);
  ASSERT_FALSE(text.empty()) << "sample article not found at " << KG_SAMPLE_ARTICLE;
  const std::string gold = ReadFile(KG_SAMPLE_GOLD);
  ASSERT_FALSE(gold.empty()) << "gold list not found at " << KG_SAMPLE_GOLD;
  const ArticleData d = Extract(text);
  auto report = EvaluateAgainstGold(d, gold);
  ASSERT_TRUE(report.ok());
  EXPECT_GE(report->recall, 0.95) << FormatEvalReport(*report);
  EXPECT_NE(Find(d, "Microsoft", "invests_in", "Japan"), nullptr);
  EXPECT_NE(Find(d, "Microsoft", "investment_amount", "10000000000 USD"), nullptr);
}

// A phrase keeps the capitals of the names inside it, a common word that is
// part of a longer name included; a capitalized common word on its own is
// lowered.
TEST(Loader, NamesKeepTheirCapitalsInsidePhrases) {
  const ArticleData d = Extract(
      "President Lind announced on May 4 a $90 million conditional loan guarantee to Tarro Solar Works for "
      "the "
      "assembly of solar panels.");
  bool found = false;
  for (const auto& f : d.facts) {
    if (f.predicate == "announced")
      found =
          found ||
          f.object.text() ==
              "$90 million conditional loan guarantee to Tarro Solar Works for the assembly of solar panels";
  }
  EXPECT_TRUE(found);
}

TEST(Loader, NegatedFactsAreNotAssertedButKept) {
  const ArticleData d = Extract("Zentrix did not invest in Peru. Zentrix invested in Chile.");
  EXPECT_EQ(Find(d, "Zentrix", "invests_in", "Peru"), nullptr);
  EXPECT_NE(Find(d, "Zentrix", "invests_in", "Chile"), nullptr);
  bool negated_raw = false;
  for (const auto& r : d.raw_facts)
    negated_raw = negated_raw || (r.negated && r.relation.find("invest") != std::string::npos);
  EXPECT_TRUE(negated_raw);
}

TEST(Loader, HedgedFactsAreFlaggedWithLowerConfidence) {
  const ArticleData d = Extract("Zentrix may expand into Chile. Zentrix expanded into Peru.");
  const Fact* hedged = Find(d, "Zentrix", "expands_in", "Chile");
  const Fact* plain = Find(d, "Zentrix", "expands_in", "Peru");
  ASSERT_NE(hedged, nullptr);
  ASSERT_NE(plain, nullptr);
  EXPECT_EQ(hedged->modality, Modality::kHedged);
  EXPECT_EQ(plain->modality, Modality::kAsserted);
  EXPECT_LT(hedged->confidence, plain->confidence);
}

TEST(Loader, CoreferenceCompanyItItsCountry) {
  const ArticleData d = Extract(
      "Globex Corp. opened an office in Nairobi. The company also acquired Initech. "
      "It plans to hire 300 engineers. Kenya has become a hub for fintech. The country faces power "
      "shortages.");
  EXPECT_NE(Find(d, "Globex", "acquires", "Initech"), nullptr);
  EXPECT_NE(Find(d, "Globex", "hires", "300 engineers"), nullptr);
  EXPECT_NE(Find(d, "Kenya", "faces", "power shortages"), nullptr);
  const EntityData* g = Entity(d, "Globex");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->type, "Company");
  EXPECT_NE(std::find(g->aliases.begin(), g->aliases.end(), "Globex Corp."), g->aliases.end());
}

TEST(Loader, NominalizedInvestmentGivesFactsAndAnEventNode) {
  const ArticleData d =
      Extract("Zentrix announced a $10 billion investment in Japan to expand its data centers.");
  EXPECT_NE(Find(d, "Zentrix", "invests_in", "Japan"), nullptr);
  EXPECT_NE(Find(d, "Zentrix", "investment_amount", "10000000000 USD"), nullptr);
  EXPECT_NE(Find(d, "Zentrix", "expands_in", "Japan"), nullptr);
  const EntityData* ev = nullptr;
  for (const auto& e : d.entities) {
    if (e.type == "Investment") ev = &e;
  }
  ASSERT_NE(ev, nullptr);
  EXPECT_NE(Find(d, ev->name, "investor", "Zentrix"), nullptr);
  EXPECT_NE(Find(d, ev->name, "amount", "10000000000 USD"), nullptr);
  EXPECT_NE(Find(d, ev->name, "investment_target", "Japan"), nullptr);
}

TEST(Loader, SeveralInvestmentsInOneSentence) {
  const ArticleData d =
      Extract("Zentrix invested $2 billion in Kenya, and Globex invested $1 billion in Peru and Chile.");
  EXPECT_NE(Find(d, "Zentrix", "invests_in", "Kenya"), nullptr);
  EXPECT_NE(Find(d, "Zentrix", "investment_amount", "2000000000 USD"), nullptr);
  EXPECT_NE(Find(d, "Globex", "invests_in", "Peru"), nullptr);
  EXPECT_NE(Find(d, "Globex", "invests_in", "Chile"), nullptr);
  EXPECT_NE(Find(d, "Globex", "investment_amount", "1000000000 USD"), nullptr);
  EXPECT_EQ(Find(d, "Zentrix", "invests_in", "Peru"), nullptr);
}

// The event node of an investment stated with the verb, when `investor` is
// its investor (nullptr if none).
const EntityData* EventOf(const ArticleData& d, const std::string& investor) {
  for (const auto& e : d.entities) {
    if (e.type == "Investment" && Find(d, e.name, "investor", investor) != nullptr) return &e;
  }
  return nullptr;
}

TEST(Loader, PronounInAReportedClauseIsTheReporter) {
  const ArticleData d = Extract(
      "Tellum Networks opened a lab in Accra. Orbis Energy said on Wednesday it will acquire Tellum "
      "Networks. The regulator said Thursday that it will fine Initech.");
  EXPECT_NE(Find(d, "Orbis Energy", "acquires", "Tellum Networks"), nullptr);
  // An unnamed reporter ("the regulator") is not replaced by an earlier company.
  EXPECT_EQ(Find(d, "Orbis Energy", "fines", "Initech"), nullptr);
  EXPECT_EQ(Find(d, "Tellum Networks", "fines", "Initech"), nullptr);
}

// A company whose first word also reads as an adjective opens the sentence.
TEST(Loader, SentenceInitialAdjectiveBeforeADesignatorIsPartOfTheName) {
  const ArticleData d =
      Extract("Coastal Airlines may buy 20 jets. Lunar Foods will invest $40 million in Chile.");
  EXPECT_NE(Find(d, "Lunar Foods", "invests_in", "Chile"), nullptr);
  EXPECT_NE(Find(d, "Lunar Foods", "investment_amount", "40000000 USD"), nullptr);
}

TEST(Loader, BracketedConvertedAmountKeepsBothCurrencies) {
  const ArticleData d = Extract("Kestrel Holdings will invest 500 million euros ($545 million) in Portugal.");
  EXPECT_NE(Find(d, "Kestrel Holdings", "investment_amount", "500000000 EUR"), nullptr);
  EXPECT_NE(Find(d, "Kestrel Holdings", "investment_amount", "545000000 USD"), nullptr);
  EXPECT_NE(Find(d, "Kestrel Holdings", "invests_in", "Portugal"), nullptr);
  const EntityData* ev = EventOf(d, "Kestrel Holdings");
  ASSERT_NE(ev, nullptr);
  EXPECT_NE(Find(d, ev->name, "amount", "500000000 EUR"), nullptr);
  EXPECT_NE(Find(d, ev->name, "amount", "545000000 USD"), nullptr);
  EXPECT_NE(Find(d, ev->name, "investment_target", "Portugal"), nullptr);
}

TEST(Loader, PlacesAfterTheInvestedInObjectAreTargetsToo) {
  const ArticleData d = Extract(
      "Vela Motors will invest $3 billion in assembly plants in Mexico and Brazil in 2027. "
      "Brightline announced a 2 billion euro ($2.2 billion) investment in chip plants in Texas "
      "and Ohio.");
  EXPECT_NE(Find(d, "Vela Motors", "invests_in", "assembly plants"), nullptr);
  EXPECT_NE(Find(d, "Vela Motors", "invests_in", "Mexico"), nullptr);
  EXPECT_NE(Find(d, "Vela Motors", "invests_in", "Brazil"), nullptr);
  EXPECT_EQ(Find(d, "Vela Motors", "invests_in", "2027"), nullptr);  // a year is when, not where
  EXPECT_NE(Find(d, "Brightline", "invests_in", "chip plants"), nullptr);
  EXPECT_NE(Find(d, "Brightline", "invests_in", "Texas"), nullptr);
  EXPECT_NE(Find(d, "Brightline", "invests_in", "Ohio"), nullptr);
  EXPECT_NE(Find(d, "Brightline", "investment_amount", "2200000000 USD"), nullptr);
  const EntityData* ev = EventOf(d, "Vela Motors");
  ASSERT_NE(ev, nullptr);
  EXPECT_NE(Find(d, ev->name, "investment_target", "Mexico"), nullptr);
  EXPECT_NE(Find(d, ev->name, "amount", "3000000000 USD"), nullptr);
}

TEST(Loader, WeekdayDatesResolveAgainstTheArticleDate) {
  // 2025-09-19 is a Friday: "on Wednesday" is 2025-09-17, "on Friday" the day itself.
  const ArticleData d = Extract(
      "Orbis expands in Africa\ndate: 2025-09-19\n\n"
      "Orbis Energy said on Wednesday it will invest 40 billion rupees ($480 million) in India to build "
      "solar farms. Kestrel Holdings said on Friday that it would invest $90 million in Ghana.");
  const EntityData* orbis = EventOf(d, "Orbis Energy");
  ASSERT_NE(orbis, nullptr);
  EXPECT_NE(Find(d, orbis->name, "date", "2025-09-17"), nullptr);
  EXPECT_NE(Find(d, orbis->name, "amount", "40000000000 INR"), nullptr);
  EXPECT_NE(Find(d, orbis->name, "amount", "480000000 USD"), nullptr);
  EXPECT_NE(Find(d, orbis->name, "purpose", "build solar farms"), nullptr);
  EXPECT_NE(Find(d, "Orbis Energy", "invests_in", "India"), nullptr);
  const EntityData* kestrel = EventOf(d, "Kestrel Holdings");
  ASSERT_NE(kestrel, nullptr);
  EXPECT_NE(Find(d, kestrel->name, "date", "2025-09-19"), nullptr);
  EXPECT_NE(Find(d, "Kestrel Holdings", "invests_in", "Ghana"), nullptr);
  // A day without a year and "yesterday" after the reporting verb.
  const ArticleData e = Extract(
      "Markets\ndate: 2025-04-17\n\nBrightline said on April 3 it will invest $5 billion in Peru. "
      "Sources said yesterday Globex will invest 3 billion yuan ($410 million) in factories in Shenzhen.");
  const EntityData* bl = EventOf(e, "Brightline");
  ASSERT_NE(bl, nullptr);
  EXPECT_NE(Find(e, bl->name, "date", "2025-04-03"), nullptr);
  const EntityData* gl = EventOf(e, "Globex");
  ASSERT_NE(gl, nullptr);
  EXPECT_NE(Find(e, gl->name, "date", "2025-04-16"), nullptr);
  EXPECT_NE(Find(e, gl->name, "amount", "3000000000 CNY"), nullptr);
  EXPECT_NE(Find(e, gl->name, "investment_target", "Shenzhen"), nullptr);
}

TEST(Loader, TheCompanyAfterANewSubjectIsThatSubject) {
  // The title's company is the topic, but "the company" right after another
  // company's sentence is that company (even one no list knows).
  const ArticleData d = Extract(
      "Kestrel Holdings expands in Africa\n\nKestrel Holdings said it plans to invest $1 billion in Ghana. "
      "Tarvex opened a plant in Tangier. The company said on Monday it would invest 2 billion euros in "
      "Morocco.");
  EXPECT_NE(Find(d, "Tarvex", "invests_in", "Morocco"), nullptr);
  EXPECT_EQ(Find(d, "Kestrel Holdings", "invests_in", "Morocco"), nullptr);
  EXPECT_NE(Find(d, "Kestrel Holdings", "invests_in", "Ghana"), nullptr);
}

TEST(Loader, AttributionAfterTheStatementGivesTheDate) {
  // 2025-10-02 is a Thursday; "on Monday" is 2025-09-29.
  const ArticleData d = Extract(
      "Nestle grows in Latin America\ndate: 2025-10-02\n\n"
      "Nestle will invest 700 million Swiss francs ($790 million) in Brazil and Mexico, the company said on "
      "Monday.");
  EXPECT_NE(Find(d, "Nestle", "investment_amount", "700000000 CHF"), nullptr);
  EXPECT_NE(Find(d, "Nestle", "investment_amount", "790000000 USD"), nullptr);
  const EntityData* ev = EventOf(d, "Nestle");
  ASSERT_NE(ev, nullptr);
  EXPECT_NE(Find(d, ev->name, "date", "2025-09-29"), nullptr);
  EXPECT_NE(Find(d, ev->name, "investment_target", "Mexico"), nullptr);
  // "Mexico, the company said": not an apposition.
  for (const auto& r : d.raw_facts) EXPECT_FALSE(r.arg1 == "Mexico" && r.relation == "is");
}

TEST(Loader, PassiveVoiceAgentBecomesSubject) {
  const ArticleData d = Extract("Initech was acquired by Globex in 2021.");
  EXPECT_NE(Find(d, "Globex", "acquires", "Initech"), nullptr);
}

TEST(Loader, AppositionAndAcronym) {
  const ArticleData d = Extract(
      "Jane Roe, chief executive of Globex, met the Ministry of Economy, Trade and Industry (METI) on "
      "Monday.");
  EXPECT_NE(Find(d, "Jane Roe", "ceo_of", "Globex"), nullptr);
  EXPECT_NE(Find(d, "Ministry of Economy, Trade and Industry", "also_known_as", "METI"), nullptr);
  const EntityData* m = Entity(d, "Ministry of Economy, Trade and Industry");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->type, "GovernmentAgency");
}

// Regression: adding a city's country while walking the entity list
// invalidated the walk (found by ASan on an article naming Seattle only).
TEST(Loader, CityAddsItsCountryEntity) {
  const ArticleData d = Extract("Zentrix opened offices in Nairobi and Seattle.");
  EXPECT_NE(Find(d, "Nairobi", "located_in", "Kenya"), nullptr);
  EXPECT_NE(Find(d, "Seattle", "located_in", "United States"), nullptr);
  const EntityData* k = Entity(d, "Kenya");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->type, "Country");
}

TEST(Loader, ProvenanceSpanIsInsideTheSentence) {
  const ArticleData d = Extract("Title of the piece\nZentrix invested in Chile. Globex invested in Peru.");
  const Fact* f = Find(d, "Globex", "invests_in", "Peru");
  ASSERT_NE(f, nullptr);
  ASSERT_LT(f->sentence, d.sentences.size());
  const std::string& s = d.sentences[f->sentence];
  EXPECT_EQ(s, "Globex invested in Peru.");
  EXPECT_LT(f->span_begin, f->span_end);
  EXPECT_LE(f->span_end, s.size());
  EXPECT_EQ(d.title, "Title of the piece");
}

TEST(Loader, ConcurrentExtractionsAgree) {
  const std::string text = ReadFile(std::string(KG_LOADER_ARTICLES_DIR) + "/softbank-asia.txt");
  ASSERT_FALSE(text.empty());
  const ArticleData ref = Extract(text);
  std::vector<size_t> counts(4, 0);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < counts.size(); ++i) {
    threads.emplace_back([&, i] {
      auto r = ExtractArticle("t", text);
      counts[i] = r.ok() ? r->facts.size() : 0;
    });
  }
  for (auto& t : threads) t.join();
  for (size_t c : counts) EXPECT_EQ(c, ref.facts.size());
}

TEST(Loader, CommonNounLiteralsAreOneValueWhateverTheirCase) {
  // A bullet (capitalized) and a mid-sentence mention of the same common
  // phrase give one value; names and demonyms keep their capitals.
  const ArticleData d = Extract(
      "Zentrix faces several challenges, including:\n- Aging population\n- Rising costs\n"
      "Orbis faces an aging population too. Nordvolt, the Swedish battery maker, said on Tuesday that it "
      "will "
      "invest 2.5 billion euros in a new plant in Poland.");
  EXPECT_NE(Find(d, "Zentrix", "faces", "aging population"), nullptr);
  EXPECT_NE(Find(d, "Orbis", "faces", "aging population"), nullptr);
  EXPECT_NE(Find(d, "Zentrix", "faces", "rising costs"), nullptr);
  for (const auto& f : d.facts) EXPECT_NE(f.object.ToString(), "Aging population");
  EXPECT_NE(Find(d, "Nordvolt", "is_a", "Swedish battery maker"), nullptr);
}

TEST(Loader, TheFirmIsTheNearestEarlierCompanyNotTheTitleCompany) {
  // "The firm" two sentences after Tarvex's sentence, with a sentence about
  // no company in between, is Tarvex, not the title's Kestrel Holdings.
  const ArticleData d = Extract(
      "Kestrel Holdings expands in Africa\n\nKestrel Holdings said it plans to invest $1 billion in Ghana. "
      "Kestrel Holdings also hired 300 engineers. Tarvex opened a plant in Tangier. Analysts welcomed the "
      "plan. The firm will invest 2 billion euros in Morocco.");
  EXPECT_NE(Find(d, "Tarvex", "invests_in", "Morocco"), nullptr);
  EXPECT_EQ(Find(d, "Kestrel Holdings", "invests_in", "Morocco"), nullptr);
  // A company named as an object ("gives Pfizer access") is a mention too,
  // and the members of the clause's own subject are never its antecedent.
  const ArticleData e = Extract(
      "Nordvolt, the Swedish battery maker, opened a plant in Poland. "
      "Volvo, which buys most of its batteries from Nordvolt, welcomed the decision. Several carmakers, "
      "including Volvo and BMW, have signed supply agreements with the company.");
  EXPECT_NE(Find(e, "Volvo", "partners_with", "Nordvolt"), nullptr);
  EXPECT_EQ(Find(e, "BMW", "partners_with", "Volvo"), nullptr);
}

TEST(Loader, WireDatelineIsNotTheSubject) {
  const ArticleData d = Extract(
      "Talks end\ndate: 2025-06-10\n\nTORONTO (Wire) - Arvana Motors, the South Korean carmaker, will build "
      "a "
      "battery plant in Ontario with a C$500 million grant from the Canadian government. Arvana may also "
      "partner with the University of Windsor.");
  EXPECT_NE(Find(d, "Arvana Motors", "builds", "battery plant in Ontario"), nullptr);
  EXPECT_NE(Find(d, "Toronto", "located_in", "Canada"), nullptr);
  EXPECT_NE(Find(d, "Ontario", "located_in", "Canada"), nullptr);
  EXPECT_NE(Find(d, "Government of Canada", "funds", "Arvana Motors"), nullptr);
  // "Arvana" is the short form of the company named before.
  EXPECT_NE(Find(d, "Arvana Motors", "partners_with", "University of Windsor"), nullptr);
  for (const auto& f : d.facts) EXPECT_EQ(f.subject.ToString().find("TORONTO"), std::string::npos);
}

TEST(Loader, NamedDescriptionsAndTimePhrasesBeforeTheVerb) {
  const ArticleData d = Extract(
      "Chile's Ministry of Science, Technology, Knowledge and Innovation (MinCiencia) on Tuesday launched a "
      "program to train 12,000 data scientists. The program, called Talento Digital, will fund scholarships "
      "and laboratories. The University of Chile will lead the first phase. The Central Bank of Chile will "
      "also fund the program.");
  const std::string m = "Ministry of Science, Technology, Knowledge and Innovation";
  EXPECT_NE(Find(d, m, "also_known_as", "MinCiencia"), nullptr);
  EXPECT_NE(Find(d, m, "launched", "Talento Digital"), nullptr);
  EXPECT_NE(Find(d, "Talento Digital", "funds", "scholarships"), nullptr);
  EXPECT_NE(Find(d, "University of Chile", "leads", "first phase"), nullptr);
  EXPECT_NE(Find(d, "Central Bank of Chile", "funds", "Talento Digital"), nullptr);
}

TEST(Loader, AcronymsInAnotherWordOrderAndDescriptorsBeforeNames) {
  const ArticleData d = Extract(
      "Spanish telecom operator Telvia has agreed to buy Orbcom for 5.9 billion euros ($6.4 billion). It "
      "needs approval from the National Commission on Markets and Competition (CNMC). Cellpath Energy, a "
      "subsidiary of Orbcom, will operate the network and supply fiber cables to Telvia.");
  EXPECT_NE(Find(d, "National Commission on Markets and Competition", "also_known_as", "CNMC"), nullptr);
  EXPECT_NE(Find(d, "Telvia", "is_a", "Spanish telecom operator"), nullptr);
  EXPECT_NE(Find(d, "Telvia", "acquisition_amount", "5900000000 EUR"), nullptr);
  EXPECT_NE(Find(d, "Telvia", "acquisition_amount", "6400000000 USD"), nullptr);
  EXPECT_NE(Find(d, "Cellpath Energy", "part_of", "Orbcom"), nullptr);
  EXPECT_NE(Find(d, "Cellpath Energy", "supplies_to", "Telvia"), nullptr);
}

TEST(Loader, PartnersPluralDescriptionsAndPlansAfterAnAdverb) {
  const ArticleData d = Extract(
      "Danish energy group Solvane will build the farm with Norwegian partner Kvaro Energi. The two firms "
      "signed a joint venture agreement in March. The company also plans to hire 400 technicians, and it "
      "will "
      "open a service center next year.");
  EXPECT_NE(Find(d, "Solvane", "partners_with", "Kvaro Energi"), nullptr);
  EXPECT_NE(Find(d, "Solvane", "is_a", "Danish energy group"), nullptr);
  // "The two firms" are not one of them.
  EXPECT_EQ(Find(d, "Solvane", "signs", "joint venture agreement"), nullptr);
  EXPECT_EQ(Find(d, "Kvaro Energi", "signs", "joint venture agreement"), nullptr);
  EXPECT_NE(Find(d, "Solvane", "hires", "400 technicians"), nullptr);
  EXPECT_NE(Find(d, "Solvane", "opens", "service center"), nullptr);
}

TEST(Loader, LoansDescriptiveParticiplesAndTheFirmSaid) {
  const ArticleData d = Extract(
      "The development bank BNDES has approved a loan of 4.3 billion reais ($800 million) to mining company "
      "Vexa Minerals. Vexa, based in Perth, bought two mines in 2023. The firm said it may sell part of its "
      "output to Japanese battery makers such as Panasonic.");
  EXPECT_NE(Find(d, "BNDES", "funds", "Vexa Minerals"), nullptr);
  EXPECT_NE(Find(d, "Vexa Minerals", "is_a", "mining company"), nullptr);
  EXPECT_NE(Find(d, "Vexa Minerals", "headquartered_in", "Perth"), nullptr);
  EXPECT_NE(Find(d, "Vexa Minerals", "supplies_to", "Japanese battery makers"), nullptr);
  EXPECT_NE(Find(d, "Panasonic", "is_a", "Japanese battery maker"), nullptr);
}

TEST(Loader, PronounAfterAndIsNotTheLastMemberOfAList) {
  const ArticleData d = Extract(
      "TowerCo East Africa will operate 9,000 towers in Kenya, Tanzania and Uganda, and it plans to build "
      "2,000 "
      "more by 2028.");
  EXPECT_NE(Find(d, "TowerCo East Africa", "operates", "9,000 towers"), nullptr);
  EXPECT_NE(Find(d, "TowerCo East Africa", "plans_to", "build 2,000"), nullptr);
  EXPECT_EQ(Find(d, "Uganda", "plans_to", "build 2,000"), nullptr);
  EXPECT_EQ(Find(d, "Tanzania", "plans_to", "build 2,000"), nullptr);
}

TEST(Loader, BackingAmountsAndItAfterAThing) {
  const ArticleData d = Extract(
      "Swiss drugmaker Nestor Pharma will open a research hub in Singapore, backed by S$120 million from the "
      "Economic Development Board (EDB), the agency said. The hub will employ about 250 scientists. It is "
      "Nestor's largest research site outside Europe. The firm said the site near Basel would close.");
  EXPECT_NE(Find(d, "Nestor Pharma", "is_a", "Swiss drugmaker"), nullptr);
  EXPECT_NE(Find(d, "Economic Development Board", "funds", "Nestor Pharma"), nullptr);
  // "It" after "The hub …" is the hub, not Singapore or Nestor Pharma.
  for (const auto& f : d.facts) {
    EXPECT_FALSE(f.predicate == "is_a" && f.object.ToString().find("research site") != std::string::npos)
        << f.subject.ToString();
    // "said the site …" is a cut-short clause, not a fact "says site".
    EXPECT_NE(f.predicate, "says");
  }
}

TEST(Loader, CorporateRoleTitlesBeforeNames) {
  const ArticleData d = Extract(
      "Solvane opened a plant. \"This is a big day,\" chief executive Mette Holm told reporters. Google "
      "chief executive Sundar Pichai said Google will invest. \"We are proud,\" said Anna Berg, chief "
      "executive of Nordvolt.");
  EXPECT_NE(Find(d, "Mette Holm", "ceo_of", "Solvane"), nullptr);
  EXPECT_NE(Find(d, "Sundar Pichai", "ceo_of", "Google"), nullptr);
  EXPECT_NE(Find(d, "Anna Berg", "ceo_of", "Nordvolt"), nullptr);
  EXPECT_EQ(Find(d, "Nordvolt", "ceo_of", "Google"), nullptr);
}

TEST(Robustness, BadInputsGiveClearErrors) {
  EXPECT_EQ(ExtractArticle("e", "").status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(ExtractArticle("b", std::string("\x00\x01\x02\x03", 4)).status().code(),
            Status::Code::kInvalidArgument);
  auto bad = ExtractArticle("u", "Zentrix invested.\nIn \xc3\x28 Peru.");
  ASSERT_FALSE(bad.ok());
  ASSERT_TRUE(bad.status().span().has_value());
  EXPECT_EQ(bad.status().span()->line, 2u);
  EXPECT_EQ(bad.status().span()->column, 4u);
}

// Without its model the trained parser's source falls back to the rules
// alone: the same facts as SyntaxSource::kNone, and one warning naming the
// file tried and what to do.
TEST(Robustness, MissingSyntaxModelFallsBackWithOneWarning) {
  const std::string text = "Acme opened a plant in Oslo. The company plans to hire 50 engineers.";
  LoaderOptions missing;
  missing.syntax_model = "/nonexistent/kg-loader-test.kgm";
  auto r = ExtractArticle("t", text, missing);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_NE(r->warnings[0].find("/nonexistent/kg-loader-test.kgm"), std::string::npos) << r->warnings[0];
  EXPECT_NE(r->warnings[0].find("check the path"), std::string::npos) << r->warnings[0];
  LoaderOptions none;
  none.syntax_source = SyntaxSource::kNone;
  auto plain = ExtractArticle("t", text, none);
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE(plain->warnings.empty());
  ASSERT_EQ(r->facts.size(), plain->facts.size());
  for (size_t i = 0; i < r->facts.size(); ++i) {
    EXPECT_EQ(r->facts[i].subject.ToString(), plain->facts[i].subject.ToString());
    EXPECT_EQ(r->facts[i].predicate, plain->facts[i].predicate);
    EXPECT_EQ(r->facts[i].object.ToString(), plain->facts[i].object.ToString());
  }
  // Sentence by sentence (Open IE), the warning is reported once.
  auto ex = ExtractSentences("Acme opened a plant.\nGlobex hired 50 engineers.\n", missing);
  ASSERT_TRUE(ex.ok());
  EXPECT_EQ(ex->warnings.size(), 1u);
}

TEST(Robustness, HugeSingleLineDoesNotStall) {
  std::string big;
  big.reserve(10u << 20);
  while (big.size() < (10u << 20)) big += "the market and the company of the region grew with a plan ";
  auto r = ExtractArticle("big", big);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->warnings.empty());
}

TEST(Robustness, ManyShortSentencesOnOneLine) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "Zentrix invested in Chile. ";
  auto r = ExtractArticle("many", text);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->sentences.size(), 3000u);
}

}  // namespace
}  // namespace kg::loader
