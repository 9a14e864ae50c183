// CompareKey / CompareText: the values COMPARE treats as the same.
#include "query/exec/compare_key.h"

#include <gtest/gtest.h>

namespace kg::query {
namespace {

TEST(CompareKeyTest, NumberCaseAndDeterminersDoNotMatter) {
  EXPECT_EQ(CompareText("data centers"), CompareText("data center"));
  EXPECT_EQ(CompareText("Data Centers"), "data center");
  EXPECT_EQ(CompareText("the plant"), CompareText("plant"));
  EXPECT_EQ(CompareText("its partner"), "partner");
  EXPECT_EQ(CompareText("a data center"), "data center");
  EXPECT_EQ(CompareText("facilities"), "facility");
  EXPECT_EQ(CompareText("branches"), "branch");
  EXPECT_EQ(CompareText("boxes"), "box");
  EXPECT_EQ(CompareText("classes"), "class");
  EXPECT_EQ(CompareText("ΩMEGA plants"), "ωmega plant");
  EXPECT_EQ(CompareText("  solar   plants "), "solar plant");
}

TEST(CompareKeyTest, WordsThatOnlyLookPluralStay) {
  for (const char* word : {"news", "series", "glass", "campus", "analysis", "gas", "its", "bus"}) {
    EXPECT_EQ(CompareText(word), word);
  }
  // A determiner alone is the value itself.
  EXPECT_EQ(CompareText("A"), "a");
  EXPECT_EQ(CompareText("The"), "the");
}

TEST(CompareKeyTest, LiteralsMatchByKindAndExactValue) {
  EXPECT_EQ(CompareKey(Value::Entity("Data Centers")), CompareKey(Value::String("data center")));
  EXPECT_EQ(CompareKey(Value::Money(2500000000, "USD")), CompareKey(Value::Money(2500000000, "USD")));
  EXPECT_NE(CompareKey(Value::Money(2500000000, "USD")), CompareKey(Value::Money(2500000000, "EUR")));
  EXPECT_NE(CompareKey(Value::Money(3, "USD")), CompareKey(Value::String("3 USD")));
  EXPECT_NE(CompareKey(Value::Integer(1994)), CompareKey(Value::Integer(1995)));
}

}  // namespace
}  // namespace kg::query
