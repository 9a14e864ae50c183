// The per-key counts (`counts` column family, FORMAT.md invariant 7): kept
// exact by every write path, served by CountByKey/CountKey exactly as a scan
// would answer, and built when a writer opens a version-1 database.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/bulk_import.h"
#include "storage/store.h"
#include "test_util.h"

namespace kg::storage {
namespace {

using testing::CheckConsistency;
using testing::MakeArticle;
using testing::TempDir;

std::unique_ptr<Store> OpenOrDie(const std::string& path, OpenMode mode = OpenMode::kReadWrite) {
  Options o = Store::Creating();
  o.mode = mode;
  auto s = Store::Open(path, o);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  if (!s.ok()) return nullptr;
  return std::move(s).value();
}

// CountByKey and CountKey of `store` against the scan-based defaults of
// TripleSource, for every predicate, both roles, with and without hedged
// triples; adds the number of keys compared to *compared (so callers can
// tell the comparison was not vacuous).
void CompareCounts(const Store& store, size_t* compared) {
  for (const std::string& name : store.PredicateNames()) {
    const TermId p = store.FindPredicate(name);
    for (bool by_object : {false, true}) {
      for (bool include_hedged : {false, true}) {
        SCOPED_TRACE(name + (by_object ? " by object" : " by subject") +
                     (include_hedged ? " with hedged" : " without hedged"));
        std::vector<std::pair<TermId, uint64_t>> got, cached, want;
        ASSERT_TRUE(store.CountByKey(p, by_object, include_hedged, &got).ok());
        ASSERT_TRUE(store.CountByKey(p, by_object, include_hedged, &cached).ok());
        ASSERT_TRUE(store.TripleSource::CountByKey(p, by_object, include_hedged, &want).ok());
        EXPECT_EQ(got, want);
        EXPECT_EQ(cached, want);
        // Every key, with and without hedged triples (a key whose triples are
        // all hedged is absent from `want` but has a count with hedged).
        std::vector<std::pair<TermId, uint64_t>> all;
        ASSERT_TRUE(store.TripleSource::CountByKey(p, by_object, true, &all).ok());
        for (const auto& [key, n] : all) {
          auto one = store.CountKey(p, by_object, key, include_hedged);
          auto scanned = store.TripleSource::CountKey(p, by_object, key, include_hedged);
          ASSERT_TRUE(one.ok() && scanned.ok());
          EXPECT_EQ(*one, *scanned) << "key " << key;
          ++*compared;
        }
        // A key that has no triples with p (the predicate itself).
        auto none = store.CountKey(p, by_object, p, include_hedged);
        ASSERT_TRUE(none.ok());
        EXPECT_EQ(*none, 0u);
      }
    }
  }
}

size_t ExpectCountsMatchScan(const Store& store) {
  size_t compared = 0;
  CompareCounts(store, &compared);
  return compared;
}

Fact MakeFact(const std::string& s, const std::string& p, const std::string& o, Modality m) {
  return Fact{Value::Entity(s), p, Value::Entity(o), 1.0, 0, 0, 0, m};
}

ArticleData OneFact(const std::string& name, Modality m, const std::string& object = "Y") {
  ArticleData a;
  a.name = name;
  a.facts.push_back(MakeFact("X", "may_buy", object, m));
  return a;
}

TEST(KeyCounts, AddReplaceDeleteArticlesSharingTriples) {
  TempDir dir;
  auto store = OpenOrDie(dir.path());
  ASSERT_EQ(store->format_version(), kFormatVersion);
  for (int i = 0; i < 6; ++i) {  // a small vocabulary: the articles share many triples
    ASSERT_TRUE(store->AddArticle(MakeArticle("a" + std::to_string(i), 10 + i, 40)).ok());
    ASSERT_EQ(CheckConsistency(*store), "");
  }
  EXPECT_GT(ExpectCountsMatchScan(*store), 20u);
  // Identical content: nothing changes.
  auto same = store->AddArticle(MakeArticle("a2", 12, 40));
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->outcome, LoadOutcome::kUnchanged);
  EXPECT_EQ(CheckConsistency(*store), "");
  WriteOptions replace;
  replace.replace = true;
  for (int i : {1, 3}) {
    auto r = store->AddArticle(MakeArticle("a" + std::to_string(i), 100 + i, 30), replace);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->outcome, LoadOutcome::kReplaced);
    ASSERT_EQ(CheckConsistency(*store), "");
  }
  ExpectCountsMatchScan(*store);
  for (int i : {0, 2, 4}) {
    ASSERT_TRUE(store->DeleteArticle("a" + std::to_string(i)).ok());
    ASSERT_EQ(CheckConsistency(*store), "");
    ExpectCountsMatchScan(*store);
  }
  for (int i : {1, 3, 5}) ASSERT_TRUE(store->DeleteArticle("a" + std::to_string(i)).ok());
  EXPECT_EQ(CheckConsistency(*store), "");
  // Nothing left: no counts either.
  size_t entries = 0;
  ASSERT_TRUE(
      store->ForEachKeyCountForTesting([&](TermId, bool, TermId, uint64_t, uint64_t) { ++entries; }).ok());
  EXPECT_EQ(entries, 0u);
}

