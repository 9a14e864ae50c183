// Store: kg's triple store on RocksDB (layout in storage/FORMAT.md).
//
// A Store is opened either as the single writer (OpenMode::kReadWrite) or as
// a reader (OpenMode::kReader, a RocksDB secondary instance that catches up
// with the writer on Refresh()). It implements TripleSource for the query
// engine and adds the write operations: AddArticle / DeleteArticle (one
// atomic WriteBatch each) and bulk import (storage/bulk_import.h).
//
// Thread-safety: all const methods are safe to call from several threads at
// once. Write methods are serialized internally by a mutex; a BulkImporter
// holds that mutex for its whole life (AddArticle from another thread waits).
#ifndef KG_STORAGE_STORE_H_
#define KG_STORAGE_STORE_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "kg/article.h"
#include "kg/options.h"
#include "kg/result.h"
#include "kg/status.h"
#include "storage/dir_watch.h"
#include "storage/kept_scans.h"
#include "storage/term_cache.h"
#include "storage/triple_source.h"

namespace rocksdb {
class DB;
class ColumnFamilyHandle;
class Cache;
class WriteBatch;
}  // namespace rocksdb

namespace kg::storage {

namespace codec {
struct ArticleRecord;
}  // namespace codec

class BulkImporter;

// The on-disk format version this build writes and the newest it reads.
// Version 2 added the `counts` column family; a writer upgrades a version-1
// database in place when it opens it (readers of version 1 count by scanning).
// Version 3 stores money exactly; a writer converts the money terms of an
// older database when it opens it (readers decode both encodings).
// Version 4 stores entity types under `is_a`, the predicate of classes, not
// `type`; a writer moves the `type` triples of an older database when it
// opens it (storage/upgrade_v4.cc).
// Version 5 keeps the dictionary in groups of 64 consecutive ids, one entry
// each; a writer regroups an older dictionary when it opens it
// (storage/upgrade_v5.cc; readers read either layout, and a mix of both).
inline constexpr uint32_t kFormatVersion = 5;

// The predicate under which EntityData::type is stored: (entity, is_a, Type).
// Classes the loader reads from text ("chip giant") use it too, with a
// string object; types are entities.
inline constexpr std::string_view kTypePredicate = "is_a";
// Where versions 1-3 stored EntityData::type; version 4 has no triple of it.
inline constexpr std::string_view kLegacyTypePredicate = "type";

// Column families, one per role (names in FORMAT.md).
enum class Cf : int {
  kDefault = 0,  // unused (RocksDB requires it)
  kDict,         // id → term
  kTerms,        // term lookup key → id
  kAlias,        // folded alias + 0 + article → entity id + alias
  kSpo,
  kPos,
  kOsp,
  kProv,         // spo + article + sentence → span, confidence, hedged
  kArticles,     // article name → registry record
  kArticleData,  // article id + kind + index → sentences, triple chunks, raw facts, entities
  kIri,          // term id → IRI
  kStats,        // predicate id (0 = all) → triples, distinct s, distinct o
  kMeta,         // format version, next id, term counts
  kCounts,       // predicate + role + key id → triples, hedged (per-key counts)
  kCount,
};

class Store : public TripleSource {
 public:
  // Opens the database at `path` (the rules are in storage/FORMAT.md,
  // "Opening"). A writer with options.create_if_missing creates a database
  // where there is none (or an empty directory, or the remains of an
  // interrupted creation) atomically; the parent directory must exist.
  // Every open verifies what it opened (VerifyOnOpen).
  // Errors: Busy "database is in use by another writer …" when another
  // writer holds it (kReadWrite); NotFound when there is no database and
  // !create_if_missing or mode is kReader, or when the parent directory of a
  // new database is missing; InvalidArgument "'<path>' is not a kg database"
  // for another kind of directory or a file; NotSupported for a format version
  // this build does not read (newer, or 0) and for a writer on a directory it
  // may not write; Corruption "database damaged: …" when a check fails;
  // IOError otherwise (e.g. "not enough free space …"). Statuses carry a hint
  // saying what to do.
  // Without options (tests, benchmarks) a writer creates; the public
  // DB::Open creates only when asked (kg::Options::create_if_missing).
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const Options& options = Creating());
  static Options Creating() {
    Options o;
    o.create_if_missing = true;
    return o;
  }

