// The checks a Store runs on what it opens (VerifyOnOpen) and the file part
// of `kg check` (VerifyFiles). Silent damage — a table file deleted, cut
// short or replaced — otherwise shows as missing rows or wrong counts,
// because a RocksDB secondary instance tolerates missing files.
#include <rocksdb/db.h>
#include <rocksdb/file_checksum.h>
#include <rocksdb/metadata.h>
#include <rocksdb/sst_file_reader.h>
#include <rocksdb/table_properties.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "storage/key_codec.h"
#include "storage/manifest_files.h"
#include "storage/rocks_status.h"
#include "storage/store.h"
#include "storage/store_options.h"

namespace kg::storage {

namespace fs = std::filesystem;

namespace {

const char* const kDamageHint =
    "see docs/operations.md, \"Damage\": restore the database from a backup, or rebuild it from an export "
    "(kg export) or from the articles; `kg check` lists what is wrong";

Status Damaged(const std::string& what) {
  return Status::Corruption("database damaged: " + what).WithHint(kDamageHint);
}

// Whether a fresh read of the MANIFEST lists table file `number` (true when
// it cannot be read: then nothing clears the file). RocksDB writes a
// compaction's removal of a file to the MANIFEST before it deletes the
// file, so a missing file no longer listed was replaced, not lost.
bool ManifestStillLists(const std::string& path, uint64_t number) {
  auto listed = ManifestTableFiles(path);
  return !listed.ok() || std::find(listed->begin(), listed->end(), number) != listed->end();
}

}  // namespace

Status Store::VerifyLiveFiles() const {
  std::vector<rocksdb::LiveFileMetaData> files;
  db_->GetLiveFilesMetaData(&files);
  for (const auto& f : files) {
    const std::string file = (fs::path(f.directory) / f.relative_filename).string();
    std::error_code ec;
    const uint64_t size = fs::file_size(file, ec);
    if (ec) {
      // A reader's view may name a file the writer's compaction replaced
      // since the view was taken (the reader keeps it open, so it still
      // reads it): damage only when the MANIFEST as it is now still lists it.
      if (read_only_ && !ManifestStillLists(path_, f.file_number)) continue;
      return Damaged("'" + file + "', which the MANIFEST lists, is missing (" + ec.message() + ")");
    }
    if (size != f.size) {
      return Damaged("'" + file + "' has " + std::to_string(size) + " bytes, the MANIFEST says " +
                     std::to_string(f.size) + " (cut short or replaced)");
    }
  }
  return Status::OK();
}

namespace {

// An upper bound of the live keys of a column family: every live key is a
// put in a table file or an entry in a memtable. Costs the table properties
// RocksDB already holds, not a scan.
uint64_t MaxKeys(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* h) {
  rocksdb::TablePropertiesCollection props;
  if (!db->GetPropertiesOfAllTables(h, &props).ok()) return UINT64_MAX;
  uint64_t n = 0, v = 0;
  for (const auto& [name, p] : props) n += p->num_entries - p->num_deletions - p->num_merge_operands;
  if (db->GetIntProperty(h, "rocksdb.num-entries-active-mem-table", &v)) n += v;
  if (db->GetIntProperty(h, "rocksdb.num-entries-imm-mem-tables", &v)) n += v;
  return n;
}

}  // namespace

// Counts every column family must at least hold, from the statistics and
// the metadata: fewer keys than that means table files are missing or wrong
// (a RocksDB secondary instance opens without a missing file and its data
// silently disappears from answers).
Status Store::VerifyCounts() const {
  auto too_few = [&](Cf c, uint64_t need, const std::string& why) -> Status {
    const uint64_t have = MaxKeys(db_, cf(c));
    if (have >= need) return Status::OK();
    return Damaged("the " + std::string(kCfNames[static_cast<int>(c)]) + " column family holds at most " +
                   std::to_string(have) + " entries, but " + why + " need " + std::to_string(need));
  };
  const uint64_t triples = PredicateStats(kNoTerm).triples;
  const std::string stated = "the statistics' " + std::to_string(triples) + " triples";
  for (Cf c : {Cf::kSpo, Cf::kPos, Cf::kOsp, Cf::kProv}) KG_RETURN_IF_ERROR(too_few(c, triples, stated));
  if (next_id_ > 1) {
    // Every allocated id has its dictionary entry and its lookup key.
    const std::string ids = "the " + std::to_string(next_id_ - 1) + " allocated ids";
    // Version 5 keeps 64 ids per dictionary entry; an older database may be
    // part-way through the upgrade to it, so it too is held to the groups.
    KG_RETURN_IF_ERROR(too_few(Cf::kDict, (next_id_ - 1) / codec::kDictGroupSize + 1,
                               ids + " (" + std::to_string(codec::kDictGroupSize) + " a dictionary entry)"));
    KG_RETURN_IF_ERROR(too_few(Cf::kTerms, next_id_ - 1, ids));
  }
  if (triples == 0) {
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf(Cf::kSpo)));
    it->SeekToFirst();
    if (it->Valid()) return Damaged("the statistics count no triples, but the spo index holds some");
  }
  if (cf(Cf::kCounts) != nullptr && format_version_ >= 2) {
    // One per-key count per (predicate, role, key): the distinct subjects
    // and objects of every predicate.
    uint64_t keys = 0;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), cf(Cf::kStats)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      if (it->key().size() != 8 || codec::GetU64(it->key().data()) == kNoTerm) continue;
      const TermStats st = codec::DecodeStats(std::string_view(it->value().data(), it->value().size()));
      keys += st.distinct_subjects + st.distinct_objects;
    }
    KG_RETURN_IF_ERROR(too_few(Cf::kCounts, keys, "the statistics' distinct subjects and objects"));
  }
  return Status::OK();
}

