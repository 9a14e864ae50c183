// Store::Open: the open rules (storage/FORMAT.md, "Opening"), atomic
// creation, the format version check and the housekeeping a writer does when
// it opens.
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <thread>

#include "storage/db_dir.h"
#include "storage/disk_space.h"
#include "storage/housekeeping.h"
#include "storage/key_codec.h"
#include "storage/rocks_status.h"
#include "storage/store.h"
#include "storage/store_internal.h"
#include "storage/store_options.h"

namespace kg::storage {

namespace fs = std::filesystem;

namespace {

std::string NotKg(const std::string& path) { return "'" + path + "' is not a kg database"; }

// The `secondary_path` of a reader's OpenAsSecondary, never created: RocksDB
// 7.8 writes there only its info log, which a reader replaces by a NoLogger
// (ReaderDbOptions), and the output of a remote compaction, which kg never
// runs. A directory of its own per reader cost every query process a
// listing of $TMPDIR, a mkdir and a removal (docs/performance.md, fourth
// pass).
const char* const kReaderSecondaryPath = "/nonexistent/kg-reader";

const char* const kNotKgHint =
    "--db must name a kg database directory, or a path where a new one can be created";

// Fills `dir` with a complete empty database: every column family, the
// format version and the id counter, synced, then closes it.
Status BuildEmptyDatabase(const std::string& dir, const std::shared_ptr<rocksdb::Cache>& cache) {
  rocksdb::DBOptions dbo = BaseDbOptions();
  dbo.create_if_missing = true;
  // The default column family at open, the others in one call: RocksDB
  // writes an OPTIONS file of all column families (and parses it back to
  // verify it) after each CreateColumnFamily, but once for
  // CreateColumnFamilies. Thirteen of them were most of a new database's
  // creation (docs/performance.md, "Fifth pass").
  std::vector<rocksdb::ColumnFamilyDescriptor> descs;
  descs.emplace_back(kCfNames[0], CfOptions(cache, kCfNames[0]));
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  KG_RETURN_IF_ERROR(
      FromRocks(rocksdb::DB::Open(dbo, dir, descs, &handles, &db), "cannot create '" + dir + "'"));
  std::vector<rocksdb::ColumnFamilyDescriptor> others;
  for (size_t i = 1; i < std::size(kCfNames); ++i)
    others.emplace_back(kCfNames[i], CfOptions(cache, kCfNames[i]));
  std::vector<rocksdb::ColumnFamilyHandle*> created;
  Status made = FromRocks(db->CreateColumnFamilies(others, &created), "cannot create '" + dir + "'");
  handles.insert(handles.end(), created.begin(), created.end());
  if (!made.ok()) {
    for (auto* h : handles) (void)db->DestroyColumnFamilyHandle(h);
    (void)db->Close();
    delete db;
    return made;
  }
  rocksdb::WriteBatch b;
  std::string ver, next;
  codec::PutU32(&ver, kFormatVersion);
  codec::PutU64(&next, 1);
  rocksdb::ColumnFamilyHandle* meta = handles[static_cast<int>(Cf::kMeta)];
  b.Put(meta, ToSlice(codec::kMetaFormatVersion), ver);
  b.Put(meta, ToSlice(codec::kMetaNextId), next);
  rocksdb::WriteOptions wo;
  wo.sync = true;  // the rename that publishes the database must not outrun this
  Status s = FromRocks(db->Write(wo, &b), "cannot create '" + dir + "'");
  for (auto* h : handles) (void)db->DestroyColumnFamilyHandle(h);
  Status closed = FromRocks(db->Close(), "cannot create '" + dir + "'");
  delete db;
  KG_RETURN_IF_ERROR(s);
  return closed;
}

// A RocksDB directory an older kg was killed while creating: only kg's
// column family names and nothing stored in any of them (not even the
// format version).
bool IsAbandonedCreation(const std::string& path) {
  std::vector<std::string> names;
  if (!rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &names).ok()) return false;
  std::set<std::string> ours(std::begin(kCfNames), std::end(kCfNames));
  std::vector<rocksdb::ColumnFamilyDescriptor> descs;
  for (const std::string& n : names) {
    if (!ours.count(n)) return false;
    descs.emplace_back(n, rocksdb::ColumnFamilyOptions());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  if (!rocksdb::DB::OpenForReadOnly(rocksdb::DBOptions(), path, descs, &handles, &db).ok()) return false;
  bool empty = true;
  for (auto* h : handles) {
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), h));
    it->SeekToFirst();
    if (it->Valid() || !it->status().ok()) empty = false;
  }
  for (auto* h : handles) (void)db->DestroyColumnFamilyHandle(h);
  (void)db->Close();
  delete db;
  return empty;
}

