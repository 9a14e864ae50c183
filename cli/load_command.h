// `kg load` and the REPL's .load: articles extracted on every core and
// stored one at a time. Part of the kg-nlp module (cli/nlp_module.h): the
// kg binary reaches it through NlpModule().
#ifndef KG_CLI_LOAD_COMMAND_H_
#define KG_CLI_LOAD_COMMAND_H_

#include <atomic>
#include <ostream>
#include <string>
#include <vector>

#include "kg/db.h"

namespace kg::cli {

struct LoadArgs {
  std::vector<std::string> files;
  std::string id;  // only with one file; default: the file's stem
  bool replace = false;
  bool progress = false;  // draw a progress bar on stderr
  // When set and it turns true (Ctrl-C in the REPL), no further article is
  // extracted or stored; the articles stored so far stay (each is atomic).
  const std::atomic<bool>* cancel = nullptr;
};
// Extracts the files in parallel (all cores) and stores them one at a time.
// Prints one report line per article (sentences, facts, entities, warnings).
// Returns kExitOk when every file loaded, kExitUserError otherwise (the
// others are still loaded).
int RunLoad(DB& db, const LoadArgs& args, std::ostream& out);

}  // namespace kg::cli

#endif  // KG_CLI_LOAD_COMMAND_H_
