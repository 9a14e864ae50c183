// DirWatch: whether anything in a directory may have changed since the last
// look, for a reader deciding if it must look at the writer's files again
// (Store::Refresh, FORMAT.md "Readers"). Listing the directory and stat'ing
// the MANIFEST, WAL and CURRENT before each query costs about 15 system
// calls and 80,000 instructions; asking an inotify watch that nothing
// happened costs one read that returns at once.
//
// The watch sees what processes on this machine do to the directory's files
// (a writer on another machine, over a network file system, is not seen —
// nor can it share the database's lock with this one). Not thread-safe.
#ifndef KG_STORAGE_DIR_WATCH_H_
#define KG_STORAGE_DIR_WATCH_H_

#include <string>

namespace kg::storage {

class DirWatch {
 public:
  // Starts watching `dir`. When the system has no watch to give (inotify's
  // per-user limit), Changed() is always true.
  explicit DirWatch(const std::string& dir);
  ~DirWatch();
  DirWatch(const DirWatch&) = delete;
  DirWatch& operator=(const DirWatch&) = delete;

  // True when a file in the directory was created, written, renamed or
  // removed since the last call (since construction, the first time), or
  // when that cannot be known: no watch, or the kernel's queue of events
  // overflowed.
  bool Changed();

 private:
  int fd_ = -1;
};

}  // namespace kg::storage

#endif  // KG_STORAGE_DIR_WATCH_H_
