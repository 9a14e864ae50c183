#include "bench/bench_fixture.h"

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "bench/synthetic_graph.h"
#include "rdf/import.h"

namespace kg::bench {

namespace {

struct Scratch {
  std::string dir;
  std::map<uint64_t, std::string> files;
  std::map<uint64_t, std::unique_ptr<storage::Store>> stores;
  ~Scratch() {
    stores.clear();
    if (!std::getenv("KG_BENCH_KEEP") && !std::getenv("KG_BENCH_DIR")) {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
    }
  }
};

Scratch& State() {
  static Scratch s;
  if (s.dir.empty()) {
    const char* env = std::getenv("KG_BENCH_DIR");
    s.dir = env ? env : "/tmp/kg-bench-" + std::to_string(::getpid());
    std::filesystem::create_directories(s.dir);
  }
  return s;
}

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "benchmark set-up failed: %s\n", what.c_str());
  std::exit(1);
}

}  // namespace

std::string ScratchDir() { return State().dir; }

const std::string& GraphFile(uint64_t triples) {
  Scratch& s = State();
  auto it = s.files.find(triples);
  if (it != s.files.end()) return it->second;
  std::string path = s.dir + "/graph-" + std::to_string(triples) + ".nt";
  if (!std::filesystem::exists(path)) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) Die("cannot write " + path);
    GraphSpec spec;
    spec.triples = triples;
    spec.seed = 42;
    GenerateGraph(spec, [&](const std::string& chunk) { std::fwrite(chunk.data(), 1, chunk.size(), f); });
    if (std::fclose(f) != 0) Die("cannot write " + path);
  }
  return s.files.emplace(triples, path).first->second;
}

storage::Store* GraphStore(uint64_t triples) {
  Scratch& s = State();
  auto it = s.stores.find(triples);
  if (it != s.stores.end()) return it->second.get();
  std::string db = s.dir + "/db-" + std::to_string(triples);
  bool exists = std::filesystem::exists(db);
  auto store = storage::Store::Open(db);
  if (!store.ok()) Die(store.status().ToString());
  if (!exists) {
    auto r = rdf::ImportFile(store.value().get(), GraphFile(triples));
    if (!r.ok()) Die(r.status().ToString());
    Status st = store.value()->Compact();
    if (!st.ok()) Die(st.ToString());
  }
  return s.stores.emplace(triples, std::move(store).value()).first->second.get();
}

void CloseStores() { State().stores.clear(); }

uint64_t DirectoryBytes(const std::string& path) {
  uint64_t total = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::recursive_directory_iterator(path, ec)) {
    if (e.is_regular_file(ec)) total += e.file_size(ec);
  }
  return total;
}

uint64_t PeakRssKib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<uint64_t>(u.ru_maxrss);
}

}  // namespace kg::bench
