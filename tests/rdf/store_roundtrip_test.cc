// Import and export through a real RocksDB store (storage::Store +
// storage::BulkImporter): atomicity of a failed import, --skip-bad, N-Quads
// graphs as articles, and the import → export → import round trip.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include "memory_graph.h"
#include "query/engine.h"
#include "rdf/export.h"
#include "rdf/import.h"
#include "rdf/mapping.h"
#include "storage/store.h"

namespace kg::rdf {
namespace {

using TripleText = std::tuple<std::string, std::string, std::string>;

class StoreRoundTrip : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("kg-rdf-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  std::unique_ptr<storage::Store> Open(const std::string& name) {
    auto s = storage::Store::Open((dir_ / name).string());
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(s).value() : nullptr;
  }
  static std::string Show(const storage::Store& store, storage::TermId id) {
    auto v = store.GetTerm(id);
    return v.ok() ? std::string(v.value().KindName()) + ":" + v.value().ToString() : "?";
  }
  static std::set<TripleText> Triples(const storage::Store& store) {
    std::set<TripleText> out;
    for (auto c = store.Scan(0, 0, 0); c->Valid(); c->Next()) {
      const storage::IdTriple& t = c->Get();
      out.insert({Show(store, t.s), Show(store, t.p), Show(store, t.o)});
    }
    return out;
  }
  static std::set<TripleText> ArticleTriples(const storage::Store& store, const std::string& article) {
    std::set<TripleText> out;
    std::vector<storage::IdTriple> ts;
    EXPECT_TRUE(store.ArticleTriples(store.FindArticle(article), &ts).ok());
    for (const auto& t : ts) out.insert({Show(store, t.s), Show(store, t.p), Show(store, t.o)});
    return out;
  }
  static std::set<std::string> Articles(const storage::Store& store) {
    std::set<std::string> out;
    for (storage::TermId a : store.AllArticles()) out.insert(store.GetTerm(a).value().text());
    return out;
  }

