#include "syntax/conllu.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <initializer_list>
#include <optional>
#include <type_traits>
#include <utility>

namespace kg::syntax {
namespace {

constexpr size_t kColumns = 10;
constexpr std::array<const char*, kColumns> kColumnNames = {"ID",    "FORM", "LEMMA",  "UPOS", "XPOS",
                                                            "FEATS", "HEAD", "DEPREL", "DEPS", "MISC"};
using Columns = std::array<std::string_view, kColumns>;

// InvalidArgument("line N: " + parts...), numbers written in decimal.
template <typename... Parts>
Status LineError(size_t line_no, const Parts&... parts) {
  std::string msg = "line " + std::to_string(line_no) + ": ";
  auto append = [&msg](const auto& part) {
    if constexpr (std::is_arithmetic_v<std::decay_t<decltype(part)>>) {
      msg += std::to_string(part);
    } else {
      msg += part;
    }
  };
  (append(parts), ...);
  return Status::InvalidArgument(std::move(msg));
}

// Index of the first byte that does not start a well-formed UTF-8 sequence,
// or npos. Follows the Unicode standard's table 3-7, so overlong forms,
// surrogates and code points past U+10FFFF are rejected. A local copy rather
// than loader/text's validator: syntax must not depend on the loader.
size_t FindInvalidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    // Sequence length by lead byte, and the narrower range some lead bytes
    // allow for the second byte (overlongs, surrogates, > U+10FFFF).
    const size_t len = c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
    const unsigned lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    const unsigned hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (len == 0 || s.size() - i < len) return i;
    for (size_t k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

// A non-negative decimal number that fits an int; no sign, no spaces.
std::optional<int> ParseNumber(std::string_view s) {
  if (s.empty() || s[0] < '0' || s[0] > '9') return std::nullopt;
  int value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return value;
}

std::string OrEmpty(std::string_view field) { return field == "_" ? std::string() : std::string(field); }

bool IsBlank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

// Collects sentences line by line. Head ranges and multiword range ends can
// only be checked once the sentence's word count is known, so the line of
// each word and token is kept until the sentence ends.
class Reader {
 public:
  Status Line(std::string_view line, size_t line_no);
  Status EndSentence();
  size_t empty_nodes() const { return empty_nodes_; }
  std::vector<Sentence> TakeSentences() { return std::move(sentences_); }

 private:
  Status Comment(std::string_view line, size_t line_no);
  Status TokenLine(std::string_view line, size_t line_no);
  Status WordLine(const Columns& cols, size_t line_no);
  Status RangeLine(const Columns& cols, size_t dash, size_t line_no);
  Status CheckSentence() const;

  std::vector<Sentence> sentences_;
  Sentence current_;
  bool open_ = false;         // a sentence has started
  bool seen_tokens_ = false;  // the current sentence has had a non-comment line
  size_t first_line_ = 0;
  std::vector<size_t> word_lines_;
  std::vector<size_t> range_lines_;
  size_t empty_nodes_ = 0;
};

Status Reader::Line(std::string_view line, size_t line_no) {
  if (IsBlank(line)) return EndSentence();
  if (!open_) {
    open_ = true;
    first_line_ = line_no;
  }
  if (line[0] == '#') return Comment(line, line_no);
  seen_tokens_ = true;
  return TokenLine(line, line_no);
}

Status Reader::Comment(std::string_view line, size_t line_no) {
  // Comments after the words would move to the top on writing; refusing them
  // keeps WriteConllu(ReadConllu(t)) faithful and usually catches a missing
  // blank line between two sentences.
  if (seen_tokens_) {
    return LineError(line_no, "comment inside a sentence; comments must come before the first word ",
                     "(add a blank line if a new sentence starts here)");
  }
  line.remove_prefix(1);
  if (!line.empty() && line[0] == ' ') line.remove_prefix(1);
  current_.comments.emplace_back(line);
  return Status::OK();
}

Status Reader::TokenLine(std::string_view line, size_t line_no) {
  const size_t count = static_cast<size_t>(std::count(line.begin(), line.end(), '\t')) + 1;
  if (count != kColumns) {
    return LineError(line_no, "expected 10 tab-separated columns, found ", count,
                     "; CoNLL-U columns are separated by single tabs, not spaces");
  }
  Columns cols;
  for (size_t i = 0, start = 0; i < kColumns; ++i) {
    const size_t end = std::min(line.find('\t', start), line.size());
    cols[i] = line.substr(start, end - start);
    start = end + 1;
    if (cols[i].empty())
      return LineError(line_no, "column ", kColumnNames[i], " is empty; write _ for no value");
  }
  const std::string_view id = cols[0];
  if (const size_t dash = id.find('-'); dash != std::string_view::npos) return RangeLine(cols, dash, line_no);
  if (const size_t dot = id.find('.'); dot != std::string_view::npos) {
    if (ParseNumber(id.substr(0, dot)) && ParseNumber(id.substr(dot + 1))) {
      ++empty_nodes_;  // enhanced-only node: not part of the basic tree
      return Status::OK();
    }
  }
  return WordLine(cols, line_no);
}

Status Reader::WordLine(const Columns& cols, size_t line_no) {
  const std::optional<int> id = ParseNumber(cols[0]);
  if (!id) {
    return LineError(line_no, "ID \"", cols[0], "\" is not a number; expected a word id (1, 2, ...), ",
                     "a multiword range (3-4) or an empty node (8.1)");
  }
  const size_t expected = current_.words.size() + 1;
  if (static_cast<size_t>(*id) != expected) {
    return LineError(line_no, "expected word id ", expected, ", found ", *id,
                     "; word ids count 1, 2, 3, ... in each sentence, and a blank line starts a new one");
  }
  Word w;
  if (cols[6] != "_") {
    const std::optional<int> head = ParseNumber(cols[6]);
    if (!head) {
      return LineError(line_no, "HEAD \"", cols[6],
                       "\" is not a number; write the head word's id, 0 for the root, or _ if unknown");
    }
    w.head = *head;  // range checked in CheckSentence, once the word count is known
  }
  w.form = cols[1];
  w.lemma = OrEmpty(cols[2]);
  w.upos = OrEmpty(cols[3]);
  w.xpos = OrEmpty(cols[4]);
  w.feats = cols[5];
  w.deprel = OrEmpty(cols[7]);
  w.deps = cols[8];
  w.misc = cols[9];
  current_.words.push_back(std::move(w));
  word_lines_.push_back(line_no);
  return Status::OK();
}

Status Reader::RangeLine(const Columns& cols, size_t dash, size_t line_no) {
  const std::optional<int> first = ParseNumber(cols[0].substr(0, dash));
  const std::optional<int> last = ParseNumber(cols[0].substr(dash + 1));
  const std::string_view range = cols[0];
  if (!first || !last) {
    return LineError(line_no, "multiword range \"", range, "\" is not two numbers; write it as 3-4");
  }
  const size_t next = current_.words.size() + 1;
  if (static_cast<size_t>(*first) != next) {
    return LineError(line_no, "multiword range ", range, " must start at the next word id, ", next,
                     "; put it just before its first word");
  }
  if (*last < *first) return LineError(line_no, "multiword range ", range, " ends before it starts");
  if (!current_.multiword_tokens.empty() && current_.multiword_tokens.back().last >= *first - 1) {
    return LineError(line_no, "multiword range ", range, " overlaps the previous multiword range");
  }
  current_.multiword_tokens.push_back({*first - 1, *last - 1, std::string(cols[1]), std::string(cols[9])});
  range_lines_.push_back(line_no);
  return Status::OK();
}

Status Reader::CheckSentence() const {
  const size_t n = current_.words.size();
  if (n == 0) return LineError(first_line_, "sentence has no word lines; a sentence needs at least one word");
  for (size_t i = 0; i < n; ++i) {
    const int head = current_.words[i].head;
    if (static_cast<size_t>(std::max(head, 0)) > n) {
      return LineError(word_lines_[i], "HEAD ", head, " is outside 0..", n,
                       " (the sentence's word ids); use 0 for the root or _ if unknown");
    }
  }
  for (size_t i = 0; i < current_.multiword_tokens.size(); ++i) {
    const MultiwordToken& t = current_.multiword_tokens[i];
    if (static_cast<size_t>(t.last) >= n) {
      return LineError(range_lines_[i], "multiword range ", t.first + 1, "-", t.last + 1,
                       " ends past the sentence's last word, ", n);
    }
  }
  return Status::OK();
}

Status Reader::EndSentence() {
  if (!open_) return Status::OK();
  KG_RETURN_IF_ERROR(CheckSentence());
  sentences_.push_back(std::move(current_));
  current_ = Sentence();
  open_ = false;
  seen_tokens_ = false;
  word_lines_.clear();
  range_lines_.clear();
  return Status::OK();
}

// Appends `field`, with tabs and line breaks turned into spaces so the
// written line keeps its 10 columns whatever a caller put in a field.
void AppendClean(std::string_view field, std::string* out) {
  for (char c : field) out->push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}

void AppendField(std::string_view field, std::string* out) {
  if (field.empty()) {
    out->push_back('_');
  } else {
    AppendClean(field, out);
  }
}

// For each word, the multiword token that starts there (or null), so
// writers walk the words once whatever order the tokens are stored in.
// Tokens outside the sentence or reversed are left out: written, they would
// not read back, and SentenceText relies on last >= first to make progress.
std::vector<const MultiwordToken*> TokenStarts(const Sentence& s) {
  const int n = static_cast<int>(s.words.size());
  std::vector<const MultiwordToken*> starts(s.words.size(), nullptr);
  for (const MultiwordToken& t : s.multiword_tokens) {
    if (t.first >= 0 && t.first <= t.last && t.last < n && starts[t.first] == nullptr) starts[t.first] = &t;
  }
  return starts;
}

// One token line: `id` then the nine other columns.
void AppendLine(std::string_view id, std::initializer_list<std::string_view> columns, std::string* out) {
  out->append(id);
  for (std::string_view c : columns) {
    out->push_back('\t');
    AppendField(c, out);
  }
  out->push_back('\n');
}

bool HasSpaceAfterNo(std::string_view misc) {
  return ("|" + std::string(misc) + "|").find("|SpaceAfter=No|") != std::string::npos;
}

}  // namespace

Result<std::vector<Sentence>> ReadConllu(std::string_view text, std::vector<std::string>* warnings) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // BOM some editors add
  Reader reader;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    ++line_no;
    const size_t nl = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.size() > kMaxConlluLineBytes) {
      return LineError(line_no, "line is longer than ", kMaxConlluLineBytes,
                       " bytes; CoNLL-U has one word per line, is this the right file?");
    }
    if (const size_t bad = FindInvalidUtf8(line); bad != std::string_view::npos) {
      return LineError(line_no, "invalid UTF-8 at byte ", bad + 1, " of the line; convert the file to UTF-8");
    }
    KG_RETURN_IF_ERROR(reader.Line(line, line_no));
  }
  KG_RETURN_IF_ERROR(reader.EndSentence());
  if (reader.empty_nodes() > 0 && warnings != nullptr) {
    warnings->push_back("skipped " + std::to_string(reader.empty_nodes()) +
                        " empty node line(s) (ids like 8.1): enhanced-only nodes are not supported");
  }
  return reader.TakeSentences();
}

