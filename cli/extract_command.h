// `kg extract`: what the loader extracts from a file, without a database.
// Part of the kg-nlp module (cli/nlp_module.h).
#ifndef KG_CLI_EXTRACT_COMMAND_H_
#define KG_CLI_EXTRACT_COMMAND_H_

#include <string>

namespace kg::cli {

struct ExtractArgs {
  std::string file;
  std::string format;      // tsv | jsonl | openie; default tsv (openie with --sentences)
  bool sentences = false;  // the file holds one sentence per line
};
int RunExtract(const ExtractArgs& args);

}  // namespace kg::cli

#endif  // KG_CLI_EXTRACT_COMMAND_H_
