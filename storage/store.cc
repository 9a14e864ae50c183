#include "storage/store.h"

#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <new>
#include <set>
#include <thread>
#include <unordered_map>

#include "api/case_fold.h"
#include "storage/disk_space.h"
#include "storage/key_codec.h"
#include "storage/radix_sort.h"
#include "storage/rocks_status.h"
#include "storage/store_options.h"

namespace kg::storage {

namespace fs = std::filesystem;
using codec::Index;
using codec::TermTag;

namespace {

rocksdb::Slice ToSlice(std::string_view v) { return rocksdb::Slice(v.data(), v.size()); }
std::string_view ToView(const rocksdb::Slice& s) { return std::string_view(s.data(), s.size()); }

Cf CfOfIndex(Index i) { return i == Index::kSpo ? Cf::kSpo : (i == Index::kPos ? Cf::kPos : Cf::kOsp); }

class RocksCursor : public TripleCursor {
 public:
  // `reusable`: no upper bound in the read options (it cannot change after
  // creation); Valid() checks the prefix instead, so Reseek can move the
  // iterator to another prefix of the same index.
  RocksCursor(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* cf, Index index, std::string prefix,
              bool reusable = false)
      : cf_(cf), index_(index), prefix_(std::move(prefix)), reusable_(reusable) {
    rocksdb::ReadOptions ro;
    if (!reusable_) upper_ = codec::PrefixSuccessor(prefix_);
    if (!upper_.empty()) {
      upper_slice_ = rocksdb::Slice(upper_);
      ro.iterate_upper_bound = &upper_slice_;
    }
    it_.reset(db->NewIterator(ro, cf));
    Seek();
  }
  bool Valid() const override { return valid_; }
  const IdTriple& Get() const override { return cur_; }
  void Next() override {
    it_->Next();
    Load();
  }
  Status status() const override { return FromRocks(it_->status(), "scan"); }

  // Moves to another prefix of the same index; false when this cursor
  // cannot (another column family, or created with an upper bound).
  bool Reseek(rocksdb::ColumnFamilyHandle* cf, Index index, std::string prefix) {
    if (!reusable_ || cf != cf_ || !it_->status().ok()) return false;
    index_ = index;
    prefix_ = std::move(prefix);
    Seek();
    return true;
  }

 private:
  void Seek() {
    if (prefix_.empty()) {
      it_->SeekToFirst();
    } else {
      it_->Seek(prefix_);
    }
    Load();
  }
  void Load() {
    valid_ = it_->Valid();
    if (!valid_) return;
    rocksdb::Slice k = it_->key();
    if (reusable_ && !k.starts_with(prefix_)) {
      valid_ = false;
      return;
    }
    cur_ = codec::DecodeTripleKey(index_, ToView(k));
    rocksdb::Slice v = it_->value();
    cur_.flags = v.empty() ? 0 : static_cast<uint8_t>(v[0]);
  }
  rocksdb::ColumnFamilyHandle* cf_;
  Index index_;
  std::string prefix_;
  bool reusable_;
  bool valid_ = false;
  std::string upper_;
  rocksdb::Slice upper_slice_;
  std::unique_ptr<rocksdb::Iterator> it_;
  IdTriple cur_;
};

}  // namespace

// The pending state of one write: terms allocated in it (not yet visible in
// the database) and the term counts to persist with it.
class Store::Batch {
 public:
  Batch(Store* store, rocksdb::WriteBatch* wb) : store_(store), wb_(wb) {}

  // The id of `v`, allocating one (dict + terms entries) if it is new.
  // Entities resolve by canonical name, then alias (committed or pending).
  Result<TermId> GetOrCreate(const Value& v) {
    KG_ASSIGN_OR_RETURN(std::string key, codec::TermLookupKey(v));
    if (auto it = pending_.find(key); it != pending_.end()) return it->second;
    TermId id = store_->LookupId(key);
    if (id != kNoTerm) return id;
    if (v.kind() == ValueKind::kEntity) {
      std::string folded = key.substr(1);
      if (auto it = pending_alias_.find(folded); it != pending_alias_.end()) return it->second;
      id = store_->LookupAlias(folded);
      if (id != kNoTerm) return id;
    }
    KG_ASSIGN_OR_RETURN(std::string enc, codec::EncodeTerm(v));
    id = store_->next_id_ + allocated_;
    ++allocated_;
    wb_->Put(store_->cf(Cf::kTerms), key, codec::IdKey(id));
    pending_dict_.emplace_back(id, std::move(enc));
    pending_.emplace(std::move(key), id);
    ++count_delta_[static_cast<int>(pending_dict_.back().second[0])];
    return id;
  }
  void AddPendingAlias(std::string folded, TermId id) { pending_alias_.emplace(std::move(folded), id); }

  // Adds the new terms' dictionary groups and the metadata updates (next
  // id, term counts) to the batch.
  Status Finish() {
    if (allocated_ == 0) return Status::OK();
    // New ids are the next ones of the counter, so they fill the last group
    // and start new ones (FORMAT.md, "Dictionary").
    std::vector<std::pair<TermId, std::string_view>> views(pending_dict_.begin(), pending_dict_.end());
    KG_RETURN_IF_ERROR(store_->WriteDictGroups(
        &views,
        [&](std::string_view key, std::string_view value) {
          wb_->Put(store_->cf(Cf::kDict), ToSlice(key), ToSlice(value));
          return Status::OK();
        },
        [&](std::string_view key) { wb_->Delete(store_->cf(Cf::kDict), ToSlice(key)); }));
    pending_dict_.clear();
    std::string v;
    codec::PutU64(&v, store_->next_id_ + allocated_);
    wb_->Put(store_->cf(Cf::kMeta), ToSlice(codec::kMetaNextId), v);
    for (int t = 1; t < codec::kNumTermTags; ++t) {
      if (count_delta_[t] == 0) continue;
      std::string c;
      codec::PutU64(&c, store_->term_counts_[t] + count_delta_[t]);
      wb_->Put(store_->cf(Cf::kMeta), codec::MetaTermCountKey(static_cast<TermTag>(t)), c);
    }
    return Status::OK();
  }
  // After a successful write: make the allocation permanent.
  void Commit() {
    store_->next_id_ += allocated_;
    for (int t = 1; t < codec::kNumTermTags; ++t) store_->term_counts_[t] += count_delta_[t];
  }

