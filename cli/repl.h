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

#include <string>

#include "kg/db.h"

namespace kg::cli {

struct ReplOptions {
  // Terminal mode (prompts, libedit, history, tables). Default: false
  bool interactive = false;
  // History file; empty disables history. Default: "" (the caller passes
  // $HOME/.kg_history).
  std::string history_file;
  // Whether `db` accepts writes (.load). A REPL opened while another process
  // writes is read-only.
  bool writable = true;
  // Why a read-only session is read-only (banner, .load errors).
  // Default: another process is writing the database.
  std::string read_only_reason = "another process is writing this database";
  // Shown in the banner. Default: ""
  std::string db_path;
};

// Runs the shell on `db` until `.quit`, Ctrl-D or end of input. Returns the
// process exit status.
int RunRepl(DB& db, const ReplOptions& options);

}  // namespace kg::cli

#endif  // KG_CLI_REPL_H_
