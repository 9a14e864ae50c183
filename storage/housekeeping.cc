#include "storage/housekeeping.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace kg::storage {

namespace fs = std::filesystem;

Result<std::string> MakeOwnedDir(const std::string& parent, const std::string& prefix) {
  std::string tmpl = (fs::path(parent) / (prefix + std::to_string(::getpid()) + "-XXXXXX")).string();
  if (::mkdtemp(tmpl.data()) == nullptr)
    return Status::IOError("cannot create the directory '" + tmpl + "': " + std::strerror(errno));
  return tmpl;
}

namespace {

// The pid in "…<marker><pid>-…", or 0 when the name has another shape.
pid_t OwnerOf(const std::string& name, const std::string& marker) {
  const size_t at = name.find(marker);
  if (at == std::string::npos) return 0;
  size_t i = at + marker.size(), end = i;
  while (end < name.size() && name[end] >= '0' && name[end] <= '9') ++end;
  if (end == i || end >= name.size() || name[end] != '-') return 0;
  return static_cast<pid_t>(std::strtol(name.c_str() + i, nullptr, 10));
}

}  // namespace

void RemoveDeadOwnersDirs(const std::string& parent, const std::string& marker) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(parent, ec)) {
    const pid_t owner = OwnerOf(e.path().filename().string(), marker);
    if (owner <= 0 || owner == ::getpid()) continue;
    // ESRCH: no such process. EPERM means it runs under another user.
    if (::kill(owner, 0) == 0 || errno != ESRCH) continue;
    std::error_code rm;
    if (e.is_directory(rm)) fs::remove_all(e.path(), rm);
  }
}

void RemoveEmptyOldWals(const std::string& db_dir, uint64_t current_wal) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(db_dir, ec)) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() != ".log" || name.size() <= 4) continue;
    const std::string digits = name.substr(0, name.size() - 4);
    if (digits.find_first_not_of("0123456789") != std::string::npos) continue;
    if (std::strtoull(digits.c_str(), nullptr, 10) >= current_wal) continue;
    std::error_code sz;
    if (e.file_size(sz) == 0 && !sz) fs::remove(e.path(), sz);
  }
}

void RemoveImportLeftovers(const std::string& db_dir) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(db_dir, ec)) {
    std::error_code rm;
    if (e.is_directory(rm) && e.path().filename().string().rfind("kg-import-", 0) == 0)
      fs::remove_all(e.path(), rm);
  }
}

}  // namespace kg::storage
