#include "storage/store.h"

#include <rocksdb/cache.h>
#include <rocksdb/db.h>
#include <rocksdb/options.h>
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
#include "storage/rocks_status.h"
#include "storage/store_internal.h"
#include "storage/store_options.h"

namespace kg::storage {

namespace fs = std::filesystem;
using codec::Index;
using codec::TermTag;

namespace {

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

Result<codec::ArticleRecord> Store::GetArticleRecord(std::string_view name) const {
  std::string v;
  Status s = Get(Cf::kArticles, name, &v);
  if (s.code() == Status::Code::kNotFound)
    return Status::NotFound("no article named '" + std::string(name) + "'");
  KG_RETURN_IF_ERROR(s);
  return codec::DecodeArticleRecord(name, v);
}

Result<ArticleInfo> Store::GetArticleInfo(std::string_view name) const {
  KG_ASSIGN_OR_RETURN(codec::ArticleRecord r, GetArticleRecord(name));
  return r.info;
}

Result<ArticleInfo> Store::ArticleInfoOf(TermId article) const {
  KG_ASSIGN_OR_RETURN(Value name, GetTerm(article));
  if (name.kind() != ValueKind::kArticle)
    return Status::NotFound("no article with id " + std::to_string(article));
  return GetArticleInfo(name.text());
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

}  // namespace kg::storage
