#include "storage/key_codec.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "api/case_fold.h"

namespace kg::storage::codec {
namespace {

std::string Enc(const Value& v) { return EncodeTerm(v).value(); }

void ExpectRoundTrip(const Value& v) {
  auto enc = EncodeTerm(v);
  ASSERT_TRUE(enc.ok()) << v.ToString();
  auto dec = DecodeTerm(*enc);
  ASSERT_TRUE(dec.ok()) << v.ToString();
  EXPECT_EQ(dec->kind(), v.kind()) << v.ToString();
  EXPECT_EQ(Value::Compare(*dec, v), 0) << v.ToString() << " vs " << dec->ToString();
  EXPECT_EQ(dec->ToString(), v.ToString());
}

// For a list of values of one kind: byte order of the encodings must equal
// Value::Compare order.
void ExpectOrderPreserved(std::vector<Value> values) {
  std::mt19937 rng(7);
  std::shuffle(values.begin(), values.end(), rng);
  std::vector<Value> by_value = values, by_bytes = values;
  std::stable_sort(by_value.begin(), by_value.end(), [](const Value& a, const Value& b) { return a < b; });
  std::stable_sort(by_bytes.begin(), by_bytes.end(),
                   [](const Value& a, const Value& b) { return Enc(a) < Enc(b); });
  for (size_t i = 0; i < values.size(); ++i) {
    EXPECT_EQ(Value::Compare(by_value[i], by_bytes[i]), 0)
        << i << ": " << by_value[i].ToString() << " vs " << by_bytes[i].ToString();
  }
}

TEST(KeyCodec, IdsAreBigEndianAndSortNumerically) {
  std::vector<uint64_t> ids = {0, 1, 255, 256, 65535, 65536, 1ull << 32, (1ull << 63) + 5, ~0ull};
  for (size_t i = 0; i + 1 < ids.size(); ++i) {
    EXPECT_LT(IdKey(ids[i]), IdKey(ids[i + 1])) << ids[i];
    EXPECT_EQ(GetU64(IdKey(ids[i]).data()), ids[i]);
  }
  EXPECT_EQ(IdKey(1), std::string("\0\0\0\0\0\0\0\x01", 8));
}

TEST(KeyCodec, RoundTripsEveryKind) {
  ExpectRoundTrip(Value::Entity("Microsoft"));
  ExpectRoundTrip(Value::Entity("Société Générale"));
  ExpectRoundTrip(Value::Predicate("invests_in"));
  ExpectRoundTrip(Value::Article("aws-japan"));
  ExpectRoundTrip(Value::String(""));
  ExpectRoundTrip(Value::String(std::string("a\0b", 3)));
  for (int64_t i : {int64_t{0}, int64_t{-1}, int64_t{1}, std::numeric_limits<int64_t>::min(),
                    std::numeric_limits<int64_t>::max()}) {
    ExpectRoundTrip(Value::Integer(i));
  }
  for (double d : {0.0, -1.5, 3.25, 1e300, -1e-300, std::numeric_limits<double>::infinity()}) {
    ExpectRoundTrip(Value::Decimal(d));
  }
  ExpectRoundTrip(Value::Money(10000000000.0, "USD"));
  ExpectRoundTrip(Value::Money(-2.5, "JPY"));
  ExpectRoundTrip(Value::DateValue(Date{2024, 4, 10}));
  ExpectRoundTrip(Value::DateValue(Date{2024, 0, 0}));
  ExpectRoundTrip(Value::DateValue(Date{-44, 3, 15}));
  ExpectRoundTrip(Value::Bool(true));
  ExpectRoundTrip(Value::Bool(false));
}

TEST(KeyCodec, NullIsNotATerm) {
  EXPECT_FALSE(EncodeTerm(Value()).ok());
  EXPECT_FALSE(DecodeTerm("").ok());
  EXPECT_FALSE(DecodeTerm(std::string(1, static_cast<char>(TermTag::kInteger)) + "abc").ok());
  EXPECT_FALSE(DecodeTerm(std::string(1, '\x7f')).ok());
}

TEST(KeyCodec, IntegersSortByValue) {
  std::vector<Value> v;
  std::mt19937_64 rng(1);
  for (int i = 0; i < 200; ++i) v.push_back(Value::Integer(static_cast<int64_t>(rng())));
  for (int64_t x : {int64_t{0}, int64_t{-1}, int64_t{1}, std::numeric_limits<int64_t>::min(),
                    std::numeric_limits<int64_t>::max()}) {
    v.push_back(Value::Integer(x));
  }
  ExpectOrderPreserved(v);
}

TEST(KeyCodec, DecimalsSortByValue) {
  std::vector<Value> v;
  std::mt19937_64 rng(2);
  std::uniform_real_distribution<double> d(-1e6, 1e6);
  for (int i = 0; i < 200; ++i) v.push_back(Value::Decimal(d(rng)));
  for (double x : {0.0, -0.0, 1e-310, -1e-310, 1e308, -1e308, std::numeric_limits<double>::infinity(),
                   -std::numeric_limits<double>::infinity()}) {
    v.push_back(Value::Decimal(x));
  }
  ExpectOrderPreserved(v);
  EXPECT_EQ(Enc(Value::Decimal(0.0)), Enc(Value::Decimal(-0.0)));
}

TEST(KeyCodec, MoneySortsByAmountThenCurrency) {
  std::vector<Value> v;
  for (double a : {-5.0, 0.0, 1.0, 1e9, 1e10, 2.5e10}) {
    for (const char* c : {"EUR", "JPY", "USD"}) v.push_back(Value::Money(a, c));
  }
  ExpectOrderPreserved(v);
}

TEST(KeyCodec, DatesSortChronologically) {
  std::vector<Value> v;
  for (int y : {-100, 0, 1999, 2024, 2025}) {
    for (uint8_t m : {0, 1, 12}) {
      for (uint8_t d : {0, 1, 31}) {
        if (m == 0 && d != 0) continue;
        v.push_back(Value::DateValue(Date{y, m, d}));
      }
    }
  }
  ExpectOrderPreserved(v);
}

TEST(KeyCodec, StringsAndBoolsSortByValue) {
  ExpectOrderPreserved({Value::String(""), Value::String("a"), Value::String("ab"), Value::String("b"),
                        Value::String("B"), Value::String("\xc3\xa9")});
  ExpectOrderPreserved({Value::Bool(false), Value::Bool(true)});
}

TEST(KeyCodec, KindsDoNotCollide) {
  // Same payload bytes under different tags are different terms.
  EXPECT_NE(Enc(Value::Entity("x")), Enc(Value::String("x")));
  EXPECT_NE(Enc(Value::Entity("x")), Enc(Value::Predicate("x")));
  EXPECT_NE(Enc(Value::Integer(1)), Enc(Value::Decimal(1)));
}

TEST(KeyCodec, EntityLookupIsCaseInsensitive) {
  EXPECT_EQ(TermLookupKey(Value::Entity("Microsoft")).value(),
            TermLookupKey(Value::Entity("MICROSOFT")).value());
  EXPECT_EQ(TermLookupKey(Value::Entity("Société")).value(), TermLookupKey(Value::Entity("SOCIÉTÉ")).value());
  EXPECT_NE(TermLookupKey(Value::String("Microsoft")).value(),
            TermLookupKey(Value::String("microsoft")).value());
  EXPECT_EQ(kg::FoldCase("AbC×"), "abc×");
}

// Issue 12: one Unicode-aware rule for entities and predicates alike.
TEST(KeyCodec, EntityAndPredicateLookupFoldUnicode) {
  EXPECT_EQ(TermLookupKey(Value::Predicate("hasCEO")).value(),
            TermLookupKey(Value::Predicate("hasceo")).value());
  EXPECT_EQ(TermLookupKey(Value::Entity("ΩMEGA Ltd")).value(),
            TermLookupKey(Value::Entity("ωmega ltd")).value());
  EXPECT_EQ(TermLookupKey(Value::Entity("ŁÓDŹ")).value(), TermLookupKey(Value::Entity("łódź")).value());
  EXPECT_EQ(TermLookupKey(Value::Entity("МОСКВА")).value(), TermLookupKey(Value::Entity("москва")).value());
  EXPECT_EQ(kg::FoldCase(std::string("Micro\0soft", 10)), "microsoft");  // NUL never reaches a key
  EXPECT_EQ(kg::FoldCase("bad\xff"), "bad\xff");                         // invalid UTF-8 is kept
  for (const char* s : {"ẞtraße", "ǅ", "İstanbul", "ΣΊΣΥΦΟΣ"}) {
    EXPECT_EQ(kg::FoldCase(kg::FoldCase(s)), kg::FoldCase(s)) << s;  // idempotent
  }
}

TEST(KeyCodec, TripleKeysRoundTripInEveryIndex) {
  for (Index ix : {Index::kSpo, Index::kPos, Index::kOsp}) {
    std::string k = TripleKey(ix, 1, 2, 300);
    ASSERT_EQ(k.size(), 24u);
    IdTriple t = DecodeTripleKey(ix, k);
    EXPECT_EQ(t.s, 1u);
    EXPECT_EQ(t.p, 2u);
    EXPECT_EQ(t.o, 300u);
  }
  EXPECT_EQ(TripleKey(Index::kPos, 1, 2, 3).substr(0, 8), IdKey(2));
  EXPECT_EQ(TripleKey(Index::kOsp, 1, 2, 3).substr(0, 8), IdKey(3));
}

TEST(KeyCodec, EachPatternIsAPrefixOfItsIndex) {
  const TermId s = 11, p = 22, o = 33;
  for (int mask = 0; mask < 8; ++mask) {
    TermId qs = (mask & 4) ? s : kNoTerm, qp = (mask & 2) ? p : kNoTerm, qo = (mask & 1) ? o : kNoTerm;
    ScanPlan plan = PlanScan(qs, qp, qo);
    std::string key = TripleKey(plan.index, s, p, o);
    EXPECT_EQ(key.substr(0, plan.prefix.size()), plan.prefix) << mask;
    EXPECT_EQ(plan.prefix.size(), 8u * static_cast<size_t>(__builtin_popcount(mask))) << mask;
  }
}

TEST(KeyCodec, PrefixSuccessor) {
  EXPECT_EQ(PrefixSuccessor("ab"), "ac");
  EXPECT_EQ(PrefixSuccessor(std::string("a\xff", 2)), "b");
  EXPECT_EQ(PrefixSuccessor(std::string("\xff\xff", 2)), "");
  EXPECT_EQ(PrefixSuccessor(""), "");
}

TEST(KeyCodec, ProvenanceRoundTrip) {
  Provenance p;
  p.article = 9;
  p.sentence = 4;
  p.span_begin = 3;
  p.span_end = 17;
  p.confidence = 0.75f;
  p.hedged = true;
  std::string k = ProvenanceKey(1, 2, 3, 9, 4);
  IdTriple t;
  Provenance q;
  ASSERT_TRUE(DecodeProvenance(k, EncodeProvenanceValue(p), &t, &q).ok());
  EXPECT_EQ(t.s, 1u);
  EXPECT_EQ(t.o, 3u);
  EXPECT_EQ(q.article, 9u);
  EXPECT_EQ(q.sentence, 4u);
  EXPECT_EQ(q.span_end, 17u);
  EXPECT_FLOAT_EQ(q.confidence, 0.75f);
  EXPECT_TRUE(q.hedged);
  // The default provenance costs no value bytes.
  Provenance d;
  EXPECT_TRUE(EncodeProvenanceValue(d).empty());
  ASSERT_TRUE(DecodeProvenance(k, "", &t, &q).ok());
  EXPECT_FLOAT_EQ(q.confidence, 1.0f);
  EXPECT_FALSE(DecodeProvenance("short", "", &t, &q).ok());
}

TEST(KeyCodec, RecordsRoundTrip) {
  RawFact f{"Microsoft", "did not invest in", {"China", "2024"}, 3, 0.5, true, false};
  auto g = DecodeRawFact(EncodeRawFact(f));
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->relation, f.relation);
  EXPECT_EQ(g->args, f.args);
  EXPECT_TRUE(g->negated);
  EXPECT_FALSE(g->hedged);
  EXPECT_FALSE(DecodeRawFact("x").ok());

