// What lies at a database path, and atomic creation of a new database.
//
// A new database is built in a hidden directory next to its path
// (".<name>.kg-new-<pid>-XXXXXX") and renamed into place once it is complete
// (column families, format version, synced), so a process killed during
// creation never leaves a half database under the user's path: the path
// either does not exist or holds a complete kg database. The hidden
// directories of killed creations are removed by the next creation of any
// database in the same parent directory.
#ifndef KG_STORAGE_DB_DIR_H_
#define KG_STORAGE_DB_DIR_H_

#include <functional>
#include <string>

#include "kg/status.h"

namespace kg::storage {

enum class DirKind {
  kMissing,      // nothing at the path
  kFile,         // a file, not a directory
  kEmpty,        // an empty directory
  kRocksDb,      // a directory with a RocksDB CURRENT file
  kInterrupted,  // only what a RocksDB creation leaves before its CURRENT file
                 // (LOCK, LOG, IDENTITY, MANIFEST-*, OPTIONS-*, *.log): a
                 // creation by an older kg that was killed
  kOther,        // a directory holding something else
};
DirKind InspectDir(const std::string& path);

// NotFound "cannot create '<path>': its parent directory '<parent>' does not
// exist" (with a mkdir hint) unless the parent of `path` is a directory.
Status CheckParentDirectory(const std::string& path);

// Whether this process may create files in the directory `path`.
bool IsWritableDirectory(const std::string& path);

// Whether a process holds the RocksDB lock of the database at `path`.
bool IsLockHeld(const std::string& path);

// Creates the database at `path` (missing or an empty directory): `build`
// fills a fresh hidden directory beside `path` with a complete, synced
// database; it is then renamed to `path` and the parent directory synced.
// When another process created `path` meanwhile, the built copy is dropped
// and OK returned (the caller opens what is there). Errors: those of
// CheckParentDirectory, of `build`, IOError for a failed rename.
Status CreateAtomically(const std::string& path, const std::function<Status(const std::string& dir)>& build);

}  // namespace kg::storage

#endif  // KG_STORAGE_DB_DIR_H_
