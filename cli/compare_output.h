// How `kg compare` shows a COMPARE result to people (--format table): the
// two articles' headers, one titled table per section, the WHY evidence of
// each disagreement on request, and a summary line. Depends only on public
// types, so it is unit-tested on its own (tests/cli/compare_output_test.cc).
#ifndef KG_CLI_COMPARE_OUTPUT_H_
#define KG_CLI_COMPARE_OUTPUT_H_

#include <ostream>
#include <string>

#include "cli/format.h"
#include "kg/query_result.h"

namespace kg::cli {

struct CompareView {
  std::string a, b;   // the article names, as given
  std::string about;  // --about, or empty
  bool why = false;   // --why: the evidence sentences of each disagreement
};

// The counts of a COMPARE result's sections, as one line: "1 conflict, 1
// difference, 2 only in A, 0 only in B, 5 shared" (article names for A and
// B). Rows are classified by the `status` column (docs/query-language.md).
std::string CompareSummary(const QueryResult& result, const CompareView& view);

// Writes `result` (the rows of COMPARE … [WHY], in the engine's order):
//   "compare A with B [about X]", then a line per article with its metadata
//   rows (title, publication date, source file);
//   "== conflicts (n) ==", "== differences (n) ==", "== only in A (n) ==",
//   "== only in B (n) ==", "== both (n) ==", each a table (`table` options)
//   of subject, predicate and the objects in each article (columns named
//   after the articles; the column of an absent side left out), sections
//   without rows left out; with view.why, under the conflicts and
//   differences, each row's evidence sentences, one article a line;
//   "no facts to compare" when there is no finding; then CompareSummary.
void WriteCompareTables(const QueryResult& result, const CompareView& view, const FormatOptions& table,
                        std::ostream& out);

}  // namespace kg::cli

#endif  // KG_CLI_COMPARE_OUTPUT_H_
