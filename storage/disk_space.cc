#include "storage/disk_space.h"

#include <sys/statvfs.h>

#include <cstdio>
#include <limits>

namespace kg::storage {

uint64_t FreeBytes(const std::string& path) {
  struct statvfs st {};
  if (::statvfs(path.c_str(), &st) != 0) return std::numeric_limits<uint64_t>::max();
  return static_cast<uint64_t>(st.f_bavail) * static_cast<uint64_t>(st.f_frsize);
}

std::string HumanBytes(uint64_t bytes) {
  char buf[32];
  if (bytes < (uint64_t{10} << 20)) {  // KiB up to 10 MiB: "1.0 MiB free, 1.0 MiB needed" says nothing
    std::snprintf(buf, sizeof(buf), "%llu KiB", static_cast<unsigned long long>((bytes + 1023) / 1024));
  } else {
    std::snprintf(buf, sizeof(buf), "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  }
  return buf;
}

Status CheckFreeSpace(const std::string& path, uint64_t needed, const std::string& what) {
  const uint64_t free = FreeBytes(path);
  const uint64_t want = needed + kMinFreeBytes;
  if (free >= want) return Status::OK();
  return Status::IOError("not enough free space for " + what + " on the file system of '" + path +
                         "': " + HumanBytes(free) + " free, " + HumanBytes(want) + " needed")
      .WithHint(
          "free some space on that file system and run the command again; the database is unchanged "
          "and read commands (kg query, kg stats) still work");
}

}  // namespace kg::storage
