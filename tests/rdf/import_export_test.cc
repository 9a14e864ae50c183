// Import and export against an in-memory graph (tests/rdf/memory_graph.h);
// store_roundtrip_test.cc repeats the round trip through RocksDB.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "memory_graph.h"
#include "rdf/export.h"
#include "rdf/import.h"

namespace kg::rdf {
namespace {

using testing::MemoryGraph;
using testing::ValueTriple;

constexpr char kSample[] =
    "# a small news graph\n"
    "<https://kg.example.org/entity/Microsoft> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    "<https://kg.example.org/entity/Company> .\n"
    "<https://kg.example.org/entity/Microsoft> <https://kg.example.org/predicate/invests_in> "
    "<http://dbpedia.org/resource/Japan> .\n"
    "<https://kg.example.org/entity/Microsoft> <https://kg.example.org/predicate/investment_amount> "
    "\"2900000000 USD\"^^<https://kg.example.org/datatype/money> .\n"
    "\n"
    "<http://dbpedia.org/resource/Japan> <http://schema.org/population> "
    "\"125000000\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
    "<http://dbpedia.org/resource/Japan> <http://www.w3.org/2000/01/rdf-schema#label> \"Nihon\"@ja .\n"
    "_:e1 <https://kg.example.org/predicate/announced> <http://example.org/prog#Digital%20Japan> .\n"
    "<http://example.org/prog#Digital%20Japan> <http://purl.org/dc/terms/date> "
    "\"2024-04-10\"^^<http://www.w3.org/2001/XMLSchema#date> .\n";

Result<ImportReport> Import(MemoryGraph* g, const std::string& text, const std::string& file,
                            ImportOptions options = {}) {
  std::istringstream in(text);
  return ImportStream(in, file, text.size(), g, options);
}

TEST(RdfImport, NTriplesMapsNamesTypesAndLiterals) {
  MemoryGraph g;
  auto r = Import(&g, kSample, "data/news-sample.nt");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->triples, 7u);
  EXPECT_EQ(r->lines, 9u);
  EXPECT_EQ(r->skipped, 0u);
  EXPECT_EQ(r->language_tags_dropped, 1u);  // "Nihon"@ja
  EXPECT_EQ(r->datatypes_dropped, 0u);
  ASSERT_EQ(r->articles.size(), 1u);
  EXPECT_EQ(r->articles[0].article, "news-sample");  // the file's stem
  EXPECT_EQ(g.finished(), 1);

  std::set<ValueTriple> expected = {
      {"entity:Microsoft", "is_a", "entity:Company"},
      {"entity:Microsoft", "invests_in", "entity:Japan"},
      {"entity:Microsoft", "investment_amount", "money:2900000000 USD"},
      {"entity:Japan", "population", "integer:125000000"},
      {"entity:Japan", "label", "string:Nihon"},
      {"entity:_:e1", "announced", "entity:Digital Japan"},
      {"entity:Digital Japan", "date", "date:2024-04-10"},
  };
  EXPECT_EQ(g.Triples("news-sample"), expected);
  // IRIs are kept for export.
  EXPECT_EQ(g.GetIri(g.FindEntity("japan")), "http://dbpedia.org/resource/Japan");
  EXPECT_EQ(g.GetIri(g.FindEntity("Digital Japan")), "http://example.org/prog#Digital%20Japan");
  EXPECT_EQ(g.GetIri(g.FindPredicate("population")), "http://schema.org/population");
}

TEST(RdfImport, CountsWhatItSimplifies) {
  MemoryGraph g;
  const std::string text =
      "<http://e.org/a> <http://e.org/when> "
      "\"2024-04-10T09:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime> .\n"
      "<http://e.org/a> <http://e.org/name> \"A\"^^<http://www.w3.org/2001/XMLSchema#string> .\n"
      "<http://e.org/a> <http://e.org/label> \"chat\"@fr .\n"
      "<http://e.org/a> <http://e.org/label> \"cat\"@en-GB .\n"
      "<http://e.org/a> <http://e.org/n> \"3\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";
  auto r = Import(&g, text, "x.nt");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->triples, 5u);
  EXPECT_EQ(r->language_tags_dropped, 2u);
  EXPECT_EQ(r->datatypes_dropped, 1u);  // xsd:dateTime; xsd:string and integer are modelled
}

