// RocksDB options and names of kg's column families (storage/FORMAT.md),
// shared by the store's open, creation and checks.
#ifndef KG_STORAGE_STORE_OPTIONS_H_
#define KG_STORAGE_STORE_OPTIONS_H_

#include <rocksdb/cache.h>
#include <rocksdb/env.h>
#include <rocksdb/options.h>

#include <cstdarg>
#include <memory>
#include <string>
#include <string_view>

namespace kg::storage {

// Column family names, indexed by Cf.
extern const char* const kCfNames[14];
// Added by format version 2: a version-1 database does not have it yet.
inline constexpr std::string_view kCountsCfName = "counts";

// Block size, compression and cache of one column family.
rocksdb::ColumnFamilyOptions CfOptions(const std::shared_ptr<rocksdb::Cache>& cache, std::string_view name);

// The default Env, except that background threads start when work is first
// scheduled for their pool instead of when a database opens: a reader (a
// secondary instance) asks for its flush and compaction threads at open and
// never uses them. Thread-safe, as the default Env is.
class LazyThreadsEnv : public rocksdb::EnvWrapper {
 public:
  LazyThreadsEnv() : rocksdb::EnvWrapper(rocksdb::Env::Default()) {}
  const char* Name() const override { return "KgLazyThreadsEnv"; }
  void IncBackgroundThreadsIfNeeded(int, Priority) override {}
  void Schedule(void (*function)(void* arg), void* arg, Priority pri = LOW, void* tag = nullptr,
                void (*unschedFunction)(void* arg) = nullptr) override {
    // One thread at least; a writer in the same process may have asked for more.
    target()->IncBackgroundThreadsIfNeeded(1, pri);
    target()->Schedule(function, arg, pri, tag, unschedFunction);
  }
};

// A RocksDB logger that writes nothing.
class NoLogger : public rocksdb::Logger {
 public:
  using rocksdb::Logger::Logv;
  void Logv(const char*, va_list) override {}
};

// The database-wide options of every open (writer, reader, creation).
rocksdb::DBOptions BaseDbOptions();

// BaseDbOptions for a reader (a secondary instance): what a one-shot query
// process must not pay for at open (storage/FORMAT.md, "Readers").
rocksdb::DBOptions ReaderDbOptions();

// The writer's CURRENT, MANIFEST-* and *.log files (name, size, mtime):
// unchanged means it committed nothing new. Empty when the directory cannot
// be listed, which forces a catch-up.
std::string PrimarySignature(const std::string& dir);

}  // namespace kg::storage

#endif  // KG_STORAGE_STORE_OPTIONS_H_
