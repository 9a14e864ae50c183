#include "cli/dot.h"

#include <gtest/gtest.h>

#include <sstream>

namespace kg::cli {
namespace {

Triple T(const std::string& s, const std::string& p, Value o) { return {Value::Entity(s), p, std::move(o)}; }

// A scan over a fixed vector with DB::Scan's wildcard semantics.
ScanFn VectorScan(const std::vector<Triple>& triples) {
  return [&triples](const TriplePattern& pat, const std::function<bool(const Triple&)>& fn) {
    for (const Triple& t : triples) {
      if (!pat.subject.is_null() && t.subject != pat.subject) continue;
      if (!pat.predicate.empty() && t.predicate != pat.predicate) continue;
      if (!pat.object.is_null() && t.object != pat.object) continue;
      if (!fn(t)) break;
    }
    return Status::OK();
  };
}

TEST(DotTest, WritesEntitiesWithTypesLiteralsAndEdgeLabels) {
  std::vector<Triple> triples = {
      T("Microsoft", "invests_in", Value::Entity("Japan")),
      T("Microsoft", "is_a", Value::Entity("Company")),
      T("Microsoft", "investment_amount", Value::Money(1e10, "USD")),
      T("Say \"hi\"", "located_in", Value::Entity("Japan")),
  };
  std::ostringstream out;
  WriteDot(triples, out);
  std::string dot = out.str();
  EXPECT_EQ(dot.rfind("digraph \"kg\" {", 0), 0u);
  EXPECT_NE(dot.find("n0 [label=\"Microsoft\\n(Company)\", shape=ellipse]"), std::string::npos) << dot;
  EXPECT_NE(dot.find("n1 [label=\"Japan\", shape=ellipse]"), std::string::npos) << dot;
  EXPECT_NE(dot.find("[label=\"10000000000 USD\", shape=box"), std::string::npos) << dot;
  EXPECT_NE(dot.find("n0 -> n1 [label=\"invests_in\"]"), std::string::npos) << dot;
  EXPECT_NE(dot.find("label=\"Say \\\"hi\\\"\""), std::string::npos) << dot;
  // is_a is folded into the label, not drawn as an edge.
  EXPECT_EQ(dot.find("is_a"), std::string::npos) << dot;
  EXPECT_EQ(dot.back(), '\n');
}

TEST(DotTest, CollectAroundFollowsBothDirectionsUpToDepth) {
  std::vector<Triple> triples = {
      T("Microsoft", "invests_in", Value::Entity("Japan")),
      T("Japan", "located_in", Value::Entity("Asia")),
      T("Asia", "part_of", Value::Entity("World")),
      T("Google", "invests_in", Value::Entity("Japan")),
      T("Microsoft", "investment_amount", Value::Money(1e10, "USD")),
  };
  ScanFn scan = VectorScan(triples);
  auto one = CollectAround(scan, "Microsoft", 1);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->size(), 2u);  // its own two triples
  auto two = CollectAround(scan, "Microsoft", 2);
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two->size(), 4u);  // + Japan located_in Asia, Google invests_in Japan
  auto three = CollectAround(scan, "Microsoft", 3);
  ASSERT_TRUE(three.ok());
  EXPECT_EQ(three->size(), 5u);
  auto capped = CollectAround(scan, "Microsoft", 3, 3);
  ASSERT_TRUE(capped.ok());
  EXPECT_EQ(capped->size(), 3u);
}

TEST(DotTest, CollectAroundUnknownEntityIsNotFound) {
  std::vector<Triple> triples = {T("Microsoft", "invests_in", Value::Entity("Japan"))};
  auto r = CollectAround(VectorScan(triples), "Microsfot", 2);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
  EXPECT_NE(r.status().message().find("Microsfot"), std::string::npos);
}

}  // namespace
}  // namespace kg::cli
