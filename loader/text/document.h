// Stage 1 of the loader: raw bytes → validated, normalized text → an optional
// header (title, date, source) and a list of sentences. Bullet lists that
// follow a sentence ending in ':' are attached to that sentence, with the
// byte ranges of the items kept so later stages can treat them as a list.
#ifndef KG_LOADER_TEXT_DOCUMENT_H_
#define KG_LOADER_TEXT_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kg/result.h"
#include "kg/status.h"

namespace kg::loader::text {

struct Sentence {
  std::string text;
  // A line without final punctuation that reads like a title or section
  // heading. Headings are kept (sentence indexes stay stable) but not mined.
  bool heading = false;
  // Byte ranges [begin, end) of attached bullet items inside `text`.
  std::vector<std::pair<uint32_t, uint32_t>> list_items;
  uint32_t paragraph = 0;
  // A wire dateline ("TORONTO (Reuters) -") split off the first body line;
  // also a heading (not mined for clauses).
  bool dateline = false;
};

struct Document {
  std::string title;
  std::string date;    // ISO 8601 (YYYY-MM-DD, YYYY-MM or YYYY) when given
  std::string source;  // from a "source:" header line
  std::vector<Sentence> sentences;
  std::vector<std::string> warnings;
};

// OK if `bytes` is valid UTF-8; otherwise InvalidArgument naming the 1-based
// line:column (columns count code points) of the first bad byte, with a span.
Status ValidateUtf8(std::string_view bytes);

// Rejects input that is empty/blank or looks binary (NUL bytes or many
// control characters) with InvalidArgument; then validates UTF-8.
Status CheckInput(std::string_view bytes);

// Normalization for extraction: CRLF → LF, curly quotes → ASCII quotes,
// en/em dashes → '-', non-breaking and other Unicode spaces → ' ', removes
// zero-width characters and soft hyphens, '…' → "...". Precondition: valid UTF-8.
std::string NormalizeText(std::string_view text);

// Splits one line of running text into sentences. Survives abbreviations
// ("Inc.", "Corp.", "U.S.", "Dr."), initials, decimals ("2.9"), amounts
// ("$2.9B"), and closing quotes after the final period. Returned strings are
// trimmed substrings of `line`.
std::vector<std::string> SplitSentences(std::string_view line);

// Whether a line reads like a heading (no final punctuation, short).
bool LooksLikeHeading(std::string_view line);

// Whether the text looks like English prose (enough common English function
// words). Short texts (under 12 words) are given the benefit of the doubt.
bool LooksEnglish(std::string_view text);

// Parses an ISO date ("2024-04-10"), "April 10, 2024", "10 April 2024",
// "April 2024" into ISO form; empty if not a date.
std::string ParseDateText(std::string_view s);

// Full stage 1: CheckInput, NormalizeText, header (first line is the title
// when it reads like a heading and more text follows; "date:"/"source:"
// lines at the top), sentences with bullet lists attached. Errors: those of
// CheckInput, and InvalidArgument for text that does not look like English.
Result<Document> ParseDocument(std::string_view bytes);

}  // namespace kg::loader::text

#endif  // KG_LOADER_TEXT_DOCUMENT_H_
