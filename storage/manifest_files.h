// The table files a database's MANIFEST lists, read from the MANIFEST alone:
// no column family is set up and no table file is opened, so a reader can
// afford to compare its own view with it at every open (storage/FORMAT.md,
// "Readers").
#ifndef KG_STORAGE_MANIFEST_FILES_H_
#define KG_STORAGE_MANIFEST_FILES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "kg/result.h"

namespace kg::storage {

// The numbers of the live table files of the database in `dir`, as its
// current MANIFEST (the one CURRENT names) lists them, in ascending order.
// IOError when CURRENT or that MANIFEST cannot be read (a writer may have
// just replaced the MANIFEST: callers look again); Corruption when the
// MANIFEST's records do not pass their checksums.
Result<std::vector<uint64_t>> ManifestTableFiles(const std::string& dir);

// The file name RocksDB gives table file `number` ("000042.sst").
std::string TableFileName(uint64_t number);

}  // namespace kg::storage

#endif  // KG_STORAGE_MANIFEST_FILES_H_