 private:
  Store* store_;
  rocksdb::WriteBatch* wb_;
  std::unordered_map<std::string, TermId> pending_;
  std::unordered_map<std::string, TermId> pending_alias_;
  std::vector<std::pair<TermId, std::string>> pending_dict_;  // new ids (ascending), their encodings
  uint64_t allocated_ = 0;
  std::array<uint64_t, 11> count_delta_{};  // by TermTag (codec::kNumTermTags)
};

Store::~Store() {
  if (db_ != nullptr) {
    if (!read_only_) FlushForReaders();
    for (auto* h : handles_) {
      if (h != nullptr) db_->DestroyColumnFamilyHandle(h);
    }
    db_->Close();
    delete db_;
  }
}

void Store::FlushForReaders() {
  // Every reader opens by replaying the write-ahead log into memory: a 19 MB
  // log (what a format upgrade of a 12-million-triple database leaves) made
  // each `kg stats` or `kg query` take 2.3 s and 110 MB instead of 0.1 s and
  // 35 MB. Flushing the memtables at close leaves readers no log to replay.
  // A small log (one article writes about 15 KB) costs readers little and a
  // flush costs the writer about 0.1 s and a table file per column family,
  // so logs below kFlushAtCloseLogBytes are left for a later session to
  // flush. Skipped after a failed write (RocksDB must not write again) and
  // without room for the table files; the log then keeps the data, as it
  // would after a crash.
  if (!write_error_.ok()) return;
  rocksdb::VectorLogPtr logs;
  if (!db_->GetSortedWalFiles(logs).ok()) return;
  uint64_t log_bytes = 0;
  for (const auto& log : logs) log_bytes += log->SizeFileBytes();
  if (log_bytes < kFlushAtCloseLogBytes) return;
  uint64_t entries = 0, bytes = 0;
  std::vector<rocksdb::ColumnFamilyHandle*> dirty;
  for (auto* h : handles_) {
    if (h == nullptr) continue;
    uint64_t active = 0, immutable = 0, size = 0;
    (void)db_->GetIntProperty(h, "rocksdb.num-entries-active-mem-table", &active);
    (void)db_->GetIntProperty(h, "rocksdb.num-entries-imm-mem-tables", &immutable);
    (void)db_->GetIntProperty(h, "rocksdb.cur-size-all-mem-tables", &size);
    if (active + immutable == 0) continue;
    dirty.push_back(h);
    entries += active + immutable;
    bytes += size;
  }
  if (entries == 0 || !CheckFreeSpace(path_, bytes, "flushing at close").ok()) return;
  rocksdb::FlushOptions fo;
  fo.wait = true;
  fo.allow_write_stall = true;
  (void)db_->Flush(fo, dirty);
}

Status Store::SetFormatVersionForTesting(uint32_t version) {
  rocksdb::WriteBatch b;
  PutFormatVersion(&b, version);
  return Write(&b);
}

Status Store::DowngradeToV1ForTesting(bool drop_column_family) {
  if (read_only_) return Status::NotSupported("the database is open read-only");
  KG_RETURN_IF_ERROR(SplitDictionaryForTesting());
  std::lock_guard<std::mutex> lock(write_mu_);
  rocksdb::WriteBatch b;
  if (!drop_column_family) {
    b.Put(cf(Cf::kCounts), codec::CountsKey(next_id_ + 1000, false, 1),
          codec::EncodeKeyCount(codec::KeyCount{7, 3}));
  }
  PutFormatVersion(&b, 1);
  KG_RETURN_IF_ERROR(Write(&b));
  format_version_ = 1;
  if (drop_column_family) {
    rocksdb::ColumnFamilyHandle*& h = handles_[static_cast<int>(Cf::kCounts)];
    KG_RETURN_IF_ERROR(FromRocks(db_->DropColumnFamily(h), "drop counts"));
    KG_RETURN_IF_ERROR(FromRocks(db_->DestroyColumnFamilyHandle(h), "drop counts"));
    h = nullptr;
  }
  return Status::OK();
}

// Builds the per-key counts of a version-1 database from its indexes, then
// records version 2. Batches are committed in order and the version goes
// last, so a crash part-way leaves a version-1 database (with some counts,
// which the next upgrade clears first) that upgrades again on the next open.
// Memory stays bounded: both roles are grouped while streaming an index
// sorted by the group (pos by (p, o), spo by (s, p)).
Status Store::UpgradeToV2() {
  std::lock_guard<std::mutex> lock(write_mu_);
  constexpr size_t kBatchEntries = 100000;
  rocksdb::WriteBatch b;
  auto flush = [&](bool force) -> Status {
    if (b.Count() == 0 || (!force && b.Count() < kBatchEntries)) return Status::OK();
    KG_RETURN_IF_ERROR(Write(&b));
    b.Clear();
    return Status::OK();
  };
  {  // Leftovers of an interrupted upgrade.
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf(Cf::kCounts)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      b.Delete(cf(Cf::kCounts), it->key());
      KG_RETURN_IF_ERROR(flush(false));
    }
    KG_RETURN_IF_ERROR(FromRocks(it->status(), "upgrade: scan counts"));
    KG_RETURN_IF_ERROR(flush(true));
  }
  // One pass per role over the index sorted by (p, key) or (key, p): the ids
  // of the group are the first two of the index key.
  for (bool by_object : {true, false}) {
    const Index ix = by_object ? Index::kPos : Index::kSpo;
    rocksdb::ReadOptions ro;
    ro.fill_cache = false;  // a one-off full scan must not evict the working set
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(CfOfIndex(ix))));
    TermId g_a = 0, g_b = 0;
    codec::KeyCount c;
    auto close = [&]() -> Status {
      if (c.triples == 0) return Status::OK();
      // pos groups are (p, o); spo groups are (s, p).
      TermId p = by_object ? g_a : g_b, key = by_object ? g_b : g_a;
      b.Put(cf(Cf::kCounts), codec::CountsKey(p, by_object, key), codec::EncodeKeyCount(c));
      c = codec::KeyCount{};
      return flush(false);
    };
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      rocksdb::Slice k = it->key();
      if (k.size() < 24) return Status::Corruption("upgrade: malformed index key");
      TermId a = codec::GetU64(k.data()), bb = codec::GetU64(k.data() + 8);
      if (c.triples > 0 && (a != g_a || bb != g_b)) KG_RETURN_IF_ERROR(close());
      g_a = a, g_b = bb;
      ++c.triples;
      rocksdb::Slice v = it->value();
      if (!v.empty() && (static_cast<uint8_t>(v[0]) & kTripleHedged) != 0) ++c.hedged;
    }
    KG_RETURN_IF_ERROR(FromRocks(it->status(), "upgrade: scan index"));
    KG_RETURN_IF_ERROR(close());
  }
  KG_RETURN_IF_ERROR(flush(true));
  PutFormatVersion(&b, 2);
  KG_RETURN_IF_ERROR(flush(true));
  format_version_ = 2;
  return Status::OK();
}

Result<TermId> Store::EnsurePredicate(std::string_view name) {
  rocksdb::WriteBatch wb;
  Batch batch(this, &wb);
  KG_ASSIGN_OR_RETURN(TermId id, batch.GetOrCreate(Value::Predicate(std::string(name))));
  KG_RETURN_IF_ERROR(batch.Finish());
  if (wb.Count() > 0) KG_RETURN_IF_ERROR(Write(&wb));
  batch.Commit();
  return id;
}

Status Store::Write(rocksdb::WriteBatch* b, const std::vector<CountDelta>* changes) {
  if (read_only_) return Status::NotSupported("the database is open read-only");
  if (!write_error_.ok()) return write_error_;
  // Refused before RocksDB sees it: a WAL append that fails for lack of
  // space leaves RocksDB 7.8 in a state where the next append aborts.
  // Twice the batch: its WAL record, then its share of a memtable flush.
  KG_RETURN_IF_ERROR(CheckFreeSpace(path_, 2 * b->GetDataSize(), "this write"));
  const DataVersion before = CurrentDataVersion();
  rocksdb::Status rs = db_->Write(rocksdb::WriteOptions(), b);
  if (!rs.ok()) {
    Status s = FromRocks(rs, "cannot write to '" + path_ + "'");
    if (s.code() != Status::Code::kIOError) return s;
    write_error_ =
        Status::IOError(s.message() + " (kg stops writing to this database until it is opened again)")
            .WithHint(rs.IsNoSpace() ? "free some space on that file system and run the command again; what "
                                       "was stored before is intact"
                                     : "fix the I/O problem and run the command again; what was stored "
                                       "before is intact");
    return write_error_;
  }
  if (changes != nullptr) CarryPairTables(before, *changes);
  return Status::OK();
}

// Loading an article touches a few predicates: the cached tables of the
// others are still exact and move to the new data version as they are; the
// tables of touched predicates are patched with the batch's changes (linear
// in the table, against a full index scan for a rebuild).
void Store::CarryPairTables(const DataVersion& before, const std::vector<CountDelta>& changes) {
  const DataVersion after = CurrentDataVersion();
  std::lock_guard lock(pair_mu_);
  if (pair_version_ != std::make_pair(before.sequence, before.super_version)) return;  // already stale
  for (auto& [key, cached] : pair_cache_) {
    const TermId p = key / 4;
    const bool by_object = (key & 2) != 0, include_hedged = (key & 1) != 0;
    std::vector<std::pair<TermId, TermId>> add, remove;
    // Once it may have left hedged triples out, a table says so until it is
    // rebuilt (removals do not tell whether others are left).
    bool hedged_left_out = cached.table->hedged_left_out();
    for (const CountDelta& d : changes) {
      if (d.p != p) continue;
      // Presence and flag before and after (CountDelta: triples +1 added,
      // -1 removed, 0 kept; hedged +1 became hedged, -1 stopped being).
      const bool present_before = d.triples != 1, present_after = d.triples != -1;
      const bool hedged_after = d.triples == 1 ? d.hedged == 1 : (d.triples == 0 ? d.hedged == 1 : false);
      const bool hedged_before = d.triples == -1 ? d.hedged == -1 : (d.triples == 0 ? d.hedged == -1 : false);
      const bool before_in = present_before && (include_hedged || !hedged_before);
      const bool after_in = present_after && (include_hedged || !hedged_after);
      const std::pair<TermId, TermId> pair = by_object ? std::make_pair(d.o, d.s) : std::make_pair(d.s, d.o);
      if (before_in && !after_in) remove.push_back(pair);
      if (!before_in && after_in) add.push_back(pair);
      if (present_after && hedged_after && !include_hedged) hedged_left_out = true;
    }
    if (!add.empty() || !remove.empty()) {
      cached.table = cached.table->Patched(std::move(add), std::move(remove), hedged_left_out);
    } else if (hedged_left_out && !cached.table->hedged_left_out()) {
      cached.table = cached.table->WithHedgedLeftOut();
    }
  }
  pair_version_ = {after.sequence, after.super_version};
}

