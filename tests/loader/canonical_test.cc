#include <gtest/gtest.h>

#include "loader/canonical/gazetteer.h"
#include "loader/canonical/predicates.h"
#include "loader/predicate_synonyms.h"

namespace kg::loader::canonical {
namespace {

TEST(Gazetteer, CountriesRegionsCompaniesAgencies) {
  const auto& g = Gazetteer::Get();
  auto e = g.Lookup("Japan");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->type, "Country");
  e = g.Lookup("U.S.");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->name, "United States");
  e = g.Lookup("AWS");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->name, "Amazon Web Services");
  EXPECT_EQ(e->type, "Company");
  e = g.Lookup("METI");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->type, "GovernmentAgency");
  EXPECT_EQ(e->country, "Japan");
  EXPECT_EQ(g.RegionOf("Kenya"), "Africa");
  EXPECT_EQ(g.RegionOf("Brazil"), "South America");
  EXPECT_EQ(g.CountryOfDemonym("Japanese"), "Japan");
  e = g.Lookup("Nairobi");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->country, "Kenya");
}

TEST(Gazetteer, AcronymAliasesNeedCapitals) {
  const auto& g = Gazetteer::Get();
  auto e = g.Lookup("DOE");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->type, "GovernmentAgency");
  EXPECT_FALSE(g.Lookup("Doe"));  // "Jane Doe" is a person
  EXPECT_TRUE(g.Lookup("Department of Energy"));
}

TEST(Vocabulary, SynonymsMapToOnePredicate) {
  const auto& v = Vocabulary::Get();
  EXPECT_EQ(v.ForVerbPrep("invest", "in"), "invests_in");
  EXPECT_EQ(v.ForVerbPrep("pour", "into"), "invests_in");
  EXPECT_EQ(v.ForNoun("investment", "in"), "invests_in");
  EXPECT_EQ(v.ForVerb("unveil"), "announced");
  EXPECT_EQ(v.ForVerb("introduce"), "launched");
  EXPECT_EQ(v.ForNoun("partnership", "with"), "partners_with");
  EXPECT_FALSE(v.ForVerb("flutter"));
}

TEST(Vocabulary, FallbackPredicateInflects) {
  EXPECT_EQ(FallbackPredicate("advance"), "advances");
  EXPECT_EQ(FallbackPredicate("push"), "pushes");
  EXPECT_EQ(FallbackPredicate("rely", "on"), "relies_on");
  EXPECT_EQ(FallbackPredicate("set up"), "sets_up");
  EXPECT_EQ(FallbackPredicate("be"), "is");
}

}  // namespace
}  // namespace kg::loader::canonical

// Query-side synonyms: what a user types resolves to the vocabulary's names.
TEST(PredicateSynonyms, UserSpellingsMapToCanonicalPredicates) {
  auto first = [](std::string_view name) {
    auto c = kg::loader::PredicateCandidates(name);
    return c.empty() ? std::string() : c.front();
  };
  EXPECT_EQ(first("invests_in"), "invests_in");
  EXPECT_EQ(first("invest_in"), "invests_in");
  EXPECT_EQ(first("Invest In"), "invests_in");
  EXPECT_EQ(first("investment_in"), "invests_in");
  EXPECT_EQ(first("invested-in"), "invests_in");
  EXPECT_EQ(first("partner_with"), "partners_with");
  EXPECT_EQ(first("announce"), "announced");
  EXPECT_TRUE(kg::loader::PredicateCandidates("").empty());
  EXPECT_TRUE(kg::loader::PredicateCandidates("___").empty());
}
