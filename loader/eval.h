// Scoring an extraction against a hand-made fact list (the `kg eval` command).
#ifndef KG_LOADER_EVAL_H_
#define KG_LOADER_EVAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "kg/article.h"
#include "kg/result.h"

namespace kg::loader {

struct EvalReport {
  size_t gold = 0;               // facts in the gold list
  size_t extracted = 0;          // normalized facts extracted
  size_t gold_matched = 0;       // gold facts matched by some extracted fact
  size_t extracted_matched = 0;  // extracted facts that match some gold fact
  double precision = 0;          // extracted_matched / extracted (0 when nothing extracted)
  double recall = 0;             // gold_matched / gold
  double f1 = 0;
  std::vector<std::string> missed;           // gold facts not found, "subject  predicate  object"
  std::vector<std::string> missed_evidence;  // parallel to `missed`: the gold evidence ("" if none)
  std::vector<std::string> extra;            // extracted facts matching no gold fact
};

// Compares `data.facts` with a gold list in the format of
// shared/data/seed/*.gold.tsv: `subject<TAB>predicate<TAB>object[<TAB>evidence]`
// (an optional header line starting with "subject"; bare values are entities,
// "quoted" values literals). Matching follows the reference scorer
// shared/tools/factscore.py (see loader/fact_match.h): same predicate
// (case-folded); subject and object each SameValue() with the gold value,
// where an extracted entity may match through any of its names (the
// article's aliases) and a literal through its written form ("54000000
// GBP" matches "£54 million" by number, currency not compared). Errors:
// InvalidArgument for a gold line with fewer than three columns (with its
// line number) or an empty gold list.
Result<EvalReport> EvaluateAgainstGold(const ArticleData& data, std::string_view gold_tsv);

// Human-readable report: P/R/F1 line, then the missed and extra facts.
std::string FormatEvalReport(const EvalReport& report);

// Token overlap (kept for tools; matching uses TokenF1): |shared words| / max(|a|, |b|) over
// lower-cased alphanumeric words without "a", "an", "the".
double TokenOverlap(std::string_view a, std::string_view b);

}  // namespace kg::loader

#endif  // KG_LOADER_EVAL_H_
