// kg::DB — an embedded knowledge graph stored in RocksDB.
//
// Thread-safety: all const-like operations (Query, Scan, Articles, Stats) are
// safe to call from several threads at once. Writes (AddArticle, LoadArticle,
// DeleteArticle, Import) are serialized internally; only one process may
// write a database at a time (others open it with OpenMode::kReader).
#ifndef KG_DB_H_
#define KG_DB_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kg/article.h"
#include "kg/options.h"
#include "kg/query_cursor.h"
#include "kg/query_result.h"
#include "kg/result.h"
#include "kg/status.h"
#include "kg/value.h"

namespace kg {

// A triple as returned by DB::Scan.
struct Triple {
  Value subject;
  std::string predicate;
  Value object;
};

// A pattern for DB::Scan: null Values / empty predicate are wildcards.
struct TriplePattern {
  Value subject;
  std::string predicate;
  Value object;
};

struct PredicateStats {
  std::string predicate;
  uint64_t triples = 0;
  uint64_t distinct_subjects = 0;
  uint64_t distinct_objects = 0;
};

struct DBStats {
  uint64_t triples = 0;
  uint64_t entities = 0;
  uint64_t predicates = 0;
  uint64_t literals = 0;
  uint64_t articles = 0;
  uint64_t disk_bytes = 0;  // live SST + WAL size
  uint32_t format_version = 0;
  std::vector<PredicateStats> per_predicate;  // sorted by predicate name
};

// What DB::Check verified.
struct CheckReport {
  uint64_t files = 0;     // table files whose every block checksum was verified
  uint64_t bytes = 0;     // their size
  uint64_t triples = 0;   // triples found consistent across indexes, provenance and counts
  uint64_t articles = 0;  // articles whose triple lists, provenance and counts agree
};

class DB {
 public:
  // Opens the database at `path`; with kReadWrite and create_if_missing,
  // creates it (atomically: a crash leaves no half database) if there is
  // none. The parent directory must exist. Every open verifies that the
  // table files the database names are present and that its indexes hold
  // the triples its statistics count (cheap; DB::Check does the full check).
  // Errors: Busy if another process writes it (kReadWrite); NotFound if
  // there is no database and !create_if_missing or mode is kReader, or the
  // parent directory is missing; InvalidArgument if `path` is a file or a
  // directory that is not a kg database; NotSupported for a format version
  // this build does not read (newer, or 0) and for kReadWrite on a directory
  // this process may not write (open it with kReader); Corruption "database
  // damaged: …" when the checks fail; IOError otherwise (including "not
  // enough free space …"). Every error carries a hint saying what to do.
  static Result<std::unique_ptr<DB>> Open(const std::string& path, const Options& options = {});

  virtual ~DB() = default;
  DB(const DB&) = delete;
  DB& operator=(const DB&) = delete;

  // Stores `article` atomically (one WriteBatch): after a crash it is either
  // wholly present or absent. Same name and same content hash: no-op
  // (kUnchanged). Same name, different content: AlreadyExists unless
  // options.replace. Errors: InvalidArgument for a malformed article (empty
  // name, fact pointing to a missing sentence), IOError.
  virtual Result<LoadReport> AddArticle(const ArticleData& article, const WriteOptions& options = {}) = 0;

  // Runs the loader on `text` (an English news article) and stores the result
  // as article `name`, resolving entities against those already stored.
  // Invalid UTF-8, empty or binary text is InvalidArgument and stores nothing.
  virtual Result<LoadReport> LoadArticle(const std::string& name, std::string_view text,
                                         const WriteOptions& options = {}) = 0;

  // Removes the article and exactly the triples only it asserted.
  // NotFound if there is no such article.
  virtual Status DeleteArticle(const std::string& name) = 0;

  // Parses, plans and runs a query (see docs/query-language.md).
  // SyntaxError (with span) for a malformed query, InvalidArgument (with span)
  // for a semantic error, Cancelled if options.cancel was set.
  virtual Result<QueryResult> Query(std::string_view query, const QueryOptions& options = {}) = 0;

  // Opens a cursor over the answer to `query`: its rows one at a time,
  // computed as they are asked for when the query's shape allows it (see
  // kg/query_cursor.h for which shapes stream, and for lifetimes). The
  // cursor must be destroyed before this DB.
  // Errors: as Query() for whatever stops the query before its rows are
  // handed out (a malformed query; for shapes that do not stream, any
  // error); later errors end the rows and are QueryCursor::status().
  virtual Result<std::unique_ptr<QueryCursor>> OpenCursor(std::string_view query,
                                                          const QueryOptions& options = {}) = 0;

  // Calls `fn` for every stored triple matching `pattern` until it returns
  // false. Unknown names match nothing.
  virtual Status Scan(const TriplePattern& pattern, const std::function<bool(const Triple&)>& fn) = 0;

  virtual Result<std::vector<ArticleInfo>> Articles() = 0;
  virtual Result<DBStats> Stats() = 0;

  // The full consistency check (the one the storage tests run after every
  // scenario): every block checksum of every table file, then every
  // invariant of storage/FORMAT.md by recomputation — the three indexes hold
  // the same triples, provenance, article triple lists, statistics and
  // per-key counts agree. Reads the whole database; memory grows with the
  // number of triples (about 200 bytes each). Corruption "database damaged:
  // …" naming the first problem found; works on readers while a writer runs.
  virtual Result<CheckReport> Check() = 0;

  // For kReader handles: catch up with the writer's committed data. A no-op
  // for the writer. Busy while a streaming QueryCursor of this handle is
  // open (it reads the view it opened on); the catch-up that Query() and
  // the other reads do first is skipped then.
  virtual Status Refresh() = 0;

  // Names for completion and hints (the REPL's Tab key, `.entities`):
  // canonical entity names and aliases starting with `prefix`
  // (case-insensitive; "" matches all), at most `limit`, sorted.
  virtual Result<std::vector<std::string>> EntityNames(std::string_view prefix, size_t limit) = 0;

 protected:
  DB() = default;
};

}  // namespace kg

#endif  // KG_DB_H_
