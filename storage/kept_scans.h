// KeptScans: the triples of whole index scans whose ends are constants of a
// query (`company_0 -?p-> ?o`: subject bound, predicate and object free),
// kept by a store for one data version so that asking the same scan again
// replays them from memory instead of stepping a storage iterator
// (docs/performance.md, sixth pass). Stepping RocksDB's iterator costs about
// 1,400 instructions a triple even with every block cached; a kept triple is
// read back for a few.
//
// A scan is kept at its second ask in a data version, not its first: a
// one-shot process asks each scan once, and collecting would cost it fresh
// memory it never reads back. Find and Keep are thread-safe; a new version
// empties the cache, and so does going over its byte budget (the next
// queries refill it).
#ifndef KG_STORAGE_KEPT_SCANS_H_
#define KG_STORAGE_KEPT_SCANS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "storage/triple_source.h"

namespace kg::storage {

class KeptScans {
 public:
  using Triples = std::vector<IdTriple>;
  // A scan with more triples is not kept: collecting it would hold memory
  // the query's budget does not see (4 MiB at most).
  static constexpr size_t kMaxTriples = size_t{1} << 17;

  // Default: 32 MiB of triples.
  explicit KeptScans(size_t max_bytes = size_t{32} << 20) : max_bytes_(max_bytes) {}

  // The scan (s, p, o) (kNoTerm: free) kept at `version`, or null; then
  // `*collect` says whether the caller should collect this scan's triples
  // and offer them to Keep (its second ask in this version).
  std::shared_ptr<const Triples> Find(std::pair<uint64_t, uint64_t> version, TermId s, TermId p, TermId o,
                                      bool* collect) {
    std::lock_guard lock(mu_);
    *collect = false;
    Reset(version);
    const Key key{s, p, o};
    if (auto it = kept_.find(key); it != kept_.end()) return it->second;
    // Bounded: a long session of distinct scans forgets its counts.
    if (asks_.size() >= kMaxAsks) asks_.clear();
    uint32_t& asks = asks_[key];
    if (asks != kTooLarge) *collect = ++asks >= 2;
    return nullptr;
  }

  // Keeps the complete scan (s, p, o) made at `version`; null `found`: the
  // scan has more than kMaxTriples, and is not collected again in this
  // version.
  void Keep(std::pair<uint64_t, uint64_t> version, TermId s, TermId p, TermId o,
            std::shared_ptr<const Triples> found) {
    std::lock_guard lock(mu_);
    if (version != version_) return;  // made on data that has changed since
    if (found == nullptr || found->size() > kMaxTriples) {
      asks_[Key{s, p, o}] = kTooLarge;
      return;
    }
    const size_t bytes = found->size() * sizeof(IdTriple) + 64;
    if (bytes > max_bytes_) return;
    if (bytes_ + bytes > max_bytes_) {
      kept_.clear();
      bytes_ = 0;
    }
    auto [it, added] = kept_.emplace(Key{s, p, o}, std::move(found));
    if (added) bytes_ += bytes;
  }

 private:
  static constexpr size_t kMaxAsks = 4096;
  static constexpr uint32_t kTooLarge = UINT32_MAX;
  struct Key {
    TermId s, p, o;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const {
      return static_cast<size_t>((k.s * 0x9E3779B97F4A7C15ull) ^ (k.p * 0xC2B2AE3D27D4EB4Full) ^ k.o);
    }
  };

  // Requires mu_.
  void Reset(std::pair<uint64_t, uint64_t> version) {
    if (version == version_) return;
    kept_.clear();
    asks_.clear();
    bytes_ = 0;
    version_ = version;
  }

  const size_t max_bytes_;
  std::mutex mu_;
  std::pair<uint64_t, uint64_t> version_{};
  std::unordered_map<Key, std::shared_ptr<const Triples>, KeyHash> kept_;
  std::unordered_map<Key, uint32_t, KeyHash> asks_;
  size_t bytes_ = 0;
};

// Replays kept triples as the scan's cursor.
class KeptScanCursor : public TripleCursor {
 public:
  explicit KeptScanCursor(std::shared_ptr<const KeptScans::Triples> triples) : triples_(std::move(triples)) {}
  bool Valid() const override { return at_ < triples_->size(); }
  const IdTriple& Get() const override { return (*triples_)[at_]; }
  void Next() override { ++at_; }
  Status status() const override { return Status::OK(); }

 private:
  std::shared_ptr<const KeptScans::Triples> triples_;
  size_t at_ = 0;
};

}  // namespace kg::storage

#endif  // KG_STORAGE_KEPT_SCANS_H_