void WriteConlluSentence(const Sentence& sentence, std::string* out) {
  for (const std::string& c : sentence.comments) {
    out->push_back('#');
    if (!c.empty()) {
      out->push_back(' ');
      AppendClean(c, out);
    }
    out->push_back('\n');
  }
  const std::vector<const MultiwordToken*> starts = TokenStarts(sentence);
  for (size_t i = 0; i < sentence.words.size(); ++i) {
    if (const MultiwordToken* t = starts[i]) {
      AppendLine(std::to_string(i + 1) + "-" + std::to_string(t->last + 1),
                 {t->form, "", "", "", "", "", "", "", t->misc}, out);
    }
    const Word& w = sentence.words[i];
    const std::string head = w.head < 0 ? std::string() : std::to_string(w.head);
    AppendLine(std::to_string(i + 1),
               {w.form, w.lemma, w.upos, w.xpos, w.feats, head, w.deprel, w.deps, w.misc}, out);
  }
  out->push_back('\n');
}

std::string WriteConllu(const std::vector<Sentence>& sentences) {
  std::string out;
  for (const Sentence& s : sentences) WriteConlluSentence(s, &out);
  return out;
}

std::string SentenceText(const Sentence& sentence) {
  for (const std::string& c : sentence.comments) {
    std::string_view v = c;
    if (v.substr(0, 4) != "text") continue;
    v.remove_prefix(4);
    const size_t eq = v.find_first_not_of(' ');
    if (eq == std::string_view::npos || v[eq] != '=') continue;
    v.remove_prefix(eq + 1);
    if (!v.empty() && v[0] == ' ') v.remove_prefix(1);
    return std::string(v);
  }
  std::string text;
  const std::vector<const MultiwordToken*> starts = TokenStarts(sentence);
  const size_t n = sentence.words.size();
  for (size_t i = 0; i < n;) {
    const MultiwordToken* t = starts[i];
    text += t ? t->form : sentence.words[i].form;
    const std::string& misc = t ? t->misc : sentence.words[i].misc;
    i = t ? static_cast<size_t>(t->last) + 1 : i + 1;
    if (i < n && !HasSpaceAfterNo(misc)) text.push_back(' ');
  }
  return text;
}

}  // namespace kg::syntax