TEST(RdfImport, IdOverridesTheArticleName) {
  MemoryGraph g;
  ImportOptions options;
  options.article = "custom";
  auto r = Import(&g, kSample, "x.nt", options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(g.Triples("custom").size(), 7u);
  EXPECT_EQ(g.FindArticle("x"), storage::kNoTerm);
}

constexpr char kBad[] =
    "<http://a.org/s> <http://a.org/p> <http://a.org/o> .\n"
    "<http://a.org/s> <http://a.org/p> <http://a.org/o2> .\n"
    "<http://a.org/s> <http://a.org/p> \"unterminated .\n"
    "<http://a.org/s2> <http://a.org/p> <http://a.org/o> .\n"
    "<http://a.org/s2> <http://a.org/q> \"x1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";

TEST(RdfImport, BadLineAbortsTheWholeFile) {
  MemoryGraph g;
  auto r = Import(&g, kBad, "dir/bad.nt");
  ASSERT_FALSE(r.ok());
  Status st = r.status();
  EXPECT_EQ(st.code(), Status::Code::kSyntaxError);
  EXPECT_EQ(st.message().rfind("dir/bad.nt:3:35: unterminated string literal", 0), 0u) << st.message();
  EXPECT_NE(st.message().find("'\"unterminated .'"), std::string::npos) << st.message();
  ASSERT_TRUE(st.span().has_value());
  EXPECT_EQ(st.span()->line, 3u);
  EXPECT_EQ(st.span()->column, 35u);
  EXPECT_EQ(std::string(kBad).substr(st.span()->offset, st.span()->length), "\"unterminated .");
  EXPECT_EQ(g.aborted(), 1);
  EXPECT_EQ(g.finished(), 0);
  EXPECT_EQ(g.size(), 0u);  // nothing stored
}

TEST(RdfImport, IllTypedLiteralAbortsWithItsPosition) {
  MemoryGraph g;
  std::string text = std::string(kBad).substr(std::string(kBad).find("<http://a.org/s2>"));
  auto r = Import(&g, text, "t.nt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(r.status().message().rfind("t.nt:2:36: invalid xsd:integer literal \"x1\"", 0), 0u)
      << r.status().message();
  EXPECT_EQ(g.size(), 0u);
}

TEST(RdfImport, SkipBadCountsAndKeepsTheGoodLines) {
  MemoryGraph g;
  ImportOptions options;
  options.skip_bad = true;
  auto r = Import(&g, kBad, "bad.nt", options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->skipped, 2u);
  EXPECT_EQ(r->triples, 3u);
  ASSERT_EQ(r->skipped_errors.size(), 2u);
  EXPECT_EQ(r->skipped_errors[0].span()->line, 3u);
  EXPECT_EQ(r->skipped_errors[1].span()->line, 5u);
  EXPECT_EQ(g.size(), 3u);
  // The skipped line's terms are not half-imported.
  EXPECT_EQ(g.FindPredicate("q"), storage::kNoTerm);
}

TEST(RdfImport, NQuadsGraphsBecomeArticles) {
  MemoryGraph g;
  std::string text =
      "<http://a.org/s> <http://a.org/p> <http://a.org/o> <https://kg.example.org/article/aws-japan> .\n"
      "<http://a.org/s> <http://a.org/p> <http://a.org/o> <http://b.org/graphs#seed> .\n"
      "<http://a.org/s> <http://a.org/p> \"x\" <http://b.org/graphs#seed> .\n"
      "<http://a.org/s> <http://a.org/q> <http://a.org/o> .\n";
  auto r = Import(&g, text, "dump.nq");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->articles.size(), 3u);
  EXPECT_EQ(g.Triples("aws-japan").size(), 1u);
  EXPECT_EQ(g.Triples("seed").size(), 2u);
  EXPECT_EQ(g.Triples("dump").size(), 1u);  // default graph → the stem
  EXPECT_EQ(g.size(), 3u);                  // the shared triple is stored once
}

TEST(RdfImport, LocalNameClashesKeepTheFullIri) {
  MemoryGraph g;
  std::string text =
      "<http://a.org/Apple> <http://a.org/p> <http://b.org/apple> .\n"
      "<http://b.org/apple> <http://a.org/p> <http://a.org/Apple> .\n";
  auto r = Import(&g, text, "clash.nt");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::set<ValueTriple> expected = {{"entity:Apple", "p", "entity:http://b.org/apple"},
                                    {"entity:http://b.org/apple", "p", "entity:Apple"}};
  EXPECT_EQ(g.Triples(), expected);
}

TEST(RdfImport, MergesWithStoredEntitiesWithoutIriButNotWithOtherIris) {
  MemoryGraph g;
  g.Add("text", Value::Entity("Japan"), "located_in", Value::Entity("Asia"));  // from the text loader
  g.Add("text", Value::Entity("Asia"), "is_a", Value::Entity("continent"));
  g.SetIri("Asia", "http://other.org/Asia");
  std::string text =
      "<http://dbpedia.org/resource/Japan> <http://a.org/p> <http://dbpedia.org/resource/Asia> .\n";
  auto r = Import(&g, text, "db.nt");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::set<ValueTriple> expected = {{"entity:Japan", "p", "entity:http://dbpedia.org/resource/Asia"}};
  EXPECT_EQ(g.Triples("db"), expected);
}

