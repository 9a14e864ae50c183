// storage::Store: per-predicate statistics and exact per-key counts (the
// `counts` column family; a version-1 reader counts by scanning `pos`).
#include <rocksdb/db.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "storage/key_codec.h"
#include "storage/rocks_status.h"
#include "storage/store.h"
#include "storage/store_internal.h"

namespace kg::storage {

TermStats Store::PredicateStats(TermId p) const {
  std::string v;
  if (!Get(Cf::kStats, codec::IdKey(p), &v).ok()) return {};
  return codec::DecodeStats(v);
}

Status Store::CountByKey(TermId p, bool by_object, bool include_hedged,
                         std::vector<std::pair<TermId, uint64_t>>* out) const {
  out->clear();
  if (p == kNoTerm) return Status::InvalidArgument("CountByKey needs a predicate");
  const uint64_t key = p * 4 + (by_object ? 2 : 0) + (include_hedged ? 1 : 0);
  const DataVersion version = CurrentDataVersion();
  {
    std::lock_guard lock(count_mu_);
    auto it = count_cache_.find(key);
    if (it != count_cache_.end() && it->second.version == version) {
      *out = it->second.counts;
      return Status::OK();
    }
  }
  Status st;
  if (format_version_ >= 2) {
    st = ForEachPrefix(db_, cf(Cf::kCounts), codec::CountsPrefix(p, by_object),
                       [&](std::string_view k, std::string_view v) {
                         if (k.size() != codec::kCountsKeySize)
                           return Status::Corruption("malformed counts key");
                         KG_ASSIGN_OR_RETURN(codec::KeyCount c, codec::DecodeKeyCount(v));
                         uint64_t n = include_hedged ? c.triples : c.triples - c.hedged;
                         if (n > 0) out->emplace_back(codec::GetU64(k.data() + 9), n);
                         return Status::OK();
                       });
  } else {
    st = ScanCountByKey(p, by_object, include_hedged, out);
  }
  if (!st.ok()) {
    out->clear();
    return st;
  }
  std::lock_guard lock(count_mu_);
  // Entries of older versions are useless: drop them all when any is stale.
  for (auto it = count_cache_.begin(); it != count_cache_.end();) {
    it = it->second.version == version ? std::next(it) : count_cache_.erase(it);
  }
  count_cache_[key] = KeyCounts{version, *out};
  return Status::OK();
}

Status Store::CountPredicate(TermId p, uint64_t* triples, uint64_t* hedged) const {
  if (format_version_ < 2 || p == kNoTerm) return TripleSource::CountPredicate(p, triples, hedged);
  *triples = *hedged = 0;
  const TermStats stats = PredicateStats(p);
  const bool by_object = stats.distinct_objects <= stats.distinct_subjects;
  return ForEachPrefix(db_, cf(Cf::kCounts), codec::CountsPrefix(p, by_object),
                       [&](std::string_view k, std::string_view v) {
                         if (k.size() != codec::kCountsKeySize)
                           return Status::Corruption("malformed counts key");
                         KG_ASSIGN_OR_RETURN(codec::KeyCount c, codec::DecodeKeyCount(v));
                         *triples += c.triples;
                         *hedged += c.hedged;
                         return Status::OK();
                       });
}

uint64_t Store::BlockCacheUsageForTesting() const {
  uint64_t bytes = 0;
  db_->GetIntProperty(cf(Cf::kDict), rocksdb::DB::Properties::kBlockCacheUsage, &bytes);
  return bytes;
}

Status Store::ForEachKeyCountForTesting(
    const std::function<void(TermId p, bool by_object, TermId key, uint64_t triples, uint64_t hedged)>& fn)
    const {
  if (cf(Cf::kCounts) == nullptr) return Status::OK();
  return ForEachPrefix(db_, cf(Cf::kCounts), "", [&](std::string_view k, std::string_view v) {
    TermId p = kNoTerm, key = kNoTerm;
    bool by_object = false;
    if (!codec::DecodeCountsKey(k, &p, &by_object, &key)) return Status::Corruption("malformed counts key");
    KG_ASSIGN_OR_RETURN(codec::KeyCount c, codec::DecodeKeyCount(v));
    fn(p, by_object, key, c.triples, c.hedged);
    return Status::OK();
  });
}

Result<uint64_t> Store::CountKey(TermId p, bool by_object, TermId key, bool include_hedged) const {
  if (format_version_ < 2) return TripleSource::CountKey(p, by_object, key, include_hedged);
  std::string v;
  Status s = Get(Cf::kCounts, codec::CountsKey(p, by_object, key), &v);
  if (s.code() == Status::Code::kNotFound) return uint64_t{0};
  KG_RETURN_IF_ERROR(s);
  KG_ASSIGN_OR_RETURN(codec::KeyCount c, codec::DecodeKeyCount(v));
  return include_hedged ? c.triples : c.triples - c.hedged;
}

// Version-1 databases (readers): one key-only scan of the POS index.
Status Store::ScanCountByKey(TermId p, bool by_object, bool include_hedged,
                             std::vector<std::pair<TermId, uint64_t>>* out) const {
  // POS keys are p(8) o(8) s(8): read the ids straight from the key bytes.
  std::string prefix;
  codec::PutU64(&prefix, p);
  std::vector<TermId> subjects;
  Status st = ForEachPrefix(db_, cf(Cf::kPos), prefix, [&](std::string_view k, std::string_view v) {
    if (k.size() < 24) return Status::Corruption("malformed index key");
    if (!include_hedged && !v.empty() && (static_cast<uint8_t>(v[0]) & kTripleHedged) != 0)
      return Status::OK();
    if (by_object) {
      TermId o = codec::GetU64(k.data() + 8);
      if (out->empty() || out->back().first != o) out->emplace_back(o, 0);
      ++out->back().second;
    } else {
      subjects.push_back(codec::GetU64(k.data() + 16));
    }
    return Status::OK();
  });
  if (!st.ok()) {
    out->clear();
    return st;
  }
  if (!by_object) {
    std::sort(subjects.begin(), subjects.end());
    for (TermId s : subjects) {
      if (out->empty() || out->back().first != s) out->emplace_back(s, 0);
      ++out->back().second;
    }
  }
  return Status::OK();
}

}  // namespace kg::storage
