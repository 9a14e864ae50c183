// kg::DB through the public headers only: open semantics, storing articles,
// scans by name, statistics, deletion and a reader following a writer.
#include <gtest/gtest.h>
#include <kg/kg.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <thread>

namespace kg {
namespace {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "kg-api-test-XXXXXX").string();
    root_ = mkdtemp(tmpl.data());
  }
  ~TempDir() { std::filesystem::remove_all(root_); }
  std::string path() const { return root_ + "/db"; }

 private:
  std::string root_;
};

ArticleData Sample(const std::string& name, const std::string& place) {
  ArticleData a;
  a.name = name;
  a.content = "Microsoft will invest in " + place + ".";
  a.sentences = {a.content};
  a.entities = {EntityData{"Microsoft", "Company", {"Microsoft Corp."}, ""}};
  a.facts.push_back(Fact{Value::Entity("Microsoft"), "invests_in", Value::Entity(place), 0.9, 0, 0, 9});
  a.facts.push_back(
      Fact{Value::Entity("Microsoft Corp."), "investment_amount", Value::Money(2.9e9, "USD"), 0.8, 0});
  return a;
}

std::vector<std::string> ScanAll(DB& db, const TriplePattern& p) {
  std::vector<std::string> out;
  Status s = db.Scan(p, [&](const Triple& t) {
    out.push_back(t.subject.ToString() + " " + t.predicate + " " + t.object.ToString());
    return true;
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

// Options that create the database (DB::Open does not by default).
Options Create() {
  Options o;
  o.create_if_missing = true;
  return o;
}

TEST(DB, StoresScansAndDeletesArticles) {
  TempDir dir;
  auto db = DB::Open(dir.path(), Create());
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto r = (*db)->AddArticle(Sample("a", "Japan"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->facts, 3u);
  ASSERT_TRUE((*db)->AddArticle(Sample("b", "Indonesia")).ok());

  TriplePattern who;
  who.subject = Value::Entity("microsoft");
  who.predicate = "invests_in";
  EXPECT_EQ(ScanAll(**db, who),
            (std::vector<std::string>{"Microsoft invests_in Japan", "Microsoft invests_in Indonesia"}));
  TriplePattern amount;
  amount.object = Value::Money(2.9e9, "USD");
  EXPECT_EQ(ScanAll(**db, amount), (std::vector<std::string>{"Microsoft investment_amount 2900000000 USD"}));
  TriplePattern unknown;
  unknown.subject = Value::Entity("Nobody");
  EXPECT_TRUE(ScanAll(**db, unknown).empty());
  int calls = 0;
  ASSERT_TRUE((*db)->Scan(TriplePattern{}, [&](const Triple&) { return ++calls < 2; }).ok());
  EXPECT_EQ(calls, 2);  // stops when fn returns false

  auto stats = (*db)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->triples, 4u);  // invests_in ×2, investment_amount (shared), type (shared)
  EXPECT_EQ(stats->articles, 2u);
  EXPECT_EQ(stats->format_version, 5u);  // storage/FORMAT.md version 5: the dictionary in groups of 64 ids
  ASSERT_EQ(stats->per_predicate.size(), 3u);
  EXPECT_EQ(stats->per_predicate[1].predicate, "invests_in");
  EXPECT_EQ(stats->per_predicate[1].triples, 2u);
  EXPECT_EQ(stats->per_predicate[1].distinct_subjects, 1u);
  EXPECT_EQ(stats->per_predicate[1].distinct_objects, 2u);

  auto names = (*db)->EntityNames("micro", 10);
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(*names, (std::vector<std::string>{"Microsoft", "Microsoft Corp."}));

  ASSERT_TRUE((*db)->DeleteArticle("a").ok());
  EXPECT_EQ(ScanAll(**db, who), (std::vector<std::string>{"Microsoft invests_in Indonesia"}));
  EXPECT_EQ((*db)->DeleteArticle("a").code(), Status::Code::kNotFound);
  auto arts = (*db)->Articles();
  ASSERT_TRUE(arts.ok());
  ASSERT_EQ(arts->size(), 1u);
  EXPECT_EQ((*arts)[0].name, "b");
}

// A query may spell a predicate as the text does; the vocabulary maps it to
// the stored name, and a name nothing maps to stays empty with a hint.
TEST(DB, QueriesResolvePredicateSynonyms) {
  TempDir dir;
  auto db = DB::Open(dir.path(), Create());
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  ASSERT_TRUE((*db)->AddArticle(Sample("a", "Japan")).ok());
  for (const char* q : {"Microsoft -invests_in-> ?x", "Microsoft -invest_in-> ?x",
                        "Microsoft -investment_in-> ?x", "Microsoft -invest-> ?x"}) {
    auto r = (*db)->Query(q);
    ASSERT_TRUE(r.ok()) << q << ": " << r.status().ToString();
    ASSERT_EQ(r->rows.size(), 1u) << q;
    EXPECT_EQ(r->rows[0][0].ToString(), "Japan") << q;
  }
  auto none = (*db)->Query("Microsoft -acquires-> ?x");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->rows.empty());
  EXPECT_FALSE(none->hints.empty());
}

TEST(DB, OpenErrorsAreClear) {
  TempDir dir;
  // Not created unless asked: a mistyped path is NotFound.
  EXPECT_EQ(DB::Open(dir.path()).status().code(), Status::Code::kNotFound);
  std::filesystem::create_directories(dir.path());
  std::ofstream(dir.path() + "/x.txt") << "x";
  auto r = DB::Open(dir.path(), Create());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(r.status().message().find("is not a kg database"), std::string::npos);
}

TEST(DB, SecondWriterIsBusyAndReaderFollowsTheWriter) {
  TempDir dir;
  auto writer = DB::Open(dir.path(), Create());
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->AddArticle(Sample("a", "Japan")).ok());
  auto second = DB::Open(dir.path());
  EXPECT_EQ(second.status().code(), Status::Code::kBusy);
  EXPECT_NE(second.status().message().find("database is in use by another writer"), std::string::npos);

  Options ro;
  ro.mode = OpenMode::kReader;
  auto reader = DB::Open(dir.path(), ro);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ((*reader)->Articles()->size(), 1u);
  ASSERT_TRUE((*writer)->AddArticle(Sample("b", "Indonesia")).ok());
  EXPECT_EQ((*reader)->Articles()->size(), 2u);  // caught up before answering
  EXPECT_EQ((*reader)->AddArticle(Sample("c", "Korea")).status().code(), Status::Code::kNotSupported);
}

// Issue 12: a cursor over a query gives the rows of Query() one at a time,
// with columns and hints before the first.
TEST(DB, CursorGivesTheRowsOfQuery) {
  TempDir dir;
  auto db = DB::Open(dir.path(), Create());
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  for (const char* place : {"Japan", "Indonesia", "Korea"})
    ASSERT_TRUE((*db)->AddArticle(Sample(place, place)).ok());
  for (const char* q : {"?c -invests_in-> ?k", "?c -invests_in-> ?k LIMIT 1 OFFSET 1",
                        "MATCH ?c -invests_in-> ?k RETURN ?k ORDER BY ?k", "Nobody -invests_in-> ?k"}) {
    SCOPED_TRACE(q);
    auto whole = (*db)->Query(q);
    ASSERT_TRUE(whole.ok()) << whole.status().ToString();
    auto cursor = (*db)->OpenCursor(q);
    ASSERT_TRUE(cursor.ok()) << cursor.status().ToString();
    EXPECT_EQ((*cursor)->columns(), whole->columns);
    EXPECT_EQ((*cursor)->hints(), whole->hints);
    std::vector<std::vector<Value>> rows;
    std::vector<Value> row;
    while ((*cursor)->Next(&row)) rows.push_back(row);
    EXPECT_TRUE((*cursor)->status().ok());
    EXPECT_EQ(rows, whole->rows);
  }
  EXPECT_EQ((*db)->OpenCursor("?c -invests_in->").status().code(), Status::Code::kSyntaxError);
}

// A streaming cursor on a reader reads the view it opened on: the reader
// does not catch up under it (Refresh is Busy, queries on the same thread
// run on that view without waiting for it), and does once it is gone, even
// when another thread destroyed it.
TEST(DB, AReaderKeepsItsViewWhileAStreamingCursorIsOpen) {
  TempDir dir;
  auto writer = DB::Open(dir.path(), Create());
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->AddArticle(Sample("a", "Japan")).ok());
  Options ro;
  ro.mode = OpenMode::kReader;
  auto reader = DB::Open(dir.path(), ro);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  auto cursor = (*reader)->OpenCursor("?c -invests_in-> ?k");
  ASSERT_TRUE(cursor.ok()) << cursor.status().ToString();
  ASSERT_TRUE((*cursor)->streaming());
  ASSERT_TRUE((*writer)->AddArticle(Sample("b", "Indonesia")).ok());
  EXPECT_EQ((*reader)->Refresh().code(), Status::Code::kBusy);
  auto during = (*reader)->Query("?c -invests_in-> ?k");
  ASSERT_TRUE(during.ok()) << during.status().ToString();
  EXPECT_EQ(during->rows.size(), 1u);
  std::vector<Value> row;
  ASSERT_TRUE((*cursor)->Next(&row));
  EXPECT_EQ(row[1].ToString(), "Japan");
  EXPECT_FALSE((*cursor)->Next(&row));
  std::thread([&] { cursor->reset(); }).join();  // a cursor may go on another thread
  EXPECT_TRUE((*reader)->Refresh().ok());
  auto after = (*reader)->Query("?c -invests_in-> ?k");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->rows.size(), 2u);
}

// Issue 12: the README's snippet dereferences Results unchecked; when one
// failed, the program aborted without saying why.
TEST(ResultDeathTest, DereferencingAFailedResultNamesTheError) {
  Result<int> failed = Status::NotFound("no database at '/nowhere/kg.db'").WithHint("create it with kg load");
  EXPECT_DEATH((void)failed.value(),
               "kg: value of a failed Result used: not found: no database at '/nowhere/kg.db' "
               "\\(hint: create it with kg load\\)");
  EXPECT_DEATH((void)*failed, "not found: no database");
}

}  // namespace
}  // namespace kg
