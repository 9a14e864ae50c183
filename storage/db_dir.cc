#include "storage/db_dir.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "storage/housekeeping.h"

namespace kg::storage {

namespace fs = std::filesystem;

namespace {

// Files RocksDB writes while creating a database before CURRENT exists.
bool IsCreationResidue(const std::string& name) {
  auto starts = [&](const char* p) { return name.rfind(p, 0) == 0; };
  auto ends = [&](const char* s) {
    const size_t n = std::strlen(s);
    return name.size() >= n && name.compare(name.size() - n, n, s) == 0;
  };
  return name == "LOCK" || name == "IDENTITY" || starts("LOG") || starts("MANIFEST-") || starts("OPTIONS-") ||
         ends(".log") || ends(".dbtmp");
}

std::string ParentOf(const std::string& path) {
  fs::path parent = fs::path(path).lexically_normal().parent_path();
  return parent.empty() ? "." : parent.string();
}

std::string NameOf(const std::string& path) {
  fs::path p = fs::path(path).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();  // "x/" → "x"
  return p.filename().string();
}

void SyncDirectory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

}  // namespace

DirKind InspectDir(const std::string& path) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (!fs::exists(st)) return DirKind::kMissing;
  if (!fs::is_directory(st)) return DirKind::kFile;
  if (fs::exists(fs::path(path) / "CURRENT", ec)) return DirKind::kRocksDb;
  bool any = false, residue_only = true;
  for (const auto& e : fs::directory_iterator(path, ec)) {
    any = true;
    std::error_code e2;
    if (!e.is_regular_file(e2) || !IsCreationResidue(e.path().filename().string())) residue_only = false;
  }
  if (!any) return DirKind::kEmpty;
  return residue_only ? DirKind::kInterrupted : DirKind::kOther;
}

Status CheckParentDirectory(const std::string& path) {
  const std::string parent = ParentOf(path);
  std::error_code ec;
  if (fs::is_directory(parent, ec)) return Status::OK();
  return Status::NotFound("cannot create '" + path + "': its parent directory '" + parent +
                          "' does not exist")
      .WithHint("check the path for a typo, or create the parent first (mkdir -p " + parent + ")");
}

bool IsWritableDirectory(const std::string& path) { return ::access(path.c_str(), W_OK | X_OK) == 0; }

bool IsLockHeld(const std::string& path) {
  const std::string lock = (fs::path(path) / "LOCK").string();
  const int fd = ::open(lock.c_str(), O_RDONLY);
  if (fd < 0) return false;
  // RocksDB locks LOCK with fcntl; F_GETLK reports a lock of another process.
  struct flock fl {};
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  const bool held = ::fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK;
  ::close(fd);
  return held;
}

Status CreateAtomically(const std::string& path, const std::function<Status(const std::string& dir)>& build) {
  KG_RETURN_IF_ERROR(CheckParentDirectory(path));
  const std::string parent = ParentOf(path);
  const std::string prefix = "." + NameOf(path) + ".kg-new-";
  // Killed creations of any database in this directory.
  RemoveDeadOwnersDirs(parent, ".kg-new-");
  auto tmp = MakeOwnedDir(parent, prefix);
  if (!tmp.ok()) {
    return Status::IOError("cannot create '" + path + "': " + tmp.status().message())
        .WithHint("check that the directory '" + parent + "' is writable");
  }
  Status built = build(*tmp);
  std::error_code ec;
  if (!built.ok()) {
    fs::remove_all(*tmp, ec);
    return built;
  }
  // rename(2) replaces an empty directory and fails on a non-empty one: a
  // concurrent creator that won keeps its database.
  if (std::rename(tmp->c_str(), path.c_str()) != 0) {
    const int err = errno;
    fs::remove_all(*tmp, ec);
    if (err == ENOTEMPTY || err == EEXIST) return Status::OK();
    return Status::IOError("cannot create '" + path + "': rename from '" + *tmp +
                           "' failed: " + std::strerror(err));
  }
  SyncDirectory(parent);
  return Status::OK();
}

}  // namespace kg::storage
