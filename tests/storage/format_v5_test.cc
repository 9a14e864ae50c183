// Format version 5: the dictionary keeps the terms of 64 consecutive ids in
// one `dict` entry (storage/FORMAT.md, "Dictionary"; versions 1-4 kept one
// entry per id). Readers read both layouts and a mix of them; a writer
// regroups an older dictionary when it opens it; the per-article writer and
// the bulk importer complete the last group.
#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "storage/bulk_import.h"
#include "storage/key_codec.h"
#include "storage/store.h"
#include "tests/storage/test_util.h"

namespace kg::storage::testing {
namespace {

Result<std::unique_ptr<Store>> Open(const std::string& path, OpenMode mode, bool upgrade = true) {
  Options o = Store::Creating();
  o.create_if_missing = mode == OpenMode::kReadWrite;
  o.mode = mode;
  o.upgrade_older_format = upgrade;
  return Store::Open(path, o);
}

// An article of `n` facts over n distinct companies (and a few countries and
// amounts): about n + 20 new terms.
ArticleData ManyTerms(const std::string& name, int n) {
  ArticleData a;
  a.name = name;
  a.source = name + ".txt";
  a.title = "Article " + name;
  a.content = "content of " + name;
  a.sentences.push_back("One sentence of " + name + ".");
  for (int i = 0; i < n; ++i) {
    Fact f;
    f.subject = Value::Entity(name + " company " + std::to_string(i));
    f.predicate = i % 3 == 0 ? "investment_amount" : "invests_in";
    f.object =
        i % 3 == 0 ? Value::Integer(1000 * (i % 11)) : Value::Entity("Country " + std::to_string(i % 7));
    f.sentence = 0;
    a.facts.push_back(f);
  }
  return a;
}

// Every term by id (ids are dense from 1), as text.
std::vector<std::string> AllTerms(const Store& store) {
  std::vector<std::string> out;
  for (TermId id = 1;; ++id) {
    auto t = store.GetTerm(id);
    if (!t.ok()) {
      EXPECT_EQ(t.status().code(), Status::Code::kNotFound) << t.status().ToString();
      return out;
    }
    out.push_back(t->ToString());
  }
}

// The same through PrefetchTerms (one pass over the dictionary), on a store
// that has decoded nothing yet.
std::vector<std::string> AllTermsPrefetched(const Store& store, size_t n) {
  std::vector<TermId> ids;
  for (TermId id = 1; id <= n; id += 1 + id % 3) ids.push_back(id);  // gaps of 1 to 3
  std::vector<TermId> asked = ids;
  store.PrefetchTerms(&asked);
  std::vector<std::string> out;
  for (TermId id : ids) {
    const Value* v = store.CachedTerm(id);
    out.push_back(v == nullptr ? "<not prefetched>" : v->ToString());
  }
  return out;
}

std::vector<std::string> Every(const std::vector<std::string>& all, size_t n) {
  std::vector<std::string> out;
  for (TermId id = 1; id <= n; id += 1 + id % 3) out.push_back(all[id - 1]);
  return out;
}

// The raw `dict` entries: key id → whether the value is a group.
std::map<TermId, bool> RawDict(const std::string& path) {
  std::vector<std::string> names;
  EXPECT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &names).ok());
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  for (const std::string& n : names) cfs.emplace_back(n, rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  std::map<TermId, bool> out;
  if (!rocksdb::DB::OpenForReadOnly(rocksdb::DBOptions(), path, cfs, &handles, &db).ok()) {
    ADD_FAILURE() << "cannot open " << path;
    return out;
  }
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] != "dict") continue;
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), handles[i]));
    for (it->SeekToFirst(); it->Valid(); it->Next())
      out[codec::GetU64(it->key().data())] =
          codec::IsDictGroup(std::string_view(it->value().data(), it->value().size()));
  }
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
  delete db;
  return out;
}