  ~Store() override;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // A writer whose write-ahead log holds this much or more flushes it to
  // table files when it closes (readers replay the log when they open).
  static constexpr uint64_t kFlushAtCloseLogBytes = uint64_t{512} << 10;

  bool read_only() const { return read_only_; }
  const std::string& path() const { return path_; }

  // Whether a process that exits next may skip destroying this store:
  // true for a reader (its close leaves nothing behind), false for a writer
  // (its close flushes; see kFlushAtCloseLogBytes).
  bool MayExitWithoutClose() const { return read_only_; }

  // Stores the article as one WriteBatch (see kg::DB::AddArticle for the
  // contract: kUnchanged for identical content, AlreadyExists "… use
  // --replace …" for different content without options.replace,
  // InvalidArgument for a malformed article). Entities are matched by
  // canonical name case-insensitively, then by alias. NotSupported on a reader.
  Result<LoadReport> AddArticle(const ArticleData& article, const WriteOptions& options = {});

  // Removes the article and exactly the triples only it asserted, in one
  // WriteBatch. NotFound if there is no such article.
  Status DeleteArticle(std::string_view name);

  // Readers: catch up with the writer's committed data. No-op for the writer.
  Status Refresh();

  // The registry, in name order.
  Result<std::vector<ArticleInfo>> Articles() const;
  Result<ArticleInfo> GetArticleInfo(std::string_view name) const;
  // What the article stored besides its triples.
  Status GetRawFacts(TermId article, std::vector<RawFact>* out) const;
  Status GetArticleEntities(TermId article, std::vector<EntityData>* out) const;
  Status GetSentences(TermId article, std::vector<std::string>* out) const;

  // Number of dictionary terms of a kind (codec::TermTag value 1..9).
  uint64_t TermCount(int tag) const;
  // Live SST + WAL bytes.
  uint64_t DiskBytes() const;
  uint32_t format_version() const { return format_version_; }

  // Flushes memtables and compacts every column family (benchmarks, export).
  Status Compact();

  // The cheap checks every open runs: every file the MANIFEST names exists
  // with its recorded size, and each triple index holds at least as many
  // entries as the statistics count triples. Corruption "database damaged:
  // …" naming the file or index otherwise. A reader that finds a fault
  // catches up with the writer and looks again (a few times, ~300 ms in
  // all) before reporting it: a writer's flush or compaction can leave a
  // reader's view inconsistent for a moment.
  Status VerifyOnOpen();
  // VerifyOnOpen plus RocksDB's checksum of every block of every table file
  // (reads the whole database). Corruption naming the file otherwise.
  // `files` and `bytes` receive what was verified.
  Status VerifyFiles(uint64_t* files, uint64_t* bytes);

  // Writes another format version into the metadata (tests of the version check).
  Status SetFormatVersionForTesting(uint32_t version);
  // Turns the database into a version-1 one (tests of the upgrade), writers
  // only. drop_column_family: as written by a version-1 kg (no `counts`
  // column family); the store must then be closed without further use.
  // Otherwise as left by an interrupted upgrade: version 1, the counts kept
  // and one stray entry added.
  Status DowngradeToV1ForTesting(bool drop_column_family);
  // Writes every money term back in the version-2 encoding (a double amount)
  // and records version 2 (tests of the 2 → 3 upgrade), writers only.
  Status DowngradeToV2ForTesting();
  // Rewrites the dictionary as versions 1-4 kept it (one entry per id) and
  // sets format version 4 (storage/upgrade_v5.cc).
  Status SplitDictionaryForTesting();
  // Tests of an interrupted 3 → 4 upgrade: when set, a writer's open stops
  // the upgrade with Status::Cancelled after moving the types of this many
  // articles, as if killed there. Default: no limit.
  static inline size_t upgrade_v4_article_limit_for_testing = SIZE_MAX;
  // Tests of an interrupted 4 → 5 upgrade: the same, after regrouping this
  // many dictionary groups. Default: no limit.
  static inline size_t upgrade_v5_group_limit_for_testing = SIZE_MAX;
  // Calls fn for every entry of the `counts` column family, in key order
  // (consistency checks). Corruption for a malformed entry.
  Status ForEachKeyCountForTesting(const std::function<void(TermId p, bool by_object, TermId key,
                                                            uint64_t triples, uint64_t hedged)>& fn) const;
  // Bytes held by the block cache (tests of what PrefetchTerms keeps).
  uint64_t BlockCacheUsageForTesting() const;