Status NoDatabase(const std::string& path, DirKind kind, const Options& options) {
  if (kind == DirKind::kInterrupted) {
    return Status::NotFound("'" + path + "' holds a database whose creation was interrupted")
        .WithHint("a write command (kg load, kg import) creates it anew there");
  }
  if (options.mode == OpenMode::kReader) {
    return Status::NotFound("no database at '" + path + "'")
        .WithHint("check the path, or create a database with a write command (kg --db " + path +
                  " load FILE.txt)");
  }
  return Status::NotFound("no database at '" + path + "'")
      .WithHint("check the path, or create a database there (kg --db " + path +
                " load FILE.txt, or kg --db " + path + " repl --create)");
}

// Creates the database at `path` (nothing there, an empty directory, or
// the remains of an interrupted creation, which are removed first).
Status Create(const std::string& path, DirKind kind, const std::shared_ptr<rocksdb::Cache>& cache) {
  KG_RETURN_IF_ERROR(CheckParentDirectory(path));
  if (kind != DirKind::kMissing && kind != DirKind::kEmpty) {
    if (IsLockHeld(path))
      return Status::Busy("'" + path + "' is being created by another process (" + path + "/LOCK is held)");
    std::error_code ec;
    fs::remove_all(path, ec);
    if (ec)
      return Status::IOError("cannot remove the interrupted creation at '" + path + "': " + ec.message());
  }
  const std::string parent = fs::path(path).lexically_normal().parent_path().string();
  KG_RETURN_IF_ERROR(CheckFreeSpace(parent.empty() ? "." : parent, 0, "a new database"));
  return CreateAtomically(path, [&](const std::string& dir) { return BuildEmptyDatabase(dir, cache); });
}

// The descriptors of kg's column families that the database at `path` has,
// for an open: a version-1 database lacks `counts`, which a writer adds
// (create_missing_column_families in `dbo`) and a reader does without.
// InvalidArgument when another column family is missing (not kg),
// Corruption when the MANIFEST cannot be read.
Result<std::vector<rocksdb::ColumnFamilyDescriptor>> ListedDescriptors(
    const std::string& path, bool reader, const std::shared_ptr<rocksdb::Cache>& cache,
    rocksdb::DBOptions* dbo) {
  std::vector<std::string> names;
  rocksdb::Status ls = rocksdb::DB::ListColumnFamilies(*dbo, path, &names);
  if (!ls.ok()) {
    // A CURRENT file whose MANIFEST cannot be read: a damaged database.
    return Status::Corruption("database damaged: '" + path + "': " + ls.ToString())
        .WithHint("see docs/operations.md, \"Damage\": restore a backup or rebuild from an export");
  }
  std::set<std::string> have(names.begin(), names.end());
  bool has_counts_cf = true;
  for (const char* n : kCfNames) {
    if (have.count(n)) continue;
    if (n == kCountsCfName) {
      has_counts_cf = false;
      continue;
    }
    return Status::InvalidArgument(NotKg(path) + " (column family '" + n + "' is missing)")
        .WithHint(kNotKgHint);
  }
  if (!has_counts_cf && !reader) dbo->create_missing_column_families = true;
  std::vector<rocksdb::ColumnFamilyDescriptor> descs;
  for (const char* n : kCfNames) {
    if (n == kCountsCfName && !has_counts_cf && reader) continue;
    descs.emplace_back(n, CfOptions(cache, n));
  }
  return descs;
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const Options& options) {
  const bool reader = options.mode == OpenMode::kReader;
  std::shared_ptr<rocksdb::Cache> cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  const DirKind kind = InspectDir(path);
  switch (kind) {
    case DirKind::kFile:
      return Status::InvalidArgument(NotKg(path) + " (it is a file)").WithHint(kNotKgHint);
    case DirKind::kOther:
      return Status::InvalidArgument(NotKg(path)).WithHint(kNotKgHint);
    case DirKind::kMissing:
    case DirKind::kEmpty:
    case DirKind::kInterrupted:
      if (reader || !options.create_if_missing) return NoDatabase(path, kind, options);
      KG_RETURN_IF_ERROR(Create(path, kind, cache));
      break;
    case DirKind::kRocksDb:
      break;
  }
  auto store = OpenExisting(path, options, cache);
  if (store.ok() && reader && options.upgrade_older_format && (*store)->format_version() < kFormatVersion &&
      IsWritableDirectory(path)) {
    // An older format: upgrade it through a writer's open (a reader cannot
    // write), then read the result. When a writer holds the database, or
    // the upgrade fails, read it as it is.
    store.value().reset();  // closes the reader
    Options writer = options;
    writer.mode = OpenMode::kReadWrite;
    writer.create_if_missing = false;
    (void)OpenExisting(path, writer, cache);
    store = OpenExisting(path, options, cache);
  }
  if (store.ok() || store.status().code() != Status::Code::kInvalidArgument || !IsAbandonedCreation(path))
    return store;
  // An older kg was killed while creating this database: nothing was stored.
  if (reader || !options.create_if_missing) return NoDatabase(path, DirKind::kInterrupted, options);
  KG_RETURN_IF_ERROR(Create(path, DirKind::kInterrupted, cache));
  return OpenExisting(path, options, cache);
}

