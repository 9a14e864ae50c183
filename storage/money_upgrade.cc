// The format-version step 2 → 3: money terms move from the double encoding
// (TermTag::kMoneyDouble) to exact money units (TermTag::kMoney), see
// storage/FORMAT.md, "Upgrade 2 → 3". Ids do not change, so no triple,
// provenance or count key is touched: only `dict`, `terms` and two
// `meta/term_count` entries.
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <memory>
#include <string>

#include "storage/key_codec.h"
#include "storage/rocks_status.h"
#include "storage/store.h"

namespace kg::storage {

namespace {

using codec::TermTag;

rocksdb::Slice ToSlice(std::string_view v) { return rocksdb::Slice(v.data(), v.size()); }

constexpr size_t kBatchEntries = 100000;

std::string CountValue(uint64_t n) {
  std::string v;
  codec::PutU64(&v, n);
  return v;
}

}  // namespace

// Rewrites every kMoneyDouble dictionary entry (and its lookup key) as
// kMoney, in batches, and records version 3 last: a crash part-way leaves a
// version-2 database whose remaining legacy entries the next writer converts
// (converted ones are no longer kMoneyDouble, so nothing is done twice). The
// term counts are recomputed from the dictionary in the final batch for the
// same reason. Two legacy doubles that round to one exact amount keep both
// ids; the second keeps its old lookup key too, so `terms` still holds an
// entry per id (the open-time verification counts them).
Status Store::UpgradeToV3() {
  std::lock_guard<std::mutex> lock(write_mu_);
  rocksdb::WriteBatch b;
  uint64_t money_terms = 0;
  rocksdb::ReadOptions ro;
  ro.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kDict)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    rocksdb::Slice enc = it->value();
    if (enc.empty()) continue;
    auto tag = static_cast<TermTag>(enc[0]);
    if (tag == TermTag::kMoney) ++money_terms;
    if (tag != TermTag::kMoneyDouble) continue;
    std::string_view old_key(enc.data(), enc.size());
    KG_ASSIGN_OR_RETURN(Value money, codec::DecodeTerm(old_key));
    KG_ASSIGN_OR_RETURN(std::string new_key, codec::EncodeTerm(money));
    b.Put(cf(Cf::kDict), it->key(), new_key);
    std::string existing;
    if (Get(Cf::kTerms, new_key, &existing).code() == Status::Code::kNotFound) {
      b.Delete(cf(Cf::kTerms), ToSlice(old_key));
      b.Put(cf(Cf::kTerms), new_key, it->key());
    }
    ++money_terms;
    if (b.Count() >= kBatchEntries) {
      KG_RETURN_IF_ERROR(Write(&b));
      b.Clear();
    }
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status(), "upgrade: scan dict"));
  b.Delete(cf(Cf::kMeta), codec::MetaTermCountKey(TermTag::kMoneyDouble));
  if (money_terms > 0)
    b.Put(cf(Cf::kMeta), codec::MetaTermCountKey(TermTag::kMoney), CountValue(money_terms));
  std::string v;
  codec::PutU32(&v, 3);
  b.Put(cf(Cf::kMeta), ToSlice(codec::kMetaFormatVersion), v);
  KG_RETURN_IF_ERROR(Write(&b));
  term_counts_[static_cast<int>(TermTag::kMoneyDouble)] = 0;
  term_counts_[static_cast<int>(TermTag::kMoney)] = money_terms;
  format_version_ = 3;
  return Status::OK();
}

// The inverse, for tests: exact money terms written back as doubles, as a
// version-2 kg would have stored them.
Status Store::DowngradeToV2ForTesting() {
  if (read_only_) return Status::NotSupported("the database is open read-only");
  std::lock_guard<std::mutex> lock(write_mu_);
  rocksdb::WriteBatch b;
  uint64_t money_terms = 0;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf(Cf::kDict)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    rocksdb::Slice enc = it->value();
    if (enc.empty() || static_cast<TermTag>(enc[0]) != TermTag::kMoney) continue;
    std::string_view new_key(enc.data(), enc.size());
    KG_ASSIGN_OR_RETURN(Value money, codec::DecodeTerm(new_key));
    std::string old_key = codec::LegacyMoneyLookupKey(money);
    b.Put(cf(Cf::kDict), it->key(), old_key);
    b.Delete(cf(Cf::kTerms), ToSlice(new_key));
    b.Put(cf(Cf::kTerms), old_key, it->key());
    ++money_terms;
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status(), "downgrade: scan dict"));
  b.Delete(cf(Cf::kMeta), codec::MetaTermCountKey(TermTag::kMoney));
  if (money_terms > 0) {
    b.Put(cf(Cf::kMeta), codec::MetaTermCountKey(TermTag::kMoneyDouble), CountValue(money_terms));
  }
  std::string v;
  codec::PutU32(&v, 2);
  b.Put(cf(Cf::kMeta), ToSlice(codec::kMetaFormatVersion), v);
  KG_RETURN_IF_ERROR(Write(&b));
  term_counts_[static_cast<int>(TermTag::kMoney)] = 0;
  term_counts_[static_cast<int>(TermTag::kMoneyDouble)] = money_terms;
  format_version_ = 2;
  return Status::OK();
}

}  // namespace kg::storage
