#include "storage/manifest_files.h"

#include <rocksdb/env.h>
#include <rocksdb/file_checksum.h>
#include <rocksdb/version.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <limits>
#include <memory>

#include "storage/rocks_status.h"

// Exported by librocksdb (its backup engine reads a MANIFEST's file list
// with it) but declared in an internal header (util/file_checksum_helper.h)
// that Debian does not install. It replays the MANIFEST's edits into a
// file list only — what a read-only open of every column family cost a
// reader's open before, a third of it.
static_assert(ROCKSDB_MAJOR == 7, "check that GetFileChecksumsFromManifest keeps its signature");
namespace rocksdb {
Status GetFileChecksumsFromManifest(Env* src_env, const std::string& abs_path, uint64_t manifest_file_size,
                                    FileChecksumList* checksum_list);
}  // namespace rocksdb

namespace kg::storage {

std::string TableFileName(uint64_t number) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%06llu.sst", static_cast<unsigned long long>(number));
  return buf;
}

Result<std::vector<uint64_t>> ManifestTableFiles(const std::string& dir) {
  std::string manifest;
  {
    std::ifstream current(dir + "/CURRENT");
    if (!std::getline(current, manifest) || manifest.empty())
      return Status::IOError("cannot read '" + dir + "/CURRENT'");
  }
  std::unique_ptr<rocksdb::FileChecksumList> list(rocksdb::NewFileChecksumList());
  KG_RETURN_IF_ERROR(
      FromRocks(rocksdb::GetFileChecksumsFromManifest(rocksdb::Env::Default(), dir + "/" + manifest,
                                                      std::numeric_limits<uint64_t>::max(), list.get()),
                "reading '" + dir + "/" + manifest + "'"));
  std::vector<uint64_t> numbers;
  std::vector<std::string> checksums, functions;
  KG_RETURN_IF_ERROR(FromRocks(list->GetAllFileChecksums(&numbers, &checksums, &functions), "MANIFEST"));
  std::sort(numbers.begin(), numbers.end());
  return numbers;
}

}  // namespace kg::storage
