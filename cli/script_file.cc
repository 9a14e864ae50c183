#include "cli/script_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>

#include "api/utf8.h"

namespace kg::cli {

namespace {

// "line 3, column 7" for byte `offset` of `text` (columns count bytes: the
// text around a bad byte is not valid UTF-8 anyway).
std::string Position(std::string_view text, size_t offset) {
  const size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
  const size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const size_t column =
      line_start == std::string_view::npos || offset == 0 ? offset + 1 : offset - line_start;
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

Status NotText(const std::string& path, std::string_view text, size_t offset, const char* what) {
  return Status::InvalidArgument("'" + path + "' is not a text file: " + Position(text, offset) + " holds " +
                                 what)
      .WithHint(".read runs a UTF-8 text file of statements and dot-commands");
}

std::string HumanSize(uint64_t bytes) {
  if (bytes % (uint64_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

}  // namespace

Result<std::string> ReadScriptFile(const std::string& path, uint64_t max_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    const std::string message = "cannot read '" + path + "': " + std::strerror(err);
    const char* hint = "check the path (relative paths start from the current directory)";
    if (err == ENOENT) return Status::NotFound(message).WithHint(hint);
    return Status::IOError(message).WithHint(hint);
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Status::InvalidArgument("'" + path + "' is a directory, not a script")
        .WithHint(
            ".read takes a file of statements; to load the articles of a directory, use .load DIR/*.txt");
  }
  std::string text;
  char buf[64 * 1024];
  while (true) {
    const ssize_t n = ::read(fd, buf, sizeof(buf));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      return Status::IOError("cannot read '" + path + "': " + std::strerror(err));
    }
    if (n == 0) break;
    const size_t before = text.size();
    text.append(buf, static_cast<size_t>(n));
    // Stop at once on binary data instead of reading all of it.
    if (const void* nul = std::memchr(text.data() + before, '\0', static_cast<size_t>(n))) {
      ::close(fd);
      return NotText(path, text, static_cast<size_t>(static_cast<const char*>(nul) - text.data()),
                     "a NUL byte");
    }
    if (text.size() > max_bytes) {
      ::close(fd);
      return Status::InvalidArgument("'" + path + "' is larger than " + HumanSize(max_bytes) +
                                     ", too large for a script")
          .WithHint(".read runs a file of statements; to load articles use .load, for RDF use kg import");
    }
  }
  ::close(fd);
  size_t bad = 0;
  if (!utf8::Valid(text, &bad)) return NotText(path, text, bad, "a byte that is not UTF-8");
  return text;
}

}  // namespace kg::cli
