// Housekeeping of what kg leaves next to a database: reader scratch
// directories, directories of interrupted creations and imports, and the
// empty write-ahead logs RocksDB 7.8 keeps after every writer session that
// wrote nothing.
#ifndef KG_STORAGE_HOUSEKEEPING_H_
#define KG_STORAGE_HOUSEKEEPING_H_

#include <cstdint>
#include <string>

#include "kg/result.h"

namespace kg::storage {

// Creates `parent`/`prefix`<pid>-XXXXXX (mkdtemp) owned by this process.
// IOError naming the directory when it cannot be created.
Result<std::string> MakeOwnedDir(const std::string& parent, const std::string& prefix);

// Removes every directory of `parent` whose name holds `marker`<pid>- (as
// MakeOwnedDir names them) for a process that no longer runs (killed, or
// ended by a signal before it could clean up). Directories of running
// processes are left alone. Errors are ignored: this is cleanup.
void RemoveDeadOwnersDirs(const std::string& parent, const std::string& marker);

// Removes the write-ahead logs (NNNNNN.log) of `db_dir` that are empty and
// older than `current_wal`, the one the open writer appends to. Call only
// while holding the database as its writer: an empty log holds no record,
// and RocksDB recovers from the logs it finds, so removing it loses nothing.
void RemoveEmptyOldWals(const std::string& db_dir, uint64_t current_wal);

// Removes the kg-import-* directories of bulk imports that were killed
// (writers only: the writer lock guarantees no import is running).
void RemoveImportLeftovers(const std::string& db_dir);

}  // namespace kg::storage

#endif  // KG_STORAGE_HOUSEKEEPING_H_
