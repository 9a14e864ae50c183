#include "storage/dir_watch.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>

namespace kg::storage {

DirWatch::DirWatch(const std::string& dir) {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) return;
  // Every way a writer changes a file: appends (IN_MODIFY), new files and
  // renames (CURRENT is replaced by a rename), removal, and the directory
  // itself going away.
  constexpr uint32_t kEvents = IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE |
                               IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;
  if (inotify_add_watch(fd_, dir.c_str(), kEvents) < 0) {
    close(fd_);
    fd_ = -1;
  }
}

DirWatch::~DirWatch() {
  if (fd_ >= 0) close(fd_);
}

bool DirWatch::Changed() {
  if (fd_ < 0) return true;
  bool changed = false;
  // Drains the queue: the events themselves do not matter, only that there
  // were some (an overflow is an event too).
  alignas(inotify_event) char buf[4096];
  for (;;) {
    const ssize_t n = read(fd_, buf, sizeof buf);
    if (n > 0) {
      changed = true;
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    // EAGAIN: the queue is empty. Anything else: the watch cannot be
    // trusted from now on.
    if (n < 0 && errno != EAGAIN) {
      close(fd_);
      fd_ = -1;
      return true;
    }
    return changed;
  }
}

}  // namespace kg::storage
