#include "loader/article/redundant_literals.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kg::loader {
namespace {

Fact Literal(const std::string& s, const std::string& p, const std::string& o, uint32_t sentence = 1) {
  Fact f;
  f.subject = Value::Entity(s);
  f.predicate = p;
  f.object = Value::String(o);
  f.sentence = sentence;
  return f;
}

std::vector<std::string> Objects(const std::vector<Fact>& facts) {
  std::vector<std::string> out;
  for (const Fact& f : facts) out.push_back(f.object.text());
  return out;
}

TEST(RedundantLiterals, AHeadGoesBesideItsFullPhrase) {
  std::vector<Fact> facts = {Literal("Bank", "provides", "loan"),
                             Literal("Bank", "provides", "EUR 40 million loan")};
  DropRedundantLiterals(&facts);
  EXPECT_EQ(Objects(facts), std::vector<std::string>{"EUR 40 million loan"});
}

TEST(RedundantLiterals, ACoordinationGoesBesideItsConjuncts) {
  std::vector<Fact> facts = {Literal("Japan", "faces", "aging population and labor shortages"),
                             Literal("Japan", "faces", "aging population"),
                             Literal("Japan", "faces", "labor shortages")};
  DropRedundantLiterals(&facts);
  EXPECT_EQ(Objects(facts), (std::vector<std::string>{"aging population", "labor shortages"}));
}

TEST(RedundantLiterals, APhraseInsideADroppedCoordinationStays) {
  // "structural challenges" is inside the list reading, which goes for its
  // conjuncts; it must not go with it.
  std::vector<Fact> facts = {
      Literal("Japan", "faces", "several structural challenges, including: aging population"),
      Literal("Japan", "faces", "several structural challenges"),
      Literal("Japan", "faces", "aging population")};
  DropRedundantLiterals(&facts);
  EXPECT_EQ(Objects(facts), (std::vector<std::string>{"several structural challenges", "aging population"}));
}

TEST(RedundantLiterals, OtherSubjectsPredicatesSentencesAndEntitiesAreKept) {
  std::vector<Fact> facts = {
      Literal("A", "provides", "loan"), Literal("B", "provides", "EUR 40 million loan"),
      Literal("A", "funds", "EUR 40 million loan"), Literal("A", "provides", "EUR 40 million loan", 2)};
  Fact entity;
  entity.subject = Value::Entity("A");
  entity.predicate = "provides";
  entity.object = Value::Entity("Loan");
  entity.sentence = 1;
  facts.push_back(entity);
  DropRedundantLiterals(&facts);
  EXPECT_EQ(facts.size(), 5U);
}

}  // namespace
}  // namespace kg::loader