  // The content hash AddArticle records for an article whose text is `text`
  // (lets callers skip extraction when the text is already stored).
  static std::string HashText(std::string_view text);

  // Resolves an entity name as lookups do (canonical name, then alias) and
  // returns its canonical name.
  std::optional<std::string> ResolveEntityName(std::string_view surface) const;

  // Predicate synonyms: when a name is not a stored predicate, FindPredicate
  // tries the candidates `fallback` returns for it, in order (the library
  // passes the loader's vocabulary, so "invest" finds invests_in). Set once,
  // right after Open and before concurrent use. Default: no fallback.
  using PredicateFallback = std::function<std::vector<std::string>(std::string_view)>;
  void SetPredicateFallback(PredicateFallback fallback) { predicate_fallback_ = std::move(fallback); }

  // TripleSource.
  TermId FindEntity(std::string_view name) const override;
  TermId FindPredicate(std::string_view name) const override;
  TermId FindLiteral(const Value& literal) const override;
  TermId FindArticle(std::string_view name) const override;
  Result<Value> GetTerm(TermId id) const override;
  std::string GetIri(TermId id) const override;
  std::unique_ptr<TripleCursor> Scan(TermId s, TermId p, TermId o) const override;
  // Re-seeks the RocksDB iterator of `cursor` when it scans the same index
  // (a new iterator costs more than the seek itself).
  std::unique_ptr<TripleCursor> Rescan(std::unique_ptr<TripleCursor> cursor, TermId s, TermId p,
                                       TermId o) const override;
  Status GetProvenance(const IdTriple& t, std::vector<Provenance>* out) const override;
  Result<std::string> GetSentence(TermId article, uint32_t index) const override;
  Status ArticleTriples(TermId article, std::vector<IdTriple>* out) const override;
  std::vector<TermId> AllArticles() const override;
  Result<ArticleInfo> ArticleInfoOf(TermId article) const override;
  TermStats PredicateStats(TermId p) const override;
  std::vector<std::string> EntityNames(std::string_view prefix, size_t limit) const override;
  std::vector<std::string> PredicateNames() const override;
  // Lock-free once decoded: the store keeps every decoded term.
  const Value* StableTerm(TermId id) const override;
  const Value* CachedTerm(TermId id) const override { return term_cache_.Find(id); }
  // Decodes the ids not yet cached with one dictionary iterator, in id order.
  void PrefetchTerms(std::vector<TermId>* ids) const override;
  // Built from one POS scan, then shared while the data does not change.
  Result<std::shared_ptr<const PairTable>> Pairs(TermId p, bool by_object,
                                                 bool include_hedged) const override;
  // A cached table, or a new one once the same (p, direction) has been asked
  // for by a second query of this Store's life (a one-shot query never pays
  // for building a table it cannot reuse), within the cache budget.
  std::shared_ptr<const PairTable> HotPairs(TermId p, bool by_object, bool include_hedged) const override;
  std::shared_ptr<const std::vector<IdTriple>> KeptScan(TermId s, TermId p, TermId o,
                                                        bool* collect) const override;
  void KeepScan(TermId s, TermId p, TermId o,
                std::shared_ptr<const std::vector<IdTriple>> found) const override;
  // Kept while the data version is unchanged (KeyOthersCache).
  std::shared_ptr<const KeyOthers> KeptKeyOthers(TermId p, bool by_object, bool include_hedged,
                                                 TermId key) const override;
  void KeepKeyOthers(TermId p, bool by_object, bool include_hedged, TermId key,
                     std::shared_ptr<const KeyOthers> found) const override;
  // One prefix scan of the `counts` column family (format version 2; a
  // reader of a version-1 database scans the POS index instead), then served
  // from memory until the data changes (any write, bulk import, compaction or
  // reader refresh).
  Status CountByKey(TermId p, bool by_object, bool include_hedged,
                    std::vector<std::pair<TermId, uint64_t>>* out) const override;
  // One point lookup in the `counts` column family (a version-1 reader scans).
  Result<uint64_t> CountKey(TermId p, bool by_object, TermId key, bool include_hedged) const override;
  // One prefix scan of the `counts` column family, by the side with fewer
  // keys (a version-1 reader scans the POS index).
  Status CountPredicate(TermId p, uint64_t* triples, uint64_t* hedged) const override;