  EntityData e{"Ministry of Economy, Trade and Industry", "Agency", {"METI"}, "http://x/meti"};
  auto e2 = DecodeEntity(EncodeEntity(e));
  ASSERT_TRUE(e2.ok());
  EXPECT_EQ(e2->aliases, e.aliases);
  EXPECT_EQ(e2->iri, e.iri);

  ArticleRecord r;
  r.id = 42;
  r.info.source = "a.txt";
  r.info.content_hash = "abc";
  r.info.facts = 7;
  auto r2 = DecodeArticleRecord("name", EncodeArticleRecord(r));
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->id, 42u);
  EXPECT_EQ(r2->info.name, "name");
  EXPECT_EQ(r2->info.facts, 7u);
  EXPECT_FALSE(DecodeArticleRecord("n", "123").ok());
}

TEST(KeyCodec, ContentHashDistinguishesContent) {
  ContentHasher a, b, c;
  a.Update("hello");
  b.Update("hello");
  c.Update("hellp");
  EXPECT_EQ(a.HexDigest(), b.HexDigest());
  EXPECT_NE(a.HexDigest(), c.HexDigest());
  EXPECT_EQ(a.HexDigest().size(), 32u);
}

TEST(KeyCodec, CountsKeyRoundTripAndOrder) {
  for (bool by_object : {false, true}) {
    std::string k = CountsKey(0x0102030405060708ull, by_object, 0xfffffffffffffffeull);
    ASSERT_EQ(k.size(), kCountsKeySize);
    TermId p = 0, id = 0;
    bool role = !by_object;
    ASSERT_TRUE(DecodeCountsKey(k, &p, &role, &id));
    EXPECT_EQ(p, 0x0102030405060708ull);
    EXPECT_EQ(role, by_object);
    EXPECT_EQ(id, 0xfffffffffffffffeull);
    EXPECT_EQ(k.substr(0, 9), CountsPrefix(p, by_object));
    char buf[kCountsKeySize];
    StoreCountsKey(buf, p, by_object, id);
    EXPECT_EQ(std::string(buf, kCountsKeySize), k);
  }
  // Byte order: predicate, then role (subjects before objects), then key id.
  EXPECT_LT(CountsKey(1, true, 900), CountsKey(2, false, 1));
  EXPECT_LT(CountsKey(2, false, 900), CountsKey(2, true, 1));
  EXPECT_LT(CountsKey(2, true, 255), CountsKey(2, true, 256));
  TermId p = 0, id = 0;
  bool role = false;
  EXPECT_FALSE(DecodeCountsKey(CountsKey(1, true, 2).substr(0, 16), &p, &role, &id));
  std::string bad_role = CountsKey(1, true, 2);
  bad_role[8] = 2;
  EXPECT_FALSE(DecodeCountsKey(bad_role, &p, &role, &id));
}

TEST(KeyCodec, KeyCountRoundTrip) {
  KeyCount c{1ull << 40, 12345};
  auto d = DecodeKeyCount(EncodeKeyCount(c));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(*d, c);
  EXPECT_EQ(EncodeKeyCount(c).size(), 16u);
  EXPECT_FALSE(DecodeKeyCount("short").ok());
  EXPECT_FALSE(DecodeKeyCount(EncodeKeyCount(KeyCount{1, 2})).ok());  // more hedged than triples
}

}  // namespace
}  // namespace kg::storage::codec
