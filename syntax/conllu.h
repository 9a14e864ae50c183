// CoNLL-U (Universal Dependencies) in and out: the format of the training
// treebanks and of the parser's output. Only basic dependencies are
// interpreted; DEPS and MISC are carried through as text, and empty nodes
// (enhanced-only "8.1" lines) are skipped on input.
#ifndef KG_SYNTAX_CONLLU_H_
#define KG_SYNTAX_CONLLU_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kg/result.h"
#include "syntax/sentence.h"

namespace kg::syntax {

// Longest line ReadConllu accepts, in bytes (without the line break).
inline constexpr size_t kMaxConlluLineBytes = size_t{1} << 20;

// Parses CoNLL-U text: sentences separated by blank lines (a missing final
// blank line is fine; "\r\n" line ends and a leading UTF-8 BOM are
// tolerated; lines of only spaces and tabs count as blank).
//
// - "# x" comment lines before a sentence's words go to Sentence::comments
//   as "x" (the "#" and one following space removed; a bare "#" gives "").
// - Multiword token lines ("3-4") become MultiwordToken with 0-based
//   first/last word indexes, form and misc; their other columns are ignored.
// - Empty nodes ("8.1") are skipped; if any were, ONE warning saying how many
//   is appended to `warnings` (which may be null to ignore warnings).
// - "_" in LEMMA, UPOS, XPOS and DEPREL is read as ""; "_" as HEAD as -1.
//   FORM, FEATS, DEPS and MISC keep their text exactly ("_" included).
//
// Empty input gives zero sentences. Errors, all InvalidArgument with a
// message starting "line N: " (1-based) that says what to fix:
// a line longer than kMaxConlluLineBytes; invalid UTF-8; a line without
// exactly 10 tab-separated columns; an empty column; an id that is not a
// number, a range "a-b" or a decimal "a.b"; word ids not consecutive from 1;
// a multiword range that does not start at the next word id, is reversed,
// overlaps the previous range, or ends past the sentence's last word; a head that is not a number or "_", or
// outside 0..number of words; a comment after the first word of a sentence;
// a sentence with comments but no words. On error nothing is returned (no
// partial result). Thread-safe (no shared state).
Result<std::vector<Sentence>> ReadConllu(std::string_view text, std::vector<std::string>* warnings);

// Appends one sentence in CoNLL-U to `out`: each comment as "# " + text (an
// empty comment as "#"), each multiword token line before the line of its
// first word, one line per word, then a blank line. Empty fields are written
// as "_", head -1 as "_". Tabs and line breaks inside fields are written as
// spaces so the output always parses. Multiword tokens that are reversed,
// reach outside the sentence, or start at the same word as an earlier token
// are not written. For ReadConllu to give the sentence back it must have at
// least one word and its multiword tokens must not overlap.
void WriteConlluSentence(const Sentence& sentence, std::string* out);

// All sentences, in order, as written by WriteConlluSentence. For well-formed
// input, ReadConllu(WriteConllu(x)) gives x back, and WriteConllu(ReadConllu(t))
// gives t back except for empty-node lines (and "#x" comments, normalised to
// "# x").
std::string WriteConllu(const std::vector<Sentence>& sentences);

// The sentence's surface text: the value of its "text = ..." comment if it
// has one, else the token forms (multiword token forms in place of their
// words) joined by single spaces, with no space after a token whose MISC has
// "SpaceAfter=No".
std::string SentenceText(const Sentence& sentence);

}  // namespace kg::syntax

#endif  // KG_SYNTAX_CONLLU_H_