Result<std::unique_ptr<Store>> Store::OpenExisting(const std::string& path, const Options& options,
                                                   std::shared_ptr<rocksdb::Cache> cache) {
  std::unique_ptr<Store> store(new Store());
  store->path_ = path;
  store->read_only_ = options.mode == OpenMode::kReader;
  store->cache_ = std::move(cache);
  if (!store->read_only_) {
    if (!IsWritableDirectory(path)) {
      return Status::NotSupported("'" + path + "' is read-only (its directory is not writable)")
          .WithHint("read commands and the REPL open it read-only; to write, make the directory writable");
    }
    // Room for the MANIFEST and OPTIONS files an open writes; the last
    // session's log is not flushed at open (BaseDbOptions).
    KG_RETURN_IF_ERROR(CheckFreeSpace(path, 0, "opening the database for writing"));
  }

  rocksdb::DBOptions dbo = store->read_only_ ? ReaderDbOptions() : BaseDbOptions();
  rocksdb::Status s;
  if (store->read_only_) {
    // What the secondary sees at open is at least what the writer's files
    // held at this point: the first Refresh (every query of the CLI runs one)
    // skips the catch-up — about 20 ms with its threads — unless the writer
    // has written since.
    // The watch first: a change made while the signature is taken is then
    // seen by the next Refresh.
    store->refresh_watch_ = std::make_unique<DirWatch>(path);
    store->refresh_signature_ = PrimarySignature(path);
    // A current database has every column family: open them all at once.
    // Listing them first reads the MANIFEST once more; that is left to the
    // databases this open refuses (not kg, damaged, version 1).
    std::vector<rocksdb::ColumnFamilyDescriptor> all;
    for (const char* n : kCfNames) all.emplace_back(n, CfOptions(store->cache_, n));
    s = rocksdb::DB::OpenAsSecondary(dbo, path, kReaderSecondaryPath, all, &store->handles_, &store->db_);
  }
  if (!store->read_only_ || !s.ok()) {
    store->handles_.clear();
    KG_ASSIGN_OR_RETURN(std::vector<rocksdb::ColumnFamilyDescriptor> descs,
                        ListedDescriptors(path, store->read_only_, store->cache_, &dbo));
    if (store->read_only_) {
      s = rocksdb::DB::OpenAsSecondary(dbo, path, kReaderSecondaryPath, descs, &store->handles_, &store->db_);
    } else {
      s = rocksdb::DB::Open(dbo, path, descs, &store->handles_, &store->db_);
    }
  }
  if (!s.ok()) {
    std::string m = s.ToString();
    if (!store->read_only_ && s.IsIOError() &&
        (m.find("lock") != std::string::npos || m.find("LOCK") != std::string::npos)) {
      return Status::Busy("database is in use by another writer (" + path + "/LOCK is held)")
          .WithHint(
              "wait for it to finish (a kg load, import or delete, or a REPL's .load or .delete); reading "
              "works meanwhile: kg query, kg articles and the REPL read while another process writes");
    }
    if (s.IsCorruption()) {
      return Status::Corruption("database damaged: '" + path + "': " + m)
          .WithHint("see docs/operations.md, \"Damage\": restore a backup or rebuild from an export");
    }
    return FromRocks(s, "cannot open '" + path + "'");
  }
  if (store->handles_.size() + 1 == static_cast<size_t>(Cf::kCount)) {  // a reader without `counts`
    store->handles_.insert(store->handles_.begin() + static_cast<int>(Cf::kCounts), nullptr);
  }
  Status meta = store->LoadMeta();
  // A secondary opened while a writer is switching to a new MANIFEST (as it
  // does on every open) can see an empty view for a moment; catch up and
  // look again before concluding that this is not a kg database.
  for (int attempt = 0; !meta.ok() && store->read_only_ && attempt < 20; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    if (!store->db_->TryCatchUpWithPrimary().ok()) continue;
    meta = store->LoadMeta();
  }
  KG_RETURN_IF_ERROR(meta);
  if (store->format_version_ >= 2 && store->cf(Cf::kCounts) == nullptr)
    return Status::Corruption("'" + path + "' has format version 2 but no counts column family");
  KG_RETURN_IF_ERROR(store->VerifyOnOpen());
  if (!store->read_only_ && store->format_version_ < 2) KG_RETURN_IF_ERROR(store->UpgradeToV2());
  if (!store->read_only_ && store->format_version_ < 3) KG_RETURN_IF_ERROR(store->UpgradeToV3());
  if (!store->read_only_ && store->format_version_ < 4) KG_RETURN_IF_ERROR(store->UpgradeToV4());
  if (!store->read_only_ && store->format_version_ < 5) KG_RETURN_IF_ERROR(store->UpgradeToV5());
  if (!store->read_only_) {
    RemoveImportLeftovers(path);
    // Readers of kg before the fourth pass of docs/performance.md made a
    // scratch directory each; those of readers that were killed stay until
    // a writer opens.
    RemoveDeadOwnersDirs(fs::temp_directory_path().string(), "kg-reader-");
    std::unique_ptr<rocksdb::LogFile> wal;
    if (store->db_->GetCurrentWalFile(&wal).ok() && wal) RemoveEmptyOldWals(path, wal->LogNumber());
  }
  return store;
}