Status Store::Get(Cf c, std::string_view key, std::string* value) const {
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), cf(c), ToSlice(key), value);
  if (s.IsNotFound()) return Status::NotFound("not found");
  return FromRocks(s, "read");
}

Status Store::Refresh() {
  if (!read_only_) return Status::OK();
  // TryCatchUpWithPrimary re-reads the MANIFEST and WAL and starts threads:
  // about 8 ms even when nothing changed, which dominated every query a
  // reader (the CLI, the REPL) ran. Skip it while the writer's files are
  // unchanged since the last catch-up.
  std::lock_guard<std::mutex> lock(refresh_mu_);
  // The watch drains its events below; a failed catch-up must be tried
  // again by the next call, whatever the watch says then.
  if (refresh_watch_ && !refresh_failed_ && !refresh_watch_->Changed()) return Status::OK();
  std::string signature = PrimarySignature(path_);
  if (!signature.empty() && signature == refresh_signature_) return Status::OK();
  Status st = FromRocks(db_->TryCatchUpWithPrimary(), "refresh");
  refresh_failed_ = !st.ok();
  if (st.ok()) refresh_signature_ = std::move(signature);
  return st;
}

uint64_t Store::TermCount(int tag) const {
  std::string v;
  if (Get(Cf::kMeta, codec::MetaTermCountKey(static_cast<TermTag>(tag)), &v).ok() && v.size() == 8) {
    return codec::GetU64(v.data());
  }
  return 0;
}

uint64_t Store::DiskBytes() const {
  uint64_t total = 0;
  for (auto* h : handles_) {
    uint64_t v = 0;
    if (h != nullptr && db_->GetIntProperty(h, "rocksdb.live-sst-files-size", &v)) total += v;
  }
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(path_, ec)) {
    if (e.path().extension() == ".log") total += e.file_size(ec);
  }
  return total;
}

Status Store::Compact() {
  if (read_only_) return Status::NotSupported("the database is open read-only");
  rocksdb::CompactRangeOptions co;
  co.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
  for (auto* h : handles_) {
    KG_RETURN_IF_ERROR(FromRocks(db_->CompactRange(co, h, nullptr, nullptr), "compact"));
  }
  return Status::OK();
}

// --- lookups ------------------------------------------------------------------

TermId Store::LookupId(std::string_view term_key) const {
  std::string v;
  if (!Get(Cf::kTerms, term_key, &v).ok() || v.size() != 8) return kNoTerm;
  return codec::GetU64(v.data());
}

TermId Store::LookupAlias(std::string_view folded) const {
  std::string prefix = codec::AliasPrefix(folded);
  std::string upper = codec::PrefixSuccessor(prefix);
  rocksdb::Slice ub(upper);
  rocksdb::ReadOptions ro;
  ro.iterate_upper_bound = &ub;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kAlias)));
  it->Seek(prefix);
  if (!it->Valid() || it->value().size() < 8) return kNoTerm;
  return codec::GetU64(it->value().data());
}

TermId Store::FindEntity(std::string_view name) const {
  auto key = codec::TermLookupKey(Value::Entity(std::string(name)));
  if (!key.ok()) return kNoTerm;
  TermId id = LookupId(*key);
  if (id != kNoTerm) return id;
  return LookupAlias(key->substr(1));
}

std::optional<std::string> Store::ResolveEntityName(std::string_view surface) const {
  TermId id = FindEntity(surface);
  if (id == kNoTerm) return std::nullopt;
  auto v = GetTerm(id);
  if (!v.ok()) return std::nullopt;
  return v->text();
}

TermId Store::FindPredicate(std::string_view name) const {
  auto key = codec::TermLookupKey(Value::Predicate(std::string(name)));
  TermId id = key.ok() ? LookupId(*key) : kNoTerm;
  // A reader of a database no writer has upgraded yet: version 2 kept
  // predicates under their name as written (FORMAT.md, 2 → 3).
  if (id == kNoTerm && format_version_ < 3) {
    auto exact = codec::EncodeTerm(Value::Predicate(std::string(name)));
    if (exact.ok()) id = LookupId(*exact);
  }
  // Version 4 moved entity types from `type` to `is_a` (FORMAT.md, 3 → 4);
  // the old term stays in the dictionary without triples. Not finding it
  // lets the query say "no predicate 'type'" and suggest is_a.
  if (id != kNoTerm && format_version_ >= 4 && key->size() == 1 + kLegacyTypePredicate.size() &&
      std::string_view(*key).substr(1) == kLegacyTypePredicate && PredicateStats(id).triples == 0) {
    id = kNoTerm;
  }
  if (id != kNoTerm || !predicate_fallback_) return id;
  for (const std::string& candidate : predicate_fallback_(name)) {
    if (candidate == name) continue;
    key = codec::TermLookupKey(Value::Predicate(candidate));
    if (key.ok() && (id = LookupId(*key)) != kNoTerm) return id;
  }
  return kNoTerm;
}

TermId Store::FindLiteral(const Value& literal) const {
  if (!literal.is_literal()) return kNoTerm;
  auto key = codec::TermLookupKey(literal);
  if (!key.ok()) return kNoTerm;
  TermId id = LookupId(*key);
  // A reader of a database no writer has upgraded yet (FORMAT.md, 2 → 3).
  if (id == kNoTerm && format_version_ < 3 && literal.kind() == ValueKind::kMoney)
    id = LookupId(codec::LegacyMoneyLookupKey(literal));
  return id;
}

TermId Store::FindArticle(std::string_view name) const {
  std::string v;
  if (!Get(Cf::kArticles, name, &v).ok() || v.size() < 8) return kNoTerm;
  return codec::GetU64(v.data());
}

Status Store::GetTermEncoding(TermId id, std::string* encoding) const {
  // Version 5 reads the id's group; versions 1-4 its own entry. A database
  // a writer is upgrading (readers follow it) holds both: look at the other
  // before saying there is none.
  const TermId first = codec::DictGroupOf(id);
  std::string v;
  for (const bool group : {format_version_ >= 5, format_version_ < 5}) {
    if (!group && id == first) continue;  // its own entry is the group's key: looked at
    Status s = Get(Cf::kDict, codec::IdKey(group ? first : id), &v);
    if (s.code() == Status::Code::kNotFound) continue;
    KG_RETURN_IF_ERROR(s);
    if (codec::IsDictGroup(v)) {
      if (!group) continue;  // a group under an id that does not start one: not kg's layout
      const std::string_view term = codec::DictGroupTerm(v, static_cast<uint32_t>(id - first));
      if (term.empty()) continue;
      encoding->assign(term);
      return Status::OK();
    }
    if (group && id != first) continue;  // the separate entry of the group's first id
    *encoding = std::move(v);
    return Status::OK();
  }
  return Status::NotFound("no term with id " + std::to_string(id));
}