TEST(RdfImport, CrLfLinesAndNoFinalNewline) {
  MemoryGraph g;
  auto r =
      Import(&g, "<http://a.org/s> <http://a.org/p> \"x\" .\r\n<http://a.org/s> <http://a.org/p> \"y\" .",
             "crlf.nt");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(g.size(), 2u);
}

TEST(RdfImport, ProgressReportsTotals) {
  MemoryGraph g;
  ImportProgress last;
  int calls = 0;
  ImportOptions options;
  options.progress = [&](const ImportProgress& p) {
    last = p;
    ++calls;
  };
  auto r = Import(&g, kSample, "p.nt", options);
  ASSERT_TRUE(r.ok());
  EXPECT_GE(calls, 1);
  EXPECT_EQ(last.bytes_read, std::string(kSample).size());
  EXPECT_EQ(last.bytes_total, std::string(kSample).size());
  EXPECT_EQ(last.triples, 7u);
}

// A sink that refuses the n-th triple, as storage does for an article that
// already exists.
class FailingSink : public MemoryGraph {
 public:
  explicit FailingSink(uint64_t fail_at) : fail_at_(fail_at) {}
  Status AddTriple(std::string_view article, const Value& s, std::string_view p, std::string_view piri,
                   const Value& o) override {
    if (++seen_ == fail_at_) return Status::AlreadyExists("article 'big' exists; use --replace");
    return MemoryGraph::AddTriple(article, s, p, piri, o);
  }

 private:
  uint64_t fail_at_;
  uint64_t seen_ = 0;
};

std::string ManyTriples(int n) {
  std::string text;
  for (int i = 0; i < n; ++i) {
    text += "<http://a.org/e" + std::to_string(i % 1000) + "> <http://a.org/p" + std::to_string(i % 7) +
            "> \"" + std::to_string(i) + "\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n";
  }
  return text;
}

TEST(RdfImport, LargeFilesStreamThroughInBatches) {
  MemoryGraph g;
  auto r = Import(&g, ManyTriples(20000), "big.nt");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->triples, 20000u);
  EXPECT_EQ(g.size(), 20000u);
  EXPECT_NE(g.FindEntity("e999"), storage::kNoTerm);
}

TEST(RdfImport, StorageErrorAbortsEvenWithSkipBad) {
  for (uint64_t fail_at : {1u, 5000u, 19999u}) {
    FailingSink g(fail_at);
    ImportOptions options;
    options.skip_bad = true;
    auto r = Import(&g, ManyTriples(20000), "big.nt", options);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), Status::Code::kAlreadyExists) << r.status().ToString();
    EXPECT_EQ(g.aborted(), 1);
    EXPECT_EQ(g.finished(), 0);
    EXPECT_EQ(g.size(), 0u);
  }
}

TEST(RdfImport, ByteOrderMarkAndVeryLongLines) {
  MemoryGraph g;
  std::string long_text(3 << 20, 'x');  // longer than the 1 MiB read chunk
  std::string text = "\xEF\xBB\xBF<http://a.org/s> <http://a.org/p> \"" + long_text +
                     "\" .\n<http://a.org/s> <http://a.org/q> \"short\" .\n";
  auto r = Import(&g, text, "bom.nt");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(g.size(), 2u);
  EXPECT_TRUE(g.Triples().count({"entity:s", "p", "string:" + long_text}));
}

TEST(RdfImport, EmptyFileImportsNothing) {
  MemoryGraph g;
  auto r = Import(&g, "# only a comment\n\n", "empty.nt");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->triples, 0u);
  EXPECT_EQ(r->lines, 2u);
  EXPECT_EQ(g.size(), 0u);
}

TEST(RdfImport, FileStems) {
  EXPECT_EQ(FileStem("data/news.nt"), "news");
  EXPECT_EQ(FileStem("archive.2024.nq"), "archive.2024");
  EXPECT_EQ(FileStem("noext"), "noext");
  EXPECT_EQ(FileStem(".hidden"), ".hidden");
}

std::string ExportToString(const MemoryGraph& g, ExportFormat format,
                           const std::optional<std::string>& article = std::nullopt) {
  std::ostringstream out;
  Status st = Export(g, out, format, article);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out.str();
}

