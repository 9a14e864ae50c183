// Conversion of RocksDB statuses into kg::Status (shared by the store, the
// bulk importer and the checks).
#ifndef KG_STORAGE_ROCKS_STATUS_H_
#define KG_STORAGE_ROCKS_STATUS_H_

#include <rocksdb/status.h>

#include <string_view>

#include "kg/status.h"

namespace kg::storage {

// OK for an OK status; otherwise "<what>: <RocksDB message>" with the
// matching code (NotFound, Corruption, InvalidArgument, NotSupported, else
// IOError).
Status FromRocks(const rocksdb::Status& s, std::string_view what);

}  // namespace kg::storage

#endif  // KG_STORAGE_ROCKS_STATUS_H_
