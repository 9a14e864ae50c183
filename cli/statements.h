// Helpers for reading query text interactively: splitting input into
// statements and suggesting the nearest known word. No dependencies beyond
// the standard library, so they are unit-tested on their own.
#ifndef KG_CLI_STATEMENTS_H_
#define KG_CLI_STATEMENTS_H_

#include <string>
#include <string_view>
#include <vector>

namespace kg::cli {

// Splits `text` into complete statements at `;` outside quoted strings ("…"
// or '…', with backslash escapes) and `#` comments. Statements come back
// without the `;` and without surrounding blanks; statements that are empty
// or only comments are dropped. *rest receives the unfinished tail after the
// last `;` (may be blank).
std::vector<std::string> SplitStatements(std::string_view text, std::string* rest);

// True when `text` holds nothing but blanks and comments.
bool IsBlank(std::string_view text);

// The candidate closest to `word` by edit distance (case-insensitive), if it
// is close enough to be a plausible typo (distance <= max(1, len/3));
// otherwise "".
std::string NearestWord(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace kg::cli

#endif  // KG_CLI_STATEMENTS_H_
