#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rdf/ntriples_parser.h"

namespace kg::rdf {
namespace {

Quad ParseOk(std::string_view line, Syntax syntax = Syntax::kNTriples) {
  LineParser parser(syntax);
  Quad q;
  bool is_statement = false;
  Status st = parser.Parse(line, &q, &is_statement);
  EXPECT_TRUE(st.ok()) << st.ToString();
  EXPECT_TRUE(is_statement);
  return q;
}

Status ParseBad(std::string_view line, Syntax syntax = Syntax::kNTriples) {
  LineParser parser(syntax);
  Quad q;
  bool is_statement = false;
  Status st = parser.Parse(line, &q, &is_statement);
  EXPECT_FALSE(st.ok()) << "accepted: " << line;
  EXPECT_EQ(st.code(), Status::Code::kSyntaxError);
  EXPECT_TRUE(st.span().has_value());
  return st;
}

TEST(NTriplesParser, IriTriple) {
  Quad q = ParseOk("<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> .");
  EXPECT_EQ(q.subject, Term::Iri("http://ex.org/a"));
  EXPECT_EQ(q.predicate, Term::Iri("http://ex.org/p"));
  EXPECT_EQ(q.object, Term::Iri("http://ex.org/b"));
  EXPECT_FALSE(q.has_graph);
}

TEST(NTriplesParser, BlankNodesIncludingDotsAndTerminatorWithoutSpace) {
  Quad q = ParseOk("_:b1 <http://ex.org/p> _:x.y-z.");
  EXPECT_EQ(q.subject, Term::Blank("b1"));
  EXPECT_EQ(q.object, Term::Blank("x.y-z"));
  q = ParseOk("_:0abc\t<http://ex.org/p>\t_:n\t.\t# comment");
  EXPECT_EQ(q.subject, Term::Blank("0abc"));
  EXPECT_EQ(q.object, Term::Blank("n"));
}

TEST(NTriplesParser, LiteralsWithLanguageAndDatatype) {
  Quad q = ParseOk(R"(<http://a/s> <http://a/p> "chat"@fr .)");
  EXPECT_EQ(q.object, Term::Literal("chat", "", "fr"));
  q = ParseOk(R"(<http://a/s> <http://a/p> "hello"@en-GB-oed .)");
  EXPECT_EQ(q.object.language, "en-GB-oed");
  q = ParseOk(R"(<http://a/s> <http://a/p> "42"^^<http://www.w3.org/2001/XMLSchema#integer> .)");
  EXPECT_EQ(q.object, Term::Literal("42", "http://www.w3.org/2001/XMLSchema#integer"));
  q = ParseOk(R"(<http://a/s> <http://a/p> "" .)");
  EXPECT_EQ(q.object, Term::Literal(""));
}

TEST(NTriplesParser, StringEscapes) {
  Quad q = ParseOk(R"(<http://a/s> <http://a/p> "t\tn\nr\rb\bf\fq\"s\'bs\\" .)");
  EXPECT_EQ(q.object.value, "t\tn\nr\rb\bf\fq\"s'bs\\");
  q = ParseOk(R"(<http://a/s> <http://a/p> "caf\u00E9 \U0001F600 \u65E5" .)");
  EXPECT_EQ(q.object.value, "caf\xC3\xA9 \xF0\x9F\x98\x80 \xE6\x97\xA5");
}

TEST(NTriplesParser, IriEscapesAndUtf8) {
  Quad q = ParseOk(R"(<http://ex.org/a\u0020b> <http://ex.org/p> <http://ex.org/日本> .)");
  EXPECT_EQ(q.subject.value, "http://ex.org/a b");
  EXPECT_EQ(q.object.value, "http://ex.org/日本");
}

TEST(NTriplesParser, MinimalWhitespace) {
  Quad q = ParseOk("<http://example/s><http://example/p><http://example/o>.");
  EXPECT_EQ(q.object.value, "http://example/o");
  q = ParseOk("<http://example/s><http://example/p>\"Alice\".");
  EXPECT_EQ(q.object, Term::Literal("Alice"));
  q = ParseOk("_:s<http://example/p><http://example/o>.");
  EXPECT_EQ(q.subject, Term::Blank("s"));
  q = ParseOk("<http://example/s><http://example/p>_:o.");
  EXPECT_EQ(q.object, Term::Blank("o"));
  q = ParseOk("<http://example/s><http://example/p>\"x\"@en<http://example/g>.", Syntax::kNQuads);
  EXPECT_EQ(q.object.language, "en");
  EXPECT_EQ(q.graph.value, "http://example/g");
  q = ParseOk("<http://example/s><http://example/p>\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>.");
  EXPECT_EQ(q.object.value, "1");
  Status st = ParseBad(R"(<http://a/s> <http://a/p> "x"@en_US .)");
  EXPECT_NE(st.message().find("language tag"), std::string::npos) << st.message();
}

TEST(NTriplesParser, CommentsAndBlankLinesAreNotStatements) {
  LineParser parser(Syntax::kNTriples);
  Quad q;
  bool is_statement = true;
  for (std::string_view line : {"", "   ", "# a comment", "\t# indented comment", "\r"}) {
    ASSERT_TRUE(parser.Parse(line, &q, &is_statement).ok()) << line;
    EXPECT_FALSE(is_statement) << line;
  }
  // A '#' inside an IRI or a literal is not a comment.
  q = ParseOk(R"(<http://ex.org/#a> <http://ex.org/p> "# not a comment" . # but this is)");
  EXPECT_EQ(q.subject.value, "http://ex.org/#a");
  EXPECT_EQ(q.object.value, "# not a comment");
}

TEST(NTriplesParser, CarriageReturnTolerated) {
  Quad q = ParseOk("<http://a/s> <http://a/p> <http://a/o> .\r");
  EXPECT_EQ(q.object.value, "http://a/o");
}

TEST(NTriplesParser, NQuadsGraphNames) {
  Quad q = ParseOk("<http://a/s> <http://a/p> \"x\" <http://a/g> .", Syntax::kNQuads);
  EXPECT_TRUE(q.has_graph);
  EXPECT_EQ(q.graph, Term::Iri("http://a/g"));
  q = ParseOk("<http://a/s> <http://a/p> <http://a/o> _:g .", Syntax::kNQuads);
  EXPECT_EQ(q.graph, Term::Blank("g"));
  q = ParseOk("<http://a/s> <http://a/p> <http://a/o> .", Syntax::kNQuads);
  EXPECT_FALSE(q.has_graph);
}

TEST(NTriplesParser, GraphNameRejectedInNTriples) {
  Status st = ParseBad("<http://a/s> <http://a/p> <http://a/o> <http://a/g> .");
  EXPECT_NE(st.message().find("only allowed in N-Quads"), std::string::npos) << st.message();
  EXPECT_EQ(st.span()->column, 40u);
  EXPECT_NE(st.message().find("'<http://a/g>'"), std::string::npos) << st.message();
}

TEST(NTriplesParser, MissingDotReportsColumnAtEndOfLine) {
  Status st = ParseBad(R"(<http://a/s> <http://a/p> "x")");
  EXPECT_NE(st.message().find("expected '.'"), std::string::npos) << st.message();
  EXPECT_EQ(st.span()->column, 30u);
  EXPECT_EQ(st.span()->offset, 29u);
}

TEST(NTriplesParser, ErrorsQuoteTheOffendingText) {
  Status st = ParseBad(R"(<http://a/s> <http://a/p> <http://a/o> . extra)");
  EXPECT_NE(st.message().find("'extra'"), std::string::npos) << st.message();
  EXPECT_EQ(st.span()->column, 42u);
  EXPECT_EQ(st.span()->length, 5u);

  st = ParseBad(R"("lit" <http://a/p> <http://a/o> .)");
  EXPECT_NE(st.message().find("expected the subject"), std::string::npos) << st.message();
  EXPECT_EQ(st.span()->column, 1u);

  st = ParseBad(R"(<http://a/s> _:p <http://a/o> .)");
  EXPECT_NE(st.message().find("expected the predicate"), std::string::npos) << st.message();
  EXPECT_EQ(st.span()->column, 14u);
}

TEST(NTriplesParser, RelativeIriRejected) {
  Status st = ParseBad("<http://a/s> <http://a/p> <relative> .");
  EXPECT_NE(st.message().find("relative IRI"), std::string::npos);
  EXPECT_EQ(st.span()->column, 27u);
  EXPECT_EQ(st.span()->length, 10u);
}

TEST(NTriplesParser, BadCharactersInIri) {
  Status st = ParseBad("<http://a/s s> <http://a/p> <http://a/o> .");
  EXPECT_EQ(st.span()->column, 12u);
  st = ParseBad("<http://a/s> <http://a/p> <http://a/o .");
  EXPECT_EQ(st.span()->column, 38u);
  st = ParseBad(R"(<http://a/\n> <http://a/p> <http://a/o> .)");
  EXPECT_NE(st.message().find("invalid escape in IRI"), std::string::npos);
}

TEST(NTriplesParser, BadEscapesInLiterals) {
  Status st = ParseBad(R"(<http://a/s> <http://a/p> "a\qb" .)");
  EXPECT_EQ(st.span()->column, 29u);
  EXPECT_NE(st.message().find("'\\q'"), std::string::npos) << st.message();
  st = ParseBad(R"(<http://a/s> <http://a/p> "\u12G4" .)");
  EXPECT_NE(st.message().find("hex digit"), std::string::npos);
  st = ParseBad(R"(<http://a/s> <http://a/p> "\uD800" .)");
  EXPECT_NE(st.message().find("not a valid Unicode code point"), std::string::npos);
  st = ParseBad(R"(<http://a/s> <http://a/p> "\U00110000" .)");
  EXPECT_NE(st.message().find("not a valid Unicode code point"), std::string::npos);
  (void)ParseBad(R"(<http://a/s> <http://a/p> "\u00" .)");
}

TEST(NTriplesParser, UnterminatedLiteral) {
  Status st = ParseBad(R"(<http://a/s> <http://a/p> "open .)");
  EXPECT_NE(st.message().find("unterminated string literal"), std::string::npos);
  EXPECT_EQ(st.span()->column, 27u);
}

TEST(NTriplesParser, BadLanguageTagAndDatatype) {
  Status st = ParseBad(R"(<http://a/s> <http://a/p> "x"@ .)");
  EXPECT_NE(st.message().find("language tag"), std::string::npos);
  st = ParseBad(R"(<http://a/s> <http://a/p> "x"@en- .)");
  EXPECT_NE(st.message().find("language tag"), std::string::npos);
  st = ParseBad(R"(<http://a/s> <http://a/p> "x"^^xsd:int .)");
  EXPECT_NE(st.message().find("datatype IRI"), std::string::npos);
  EXPECT_EQ(st.span()->column, 32u);
}

TEST(NTriplesParser, InvalidUtf8Rejected) {
  Status st = ParseBad("<http://a/s> <http://a/p> \"a\xFF\" .");
  EXPECT_NE(st.message().find("UTF-8"), std::string::npos);
  EXPECT_EQ(st.span()->column, 29u);
  (void)ParseBad("<http://a/s> <http://a/p> \"\xED\xA0\x80\" .");  // encoded surrogate
  (void)ParseBad("<http://a/s> <http://a/p> \"\xC0\xAF\" .");      // overlong '/'
}

TEST(NTriplesParser, ColumnsCountCodePoints) {
  // "é" is two bytes: the bad term is at code point 27 but byte offset 27
  // (0-based), one byte later than in pure ASCII.
  Status st = ParseBad("<http://a/é> <http://a/p> <rel> .");
  EXPECT_EQ(st.span()->column, 27u);
  EXPECT_EQ(st.span()->offset, 27u);
}

TEST(NTriplesParser, BadBlankNodeLabel) {
  Status st = ParseBad("_:-x <http://a/p> <http://a/o> .");
  EXPECT_NE(st.message().find("blank node"), std::string::npos);
  (void)ParseBad("_: <http://a/p> <http://a/o> .");
}

TEST(NTriplesParser, DocumentErrorsCarryLineAndFileOffset) {
  std::string doc =
      "<http://a/s> <http://a/p> <http://a/o> .\n"
      "# comment\n"
      "<http://a/s> <http://a/p> oops .\n";
  int count = 0;
  Status st = ParseDocument(doc, Syntax::kNTriples, [&](const Quad&, uint64_t line) {
    EXPECT_EQ(line, 1u);
    ++count;
    return Status::OK();
  });
  EXPECT_EQ(count, 1);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.span()->line, 3u);
  EXPECT_EQ(st.span()->column, 27u);
  EXPECT_EQ(doc.substr(st.span()->offset, st.span()->length), "oops");
  EXPECT_EQ(st.message().rfind("line 3, column 27: ", 0), 0u) << st.message();
}

TEST(NTriplesParser, LocateErrorPrefixesFileLineColumn) {
  Status st = ParseBad("<http://a/s> <http://a/p> oops .");
  Status located = LocateError(st, "data/x.nt", 7, 100);
  EXPECT_EQ(located.message().rfind("data/x.nt:7:27: ", 0), 0u) << located.message();
  EXPECT_EQ(located.span()->line, 7u);
  EXPECT_EQ(located.span()->offset, 126u);
}

}  // namespace
}  // namespace kg::rdf