  std::filesystem::path dir_;
};

constexpr char kNews[] =
    "<https://kg.example.org/entity/Microsoft> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    "<https://kg.example.org/entity/Company> .\n"
    "<https://kg.example.org/entity/Microsoft> <https://kg.example.org/predicate/invests_in> "
    "<http://dbpedia.org/resource/Japan> .\n"
    "<https://kg.example.org/entity/Microsoft> <https://kg.example.org/predicate/investment_amount> "
    "\"2900000000 USD\"^^<https://kg.example.org/datatype/money> .\n"
    "<http://dbpedia.org/resource/Japan> <http://schema.org/population> "
    "\"125000000\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
    "<http://dbpedia.org/resource/Japan> <https://kg.example.org/predicate/located_in> "
    "<https://kg.example.org/entity/Asia> .\n"
    "<http://dbpedia.org/resource/Japan> <http://www.w3.org/2000/01/rdf-schema#label> \"Nihon\"@ja .\n"
    "<https://kg.example.org/entity/Alibaba%20Cloud> <https://kg.example.org/predicate/announced> "
    "<http://example.org/prog#Digital%20Japan> .\n"
    "<http://example.org/prog#Digital%20Japan> <http://purl.org/dc/terms/date> "
    "\"2024-04-10\"^^<http://www.w3.org/2001/XMLSchema#date> .\n"
    "<http://example.org/prog#Digital%20Japan> <http://example.org/score> "
    "\"0.75\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n"
    "<http://example.org/prog#Digital%20Japan> <http://example.org/active> "
    "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> .\n";

// N-Quads of `lines` statements over three graphs: repeated subjects and
// objects (entities are looked up far more often than created), blank nodes,
// typed literals, two IRIs whose local names differ only in case (the second
// keeps its full IRI) and one subject named in every graph.
std::string ManyStatements(int lines) {
  std::string text;
  for (int i = 0; i < lines; ++i) {
    const std::string s = i % 7 == 0 ? "_:b" + std::to_string(i % 50)
                                     : "<http://e.org/company_" + std::to_string(i % 997) + ">";
    const std::string g = " <http://g.org/graph" + std::to_string(i % 3) + ">";
    switch (i % 5) {
      case 0:
        text += s + " <http://p.org/invests_in> <http://e.org/country_" + std::to_string(i % 31) + ">" + g;
        break;
      case 1:
        text += s + " <http://p.org/amount> \"" + std::to_string(i) + "000 USD\"^^<" +
                std::string(kMoneyDatatype) + ">" + g;
        break;
      case 2:
        text += s + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://other.org/Company>" + g;
        break;
      case 3:
        text += "<http://e.org/Hub> <http://p.org/partners_with> " + s + g;
        break;
      default:
        text +=
            s + " <http://p.org/partners_with> <http://other.org/COMPANY_" + std::to_string(i % 997) + ">";
        break;
    }
    text += " .\n";
  }
  return text;
}

// The storage importer takes ids resolved once per term (ResolveTerm /
// AddTripleIds); the in-memory sink takes every triple's Values. Both must
// see the same graph, article by article.
TEST_F(StoreRoundTrip, ResolvedIdsGiveTheSameGraphAsValues) {
  const std::string text = ManyStatements(30000);  // several batches and 1 MiB chunks
  auto store = Open("db");
  auto r = ImportFile(store.get(), Write("many.nq", text));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  testing::MemoryGraph memory;
  std::istringstream in(text);
  auto m = ImportStream(in, "many.nq", text.size(), &memory);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(r->triples, 30000u);
  EXPECT_EQ(Articles(*store), (std::set<std::string>{"graph0", "graph1", "graph2", "many"}));
  // MemoryGraph shows a predicate by its name alone.
  auto as_memory = [](std::set<TripleText> triples) {
    std::set<TripleText> out;
    for (auto [s, p, o] : triples) out.insert({s, p.substr(p.find(':') + 1), o});
    return out;
  };
  for (const std::string article : {"graph0", "graph1", "graph2", "many"}) {
    EXPECT_EQ(as_memory(ArticleTriples(*store, article)), memory.Triples(article)) << article;
  }
  EXPECT_EQ(as_memory(Triples(*store)), memory.Triples());
  EXPECT_GT(memory.Triples().size(), 5000u);
  // The second spelling of a local name keeps its full IRI in both.
  EXPECT_NE(store->FindEntity("http://other.org/COMPANY_1"), storage::kNoTerm);
}

TEST_F(StoreRoundTrip, ErrorFarIntoAFileHasItsLineAndStoresNothing) {
  // Past several worker batches and the first 1 MiB read.
  std::string text = ManyStatements(25000);
  text += "<http://e.org/x> <http://p.org/p> \"12x\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";
  text += ManyStatements(10);
  auto store = Open("db");
  auto r = ImportFile(store.get(), Write("late.nq", text));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(r.status().message().find("late.nq:25001:35:"), std::string::npos) << r.status().message();
  ASSERT_TRUE(r.status().span().has_value());
  EXPECT_EQ(r.status().span()->line, 25001u);
  EXPECT_EQ(text.substr(r.status().span()->offset, 5), "\"12x\"");
  EXPECT_TRUE(store->AllArticles().empty());
  EXPECT_TRUE(Triples(*store).empty());
}

TEST_F(StoreRoundTrip, MissingFileIsNotFound) {
  auto store = Open("db");
  auto r = ImportFile(store.get(), (dir_ / "missing.nt").string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
  EXPECT_NE(r.status().message().find("missing.nt"), std::string::npos);
}

TEST_F(StoreRoundTrip, EmptyFileStoresNothing) {
  auto store = Open("db");
  auto r = ImportFile(store.get(), Write("empty.nt", "# nothing here\n"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->triples, 0u);
  EXPECT_TRUE(Triples(*store).empty());
}

TEST_F(StoreRoundTrip, ReimportNeedsReplace) {
  auto store = Open("db");
  std::string path = Write("news.nt", kNews);
  ASSERT_TRUE(ImportFile(store.get(), path).ok());
  std::string changed = std::string(kNews) + "<http://a.org/x> <http://a.org/p> <http://a.org/y> .\n";
  path = Write("news.nt", changed);
  auto again = ImportFile(store.get(), path);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), Status::Code::kAlreadyExists) << again.status().ToString();
  EXPECT_EQ(Triples(*store).size(), 10u);
  ImportOptions replace;
  replace.replace = true;
  auto replaced = ImportFile(store.get(), path, replace);
  ASSERT_TRUE(replaced.ok()) << replaced.status().ToString();
  EXPECT_EQ(Triples(*store).size(), 11u);
}

TEST_F(StoreRoundTrip, ImportStoresOneArticleNamedAfterTheFile) {
  auto store = Open("db");
  auto r = ImportFile(store.get(), Write("news.nt", kNews));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->triples, 10u);
  EXPECT_EQ(Articles(*store), std::set<std::string>{"news"});
  std::set<TripleText> all = Triples(*store);
  EXPECT_EQ(all.size(), 10u);
  EXPECT_TRUE(all.count({"entity:Microsoft", "predicate:is_a", "entity:Company"}));
  EXPECT_TRUE(all.count({"entity:Microsoft", "predicate:investment_amount", "money:2900000000 USD"}));
  EXPECT_TRUE(all.count({"entity:Japan", "predicate:population", "integer:125000000"}));
  EXPECT_TRUE(all.count({"entity:Digital Japan", "predicate:date", "date:2024-04-10"}));
  // Local names are the names queries use; IRIs are kept.
  storage::TermId japan = store->FindEntity("japan");
  ASSERT_NE(japan, storage::kNoTerm);
  EXPECT_EQ(store->GetIri(japan), "http://dbpedia.org/resource/Japan");
  EXPECT_NE(store->FindEntity("Alibaba Cloud"), storage::kNoTerm);
}

