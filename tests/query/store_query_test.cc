// Queries over a real Store: the count shortcuts (CountByKey, cached in the
// store) and re-seeked cursors (Store::Rescan) must give what the general
// row-producing operators give, before and after writes.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "query/engine.h"
#include "storage/store.h"
#include "test_util.h"

namespace kg::query {
namespace {

using storage::Store;
using storage::testing::MakeArticle;
using storage::testing::TempDir;

int64_t Count(const Store& store, const std::string& text, const QueryOptions& options = {}) {
  auto r = Execute(text, store, options);
  EXPECT_TRUE(r.ok()) << text << ": " << r.status().ToString();
  if (!r.ok() || r->rows.size() != 1) return -1;
  return r->rows[0][0].integer();
}

size_t Rows(const Store& store, const std::string& text, const QueryOptions& options = {}) {
  auto r = Execute(text, store, options);
  EXPECT_TRUE(r.ok()) << text << ": " << r.status().ToString();
  return r.ok() ? r->rows.size() : 0;
}

// Every predicate pair: the CountJoin shortcut equals the number of rows
// the join produces; every predicate: group counts add up to its rows.
void CheckAgainstRows(const Store& store, bool hedged) {
  QueryOptions options;
  options.include_hedged = hedged;
  std::vector<std::string> preds = store.PredicateNames();
  ASSERT_FALSE(preds.empty());
  for (const std::string& p : preds) {
    size_t rows = Rows(store, "MATCH ?a -" + p + "-> ?b RETURN ?a, ?b", options);
    auto groups = Execute("MATCH ?a -" + p + "-> ?b RETURN ?b, COUNT(*) AS n", store, options);
    ASSERT_TRUE(groups.ok());
    int64_t sum = 0;
    for (const auto& row : groups->rows) sum += row[1].integer();
    EXPECT_EQ(sum, static_cast<int64_t>(rows)) << p;
    for (const std::string& q : preds) {
      std::string join = "MATCH ?a -" + p + "-> ?k, ?k -" + q + "-> ?b RETURN ";
      EXPECT_EQ(Count(store, join + "COUNT(*)", options),
                static_cast<int64_t>(Rows(store, join + "?a, ?k, ?b", options)))
          << p << " / " << q;
    }
  }
}

TEST(StoreQueryTest, CountShortcutsEqualProducedRowsAcrossWrites) {
  TempDir dir;
  auto opened = Store::Open(dir.path());
  ASSERT_TRUE(opened.ok());
  Store& store = *opened.value();
  ASSERT_TRUE(store.AddArticle(MakeArticle("a1", 1, 40)).ok());
  CheckAgainstRows(store, false);
  CheckAgainstRows(store, true);
  const std::string two_hop = "MATCH ?a -" + store.PredicateNames()[0] + "-> ?k, ?k -" +
                              store.PredicateNames()[0] + "-> ?b RETURN COUNT(*)";
  int64_t before = Count(store, two_hop);
  // Writes invalidate the cached per-key counts.
  ASSERT_TRUE(store.AddArticle(MakeArticle("a2", 2, 40)).ok());
  CheckAgainstRows(store, false);
  ASSERT_TRUE(store.DeleteArticle("a2").ok());
  CheckAgainstRows(store, false);
  EXPECT_EQ(Count(store, two_hop), before);
}

TEST(StoreQueryTest, NestedLoopJoinsReuseCursorsCorrectly) {
  TempDir dir;
  auto opened = Store::Open(dir.path());
  ASSERT_TRUE(opened.ok());
  Store& store = *opened.value();
  ASSERT_TRUE(store.AddArticle(MakeArticle("a1", 3, 60)).ok());
  // A chain of three patterns joined by nested loops (re-seeked cursors)
  // against the same join computed by counting.
  for (const std::string& p : store.PredicateNames()) {
    std::string rows = "MATCH ?a -" + p + "-> ?k, ?k -?q-> ?b RETURN ?a, ?k, ?q, ?b";
    auto r = Execute(rows, store);
    ASSERT_TRUE(r.ok());
    size_t expected = 0;
    auto left = Execute("MATCH ?a -" + p + "-> ?k RETURN ?k", store);
    ASSERT_TRUE(left.ok());
    for (const auto& row : left->rows) {
      expected += Rows(store, "MATCH \"" + row[0].text() + "\" -?q-> ?b RETURN ?q, ?b");
    }
    EXPECT_EQ(r->rows.size(), expected) << p;
  }
}

// Patterns with one bound end, asked for repeatedly, are answered from the
// store's in-memory pair tables (HotPairs) once the predicate is in repeated
// use; hash joins use them too. Every answer must equal a scan of the index,
// with and without hedged triples, and must follow writes.
void CheckTablesAgainstScans(const Store& store) {
  for (bool hedged : {false, true}) {
    QueryOptions options;
    options.include_hedged = hedged;
    for (const std::string& p : store.PredicateNames()) {
      const storage::TermId pid = store.FindPredicate(p);
      std::vector<storage::IdTriple> triples;
      for (auto c = store.Scan(storage::kNoTerm, pid, storage::kNoTerm); c->Valid(); c->Next()) {
        if (hedged || (c->Get().flags & storage::kTripleHedged) == 0) triples.push_back(c->Get());
      }
      for (const storage::IdTriple& t : triples) {
        auto subject = store.GetTerm(t.s);
        auto object = store.GetTerm(t.o);
        ASSERT_TRUE(subject.ok() && object.ok());
        size_t by_s = 0, by_o = 0;
        for (const storage::IdTriple& u : triples) by_s += u.s == t.s, by_o += u.o == t.o;
        const std::string s_name = "\"" + subject->text() + "\"";
        // Three times: the second ask builds the table, the third reuses it.
        for (int round = 0; round < 3; ++round) {
          EXPECT_EQ(Rows(store, "MATCH " + s_name + " -" + p + "-> ?o RETURN ?o", options), by_s) << p;
          if (object->kind() == ValueKind::kEntity) {
            const std::string o_name = "\"" + object->text() + "\"";
            EXPECT_EQ(Rows(store, "MATCH ?s -" + p + "-> " + o_name + " RETURN ?s", options), by_o) << p;
          }
        }
      }
      // A join on the subject through the whole-predicate table.
      size_t pairs = 0;
      for (const storage::IdTriple& t : triples) {
        for (const storage::IdTriple& u : triples) pairs += t.s == u.s;
      }
      EXPECT_EQ(Rows(store, "MATCH ?a -" + p + "-> ?b, ?a -" + p + "-> ?c RETURN ?a, ?b, ?c", options), pairs)
          << p;
    }
  }
}

TEST(StoreQueryTest, PairTablesEqualScansAcrossWrites) {
  TempDir dir;
  auto opened = Store::Open(dir.path());
  ASSERT_TRUE(opened.ok());
  Store& store = *opened.value();
  ASSERT_TRUE(store.AddArticle(MakeArticle("a1", 5, 30)).ok());
  CheckTablesAgainstScans(store);
  // A write that touches another predicate only: the tables carry over to
  // the new data version and must still be exact.
  ArticleData other;
  other.name = "other";
  other.content = "Zeta touched Eta.";
  other.sentences = {other.content};
  Fact f;
  f.subject = Value::Entity("Zeta");
  f.predicate = "touched_only_here";
  f.object = Value::Entity("Eta");
  other.facts = {f};
  ASSERT_TRUE(store.AddArticle(other).ok());
  CheckTablesAgainstScans(store);
  ASSERT_TRUE(store.DeleteArticle("other").ok());
  CheckTablesAgainstScans(store);
  // Hedged flag flips patch the cached tables: a triple only hedged, then
  // also asserted plainly, then plainly no more.
  auto one_fact = [](const std::string& name, bool hedged) {
    ArticleData a;
    a.name = name;
    a.content = "Zeta may back Eta.";
    a.sentences = {a.content};
    Fact fact;
    fact.subject = Value::Entity("Zeta");
    fact.predicate = "backs";
    fact.object = Value::Entity("Eta");
    fact.modality = hedged ? Modality::kHedged : Modality::kAsserted;
    a.facts = {fact};
    return a;
  };
  ASSERT_TRUE(store.AddArticle(one_fact("h1", true)).ok());
  CheckTablesAgainstScans(store);
  ASSERT_TRUE(store.AddArticle(one_fact("h2", false)).ok());
  CheckTablesAgainstScans(store);
  ASSERT_TRUE(store.DeleteArticle("h2").ok());
  CheckTablesAgainstScans(store);
  ASSERT_TRUE(store.DeleteArticle("h1").ok());
  CheckTablesAgainstScans(store);
  // New data: cached tables of the old version must not answer.
  ASSERT_TRUE(store.AddArticle(MakeArticle("a2", 6, 30)).ok());
  CheckTablesAgainstScans(store);
  ASSERT_TRUE(store.DeleteArticle("a1").ok());
  CheckTablesAgainstScans(store);
}

// An article of one fact, `subject -predicate-> object`, asserted or hedged.
ArticleData OneFact(const std::string& name, const std::string& subject, const std::string& predicate,
                    const std::string& object, bool hedged) {
  ArticleData a;
  a.name = name;
  a.content = subject + " may " + predicate + " " + object + ".";
  a.sentences = {a.content};
  Fact fact;
  fact.subject = Value::Entity(subject);
  fact.predicate = predicate;
  fact.object = Value::Entity(object);
  fact.modality = hedged ? Modality::kHedged : Modality::kAsserted;
  a.facts = {fact};
  return a;
}

// A constant-key lookup asked again is answered from what the store kept of
// the first complete scan (Store::KeptKeyOthers), not from a whole pair
// table: the same rows and the same hedged hint, and a write makes the
// store forget it.
TEST(StoreQueryTest, ARepeatedKeyLookupIsKeptUntilTheDataChanges) {
  TempDir dir;
  auto opened = Store::Open(dir.path());
  ASSERT_TRUE(opened.ok());
  Store& store = *opened.value();
  ASSERT_TRUE(store.AddArticle(MakeArticle("a1", 5, 30)).ok());
  auto backs_eta = [](const std::string& name, const std::string& subject, bool hedged) {
    return OneFact(name, subject, "backs", "Eta", hedged);
  };
  ASSERT_TRUE(store.AddArticle(backs_eta("plain", "Zeta", false)).ok());
  ASSERT_TRUE(store.AddArticle(backs_eta("hedged", "Theta", true)).ok());
  const storage::TermId backs = store.FindPredicate("backs"), eta = store.FindEntity("Eta");
  ASSERT_NE(backs, storage::kNoTerm);
  auto run = [&](const std::string& text) {
    auto r = Execute(text, store);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    std::vector<std::string> rows;
    for (const auto& row : r->rows) rows.push_back(row[0].ToString());
    return std::make_pair(rows, r->hints);
  };
  EXPECT_EQ(store.KeptKeyOthers(backs, true, false, eta), nullptr);
  const auto first = run("?who -backs-> Eta");
  ASSERT_EQ(first.first, std::vector<std::string>{"Zeta"});
  auto kept = store.KeptKeyOthers(backs, true, false, eta);
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->others.size(), 1u);
  EXPECT_EQ(kept->hidden.size(), 1u);
  EXPECT_EQ(run("?who -backs-> Eta"), first);  // rows and the hedged hint
  EXPECT_EQ(run("?who -backs-> Eta"), first);
  // A LIMIT that stops a scan before its end keeps nothing.
  const storage::TermId zeta = store.FindEntity("Zeta");
  EXPECT_EQ(run("MATCH Zeta -backs-> ?o RETURN ?o LIMIT 1").first, std::vector<std::string>{"Eta"});
  EXPECT_EQ(store.KeptKeyOthers(backs, false, false, zeta), nullptr);
  // New data: the kept lookup of the old version must not answer.
  ASSERT_TRUE(store.AddArticle(backs_eta("plain2", "Iota", false)).ok());
  EXPECT_EQ(store.KeptKeyOthers(backs, true, false, eta), nullptr);
  for (int i = 0; i < 3; ++i) {
    std::vector<std::string> after = run("?who -backs-> Eta").first;
    std::sort(after.begin(), after.end());
    EXPECT_EQ(after, (std::vector<std::string>{"Iota", "Zeta"}));
  }
}

// A pair table says whether it left hedged triples out: a query counts the
// hedged triples it skipped (for the "hedged facts not shown" hint) from a
// second, hedged-inclusive table only when the first one left some out.
TEST(StoreQueryTest, APairTableSaysWhetherItLeftHedgedTriplesOut) {
  TempDir dir;
  auto opened = Store::Open(dir.path());
  ASSERT_TRUE(opened.ok());
  Store& store = *opened.value();
  auto backs = [](const std::string& name, const std::string& subject, bool hedged) {
    return OneFact(name, subject, "backs", "Eta", hedged);
  };
  ASSERT_TRUE(store.AddArticle(backs("a", "Zeta", false)).ok());
  const storage::TermId p = store.FindPredicate("backs");
  auto table = store.Pairs(p, /*by_object=*/true, /*include_hedged=*/false);
  ASSERT_TRUE(table.ok());
  EXPECT_FALSE(table.value()->hedged_left_out());
  ASSERT_TRUE(store.AddArticle(backs("b", "Theta", true)).ok());
  table = store.Pairs(p, true, false);
  ASSERT_TRUE(table.ok());
  EXPECT_TRUE(table.value()->hedged_left_out());
  EXPECT_EQ(table.value()->pairs(), 1u);
  auto all = store.Pairs(p, true, /*include_hedged=*/true);
  ASSERT_TRUE(all.ok());
  EXPECT_FALSE(all.value()->hedged_left_out());
  EXPECT_EQ(all.value()->pairs(), 2u);
  // And the hint still counts the hedged one when a query goes through the
  // tables (the lookup asked often enough for the store to build them).
  for (int i = 0; i < 3; ++i) {
    auto r = Execute("MATCH ?who -backs-> ?x RETURN ?who", store);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->rows.size(), 1u);
    EXPECT_FALSE(r->hints.empty());
  }
}

