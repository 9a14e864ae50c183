// An article with one hedged and one asserted investment, loaded into `db`:
// the fixture of the hedged-facts tests of the CLI and the REPL (issue 13).
#ifndef KG_TESTS_CLI_HEDGED_ARTICLE_H_
#define KG_TESTS_CLI_HEDGED_ARTICLE_H_

#include <string>

#include "tests/cli/subprocess.h"

namespace kg::cli::testing {

// "Norvale Power may invest $1 billion in Ostra" (hedged) and "… invests in
// Kestria" (asserted).
inline RunResult LoadHedgedArticle(TempDir& dir, const std::string& db) {
  return Kg({"--db", db, "load",
             dir.Write("h.txt",
                       "title: Norvale weighs Ostra\ndate: 2024-03-06\n\n"
                       "Norvale Power may invest $1 billion in Ostra.\n"
                       "Norvale Power invests in Kestria.\n")});
}

}  // namespace kg::cli::testing

#endif  // KG_TESTS_CLI_HEDGED_ARTICLE_H_
