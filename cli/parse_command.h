// `kg parse`: the syntax model (include/kg/syntax.h) from the command line.
// Text in, CoNLL-U out; CoNLL-U in, re-annotated CoNLL-U out; or a score
// against a gold treebank (docs/cli.md).
#ifndef KG_CLI_PARSE_COMMAND_H_
#define KG_CLI_PARSE_COMMAND_H_

#include <istream>
#include <ostream>
#include <string>

namespace kg::cli {

struct ParseArgs {
  std::string input;    // a file, or "-" for standard input; empty with `eval`
  bool conllu = false;  // the input is CoNLL-U: keep its words, replace the annotation
  std::string eval;     // a gold CoNLL-U file to score the model on (gold tokenization)
  std::string model;    // model file; empty: kg::SyntaxModel::DefaultPath()
};

// Runs `kg parse`. Reads standard input from `in` when args.input is "-",
// writes CoNLL-U or the scores to `out`, errors with hints to stderr.
// Returns kExitOk, kExitUserError (unreadable, empty or invalid input, no
// model) or kExitUsage (neither an input nor --eval, or both).
int RunParse(const ParseArgs& args, std::istream& in, std::ostream& out);

}  // namespace kg::cli

#endif  // KG_CLI_PARSE_COMMAND_H_
