// The format-version step 4 → 5 (storage/FORMAT.md, "Upgrade 4 → 5"): the
// dictionary goes from one entry per id to one entry per 64 consecutive ids,
// so that decoding many terms steps through 64 times fewer entries.
//
// Ids do not change, so nothing but `dict` is touched. Each group is written
// and its separate entries deleted in the same batch, so every committed
// state holds each term once (in its group or in its own entry), which is
// what readers of the mixed layout expect (Store::GetTermEncoding).
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "storage/key_codec.h"
#include "storage/rocks_status.h"
#include "storage/store.h"
#include "storage/store_internal.h"

namespace kg::storage {

namespace {

// Groups per committed batch: about 64,000 terms, 1-2 MB.
constexpr size_t kGroupsPerBatch = 1000;

}  // namespace

// Groups already written are skipped, so a crash part-way leaves a version-4
// database whose remaining entries the next writer regroups. The version is
// written last.
Status Store::UpgradeToV5() {
  std::lock_guard<std::mutex> lock(write_mu_);
  rocksdb::ReadOptions ro;
  ro.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kDict)));
  rocksdb::WriteBatch b;
  size_t groups = 0, in_batch = 0;
  std::map<uint32_t, std::string> terms;
  std::vector<std::string> separate;
  std::vector<codec::DictGroupEntry> entries;
  it->SeekToFirst();
  while (it->Valid()) {
    if (it->key().size() != 8) return Status::Corruption("database damaged: a dictionary key is not an id");
    const TermId first = codec::DictGroupOf(codec::GetU64(it->key().data()));
    // A group never shares its range with separate entries (both are
    // changed in one batch), so one found is done.
    if (!codec::IsDictGroup(ToView(it->value()))) {
      if (groups == upgrade_v5_group_limit_for_testing) break;
      separate.clear();
      KG_RETURN_IF_ERROR(ReadDictGroup(first, &terms, &separate));
      entries.clear();
      for (const auto& [slot, term] : terms) entries.push_back({slot, term});
      b.Put(cf(Cf::kDict), codec::IdKey(first), codec::EncodeDictGroup(entries));
      for (const std::string& key : separate) b.Delete(cf(Cf::kDict), key);
      ++groups;
      if (++in_batch == kGroupsPerBatch) {
        KG_RETURN_IF_ERROR(Write(&b));
        b.Clear();
        in_batch = 0;
      }
    }
    // The iterator reads the state of its creation: the next group's
    // entries are as they were.
    it->Seek(ToSlice(codec::IdKey(first + codec::kDictGroupSize)));
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status(), "upgrade: scan dict"));
  if (in_batch > 0) KG_RETURN_IF_ERROR(Write(&b));
  if (groups == upgrade_v5_group_limit_for_testing && it->Valid())
    return Status::Cancelled("upgrade to format version 5 stopped for a test");
  // The entries of one id each are now deletions over the old table files:
  // every reader would step over them (and the groups would sit in the
  // write-ahead log each reader replays) until a compaction. The dictionary
  // is a few MB per million triples, so compact it once, now.
  if (groups > 0) {
    rocksdb::CompactRangeOptions co;
    co.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
    KG_RETURN_IF_ERROR(
        FromRocks(db_->CompactRange(co, cf(Cf::kDict), nullptr, nullptr), "upgrade: compact dict"));
  }
  rocksdb::WriteBatch v5;
  PutFormatVersion(&v5, 5);
  KG_RETURN_IF_ERROR(Write(&v5));
  format_version_ = 5;
  return Status::OK();
}

// The inverse, for tests of older versions: every group written back as one
// entry per id.
Status Store::SplitDictionaryForTesting() {
  if (read_only_) return Status::NotSupported("the database is open read-only");
  std::lock_guard<std::mutex> lock(write_mu_);
  rocksdb::WriteBatch b;
  std::vector<codec::DictGroupEntry> entries;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf(Cf::kDict)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    if (!codec::IsDictGroup(ToView(it->value()))) continue;
    if (!codec::DecodeDictGroup(ToView(it->value()), &entries))
      return Status::Corruption("database damaged: malformed dictionary group");
    const TermId first = codec::GetU64(it->key().data());
    b.Delete(cf(Cf::kDict), it->key());
    for (const codec::DictGroupEntry& e : entries)
      b.Put(cf(Cf::kDict), codec::IdKey(first + e.slot), ToSlice(e.term));
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status(), "split dict"));
  PutFormatVersion(&b, 4);
  KG_RETURN_IF_ERROR(Write(&b));
  format_version_ = 4;
  return Status::OK();
}

}  // namespace kg::storage