 private:
  PredicateFallback predicate_fallback_;
  friend class BulkImporter;
  class Batch;    // the state of one write (pending terms, counters)
  class Scanner;  // prefix scans reusing one iterator per column family
  using Tri = std::array<TermId, 3>;

  Store() = default;
  static Result<std::unique_ptr<Store>> OpenExisting(const std::string& path, const Options& options,
                                                     std::shared_ptr<rocksdb::Cache> cache);
  // One look at everything VerifyOnOpen checks.
  Status VerifyOnce();
  Status VerifyLiveFiles() const;
  // A reader's check of the table files the MANIFEST names (its own view
  // leaves out missing ones).
  Status VerifyReaderFiles();
  Status VerifyCounts() const;
  rocksdb::ColumnFamilyHandle* cf(Cf c) const { return handles_[static_cast<int>(c)]; }
  Status Get(Cf c, std::string_view key, std::string* value) const;  // NotFound if absent
  TermId LookupId(std::string_view term_key) const;
  TermId LookupAlias(std::string_view folded) const;
  // The encoding of term `id` from `dict`, in either layout (one entry per
  // id, versions 1-4, or groups of 64, version 5, or a mix of both while an
  // upgrade runs): NotFound when there is none.
  Status GetTermEncoding(TermId id, std::string* encoding) const;
  // The stored encodings of the ids first .. first + 63 (first a multiple
  // of 64), by id - first, from their group entry and from the entries of
  // one id each that are left of versions 1-4; `separate` (may be null)
  // receives the keys of the latter other than `first`'s own, which a
  // group written back replaces and the others must be deleted.
  Status ReadDictGroup(TermId first, std::map<uint32_t, std::string>* terms,
                       std::vector<std::string>* separate) const;
  // Writes new dictionary entries (`terms`: ascending ids, each not stored
  // yet) as groups: each group they touch is read, completed and passed to
  // `put` whole; the keys of what was stored of it in one entry per id go to
  // `del` (null: Corruption if there are any). `terms` is left empty.
  Status WriteDictGroups(std::vector<std::pair<TermId, std::string_view>>* terms,
                         const std::function<Status(std::string_view key, std::string_view value)>& put,
                         const std::function<void(std::string_view key)>& del) const;
  Status LoadMeta();
  // Applies the change of article `article`'s assertions from `old_triples`
  // to `added` (triple → its provenances in this article) to the indexes,
  // provenance and statistics, reading the committed state.
  // A change of one triple for the per-key counts: +1/-1 triples, +1/-1 hedged.
  struct CountDelta {
    TermId s, p, o;
    int8_t triples, hedged;
  };
  // `changes` receives every triple whose presence or hedged flag changes
  // (for Write to patch cached pair tables).
  Status ApplyChange(rocksdb::WriteBatch* b, TermId article, const std::vector<Tri>& old_triples,
                     const std::vector<std::pair<Tri, std::vector<Provenance>>>& added,
                     std::vector<CountDelta>* changes);
  Status UpdateStats(rocksdb::WriteBatch* b, Scanner* scan, const std::vector<Tri>& plus,
                     const std::vector<Tri>& minus);
  // Adds the per-key count changes of `deltas` to the batch (read-modify-write
  // of the committed `counts` entries).
  Status UpdateCounts(rocksdb::WriteBatch* b, Scanner* scan, std::vector<CountDelta>* deltas);
  // Format version 1 → 2: builds the `counts` column family from the indexes.
  Status UpgradeToV2();
  Status UpgradeToV3();  // storage/upgrade_v3.cc
  Status UpgradeToV4();  // storage/upgrade_v4.cc
  Status UpgradeToV5();  // storage/upgrade_v5.cc
  // Adds the write of format version `version` to `b` (the last step of
  // every upgrade, in the batch that completes it).
  void PutFormatVersion(rocksdb::WriteBatch* b, uint32_t version) const;
  // The id of predicate `name`, created (dict, terms, next_id, term count)
  // in a write of its own when it is new. Requires write_mu_.
  Result<TermId> EnsurePredicate(std::string_view name);
  Status ScanCountByKey(TermId p, bool by_object, bool include_hedged,
                        std::vector<std::pair<TermId, uint64_t>>* out) const;
  Status RemoveArticleData(rocksdb::WriteBatch* b, TermId article, std::vector<Tri>* old_triples);
  // Commits the batch. `changes` (from ApplyChange): the triple changes it
  // holds, so cached pair tables are patched and carried to the new data
  // version; null for batches that change no triples.
  Status Write(rocksdb::WriteBatch* b, const std::vector<CountDelta>* changes = nullptr);
  // Writers, at close: when the write-ahead log holds kFlushAtCloseLogBytes
  // or more, writes what the memtables hold to table files, so readers
  // opening later have no log to replay (FORMAT.md, "Readers"). Best effort:
  // skipped after a failed write or when the disk lacks room, leaving the
  // data in the log.
  void FlushForReaders();
  Status DeleteArticleLocked(std::string_view name);  // requires write_mu_
  // The registry entry of the article `name` (NotFound: "no article named …").
  Result<codec::ArticleRecord> GetArticleRecord(std::string_view name) const;

