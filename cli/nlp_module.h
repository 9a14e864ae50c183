// kg's language module: the commands that need the loader and the syntax
// model (`kg load`, `kg extract`, `kg parse`, `kg eval`, the REPL's .load and
// DB::LoadArticle) live in kg-nlp.so, a plugin the kg binary loads with
// dlopen the first time one of them runs. The NLP libraries (link-grammar,
// hunspell, …) are thereby linked to the module, not to kg: a query process
// never maps them (docs/cli.md, "The language module").
//
// Where the module is looked for, in order: beside the kg executable (the
// build tree: build/kg and build/kg-nlp.so), then
// <kg's directory>/../lib/kg/kg-nlp.so (an installed tree).
#ifndef KG_CLI_NLP_MODULE_H_
#define KG_CLI_NLP_MODULE_H_

#include <istream>
#include <ostream>
#include <string>
#include <string_view>

#include "cli/eval_command.h"
#include "cli/extract_command.h"
#include "cli/load_command.h"
#include "cli/parse_command.h"
#include "kg/article.h"
#include "kg/db.h"
#include "kg/result.h"

namespace kg::loader {
class EntityResolver;
}  // namespace kg::loader

namespace kg::cli {

// The module's entry points. The module and the kg binary are built from
// the same tree by the same compiler, so C++ types cross the boundary.
struct NlpCommands {
  int (*load)(DB& db, const LoadArgs& args, std::ostream& out);
  int (*extract)(const ExtractArgs& args);
  int (*parse)(const ParseArgs& args, std::istream& in, std::ostream& out);
  int (*eval)(const EvalArgs& args);
  // loader::ExtractArticle with default options (api/db_impl.h).
  Result<ArticleData> (*extract_article)(const std::string& name, std::string_view text,
                                         const loader::EntityResolver* resolver);
};

// The C symbol the module exports: `const NlpCommands* kg_nlp_commands_v1()`.
// The version changes with NlpCommands, so a stale module is refused.
inline constexpr char kNlpEntryPoint[] = "kg_nlp_commands_v1";
inline constexpr char kNlpModuleFile[] = "kg-nlp.so";

// The module's commands, loaded on the first call (thread-safe); later calls
// return the same. When it cannot be loaded, an error naming the places
// looked in and why (dlerror), with a hint on how to build it.
Result<const NlpCommands*> NlpModule();

// NlpModule() for a command: prints its error and hint to stderr and
// returns nullptr when the module cannot be loaded.
const NlpCommands* NlpModuleOrPrintError();

}  // namespace kg::cli

#endif  // KG_CLI_NLP_MODULE_H_
