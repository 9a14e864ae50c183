#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "rdf/mapping.h"
#include "rdf/ntriples_parser.h"
#include "rdf/ntriples_writer.h"

namespace kg::rdf {
namespace {

const std::string kXsdNs = kXsd;

TEST(NTriplesWriter, EscapesLiterals) {
  std::string out;
  AppendLiteral(&out, "say \"hi\"\\\n\r\t\x01 é");
  EXPECT_EQ(out, R"("say \"hi\"\\\n\r\t\u0001 é")");
  out.clear();
  AppendLiteral(&out, "x", "", "en");
  EXPECT_EQ(out, R"("x"@en)");
  out.clear();
  AppendLiteral(&out, "5", kXsdNs + "integer");
  EXPECT_EQ(out, R"("5"^^<http://www.w3.org/2001/XMLSchema#integer>)");
  out.clear();
  AppendLiteral(&out, "s", kXsdNs + "string");  // xsd:string is the default
  EXPECT_EQ(out, R"("s")");
}

TEST(NTriplesWriter, EscapesIris) {
  std::string out;
  AppendIri(&out, "http://ex.org/a b<c>\"{|}^`\\日本");
  EXPECT_EQ(out, R"(<http://ex.org/a\u0020b\u003Cc\u003E\u0022\u007B\u007C\u007D\u005E\u0060\u005C日本>)");
}

TEST(NTriplesWriter, BlankNodeLabelsAreMadeValid) {
  std::string out;
  AppendBlankNode(&out, "b1");
  EXPECT_EQ(out, "_:b1");
  out.clear();
  AppendBlankNode(&out, "-a b.");
  EXPECT_EQ(out, "_:_a_b_");
}

TEST(NTriplesWriter, WhatIsWrittenParsesBackToTheSameTerms) {
  std::vector<Quad> quads(3);
  quads[0].subject = Term::Iri("http://ex.org/with space/é");
  quads[0].predicate = Term::Iri("http://ex.org/p");
  quads[0].object = Term::Literal("multi\nline \"quoted\" \\ tab\t \x7f end", "", "en-US");
  quads[1].subject = Term::Blank("node1");
  quads[1].predicate = Term::Iri("http://ex.org/p");
  quads[1].object = Term::Literal("10000000000 USD", std::string(kMoneyDatatype));
  quads[1].graph = Term::Iri("https://kg.example.org/article/a");
  quads[1].has_graph = true;
  quads[2].subject = Term::Iri("http://ex.org/s");
  quads[2].predicate = Term::Iri("http://ex.org/p");
  quads[2].object = Term::Literal("\x02\b\f", kXsdNs + "date");
  std::string doc;
  for (const Quad& q : quads) AppendQuad(&doc, q, Syntax::kNQuads);
  size_t i = 0;
  Status st = ParseDocument(doc, Syntax::kNQuads, [&](const Quad& q, uint64_t) {
    EXPECT_EQ(q.subject, quads[i].subject);
    EXPECT_EQ(q.predicate, quads[i].predicate);
    EXPECT_EQ(q.object, quads[i].object);
    EXPECT_EQ(q.has_graph, quads[i].has_graph);
    if (q.has_graph) {
      EXPECT_EQ(q.graph, quads[i].graph);
    }
    ++i;
    return Status::OK();
  });
  EXPECT_TRUE(st.ok()) << st.ToString() << "\n" << doc;
  EXPECT_EQ(i, quads.size());
}

TEST(NTriplesWriter, NTriplesDropsGraph) {
  Quad q;
  q.subject = Term::Iri("http://a/s");
  q.predicate = Term::Iri("http://a/p");
  q.object = Term::Iri("http://a/o");
  q.graph = Term::Iri("http://a/g");
  q.has_graph = true;
  std::string out;
  AppendQuad(&out, q, Syntax::kNTriples);
  EXPECT_EQ(out, "<http://a/s> <http://a/p> <http://a/o> .\n");
}

TEST(RdfMapping, LocalNames) {
  EXPECT_EQ(LocalName("http://example.org/company/company_0"), "company_0");
  EXPECT_EQ(LocalName("http://xmlns.com/foaf/0.1/#knows"), "knows");
  EXPECT_EQ(LocalName("http://schema.org/Person"), "Person");
  EXPECT_EQ(LocalName("https://kg.example.org/entity/Alibaba%20Cloud"), "Alibaba Cloud");
  EXPECT_EQ(LocalName("https://kg.example.org/entity/caf%C3%A9"), "café");
  EXPECT_EQ(LocalName("http://ex.org/100%"), "100%");                  // malformed escape: kept
  EXPECT_EQ(LocalName("http://ex.org/%FF"), "%FF");                    // decodes to invalid UTF-8: kept
  EXPECT_EQ(LocalName("http://example.org/"), "http://example.org/");  // empty local name
  EXPECT_EQ(LocalName("urn:isbn:0451450523"), "0451450523");
}

TEST(RdfMapping, PredicateNames) {
  EXPECT_EQ(PredicateName("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), "is_a");
  EXPECT_EQ(PredicateName("https://kg.example.org/predicate/invests_in"), "invests_in");
  // Entity types as kg exported them before storage format 4.
  EXPECT_EQ(PredicateName("https://kg.example.org/predicate/type"), "is_a");
  EXPECT_EQ(PredicateName("http://schema.org/type"), "type");  // another vocabulary's `type` is its own
  EXPECT_EQ(PredicateIri("is_a"), "http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  EXPECT_EQ(PredicateIri("invests_in"), "https://kg.example.org/predicate/invests_in");
}

TEST(RdfMapping, MintedIrisRoundTripNames) {
  EXPECT_EQ(EntityIri("Alibaba Cloud"), "https://kg.example.org/entity/Alibaba%20Cloud");
  EXPECT_EQ(ArticleIri("aws-japan"), "https://kg.example.org/article/aws-japan");
  EXPECT_EQ(EntityIri(".."), "https://kg.example.org/entity/%2E%2E");
  for (std::string name : {"Microsoft", "Alibaba Cloud", "a/b#c", "100%", "日本", "U.S.", "x?y=z&w",
                           "\"quoted\"", "trailing/", ".", ".."}) {
    EXPECT_EQ(LocalName(EntityIri(name)), name) << EntityIri(name);
    EXPECT_EQ(PredicateName(PredicateIri(name)), name);
    EXPECT_EQ(LocalName(ArticleIri(name)), name);
  }
}

Value Lit(std::string lexical, std::string xsd_local) {
  auto v = LiteralToValue(Term::Literal(std::move(lexical), kXsdNs + xsd_local));
  EXPECT_TRUE(v.ok()) << v.status().ToString();
  return v.ok() ? v.value() : Value();
}

TEST(RdfMapping, TypedLiteralsBecomeTypedValues) {
  EXPECT_EQ(Lit("42", "integer").kind(), ValueKind::kInteger);
  EXPECT_EQ(Lit("42", "integer").integer(), 42);
  EXPECT_EQ(Lit("-7", "long").integer(), -7);
  EXPECT_EQ(Lit("+7", "int").integer(), 7);
  EXPECT_EQ(Lit("3", "nonNegativeInteger").kind(), ValueKind::kInteger);
  Value big = Lit("123456789012345678901234567890", "integer");
  EXPECT_EQ(big.kind(), ValueKind::kDecimal);
  EXPECT_DOUBLE_EQ(big.number(), 1.2345678901234568e29);
  EXPECT_EQ(Lit("2.5", "decimal").kind(), ValueKind::kDecimal);
  EXPECT_DOUBLE_EQ(Lit("-.5", "decimal").number(), -0.5);
  EXPECT_DOUBLE_EQ(Lit("1.5E3", "double").number(), 1500);
  EXPECT_DOUBLE_EQ(Lit("1e+2", "float").number(), 100);
  EXPECT_TRUE(std::isinf(Lit("-INF", "double").number()));
  EXPECT_EQ(Lit("2024-04-10", "date"), Value::DateValue({2024, 4, 10}));
  EXPECT_EQ(Lit("2024-04-10Z", "date"), Value::DateValue({2024, 4, 10}));
  EXPECT_EQ(Lit("2024-04-10+09:00", "date"), Value::DateValue({2024, 4, 10}));
  EXPECT_EQ(Lit("2024-02-29", "date"), Value::DateValue({2024, 2, 29}));
  EXPECT_EQ(Lit("2024-04", "gYearMonth"), Value::DateValue({2024, 4, 0}));
  EXPECT_EQ(Lit("2024", "gYear"), Value::DateValue({2024, 0, 0}));
  EXPECT_EQ(Lit("true", "boolean"), Value::Bool(true));
  EXPECT_EQ(Lit("0", "boolean"), Value::Bool(false));
  EXPECT_EQ(Lit("plain", "string"), Value::String("plain"));
  EXPECT_EQ(Lit("2024-04-10T10:00:00", "dateTime"), Value::String("2024-04-10T10:00:00"));

  auto money = LiteralToValue(Term::Literal("10000000000 USD", std::string(kMoneyDatatype)));
  ASSERT_TRUE(money.ok());
  EXPECT_EQ(money.value().kind(), ValueKind::kMoney);
  EXPECT_DOUBLE_EQ(money.value().amount(), 1e10);
  EXPECT_EQ(money.value().currency(), "USD");

  auto lang = LiteralToValue(Term::Literal("chat", "", "fr"));
  ASSERT_TRUE(lang.ok());
  EXPECT_EQ(lang.value(), Value::String("chat"));
  auto other = LiteralToValue(Term::Literal("x", "http://example.org/custom"));
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other.value(), Value::String("x"));
}

TEST(RdfMapping, IllTypedLiteralsAreErrors) {
  struct Case {
    const char* lexical;
    std::string datatype;
  };
  for (const Case& c : std::vector<Case>{{"abc", kXsdNs + "integer"},
                                         {"1.5", kXsdNs + "integer"},
                                         {"", kXsdNs + "integer"},
                                         {"1e5", kXsdNs + "decimal"},
                                         {"1.2.3", kXsdNs + "decimal"},
                                         {"2023-02-29", kXsdNs + "date"},
                                         {"2024-13-01", kXsdNs + "date"},
                                         {"24-01-01", kXsdNs + "date"},
                                         {"2024-04-10", kXsdNs + "gYear"},
                                         {"yes", kXsdNs + "boolean"},
                                         {"10 dollars", std::string(kMoneyDatatype)},
                                         {"USD", std::string(kMoneyDatatype)}}) {
    auto v = LiteralToValue(Term::Literal(c.lexical, c.datatype));
    EXPECT_FALSE(v.ok()) << c.lexical << " ^^ " << c.datatype;
    if (!v.ok()) {
      EXPECT_EQ(v.status().code(), Status::Code::kInvalidArgument);
      EXPECT_NE(v.status().message().find(c.lexical), std::string::npos);
    }
  }
}

TEST(RdfMapping, ValuesRoundTripThroughLiterals) {
  std::vector<Value> values = {Value::String("hello \"world\""),
                               Value::Integer(-9007199254740993),
                               Value::Decimal(0.1),
                               Value::Decimal(2.5e25),
                               Value::Decimal(1e-9),
                               Value::Decimal(-3),
                               Value::Money(10000000000.0, "USD"),
                               Value::Money(2.75, "JPY"),
                               Value::DateValue({2024, 4, 10}),
                               Value::DateValue({2024, 4, 0}),
                               Value::DateValue({1999, 0, 0}),
                               Value::Bool(true),
                               Value::Bool(false)};
  for (const Value& v : values) {
    Term t = ValueToTerm(v);
    ASSERT_EQ(t.kind, TermKind::kLiteral);
    auto back = LiteralToValue(t);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(back.value().kind(), v.kind()) << t.value;
    EXPECT_EQ(back.value(), v) << t.value << " ^^ " << t.datatype;
  }
  EXPECT_EQ(ValueToTerm(Value::Integer(5)).datatype, kXsdNs + "integer");
  EXPECT_EQ(ValueToTerm(Value::Decimal(2.5)).value, "2.5");
  EXPECT_EQ(ValueToTerm(Value::Money(1e10, "USD")).value, "10000000000 USD");
  EXPECT_EQ(ValueToTerm(Value::DateValue({2024, 4, 10})).datatype, kXsdNs + "date");
  EXPECT_EQ(ValueToTerm(Value::DateValue({2024, 4, 0})).datatype, kXsdNs + "gYearMonth");
  EXPECT_EQ(ValueToTerm(Value::Entity("Alibaba Cloud")),
            Term::Iri("https://kg.example.org/entity/Alibaba%20Cloud"));
}

}  // namespace
}  // namespace kg::rdf