TEST(DictGroupCodec, RoundTripsAndFindsEachSlot) {
  const std::vector<codec::DictGroupEntry> entries = {{0,
                                                       "\x01"
                                                       "a"},
                                                      {5,
                                                       "\x04"
                                                       "five"},
                                                      {63,
                                                       "\x01"
                                                       "last"}};
  const std::string g = codec::EncodeDictGroup(entries);
  EXPECT_TRUE(codec::IsDictGroup(g));
  EXPECT_FALSE(
      codec::IsDictGroup("\x01"
                         "a"));
  std::vector<codec::DictGroupEntry> back;
  ASSERT_TRUE(codec::DecodeDictGroup(g, &back));
  ASSERT_EQ(back.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(back[i].slot, entries[i].slot);
    EXPECT_EQ(back[i].term, entries[i].term);
    EXPECT_EQ(codec::DictGroupTerm(g, entries[i].slot), entries[i].term);
  }
  EXPECT_EQ(codec::DictGroupTerm(g, 1), "");
  EXPECT_EQ(codec::DictGroupTerm(g, 64), "");
  // Truncated or padded groups are malformed: nothing is read past the end.
  EXPECT_FALSE(codec::DecodeDictGroup(g.substr(0, g.size() - 1), &back));
  EXPECT_FALSE(codec::DecodeDictGroup(g + "x", &back));
  EXPECT_EQ(codec::DictGroupTerm(g.substr(0, 12), 63), "");
  EXPECT_EQ(codec::DictGroupTerm(g.substr(0, g.size() - 1), 63), "");
  EXPECT_EQ(codec::DictGroupOf(127), 64u);
  EXPECT_EQ(codec::DictGroupOf(128), 128u);
}

