#include "cli/process_exit.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "api/db_impl.h"

namespace kg::cli {

namespace {

// Sanitizer builds check for leaks at exit: they end the normal way.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kQuickExit = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
constexpr bool kQuickExit = false;
#else
constexpr bool kQuickExit = true;
#endif
#else
constexpr bool kQuickExit = true;
#endif

}  // namespace

void ExitProcess(int code) {
  if (!kQuickExit) std::exit(code);
  std::cout.flush();
  std::cerr.flush();
  std::clog.flush();
  std::fflush(nullptr);
  std::_Exit(code);
}

void CloseBeforeExit(std::unique_ptr<DB> db) {
  if (kQuickExit) ReleaseBeforeExit(std::move(db));
}

}  // namespace kg::cli
