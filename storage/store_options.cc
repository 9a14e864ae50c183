#include "storage/store_options.h"

#include <rocksdb/file_checksum.h>
#include <rocksdb/table.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "storage/store.h"

namespace kg::storage {

const char* const kCfNames[14] = {"default", "dict",     "terms",        "alias", "spo",   "pos",  "osp",
                                  "prov",    "articles", "article_data", "iri",   "stats", "meta", "counts"};
static_assert(std::size(kCfNames) == static_cast<size_t>(Cf::kCount));

rocksdb::ColumnFamilyOptions CfOptions(const std::shared_ptr<rocksdb::Cache>& cache, std::string_view name) {
  rocksdb::ColumnFamilyOptions o;
  rocksdb::BlockBasedTableOptions t;
  t.block_cache = cache;
  // The triple indexes are read by range: sorted fixed-width keys share long
  // prefixes, so larger blocks compress well (10^6 triples ≈ 20 MB). A seek
  // binary-searches the restart points and then reads keys one by one, so
  // restarts stay every 16 keys: nested-loop joins seek once per input row.
  // The per-key counts are mostly read by range too (CountByKey) and CountKey
  // probes arrive in key order: as 4 KB LZ4 blocks they took 9.4 MB at 10^6
  // triples, as 32 KB zstd blocks far less.
  const bool ranges = name == "spo" || name == "pos" || name == "osp" || name == "prov" ||
                      name == "article_data" || name == kCountsCfName;
  t.block_size = ranges ? 32 * 1024 : 4 * 1024;
  t.block_restart_interval = 16;
  // Index blocks stay uncompressed: every reader opens every table file and
  // reads its index, and a one-shot query paid for decompressing all of them
  // (about a twentieth of its CPU at 10^6 triples) to use two or three.
  t.enable_index_compression = false;
  o.table_factory.reset(rocksdb::NewBlockBasedTableFactory(t));
  // Keys are sorted ids: light compression for fresh data, zstd once settled
  // for the ranges. The dictionary and the other lookup tables are read one
  // key at a time — decoding a query's results is one lookup per new term —
  // so they keep small LZ4 blocks: a cold lookup decompresses 4 KB, not 32.
  o.compression = rocksdb::kLZ4Compression;
  o.bottommost_compression = ranges ? rocksdb::kZSTD : rocksdb::kLZ4Compression;
  o.level_compaction_dynamic_level_bytes = true;
  return o;
}

rocksdb::DBOptions BaseDbOptions() {
  rocksdb::DBOptions dbo;
  dbo.max_background_jobs = 2;
  dbo.keep_log_file_num = 3;
  // A full disk must not trigger RocksDB's automatic resume: it retries the
  // failed flush in the background while kg may still be writing, and in
  // 7.8 a write after a failed WAL append aborts (see storage/disk_space.h).
  // kg stops writing after the first error instead; the next open recovers.
  dbo.max_bgerror_resume_count = 0;
  // A whole-file CRC32c of every table file, recorded in the MANIFEST, so
  // `kg check` (DB::VerifyFileChecksums) finds a flipped byte anywhere —
  // block checksums leave out the properties block, which RocksDB reads
  // leniently. Files written before kg enabled this have none until they
  // are compacted; their blocks are still checked.
  // The write-ahead log of the last session stays a log at open instead of
  // being flushed to table files: opening needs no room for that flush, so
  // a writer opens on a nearly full disk and RocksDB never meets a full disk
  // half-way through an open (in 7.8 that path can abort). It is flushed
  // when its memtable fills, or when the logs pass max_total_wal_size.
  dbo.avoid_flush_during_recovery = true;
  dbo.max_total_wal_size = uint64_t{64} << 20;
  // No fallocate: RocksDB reserves 4 MiB for every MANIFEST and more for
  // every write-ahead log, which on a small or nearly full file system is
  // what fills it (a new, empty database took over 4 MiB of a tmpfs).
  dbo.allow_fallocate = false;
  dbo.file_checksum_gen_factory = rocksdb::GetFileChecksumGenCrc32cFactory();
  // Table files are opened on the opening thread. RocksDB otherwise starts
  // 15 threads per column family to open them in parallel, whatever their
  // number — over 200 threads to open a new database, a tenth of a writer's
  // open (docs/performance.md, "Fifth pass"); kg's column families hold a
  // few files each.
  dbo.max_file_opening_threads = 1;
  return dbo;
}

rocksdb::DBOptions ReaderDbOptions() {
  rocksdb::DBOptions dbo = BaseDbOptions();
  // Required by secondary instances: every table file is opened at open and
  // stays open, so a compaction of the writer cannot delete one under a
  // reader's feet.
  dbo.max_open_files = -1;
  // (Those files are opened on this thread: BaseDbOptions.)
  // The statistics RocksDB reads from table properties at open feed the
  // writer's compaction decisions; a reader never compacts.
  dbo.skip_stats_update_on_db_open = true;
  // Table files are read through mappings, not pread into a buffer: a
  // decode or pair-table pass reads hundreds of blocks once each (without
  // filling the block cache), and each was a system call and a copy. At
  // 10^6 triples (docs/performance.md, "Fifth pass") the literal filter +
  // join took 114 → 94 ms of CPU, the others within the noise. Table files
  // are never rewritten; a writer only unlinks them, and a mapping keeps an
  // unlinked file readable as the open descriptor did. (Store::VerifyFiles
  // does not use DB::VerifyFileChecksums, which fails with mapped files.)
  dbo.allow_mmap_reads = true;
  // A reader's log lives in its scratch directory, which the next reader
  // removes: writing it (every column family's options, about 3,000 lines)
  // cost each query process a file and a tenth of its open.
  dbo.info_log = std::make_shared<NoLogger>();
  // Without it a reader starts two threads at open (a flush and a
  // compaction pool's) that a one-shot query never uses.
  // Never destroyed: a DB may be closed during static destruction.
  static LazyThreadsEnv* const lazy_threads_env = new LazyThreadsEnv();
  dbo.env = lazy_threads_env;
  return dbo;
}

// What a reader must re-read when it changes: the writer's MANIFEST (flushes,
// compactions, SST ingests), its WAL files (every committed batch appends to
// one) and CURRENT, each by name, size and modification time.
std::string PrimarySignature(const std::string& dir) {
  std::vector<std::string> parts;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const bool wanted = name == "CURRENT" || name.rfind("MANIFEST-", 0) == 0 ||
                        (name.size() > 4 && name.compare(name.size() - 4, 4, ".log") == 0);
    if (!wanted) continue;
    std::error_code e1, e2;
    const auto size = entry.file_size(e1);
    const auto mtime = entry.last_write_time(e2);
    if (e1 || e2) return {};
    parts.push_back(name + ":" + std::to_string(size) + ":" +
                    std::to_string(mtime.time_since_epoch().count()));
  }
  if (ec) return {};
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const std::string& p : parts) out += p + "\n";
  return out;
}

}  // namespace kg::storage