TEST(RdfExport, KeepsImportedIrisAndMintsTheRest) {
  MemoryGraph g;
  ASSERT_TRUE(Import(&g, kSample, "sample.nt").ok());
  g.Add("loaded", Value::Entity("Alibaba Cloud"), "invests_in", Value::Entity("Japan"));
  g.Add("loaded", Value::Entity("Alibaba Cloud"), "is_a", Value::Entity("Company"));
  g.Add("loaded", Value::Entity("Alibaba Cloud"), "founded", Value::DateValue({2009, 9, 0}));
  std::string nt = ExportToString(g, ExportFormat::kNTriples);
  auto has = [&](const std::string& line) {
    EXPECT_NE(nt.find(line + " .\n"), std::string::npos) << line << "\n--- in ---\n" << nt;
  };
  has("<https://kg.example.org/entity/Alibaba%20Cloud> <https://kg.example.org/predicate/invests_in> "
      "<http://dbpedia.org/resource/Japan>");
  has("<https://kg.example.org/entity/Alibaba%20Cloud> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<https://kg.example.org/entity/Company>");
  has("<https://kg.example.org/entity/Alibaba%20Cloud> <https://kg.example.org/predicate/founded> "
      "\"2009-09\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>");
  has("<http://dbpedia.org/resource/Japan> <http://schema.org/population> "
      "\"125000000\"^^<http://www.w3.org/2001/XMLSchema#integer>");
  has("<https://kg.example.org/entity/Microsoft> <https://kg.example.org/predicate/investment_amount> "
      "\"2900000000 USD\"^^<https://kg.example.org/datatype/money>");
  has("_:e1 <https://kg.example.org/predicate/announced> <http://example.org/prog#Digital%20Japan>");
  // The shared Microsoft is_a Company triple is written once.
  EXPECT_EQ(std::count(nt.begin(), nt.end(), '\n'), 10);
}

TEST(RdfExport, NQuadsNameGraphsAfterArticles) {
  MemoryGraph g;
  g.Add("aws-japan", Value::Entity("AWS"), "invests_in", Value::Entity("Japan"));
  g.Add("seed", Value::Entity("AWS"), "invests_in", Value::Entity("Japan"));
  std::string nq = ExportToString(g, ExportFormat::kNQuads);
  EXPECT_EQ(nq,
            "<https://kg.example.org/entity/AWS> <https://kg.example.org/predicate/invests_in> "
            "<https://kg.example.org/entity/Japan> <https://kg.example.org/article/aws-japan> .\n"
            "<https://kg.example.org/entity/AWS> <https://kg.example.org/predicate/invests_in> "
            "<https://kg.example.org/entity/Japan> <https://kg.example.org/article/seed> .\n");
  std::string one = ExportToString(g, ExportFormat::kNTriples, "seed");
  EXPECT_EQ(one,
            "<https://kg.example.org/entity/AWS> <https://kg.example.org/predicate/invests_in> "
            "<https://kg.example.org/entity/Japan> .\n");
}

TEST(RdfExport, UnknownArticleIsNotFound) {
  MemoryGraph g;
  std::ostringstream out;
  Status st = Export(g, out, ExportFormat::kNQuads, std::string("nope"));
  EXPECT_EQ(st.code(), Status::Code::kNotFound);
  EXPECT_NE(st.message().find("nope"), std::string::npos);
  EXPECT_TRUE(out.str().empty());
}

std::multiset<std::string> SortedLines(const std::string& text) {
  std::multiset<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.insert(line);
  return lines;
}

TEST(RdfRoundTrip, ImportExportImportGivesTheSameTriples) {
  MemoryGraph first;
  ASSERT_TRUE(Import(&first, kSample, "sample.nt").ok());
  first.Add("loaded", Value::Entity("Alibaba Cloud"), "invests_in", Value::Entity("Japan"));
  first.Add("loaded", Value::Entity("Alibaba Cloud"), "amount", Value::Money(1.5e9, "USD"));
  first.Add("loaded", Value::Entity("Alibaba Cloud"), "score", Value::Decimal(0.1));
  first.Add("loaded", Value::Entity("Alibaba Cloud"), "active", Value::Bool(true));
  first.Add("loaded", Value::Entity("Alibaba Cloud"), "note", Value::String("a \"quoted\"\nline"));

  for (ExportFormat format : {ExportFormat::kNTriples, ExportFormat::kNQuads}) {
    std::string text = ExportToString(first, format);
    MemoryGraph second;
    auto r = Import(&second, text, format == ExportFormat::kNQuads ? "rt.nq" : "rt.nt");
    ASSERT_TRUE(r.ok()) << r.status().ToString() << "\n" << text;
    EXPECT_EQ(second.Triples(), first.Triples());
    if (format == ExportFormat::kNQuads) {
      EXPECT_EQ(second.Triples("loaded"), first.Triples("loaded"));
      EXPECT_EQ(second.Triples("sample"), first.Triples("sample"));
    }
    // Exporting again gives the same lines (maybe in another order): IRIs
    // survive the trip.
    EXPECT_EQ(SortedLines(ExportToString(second, format)), SortedLines(text));
  }
}

}  // namespace
}  // namespace kg::rdf
