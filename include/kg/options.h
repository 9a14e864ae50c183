// Options for opening a database, writing and querying.
#ifndef KG_OPTIONS_H_
#define KG_OPTIONS_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

namespace kg {

enum class OpenMode : uint8_t {
  // The single writer. Fails with Status::Busy ("database is in use by another
  // writer") when another process holds the database for writing.
  kReadWrite,
  // A reader that may run while another process writes. It sees a consistent
  // snapshot and catches up with the writer's committed data on
  // DB::Refresh() (called automatically before each Query(), except while a
  // streaming QueryCursor is open).
  kReader,
};

struct Options {
  // Create the database if there is none at the path (kReadWrite only).
  // Off by default, as in RocksDB: a mistyped path is NotFound, not a new
  // empty database. Default: false
  bool create_if_missing = false;
  // Default: kReadWrite
  OpenMode mode = OpenMode::kReadWrite;
  // RocksDB block cache size in bytes. Default: 64 MiB
  size_t block_cache_bytes = 64u << 20;
  // kReader only: a database of an older format version is first upgraded
  // in place by a short writer open (storage/FORMAT.md, "Versioning"), when
  // its directory is writable and no writer holds it; otherwise, or with
  // false, it is read as it is (entity types of a version-3 database then
  // stay under the predicate `type`). kg check passes false: it must not
  // write. A writer always upgrades. Default: true
  bool upgrade_older_format = true;
};

struct WriteOptions {
  // If an article with the same name but different content exists, replace
  // it; without this, that is Status::AlreadyExists. Identical content is
  // always a no-op (LoadOutcome::kUnchanged). Default: false
  bool replace = false;
};

struct QueryOptions {
  // Include facts stated only with hedges ("may", "is expected to").
  // Default: false
  bool include_hedged = false;
  // Stop a running query when set to true from another thread (Ctrl-C).
  // Status::Cancelled is returned. Default: nullptr (not cancellable)
  const std::atomic<bool>* cancel = nullptr;
  // Upper bound on rows materialized by one query before it fails with a
  // clear error, protecting interactive users from runaway results.
  // Default: 50 million
  uint64_t max_rows = 50'000'000;
  // Memory budget of one query in bytes: what its operators hold (hash-join
  // tables, path frontiers and visited sets, DISTINCT and GROUP BY tables,
  // rows kept for ORDER BY, the result being built), counted approximately
  // (bytes per row or entry). Crossing it stops the query with
  // Status::ResourceExhausted naming the limit, and everything it held is
  // freed. 0 means the default: a quarter of the machine's physical memory
  // (DefaultQueryMemoryLimit()). Default: 0
  uint64_t memory_limit = 0;
  // Time budget of one query (parse, plan and run) in milliseconds; crossing
  // it stops the query with Status::ResourceExhausted. 0: no limit.
  // Default: 0
  uint64_t timeout_ms = 0;
};

// A quarter of the machine's physical memory (1 GiB when it cannot be
// read): the memory budget of a query whose QueryOptions::memory_limit is 0.
uint64_t DefaultQueryMemoryLimit();

}  // namespace kg

#endif  // KG_OPTIONS_H_