TEST_F(StoreRoundTrip, BadLineAbortsWithNothingStored) {
  auto store = Open("db");
  std::string text = std::string(kNews) + "<https://kg.example.org/entity/X> <bad iri> \"x\" .\n";
  auto r = ImportFile(store.get(), Write("bad.nt", text));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kSyntaxError);
  EXPECT_NE(r.status().message().find("bad.nt:11:"), std::string::npos) << r.status().message();
  EXPECT_TRUE(store->AllArticles().empty());
  EXPECT_TRUE(Triples(*store).empty());
  EXPECT_EQ(store->FindEntity("Microsoft"), storage::kNoTerm);
}

TEST_F(StoreRoundTrip, SkipBadImportsTheRest) {
  auto store = Open("db");
  std::string text = "garbage\n" + std::string(kNews) + "<http://a.org/s> <http://a.org/p> \"x\"^^<bad> .\n";
  ImportOptions options;
  options.skip_bad = true;
  auto r = ImportFile(store.get(), Write("mixed.nt", text), options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->skipped, 2u);
  EXPECT_EQ(r->triples, 10u);
  EXPECT_EQ(Triples(*store).size(), 10u);
}

TEST_F(StoreRoundTrip, NQuadsGraphsBecomeArticles) {
  auto store = Open("db");
  std::string text =
      "<http://a.org/AWS> <http://a.org/invests_in> <http://a.org/Japan> "
      "<https://kg.example.org/article/aws-japan> .\n"
      "<http://a.org/AWS> <http://a.org/invests_in> <http://a.org/Japan> <http://a.org/graphs/seed> .\n"
      "<http://a.org/Japan> <http://a.org/located_in> <http://a.org/Asia> <http://a.org/graphs/seed> .\n"
      "<http://a.org/Asia> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://a.org/Continent> .\n";
  auto r = ImportFile(store.get(), Write("dump.nq", text));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Articles(*store), (std::set<std::string>{"aws-japan", "dump", "seed"}));
  EXPECT_EQ(ArticleTriples(*store, "seed").size(), 2u);
  EXPECT_EQ(ArticleTriples(*store, "aws-japan").size(), 1u);
  EXPECT_EQ(Triples(*store).size(), 3u);  // the shared triple is stored once
}

