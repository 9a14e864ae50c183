// The seeded synthetic news graph behind `kg-gen` and the benchmarks.
//
// Shape at N triples (f = N / 10^6; counts scale with f, see docs/performance.md):
//   continent_0..5, region_0..23, country_0..199 (fixed);
//   company_0.., agency_0.., person_0.., program_0.. (≈100k, 2k, 40k, 20k · f);
//   class entities Company, Agency, Person, Program, Country, Region, Continent.
// Predicates: rdf:type (every entity), part_of (region → continent, country →
// region, the subsidiary tree, the program chain), located_in (country →
// continent, agency/person → country), headquartered_in (company → country),
// invests_in (company → country), investment_amount (company → money or
// xsd:integer literal), partners_with (company → company), announced
// (company/agency → program), trains (company/agency → person).
// Degrees are Zipf-skewed: low-numbered entities are hubs.
//
// Roles the query benchmarks rely on (≈ at 10^6 triples; proportional to N):
//   company_0   the subject with ≈1,000 outgoing triples;
//   country_0   the hub object with ≈25,000 incoming invests_in triples;
//   ?c -invests_in-> ?k -located_in-> ?r   the 2-hop join with ≈250,000 rows
//               (one per invests_in triple: every country has one located_in);
//   program_{D-1} -part_of+-> …  the deep chain: program_k part_of
//               program_{k-1}, program_0 part_of agency_0 (D ≈ 1,000);
//   ?x -part_of+-> company_1     the reverse closure of ≈50,000 companies
//               (a random recursive tree of subsidiaries rooted at company_1).
// The same (N, seed) always produces the same bytes; no triple is repeated.
#ifndef KG_BENCH_SYNTHETIC_GRAPH_H_
#define KG_BENCH_SYNTHETIC_GRAPH_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <string>

namespace kg::bench {

struct GraphSpec {
  uint64_t triples = 1'000'000;
  uint64_t seed = 42;
};

// Figures about what was generated, for --stats and the benchmarks.
struct GraphStats {
  uint64_t triples = 0;
  uint64_t companies = 0, agencies = 0, people = 0, programs = 0, countries = 0;
  uint64_t company0_out = 0;         // triples with subject company_0
  uint64_t country0_invests_in = 0;  // ?x -invests_in-> country_0
  uint64_t invests_in = 0;           // = rows of the 2-hop join
  uint64_t subsidiary_tree = 0;      // companies below company_1
  uint64_t chain_depth = 0;          // programs in the part_of chain
  std::map<std::string, uint64_t> per_predicate;
};

// Writes the graph as N-Triples through `write` (called with chunks of about
// 1 MiB). Returns the statistics.
GraphStats GenerateGraph(const GraphSpec& spec, const std::function<void(const std::string&)>& write);

}  // namespace kg::bench

#endif  // KG_BENCH_SYNTHETIC_GRAPH_H_
