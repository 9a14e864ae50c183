#include "loader/canonical/literals.h"

#include <gtest/gtest.h>

namespace kg::loader::canonical {
namespace {

TEST(Money, NewsStyleAmounts) {
  auto m = ParseMoney("US$2.9 billion");
  ASSERT_TRUE(m);
  EXPECT_DOUBLE_EQ(m->amount, 2.9e9);
  EXPECT_EQ(m->currency, "USD");
  m = ParseMoney("$10 billion investment");
  ASSERT_TRUE(m);
  EXPECT_DOUBLE_EQ(m->amount, 1e10);
  m = ParseMoney("$2.9B");
  ASSERT_TRUE(m);
  EXPECT_DOUBLE_EQ(m->amount, 2.9e9);
  m = ParseMoney(
      "\xe2\x82\xac"
      "5 million");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->currency, "EUR");
  EXPECT_DOUBLE_EQ(m->amount, 5e6);
  m = ParseMoney("$ 4.25");
  ASSERT_TRUE(m);
  EXPECT_DOUBLE_EQ(m->amount, 4.25);
  EXPECT_FALSE(ParseMoney("1 million professionals"));
  EXPECT_FALSE(ParseMoney("5%"));
}

TEST(Money, ConvertedAmountKeepsBoth) {
  const auto all = FindMoney("2.26 trillion yen ($15.24 billion)");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].currency, "JPY");
  EXPECT_DOUBLE_EQ(all[0].amount, 2.26e12);
  EXPECT_EQ(all[1].currency, "USD");
  EXPECT_DOUBLE_EQ(all[1].amount, 15.24e9);
}

TEST(Money, CurrencyNamedWithItsCountry) {
  auto m = ParseMoney("700 million Swiss francs");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->currency, "CHF");
  EXPECT_DOUBLE_EQ(m->amount, 7e8);
  m = ParseMoney("4.5 billion Hong Kong dollars");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->currency, "HKD");
  EXPECT_DOUBLE_EQ(m->amount, 4.5e9);
  const auto all = FindMoney("12 billion Mexican pesos ($650 million)");
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].currency, "MXN");
  EXPECT_EQ(all[1].currency, "USD");
  EXPECT_FALSE(ParseMoney("300 Swiss workers"));
}

TEST(Counts, NumbersAndScaleWords) {
  EXPECT_EQ(ParseCount("1 million professionals"), 1000000);
  EXPECT_EQ(ParseCount("1,500 jobs"), 1500);
  EXPECT_EQ(ParseCount("three areas"), 3);
  EXPECT_EQ(ParseCount("2.5 million"), 2500000);
  EXPECT_FALSE(ParseCount("$5 million"));
  EXPECT_FALSE(ParseCount("workers"));
}

TEST(Dates, DayWithoutYearIsTheLatestOnOrBeforeTheArticleDate) {
  auto d = ParseDate("on April 3", "2025-04-17");
  ASSERT_TRUE(d);
  EXPECT_EQ(DateToIso(*d), "2025-04-03");
  d = ParseDate("on December 30", "2026-01-05");  // the previous year
  ASSERT_TRUE(d);
  EXPECT_EQ(DateToIso(*d), "2025-12-30");
  d = ParseDate("yesterday", "2026-03-01");
  ASSERT_TRUE(d);
  EXPECT_EQ(DateToIso(*d), "2026-02-28");
  EXPECT_FALSE(ParseDate("on April 3"));  // no article date, no year: unresolved
}

TEST(Dates, AbsoluteAndRelative) {
  auto d = ParseDate("April 10, 2024");
  ASSERT_TRUE(d);
  EXPECT_EQ(DateToIso(*d), "2024-04-10");
  d = ParseDate("in 2030");
  ASSERT_TRUE(d);
  EXPECT_EQ(DateToIso(*d), "2030");
  // 2025-03-14 is a Friday; "on Tuesday" is 2025-03-11.
  d = ParseDate("on Tuesday", "2025-03-14");
  ASSERT_TRUE(d);
  EXPECT_EQ(DateToIso(*d), "2025-03-11");
  d = ParseDate("yesterday", "2025-03-01");
  ASSERT_TRUE(d);
  EXPECT_EQ(DateToIso(*d), "2025-02-28");
  EXPECT_FALSE(ParseDate("on Tuesday"));  // no article date: unresolved
}

}  // namespace
}  // namespace kg::loader::canonical
