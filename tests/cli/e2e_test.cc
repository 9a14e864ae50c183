// End-to-end tests: build/kg run as a subprocess, as a user or a script runs
// it. One database with the shipped articles is loaded once for the suite;
// tests that write use their own.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/hedged_article.h"
#include "tests/cli/subprocess.h"

namespace kg::cli::testing {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::string> ShippedArticles() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(SourceDir() + "/data")) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Data(const std::string& name) { return SourceDir() + "/data/" + name; }

class KgE2E : public ::testing::Test {
 protected:
  // CTest loads the shipped articles once (fixture cli_e2e_db) and passes
  // the database in $KG_E2E_DB, so each test process does not reload them;
  // run by hand, the suite loads its own.
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const char* shared = std::getenv("KG_E2E_DB");
    if (shared != nullptr && std::filesystem::exists(shared)) {
      db_ = shared;
      load_ = new RunResult{0, "", ""};
      return;
    }
    db_ = dir_->File("news.db");
    std::vector<std::string> args = {"--db", db_, "load"};
    for (const auto& f : ShippedArticles()) args.push_back(f);
    load_ = new RunResult(Kg(args));
  }
  static void TearDownTestSuite() {
    delete load_;
    delete dir_;
  }
  void SetUp() override { ASSERT_EQ(load_->exit_code, 0) << load_->out << load_->err; }
  // kg with --db pointing at the shared database.
  static RunResult Q(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--db", db_});
    return Kg(args, input);
  }

  static TempDir* dir_;
  static std::string db_;
  static RunResult* load_;
};
TempDir* KgE2E::dir_ = nullptr;
std::string KgE2E::db_;
RunResult* KgE2E::load_ = nullptr;

// ---- global options, help, exit codes ----