TEST(KeyCounts, HedgedAndAssertedAssertionsOfOneTriple) {
  TempDir dir;
  auto store = OpenOrDie(dir.path());
  ASSERT_TRUE(store->AddArticle(OneFact("h", Modality::kHedged)).ok());
  ASSERT_TRUE(store->AddArticle(OneFact("h2", Modality::kHedged, "Z")).ok());
  const TermId p = store->FindPredicate("may_buy"), x = store->FindEntity("X"), y = store->FindEntity("Y");
  auto count = [&](bool by_object, TermId key, bool include_hedged) {
    auto n = store->CountKey(p, by_object, key, include_hedged);
    EXPECT_TRUE(n.ok());
    return n.ok() ? *n : 999;
  };
  EXPECT_EQ(count(false, x, true), 2u);
  EXPECT_EQ(count(false, x, false), 0u);
  EXPECT_EQ(count(true, y, true), 1u);
  EXPECT_EQ(count(true, y, false), 0u);
  std::vector<std::pair<TermId, uint64_t>> by_s;
  ASSERT_TRUE(store->CountByKey(p, false, false, &by_s).ok());
  EXPECT_TRUE(by_s.empty());  // only hedged triples: no key without them

  ASSERT_TRUE(store->AddArticle(OneFact("sure", Modality::kAsserted)).ok());  // X may_buy Y no longer hedged
  EXPECT_EQ(count(false, x, true), 2u);
  EXPECT_EQ(count(false, x, false), 1u);
  EXPECT_EQ(count(true, y, false), 1u);
  ASSERT_TRUE(store->CountByKey(p, false, false, &by_s).ok());
  EXPECT_EQ(by_s, (std::vector<std::pair<TermId, uint64_t>>{{x, 1}}));
  EXPECT_EQ(CheckConsistency(*store), "");
  ExpectCountsMatchScan(*store);

  ASSERT_TRUE(store->DeleteArticle("h").ok());  // still asserted by "sure"
  EXPECT_EQ(count(true, y, true), 1u);
  EXPECT_EQ(count(true, y, false), 1u);
  ASSERT_TRUE(store->AddArticle(OneFact("h", Modality::kHedged)).ok());
  ASSERT_TRUE(store->DeleteArticle("sure").ok());  // hedged again
  EXPECT_EQ(count(true, y, true), 1u);
  EXPECT_EQ(count(true, y, false), 0u);
  EXPECT_EQ(CheckConsistency(*store), "");
  ASSERT_TRUE(store->DeleteArticle("h").ok());  // gone
  EXPECT_EQ(count(true, y, true), 0u);
  EXPECT_EQ(count(false, x, true), 1u);  // X may_buy Z remains
  EXPECT_EQ(CheckConsistency(*store), "");
  ExpectCountsMatchScan(*store);

  // Replacing an article by a hedged version of its fact flips the flag.
  ASSERT_TRUE(store->AddArticle(OneFact("r", Modality::kAsserted, "Z")).ok());
  EXPECT_EQ(count(false, x, false), 1u);
  WriteOptions replace;
  replace.replace = true;
  ArticleData hedged = OneFact("r", Modality::kHedged, "Z");
  hedged.title = "now hedged";
  ASSERT_TRUE(store->AddArticle(hedged, replace).ok());
  EXPECT_EQ(count(false, x, false), 0u);
  EXPECT_EQ(count(false, x, true), 1u);
  EXPECT_EQ(CheckConsistency(*store), "");
}