Status Store::ReadDictGroup(TermId first, std::map<uint32_t, std::string>* terms,
                            std::vector<std::string>* separate) const {
  terms->clear();
  const std::string begin = codec::IdKey(first), end = codec::IdKey(first + codec::kDictGroupSize);
  rocksdb::ReadOptions ro;
  rocksdb::Slice upper(end);
  ro.iterate_upper_bound = &upper;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kDict)));
  std::vector<codec::DictGroupEntry> entries;
  for (it->Seek(begin); it->Valid(); it->Next()) {
    if (it->key().size() != 8) continue;
    const TermId id = codec::GetU64(it->key().data());
    const std::string_view value = ToView(it->value());
    if (codec::IsDictGroup(value)) {
      if (id != first || !codec::DecodeDictGroup(value, &entries))
        return Status::Corruption("database damaged: malformed dictionary group at id " + std::to_string(id));
      // A committed state never holds a group and entries of one id each
      // in the same range (both change in one batch); were it so, they
      // would hold the same terms.
      for (const codec::DictGroupEntry& e : entries) terms->try_emplace(e.slot, e.term);
      continue;
    }
    if (value.empty()) continue;
    (*terms)[static_cast<uint32_t>(id - first)] = std::string(value);
    if (separate != nullptr && id != first) separate->emplace_back(ToView(it->key()));
  }
  return FromRocks(it->status(), "read the dictionary");
}

Status Store::WriteDictGroups(std::vector<std::pair<TermId, std::string_view>>* terms,
                              const std::function<Status(std::string_view key, std::string_view value)>& put,
                              const std::function<void(std::string_view key)>& del) const {
  std::map<uint32_t, std::string> stored;
  std::map<uint32_t, std::string_view> group;
  std::vector<std::string> separate;
  std::vector<codec::DictGroupEntry> entries;
  for (auto at = terms->begin(); at != terms->end();) {
    const TermId first = codec::DictGroupOf(at->first);
    separate.clear();
    stored.clear();
    group.clear();
    // Only the group of the last ids allocated before holds stored ones.
    if (first < next_id_) KG_RETURN_IF_ERROR(ReadDictGroup(first, &stored, &separate));
    for (const auto& [slot, term] : stored) group[slot] = term;
    for (; at != terms->end() && codec::DictGroupOf(at->first) == first; ++at)
      group[static_cast<uint32_t>(at->first - first)] = at->second;
    entries.clear();
    for (const auto& [slot, term] : group) entries.push_back({slot, term});
    KG_RETURN_IF_ERROR(put(codec::IdKey(first), codec::EncodeDictGroup(entries)));
    if (!separate.empty() && !del)
      return Status::Corruption("database damaged: dictionary entries of format version 4 in version " +
                                std::to_string(format_version_));
    for (const std::string& key : separate) del(key);
  }
  terms->clear();
  return Status::OK();
}

Result<Value> Store::GetTerm(TermId id) const {
  if (const Value* cached = term_cache_.Find(id)) return *cached;
  std::string v;
  KG_RETURN_IF_ERROR(GetTermEncoding(id, &v));
  Result<Value> term = codec::DecodeTerm(v);
  // Query results decode the same entities over and over.
  if (term.ok() && !term->is_null()) term_cache_.Fill(id, *term);
  return term;
}

void Store::PrefetchTerms(std::vector<TermId>* ids) const {
  // Only what the cache lacks; a batch of a few ids is not worth an iterator.
  std::erase_if(*ids,
                [&](TermId id) { return id == kNoTerm || id >= TermCache::kMaxId || term_cache_.Find(id); });
  if (ids->size() < 8) return;
  std::sort(ids->begin(), ids->end());
  ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  rocksdb::ReadOptions ro;
  // The decoded terms are what is kept (the term cache), so the dictionary
  // blocks read here stay out of the block cache — each is read into the
  // iterator's buffer, whose memory the next block reuses (cached, a cold
  // 25,000-name answer put 4 MB of fresh pages into it) — unless this batch
  // overlaps the id range of the one before. A long answer decoded in
  // batches (RowStream) whose ids come in index order (a scan by subject)
  // reads each block once; one whose ids do not (the amounts of a join, in
  // the order of its companies) swept the same blocks in every batch: the
  // literal filter + join read 5,800 dictionary blocks of about 900.
  const TermId lo = ids->front(), hi = ids->back();
  ro.fill_cache = lo <= last_prefetch_hi_.load(std::memory_order_relaxed) &&
                  last_prefetch_lo_.load(std::memory_order_relaxed) <= hi;
  last_prefetch_lo_.store(lo, std::memory_order_relaxed);
  last_prefetch_hi_.store(hi, std::memory_order_relaxed);
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kDict)));
  // Keys are dense: a group of 64 ids per entry (version 5), or one id per
  // entry (versions 1-4; a database being upgraded mixes both, and what
  // this pass misses GetTerm finds). A target a few entries ahead is
  // reached by stepping (sequential, in the same block), a far one by a
  // seek. Stepping once per 64 ids instead of once per id is what version
  // 5 is for: a dense batch (25,000 of 180,000 ids) stepped through every
  // entry between them at about 0.1 µs each.
  const bool grouped = format_version_ >= 5;
  constexpr TermId kStepLimit = 16;
  std::vector<std::pair<TermId, Value>> decoded;
  decoded.reserve(ids->size());
  // The id (key) of the entry `it` is at; valid false when none. (Group 0,
  // of ids 1-63, has key 0.)
  bool valid = false;
  TermId at = 0;
  auto settle = [&] {
    valid = it->Valid() && it->key().size() == 8;
    at = valid ? codec::GetU64(it->key().data()) : 0;
  };
  for (TermId id : *ids) {
    const TermId first = codec::DictGroupOf(id);
    const TermId target = grouped ? first : id;
    const bool covered = valid && (at == id || (at == first && codec::IsDictGroup(ToView(it->value()))));
    if (!covered) {
      const TermId step = grouped ? codec::kDictGroupSize : 1;
      if (!valid || at > target || (target - at) / step > kStepLimit) {
        it->Seek(ToSlice(codec::IdKey(target)));
        settle();
      } else {
        while (valid && at < target) {
          it->Next();
          settle();
        }
      }
    }
    if (!valid) continue;
    std::string_view enc;
    const std::string_view value = ToView(it->value());
    if (codec::IsDictGroup(value)) {
      if (at == first) enc = codec::DictGroupTerm(value, static_cast<uint32_t>(id - first));
    } else if (at == id) {
      enc = value;
    }
    if (enc.empty()) continue;
    Result<Value> term = codec::DecodeTerm(enc);
    if (term.ok() && !term->is_null()) decoded.emplace_back(id, std::move(term).value());
  }
  term_cache_.Fill(&decoded);
}

const Value* Store::StableTerm(TermId id) const {
  if (const Value* cached = term_cache_.Find(id)) return cached;
  if (id == kNoTerm || id >= TermCache::kMaxId || !GetTerm(id).ok()) return nullptr;
  return term_cache_.Find(id);
}

std::string Store::GetIri(TermId id) const {
  std::string v;
  if (!Get(Cf::kIri, codec::IdKey(id), &v).ok()) return {};
  return v;
}

std::unique_ptr<TripleCursor> Store::Scan(TermId s, TermId p, TermId o) const {
  codec::ScanPlan plan = codec::PlanScan(s, p, o);
  return std::make_unique<RocksCursor>(db_, cf(CfOfIndex(plan.index)), plan.index, std::move(plan.prefix));
}

std::unique_ptr<TripleCursor> Store::Rescan(std::unique_ptr<TripleCursor> cursor, TermId s, TermId p,
                                            TermId o) const {
  codec::ScanPlan plan = codec::PlanScan(s, p, o);
  rocksdb::ColumnFamilyHandle* handle = cf(CfOfIndex(plan.index));
  if (auto* rc = dynamic_cast<RocksCursor*>(cursor.get()); rc != nullptr) {
    if (rc->Reseek(handle, plan.index, plan.prefix)) return cursor;
  }
  cursor.reset();
  return std::make_unique<RocksCursor>(db_, handle, plan.index, std::move(plan.prefix), /*reusable=*/true);
}

Status Store::GetProvenance(const IdTriple& t, std::vector<Provenance>* out) const {
  out->clear();
  std::string prefix = codec::TripleKey(Index::kSpo, t.s, t.p, t.o);
  std::string upper = codec::PrefixSuccessor(prefix);
  rocksdb::Slice ub(upper);
  rocksdb::ReadOptions ro;
  ro.iterate_upper_bound = &ub;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(ro, cf(Cf::kProv)));
  for (it->Seek(prefix); it->Valid(); it->Next()) {
    IdTriple tt;
    Provenance p;
    KG_RETURN_IF_ERROR(codec::DecodeProvenance(ToView(it->key()), ToView(it->value()), &tt, &p));
    out->push_back(p);
  }
  return FromRocks(it->status(), "provenance scan");
}

