// The interactive shell: `kg repl`, and `kg` with no arguments.
//
// On a terminal: libedit line editing, history in $HOME/.kg_history, Tab
// completion of dot-commands, keywords, predicates and entity names,
// multi-line input until `;` or an empty line, dot-commands, aligned tables
// with a row count and the elapsed time, Ctrl-C cancels the running query
// (Ctrl-C at the prompt drops the current input), Ctrl-D exits after running
// a statement still being typed.
// From a pipe: no prompts, no history, results as plain tsv; queries are read
// until end of input; the exit status is 1 if any statement failed.
#ifndef KG_CLI_REPL_H_
#define KG_CLI_REPL_H_

#include <functional>
#include <memory>
#include <string>

#include "kg/db.h"

namespace kg::cli {

struct ReplOptions {
  // Terminal mode (prompts, libedit, history, tables). Default: false
  bool interactive = false;
  // History file; empty disables history. Default: "" (the caller passes
  // $HOME/.kg_history).
  std::string history_file;
  // Opens the database as its writer for one write (.load, .delete). The
  // shell reads through the `db` it runs on (a reader) and holds the writer
  // only while a write runs, so other processes can write in between; a
  // write that finds another writer at work fails with what to do, and the
  // next one tries again. Unset: the session cannot write.
  std::function<Result<std::unique_ptr<DB>>()> open_writer;
  // Why a session without open_writer cannot write (banner, .load errors).
  // Default: "the database directory is not writable"
  std::string read_only_reason = "the database directory is not writable";
  // Shown in the banner. Default: ""
  std::string db_path;
};

// Runs the shell on `db` (a reader, OpenMode::kReader) until `.quit`, Ctrl-D
// or end of input. Returns the process exit status.
int RunRepl(DB& db, const ReplOptions& options);

}  // namespace kg::cli

#endif  // KG_CLI_REPL_H_
