#include "storage/bulk_import.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "storage/store.h"
#include "test_util.h"

namespace kg::storage {
namespace {

using testing::CheckConsistency;
using testing::MakeArticle;
using testing::TempDir;

std::unique_ptr<Store> OpenOrDie(const std::string& path) {
  auto s = Store::Open(path);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

// Bulk import cannot say "hedged": compare with asserted facts only.
ArticleData Asserted(ArticleData a) {
  for (auto& f : a.facts) f.modality = Modality::kAsserted;
  return a;
}

Status Feed(BulkImporter* imp, const ArticleData& a) {
  for (const auto& e : a.entities) KG_RETURN_IF_ERROR(imp->AddEntity(a.name, e));
  for (const auto& f : a.facts)
    KG_RETURN_IF_ERROR(imp->AddTriple(a.name, f.subject, f.predicate, "", f.object));
  return Status::OK();
}

// The store's content by value, independent of id assignment.
std::set<std::string> Content(const Store& s) {
  std::set<std::string> out;
  for (auto c = s.Scan(kNoTerm, kNoTerm, kNoTerm); c->Valid(); c->Next()) {
    const IdTriple& t = c->Get();
    std::string line = s.GetTerm(t.s)->ToString() + " " + s.GetTerm(t.p)->ToString() + " " +
                       s.GetTerm(t.o)->ToString() + " flags=" + std::to_string(t.flags) + " by";
    std::vector<Provenance> prov;
    EXPECT_TRUE(s.GetProvenance(t, &prov).ok());
    std::set<std::string> arts;
    for (const auto& p : prov) arts.insert(s.GetTerm(p.article)->text());
    for (const auto& a : arts) line += " " + a;
    out.insert(line);
  }
  for (const std::string& p : s.PredicateNames()) {
    TermStats st = s.PredicateStats(s.FindPredicate(p));
    out.insert("stats " + p + " " + std::to_string(st.triples) + " " + std::to_string(st.distinct_subjects) +
               " " + std::to_string(st.distinct_objects));
  }
  TermStats all = s.PredicateStats(kNoTerm);
  out.insert("stats * " + std::to_string(all.triples) + " " + std::to_string(all.distinct_subjects) + " " +
             std::to_string(all.distinct_objects));
  const std::vector<ArticleInfo> infos = s.Articles().value();
  for (const auto& info : infos) {
    out.insert("article " + info.name + " facts=" + std::to_string(info.facts) +
               " entities=" + std::to_string(info.entities));
  }
  return out;
}

TEST(BulkImport, EquivalentToAddArticleAndSpillsRuns) {
  TempDir d1, d2;
  auto by_article = OpenOrDie(d1.path());
  auto by_bulk = OpenOrDie(d2.path());
  ArticleData base = Asserted(MakeArticle("base", 1, 40));
  std::vector<ArticleData> arts = {Asserted(MakeArticle("x", 2, 300)), Asserted(MakeArticle("y", 3, 300))};
  arts[0].entities.push_back(EntityData{"Amazon", "Company", {"AWS"}, "http://example.org/Amazon"});
  arts[1].facts.push_back(Fact{Value::Entity("aws"), "invests_in", Value::Entity("Japan")});  // via alias
  ASSERT_TRUE(by_article->AddArticle(base).ok());
  ASSERT_TRUE(by_bulk->AddArticle(base).ok());  // a non-empty store: existence checks matter
  for (const auto& a : arts) ASSERT_TRUE(by_article->AddArticle(a).ok());

  auto imp = BulkImporter::Create(by_bulk.get(), false);
  ASSERT_TRUE(imp.ok()) << imp.status().ToString();
  (*imp)->set_run_records(64);  // force several spilled runs per sorter
  for (const auto& a : arts) ASSERT_TRUE(Feed(imp->get(), a).ok());
  auto reports = (*imp)->Finish();
  ASSERT_TRUE(reports.ok()) << reports.status().ToString();
  ASSERT_EQ(reports->size(), 2u);
  EXPECT_EQ((*reports)[0].article, "x");
  EXPECT_EQ((*reports)[0].outcome, LoadOutcome::kLoaded);
  EXPECT_EQ((*reports)[0].facts, by_article->GetArticleInfo("x")->facts);

  EXPECT_EQ(Content(*by_bulk), Content(*by_article));
  EXPECT_EQ(CheckConsistency(*by_bulk), "");
  // The checksums handed to ingestion with the files are the files' own,
  // here where the import overlaps stored data (a sequence number above 0).
  uint64_t files = 0, bytes = 0;
  EXPECT_TRUE(by_bulk->VerifyFiles(&files, &bytes).ok());
  EXPECT_GT(files, 0u);
  TermId amazon = by_bulk->FindEntity("aws");
  ASSERT_NE(amazon, kNoTerm);
  EXPECT_EQ(by_bulk->GetIri(amazon), "http://example.org/Amazon");
  EXPECT_EQ(by_bulk->TermCount(3), 3u);  // three articles
  // Nothing of the import is left behind, and the store keeps working.
  for (const auto& e : std::filesystem::directory_iterator(d2.path())) {
    EXPECT_EQ(e.path().filename().string().find("kg-import-"), std::string::npos);
  }
  ASSERT_TRUE(by_bulk->AddArticle(Asserted(MakeArticle("z", 9, 30))).ok());
  ASSERT_TRUE(by_article->AddArticle(Asserted(MakeArticle("z", 9, 30))).ok());
  ASSERT_TRUE(by_bulk->DeleteArticle("x").ok());
  ASSERT_TRUE(by_article->DeleteArticle("x").ok());
  EXPECT_EQ(Content(*by_bulk), Content(*by_article));
  EXPECT_EQ(CheckConsistency(*by_bulk), "");
}

// What the RDF import does: each distinct term resolved once, triples by id,
// then the entities, by id when their name was resolved.
Status FeedByIds(BulkImporter* imp, const ArticleData& a) {
  std::map<std::string, uint64_t> ids;
  auto id_of = [&](const Value& v) -> Result<uint64_t> {
    const std::string key = std::string(v.KindName()) + ":" + v.ToString();
    if (auto it = ids.find(key); it != ids.end()) return it->second;
    KG_ASSIGN_OR_RETURN(uint64_t id, imp->ResolveTerm(a.name, v));
    ids.emplace(key, id);
    return id;
  };
  for (const auto& f : a.facts) {
    KG_ASSIGN_OR_RETURN(uint64_t s, id_of(f.subject));
    KG_ASSIGN_OR_RETURN(uint64_t p, id_of(Value::Predicate(f.predicate)));
    KG_ASSIGN_OR_RETURN(uint64_t o, id_of(f.object));
    KG_RETURN_IF_ERROR(imp->AddTripleIds(a.name, s, p, "http://p.org/" + f.predicate, o));
  }
  for (const auto& e : a.entities) {
    auto it =
        ids.find(std::string(Value::Entity(e.name).KindName()) + ":" + Value::Entity(e.name).ToString());
    if (it != ids.end()) {
      KG_RETURN_IF_ERROR(imp->AddEntityId(a.name, it->second, e));
    } else {
      KG_RETURN_IF_ERROR(imp->AddEntity(a.name, e));
    }
  }
  return Status::OK();
}

TEST(BulkImport, ResolvedIdsGiveTheSameStoreAsValues) {
  TempDir d1, d2;
  auto by_values = OpenOrDie(d1.path());
  auto by_ids = OpenOrDie(d2.path());
  ArticleData base = Asserted(MakeArticle("base", 1, 40));
  ASSERT_TRUE(by_values->AddArticle(base).ok());
  ASSERT_TRUE(by_ids->AddArticle(base).ok());  // stored terms are found, not duplicated
  std::vector<ArticleData> arts = {Asserted(MakeArticle("x", 2, 300)), Asserted(MakeArticle("y", 3, 300))};
  auto a = BulkImporter::Create(by_values.get(), false).value();
  auto b = BulkImporter::Create(by_ids.get(), false).value();
  a->set_run_records(64);
  b->set_run_records(64);
  for (const auto& art : arts) {
    for (const auto& f : art.facts) {
      ASSERT_TRUE(
          a->AddTriple(art.name, f.subject, f.predicate, "http://p.org/" + f.predicate, f.object).ok());
    }
    for (const auto& e : art.entities) ASSERT_TRUE(a->AddEntity(art.name, e).ok());
    ASSERT_TRUE(FeedByIds(b.get(), art).ok());
  }
  ASSERT_TRUE(a->Finish().ok());
  ASSERT_TRUE(b->Finish().ok());
  EXPECT_EQ(Content(*by_ids), Content(*by_values));
  EXPECT_EQ(CheckConsistency(*by_ids), "");
  // Same resolution order, so the same ids.
  for (const auto& f : arts[1].facts)
    EXPECT_EQ(by_ids->FindEntity(f.subject.text()), by_values->FindEntity(f.subject.text()));
  const TermId p = by_ids->FindPredicate(arts[0].facts[0].predicate);
  EXPECT_EQ(p, by_values->FindPredicate(arts[0].facts[0].predicate));
  EXPECT_EQ(by_ids->GetIri(p), by_values->GetIri(p));
}

TEST(BulkImport, SurvivesReopen) {
  TempDir d;
  {
    auto store = OpenOrDie(d.path());
    auto imp = BulkImporter::Create(store.get(), false).value();
    ASSERT_TRUE(Feed(imp.get(), Asserted(MakeArticle("x", 2, 100))).ok());
    ASSERT_TRUE(imp->Finish().ok());
  }
  auto store = OpenOrDie(d.path());
  EXPECT_EQ(CheckConsistency(*store), "");
  ASSERT_TRUE(store->AddArticle(Asserted(MakeArticle("y", 3, 100))).ok());  // ids continue after the import
  EXPECT_EQ(CheckConsistency(*store), "");
  EXPECT_NE(store->FindArticle("x"), store->FindArticle("y"));
}

TEST(BulkImport, AbortAndDestructionLeaveTheDatabaseUntouched) {
  TempDir d;
  auto store = OpenOrDie(d.path());
  ASSERT_TRUE(store->AddArticle(MakeArticle("keep", 1)).ok());
  const auto before = Content(*store);
  {
    auto imp = BulkImporter::Create(store.get(), false).value();
    imp->set_run_records(16);
    ASSERT_TRUE(Feed(imp.get(), MakeArticle("gone", 5, 200)).ok());
    ASSERT_TRUE(imp->AddTriple("gone", Value::Entity("OnlyInImport"), "p", "", Value::Integer(1)).ok());
    imp->Abort();
    EXPECT_FALSE(imp->Finish().ok());  // no use after Abort
  }
  {
    auto imp = BulkImporter::Create(store.get(), false).value();
    ASSERT_TRUE(imp->AddTriple("gone2", Value::Entity("OnlyInImport"), "p", "", Value::Integer(1)).ok());
  }  // destroyed without Finish
  EXPECT_EQ(Content(*store), before);
  EXPECT_EQ(store->FindArticle("gone"), kNoTerm);
  EXPECT_EQ(store->FindEntity("OnlyInImport"), kNoTerm);
  EXPECT_EQ(store->FindPredicate("p"), kNoTerm);
  for (const auto& e : std::filesystem::directory_iterator(d.path())) {
    EXPECT_EQ(e.path().filename().string().find("kg-import-"), std::string::npos);
  }
  // The write lock was released.
  EXPECT_TRUE(store->AddArticle(MakeArticle("after", 2)).ok());
  EXPECT_EQ(CheckConsistency(*store), "");
}

TEST(BulkImport, ExistingArticleNeedsReplace) {
  TempDir d;
  auto store = OpenOrDie(d.path());
  {
    auto imp = BulkImporter::Create(store.get(), false).value();
    ASSERT_TRUE(Feed(imp.get(), Asserted(MakeArticle("x", 1, 50))).ok());
    ASSERT_TRUE(imp->Finish().ok());
  }
  {
    auto imp = BulkImporter::Create(store.get(), false).value();
    Status s = imp->AddTriple("x", Value::Entity("A"), "p", "", Value::Entity("B"));
    EXPECT_EQ(s.code(), Status::Code::kAlreadyExists);
    EXPECT_NE(s.message().find("--replace"), std::string::npos);
  }
  {  // identical content with replace: unchanged
    auto imp = BulkImporter::Create(store.get(), true).value();
    ASSERT_TRUE(Feed(imp.get(), Asserted(MakeArticle("x", 1, 50))).ok());
    auto r = imp->Finish();
    ASSERT_TRUE(r.ok());
    EXPECT_EQ((*r)[0].outcome, LoadOutcome::kUnchanged);
  }
  const ArticleData replacement = Asserted(MakeArticle("x", 2, 60));
  {
    auto imp = BulkImporter::Create(store.get(), true).value();
    ASSERT_TRUE(Feed(imp.get(), replacement).ok());
    auto r = imp->Finish();
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ((*r)[0].outcome, LoadOutcome::kReplaced);
  }
  EXPECT_EQ(CheckConsistency(*store), "");
  TempDir d2;
  auto fresh = OpenOrDie(d2.path());
  ASSERT_TRUE(fresh->AddArticle(replacement).ok());
  EXPECT_EQ(Content(*store), Content(*fresh));
}

TEST(BulkImport, RejectsBadInput) {
  TempDir d;
  auto store = OpenOrDie(d.path());
  auto imp = BulkImporter::Create(store.get(), false).value();
  EXPECT_EQ(imp->AddTriple("", Value::Entity("A"), "p", "", Value::Entity("B")).code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(imp->AddTriple("a", Value(), "p", "", Value::Entity("B")).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(imp->AddTriple("a", Value::Entity("A"), "", "", Value::Entity("B")).code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(imp->AddEntity("a", EntityData{}).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(imp->ResolveTerm("a", Value()).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(imp->ResolveTerm("", Value::Entity("A")).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(imp->ResolveTerm("a", Value::Predicate("")).status().code(), Status::Code::kInvalidArgument);
  EntityData named;
  named.name = "A";
  const uint64_t a = imp->ResolveTerm("a", Value::Entity("A")).value();
  EXPECT_EQ(imp->AddEntityId("a", a, EntityData{}).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(imp->AddEntityId("a", 0, named).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(imp->AddEntityId("a", a + 1000, named).code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(imp->AddEntityId("a", a, named).ok());
}

TEST(BulkImport, ResolveTermAndAddTripleIdsCheckTheArticle) {
  TempDir d;
  auto store = OpenOrDie(d.path());
  ASSERT_TRUE(store->AddArticle(Asserted(MakeArticle("stored", 1, 5))).ok());
  auto imp = BulkImporter::Create(store.get(), false).value();
  EXPECT_EQ(imp->ResolveTerm("stored", Value::Entity("A")).status().code(), Status::Code::kAlreadyExists);
  auto s = imp->ResolveTerm("new", Value::Entity("A"));
  auto p = imp->ResolveTerm("new", Value::Predicate("p"));
  ASSERT_TRUE(s.ok() && p.ok());
  EXPECT_EQ(imp->AddTripleIds("stored", *s, *p, "", *s).code(), Status::Code::kAlreadyExists);
  ASSERT_TRUE(imp->AddTripleIds("new", *s, *p, "", *s).ok());
  ASSERT_TRUE(imp->Finish().ok());
  EXPECT_EQ(store->GetArticleInfo("new")->facts, 1u);
  EXPECT_EQ(imp->ResolveTerm("new", Value::Entity("B")).status().code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace kg::storage
