// Format version 3: exact money (the codec keeps every digit and orders
// amounts bytewise) and Unicode-folded lookup keys for entities and
// predicates. A version-2 database (money as doubles, predicates unfolded) is
// read by readers and upgraded in place by the first writer.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/key_codec.h"
#include "storage/store.h"
#include "tests/storage/test_util.h"

namespace kg::storage::testing {
namespace {

namespace codec = kg::storage::codec;
using codec::TermTag;

Value Usd(const char* amount) {
  MoneyUnits units = 0;
  EXPECT_TRUE(Value::ParseMoneyUnits(amount, &units)) << amount;
  return Value::MoneyExact(units, "USD");
}

TEST(MoneyCodec, KeepsEveryDigitBeyondTwoToThe53) {
  for (const char* amount : {"9007199254740993", "0.1", "-0.0001", "12345678901234567.89",
                             "-170141183460469231731687303715884.1052"}) {
    Value v = Usd(amount);
    auto enc = codec::EncodeTerm(v);
    ASSERT_TRUE(enc.ok());
    EXPECT_EQ((*enc)[0], static_cast<char>(TermTag::kMoney));
    auto back = codec::DecodeTerm(*enc);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->ToString(), std::string(amount) + " USD");
    EXPECT_EQ(back->money_units(), v.money_units());
  }
}

TEST(MoneyCodec, OrdersBytewiseLikeTheAmounts) {
  std::vector<const char*> sorted = {"-1e30",  "-9007199254740993", "-9007199254740992", "-0.0001", "0",
                                     "0.0001", "9007199254740992",  "9007199254740993",  "1e30"};
  for (size_t i = 0; i + 1 < sorted.size(); ++i) {
    std::string a = *codec::EncodeTerm(Usd(sorted[i]));
    std::string b = *codec::EncodeTerm(Usd(sorted[i + 1]));
    EXPECT_LT(a, b) << sorted[i] << " < " << sorted[i + 1];
    EXPECT_LT(Value::Compare(Usd(sorted[i]), Usd(sorted[i + 1])), 0);
  }
}

TEST(MoneyCodec, ReadsTheVersion2DoubleEncoding) {
  std::string legacy = codec::LegacyMoneyLookupKey(Value::Money(2.5e9, "JPY"));
  ASSERT_EQ(legacy[0], static_cast<char>(TermTag::kMoneyDouble));
  auto v = codec::DecodeTerm(legacy);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->ToString(), "2500000000 JPY");
}

ArticleData MoneyArticle() {
  ArticleData a;
  a.name = "deals";
  a.content = "money";
  a.sentences = {"Acme raised money."};
  for (const char* amount : {"0.1", "2500000000", "0.25"}) {
    Fact f;
    f.subject = Value::Entity("Acme");
    f.predicate = "raised";
    f.object = Usd(amount);
    a.facts.push_back(f);
  }
  Fact ceo;
  ceo.subject = Value::Entity("Acme");
  ceo.predicate = "hasCEO";
  ceo.object = Value::Entity("Jane Roe");
  a.facts.push_back(ceo);
  return a;
}

// A reader of the database at `path`, as a second process opens it. It
// reads an older format as it is (the default reader upgrades it first, as
// format_v4_test.cc shows).
Result<std::unique_ptr<Store>> OpenReader(const std::string& path) {
  Options o;
  o.mode = OpenMode::kReader;
  o.upgrade_older_format = false;
  return Store::Open(path, o);
}

// A database as a version-2 kg wrote it: money as doubles.

void MakeVersion2(const std::string& path) {
  auto store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ASSERT_TRUE((*store)->AddArticle(MoneyArticle()).ok());
  ASSERT_TRUE((*store)->DowngradeToV2ForTesting().ok());
}

TEST(MoneyFormat, ReaderOfAVersion2DatabaseReadsDoubleMoney) {
  TempDir dir;
  MakeVersion2(dir.path());
  auto reader = OpenReader(dir.path());
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ((*reader)->format_version(), 2u);
  TermId id = (*reader)->FindLiteral(Usd("0.1"));
  ASSERT_NE(id, kNoTerm);
  auto v = (*reader)->GetTerm(id);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->ToString(), "0.1 USD");
  EXPECT_EQ(CheckConsistency(**reader), "");
}

TEST(MoneyFormat, WriterUpgradesAVersion2Database) {
  TempDir dir;
  MakeVersion2(dir.path());
  TermId before = kNoTerm;
  {
    auto reader = OpenReader(dir.path());
    ASSERT_TRUE(reader.ok());
    before = (*reader)->FindLiteral(Usd("2500000000"));
    EXPECT_EQ((*reader)->TermCount(static_cast<int>(TermTag::kMoneyDouble)), 3u);
  }
  ASSERT_NE(before, kNoTerm);
  {
    auto store = Store::Open(dir.path());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EXPECT_EQ((*store)->format_version(), kFormatVersion);
    EXPECT_EQ((*store)->FindLiteral(Usd("2500000000")), before);  // ids are kept
    EXPECT_EQ((*store)->TermCount(static_cast<int>(TermTag::kMoney)), 3u);
    EXPECT_EQ((*store)->TermCount(static_cast<int>(TermTag::kMoneyDouble)), 0u);
    EXPECT_EQ(CheckConsistency(**store), "");
  }
  auto reader = OpenReader(dir.path());
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->format_version(), kFormatVersion);
  TermId id = (*reader)->FindLiteral(Usd("0.25"));
  ASSERT_NE(id, kNoTerm);
  auto enc = codec::EncodeTerm(*(*reader)->GetTerm(id));
  EXPECT_EQ((*enc)[0], static_cast<char>(TermTag::kMoney));
}

TEST(FoldFormat, WriterRefoldsThePredicateKeysOfAVersion2Database) {
  TempDir dir;
  MakeVersion2(dir.path());
  TermId before = kNoTerm;
  {
    auto reader = OpenReader(dir.path());
    ASSERT_TRUE(reader.ok());
    before = (*reader)->FindPredicate("hasCEO");  // version 2: as written only
    EXPECT_EQ((*reader)->FindPredicate("hasceo"), kNoTerm);
  }
  ASSERT_NE(before, kNoTerm);
  auto store = Store::Open(dir.path());
  ASSERT_TRUE(store.ok());
  for (const char* name : {"hasCEO", "hasceo", "HASCEO"})
    EXPECT_EQ((*store)->FindPredicate(name), before) << name;
  EXPECT_EQ(CheckConsistency(**store), "");
  // New writes under another spelling join the same predicate.
  ArticleData more;
  more.name = "more";
  more.content = "more";
  more.sentences = {"x"};
  Fact f;
  f.subject = Value::Entity("Beta");
  f.predicate = "HasCeo";
  f.object = Value::Entity("Joe");
  more.facts.push_back(f);
  ASSERT_TRUE((*store)->AddArticle(more).ok());
  EXPECT_EQ((*store)->FindPredicate("hasceo"), before);
  EXPECT_EQ((*store)->PredicateStats(before).triples, 2u);
}

}  // namespace
}  // namespace kg::storage::testing
