// Running build/kg as a child process in end-to-end tests.
#ifndef KG_TESTS_CLI_SUBPROCESS_H_
#define KG_TESTS_CLI_SUBPROCESS_H_

#include <map>
#include <string>
#include <vector>

namespace kg::cli::testing {

struct RunResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

// The kg binary under test: $KG_TEST_BINARY when set, else the build's.
std::string KgBinary();
// The source tree (for data/).
std::string SourceDir();

// Runs `program args...` with `input` on stdin and the extra environment
// variables `env` (name → value; an empty value unsets), capturing stdout and
// stderr. Kills the child after `timeout_s` seconds.
RunResult Run(const std::string& program, const std::vector<std::string>& args, const std::string& input = "",
              const std::map<std::string, std::string>& env = {}, int timeout_s = 60);

// Runs kg.
inline RunResult Kg(const std::vector<std::string>& args, const std::string& input = "",
                    const std::map<std::string, std::string>& env = {}) {
  return Run(KgBinary(), args, input, env);
}

// A fresh temporary directory, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }
  // Writes `content` to File(name) and returns its path.
  std::string Write(const std::string& name, const std::string& content) const;

 private:
  std::string path_;
};

std::string ReadFileOrEmpty(const std::string& path);

// Holds the writer lock of the database at `path` (an fcntl lock on its
// LOCK file, as RocksDB takes it) until destroyed or Release()d: to kg
// processes it looks like another writer at work.
class HeldWriterLock {
 public:
  explicit HeldWriterLock(const std::string& db_path);
  ~HeldWriterLock() { Release(); }
  HeldWriterLock(const HeldWriterLock&) = delete;
  HeldWriterLock& operator=(const HeldWriterLock&) = delete;
  bool ok() const { return fd_ >= 0; }
  void Release();

 private:
  int fd_ = -1;
};

}  // namespace kg::cli::testing

#endif  // KG_TESTS_CLI_SUBPROCESS_H_