// A whole scan whose ends are constants of the query (`Zeta -?p-> ?o`) is
// kept at its second ask and replayed from the third: the same rows and the
// same hedged hint each time, nothing kept from a scan a LIMIT stopped, and
// a write makes the store forget it.
TEST(StoreQueryTest, ARepeatedConstantScanIsKeptUntilTheDataChanges) {
  TempDir dir;
  auto opened = Store::Open(dir.path());
  ASSERT_TRUE(opened.ok());
  Store& store = *opened.value();
  auto zeta_does = [](const std::string& name, const std::string& predicate, const std::string& object,
                      bool hedged) { return OneFact(name, "Zeta", predicate, object, hedged); };
  ASSERT_TRUE(store.AddArticle(zeta_does("a", "backs", "Eta", false)).ok());
  ASSERT_TRUE(store.AddArticle(zeta_does("b", "trains", "Theta", false)).ok());
  ASSERT_TRUE(store.AddArticle(zeta_does("c", "buys", "Iota", true)).ok());
  const storage::TermId zeta = store.FindEntity("Zeta");
  ASSERT_NE(zeta, storage::kNoTerm);
  auto run = [&](const std::string& text) {
    auto r = Execute(text, store);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    std::vector<std::string> rows;
    for (const auto& row : r->rows) rows.push_back(row[0].ToString() + " " + row[1].ToString());
    return std::make_pair(rows, r->hints);
  };
  auto kept = [&] {
    bool collect = false;
    return store.KeptScan(zeta, storage::kNoTerm, storage::kNoTerm, &collect);
  };
  const auto first = run("Zeta -?p-> ?o");
  ASSERT_EQ(first.first.size(), 2u);
  ASSERT_FALSE(first.second.empty());  // the hedged fact's hint
  // A LIMIT stops the second ask's scan: nothing is kept.
  EXPECT_EQ(run("MATCH Zeta -?p-> ?o RETURN ?p, ?o LIMIT 1").first.size(), 1u);
  EXPECT_EQ(kept(), nullptr);
  EXPECT_EQ(run("Zeta -?p-> ?o"), first);
  auto triples = kept();
  ASSERT_NE(triples, nullptr);
  EXPECT_EQ(triples->size(), 3u);  // the hedged triple too: visibility is decided on replay
  EXPECT_EQ(run("Zeta -?p-> ?o"), first);
  EXPECT_EQ(run("MATCH Zeta -?p-> ?o RETURN ?p, ?o LIMIT 1").first.size(), 1u);
  // New data: the kept scan of the old version must not answer.
  ASSERT_TRUE(store.AddArticle(zeta_does("d", "backs", "Kappa", false)).ok());
  bool collect = true;
  EXPECT_EQ(store.KeptScan(zeta, storage::kNoTerm, storage::kNoTerm, &collect), nullptr);
  EXPECT_FALSE(collect);  // the first ask of this version
  for (int i = 0; i < 3; ++i) {
    std::vector<std::string> after = run("Zeta -?p-> ?o").first;
    std::sort(after.begin(), after.end());
    EXPECT_EQ(after, (std::vector<std::string>{"backs Eta", "backs Kappa", "trains Theta"}));
  }
}

}  // namespace
}  // namespace kg::query
