// Unit tests for behaviour the .test files cannot express: invalid UTF-8,
// byte offsets under multi-byte text, cancellation, max_rows, scripts,
// typed result values, and the parser's AST spans.
#include "query/engine.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>

#include "kg/query_result.h"
#include "query/parser/parser.h"
#include "storage/memory_source.h"

namespace kg::query {
namespace {

storage::MemorySource& Source() {
  static storage::MemorySource* source = [] {
    auto* s = new storage::MemorySource();
    for (int i = 0; i < 3000; ++i) {
      s->Add(Value::Entity("c" + std::to_string(i)), "invests_in",
             Value::Entity("k" + std::to_string(i % 7)));
    }
    s->Add(Value::Entity("Microsoft"), "investment_amount", Value::Money(1e10, "USD"));
    s->Add(Value::Entity("Microsoft"), "founded_on", Value::DateValue(Date{1975, 4, 4}));
    s->Finish();
    return s;
  }();
  return *source;
}

TEST(ParserTest, InvalidUtf8IsASyntaxErrorAtTheBadByte) {
  std::string text = "?c -invests_in-> \"Ja\xff\xfe\"";
  Result<ParsedScript> r = Parse(text);
  ASSERT_FALSE(r.ok());
  Status status = r.status();
  EXPECT_EQ(status.code(), Status::Code::kSyntaxError);
  ASSERT_TRUE(status.span().has_value());
  EXPECT_EQ(status.span()->offset, 20u);
  EXPECT_EQ(status.span()->column, 21u);
  EXPECT_NE(status.message().find("invalid UTF-8"), std::string::npos);
}

TEST(ParserTest, TruncatedAndOverlongSequencesAreRejected) {
  size_t bad = 0;
  EXPECT_FALSE(ValidUtf8("abc\xe6\x9d", &bad));
  EXPECT_EQ(bad, 3u);
  EXPECT_FALSE(ValidUtf8("\xc0\xaf", &bad));          // overlong '/'
  EXPECT_FALSE(ValidUtf8("\xed\xa0\x80", &bad));      // UTF-16 surrogate
  EXPECT_FALSE(ValidUtf8("\xf4\x90\x80\x80", &bad));  // above U+10FFFF
  EXPECT_TRUE(ValidUtf8("東京 Nestlé €", &bad));
}

TEST(ParserTest, SpansCountCodePointsForColumnsAndBytesForOffsets) {
  // "東京" is 6 bytes but 2 code points.
  std::string text = "\"東京\" invests_in Japan";
  Result<ParsedScript> r = Parse(text);
  ASSERT_FALSE(r.ok());
  Status status = r.status();
  ASSERT_TRUE(status.span().has_value());
  SourceSpan span = *status.span();
  EXPECT_EQ(span.column, 6u);
  EXPECT_EQ(span.offset, 9u);
  EXPECT_EQ(text.substr(span.offset, span.length), "invests_in");
  EXPECT_EQ(status.hint(), "a predicate goes inside an arrow: -invests_in->");
}

TEST(ParserTest, DeepNestingIsAnErrorNotAStackOverflow) {
  std::string text =
      "MATCH ?c -p-> ?k WHERE " + std::string(100000, '(') + "?k = x" + std::string(100000, ')');
  Result<ParsedScript> r = Parse(text);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kSyntaxError);
  std::string paths = "?a -" + std::string(100000, '^') + "p-> ?b";
  r = Parse(paths);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kSyntaxError);
}

TEST(ParserTest, AstKeepsPatternStructureAndSpans) {
  std::string text = "MATCH ?c -invests_in-> ?k <-part_of{1,3}- Asia @ ?a\nRETURN ?c LIMIT 5";
  Result<ParsedScript> r = Parse(text);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->statements.size(), 1u);
  const ParsedStatement& st = r->statements[0];
  ASSERT_EQ(st.patterns.size(), 1u);
  const ParsedPattern& p = st.patterns[0];
  ASSERT_EQ(p.nodes.size(), 3u);
  EXPECT_EQ(p.nodes[2].text, "Asia");
  EXPECT_FALSE(p.edges[1].forward);
  EXPECT_EQ(p.edges[1].path.kind, ParsedPath::Kind::kRepeat);
  EXPECT_EQ(p.edges[1].path.min, 1u);
  EXPECT_EQ(p.edges[1].path.max, 3u);
  ASSERT_TRUE(p.article.has_value());
  EXPECT_EQ(p.article->text, "a");
  EXPECT_EQ(text.substr(p.nodes[1].span.offset, p.nodes[1].span.length), "?k");
  EXPECT_EQ(st.limit, 5u);
  EXPECT_EQ(st.items[0].span.line, 2u);
}