TEST(KgCommand, VersionPrintsVersion) {
  RunResult r = Kg({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("kg 0."));
}

TEST(KgCommand, EverySubcommandHasHelpWithExamples) {
  for (const char* cmd : {"load", "import", "delete", "export", "graph", "query", "repl", "articles", "stats",
                          "compare", "extract", "eval", "parse"}) {
    RunResult r = Kg({cmd, "--help"});
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_THAT(r.out, HasSubstr("Examples:")) << cmd;
    EXPECT_THAT(r.out, HasSubstr(std::string("kg "))) << cmd;
  }
  RunResult top = Kg({"--help"});
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_THAT(top.out, AllOf(HasSubstr("load"), HasSubstr("query"), HasSubstr("compare"), HasSubstr("--db")));
}

TEST(KgCommand, UsageErrorsExitWithTwo) {
  RunResult unknown_option = Kg({"--bogus"});
  EXPECT_EQ(unknown_option.exit_code, 2);
  EXPECT_THAT(unknown_option.err, HasSubstr("--bogus"));
  EXPECT_EQ(Kg({"query"}).exit_code, 2);                          // missing query
  EXPECT_EQ(Kg({"query", "x", "--format", "xml"}).exit_code, 2);  // bad format
  EXPECT_EQ(Kg({"nosuchcommand"}).exit_code, 2);
  RunResult two_ids = Kg({"load", "--id", "x", "a.txt", "b.txt"});
  EXPECT_EQ(two_ids.exit_code, 2);
  EXPECT_THAT(two_ids.err, HasSubstr("--id"));
}

TEST(KgCommand, MissingDatabaseIsUserErrorWithHint) {
  TempDir dir;
  RunResult r = Kg({"--db", dir.File("none.db"), "query", "?s -?p-> ?o"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, AllOf(HasSubstr("error:"), HasSubstr("none.db"), HasSubstr("kg"), HasSubstr("load")));
  EXPECT_FALSE(std::filesystem::exists(dir.File("none.db")));  // a reader creates nothing
}

// ---- load ----

TEST(KgLoad, LoadReportsEachArticle) {
  TempDir dir;
  std::vector<std::string> args = {"--db", dir.File("k.db"), "load"};
  for (const auto& f : ShippedArticles()) args.push_back(f);
  RunResult load = Kg(args);
  ASSERT_EQ(load.exit_code, 0) << load.err;
  for (const auto& f : ShippedArticles()) {
    std::string name = std::filesystem::path(f).stem().string();
    EXPECT_THAT(load.out, HasSubstr("loaded " + name + ":")) << load.out;
  }
  EXPECT_THAT(load.out, AllOf(HasSubstr("sentences"), HasSubstr("facts"), HasSubstr("entities"),
                              HasSubstr("warning"), HasSubstr("total: ")));
  // Not a terminal: no progress bar escape codes.
  EXPECT_THAT(load.err, Not(HasSubstr("\r")));
}

// Issue 13: there was no command to delete an article (the library could).
TEST(KgDelete, DeletesTheArticleAndOnlyItsOwnFacts) {
  TempDir dir;
  const std::string db = dir.File("d.db");
  ASSERT_EQ(
      Kg({"--db", db, "load", Data("microsoft-indonesia.txt"), Data("microsoft-japan-ai.txt")}).exit_code, 0);
  // Not a terminal: no question.
  RunResult del = Kg({"--db", db, "delete", "microsoft-indonesia"});
  ASSERT_EQ(del.exit_code, 0) << del.err;
  EXPECT_THAT(del.out, HasSubstr("deleted microsoft-indonesia ("));
  EXPECT_EQ(del.err, "");
  RunResult articles = Kg({"--db", db, "articles"});
  EXPECT_EQ(articles.out.find("microsoft-indonesia"), std::string::npos) << articles.out;
  EXPECT_THAT(articles.out, HasSubstr("microsoft-japan-ai"));
  RunResult gone = Kg({"--db", db, "query", "Microsoft -invests_in-> Indonesia"});
  EXPECT_EQ(gone.out, "matches\n0\n");
  RunResult kept = Kg({"--db", db, "query", "Microsoft -invests_in-> ?k"});
  EXPECT_THAT(kept.out, HasSubstr("Japan"));
  // An unknown article is an error naming the nearest one; nothing changes.
  RunResult typo = Kg({"--db", db, "delete", "microsoft-japan"});
  EXPECT_EQ(typo.exit_code, 1);
  EXPECT_THAT(typo.err, HasSubstr("no article 'microsoft-japan'"));
  EXPECT_THAT(typo.err, HasSubstr("did you mean microsoft-japan-ai?"));
  // A missing database is not created.
  RunResult missing = Kg({"--db", dir.File("none.db"), "delete", "x"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, HasSubstr("no database at"));
  EXPECT_FALSE(std::filesystem::exists(dir.File("none.db")));
}

TEST_F(KgE2E, ReloadingUnchangedArticleIsNoOp) {
  TempDir dir;
  std::string db = dir.File("k.db");
  ASSERT_EQ(Kg({"--db", db, "load", Data("google-thailand.txt")}).exit_code, 0);
  RunResult again = Kg({"--db", db, "load", Data("google-thailand.txt")});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_THAT(again.out, HasSubstr("unchanged google-thailand"));
}

// Issue 13: "N articles stored" counted articles that were already stored
// unchanged.
TEST(KgLoad, TotalCountsUnchangedArticlesApart) {
  TempDir dir;
  const std::string db = dir.File("k.db");
  ASSERT_EQ(Kg({"--db", db, "load", Data("google-thailand.txt")}).exit_code, 0);
  RunResult r = Kg({"--db", db, "load", Data("google-thailand.txt"), Data("aws-japan.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("unchanged google-thailand"));
  EXPECT_THAT(r.out, HasSubstr("loaded aws-japan: 9 sentences, 38 facts"));
  EXPECT_THAT(r.out, HasSubstr("total: 1 article stored (38 facts), 1 unchanged, 0 failed, in "));
  RunResult again = Kg({"--db", db, "load", Data("google-thailand.txt"), Data("aws-japan.txt")});
  EXPECT_THAT(again.out, HasSubstr("total: 0 articles stored (0 facts), 2 unchanged, 0 failed, in "));
}

TEST_F(KgE2E, LoadChangedArticleNeedsReplace) {
  TempDir dir;
  std::string db = dir.File("k.db");
  std::string v1 = dir.Write("deal.txt", "Acme Corp has announced a $2 billion investment in Vietnam.\n");
  ASSERT_EQ(Kg({"--db", db, "load", "--id", "deal", v1}).exit_code, 0);
  std::string v2 = dir.Write("deal2.txt", "Acme Corp has announced a $3 billion investment in Vietnam.\n");
  RunResult clash = Kg({"--db", db, "load", "--id", "deal", v2});
  EXPECT_EQ(clash.exit_code, 1);
  EXPECT_THAT(clash.err, AllOf(HasSubstr("error:"), HasSubstr("--replace")));
  RunResult replaced = Kg({"--db", db, "load", "--id", "deal", "--replace", v2});
  EXPECT_EQ(replaced.exit_code, 0) << replaced.err;
  EXPECT_THAT(replaced.out, HasSubstr("replaced deal"));
  RunResult articles = Kg({"--db", db, "articles", "--format", "tsv"});
  EXPECT_THAT(articles.out, HasSubstr("deal\t"));
}

TEST_F(KgE2E, LoadMissingFileIsUserErrorAndOthersStillLoad) {
  TempDir dir;
  std::string db = dir.File("k.db");
  RunResult r = Kg({"--db", db, "load", dir.File("missing.txt"), Data("google-thailand.txt")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, AllOf(HasSubstr("missing.txt"), HasSubstr("cannot read")));
  EXPECT_THAT(r.out, HasSubstr("loaded google-thailand"));
}

TEST_F(KgE2E, LoadRejectsBinaryInput) {
  TempDir dir;
  std::string bad = dir.Write("bad.txt", std::string("\xff\xfe\x00\x01 not text", 14));
  RunResult r = Kg({"--db", dir.File("k.db"), "load", bad});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("bad.txt"));
}

// ---- query ----

TEST_F(KgE2E, QueryPrintsTsvWhenPiped) {
  RunResult r = Q({"query", "?who -invests_in-> Japan"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("who\n", 0), 0u) << r.out;
  EXPECT_THAT(r.out, AllOf(HasSubstr("\nMicrosoft\n"), HasSubstr("Amazon Web Services")));
}

// --memory-limit stops a query that would hold too much (sorting every row
// of a cross product), naming the limit; a bad size is a usage error.
TEST_F(KgE2E, QueryMemoryLimitStopsAndNamesTheLimit) {
  RunResult r =
      Q({"query", "MATCH ?a -?p-> ?b, ?c -?q-> ?d RETURN ?a, ?d ORDER BY ?d", "--memory-limit", "1MB"});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_THAT(r.err,
              AllOf(HasSubstr("needed more than 1 MB"), HasSubstr("memory limit"), HasSubstr("LIMIT")));
  r = Q({"query", "MATCH ?a -?p-> ?b, ?c -?q-> ?d RETURN ?a, ?d ORDER BY ?d LIMIT 3", "--memory-limit", "1MB",
         "--timeout", "30s"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = Q({"query", "?a -?p-> ?b", "--memory-limit", "lots"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("not a memory size"));
}

// Issue 12: `kg query` prints rows as a cursor hands them out, so a result
// far larger than the memory limit (the cross product of every triple with
// every triple, ~38,000 rows of six columns) streams out whole in tsv, csv
// and json, the same bytes as the whole answer (--repeat 1 answers whole).
// A table needs every row for its widths: it is answered whole, under the
// limit.
TEST_F(KgE2E, QueryStreamsResultsLargerThanTheMemoryLimit) {
  const std::string query = "?a -?p-> ?b, ?c -?q-> ?d";
  for (const char* format : {"tsv", "csv", "json"}) {
    SCOPED_TRACE(format);
    RunResult streamed = Q({"query", query, "--memory-limit", "200KB", "--format", format});
    ASSERT_EQ(streamed.exit_code, 0) << streamed.err;
    RunResult whole = Q({"query", query, "--format", format, "--repeat", "1"});
    ASSERT_EQ(whole.exit_code, 0) << whole.err;
    EXPECT_GT(std::count(streamed.out.begin(), streamed.out.end(), '\n'), 30000);
    EXPECT_EQ(streamed.out, whole.out);
  }
  RunResult table = Q({"query", query, "--memory-limit", "200KB", "--format", "table"});
  EXPECT_EQ(table.exit_code, 1) << table.out;
  EXPECT_THAT(table.err, HasSubstr("memory limit"));
}

// A hedged statement is stored but answers only when --hedged asks for it.
TEST(KgCommand, HedgedFactsNeedTheHedgedFlag) {
  TempDir dir;
  std::string article = dir.Write("hedge.txt",
                                  "Orbital Foods expands\n\nOrbital Foods may invest $2 billion in Kenya. "
                                  "Orbital Foods opened a plant in Ghana.\n");
  const std::string db = dir.File("h.db");
  RunResult load = Kg({"--db", db, "load", article});
  ASSERT_EQ(load.exit_code, 0) << load.err;
  RunResult plain = Kg({"--db", db, "query", "?c -invests_in-> Kenya"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_THAT(plain.out, Not(HasSubstr("Orbital Foods")));
  RunResult hedged = Kg({"--db", db, "query", "?c -invests_in-> Kenya", "--hedged"});
  ASSERT_EQ(hedged.exit_code, 0) << hedged.err;
  EXPECT_THAT(hedged.out, HasSubstr("Orbital Foods"));
}

TEST_F(KgE2E, QueryFormatsCsvJsonTable) {
  const std::string q = "MATCH ?c -invests_in-> ?k RETURN ?c, ?k ORDER BY ?c, ?k";
  RunResult csv = Q({"query", q, "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("c,k\r\n", 0), 0u) << csv.out;
  RunResult json = Q({"query", q, "--format", "json"});
  ASSERT_EQ(json.exit_code, 0);
  EXPECT_EQ(json.out.rfind("[\n{\"c\":", 0), 0u) << json.out;
  EXPECT_THAT(json.out, HasSubstr("{\"c\":\"Microsoft\",\"k\":\"Japan\"}"));
  RunResult table = Q({"query", q, "--format", "table"});
  ASSERT_EQ(table.exit_code, 0);
  EXPECT_THAT(table.out, AllOf(HasSubstr(" c "), HasSubstr("---+"), HasSubstr(" rows")));
}

TEST_F(KgE2E, QueryJsonHasTypedMoney) {
  RunResult r = Q({"query", "Microsoft -investment_amount-> ?amt", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"amt\":{\"amount\":10000000000,\"currency\":\"USD\"}"));
}

TEST_F(KgE2E, QueryTimingLineAndRepeat) {
  RunResult r = Q({"query", "?c -invests_in-> ?k", "--timing", "--repeat", "3"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Exactly one line of the documented shape (sscanf, not std::regex,
  // which trips gcc 12's -Wmaybe-uninitialized under sanitizers).
  ASSERT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  double total = -1, parse = -1, plan = -1, exec = -1;
  size_t rows = 0;
  int consumed = 0;
  ASSERT_EQ(
      std::sscanf(r.err.c_str(), "timing: total_ms=%lf parse_ms=%lf plan_ms=%lf exec_ms=%lf rows=%zu\n%n",
                  &total, &parse, &plan, &exec, &rows, &consumed),
      5)
      << r.err;
  EXPECT_EQ(static_cast<size_t>(consumed), r.err.size()) << r.err;
  EXPECT_GE(total, 0);
  EXPECT_GE(exec, 0);
  EXPECT_GT(rows, 0u);
  EXPECT_THAT(r.out, Not(HasSubstr("timing:")));
}

TEST_F(KgE2E, QuerySyntaxErrorShowsCaretAndExitsOne) {
  RunResult r = Q({"query", "Microsoft -invests_in ?x"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, AllOf(HasSubstr("error:"), HasSubstr("line 1"), HasSubstr("^")));
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST_F(KgE2E, QueryUnknownEntityPrintsHintNotError) {
  RunResult r = Q({"query", "Microsfot -invests_in-> ?x"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.err, AllOf(HasSubstr("Microsfot"), HasSubstr("Microsoft")));
}

TEST_F(KgE2E, QueryWhyShowsSentences) {
  RunResult r = Q({"query", "WHY Microsoft -invests_in-> Japan"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(HasSubstr("microsoft-japan-ai"), HasSubstr("$10 billion investment in Japan")));
}

// Issue 13: WHY printed the internal marker 4294967295 and an empty text for
// facts that have no sentence (imported ones, entity types).
TEST(KgWhy, FactsWithoutASentenceSaySo) {
  TempDir dir;
  const std::string db = dir.File("why.db");
  ASSERT_EQ(Kg({"--db", db, "load", Data("microsoft-indonesia.txt")}).exit_code, 0);
  RunResult import = Kg({"--db", db, "import",
                         dir.Write("deals.nt",
                                   "<http://example.org/Acme> <http://example.org/invests_in> "
                                   "<http://example.org/Peru> .\n")});
  ASSERT_EQ(import.exit_code, 0) << import.err;
  RunResult imported = Kg({"--db", db, "query", "WHY Acme -invests_in-> Peru"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(imported.out, "article\tsentence\ttext\ndeals\t\t(no sentence: imported)\n");
  RunResult typed = Kg({"--db", db, "query", "WHY Microsoft -?p-> ?o"});
  ASSERT_EQ(typed.exit_code, 0) << typed.err;
  EXPECT_THAT(typed.out, HasSubstr("\t\t(no sentence: the type the article gives this entity)\n"));
  EXPECT_THAT(typed.out, Not(HasSubstr("4294967295")));
  EXPECT_THAT(typed.out, Not(HasSubstr("\t\n")));  // no empty text
}

TEST_F(KgE2E, DatabaseFromEnvironment) {
  RunResult r = Kg({"articles", "--format", "tsv"}, "", {{"KG_DB", db_}});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("microsoft-japan-ai\t"));
}

// ---- articles, stats, compare ----

TEST_F(KgE2E, ArticlesListsEveryLoadedArticle) {
  RunResult r = Q({"articles", "--format", "table"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const auto& f : ShippedArticles()) {
    EXPECT_THAT(r.out, HasSubstr(std::filesystem::path(f).stem().string()));
  }
  EXPECT_THAT(r.out, HasSubstr(std::to_string(ShippedArticles().size()) + " articles"));
}

TEST_F(KgE2E, StatsShowsCountsAndPredicates) {
  RunResult r = Q({"stats", "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(
      r.out, AllOf(HasSubstr("triples\t"), HasSubstr("articles\t" + std::to_string(ShippedArticles().size())),
                   HasSubstr("invests_in\t")));
  RunResult json = Q({"stats", "--format", "json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(json.out.rfind("{\"articles\":" + std::to_string(ShippedArticles().size()) + ",", 0), 0u)
      << json.out;
  EXPECT_THAT(json.out,
              AllOf(HasSubstr("\"predicates\":["), HasSubstr("{\"predicate\":\"invests_in\",\"triples\":")));
  EXPECT_EQ(json.out.substr(json.out.size() - 3), "]}\n");
}

TEST_F(KgE2E, CompareShowsSharedOneSidedAndConflictingFacts) {
  RunResult r = Q({"compare", "microsoft-japan-ai", "microsoft-japan-recap", "--format", "table"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(HasSubstr("== conflicts (1) =="), HasSubstr("== both ("),
                           HasSubstr("== only in microsoft-japan-ai ("), HasSubstr(" shared\n")));
  // Conflicts come first.
  EXPECT_LT(r.out.find("== conflicts"), r.out.find("== both"));
  RunResult tsv = Q({"compare", "microsoft-japan-ai", "microsoft-japan-recap", "--format", "tsv"});
  ASSERT_EQ(tsv.exit_code, 0);
  EXPECT_THAT(
      tsv.out,
      HasSubstr("conflict\tMicrosoft investment in Japan\tamount\t10000000000 USD\t12000000000 USD\n"));
}

// Every article `kg compare --help` names in its examples is a shipped one
// (issue 13: it named microsoft-japan-ai-recap, which does not exist).
TEST_F(KgE2E, CompareHelpExamplesNameShippedArticles) {
  RunResult help = Kg({"compare", "--help"});
  ASSERT_EQ(help.exit_code, 0);
  std::vector<std::string> stems;
  for (const auto& f : ShippedArticles()) stems.push_back(std::filesystem::path(f).stem().string());
  const std::string example = "\n  kg compare ";
  size_t examples = 0;
  for (size_t at = help.out.find(example); at != std::string::npos; at = help.out.find(example, at + 1)) {
    const size_t start = at + example.size();
    std::istringstream line(help.out.substr(start, help.out.find('\n', start) - start));
    std::string a, b;
    line >> a >> b;
    for (const std::string& name : {a, b}) {
      EXPECT_NE(std::find(stems.begin(), stems.end(), name), stems.end()) << name << " in\n" << help.out;
    }
    ++examples;
  }
  EXPECT_GE(examples, 2u) << help.out;
}

// Issue 13's "done when": two short reports of the same deal, written for
// the test, one with $2.5 billion and partner Vantrel Systems, the other with
// $3 billion and partner Oskaro Group: one conflict (the amount, once), one
// difference (the partner), no conflict from the publication dates, and the
// summary line; --why cites each side's sentence.
class KgCompareTwoReports : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("deal.db");
    RunResult load = Kg({"--db", db_, "load",
                         dir_.Write("deal-a.txt",
                                    "title: Norvale Power backs solar plant in Kestria\n"
                                    "date: 2024-03-04\n\n"
                                    "Norvale Power is investing $2.5 billion in a solar plant in Kestria.\n"
                                    "Norvale Power partners with Vantrel Systems on the project.\n"),
                         dir_.Write("deal-b.txt",
                                    "title: Norvale commits $3 billion to Kestria solar\n"
                                    "date: 2024-03-05\n\n"
                                    "Norvale Power is investing $3 billion in a solar plant in Kestria.\n"
                                    "Norvale Power partners with Oskaro Group on the project.\n")});
    ASSERT_EQ(load.exit_code, 0) << load.err;
  }
  RunResult Compare(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db_, "compare", "deal-a", "deal-b"});
    return Kg(args);
  }
  static size_t Lines(const std::string& text, const std::string& prefix) {
    size_t n = 0;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) n += line.rfind(prefix, 0) == 0;
    return n;
  }

  TempDir dir_;
  std::string db_;
};

TEST_F(KgCompareTwoReports, OneConflictOnTheAmountOneDifferenceOnThePartner) {
  RunResult tsv = Compare({"--format", "tsv"});
  ASSERT_EQ(tsv.exit_code, 0) << tsv.err;
  EXPECT_EQ(Lines(tsv.out, "conflict\t"), 1u) << tsv.out;
  EXPECT_THAT(
      tsv.out,
      HasSubstr("conflict\tNorvale Power investment in solar plant in Kestria\tamount\t2500000000 USD\t"
                "3000000000 USD\n"));
  EXPECT_EQ(Lines(tsv.out, "differs\t"), 1u) << tsv.out;
  EXPECT_THAT(tsv.out, HasSubstr("differs\tNorvale Power\tpartners_with\tVantrel Systems\tOskaro Group\n"));
  // The amounts once: no flat investment_amount rows beside the event's.
  EXPECT_THAT(tsv.out, Not(HasSubstr("investment_amount")));
  // The publication dates are metadata, not a conflict.
  EXPECT_THAT(tsv.out, HasSubstr("metadata\t\tpublished\t2024-03-04\t2024-03-05\n"));
  EXPECT_THAT(tsv.out, Not(HasSubstr("\tdate\t")));

  RunResult table = Compare({"--format", "table"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_THAT(table.out, AllOf(HasSubstr("  A: deal-a — \"Norvale Power backs solar plant in Kestria\", "
                                         "published 2024-03-04, from "),
                               HasSubstr("== conflicts (1) =="), HasSubstr("== differences (1) ==")));
  EXPECT_THAT(table.out, HasSubstr("\n1 conflict, 1 difference, 1 only in deal-a, 0 only in deal-b, "));
  EXPECT_LT(table.out.find("== conflicts"), table.out.find("== differences"));
}

TEST_F(KgCompareTwoReports, WhyShowsTheTwoSentences) {
  RunResult r = Compare({"--format", "table", "--why"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out,
              HasSubstr("Norvale Power investment in solar plant in Kestria amount:\n"
                        "  deal-a [0] Norvale Power is investing $2.5 billion in a solar plant in Kestria.\n"
                        "  deal-b [0] Norvale Power is investing $3 billion in a solar plant in Kestria.\n"));
  EXPECT_THAT(r.out, HasSubstr("Norvale Power partners_with:\n"
                               "  deal-a [1] Norvale Power partners with Vantrel Systems on the project.\n"
                               "  deal-b [1] Norvale Power partners with Oskaro Group on the project.\n"));
}

TEST_F(KgCompareTwoReports, BookkeepingOnlyWithAll) {
  RunResult r = Compare({"--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, Not(HasSubstr("\tis_a\t")));
  EXPECT_THAT(r.err, HasSubstr("bookkeeping facts (entity types, investor, investment_target) not shown"));
  RunResult all = Compare({"--format", "tsv", "--all"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_THAT(all.out, AllOf(HasSubstr("only_A\tVantrel Systems\tis_a\tCompany\t\n"),
                             HasSubstr("\tis_a\tInvestment\tInvestment\n"),
                             HasSubstr("\tinvestor\tNorvale Power\tNorvale Power\n")));
  EXPECT_THAT(all.err, Not(HasSubstr("bookkeeping")));
}

TEST_F(KgE2E, CompareAboutRestrictsToEntity) {
  RunResult r = Q({"compare", "microsoft-japan-ai", "aws-japan", "--about", "Japan", "--format", "tsv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Japan"));
  EXPECT_THAT(r.out, Not(HasSubstr("Seattle")));
}

TEST_F(KgE2E, CompareUnknownArticleFails) {
  RunResult r = Q({"compare", "microsoft-japan-ai", "no-such-article"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("no-such-article"));
}

// Hedged facts are left out by default, and the query says so (issue 13:
// counts differed from `kg articles` with no sign of why).
TEST(KgHedged, QuerySaysHowManyHedgedFactsItLeftOut) {
  TempDir dir;
  const std::string db = dir.File("h.db");
  RunResult load = LoadHedgedArticle(dir, db);
  ASSERT_EQ(load.exit_code, 0) << load.err;
  const std::string query = "\"Norvale Power\" -invests_in-> ?k";
  RunResult plain = Kg({"--db", db, "query", query, "--format", "tsv"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out, "k\nKestria\n");
  EXPECT_THAT(plain.err, HasSubstr("hint: 1 hedged fact not shown; add --hedged to include it\n"));
  RunResult hedged = Kg({"--db", db, "query", query, "--format", "tsv", "--hedged"});
  ASSERT_EQ(hedged.exit_code, 0) << hedged.err;
  EXPECT_THAT(hedged.out, HasSubstr("Ostra\n"));
  EXPECT_THAT(hedged.err, Not(HasSubstr("hedged")));
  RunResult repl = Kg({"--db", db, "repl"}, query + ";\n");
  EXPECT_THAT(repl.err, HasSubstr("hint: 1 hedged fact not shown"));
}

// ---- export, graph, import ----

TEST_F(KgE2E, ExportNTriplesAndNQuads) {
  RunResult nt = Q({"export"});
  ASSERT_EQ(nt.exit_code, 0) << nt.err;
  EXPECT_THAT(nt.out, AllOf(HasSubstr("> ."), HasSubstr("invests_in")));
  RunResult nq = Q({"export", "--format", "nq", "--article", "google-thailand"});
  ASSERT_EQ(nq.exit_code, 0) << nq.err;
  EXPECT_THAT(nq.out, AllOf(HasSubstr("Thailand"), HasSubstr("google-thailand")));
  EXPECT_THAT(nq.out, Not(HasSubstr("Indonesia")));
}

TEST_F(KgE2E, ExportJson) {
  RunResult r = Q({"export", "--format", "json", "--article", "google-thailand"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(HasSubstr("Google"), HasSubstr("Thailand")));
  EXPECT_TRUE(r.out.find('{') != std::string::npos || r.out.find('[') != std::string::npos);
}

TEST_F(KgE2E, ExportDotWholeArticleAndNeighbourhood) {
  RunResult all = Q({"export", "--format", "dot", "--article", "google-thailand"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(all.out.rfind("digraph", 0), 0u);
  EXPECT_THAT(all.out,
              AllOf(HasSubstr("label=\"Google"), HasSubstr("invests_in"), Not(HasSubstr("Indonesia"))));
  RunResult around = Q({"export", "--format", "dot", "--around", "Thailand", "--depth", "1"});
  ASSERT_EQ(around.exit_code, 0) << around.err;
  EXPECT_THAT(around.out, AllOf(HasSubstr("Thailand"), HasSubstr("Google"), Not(HasSubstr("Seattle"))));
  RunResult unknown = Q({"export", "--format", "dot", "--around", "Atlantis"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_THAT(unknown.err, HasSubstr("Atlantis"));
  EXPECT_EQ(Q({"export", "--format", "nt", "--around", "Japan"}).exit_code, 2);
}

TEST_F(KgE2E, GraphRendersSvgWithGraphviz) {
  TempDir dir;
  std::string svg = dir.File("ms.svg");
  RunResult r = Q({"graph", "Microsoft", "--depth", "1", "-o", svg});
  if (r.exit_code != 0 && r.err.find("not installed") != std::string::npos) GTEST_SKIP() << "no graphviz";
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(ReadFileOrEmpty(svg), AllOf(HasSubstr("<svg"), HasSubstr("Microsoft")));
}

TEST_F(KgE2E, GraphWithoutGraphvizSaysHowToInstall) {
  TempDir dir;
  RunResult r =
      Kg({"--db", db_, "graph", "Microsoft", "-o", dir.File("ms.svg")}, "", {{"PATH", "/nonexistent"}});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, AllOf(HasSubstr("Graphviz"), HasSubstr("apt-get install graphviz")));
}

TEST(KgImport, ImportNTriplesThenQueryByLocalName) {
  TempDir dir;
  std::string nt =
      dir.Write("g.nt",
                "<http://example.org/company_0> <http://example.org/invests_in> "
                "<http://example.org/country_1> .\n"
                "<http://example.org/company_0> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                "<http://example.org/Company> .\n");
  std::string db = dir.File("i.db");
  RunResult imp = Kg({"--db", db, "import", nt});
  ASSERT_EQ(imp.exit_code, 0) << imp.err;
  RunResult q = Kg({"--db", db, "query", "company_0 -invests_in-> ?x"});
  ASSERT_EQ(q.exit_code, 0) << q.err;
  EXPECT_THAT(q.out, HasSubstr("country_1"));
  RunResult back = Kg({"--db", db, "export", "--format", "nt"});
  EXPECT_THAT(back.out, HasSubstr("<http://example.org/company_0>"));
}

TEST(KgImport, MalformedNTriplesIsUserErrorWithLine) {
  TempDir dir;
  std::string nt = dir.Write("bad.nt", "<http://a> <http://b> <http://c> .\n<http://a> <http://b> .\n");
  RunResult r = Kg({"--db", dir.File("i.db"), "import", nt});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, AllOf(HasSubstr("error:"), HasSubstr("2")));
}

// Issue 12: the error quotes the offending line, which must not reach the
// terminal raw (here: set the window title, clear the screen).
TEST(KgImport, ErrorEchoEscapesControlCharacters) {
  TempDir dir;
  std::string nt = dir.Write("evil.nt", "<http://a> <http://b> \"x\x1b]0;pwned\x07\" \x1b[2J junk .\n");
  RunResult r = Kg({"--db", dir.File("i.db"), "import", nt});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("error:"));
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\x07'), std::string::npos) << r.err;
  EXPECT_THAT(r.err, HasSubstr("\\x1b[2J"));
}

// ---- extract, eval ----

TEST(KgExtract, TsvJsonlOpenIe) {
  std::string article = Data("google-thailand.txt");
  RunResult tsv = Kg({"extract", article});
  ASSERT_EQ(tsv.exit_code, 0) << tsv.err;
  EXPECT_EQ(tsv.out.rfind("subject\tpredicate\tobject\tconfidence\tsentence", 0), 0u) << tsv.out;
  EXPECT_THAT(tsv.out, HasSubstr("Google\tinvests_in\tThailand\t"));
  RunResult jsonl = Kg({"extract", "--format", "jsonl", article});
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  EXPECT_EQ(jsonl.out.front(), '{');
  EXPECT_THAT(jsonl.out, HasSubstr("Thailand"));
  RunResult openie = Kg({"extract", "--format", "openie", article});
  ASSERT_EQ(openie.exit_code, 0) << openie.err;
  EXPECT_THAT(openie.out, HasSubstr("Google has announced a $1 billion investment in Thailand"));
}

TEST(KgExtract, OneSentencePerLine) {
  TempDir dir;
  std::string f = dir.Write("s.txt", "Acme Corp opened an office in Hanoi\nGlobex bought Initech.\n");
  RunResult r = Kg({"extract", "--sentences", "--format", "openie", f});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The first line has no period but is still its own sentence.
  EXPECT_THAT(r.out, HasSubstr("Acme Corp opened an office in Hanoi\t"));
  EXPECT_THAT(r.out, Not(HasSubstr("Hanoi Globex")));
}

TEST(KgExtract, MissingFileIsUserError) {
  RunResult r = Kg({"extract", "/nonexistent/article.txt"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("/nonexistent/article.txt"));
}

TEST(KgEval, ScoresAgainstGold) {
  RunResult r = Kg({"eval", "--gold", Data("google-thailand.gold.tsv"), Data("google-thailand.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(HasSubstr("recall"), HasSubstr("precision")));
}

// ---- the REPL through a pipe: every dot-command ----

TEST_F(KgE2E, ReplFromPipePrintsTsvWithoutPrompts) {
  RunResult r = Q({"repl"}, "?c -invests_in-> Japan;\nMATCH ?c -invests_in-> Thailand\nRETURN ?c\n\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(HasSubstr("c\n"), HasSubstr("Microsoft\n"), HasSubstr("Google\n")));
  EXPECT_THAT(r.out, Not(HasSubstr("kg>")));
  EXPECT_THAT(r.out, Not(HasSubstr(" rows")));
  // No subcommand with a pipe on stdin is the same shell.
  RunResult bare = Q({}, "?c -invests_in-> Thailand;\n");
  EXPECT_EQ(bare.exit_code, 0);
  EXPECT_THAT(bare.out, HasSubstr("Google"));
}

// .memory-limit and .timeout set the limits of the statements that follow,
// show them without an argument, and refuse what they cannot read.
TEST_F(KgE2E, ReplMemoryLimitAndTimeout) {
  RunResult r = Q({"repl"},
                  ".memory-limit 200KB\n.memory-limit\n.timeout 30s\n.timeout\n"
                  "MATCH ?a -?p-> ?b, ?c -?q-> ?d RETURN ?a, ?d ORDER BY ?d;\n"
                  ".memory-limit default\n?c -invests_in-> Japan;\n.timeout soon\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, AllOf(HasSubstr("memory limit is 200 KB"), HasSubstr("timeout is 30 s"),
                           HasSubstr("Microsoft\n")));
  EXPECT_THAT(r.err, AllOf(HasSubstr("needed more than 200 KB"), HasSubstr("'soon' is not a duration")));
}

// As `kg query` does, the REPL prints tsv, csv and json rows as the query
// computes them: an answer far larger than the memory limit streams out
// whole, the same rows as the one-shot command's; a table is answered whole,
// under the limit.
TEST_F(KgE2E, ReplStreamsRowsLargerThanTheMemoryLimit) {
  const std::string query = "?a -?p-> ?b, ?c -?q-> ?d";
  RunResult once = Q({"query", query, "--format", "tsv"});
  ASSERT_EQ(once.exit_code, 0) << once.err;
  RunResult r = Q({"repl"}, ".format tsv\n.memory-limit 200KB\n" + query + ";\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(std::count(r.out.begin(), r.out.end(), '\n'), 30000);
  EXPECT_NE(r.out.find(once.out), std::string::npos);
  r = Q({"repl"}, ".format table\n.memory-limit 200KB\n" + query + ";\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("memory limit"));
}

TEST_F(KgE2E, ReplDotCommandsFromPipe) {
  TempDir dir;
  std::string script = dir.Write("script.kgq", ".print from script\n?c -invests_in-> Indonesia;\n");
  std::string input =
      ".help\n"
      ".articles\n"
      ".schema\n"
      ".entities Micro\n"
      ".stats\n"
      ".format json\n"
      "?c -invests_in-> Thailand;\n"
      ".format\n"
      ".format tsv\n"
      ".timing on\n"
      "?c -invests_in-> Thailand;\n"
      ".timing off\n"
      ".explain on\n"
      "?c -invests_in-> Thailand;\n"
      ".explain off\n"
      ".read " +
      script +
      "\n"
      ".print done\n"
      ".exit\n"
      ".print never\n";
  RunResult r = Q({"repl"}, input);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(HasSubstr(".load"), HasSubstr(".schema")));             // .help
  EXPECT_THAT(r.out, HasSubstr("google-thailand"));                                // .articles
  EXPECT_THAT(r.out, AllOf(HasSubstr("invests_in"), HasSubstr("-invests_in->")));  // .schema examples
  EXPECT_THAT(r.out, HasSubstr("entity\nMicrosoft\n"));                            // .entities
  EXPECT_THAT(r.out, HasSubstr("format_version\t"));                               // .stats
  EXPECT_THAT(r.out, HasSubstr("{\"c\":\"Google\"}"));                             // .format json
  EXPECT_THAT(r.out, HasSubstr("format is json"));                                 // .format
  EXPECT_THAT(r.err, HasSubstr("timing: total_ms="));                              // .timing on
  EXPECT_THAT(r.out, HasSubstr("plan"));                                           // .explain on
  EXPECT_THAT(r.out, AllOf(HasSubstr("from script"), HasSubstr("Microsoft")));     // .read
  EXPECT_THAT(r.out, HasSubstr("done"));                                           // .print
  EXPECT_THAT(r.out, Not(HasSubstr("never")));                                     // .exit
}

TEST_F(KgE2E, ReplErrorsKeepSessionAliveAndExitOne) {
  std::string input =
      ".frobnicate\n"
      ".format xml\n"
      "Microsoft -invests_in ?x;\n"
      ".read /nonexistent/file\n"
      ".print still here\n";
  RunResult r = Q({"repl"}, input);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, AllOf(HasSubstr("unknown command '.frobnicate'"), HasSubstr("^^^^^^^^^^^")));
  EXPECT_THAT(r.err, HasSubstr("unknown format 'xml'"));
  EXPECT_THAT(r.err, AllOf(HasSubstr("line 1"), HasSubstr("    ^")));
  EXPECT_THAT(r.err, HasSubstr("/nonexistent/file"));
  EXPECT_THAT(r.out, HasSubstr("still here"));
}

TEST_F(KgE2E, ReplLoadDotCommand) {
  TempDir dir;
  std::string db = dir.File("r.db");
  RunResult r = Kg({"--db", db, "repl", "--create"},
                   ".load " + SourceDir() + "/data/google-*.txt\n?c -invests_in-> Thailand;\n.articles\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, AllOf(HasSubstr("loaded google-thailand"), HasSubstr("Google\n")));
}

}  // namespace
}  // namespace kg::cli::testing