Result<std::string> Store::GetSentence(TermId article, uint32_t index) const {
  std::string v;
  Status s =
      Get(Cf::kArticleData, codec::ArticleDataKey(article, codec::ArticleDataKind::kSentence, index), &v);
  if (s.code() == Status::Code::kNotFound) {
    return Status::NotFound("article " + std::to_string(article) + " has no sentence " +
                            std::to_string(index));
  }
  KG_RETURN_IF_ERROR(s);
  return v;
}

namespace {
// Calls fn(key, value) for every entry of `cf` starting with `prefix`.
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
}  // namespace

Status Store::ArticleTriples(TermId article, std::vector<IdTriple>* out) const {
  out->clear();
  return ForEachPrefix(db_, cf(Cf::kArticleData),
                       codec::ArticleDataPrefix(article, codec::ArticleDataKind::kTripleChunk),
                       [&](std::string_view, std::string_view v) {
                         if (v.size() % 24 != 0) return Status::Corruption("malformed triple chunk");
                         for (size_t i = 0; i < v.size(); i += 24) {
                           out->push_back(codec::DecodeTripleKey(Index::kSpo, v.substr(i, 24)));
                         }
                         return Status::OK();
                       });
}

Status Store::GetSentences(TermId article, std::vector<std::string>* out) const {
  out->clear();
  return ForEachPrefix(db_, cf(Cf::kArticleData),
                       codec::ArticleDataPrefix(article, codec::ArticleDataKind::kSentence),
                       [&](std::string_view, std::string_view v) {
                         out->emplace_back(v);
                         return Status::OK();
                       });
}

Status Store::GetRawFacts(TermId article, std::vector<RawFact>* out) const {
  out->clear();
  return ForEachPrefix(db_, cf(Cf::kArticleData),
                       codec::ArticleDataPrefix(article, codec::ArticleDataKind::kRawFact),
                       [&](std::string_view, std::string_view v) {
                         KG_ASSIGN_OR_RETURN(RawFact f, codec::DecodeRawFact(v));
                         out->push_back(std::move(f));
                         return Status::OK();
                       });
}

Status Store::GetArticleEntities(TermId article, std::vector<EntityData>* out) const {
  out->clear();
  return ForEachPrefix(db_, cf(Cf::kArticleData),
                       codec::ArticleDataPrefix(article, codec::ArticleDataKind::kEntity),
                       [&](std::string_view, std::string_view v) {
                         KG_ASSIGN_OR_RETURN(EntityData e, codec::DecodeEntity(v));
                         out->push_back(std::move(e));
                         return Status::OK();
                       });
}

std::vector<TermId> Store::AllArticles() const {
  std::vector<TermId> ids;
  (void)ForEachPrefix(db_, cf(Cf::kArticles), "", [&](std::string_view, std::string_view v) {
    if (v.size() >= 8) ids.push_back(codec::GetU64(v.data()));
    return Status::OK();
  });
  return ids;
}

Result<std::vector<ArticleInfo>> Store::Articles() const {
  std::vector<ArticleInfo> out;
  KG_RETURN_IF_ERROR(ForEachPrefix(db_, cf(Cf::kArticles), "", [&](std::string_view k, std::string_view v) {
    KG_ASSIGN_OR_RETURN(codec::ArticleRecord r, codec::DecodeArticleRecord(k, v));
    out.push_back(std::move(r.info));
    return Status::OK();
  }));
  return out;
}

Result<ArticleInfo> Store::GetArticleInfo(std::string_view name) const {
  std::string v;
  Status s = Get(Cf::kArticles, name, &v);
  if (s.code() == Status::Code::kNotFound)
    return Status::NotFound("no article named '" + std::string(name) + "'");
  KG_RETURN_IF_ERROR(s);
  KG_ASSIGN_OR_RETURN(codec::ArticleRecord r, codec::DecodeArticleRecord(name, v));
  return r.info;
}

Result<ArticleInfo> Store::ArticleInfoOf(TermId article) const {
  KG_ASSIGN_OR_RETURN(Value name, GetTerm(article));
  if (name.kind() != ValueKind::kArticle)
    return Status::NotFound("no article with id " + std::to_string(article));
  return GetArticleInfo(name.text());
}

TermStats Store::PredicateStats(TermId p) const {
  std::string v;
  if (!Get(Cf::kStats, codec::IdKey(p), &v).ok()) return {};
  return codec::DecodeStats(v);
}