TEST(EngineTest, ResultValuesAreTyped) {
  Result<QueryResult> r = Execute("Microsoft -?p-> ?o ORDER BY ?p", Source());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->rows.size(), 2u);
  EXPECT_EQ(r->columns, (std::vector<std::string>{"p", "o"}));
  EXPECT_EQ(r->rows[0][0].kind(), ValueKind::kPredicate);
  EXPECT_EQ(r->rows[0][1].kind(), ValueKind::kDate);
  EXPECT_EQ(r->rows[1][1].kind(), ValueKind::kMoney);
  EXPECT_EQ(r->rows[1][1].currency(), "USD");
}

TEST(EngineTest, CancelledQueryReturnsCancelled) {
  std::atomic<bool> cancel{true};
  QueryOptions options;
  options.cancel = &cancel;
  Result<QueryResult> r =
      Execute("?a -invests_in-> ?k, ?b -invests_in-> ?k RETURN COUNT(*)", Source(), options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCancelled);
}

TEST(EngineTest, UncancelledFlagDoesNotStopTheQuery) {
  std::atomic<bool> cancel{false};
  QueryOptions options;
  options.cancel = &cancel;
  Result<QueryResult> r = Execute("?a -invests_in-> k1 RETURN COUNT(*) AS n", Source(), options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->rows[0][0].integer(), 429);
}

TEST(EngineTest, MaxRowsStopsRunawayResults) {
  QueryOptions options;
  options.max_rows = 100;
  Result<QueryResult> r = Execute("?a -invests_in-> ?k ORDER BY ?a", Source(), options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(r.status().message().find("more than 100 rows"), std::string::npos);
  // LIMIT without ORDER BY stops early, so it stays under the bound.
  r = Execute("?a -invests_in-> ?k LIMIT 50", Source(), options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->rows.size(), 50u);
}

TEST(EngineTest, ScriptReturnsTheLastStatementAndStopsAtTheFirstError) {
  Result<QueryResult> r = Execute("?a -invests_in-> k1 LIMIT 1; Microsoft -founded_on-> ?d", Source());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->columns, (std::vector<std::string>{"d"}));
  r = Execute("?a -invests_in-> k1 RETURN ?zz; Microsoft -founded_on-> ?d", Source());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
}

TEST(EngineTest, ExplainReturnsThePlanAsRowsAndText) {
  Result<QueryResult> r = Execute("EXPLAIN ?a -invests_in-> k1", Source());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->columns, (std::vector<std::string>{"plan"}));
  ASSERT_FALSE(r->rows.empty());
  EXPECT_EQ(r->plan.substr(0, r->plan.find('\n')), r->rows[0][0].text());
  EXPECT_NE(r->plan.find("index=POS"), std::string::npos);
}

// Issue 12: a NUL inside a quoted name was dropped, so "Micro<NUL>soft"
// matched Microsoft. It is a syntax error, and the error shows it escaped.
TEST(EngineTest, NulInAQueryIsAnError) {
  using namespace std::string_literals;
  std::string query = "\"Micro\0soft\" -founded_on-> ?d"s;
  Result<QueryResult> r = Execute(query, Source());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kSyntaxError);
  EXPECT_EQ(RenderError(r.status(), query),
            "error: NUL character (U+0000) in the query\n"
            "  at line 1, column 7:\n"
            "    \"Micro\\x00soft\" -founded_on-> ?d\n"
            "          ^^^^\n"
            "hint: names and strings cannot contain NUL; remove it\n");
}

// The hedged-facts hint counts distinct facts up to a bound, so a query
// over many hidden facts holds little for it.
TEST(HedgedHintTest, CountStopsAtOneThousand) {
  storage::MemorySource s;
  s.Add(Value::Entity("Acme"), "invests_in", Value::Entity("Brazil"), "a", 0);
  for (int i = 0; i < 1200; ++i) {
    s.Add(Value::Entity("Acme"), "invests_in", Value::Entity("place" + std::to_string(i)), "a", 1,
          /*hedged=*/true);
  }
  s.Finish();
  Result<QueryResult> r = Execute("Acme -invests_in-> ?k", s);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rows.size(), 1u);
  ASSERT_EQ(r->hints.size(), 1u);
  EXPECT_EQ(r->hints[0], "at least 1000 hedged facts not shown; add --hedged to include them");
  QueryOptions with_hedged;
  with_hedged.include_hedged = true;
  r = Execute("Acme -invests_in-> ?k", s, with_hedged);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->rows.size(), 1201u);
  EXPECT_TRUE(r->hints.empty());
}

}  // namespace
}  // namespace kg::query