TEST_F(StoreRoundTrip, ImportExportImportGivesTheSameTriples) {
  auto first = Open("first");
  ASSERT_TRUE(ImportFile(first.get(), Write("news.nt", kNews)).ok());
  std::string more =
      "<http://a.org/AWS> <http://a.org/invests_in> <http://dbpedia.org/resource/Japan> <http://a.org/g/aws> "
      ".\n"
      "_:b0 <http://a.org/trains> <http://a.org/AWS> <http://a.org/g/aws> .\n";
  ASSERT_TRUE(ImportFile(first.get(), Write("more.nq", more)).ok());

  for (ExportFormat format : {ExportFormat::kNTriples, ExportFormat::kNQuads}) {
    bool nq = format == ExportFormat::kNQuads;
    std::ostringstream out;
    ASSERT_TRUE(Export(*first, out, format).ok());
    std::string name = nq ? "second-nq" : "second-nt";
    auto second = Open(name);
    auto r = ImportFile(second.get(), Write(name + (nq ? ".nq" : ".nt"), out.str()));
    ASSERT_TRUE(r.ok()) << r.status().ToString() << "\n" << out.str();
    EXPECT_EQ(Triples(*second), Triples(*first)) << out.str();
    if (nq) {
      EXPECT_EQ(Articles(*second), Articles(*first));
      for (const std::string& a : Articles(*first))
        EXPECT_EQ(ArticleTriples(*second, a), ArticleTriples(*first, a));
    }
    std::ostringstream again;
    ASSERT_TRUE(Export(*second, again, format).ok());
    EXPECT_EQ(again.str().size(), out.str().size());
  }
}

TEST_F(StoreRoundTrip, ExportOfOneArticle) {
  auto store = Open("db");
  ASSERT_TRUE(ImportFile(store.get(), Write("news.nt", kNews)).ok());
  std::ostringstream out;
  uint64_t written = 0;
  ASSERT_TRUE(Export(*store, out, ExportFormat::kNQuads, std::string("news"), &written).ok());
  EXPECT_EQ(written, 10u);
  EXPECT_NE(out.str().find("<https://kg.example.org/article/news> .\n"), std::string::npos);
  std::ostringstream none;
  EXPECT_EQ(Export(*store, none, ExportFormat::kNTriples, std::string("other")).code(),
            Status::Code::kNotFound);
}

// Issue 12: an imported predicate IRI ending in "hasCEO" is found as
// "hasceo" (and "HASCEO"): predicates fold by the same rule as entities, in
// the store as in the in-memory source.
TEST_F(StoreRoundTrip, ImportedPredicateIsFoundCaseInsensitively) {
  auto store = Open("db");
  std::string nt =
      Write("ceo.nt",
            "<http://example.org/Acme> <http://example.org/vocab#hasCEO> <http://example.org/Jane_Roe> "
            ".\n<http://example.org/%C5%81%C3%93D%C5%B9_Energy> <http://example.org/vocab#hasCEO> "
            "<http://example.org/Mads> .\n");
  ASSERT_TRUE(ImportFile(store.get(), nt).ok());
  for (const char* name : {"hasCEO", "hasceo", "HASCEO"}) {
    auto r = query::Execute(std::string("?a -") + name + "-> ?b", *store);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->rows.size(), 2u) << name;
    EXPECT_TRUE(r->hints.empty()) << name << ": " << r->hints.front();
  }
  // Entity names fold beyond Latin-1 too: ŁÓDŹ / łódź.
  auto r = query::Execute("\"łódź_energy\" -hasceo-> ?b", *store);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->rows.size(), 1u);
  EXPECT_EQ(r->rows[0][0].ToString(), "Mads");
}

// Issue 13: kg before storage format 4 exported entity types under its own
// predicate `type`; imported now, they are is_a (rdf:type) triples, joining
// the rdf:type ones, and are exported as rdf:type.
TEST_F(StoreRoundTrip, EntityTypesOfAnOlderExportBecomeIsA) {
  auto store = Open("db");
  std::string nt = Write("old.nt",
                         "<https://kg.example.org/entity/NTT> <https://kg.example.org/predicate/type> "
                         "<https://kg.example.org/entity/Company> .\n"
                         "<https://kg.example.org/entity/Microsoft> "
                         "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                         "<https://kg.example.org/entity/Company> .\n");
  ASSERT_TRUE(ImportFile(store.get(), nt).ok());
  EXPECT_EQ(store->PredicateNames(), (std::vector<std::string>{"is_a"}));
  auto r = query::Execute("?c -is_a-> Company", *store);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rows.size(), 2u);
  std::ostringstream out;
  ASSERT_TRUE(Export(*store, out, ExportFormat::kNTriples).ok());
  EXPECT_EQ(out.str().find("predicate/type"), std::string::npos) << out.str();
  EXPECT_NE(
      out.str().find("<https://kg.example.org/entity/NTT> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                     "<https://kg.example.org/entity/Company> .\n"),
      std::string::npos)
      << out.str();
}

}  // namespace
}  // namespace kg::rdf