TEST(Format5, WritesKeepTheDictionaryInGroupsOf64) {
  TempDir dir;
  std::vector<std::string> terms;
  {
    auto store = Open(dir.path(), OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    // Small writes fill a group a few ids at a time, then one crosses two.
    for (int i = 0; i < 12; ++i)
      ASSERT_TRUE((*store)->AddArticle(ManyTerms("a" + std::to_string(i), 4)).ok());
    ASSERT_TRUE((*store)->AddArticle(ManyTerms("big", 150)).ok());
    EXPECT_EQ((*store)->format_version(), 5u);
    terms = AllTerms(**store);
    EXPECT_EQ(CheckConsistency(**store), "");
  }
  ASSERT_GT(terms.size(), 200u);
  const std::map<TermId, bool> raw = RawDict(dir.path());
  EXPECT_EQ(raw.size(), terms.size() / 64 + 1);
  for (const auto& [key, group] : raw) {
    EXPECT_EQ(key % 64, 0u) << key;
    EXPECT_TRUE(group) << key;
  }
  auto reader = Open(dir.path(), OpenMode::kReader);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ(AllTermsPrefetched(**reader, terms.size()), Every(terms, terms.size()));
  EXPECT_EQ(AllTerms(**reader), terms);
}

TEST(Format5, BulkImportCompletesTheLastGroup) {
  TempDir dir;
  std::vector<std::string> terms;
  {
    auto store = Open(dir.path(), OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->AddArticle(ManyTerms("first", 10)).ok());  // part of group 0
    auto imp = BulkImporter::Create(store->get(), false);
    ASSERT_TRUE(imp.ok()) << imp.status().ToString();
    const ArticleData a = ManyTerms("imported", 200);
    for (const Fact& f : a.facts)
      ASSERT_TRUE((*imp)->AddTriple(a.name, f.subject, f.predicate, "", f.object).ok());
    ASSERT_TRUE((*imp)->Finish().ok());
    ASSERT_TRUE((*store)->AddArticle(ManyTerms("after", 10)).ok());  // continues the import's last group
    terms = AllTerms(**store);
    EXPECT_EQ(CheckConsistency(**store), "");
  }
  ASSERT_GT(terms.size(), 230u);
  EXPECT_EQ(RawDict(dir.path()).size(), terms.size() / 64 + 1);
  auto reader = Open(dir.path(), OpenMode::kReader);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ(AllTerms(**reader), terms);
  EXPECT_EQ((*reader)->GetTerm((*reader)->FindEntity("first company 3"))->text(), "first company 3");
  EXPECT_EQ((*reader)->GetTerm((*reader)->FindEntity("imported company 199"))->text(),
            "imported company 199");
  EXPECT_EQ((*reader)->GetTerm((*reader)->FindEntity("after company 9"))->text(), "after company 9");
}

// A version-4 database (one entry per id), for the tests below; `terms`
// receives its terms by id.
void MakeVersion4(const std::string& path, std::vector<std::string>* terms) {
  auto store = Open(path, OpenMode::kReadWrite);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE((*store)->AddArticle(ManyTerms("v" + std::to_string(i), 90)).ok());
  *terms = AllTerms(**store);
  ASSERT_TRUE((*store)->SplitDictionaryForTesting().ok());
  EXPECT_EQ((*store)->format_version(), 4u);
}

TEST(Format5, ReadersReadVersion4AndWritersRegroupIt) {
  TempDir dir;
  std::vector<std::string> terms;
  MakeVersion4(dir.path(), &terms);
  ASSERT_GT(terms.size(), 250u);
  EXPECT_EQ(RawDict(dir.path()).size(), terms.size());
  {
    auto old = Open(dir.path(), OpenMode::kReader, /*upgrade=*/false);
    ASSERT_TRUE(old.ok()) << old.status().ToString();
    EXPECT_EQ((*old)->format_version(), 4u);
    EXPECT_EQ(AllTermsPrefetched(**old, terms.size()), Every(terms, terms.size()));
    EXPECT_EQ(AllTerms(**old), terms);
  }
  {
    auto store = Open(dir.path(), OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EXPECT_EQ((*store)->format_version(), 5u);
    EXPECT_EQ(AllTerms(**store), terms);
    EXPECT_EQ(CheckConsistency(**store), "");
  }
  const std::map<TermId, bool> raw = RawDict(dir.path());
  EXPECT_EQ(raw.size(), terms.size() / 64 + 1);
  for (const auto& [key, group] : raw) EXPECT_TRUE(key % 64 == 0 && group) << key;
  auto reader = Open(dir.path(), OpenMode::kReader);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ(AllTermsPrefetched(**reader, terms.size()), Every(terms, terms.size()));
}

TEST(Format5, AnInterruptedUpgradeLeavesAReadableMix) {
  TempDir dir;
  std::vector<std::string> terms;
  MakeVersion4(dir.path(), &terms);
  Store::upgrade_v5_group_limit_for_testing = 2;
  auto stopped = Open(dir.path(), OpenMode::kReadWrite);
  Store::upgrade_v5_group_limit_for_testing = SIZE_MAX;
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(stopped.status().code(), Status::Code::kCancelled);
  const std::map<TermId, bool> raw = RawDict(dir.path());
  EXPECT_EQ(raw.size(), 2 + (terms.size() - 127));  // ids 1-127 grouped, the rest one entry each
  {
    auto mixed = Open(dir.path(), OpenMode::kReader, /*upgrade=*/false);
    ASSERT_TRUE(mixed.ok()) << mixed.status().ToString();
    EXPECT_EQ((*mixed)->format_version(), 4u);
    // A version-4 reader's pass looks for the entries of one id each: it
    // decodes those, and the grouped ones only where it meets their group,
    // leaving the others to GetTerm.
    const std::vector<std::string> prefetched = AllTermsPrefetched(**mixed, terms.size());
    const std::vector<std::string> expected = Every(terms, terms.size());
    ASSERT_EQ(prefetched.size(), expected.size());
    size_t i = 0;
    for (TermId id = 1; id <= terms.size(); id += 1 + id % 3, ++i)
      if (id >= 128 || prefetched[i] != "<not prefetched>") {
        EXPECT_EQ(prefetched[i], expected[i]) << id;
      }
    EXPECT_EQ(AllTerms(**mixed), terms);
  }
  {
    // The next writer finishes the upgrade.
    auto store = Open(dir.path(), OpenMode::kReadWrite);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EXPECT_EQ((*store)->format_version(), 5u);
    EXPECT_EQ(AllTerms(**store), terms);
    EXPECT_EQ(CheckConsistency(**store), "");
  }
  EXPECT_EQ(RawDict(dir.path()).size(), terms.size() / 64 + 1);
}

}  // namespace
}  // namespace kg::storage::testing
