// storage::Store: what a store keeps in memory between queries while its
// data does not change — whole-predicate pair tables, one key's list of
// others, kept scans.
#include <rocksdb/db.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "storage/key_codec.h"
#include "storage/radix_sort.h"
#include "storage/rocks_status.h"
#include "storage/store.h"
#include "storage/store_internal.h"

namespace kg::storage {

Result<std::shared_ptr<const PairTable>> Store::Pairs(TermId p, bool by_object, bool include_hedged) const {
  if (p == kNoTerm) return Status::InvalidArgument("Pairs needs a predicate");
  const uint64_t key = p * 4 + (by_object ? 2 : 0) + (include_hedged ? 1 : 0);
  const DataVersion version = CurrentDataVersion();
  const std::pair<uint64_t, uint64_t> v{version.sequence, version.super_version};
  {
    std::lock_guard lock(pair_mu_);
    if (pair_version_ != v) {
      // A change the writer did not describe (bulk import, a reader's
      // catch-up, a compaction): tables of an older version are all dropped.
      pair_cache_.clear();
      pair_version_ = v;
    }
    auto it = pair_cache_.find(key);
    if (it != pair_cache_.end()) {
      it->second.last_use = ++pair_clock_;
      return it->second.table;
    }
  }
  // Built outside the lock: concurrent queries may build the same table
  // twice, which costs time but not correctness.
  std::vector<std::pair<TermId, TermId>> pairs;
  bool hedged_left_out = false;
  std::string prefix;
  codec::PutU64(&prefix, p);
  // POS keys are p(8) o(8) s(8): ids straight from the key bytes, in (o, s)
  // order, which PairTable keeps within a key.
  Status st = ForEachPrefix(
      db_, cf(Cf::kPos), prefix,
      [&](std::string_view k, std::string_view val) {
        if (k.size() < 24) return Status::Corruption("malformed index key");
        if (!include_hedged && !val.empty() && (static_cast<uint8_t>(val[0]) & kTripleHedged) != 0) {
          hedged_left_out = true;
          return Status::OK();
        }
        const TermId o = codec::GetU64(k.data() + 8), s = codec::GetU64(k.data() + 16);
        pairs.emplace_back(by_object ? o : s, by_object ? s : o);
        return Status::OK();
      },
      /*fill_cache=*/false);  // the table is what is kept: each block's memory is reused
  KG_RETURN_IF_ERROR(st);
  if (pairs.size() >= (uint64_t{1} << 32))
    return Status::InvalidArgument("predicate too large for a pair table");
  // Keyed by subject, the pairs come in (other, key) order, so the others of
  // a key ascend: a stable sort by key groups them as Build would, by radix
  // passes (its scratch copy is 16 bytes a pair of fresh memory, which the
  // reading commands' huge-page heap serves in a few faults).
  if (!by_object) StableSortByKey(&pairs);
  std::shared_ptr<const PairTable> table = PairTable::Build(std::move(pairs), hedged_left_out);
  std::lock_guard lock(pair_mu_);
  if (pair_version_ != v || table->bytes() > kPairCacheBytes) return table;
  size_t used = table->bytes();
  for (const auto& [k, e] : pair_cache_) used += e.table->bytes();
  while (used > kPairCacheBytes && !pair_cache_.empty()) {
    auto oldest = pair_cache_.begin();
    for (auto it = pair_cache_.begin(); it != pair_cache_.end(); ++it) {
      if (it->second.last_use < oldest->second.last_use) oldest = it;
    }
    used -= oldest->second.table->bytes();
    pair_cache_.erase(oldest);
  }
  pair_cache_[key] = CachedPairs{table, ++pair_clock_};
  return table;
}

std::shared_ptr<const PairTable> Store::HotPairs(TermId p, bool by_object, bool include_hedged) const {
  if (p == kNoTerm) return nullptr;
  const uint64_t key = p * 4 + (by_object ? 2 : 0) + (include_hedged ? 1 : 0);
  const DataVersion version = CurrentDataVersion();
  {
    std::lock_guard lock(pair_mu_);
    if (pair_version_ == std::make_pair(version.sequence, version.super_version)) {
      auto it = pair_cache_.find(key);
      if (it != pair_cache_.end()) {
        it->second.last_use = ++pair_clock_;
        return it->second.table;
      }
    }
    if (++pair_asks_[key] < 2) return nullptr;
  }
  // About 28 bytes a pair (others, keys, offsets, slots): stay in budget.
  if (PredicateStats(p).triples * 28 > kPairCacheBytes) return nullptr;
  auto table = Pairs(p, by_object, include_hedged);
  return table.ok() ? std::move(table).value() : nullptr;
}

std::shared_ptr<const KeyOthers> Store::KeptKeyOthers(TermId p, bool by_object, bool include_hedged,
                                                      TermId key) const {
  const DataVersion v = CurrentDataVersion();
  return key_others_.Find({v.sequence, v.super_version}, p, by_object, include_hedged, key);
}

std::shared_ptr<const std::vector<IdTriple>> Store::KeptScan(TermId s, TermId p, TermId o,
                                                             bool* collect) const {
  const DataVersion v = CurrentDataVersion();
  return kept_scans_.Find({v.sequence, v.super_version}, s, p, o, collect);
}

void Store::KeepScan(TermId s, TermId p, TermId o, std::shared_ptr<const std::vector<IdTriple>> found) const {
  const DataVersion v = CurrentDataVersion();
  kept_scans_.Keep({v.sequence, v.super_version}, s, p, o, std::move(found));
}

void Store::KeepKeyOthers(TermId p, bool by_object, bool include_hedged, TermId key,
                          std::shared_ptr<const KeyOthers> found) const {
  const DataVersion v = CurrentDataVersion();
  key_others_.Keep({v.sequence, v.super_version}, p, by_object, include_hedged, key, std::move(found));
}

}  // namespace kg::storage