  std::string path_;
  std::mutex refresh_mu_;
  std::string refresh_signature_;  // PrimarySignature() at the last catch-up
  // A reader's watch of the database directory: while it saw nothing, the
  // signature is not taken again. Guarded by refresh_mu_.
  std::unique_ptr<DirWatch> refresh_watch_;
  bool refresh_failed_ = false;  // the last catch-up failed; guarded by refresh_mu_
  bool read_only_ = false;
  uint32_t format_version_ = kFormatVersion;
  rocksdb::DB* db_ = nullptr;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  std::shared_ptr<rocksdb::Cache> cache_;

  // Decoded dictionary terms (read lock-free by queries): a point lookup in
  // the block cache costs microseconds, a cached term a few nanoseconds.
  mutable TermCache term_cache_;
  // The id range of the last PrefetchTerms batch (whether the next one
  // re-reads its blocks); racing queries only blur the guess.
  mutable std::atomic<TermId> last_prefetch_lo_{0}, last_prefetch_hi_{0};

  // Pair tables (TripleSource::Pairs) kept while the data version is
  // unchanged, least recently used dropped beyond kPairCacheBytes.
  static constexpr size_t kPairCacheBytes = size_t{256} << 20;
  struct CachedPairs {
    std::shared_ptr<const PairTable> table;
    uint64_t last_use = 0;
  };
  mutable std::mutex pair_mu_;
  mutable std::pair<uint64_t, uint64_t> pair_version_{};          // DataVersion of the tables
  mutable std::unordered_map<uint64_t, CachedPairs> pair_cache_;  // key: p * 4 + flags
  mutable uint64_t pair_clock_ = 0;
  mutable std::unordered_map<uint64_t, uint32_t> pair_asks_;  // HotPairs calls per key
  // Constant-key lookups of the current data version.
  mutable KeyOthersCache key_others_;
  // Whole scans with constant ends of the current data version.
  mutable KeptScans kept_scans_;

  // CountByKey results with the data version they were computed at.
  struct DataVersion {
    uint64_t sequence = 0;
    uint64_t super_version = 0;
    bool operator==(const DataVersion&) const = default;
  };
  DataVersion CurrentDataVersion() const;
  void CarryPairTables(const DataVersion& before, const std::vector<CountDelta>& changes);
  struct KeyCounts {
    DataVersion version;
    std::vector<std::pair<TermId, uint64_t>> counts;
  };
  mutable std::mutex count_mu_;
  mutable std::unordered_map<uint64_t, KeyCounts> count_cache_;  // key: p * 4 + flags

  // Writer state, guarded by write_mu_.
  std::mutex write_mu_;
  // The first failed write: after it kg writes nothing more through this
  // Store (RocksDB 7.8 aborts on a WAL append after a failed one); the next
  // open recovers what was committed.
  Status write_error_;
  TermId next_id_ = 1;
  std::array<uint64_t, 11> term_counts_{};  // by TermTag (codec::kNumTermTags)
};

}  // namespace kg::storage

#endif  // KG_STORAGE_STORE_H_
