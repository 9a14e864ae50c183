// kg-gen: writes the seeded synthetic news graph (bench/synthetic_graph.h) as
// N-Triples, to stdout or a file.
//
//   kg-gen --triples 1000000 --seed 42 -o graph.nt [--stats]
//
// Exit status: 0 on success, 1 when the output cannot be written, 2 on a
// usage error.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

#include "bench/synthetic_graph.h"

int main(int argc, char** argv) {
  CLI::App app{"kg-gen: write a seeded synthetic news graph as N-Triples"};
  kg::bench::GraphSpec spec;
  std::string output;
  bool stats = false;
  app.add_option("--triples,-n", spec.triples, "number of triples to write")
      ->required()
      ->check(CLI::PositiveNumber);
  app.add_option("--seed,-s", spec.seed, "random seed (same seed, same output)")->capture_default_str();
  app.add_option("-o,--output", output, "output file (default: standard output)");
  app.add_flag("--stats", stats, "print the shape of the graph (hub sizes, counts per predicate) to stderr");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  std::FILE* out = stdout;
  if (!output.empty() && output != "-") {
    out = std::fopen(output.c_str(), "wb");
    if (!out) {
      std::perror(("kg-gen: cannot open " + output).c_str());
      return 1;
    }
  }
  bool failed = false;
  kg::bench::GraphStats s = kg::bench::GenerateGraph(spec, [&](const std::string& chunk) {
    if (!failed && std::fwrite(chunk.data(), 1, chunk.size(), out) != chunk.size()) failed = true;
  });
  if (std::fflush(out) != 0) failed = true;
  if (out != stdout && std::fclose(out) != 0) failed = true;
  if (failed) {
    std::fprintf(stderr, "kg-gen: error writing %s\n", output.empty() ? "standard output" : output.c_str());
    return 1;
  }
  if (stats) {
    std::fprintf(
        stderr,
        "triples=%llu companies=%llu agencies=%llu people=%llu programs=%llu countries=%llu\n"
        "company_0 outgoing=%llu  country_0 incoming invests_in=%llu  2-hop invests_in/located_in=%llu\n"
        "subsidiary tree under company_1=%llu  program chain depth=%llu\n",
        static_cast<unsigned long long>(s.triples), static_cast<unsigned long long>(s.companies),
        static_cast<unsigned long long>(s.agencies), static_cast<unsigned long long>(s.people),
        static_cast<unsigned long long>(s.programs), static_cast<unsigned long long>(s.countries),
        static_cast<unsigned long long>(s.company0_out),
        static_cast<unsigned long long>(s.country0_invests_in), static_cast<unsigned long long>(s.invests_in),
        static_cast<unsigned long long>(s.subsidiary_tree), static_cast<unsigned long long>(s.chain_depth));
    for (const auto& [p, n] : s.per_predicate) {
      std::fprintf(stderr, "  %-18s %llu\n", p.c_str(), static_cast<unsigned long long>(n));
    }
  }
  if (s.triples < spec.triples) {
    std::fprintf(stderr, "kg-gen: warning: only %llu distinct triples fit a graph of this size\n",
                 static_cast<unsigned long long>(s.triples));
  }
  return 0;
}
