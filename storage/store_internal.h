// Helpers the files of storage::Store's implementation share (store.cc,
// store_terms.cc, store_counts.cc, store_caches.cc, store_write.cc,
// store_open.cc, the bulk importer and the upgrades): string views as
// RocksDB slices and back, the column family of an index, prefix scans.
#ifndef KG_STORAGE_STORE_INTERNAL_H_
#define KG_STORAGE_STORE_INTERNAL_H_

#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/slice.h>

#include <memory>
#include <string>
#include <string_view>

#include "kg/status.h"
#include "storage/key_codec.h"
#include "storage/rocks_status.h"
#include "storage/store.h"

namespace kg::storage {

inline rocksdb::Slice ToSlice(std::string_view v) { return rocksdb::Slice(v.data(), v.size()); }
inline std::string_view ToView(const rocksdb::Slice& s) { return std::string_view(s.data(), s.size()); }

inline Cf CfOfIndex(codec::Index i) {
  return i == codec::Index::kSpo ? Cf::kSpo : (i == codec::Index::kPos ? Cf::kPos : Cf::kOsp);
}

// Calls fn(key, value) for every entry of `cf` starting with `prefix`; stops
// at the first status fn returns that is not OK.
template <typename Fn>
Status ForEachPrefix(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf, std::string_view prefix, Fn fn,
                     bool fill_cache = true) {
  std::string upper = codec::PrefixSuccessor(prefix);
  rocksdb::Slice ub(upper);
  rocksdb::ReadOptions ro;
  ro.fill_cache = fill_cache;
  if (!upper.empty()) ro.iterate_upper_bound = &ub;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(ro, cf));
  for (it->Seek(ToSlice(prefix)); it->Valid(); it->Next()) {
    Status s = fn(ToView(it->key()), ToView(it->value()));
    if (!s.ok()) return s;
  }
  return FromRocks(it->status(), "scan");
}

}  // namespace kg::storage

#endif  // KG_STORAGE_STORE_INTERNAL_H_
