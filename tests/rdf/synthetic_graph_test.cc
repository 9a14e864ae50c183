// The synthetic graph generator (bench/synthetic_graph.h) writes valid,
// deterministic N-Triples with the hub shapes the benchmarks rely on.
#include "bench/synthetic_graph.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "rdf/mapping.h"
#include "rdf/ntriples_parser.h"

namespace kg::bench {
namespace {

std::string Generate(uint64_t triples, uint64_t seed, GraphStats* stats = nullptr) {
  std::string out;
  GraphStats s = GenerateGraph({triples, seed}, [&](const std::string& chunk) { out += chunk; });
  if (stats) *stats = s;
  return out;
}

TEST(SyntheticGraph, SameSeedSameBytesOtherSeedOtherGraph) {
  EXPECT_EQ(Generate(5000, 7), Generate(5000, 7));
  EXPECT_NE(Generate(5000, 7), Generate(5000, 8));
}

TEST(SyntheticGraph, ExactlyNDistinctValidTriplesWithTheDocumentedRoles) {
  constexpr uint64_t kTriples = 50'000;
  GraphStats stats;
  std::string text = Generate(kTriples, 42, &stats);
  EXPECT_EQ(stats.triples, kTriples);

  std::set<std::string> lines;
  std::map<std::string, uint64_t> out_degree, invests_in_degree;
  std::map<std::string, std::string> part_of;
  uint64_t statements = 0;
  Status st = rdf::ParseDocument(text, rdf::Syntax::kNTriples, [&](const rdf::Quad& q, uint64_t) {
    ++statements;
    std::string s = rdf::LocalName(q.subject.value), p = rdf::PredicateName(q.predicate.value);
    ++out_degree[s];
    if (p == "invests_in") ++invests_in_degree[rdf::LocalName(q.object.value)];
    if (p == "part_of") part_of[s] = rdf::LocalName(q.object.value);
    if (p == "investment_amount") {
      auto v = rdf::LiteralToValue(q.object);
      EXPECT_TRUE(v.ok()) << q.object.value;
    }
    return Status::OK();
  });
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(statements, kTriples);
  for (size_t b = 0, e; b < text.size(); b = e + 1) {
    e = text.find('\n', b);
    lines.insert(text.substr(b, e - b));
  }
  EXPECT_EQ(lines.size(), kTriples) << "a triple is repeated";

  // company_0 is the subject with the most outgoing triples; country_0 the
  // top invests_in object (≈10% of them).
  for (const auto& [name, n] : out_degree) EXPECT_LE(n, out_degree["company_0"]) << name;
  EXPECT_EQ(invests_in_degree["country_0"], stats.country0_invests_in);
  EXPECT_GT(stats.country0_invests_in * 20, stats.invests_in);
  EXPECT_EQ(stats.invests_in, kTriples / 4);
  EXPECT_EQ(stats.company0_out, out_degree["company_0"]);

  // Every subsidiary reaches company_1 through part_of; the program chain
  // ends at agency_0.
  uint64_t below_company_1 = 0;
  for (const auto& [name, parent] : part_of) {
    if (name.rfind("company_", 0) != 0) continue;
    std::string at = name;
    for (int hops = 0; hops < 1000 && part_of.count(at); ++hops) at = part_of[at];
    below_company_1 += at == "company_1";
  }
  EXPECT_EQ(below_company_1, stats.subsidiary_tree);
  EXPECT_EQ(stats.subsidiary_tree, 2500u);
  std::string at = "program_" + std::to_string(stats.chain_depth - 1);
  uint64_t depth = 0;
  while (part_of.count(at)) {
    at = part_of[at];
    ++depth;
  }
  EXPECT_EQ(at, "agency_0");
  EXPECT_EQ(depth, stats.chain_depth);
}

}  // namespace
}  // namespace kg::bench