Status Feed(BulkImporter* imp, const ArticleData& a) {
  for (const auto& e : a.entities) KG_RETURN_IF_ERROR(imp->AddEntity(a.name, e));
  for (const auto& f : a.facts)
    KG_RETURN_IF_ERROR(imp->AddTriple(a.name, f.subject, f.predicate, "", f.object));
  return Status::OK();
}

TEST(KeyCounts, BulkImportOnTopOfExistingDataAndReplace) {
  TempDir dir;
  auto store = OpenOrDie(dir.path());
  // Existing articles with hedged facts: the import asserts some of the same
  // triples, which are then no longer hedged.
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(store->AddArticle(MakeArticle("old" + std::to_string(i), i, 60)).ok());
  ASSERT_TRUE(store->AddArticle(OneFact("h", Modality::kHedged)).ok());
  {
    auto imp = BulkImporter::Create(store.get(), false);
    ASSERT_TRUE(imp.ok());
    (*imp)->set_run_records(64);  // spill runs, the counts sorter included
    for (int i = 0; i < 3; ++i)
      ASSERT_TRUE(Feed(imp->get(), MakeArticle("bulk" + std::to_string(i), 50 + i, 200)).ok());
    ASSERT_TRUE((*imp)->AddTriple("bulk0", Value::Entity("X"), "may_buy", "", Value::Entity("Y")).ok());
    ASSERT_TRUE((*imp)->Finish().ok());
  }
  ASSERT_EQ(CheckConsistency(*store), "");
  EXPECT_EQ(*store->CountKey(store->FindPredicate("may_buy"), true, store->FindEntity("Y"), false), 1u);
  EXPECT_GT(ExpectCountsMatchScan(*store), 20u);

  // Replace: one article changed, one identical, one new.
  {
    auto imp = BulkImporter::Create(store.get(), true);
    ASSERT_TRUE(imp.ok());
    (*imp)->set_run_records(64);
    ASSERT_TRUE(Feed(imp->get(), MakeArticle("bulk0", 70, 150)).ok());  // drops X may_buy Y
    ASSERT_TRUE(Feed(imp->get(), MakeArticle("bulk1", 51, 200)).ok());  // unchanged
    ASSERT_TRUE(Feed(imp->get(), MakeArticle("bulk3", 53, 100)).ok());
    auto reports = (*imp)->Finish();
    ASSERT_TRUE(reports.ok()) << reports.status().ToString();
    ASSERT_EQ(reports->size(), 3u);
    EXPECT_EQ((*reports)[0].outcome, LoadOutcome::kReplaced);
    EXPECT_EQ((*reports)[1].outcome, LoadOutcome::kUnchanged);
    EXPECT_EQ((*reports)[2].outcome, LoadOutcome::kLoaded);
  }
  ASSERT_EQ(CheckConsistency(*store), "");
  EXPECT_EQ(*store->CountKey(store->FindPredicate("may_buy"), true, store->FindEntity("Y"), false), 0u);
  EXPECT_EQ(*store->CountKey(store->FindPredicate("may_buy"), true, store->FindEntity("Y"), true), 1u);
  ExpectCountsMatchScan(*store);

  // Deleting bulk-imported articles keeps the counts too.
  ASSERT_TRUE(store->DeleteArticle("bulk3").ok());
  ASSERT_TRUE(store->DeleteArticle("old1").ok());
  EXPECT_EQ(CheckConsistency(*store), "");
  ExpectCountsMatchScan(*store);
}

