// Printing what the loader extracted (the `kg extract` command) and Open IE
// extraction over one-sentence-per-line input (`kg extract --sentences`).
#ifndef KG_LOADER_EXTRACT_FORMAT_H_
#define KG_LOADER_EXTRACT_FORMAT_H_

#include <string>
#include <string_view>
#include <vector>

#include "kg/article.h"
#include "kg/result.h"
#include "loader/loader.h"

namespace kg::loader {

// Whether `format` is one FormatExtraction understands: "tsv", "jsonl", "openie".
bool IsExtractionFormat(std::string_view format);

// Renders an extraction:
//  - "tsv": header `subject predicate object confidence sentence`, then one row
//    per fact (entities by name, money as "10000000000 USD", the evidence
//    sentence text in the last column; tabs/newlines in values become spaces);
//  - "jsonl": one JSON object per line: {"kind":"fact",...} for facts (with
//    value kinds, sentence index, byte span, modality), {"kind":"entity",...}
//    for entities and {"kind":"raw",...} for raw Open IE facts;
//  - "openie": `sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2…` per
//    raw fact that is not negated, relation as written.
// An unknown format renders as "tsv" (callers validate with IsExtractionFormat).
std::string FormatExtraction(const ArticleData& data, std::string_view format);

struct SentenceExtraction {
  std::vector<std::string> sentences;  // the non-empty input lines
  std::vector<RawFact> facts;          // RawFact::sentence indexes `sentences`
  // Problems that affect every sentence (e.g. no syntax model), each once.
  std::vector<std::string> warnings;
};

// Open IE over input with one sentence per line (blank lines skipped). Each
// line is analysed on its own (no coreference across lines). Errors: those of
// text::CheckInput (empty, binary, invalid UTF-8 with line:column).
Result<SentenceExtraction> ExtractSentences(std::string_view lines, const LoaderOptions& options = {});

// `sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2…` lines (the CaRB
// "tabbed" format), negated facts included with their negation in the relation.
std::string FormatOpenIe(const SentenceExtraction& extraction);

}  // namespace kg::loader

#endif  // KG_LOADER_EXTRACT_FORMAT_H_