void Store::PutFormatVersion(rocksdb::WriteBatch* b, uint32_t version) const {
  std::string v;
  codec::PutU32(&v, version);
  b->Put(cf(Cf::kMeta), ToSlice(codec::kMetaFormatVersion), v);
}

Status Store::LoadMeta() {
  std::string v;
  Status s = Get(Cf::kMeta, codec::kMetaFormatVersion, &v);
  if (s.code() == Status::Code::kNotFound) {
    // kg's column families with terms, or with table files, but no
    // metadata: the metadata's table file is gone or unreadable (a reader
    // leaves out table files it cannot open).
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf(Cf::kDict)));
    it->SeekToFirst();
    bool tables = false;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(path_, ec)) tables = tables || e.path().extension() == ".sst";
    if (it->Valid() || tables) {
      return Status::Corruption("database damaged: '" + path_ + "' holds data but no readable format version")
          .WithHint(
              "see docs/operations.md, \"Damage\": restore a backup or rebuild from an export or the "
              "articles");
    }
    return Status::InvalidArgument(NotKg(path_) + " (no format version)").WithHint(kNotKgHint);
  }
  KG_RETURN_IF_ERROR(s);
  if (v.size() != 4)
    return Status::Corruption("database damaged: malformed format version in '" + path_ + "'");
  format_version_ = codec::GetU32(v.data());
  if (format_version_ > kFormatVersion) {
    return Status::NotSupported("'" + path_ + "' was written by a newer kg (format version " +
                                std::to_string(format_version_) + "); this kg reads format versions 1 to " +
                                std::to_string(kFormatVersion) + ": upgrade kg")
        .WithHint("upgrade kg, or use another --db");
  }
  if (format_version_ == 0) {
    return Status::NotSupported("'" + path_ + "' has format version 0, which no kg writes; this kg reads " +
                                "format versions 1 to " + std::to_string(kFormatVersion))
        .WithHint("the database's metadata is wrong or damaged; see docs/operations.md, \"Damage\"");
  }
  if (Get(Cf::kMeta, codec::kMetaNextId, &v).ok() && v.size() == 8) next_id_ = codec::GetU64(v.data());
  for (int t = 1; t < codec::kNumTermTags; ++t) term_counts_[t] = TermCount(t);
  return Status::OK();
}

}  // namespace kg::storage