TEST(KeyCounts, BulkImportIntoAnEmptyStore) {
  TempDir dir;
  auto store = OpenOrDie(dir.path());
  auto imp = BulkImporter::Create(store.get(), false);
  ASSERT_TRUE(imp.ok());
  ASSERT_TRUE(Feed(imp->get(), MakeArticle("only", 5, 300)).ok());
  ASSERT_TRUE((*imp)->Finish().ok());
  EXPECT_EQ(CheckConsistency(*store), "");
  EXPECT_GT(ExpectCountsMatchScan(*store), 10u);
}

// A database as written by a version-1 kg: no counts column family.
void MakeVersion1(const std::string& path) {
  auto store = OpenOrDie(path);
  for (int i = 0; i < 4; ++i)
    ASSERT_TRUE(store->AddArticle(MakeArticle("v1-" + std::to_string(i), i, 50)).ok());
  ASSERT_TRUE(store->DowngradeToV1ForTesting(/*drop_column_family=*/true).ok());
}

TEST(KeyCounts, WriterUpgradesAVersion1Database) {
  TempDir dir;
  MakeVersion1(dir.path());
  auto store = OpenOrDie(dir.path());
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->format_version(), kFormatVersion);
  EXPECT_EQ(CheckConsistency(*store), "");
  EXPECT_GT(ExpectCountsMatchScan(*store), 10u);
  // Writes after the upgrade keep them exact, and the version persists.
  ASSERT_TRUE(store->DeleteArticle("v1-2").ok());
  ASSERT_TRUE(store->AddArticle(MakeArticle("new", 9, 30)).ok());
  EXPECT_EQ(CheckConsistency(*store), "");
  store.reset();
  store = OpenOrDie(dir.path(), OpenMode::kReader);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->format_version(), kFormatVersion);
  EXPECT_EQ(CheckConsistency(*store), "");
  ExpectCountsMatchScan(*store);
}

TEST(KeyCounts, UpgradeDiscardsCountsOfAnInterruptedUpgrade) {
  TempDir dir;
  {
    auto store = OpenOrDie(dir.path());
    for (int i = 0; i < 3; ++i)
      ASSERT_TRUE(store->AddArticle(MakeArticle("a" + std::to_string(i), i, 40)).ok());
    ASSERT_TRUE(store->DowngradeToV1ForTesting(/*drop_column_family=*/false).ok());
    size_t stray = 0;  // version 1 with a stray entry (7 triples, 3 hedged)
    ASSERT_TRUE(store
                    ->ForEachKeyCountForTesting([&](TermId, bool, TermId, uint64_t triples, uint64_t hedged) {
                      stray += triples == 7 && hedged == 3;
                    })
                    .ok());
    EXPECT_EQ(stray, 1u);
  }
  auto store = OpenOrDie(dir.path());
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->format_version(), kFormatVersion);
  EXPECT_EQ(CheckConsistency(*store), "");  // the stray entry is gone
  ExpectCountsMatchScan(*store);
}

TEST(KeyCounts, ReaderOfAVersion1DatabaseCountsByScanning) {
  TempDir dir;
  MakeVersion1(dir.path());
  Options o;
  o.mode = OpenMode::kReader;
  o.upgrade_older_format = false;  // read it as it is (by default a reader upgrades it first)
  auto opened = Store::Open(dir.path(), o);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  auto reader = std::move(opened).value();
  EXPECT_EQ(reader->format_version(), 1u);
  EXPECT_EQ(CheckConsistency(*reader), "");
  EXPECT_GT(ExpectCountsMatchScan(*reader), 10u);
  // A writer upgrades the database under the reader, which keeps scanning
  // and still sees new data after a refresh.
  auto writer = OpenOrDie(dir.path());
  ASSERT_NE(writer, nullptr);
  ASSERT_TRUE(writer->AddArticle(MakeArticle("later", 77, 30)).ok());
  ASSERT_TRUE(reader->Refresh().ok());
  EXPECT_NE(reader->FindArticle("later"), kNoTerm);
  EXPECT_EQ(CheckConsistency(*reader), "");
  ExpectCountsMatchScan(*reader);
}

}  // namespace
}  // namespace kg::storage