Store::DataVersion Store::CurrentDataVersion() const {
  DataVersion v;
  v.sequence = db_->GetLatestSequenceNumber();
  // Ingested files and catch-up of a reader install a new super version of
  // the index even when they consume no sequence number.
  uint64_t sv = 0;
  if (db_->GetIntProperty(cf(Cf::kPos), "rocksdb.current-super-version-number", &sv)) v.super_version = sv;
  return v;
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

std::vector<std::string> Store::EntityNames(std::string_view prefix, size_t limit) const {
  std::set<std::string> names;
  std::string folded = FoldCase(prefix);
  std::string tkey(1, static_cast<char>(TermTag::kEntity));
  tkey += folded;
  (void)ForEachPrefix(db_, cf(Cf::kTerms), tkey, [&](std::string_view, std::string_view v) {
    if (names.size() >= limit) return Status::Cancelled("enough");
    if (v.size() == 8) {
      auto t = GetTerm(codec::GetU64(v.data()));
      if (t.ok()) names.insert(t->text());
    }
    return Status::OK();
  });
  (void)ForEachPrefix(db_, cf(Cf::kAlias), folded, [&](std::string_view, std::string_view v) {
    if (names.size() >= limit) return Status::Cancelled("enough");
    if (v.size() > 8) names.insert(std::string(v.substr(8)));
    return Status::OK();
  });
  std::vector<std::string> out(names.begin(), names.end());
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::vector<std::string> Store::PredicateNames() const {
  std::vector<std::string> out;
  (void)ForEachPrefix(db_, cf(Cf::kStats), "", [&](std::string_view k, std::string_view v) {
    TermId p = codec::GetU64(k.data());
    if (p == kNoTerm || codec::DecodeStats(v).triples == 0) return Status::OK();
    auto t = GetTerm(p);
    if (t.ok()) out.push_back(t->text());
    return Status::OK();
  });
  std::sort(out.begin(), out.end());
  return out;
}

// --- writes ----------------------------------------------------------------------

// A write touches many prefixes, mostly in increasing key order; one
// iterator per column family, re-seeked, is much cheaper than a new iterator
// per prefix (deleting a 10^5-triple article went from 2.8 s to well under).
class Store::Scanner {
 public:
  explicit Scanner(const Store* store) : store_(store) {}

  template <typename Fn>
  Status ForEach(Cf c, std::string_view prefix, Fn fn) {
    rocksdb::Iterator* it = Iter(c);
    rocksdb::Slice pre = ToSlice(prefix);
    for (it->Seek(pre); it->Valid() && it->key().starts_with(pre); it->Next()) {
      Status s = fn(ToView(it->key()), ToView(it->value()));
      if (!s.ok()) return s;
    }
    return FromRocks(it->status(), "scan");
  }

  // The value stored under exactly `key`, or NotFound.
  Status Get(Cf c, std::string_view key, std::string* value) {
    rocksdb::Iterator* it = Iter(c);
    it->Seek(ToSlice(key));
    if (it->Valid() && it->key() == ToSlice(key)) {
      value->assign(it->value().data(), it->value().size());
      return Status::OK();
    }
    KG_RETURN_IF_ERROR(FromRocks(it->status(), "read"));
    return Status::NotFound("not found");
  }

 private:
  rocksdb::Iterator* Iter(Cf c) {
    auto& it = iters_[static_cast<int>(c)];
    if (!it) it.reset(store_->db_->NewIterator(rocksdb::ReadOptions(), store_->cf(c)));
    return it.get();
  }

  const Store* store_;
  std::array<std::unique_ptr<rocksdb::Iterator>, static_cast<int>(Cf::kCount)> iters_;
};

Status Store::ApplyChange(rocksdb::WriteBatch* b, TermId article, const std::vector<Tri>& old_triples,
                          const std::vector<std::pair<Tri, std::vector<Provenance>>>& added,
                          std::vector<CountDelta>* changes) {
  // Sorted vectors, not node-based sets: deleting a bulk-imported article
  // touches 10^6 triples.
  std::vector<Tri> old_set = old_triples;
  std::sort(old_set.begin(), old_set.end());
  std::vector<Tri> added_keys;
  added_keys.reserve(added.size());
  for (const auto& entry : added) added_keys.push_back(entry.first);
  if (!std::is_sorted(added_keys.begin(), added_keys.end())) {
    return Status::Internal("ApplyChange: added triples are not sorted");
  }
  std::vector<Tri> touched;
  touched.reserve(old_set.size() + added_keys.size());
  std::set_union(old_set.begin(), old_set.end(), added_keys.begin(), added_keys.end(),
                 std::back_inserter(touched));
  auto was_mine = [&](const Tri& t) { return std::binary_search(old_set.begin(), old_set.end(), t); };
  auto added_provs = [&](const Tri& t) -> const std::vector<Provenance>* {
    auto it = std::lower_bound(added_keys.begin(), added_keys.end(), t);
    if (it == added_keys.end() || *it != t) return nullptr;
    return &added[static_cast<size_t>(it - added_keys.begin())].second;
  };

  Scanner scan(this);
  std::vector<Tri> plus, minus;
  std::vector<CountDelta> count_deltas;
  for (const Tri& t : touched) {
    // Other articles' assertions stay; this article's old ones go. A triple
    // this article did not assert before needs no provenance scan: its index
    // entry says whether others assert it and whether all of them hedge.
    // (Scanning would cost O(articles) for popular triples such as types.)
    uint64_t others = 0;
    bool others_hedged = true;
    std::string prefix = codec::TripleKey(Index::kSpo, t[0], t[1], t[2]);
    std::string old_flags;
    Status g = scan.Get(Cf::kSpo, prefix, &old_flags);
    if (!g.ok() && g.code() != Status::Code::kNotFound) return g;
    const bool was_stored = g.ok();
    if (!was_mine(t)) {
      if (was_stored) {
        others = 1;
        others_hedged = !old_flags.empty() && (static_cast<uint8_t>(old_flags[0]) & kTripleHedged);
      }
    } else {
      // This article's entries, found by their own prefix.
      std::string mine = prefix + codec::IdKey(article);
      KG_RETURN_IF_ERROR(scan.ForEach(Cf::kProv, mine, [&](std::string_view k, std::string_view) {
        b->Delete(cf(Cf::kProv), ToSlice(k));
        return Status::OK();
      }));
      // Others: stop at the first one that is not hedged (the answer is then known).
      Status others_scan = scan.ForEach(Cf::kProv, prefix, [&](std::string_view k, std::string_view v) {
        IdTriple tt;
        Provenance p;
        KG_RETURN_IF_ERROR(codec::DecodeProvenance(k, v, &tt, &p));
        if (p.article == article) return Status::OK();
        ++others;
        others_hedged = others_hedged && p.hedged;
        return others_hedged ? Status::OK() : Status::Cancelled("decided");
      });
      if (!others_scan.ok() && others_scan.code() != Status::Code::kCancelled) return others_scan;
    }
    const bool in_db = was_stored;
    const bool hedged_before =
        was_stored && !old_flags.empty() && (static_cast<uint8_t>(old_flags[0]) & kTripleHedged) != 0;
    const std::vector<Provenance>* mine_now = added_provs(t);
    bool after = others > 0 || mine_now != nullptr;
    if (after) {
      bool hedged = others_hedged;
      if (mine_now != nullptr) {
        for (const Provenance& p : *mine_now) {
          hedged = hedged && p.hedged;
          b->Put(cf(Cf::kProv), codec::ProvenanceKey(t[0], t[1], t[2], article, p.sentence),
                 codec::EncodeProvenanceValue(p));
        }
      }
      std::string flags = hedged ? std::string(1, static_cast<char>(kTripleHedged)) : std::string();
      if (!was_stored || flags != old_flags) {  // shared, unchanged triples cost no write
        for (Index ix : {Index::kSpo, Index::kPos, Index::kOsp}) {
          b->Put(cf(CfOfIndex(ix)), codec::TripleKey(ix, t[0], t[1], t[2]), flags);
        }
      }
      if (!in_db) plus.push_back(t);
      if (!in_db || hedged != hedged_before) {
        count_deltas.push_back(CountDelta{t[0], t[1], t[2], static_cast<int8_t>(in_db ? 0 : 1),
                                          static_cast<int8_t>(int{hedged} - int{hedged_before})});
      }
    } else if (in_db) {
      for (Index ix : {Index::kSpo, Index::kPos, Index::kOsp}) {
        b->Delete(cf(CfOfIndex(ix)), codec::TripleKey(ix, t[0], t[1], t[2]));
      }
      minus.push_back(t);
      count_deltas.push_back(CountDelta{t[0], t[1], t[2], -1, static_cast<int8_t>(hedged_before ? -1 : 0)});
    }
  }
  *changes = count_deltas;
  KG_RETURN_IF_ERROR(UpdateCounts(b, &scan, &count_deltas));
  return UpdateStats(b, &scan, plus, minus);
}

// Per-key counts stay exact: the deltas of all changed triples are summed per
// counts key first (an article shares subjects and objects across many
// triples), then each key is read once from the committed state and rewritten
// (or deleted when no triple is left).
Status Store::UpdateCounts(rocksdb::WriteBatch* b, Scanner* scan, std::vector<CountDelta>* deltas) {
  if (deltas->empty()) return Status::OK();
  struct Item {
    TermId p;
    bool by_object;
    TermId key;
    int64_t triples, hedged;
  };
  std::vector<Item> items;
  items.reserve(deltas->size() * 2);
  for (const CountDelta& d : *deltas) {
    items.push_back(Item{d.p, false, d.s, d.triples, d.hedged});
    items.push_back(Item{d.p, true, d.o, d.triples, d.hedged});
  }
  std::vector<CountDelta>().swap(*deltas);  // deleting a large article: release early
  // Counts key order (p, role, key): the scanner then moves forward only.
  std::sort(items.begin(), items.end(), [](const Item& x, const Item& y) {
    if (x.p != y.p) return x.p < y.p;
    if (x.by_object != y.by_object) return y.by_object;
    return x.key < y.key;
  });
  std::string key(codec::kCountsKeySize, '\0'), value;
  for (size_t i = 0; i < items.size();) {
    int64_t dt = 0, dh = 0;
    size_t j = i;
    for (; j < items.size() && items[j].p == items[i].p && items[j].by_object == items[i].by_object &&
           items[j].key == items[i].key;
         ++j) {
      dt += items[j].triples, dh += items[j].hedged;
    }
    codec::StoreCountsKey(key.data(), items[i].p, items[i].by_object, items[i].key);
    i = j;
    if (dt == 0 && dh == 0) continue;
    codec::KeyCount c;
    Status g = scan->Get(Cf::kCounts, key, &value);
    if (g.ok()) {
      KG_ASSIGN_OR_RETURN(c, codec::DecodeKeyCount(value));
    } else if (g.code() != Status::Code::kNotFound) {
      return g;
    }
    const int64_t triples = static_cast<int64_t>(c.triples) + dt;
    const int64_t hedged = static_cast<int64_t>(c.hedged) + dh;
    if (triples < 0 || hedged < 0 || hedged > triples)
      return Status::Corruption("per-key counts disagree with the indexes (key of predicate " +
                                std::to_string(items[j - 1].p) + ")");
    if (triples == 0) {
      b->Delete(cf(Cf::kCounts), key);
    } else {
      b->Put(cf(Cf::kCounts), key,
             codec::EncodeKeyCount(
                 codec::KeyCount{static_cast<uint64_t>(triples), static_cast<uint64_t>(hedged)}));
    }
  }
  return Status::OK();
}

// Statistics stay exact: for every group a changed triple belongs to ((s,p)
// for distinct subjects of p, (p,o) for distinct objects, s and o for the
// store totals) compare "non-empty before" with "non-empty after", reading
// the committed indexes (the batch is not applied yet).
Status Store::UpdateStats(rocksdb::WriteBatch* b, Scanner* scan, const std::vector<Tri>& plus,
                          const std::vector<Tri>& minus) {
  if (plus.empty() && minus.empty()) return Status::OK();
  std::vector<Tri> minus_sorted = minus;
  std::sort(minus_sorted.begin(), minus_sorted.end());
  auto removed = [&](const Tri& t) {
    return std::binary_search(minus_sorted.begin(), minus_sorted.end(), t);
  };
  struct Delta {
    int64_t triples = 0, subjects = 0, objects = 0;
  };
  std::map<TermId, Delta> delta;  // key 0 = whole store
  for (const Tri& t : plus) ++delta[t[1]].triples, ++delta[0].triples;
  for (const Tri& t : minus) --delta[t[1]].triples, --delta[0].triples;

  // A group is a key prefix of one index: (s,p) in spo for the distinct
  // subjects of p, (p,o) in pos for its distinct objects, s in spo and o in
  // osp for the store totals. It counts when it is non-empty; compare before
  // (committed) with after (committed minus removed, plus added).
  struct GroupKey {
    TermId a, b;  // b = 0 for one-id groups
    bool has_plus;
    bool operator<(const GroupKey& o) const { return a != o.a ? a < o.a : b < o.b; }
  };
  struct Kind {
    Index index;
    int ids;        // prefix length in ids
    bool per_pred;  // statistics of the predicate (else of the store)
    bool subjects;
  };
  const Kind kinds[4] = {{Index::kSpo, 2, true, true},
                         {Index::kPos, 2, true, false},
                         {Index::kSpo, 1, false, true},
                         {Index::kOsp, 1, false, false}};
  for (const Kind& kind : kinds) {
    std::vector<GroupKey> groups;
    groups.reserve(plus.size() + minus.size());
    auto add = [&](const Tri& t, bool is_plus) {
      // Ids in index order: spo → (s, p), pos → (p, o), osp → (o, s).
      TermId x = kind.index == Index::kSpo ? t[0] : (kind.index == Index::kPos ? t[1] : t[2]);
      TermId y = kind.ids == 2 ? (kind.index == Index::kSpo ? t[1] : t[2]) : 0;
      groups.push_back(GroupKey{x, y, is_plus});
    };
    for (const Tri& t : plus) add(t, true);
    for (const Tri& t : minus) add(t, false);
    std::sort(groups.begin(), groups.end());
    for (size_t i = 0; i < groups.size();) {
      size_t j = i;
      bool has_plus = false;
      for (; j < groups.size() && !(groups[i] < groups[j]); ++j) has_plus = has_plus || groups[j].has_plus;
      std::string prefix = codec::IdKey(groups[i].a);
      if (kind.ids == 2) prefix += codec::IdKey(groups[i].b);
      bool before = false, after = has_plus;
      Status st = scan->ForEach(CfOfIndex(kind.index), prefix, [&](std::string_view k, std::string_view) {
        before = true;
        IdTriple tt = codec::DecodeTripleKey(kind.index, k);
        if (!removed(Tri{tt.s, tt.p, tt.o})) {
          after = true;
          return Status::Cancelled("decided");  // stops the scan early
        }
        return Status::OK();
      });
      if (!st.ok() && st.code() != Status::Code::kCancelled) return st;
      // For per-predicate groups the predicate is the group's p.
      TermId stat_key = !kind.per_pred ? kNoTerm : (kind.index == Index::kSpo ? groups[i].b : groups[i].a);
      Delta& d = delta[stat_key];
      (kind.subjects ? d.subjects : d.objects) += static_cast<int64_t>(after) - static_cast<int64_t>(before);
      i = j;
    }
  }
  for (const auto& [p, d] : delta) {
    TermStats st = PredicateStats(p);
    st.triples = static_cast<uint64_t>(static_cast<int64_t>(st.triples) + d.triples);
    st.distinct_subjects = static_cast<uint64_t>(static_cast<int64_t>(st.distinct_subjects) + d.subjects);
    st.distinct_objects = static_cast<uint64_t>(static_cast<int64_t>(st.distinct_objects) + d.objects);
    if (st.triples == 0) {
      b->Delete(cf(Cf::kStats), codec::IdKey(p));
    } else {
      b->Put(cf(Cf::kStats), codec::IdKey(p), codec::EncodeStats(st));
    }
  }
  return Status::OK();
}

// Deletes the article's per-article data and aliases; returns the triples it
// asserted.
Status Store::RemoveArticleData(rocksdb::WriteBatch* b, TermId article, std::vector<Tri>* old_triples) {
  std::vector<IdTriple> ts;
  KG_RETURN_IF_ERROR(ArticleTriples(article, &ts));
  old_triples->clear();
  for (const auto& t : ts) old_triples->push_back(Tri{t.s, t.p, t.o});
  std::vector<EntityData> ents;
  KG_RETURN_IF_ERROR(GetArticleEntities(article, &ents));
  for (const auto& e : ents) {
    for (const auto& a : e.aliases) b->Delete(cf(Cf::kAlias), codec::AliasKey(FoldCase(a), article));
  }
  // Key by key, not DeleteRange: an article has tens to hundreds of data
  // keys, while every range tombstone left in the memtable is re-fragmented
  // by later reads of the column family, so a session that replaces or
  // deletes thousands of articles would slow down until the next flush.
  return ForEachPrefix(db_, cf(Cf::kArticleData), codec::ArticleDataPrefix(article),
                       [&](std::string_view k, std::string_view) {
                         b->Delete(cf(Cf::kArticleData), ToSlice(k));
                         return Status::OK();
                       });
}

namespace {

Status ValidateArticle(const ArticleData& a) {
  if (a.name.empty()) return Status::InvalidArgument("an article needs a name");
  for (size_t i = 0; i < a.facts.size(); ++i) {
    const Fact& f = a.facts[i];
    std::string where = "article '" + a.name + "', fact " + std::to_string(i) + ": ";
    if (f.subject.is_null() || f.object.is_null())
      return Status::InvalidArgument(where + "subject and object are required");
    if (f.subject.kind() == ValueKind::kPredicate || f.object.kind() == ValueKind::kPredicate ||
        f.subject.kind() == ValueKind::kArticle || f.object.kind() == ValueKind::kArticle) {
      return Status::InvalidArgument(where + "subject and object must be entities or literals");
    }
    if (f.predicate.empty()) return Status::InvalidArgument(where + "the predicate is empty");
    if (!a.sentences.empty() && f.sentence >= a.sentences.size()) {
      return Status::InvalidArgument(where + "sentence " + std::to_string(f.sentence) +
                                     " does not exist (the article has " +
                                     std::to_string(a.sentences.size()) + ")");
    }
    if (!(f.confidence >= 0 && f.confidence <= 1))
      return Status::InvalidArgument(where + "confidence must be in [0, 1]");
  }
  for (const auto& e : a.entities) {
    if (e.name.empty())
      return Status::InvalidArgument("article '" + a.name + "': an entity has an empty name");
  }
  return Status::OK();
}

// Identical text means identical article. Hand-built articles without text
// are hashed over everything they contain.
std::string HashArticle(const ArticleData& a) {
  if (!a.content.empty()) return Store::HashText(a.content);
  codec::ContentHasher h;
  auto str = [&](std::string_view s) {
    std::string n;
    codec::PutU32(&n, static_cast<uint32_t>(s.size()));
    h.Update(n);
    h.Update(s);
  };
  str(a.title), str(a.date), str(a.source);
  for (const auto& s : a.sentences) str(s);
  for (const auto& e : a.entities) str(codec::EncodeEntity(e));
  for (const auto& f : a.facts) {
    str(codec::EncodeTerm(f.subject).value());
    str(f.predicate);
    str(codec::EncodeTerm(f.object).value());
    std::string n;
    codec::PutU32(&n, f.sentence), codec::PutU32(&n, f.span_begin), codec::PutU32(&n, f.span_end);
    codec::PutSortableDouble(&n, f.confidence);
    n.push_back(static_cast<char>(f.modality));
    h.Update(n);
  }
  for (const auto& r : a.raw_facts) str(codec::EncodeRawFact(r));
  return h.HexDigest();
}

}  // namespace

std::string Store::HashText(std::string_view text) {
  codec::ContentHasher h;
  h.Update("text:");
  h.Update(text);
  return h.HexDigest();
}

Result<LoadReport> Store::AddArticle(const ArticleData& a, const WriteOptions& options) {
  if (read_only_) return Status::NotSupported("the database is open read-only; a writer must load articles");
  KG_RETURN_IF_ERROR(ValidateArticle(a));
  std::string hash = HashArticle(a);
  std::lock_guard<std::mutex> lock(write_mu_);

  LoadReport report;
  report.article = a.name;
  report.warnings = a.warnings;
  bool replacing = false;
  std::string existing;
  if (Get(Cf::kArticles, a.name, &existing).ok()) {
    KG_ASSIGN_OR_RETURN(codec::ArticleRecord rec, codec::DecodeArticleRecord(a.name, existing));
    if (rec.info.content_hash == hash) {
      report.outcome = LoadOutcome::kUnchanged;
      report.sentences = rec.info.sentences;
      report.facts = rec.info.facts;
      report.entities = rec.info.entities;
      report.warnings.push_back("article '" + a.name +
                                "' is already loaded with identical content; nothing changed");
      return report;
    }
    if (!options.replace) {
      return Status::AlreadyExists("article '" + a.name +
                                   "' is already loaded with different content; use --replace to replace it");
    }
    replacing = true;
  }

  rocksdb::WriteBatch wb;
  Batch batch(this, &wb);
  KG_ASSIGN_OR_RETURN(TermId article, batch.GetOrCreate(Value::Article(a.name)));
  std::vector<Tri> old_triples;
  if (replacing) KG_RETURN_IF_ERROR(RemoveArticleData(&wb, article, &old_triples));

  // Aliases first, so that facts naming an entity by an alias find it.
  std::vector<std::pair<const EntityData*, TermId>> entities;
  for (const auto& e : a.entities) {
    KG_ASSIGN_OR_RETURN(TermId id, batch.GetOrCreate(Value::Entity(e.name)));
    entities.emplace_back(&e, id);
    for (const auto& alias : e.aliases) batch.AddPendingAlias(FoldCase(alias), id);
  }
  std::map<Tri, std::map<uint32_t, Provenance>> assertions;
  auto assert_triple = [&](const Tri& t, Provenance p) {
    auto [it, inserted] = assertions[t].try_emplace(p.sentence, p);
    if (!inserted) {  // the same fact twice in one sentence: keep the strongest
      Provenance& q = it->second;
      q.hedged = q.hedged && p.hedged;
      if (p.confidence > q.confidence)
        q.confidence = p.confidence, q.span_begin = p.span_begin, q.span_end = p.span_end;
    }
  };
  for (const auto& [e, id] : entities) {
    for (const auto& alias : e->aliases) {
      std::string folded = FoldCase(alias);
      if (folded.empty()) continue;
      std::string v = codec::IdKey(id);
      v += alias;
      wb.Put(cf(Cf::kAlias), codec::AliasKey(folded, article), v);
    }
    if (!e->iri.empty()) wb.Put(cf(Cf::kIri), codec::IdKey(id), e->iri);
    if (!e->type.empty()) {
      KG_ASSIGN_OR_RETURN(TermId tp, batch.GetOrCreate(Value::Predicate(std::string(kTypePredicate))));
      KG_ASSIGN_OR_RETURN(TermId ty, batch.GetOrCreate(Value::Entity(e->type)));
      Provenance p;
      p.article = article;
      p.sentence = kNoSentence;
      assert_triple(Tri{id, tp, ty}, p);
    }
  }
  for (const Fact& f : a.facts) {
    KG_ASSIGN_OR_RETURN(TermId s, batch.GetOrCreate(f.subject));
    KG_ASSIGN_OR_RETURN(TermId p, batch.GetOrCreate(Value::Predicate(f.predicate)));
    KG_ASSIGN_OR_RETURN(TermId o, batch.GetOrCreate(f.object));
    Provenance pr;
    pr.article = article;
    pr.sentence = f.sentence;
    pr.span_begin = f.span_begin;
    pr.span_end = f.span_end;
    pr.confidence = static_cast<float>(f.confidence);
    pr.hedged = f.modality == Modality::kHedged;
    assert_triple(Tri{s, p, o}, pr);
  }
  std::vector<std::pair<Tri, std::vector<Provenance>>> added;
  added.reserve(assertions.size());
  for (auto& [t, by_sentence] : assertions) {
    auto& v = added.emplace_back(t, std::vector<Provenance>()).second;
    for (auto& [sent, p] : by_sentence) v.push_back(p);
  }
  std::vector<CountDelta> changes;
  KG_RETURN_IF_ERROR(ApplyChange(&wb, article, old_triples, added, &changes));

  // Per-article data: sentences, the sorted triple list, raw facts, entities.
  using K = codec::ArticleDataKind;
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    wb.Put(cf(Cf::kArticleData), codec::ArticleDataKey(article, K::kSentence, static_cast<uint32_t>(i)),
           a.sentences[i]);
  }
  for (size_t i = 0; i < added.size(); i += codec::kTriplesPerChunk) {
    std::string chunk;
    for (size_t j = i; j < std::min(added.size(), i + codec::kTriplesPerChunk); ++j) {
      const Tri& t = added[j].first;
      codec::AppendTripleKey(&chunk, Index::kSpo, t[0], t[1], t[2]);
    }
    wb.Put(
        cf(Cf::kArticleData),
        codec::ArticleDataKey(article, K::kTripleChunk, static_cast<uint32_t>(i / codec::kTriplesPerChunk)),
        chunk);
  }
  for (size_t i = 0; i < a.raw_facts.size(); ++i) {
    wb.Put(cf(Cf::kArticleData), codec::ArticleDataKey(article, K::kRawFact, static_cast<uint32_t>(i)),
           codec::EncodeRawFact(a.raw_facts[i]));
  }
  for (size_t i = 0; i < a.entities.size(); ++i) {
    wb.Put(cf(Cf::kArticleData), codec::ArticleDataKey(article, K::kEntity, static_cast<uint32_t>(i)),
           codec::EncodeEntity(a.entities[i]));
  }
  codec::ArticleRecord rec;
  rec.id = article;
  rec.info.name = a.name;
  rec.info.source = a.source;
  rec.info.title = a.title;
  rec.info.date = a.date;
  rec.info.content_hash = hash;
  rec.info.loaded_at = static_cast<int64_t>(std::time(nullptr));
  rec.info.sentences = a.sentences.size();
  rec.info.facts = added.size();
  rec.info.entities = a.entities.size();
  wb.Put(cf(Cf::kArticles), a.name, codec::EncodeArticleRecord(rec));
  KG_RETURN_IF_ERROR(batch.Finish());
  KG_RETURN_IF_ERROR(Write(&wb, &changes));
  batch.Commit();

  report.outcome = replacing ? LoadOutcome::kReplaced : LoadOutcome::kLoaded;
  report.sentences = rec.info.sentences;
  report.facts = rec.info.facts;
  report.entities = rec.info.entities;
  return report;
}

Status Store::DeleteArticle(std::string_view name) {
  if (read_only_) return Status::NotSupported("the database is open read-only");
  std::lock_guard<std::mutex> lock(write_mu_);
  return DeleteArticleLocked(name);
}

Status Store::DeleteArticleLocked(std::string_view name) {
  std::string existing;
  Status s = Get(Cf::kArticles, name, &existing);
  if (s.code() == Status::Code::kNotFound)
    return Status::NotFound("no article named '" + std::string(name) + "'");
  KG_RETURN_IF_ERROR(s);
  KG_ASSIGN_OR_RETURN(codec::ArticleRecord rec, codec::DecodeArticleRecord(name, existing));
  rocksdb::WriteBatch wb;
  std::vector<Tri> old_triples;
  KG_RETURN_IF_ERROR(RemoveArticleData(&wb, rec.id, &old_triples));
  std::vector<CountDelta> changes;
  KG_RETURN_IF_ERROR(ApplyChange(&wb, rec.id, old_triples, {}, &changes));
  wb.Delete(cf(Cf::kArticles), ToSlice(name));
  return Write(&wb, &changes);
}

}  // namespace kg::storage

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
