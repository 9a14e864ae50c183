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
