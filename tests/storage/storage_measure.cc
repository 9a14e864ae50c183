// Ad-hoc measurements of the storage layer (not a test, not a benchmark
// harness): AddArticle throughput, bulk import of N synthetic triples, the
// database size after compaction, and the latency of a 1,000-row
// bound-subject scan. Run under `/usr/bin/time -v` for peak RSS.
//
// Usage: kg_storage_measure DIR [add|import|scan|all] [TRIPLES]
//        kg_storage_measure DB compact
//        kg_storage_measure DB upgrade   (drops the per-key counts, then times
//                                         the version 1 → 2 upgrade of a reopen)
//        kg_storage_measure DB downgrade (leaves it as a version-1 database)
#include <rocksdb/db.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "storage/bulk_import.h"
#include "storage/store.h"
#include "test_util.h"

namespace {

using Clock = std::chrono::steady_clock;
double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

std::unique_ptr<kg::storage::Store> Open(const std::string& path) {
  auto s = kg::storage::Store::Open(path);
  if (!s.ok()) {
    std::fprintf(stderr, "open: %s\n", s.status().ToString().c_str());
    std::exit(1);
  }
  return std::move(s).value();
}

void MeasureAdd(const std::string& dir) {
  std::filesystem::remove_all(dir);
  auto store = Open(dir);
  const int n = 2000;
  std::vector<kg::ArticleData> arts;
  uint64_t facts = 0;
  for (int i = 0; i < n; ++i) {
    arts.push_back(kg::storage::testing::MakeArticle("a" + std::to_string(i), static_cast<uint64_t>(i), 30));
    facts += arts.back().facts.size();
  }
  auto t0 = Clock::now();
  for (const auto& a : arts) {
    if (!store->AddArticle(a).ok()) std::exit(1);
  }
  double ms = Ms(t0, Clock::now());
  std::printf("add_article: %d articles (%llu facts) in %.0f ms = %.0f articles/s, %.0f facts/s\n", n,
              static_cast<unsigned long long>(facts), ms, n / ms * 1000,
              static_cast<double>(facts) / ms * 1000);
}

void MeasureImport(const std::string& dir, uint64_t triples) {
  std::filesystem::remove_all(dir);
  auto store = Open(dir);
  static const char* kPreds[] = {"invests_in", "partners_with", "located_in", "part_of",
                                 "trains",     "announced",     "employs",    "investment_amount"};
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> u(0, 1);
  const uint64_t entities = std::max<uint64_t>(triples / 5, 10);
  auto t0 = Clock::now();
  std::clock_t c0 = std::clock();
  auto imp = kg::storage::BulkImporter::Create(store.get(), false);
  if (!imp.ok()) std::exit(1);
  std::string sname, oname;
  for (uint64_t i = 0; i < triples; ++i) {
    uint64_t s = rng() % entities;
    const char* p = kPreds[i % 8];
    sname = "company_" + std::to_string(s);
    kg::Value object;
    if (i % 8 == 7) {
      object = kg::Value::Money(static_cast<double>(rng() % 1000) * 1e6, "USD");
    } else {
      // Zipf-like objects: hubs exist.
      auto o = static_cast<uint64_t>(static_cast<double>(entities) * std::pow(u(rng), 3));
      oname = "company_" + std::to_string(o);
      object = kg::Value::Entity(oname);
    }
    if (!(*imp)->AddTriple("synthetic", kg::Value::Entity(sname), p, "", object).ok()) std::exit(1);
  }
  auto t1 = Clock::now();
  std::clock_t c1 = std::clock();
  auto r = (*imp)->Finish();
  if (!r.ok()) {
    std::fprintf(stderr, "finish: %s\n", r.status().ToString().c_str());
    std::exit(1);
  }
  auto t2 = Clock::now();
  std::clock_t c2 = std::clock();
  auto cpu = [](std::clock_t a, std::clock_t b) {
    return static_cast<double>(b - a) * 1000.0 / CLOCKS_PER_SEC;
  };
  std::printf(
      "bulk_import: %llu triples: add %.0f ms + finish %.0f ms = %.0f ms wall (cpu: add %.0f ms, finish %.0f "
      "ms)\n",
      static_cast<unsigned long long>(triples), Ms(t0, t1), Ms(t1, t2), Ms(t0, t2), cpu(c0, c1), cpu(c1, c2));
  if (std::getenv("KG_MEASURE_DELETE") != nullptr) {
    auto d0 = Clock::now();
    kg::Status st = store->DeleteArticle("synthetic");
    std::printf("delete of the imported article: %s in %.0f ms, %llu triples left\n", st.ToString().c_str(),
                Ms(d0, Clock::now()),
                static_cast<unsigned long long>(store->PredicateStats(kg::storage::kNoTerm).triples));
    return;
  }
  auto t3 = Clock::now();
  if (!store->Compact().ok()) std::exit(1);
  std::printf("compaction: %.0f ms; db size after compaction: %.1f MB; stored triples %llu\n",
              Ms(t3, Clock::now()), static_cast<double>(store->DiskBytes()) / 1e6,
              static_cast<unsigned long long>(store->PredicateStats(kg::storage::kNoTerm).triples));
}

void MeasureScan(const std::string& dir) {
  std::filesystem::remove_all(dir);
  auto store = Open(dir);
  kg::ArticleData a;
  a.name = "hub";
  for (int i = 0; i < 1000; ++i) {
    a.facts.push_back(kg::Fact{kg::Value::Entity("Hub"), "p" + std::to_string(i % 10),
                               kg::Value::Entity("target_" + std::to_string(i))});
  }
  for (int k = 0; k < 20; ++k) {  // other subjects around it
    kg::ArticleData b =
        kg::storage::testing::MakeArticle("other" + std::to_string(k), static_cast<uint64_t>(k), 200);
    if (!store->AddArticle(b).ok()) std::exit(1);
  }
  if (!store->AddArticle(a).ok() || !store->Compact().ok()) std::exit(1);
  kg::storage::TermId hub = store->FindEntity("Hub");
  std::vector<double> us;
  uint64_t rows = 0;
  for (int run = 0; run < 500; ++run) {
    auto t0 = Clock::now();
    uint64_t n = 0;
    for (auto c = store->Scan(hub, kg::storage::kNoTerm, kg::storage::kNoTerm); c->Valid(); c->Next())
      n += c->Get().o != 0;
    us.push_back(Ms(t0, Clock::now()) * 1000);
    rows = n;
  }
  std::sort(us.begin(), us.end());
  std::printf("bound-subject scan: %llu rows, median %.1f us, p90 %.1f us\n",
              static_cast<unsigned long long>(rows), us[us.size() / 2], us[us.size() * 9 / 10]);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR [add|import|scan|all] [TRIPLES]\n", argv[0]);
    return 2;
  }
  std::string dir = argv[1];
  std::string what = argc > 2 ? argv[2] : "all";
  if (what == "compact") {  // an existing database: compact it, print its size
    auto store = Open(dir);
    double before = static_cast<double>(store->DiskBytes()) / 1e6;
    auto t0 = Clock::now();
    if (!store->Compact().ok()) return 1;
    std::printf("compaction: %.0f ms; %.1f MB -> %.1f MB\n", Ms(t0, Clock::now()), before,
                static_cast<double>(store->DiskBytes()) / 1e6);
    store.reset();
    // Size per column family (read-only RocksDB open of the closed database).
    std::vector<std::string> names;
    if (!rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), dir, &names).ok()) return 1;
    std::vector<rocksdb::ColumnFamilyDescriptor> descs;
    for (const auto& n : names) descs.emplace_back(n, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    if (!rocksdb::DB::OpenForReadOnly(rocksdb::DBOptions(), dir, descs, &handles, &db).ok()) return 1;
    for (size_t i = 0; i < names.size(); ++i) {
      uint64_t v = 0;
      db->GetIntProperty(handles[i], "rocksdb.live-sst-files-size", &v);
      std::printf("  %-13s %8.2f MB\n", names[i].c_str(), static_cast<double>(v) / 1e6);
      db->DestroyColumnFamilyHandle(handles[i]);
    }
    delete db;
    return 0;
  }
  if (what == "upgrade" || what == "downgrade") {  // make it version 1, time the upgrade
    {
      auto store = Open(dir);
      kg::Status st = store->DowngradeToV1ForTesting(/*drop_column_family=*/true);
      if (!st.ok()) {
        std::fprintf(stderr, "downgrade: %s\n", st.ToString().c_str());
        return 1;
      }
    }
    if (what == "downgrade") return 0;
    auto t0 = Clock::now();
    auto store = Open(dir);
    std::printf("upgrade to format version %u: %.0f ms\n", store->format_version(), Ms(t0, Clock::now()));
    return 0;
  }
  uint64_t triples = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1000000;
  if (what == "add" || what == "all") MeasureAdd(dir + "/add");
  if (what == "import" || what == "all") MeasureImport(dir + "/import", triples);
  if (what == "scan" || what == "all") MeasureScan(dir + "/scan");
  return 0;
}
