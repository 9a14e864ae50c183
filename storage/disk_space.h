// Free space checks before writing: RocksDB 7.8 (Debian's build keeps its
// assertions) aborts the process when it appends to a write-ahead log after
// an earlier append failed for lack of space, and a writer opening on a full
// file system fails half-way. kg therefore refuses a write, or a writer open,
// while the file system holding the database has less room than it needs,
// and says so, before RocksDB touches a file.
#ifndef KG_STORAGE_DISK_SPACE_H_
#define KG_STORAGE_DISK_SPACE_H_

#include <cstdint>
#include <string>

#include "kg/status.h"

namespace kg::storage {

// The room kg keeps free besides a write's own bytes: a flush, the MANIFEST
// and OPTIONS files written at open. Default: 1 MiB.
inline constexpr uint64_t kMinFreeBytes = uint64_t{1} << 20;

// Bytes available to this process on the file system holding `path`
// (statvfs f_bavail); UINT64_MAX when it cannot be asked.
uint64_t FreeBytes(const std::string& path);

// OK when the file system of `path` has at least `needed` + kMinFreeBytes
// bytes free. Otherwise IOError "not enough free space for <what> on the file
// system of '<path>': N KiB free, M KiB needed" with a hint to free space and
// run the command again (the database is unchanged).
Status CheckFreeSpace(const std::string& path, uint64_t needed, const std::string& what);

// "12 KiB", "3.4 MiB": sizes in messages.
std::string HumanBytes(uint64_t bytes);

}  // namespace kg::storage

#endif  // KG_STORAGE_DISK_SPACE_H_