namespace {
Status VerifyManifestFiles(const std::string& path, const std::set<uint64_t>& seen);
}  // namespace

Status Store::VerifyOnOpen() {
  Status s = VerifyOnce();
  // A view can be caught between two steps of the writer: a list of live
  // files naming one a compaction has just replaced, or a reader's column
  // families replayed to different points (a flush of one family lands in
  // the MANIFEST while another's entries are still in the WAL). Real damage
  // stays damage on every look; a race does not, so take a fresh view and
  // look again, all checks together, before calling it damage.
  for (int attempt = 1; !s.ok() && attempt <= 5; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
    if (read_only_ && !db_->TryCatchUpWithPrimary().ok()) continue;
    s = VerifyOnce();
  }
  return s;
}

Status Store::VerifyOnce() {
  KG_RETURN_IF_ERROR(VerifyLiveFiles());
  // A reader's own view silently leaves out table files it cannot find, so
  // it asks the MANIFEST too (reading it costs a few milliseconds).
  if (read_only_) KG_RETURN_IF_ERROR(VerifyReaderFiles());
  return VerifyCounts();
}

Status Store::VerifyReaderFiles() {
  std::vector<rocksdb::LiveFileMetaData> view;
  db_->GetLiveFilesMetaData(&view);
  std::set<uint64_t> seen;
  for (const auto& f : view) seen.insert(f.file_number);
  return VerifyManifestFiles(path_, seen);
}

namespace {

// Every table file the MANIFEST names is in the reader's own view (`seen`:
// file numbers), or is one the writer added after the reader's open. The
// view silently leaves out the files a secondary instance could not open, so
// a listed file outside the view is damage when it is missing or cannot be
// opened; one that opens is newer than the view (a flush or compaction since
// the open). The sizes of the files in the view were checked against the
// MANIFEST by VerifyLiveFiles. `kg check` on a reader runs this too.
Status VerifyManifestFiles(const std::string& path, const std::set<uint64_t>& seen) {
  auto listed = ManifestTableFiles(path);
  if (!listed.ok()) return Damaged("'" + path + "': " + listed.status().message());
  // A compaction may remove a listed file between the MANIFEST read and the
  // look at the file. RocksDB writes the removal to the MANIFEST before it
  // deletes the file, so a file a fresh read no longer lists was replaced,
  // not lost.
  auto still_listed = [&path](uint64_t number) { return ManifestStillLists(path, number); };
  for (uint64_t number : *listed) {
    if (seen.count(number)) continue;
    const std::string file = (fs::path(path) / TableFileName(number)).string();
    std::error_code ec;
    if (!fs::exists(file, ec)) {
      if (!still_listed(number)) continue;
      return Damaged("'" + file + "', which the MANIFEST lists, is missing");
    }
    rocksdb::Options options;
    options.info_log = std::make_shared<NoLogger>();
    rocksdb::SstFileReader table(options);
    if (!table.Open(file).ok()) {
      if (!still_listed(number)) continue;
      return Damaged("'" + file + "' cannot be opened (cut short, replaced, or failing its checksums)");
    }
  }
  return Status::OK();
}

}  // namespace

namespace {

// The whole-file checksum of every live table file against the one the
// MANIFEST recorded, as DB::VerifyFileChecksums computes it. That call is
// not used: in RocksDB 7.8 it reads through a prefetch buffer that it
// disables when the database maps its files (allow_mmap_reads, which
// readers set), and then reports every file as "file read failed". Files
// written before kg recorded checksums have none and are skipped, as there.
Status VerifyWholeFileChecksums(const std::vector<rocksdb::LiveFileMetaData>& live) {
  std::vector<char> buf(1 << 20);
  for (const auto& f : live) {
    if (f.file_checksum_func_name == rocksdb::kUnknownFileChecksumFuncName ||
        f.file_checksum == rocksdb::kUnknownFileChecksum)
      continue;
    const std::string file = f.db_path + "/" + fs::path(f.name).filename().string();
    rocksdb::FileChecksumGenContext context;
    context.file_name = file;
    context.requested_checksum_func_name = f.file_checksum_func_name;
    std::unique_ptr<rocksdb::FileChecksumGenerator> gen =
        rocksdb::GetFileChecksumGenCrc32cFactory()->CreateFileChecksumGenerator(context);
    if (gen == nullptr || f.file_checksum_func_name != gen->Name()) {
      return Damaged("'" + file + "' has a checksum of an unknown kind (" + f.file_checksum_func_name + ")");
    }
    std::ifstream in(file, std::ios::binary);
    uint64_t size = 0;
    while (in) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      const auto n = static_cast<size_t>(in.gcount());
      gen->Update(buf.data(), n);
      size += n;
    }
    if (!in.eof()) return Damaged("'" + file + "' cannot be read");
    gen->Finalize();
    if (size != f.size || gen->GetChecksum() != f.file_checksum)
      return Damaged("'" + file + "' does not match the checksum the MANIFEST recorded for it");
  }
  return Status::OK();
}

}  // namespace

Status Store::VerifyFiles(uint64_t* files, uint64_t* bytes) {
  KG_RETURN_IF_ERROR(VerifyOnOpen());  // a reader's includes the MANIFEST probe
  std::vector<rocksdb::LiveFileMetaData> live;
  db_->GetLiveFilesMetaData(&live);
  *files = live.size();
  *bytes = 0;
  for (const auto& f : live) *bytes += f.size;
  rocksdb::Status s = db_->VerifyChecksum();
  if (!s.ok()) return Damaged(s.ToString());
  return VerifyWholeFileChecksums(live);
}

}  // namespace kg::storage
