// Ending a kg process without running its destructors.
#ifndef KG_CLI_PROCESS_EXIT_H_
#define KG_CLI_PROCESS_EXIT_H_

#include <memory>

#include "kg/db.h"

namespace kg::cli {

// Flushes std::cout, std::cerr and C's stdio, then ends the process with
// `code` without static destructors or atexit handlers: freeing RocksDB's
// and ANTLR's static tables and CLI11's objects one by one is work the
// kernel does at once when the process ends. Every file and database is
// closed before (the command's scopes end first). In sanitizer builds it
// exits normally, so the leak check runs.
[[noreturn]] void ExitProcess(int code);

// `db` at the end of a command that exits next through ExitProcess: a
// reader is left open for the exit to reclaim (ReleaseBeforeExit in
// api/db_impl.h); a writer, and any DB in sanitizer builds, is closed here.
void CloseBeforeExit(std::unique_ptr<DB> db);

}  // namespace kg::cli

#endif  // KG_CLI_PROCESS_EXIT_H_
