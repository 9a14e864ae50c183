// Format version 4: entity types are `is_a` triples (they were `type` triples
// up to version 3). tests/storage/data/format-v3-db is a database written by
// the kg before this change (format version 3; how it was made:
// tests/storage/data/README.md): two loaded articles whose entity types are
// `type` triples, and an RDF import whose rdf:type triples are `is_a` — one of
// them, Japan is_a Country, the same fact as aws-japan's Japan type Country.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "storage/store.h"
#include "tests/storage/test_util.h"

namespace kg::storage::testing {
namespace {

namespace fs = std::filesystem;

// A copy of the version-3 fixture at `path` (opening it upgrades it).
void CopyVersion3(const std::string& path) {
  fs::copy(KG_STORAGE_TEST_DATA "/format-v3-db", path);
  ASSERT_TRUE(fs::exists(path + "/CURRENT"));
}

Result<std::unique_ptr<Store>> Open(const std::string& path, OpenMode mode, bool upgrade = true) {
  Options o;
  o.mode = mode;
  o.upgrade_older_format = upgrade;
  return Store::Open(path, o);
}

// The subjects of `? -predicate-> object` (names), or {"<no predicate>"}.
std::set<std::string> Subjects(const Store& store, std::string_view predicate, std::string_view object) {
  TermId p = store.FindPredicate(predicate);
  if (p == kNoTerm) return {"<no predicate>"};
  std::set<std::string> out;
  for (auto cursor = store.Scan(kNoTerm, p, store.FindEntity(object)); cursor->Valid(); cursor->Next())
    out.insert(store.GetTerm(cursor->Get().s)->text());
  return out;
}

// Every triple as "s|p|o", for comparing two upgrades.
std::set<std::string> AllTriples(const Store& store) {
  std::set<std::string> out;
  for (auto cursor = store.Scan(kNoTerm, kNoTerm, kNoTerm); cursor->Valid(); cursor->Next()) {
    const IdTriple& t = cursor->Get();
    out.insert(store.GetTerm(t.s)->ToString() + "|" + store.GetTerm(t.p)->ToString() + "|" +
               store.GetTerm(t.o)->ToString());
  }
  return out;
}

const std::set<std::string> kCompanies = {"Amazon Web Services", "Google", "Microsoft", "NTT"};

TEST(Format4, TheFixtureIsAVersion3DatabaseWithTypeTriples) {
  TempDir dir;
  CopyVersion3(dir.path());
  auto old = Open(dir.path(), OpenMode::kReader, /*upgrade=*/false);
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  EXPECT_EQ((*old)->format_version(), 3u);
  EXPECT_EQ(CheckConsistency(**old), "");
  // Version 3: types under `type`, so `is_a` misses most companies.
  EXPECT_EQ(Subjects(**old, "type", "Company"),
            (std::set<std::string>{"Amazon Web Services", "Google", "NTT"}));
  EXPECT_EQ(Subjects(**old, "is_a", "Company"), (std::set<std::string>{"Microsoft"}));
  EXPECT_EQ((*old)->PredicateStats(kNoTerm).triples, 71u);
}

TEST(Format4, WriterMovesEntityTypesToIsA) {
  TempDir dir;
  CopyVersion3(dir.path());
  auto store = Open(dir.path(), OpenMode::kReadWrite);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  const Store& s = **store;
  EXPECT_EQ(s.format_version(), kFormatVersion);
  EXPECT_EQ(CheckConsistency(s), "");
  EXPECT_EQ(Subjects(s, "is_a", "Company"), kCompanies);
  EXPECT_EQ(Subjects(s, "is_a", "Country"), (std::set<std::string>{"Japan", "Thailand", "United States"}));
  // `type` is gone (its term stays in the dictionary, without triples, and
  // lookups do not find it).
  EXPECT_EQ(s.FindPredicate("type"), kNoTerm);
  for (const std::string& p : s.PredicateNames()) EXPECT_NE(p, "type");
  // Japan type Country (aws-japan) and Japan is_a Country (imported-types)
  // are one triple now, asserted by both articles: one triple fewer.
  EXPECT_EQ(s.PredicateStats(kNoTerm).triples, 70u);
  std::vector<Provenance> prov;
  ASSERT_TRUE(s.GetProvenance(
                   IdTriple{s.FindEntity("Japan"), s.FindPredicate("is_a"), s.FindEntity("Country")}, &prov)
                  .ok());
  std::set<TermId> articles;
  for (const Provenance& p : prov) articles.insert(p.article);
  EXPECT_EQ(articles, (std::set<TermId>{s.FindArticle("aws-japan"), s.FindArticle("imported-types")}));
  // Classes read from text stay `is_a` with a string object.
  TermId japan = s.FindEntity("Japan"), is_a = s.FindPredicate("is_a");
  TermId market = s.FindLiteral(Value::String("key market for global technology companies"));
  ASSERT_NE(market, kNoTerm);
  EXPECT_TRUE(s.Scan(japan, is_a, market)->Valid());
  // The article's triple list and fact count follow the merge.
  auto info = s.GetArticleInfo("aws-japan");
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->facts, 37u);
}

TEST(Format4, ArticlesOfAnUpgradedDatabaseCanBeReplacedAndDeleted) {
  TempDir dir;
  CopyVersion3(dir.path());
  auto store = Open(dir.path(), OpenMode::kReadWrite);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ASSERT_TRUE((*store)->DeleteArticle("aws-japan").ok());
  EXPECT_EQ(CheckConsistency(**store), "");
  // imported-types still says so.
  EXPECT_EQ(Subjects(**store, "is_a", "Country"),
            (std::set<std::string>{"Japan", "Thailand", "United States"}));
  EXPECT_EQ(Subjects(**store, "is_a", "Company"), (std::set<std::string>{"Google", "Microsoft"}));
  ArticleData a = MakeArticle("more", 5);
  ASSERT_TRUE((*store)->AddArticle(a).ok());
  EXPECT_EQ(CheckConsistency(**store), "");
}

TEST(Format4, AReaderUpgradesTheDatabaseFirst) {
  TempDir dir;
  CopyVersion3(dir.path());
  auto reader = Open(dir.path(), OpenMode::kReader);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ((*reader)->format_version(), kFormatVersion);
  EXPECT_EQ(Subjects(**reader, "is_a", "Company"), kCompanies);
  EXPECT_EQ(CheckConsistency(**reader), "");
}

TEST(Format4, AReaderThatCannotUpgradeReadsVersion3AsItIs) {
  TempDir dir;
  CopyVersion3(dir.path());
  auto reader = Open(dir.path(), OpenMode::kReader, /*upgrade=*/false);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ((*reader)->format_version(), 3u);
  EXPECT_EQ(Subjects(**reader, "type", "Country"),
            (std::set<std::string>{"Japan", "Thailand", "United States"}));
  // A writer upgrades the database under the reader, which sees the moved
  // triples after a refresh.
  auto writer = Open(dir.path(), OpenMode::kReadWrite);
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  ASSERT_TRUE((*reader)->Refresh().ok());
  EXPECT_EQ(Subjects(**reader, "is_a", "Company"), kCompanies);
}

TEST(Format4, AnInterruptedUpgradeIsFinishedByTheNextWriter) {
  TempDir whole, cut;
  CopyVersion3(whole.path());
  CopyVersion3(cut.path());
  std::set<std::string> expected;
  {
    auto store = Open(whole.path(), OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    expected = AllTriples(**store);
  }
  Store::upgrade_v4_article_limit_for_testing = 1;  // stops after one article, as a kill would
  auto stopped = Open(cut.path(), OpenMode::kReadWrite);
  Store::upgrade_v4_article_limit_for_testing = SIZE_MAX;
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(stopped.status().code(), Status::Code::kCancelled);
  {
    auto half = Open(cut.path(), OpenMode::kReader, /*upgrade=*/false);
    ASSERT_TRUE(half.ok()) << half.status().ToString();
    EXPECT_EQ((*half)->format_version(), 3u);  // the version is written last
    EXPECT_EQ(CheckConsistency(**half), "");   // every committed step is consistent
    // aws-japan (first by name) is done, google-thailand not yet.
    EXPECT_EQ(Subjects(**half, "type", "Company"), (std::set<std::string>{"Google"}));
    EXPECT_EQ(Subjects(**half, "is_a", "Company"),
              (std::set<std::string>{"Amazon Web Services", "Microsoft", "NTT"}));
  }
  auto store = Open(cut.path(), OpenMode::kReadWrite);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ((*store)->format_version(), kFormatVersion);
  EXPECT_EQ(CheckConsistency(**store), "");
  EXPECT_EQ(AllTriples(**store), expected);
}

TEST(Format4, NewDatabasesStoreEntityTypesAsIsA) {
  TempDir dir;
  auto store = Store::Open(dir.path());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ArticleData a;
  a.name = "a";
  a.content = "Acme is a rocket maker.";
  a.sentences = {"Acme is a rocket maker."};
  a.entities.push_back(EntityData{.name = "Acme", .type = "Company"});
  Fact f;
  f.subject = Value::Entity("Acme");
  f.predicate = "is_a";
  f.object = Value::String("rocket maker");
  a.facts.push_back(f);
  ASSERT_TRUE((*store)->AddArticle(a).ok());
  EXPECT_EQ((*store)->PredicateNames(), (std::vector<std::string>{"is_a"}));
  EXPECT_EQ(Subjects(**store, "is_a", "Company"), (std::set<std::string>{"Acme"}));
  EXPECT_EQ((*store)->FindPredicate("type"), kNoTerm);
}

}  // namespace
}  // namespace kg::storage::testing
