// The format-version step 2 → 3 (storage/FORMAT.md, "Upgrade 2 → 3"):
//  - money terms move from the double encoding (TermTag::kMoneyDouble) to
//    exact money units (TermTag::kMoney);
//  - entity and predicate lookup keys and alias keys are folded by the one
//    Unicode rule (api/case_fold.h); version 2 folded entities and aliases by
//    ASCII/Latin-1 only and did not fold predicates at all.
// Ids do not change, so no triple, provenance or count key is touched: only
// `dict`, `terms`, `alias` and two `meta/term_count` entries.
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <memory>
#include <string>
#include <unordered_set>

#include "api/case_fold.h"
#include "storage/key_codec.h"
#include "storage/rocks_status.h"
#include "storage/store.h"
#include "storage/store_internal.h"

namespace kg::storage {

namespace {

using codec::TermTag;

constexpr size_t kBatchEntries = 100000;

std::string CountValue(uint64_t n) {
  std::string v;
  codec::PutU64(&v, n);
  return v;
}

// The version-3 key of a version-2 `terms` key of an entity or predicate
// (tag + name, folded or not): folding is idempotent, so folding the old
// key's name again gives the key of the name itself.
std::string RefoldedTermKey(std::string_view old_key) {
  return std::string(1, old_key[0]) + FoldCase(old_key.substr(1));
}

// The version-3 key of a version-2 alias key (folded alias + 0x00 + article
// id).
std::string RefoldedAliasKey(std::string_view old_key) {
  if (old_key.size() < 9 || old_key[old_key.size() - 9] != '\0') return std::string(old_key);
  size_t nul = old_key.size() - 9;
  return FoldCase(old_key.substr(0, nul)) + std::string(old_key.substr(nul));
}

}  // namespace

// Both passes commit in batches and write version 3 last: a crash part-way
// leaves a version-2 database that the next writer upgrades again, and every
// step is idempotent (converted money is no longer kMoneyDouble; a folded key
// folds to itself). The term counts are recomputed in the final batch for
// the same reason.
Status Store::UpgradeToV3() {
  std::lock_guard<std::mutex> lock(write_mu_);
  rocksdb::WriteBatch b;
  std::unordered_set<std::string> batch_keys;  // new keys written by `b`
  auto flush = [&](bool force) -> Status {
    if (b.Count() == 0 || (!force && b.Count() < kBatchEntries)) return Status::OK();
    KG_RETURN_IF_ERROR(Write(&b));
    b.Clear();
    batch_keys.clear();
    return Status::OK();
  };
  // Moves a key to its new spelling unless that key exists already: then two
  // version-2 terms fold to one key, and the second keeps its old key, so
  // the column family still holds an entry per id (the open-time
  // verification counts them) and the first spelling wins lookups.
  auto move_key = [&](Cf c, std::string_view old_key, const std::string& new_key,
                      rocksdb::Slice value) -> Status {
    if (new_key == old_key) return Status::OK();
    std::string existing;
    if (batch_keys.count(new_key) > 0 || Get(c, new_key, &existing).code() != Status::Code::kNotFound)
      return Status::OK();
    batch_keys.insert(new_key);
    b.Delete(cf(c), ToSlice(old_key));
    b.Put(cf(c), new_key, value);
    return flush(false);
  };
  rocksdb::ReadOptions ro;
  ro.fill_cache = false;
  uint64_t money_terms = 0;
  {  // Money: the dictionary entry and its lookup key.
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
      KG_RETURN_IF_ERROR(move_key(Cf::kTerms, old_key, new_key, it->key()));
      ++money_terms;
      KG_RETURN_IF_ERROR(flush(false));
    }
    KG_RETURN_IF_ERROR(FromRocks(it->status(), "upgrade: scan dict"));
  }
  // Entity and predicate lookup keys (tags 1 and 2 sort first in `terms`).
  KG_RETURN_IF_ERROR(flush(true));
  {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kTerms)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::string_view key(it->key().data(), it->key().size());
      if (key.empty()) continue;
      auto tag = static_cast<TermTag>(key[0]);
      if (tag != TermTag::kEntity && tag != TermTag::kPredicate) break;
      KG_RETURN_IF_ERROR(move_key(Cf::kTerms, key, RefoldedTermKey(key), it->value()));
    }
    KG_RETURN_IF_ERROR(FromRocks(it->status(), "upgrade: scan terms"));
  }
  {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kAlias)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      std::string_view key(it->key().data(), it->key().size());
      KG_RETURN_IF_ERROR(move_key(Cf::kAlias, key, RefoldedAliasKey(key), it->value()));
    }
    KG_RETURN_IF_ERROR(FromRocks(it->status(), "upgrade: scan alias"));
  }
  KG_RETURN_IF_ERROR(flush(true));
  b.Delete(cf(Cf::kMeta), codec::MetaTermCountKey(TermTag::kMoneyDouble));
  if (money_terms > 0)
    b.Put(cf(Cf::kMeta), codec::MetaTermCountKey(TermTag::kMoney), CountValue(money_terms));
  PutFormatVersion(&b, 3);
  KG_RETURN_IF_ERROR(flush(true));
  term_counts_[static_cast<int>(TermTag::kMoneyDouble)] = 0;
  term_counts_[static_cast<int>(TermTag::kMoney)] = money_terms;
  format_version_ = 3;
  return Status::OK();
}

// The inverse, for tests: exact money terms written back as doubles and
// predicate lookup keys unfolded (the predicate as written), as a version-2
// kg stored them. Entity and alias keys keep the Unicode fold, which agrees
// with version 2's on ASCII and Latin-1 names.
Status Store::DowngradeToV2ForTesting() {
  if (read_only_) return Status::NotSupported("the database is open read-only");
  KG_RETURN_IF_ERROR(SplitDictionaryForTesting());
  std::lock_guard<std::mutex> lock(write_mu_);
  rocksdb::WriteBatch b;
  uint64_t money_terms = 0;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf(Cf::kDict)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    rocksdb::Slice enc = it->value();
    if (enc.empty()) continue;
    std::string_view term(enc.data(), enc.size());
    KG_ASSIGN_OR_RETURN(Value value, codec::DecodeTerm(term));
    KG_ASSIGN_OR_RETURN(std::string key, codec::TermLookupKey(value));
    if (static_cast<TermTag>(enc[0]) == TermTag::kPredicate) {
      b.Delete(cf(Cf::kTerms), key);
      b.Put(cf(Cf::kTerms), ToSlice(term), it->key());
    }
    if (static_cast<TermTag>(enc[0]) != TermTag::kMoney) continue;
    std::string old_key = codec::LegacyMoneyLookupKey(value);
    b.Put(cf(Cf::kDict), it->key(), old_key);
    b.Delete(cf(Cf::kTerms), key);
    b.Put(cf(Cf::kTerms), old_key, it->key());
    ++money_terms;
  }
  KG_RETURN_IF_ERROR(FromRocks(it->status(), "downgrade: scan dict"));
  b.Delete(cf(Cf::kMeta), codec::MetaTermCountKey(TermTag::kMoney));
  if (money_terms > 0) {
    b.Put(cf(Cf::kMeta), codec::MetaTermCountKey(TermTag::kMoneyDouble), CountValue(money_terms));
  }
  PutFormatVersion(&b, 2);
  KG_RETURN_IF_ERROR(Write(&b));
  term_counts_[static_cast<int>(TermTag::kMoney)] = 0;
  term_counts_[static_cast<int>(TermTag::kMoneyDouble)] = money_terms;
  format_version_ = 2;
  return Status::OK();
}

}  // namespace kg::storage
