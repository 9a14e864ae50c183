// `kg eval`: scores the loader against hand-made key facts, for one article
// (--gold FACTS.tsv ARTICLE.txt) or for every NAME.txt of a directory that
// has a NAME.gold.tsv beside it (docs/cli.md).
#ifndef KG_CLI_EVAL_COMMAND_H_
#define KG_CLI_EVAL_COMMAND_H_

#include <string>

namespace kg::cli {

struct EvalArgs {
  std::string gold;             // --gold: the key facts of `path` (one-article mode)
  std::string path;             // an article (.txt) with --gold, else a directory
  bool misses = false;          // --misses: list missed gold facts (directory mode)
  std::string format = "text";  // --format: text or tsv (directory mode)
};

// Runs `kg eval`. One article: prints loader::FormatEvalReport. Directory:
// prints one row per scored article (gold facts, found, recall, extracted
// facts, extracted facts matching a gold fact, precision) and the
// micro-averaged total; with --misses the missed facts with their evidence
// (with --format tsv, --misses prints only the missed-fact rows). Notes on
// stderr for NAME.txt without gold. Returns kExitOk; kExitUserError when
// the path is missing or unreadable, a directory has no NAME.txt with
// NAME.gold.tsv, an article fails to extract or a gold file is malformed;
// kExitUsage for an article without --gold, a directory with --gold, or
// --misses/--format tsv with --gold.
int RunEval(const EvalArgs& args);

}  // namespace kg::cli

#endif  // KG_CLI_EVAL_COMMAND_H_
