// kg-cursor-probe: times one query through the public API, either pulled
// row by row from a cursor (DB::OpenCursor) or answered whole (DB::Query),
// for the cursor figures of docs/performance.md. Peak memory comes from
// running it under /usr/bin/time -v.
//
//   kg-cursor-probe DB QUERY [--rows N] [--whole] [--memory-limit BYTES]
//
// Prints one line: open_ms (parse, plan; the whole answer with --whole),
// first_ms (the first row), total_ms (N rows, or all), rows, and the status.
// Exit status: 0 when the query answered, 1 on a query error, 2 on a usage
// error.
#include <kg/kg.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace {

using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

int Report(double open_ms, double first_ms, double total_ms, uint64_t rows, const kg::Status& status) {
  std::printf("open_ms=%.1f first_ms=%.1f total_ms=%.1f rows=%llu status=%s\n", open_ms, first_ms, total_ms,
              static_cast<unsigned long long>(rows), status.ok() ? "ok" : status.ToString().c_str());
  return status.ok() ? 0 : 1;
}

int Whole(kg::DB& db, const std::string& query, const kg::QueryOptions& options) {
  const auto start = Clock::now();
  auto result = db.Query(query, options);
  const double ms = MsSince(start);
  return Report(ms, ms, ms, result.ok() ? result->rows.size() : 0, result.status());
}

int Pull(kg::DB& db, const std::string& query, const kg::QueryOptions& options, uint64_t max_rows) {
  const auto start = Clock::now();
  auto cursor = db.OpenCursor(query, options);
  const double open_ms = MsSince(start);
  if (!cursor.ok()) return Report(open_ms, 0, open_ms, 0, cursor.status());
  std::vector<kg::Value> row;
  double first_ms = 0;
  while ((*cursor)->rows() < max_rows && (*cursor)->Next(&row)) {
    if ((*cursor)->rows() == 1) first_ms = MsSince(start);
  }
  const kg::Status status = (*cursor)->status();
  const uint64_t rows = (*cursor)->rows();
  cursor->reset();  // stops the query and frees what it holds
  return Report(open_ms, first_ms, MsSince(start), rows, status);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kg-cursor-probe: time a query pulled from a cursor or answered whole"};
  std::string path, query;
  uint64_t max_rows = UINT64_MAX;
  bool whole = false;
  kg::QueryOptions options;
  app.add_option("db", path, "database directory")->required();
  app.add_option("query", query, "the query")->required();
  app.add_option("--rows", max_rows, "stop after this many rows (default: all)");
  app.add_flag("--whole", whole, "answer with DB::Query instead of a cursor");
  app.add_option("--memory-limit", options.memory_limit, "QueryOptions::memory_limit in bytes (0: default)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  kg::Options open;
  open.mode = kg::OpenMode::kReader;
  auto db = kg::DB::Open(path, open);
  if (!db.ok()) {
    std::fprintf(stderr, "%s\n", db.status().ToString().c_str());
    return 1;
  }
  return whole ? Whole(**db, query, options) : Pull(**db, query, options, max_rows);
}
