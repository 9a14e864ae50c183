#include "rdf/ntriples_parser.h"

#include <algorithm>
#include <string>

#include "api/utf8.h"

namespace kg::rdf {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is
// invalid (api/utf8.h, the one decoder: overlong forms, surrogates and code
// points above U+10FFFF are rejected as RFC 3629 requires).
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  int32_t cp = 0;
  size_t len = utf8::Decode(s, i, &cp);
  return cp == utf8::kInvalid ? 0 : len;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Characters IRIREF forbids unescaped: controls, space and <>"{}|^`\ .
// (A 256-entry table keeps the hot loop to one load per byte.)
struct IriTable {
  bool plain[256];
  constexpr IriTable() : plain() {
    for (int c = 0; c < 256; ++c) plain[c] = c > 0x20 && c < 0x80;
    for (unsigned char c : std::string_view("<>\"{}|^`\\")) plain[c] = false;
  }
};
constexpr IriTable kIri;

// Characters a string literal may hold unescaped, ASCII only (non-ASCII
// bytes are validated as UTF-8 separately).
struct StringTable {
  bool plain[256];
  constexpr StringTable() : plain() {
    for (int c = 0; c < 256; ++c) plain[c] = c < 0x80;
    plain[static_cast<unsigned char>('"')] = false;
    plain[static_cast<unsigned char>('\\')] = false;
    plain[static_cast<unsigned char>('\n')] = false;
    plain[static_cast<unsigned char>('\r')] = false;
  }
};
constexpr StringTable kString;

// Blank node label characters (ASCII part of PN_CHARS plus '.'); non-ASCII
// letters are accepted as any valid UTF-8 sequence.
bool IsLabelChar(char c) { return IsAlpha(c) || IsDigit(c) || c == '_' || c == '-' || c == '.'; }

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// A quotable piece of the offending text: at most ~60 bytes, cut on a UTF-8
// boundary so the message stays valid UTF-8.
std::string Snippet(std::string_view s) {
  constexpr size_t kMax = 60;
  if (s.size() <= kMax) return std::string(s);
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "...";
}

}  // namespace

Status LineParser::Error(size_t begin, size_t length, std::string_view message) const {
  begin = std::min(begin, line_.size());
  length = std::min(length, line_.size() - begin);
  std::string msg(message);
  if (length == 0) {
    msg += " at end of line";
  } else {
    msg += ": '";
    msg += Snippet(line_.substr(begin, length));
    msg += "'";
  }
  SourceSpan span;
  span.line = 1;
  span.column = static_cast<uint32_t>(CodePoints(line_.substr(0, begin)) + 1);
  span.offset = begin;
  span.length = length;
  return Status::SyntaxError(std::move(msg), span);
}

void LineParser::SkipSpace() {
  while (pos_ < line_.size() && (line_[pos_] == ' ' || line_[pos_] == '\t')) ++pos_;
}

Status LineParser::Parse(std::string_view line, Quad* quad, bool* is_statement) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  line_ = line;
  pos_ = 0;
  *is_statement = false;
  SkipSpace();
  if (pos_ == line_.size() || line_[pos_] == '#') return Status::OK();

  KG_RETURN_IF_ERROR(ParseTerm(0, &quad->subject));
  SkipSpace();
  KG_RETURN_IF_ERROR(ParseTerm(1, &quad->predicate));
  SkipSpace();
  KG_RETURN_IF_ERROR(ParseTerm(2, &quad->object));
  SkipSpace();
  quad->has_graph = false;
  if (pos_ < line_.size() && (line_[pos_] == '<' || line_[pos_] == '_' || line_[pos_] == '"')) {
    if (syntax_ == Syntax::kNTriples) {
      size_t end = line_.find_first_of(" \t", pos_);
      if (end == std::string_view::npos) end = line_.size();
      return Error(pos_, end - pos_, "a fourth term (graph name) is only allowed in N-Quads; expected '.'");
    }
    KG_RETURN_IF_ERROR(ParseTerm(3, &quad->graph));
    quad->has_graph = true;
    SkipSpace();
  }
  if (pos_ >= line_.size() || line_[pos_] != '.') {
    size_t end = line_.find_first_of(" \t", pos_);
    if (end == std::string_view::npos) end = line_.size();
    return Error(pos_, end - pos_, "expected '.' to end the statement");
  }
  ++pos_;
  SkipSpace();
  if (pos_ < line_.size() && line_[pos_] != '#') {
    return Error(pos_, line_.size() - pos_, "unexpected text after the final '.'");
  }
  *is_statement = true;
  return Status::OK();
}

// position: 0 subject, 1 predicate, 2 object, 3 graph name.
Status LineParser::ParseTerm(int position, Term* term) {
  static constexpr std::string_view kNames[] = {"subject", "predicate", "object", "graph name"};
  std::string_view name = kNames[position];
  if (pos_ >= line_.size()) {
    return Error(pos_, 0, std::string("expected the ") + std::string(name));
  }
  char c = line_[pos_];
  if (c == '<') return ParseIri(term);
  if (c == '_' && position != 1) return ParseBlank(term);
  if (c == '"' && position == 2) return ParseLiteral(term);

  size_t end = line_.find_first_of(" \t", pos_);
  if (end == std::string_view::npos) end = line_.size();
  std::string msg;
  switch (position) {
    case 0:
      msg = "expected the subject (an IRI <...> or a blank node _:label)";
      break;
    case 1:
      msg = "expected the predicate (an IRI <...>)";
      break;
    case 2:
      msg = "expected the object (an IRI <...>, a blank node _:label or a literal \"...\")";
      break;
    default:
      msg = "expected the graph name (an IRI <...> or a blank node _:label) or '.'";
      break;
  }
  return Error(pos_, end - pos_, msg);
}

Status LineParser::AppendUchar(std::string* out, int digits) {
  // pos_ is at the backslash.
  size_t begin = pos_;
  if (pos_ + 2 + digits > line_.size()) {
    return Error(begin, line_.size() - begin, "incomplete \\u escape");
  }
  uint32_t cp = 0;
  for (int i = 0; i < digits; ++i) {
    int h = HexValue(line_[pos_ + 2 + i]);
    if (h < 0) return Error(begin, 2 + digits, "invalid hex digit in \\u escape");
    cp = cp * 16 + static_cast<uint32_t>(h);
  }
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    return Error(begin, 2 + digits, "escape is not a valid Unicode code point");
  }
  utf8::Append(out, static_cast<int32_t>(cp));
  pos_ += 2 + digits;
  return Status::OK();
}

Status LineParser::ParseIri(Term* term) {
  size_t begin = pos_;
  ++pos_;  // '<'
  term->kind = TermKind::kIri;
  term->value.clear();
  term->datatype.clear();
  term->language.clear();
  std::string& out = term->value;
  const size_t n = line_.size();
  while (true) {
    size_t run = pos_;
    while (run < n && kIri.plain[static_cast<unsigned char>(line_[run])]) ++run;
    out.append(line_.data() + pos_, run - pos_);
    pos_ = run;
    if (pos_ >= n) return Error(begin, n - begin, "unterminated IRI (missing '>')");
    unsigned char c = static_cast<unsigned char>(line_[pos_]);
    if (c == '>') break;
    if (c == '\\') {
      char k = pos_ + 1 < n ? line_[pos_ + 1] : '\0';
      if (k == 'u') {
        KG_RETURN_IF_ERROR(AppendUchar(&out, 4));
      } else if (k == 'U') {
        KG_RETURN_IF_ERROR(AppendUchar(&out, 8));
      } else {
        return Error(pos_, 2, "invalid escape in IRI (only \\uXXXX and \\UXXXXXXXX are allowed)");
      }
      continue;
    }
    if (c >= 0x80) {
      size_t len = Utf8SequenceLength(line_, pos_);
      if (len == 0) return Error(pos_, 1, "invalid UTF-8 in IRI");
      out.append(line_.data() + pos_, len);
      pos_ += len;
      continue;
    }
    return Error(pos_, 1, "character not allowed in an IRI (escape it as \\uXXXX)");
  }
  ++pos_;  // '>'
  // An absolute IRI starts with a scheme: ALPHA *(ALPHA / DIGIT / + - .) ':'.
  size_t i = 0;
  bool absolute = !out.empty() && IsAlpha(out[0]);
  if (absolute) {
    for (i = 1; i < out.size() && out[i] != ':'; ++i) {
      char c = out[i];
      if (!IsAlpha(c) && !IsDigit(c) && c != '+' && c != '-' && c != '.') break;
    }
    absolute = i < out.size() && out[i] == ':';
  }
  if (!absolute) return Error(begin, pos_ - begin, "relative IRI (N-Triples requires absolute IRIs)");
  return Status::OK();
}

Status LineParser::ParseBlank(Term* term) {
  size_t begin = pos_;
  if (pos_ + 1 >= line_.size() || line_[pos_ + 1] != ':') {
    return Error(begin, 1, "expected '_:' to start a blank node label");
  }
  pos_ += 2;
  size_t start = pos_;
  const size_t n = line_.size();
  while (pos_ < n) {
    unsigned char c = static_cast<unsigned char>(line_[pos_]);
    if (c < 0x80) {
      if (!IsLabelChar(static_cast<char>(c))) break;
      ++pos_;
    } else {
      size_t len = Utf8SequenceLength(line_, pos_);
      if (len == 0) return Error(pos_, 1, "invalid UTF-8 in blank node label");
      pos_ += len;
    }
  }
  // A label may contain '.' but not end with one: a trailing dot is the
  // statement terminator ("_:b1." ends the statement).
  while (pos_ > start && line_[pos_ - 1] == '.') --pos_;
  if (pos_ == start || line_[start] == '-' || line_[start] == '.') {
    return Error(begin, std::max<size_t>(pos_ - begin, 2), "invalid blank node label");
  }
  term->kind = TermKind::kBlankNode;
  term->value.assign(line_.data() + start, pos_ - start);
  term->datatype.clear();
  term->language.clear();
  return Status::OK();
}

Status LineParser::ParseLiteral(Term* term) {
  size_t begin = pos_;
  ++pos_;  // '"'
  term->kind = TermKind::kLiteral;
  term->value.clear();
  term->datatype.clear();
  term->language.clear();
  std::string& out = term->value;
  const size_t n = line_.size();
  while (true) {
    size_t run = pos_;
    while (run < n && kString.plain[static_cast<unsigned char>(line_[run])]) ++run;
    out.append(line_.data() + pos_, run - pos_);
    pos_ = run;
    if (pos_ >= n) return Error(begin, n - begin, "unterminated string literal (missing '\"')");
    unsigned char c = static_cast<unsigned char>(line_[pos_]);
    if (c == '"') break;
    if (c == '\\') {
      char k = pos_ + 1 < n ? line_[pos_ + 1] : '\0';
      char decoded = 0;
      switch (k) {
        case 't':
          decoded = '\t';
          break;
        case 'b':
          decoded = '\b';
          break;
        case 'n':
          decoded = '\n';
          break;
        case 'r':
          decoded = '\r';
          break;
        case 'f':
          decoded = '\f';
          break;
        case '"':
          decoded = '"';
          break;
        case '\'':
          decoded = '\'';
          break;
        case '\\':
          decoded = '\\';
          break;
        case 'u':
          KG_RETURN_IF_ERROR(AppendUchar(&out, 4));
          continue;
        case 'U':
          KG_RETURN_IF_ERROR(AppendUchar(&out, 8));
          continue;
        default:
          return Error(pos_, k ? 2 : 1, "invalid escape sequence in string literal");
      }
      out.push_back(decoded);
      pos_ += 2;
      continue;
    }
    if (c >= 0x80) {
      size_t len = Utf8SequenceLength(line_, pos_);
      if (len == 0) return Error(pos_, 1, "invalid UTF-8 in string literal");
      out.append(line_.data() + pos_, len);
      pos_ += len;
      continue;
    }
    // A raw '\r' inside the line.
    return Error(pos_, 1, "line break not allowed in a string literal (use \\r or \\n)");
  }
  ++pos_;  // closing '"'
  if (pos_ < n && line_[pos_] == '@') {
    size_t tag = ++pos_;
    while (pos_ < n && IsAlpha(line_[pos_])) ++pos_;
    bool ok = pos_ > tag;
    while (ok && pos_ < n && line_[pos_] == '-') {
      size_t part = ++pos_;
      while (pos_ < n && (IsAlpha(line_[pos_]) || IsDigit(line_[pos_]))) ++pos_;
      ok = pos_ > part;
    }
    // The tag must end at a delimiter, not run into more name characters
    // ("en_US"); minimal whitespace ("x"@en<g>) is allowed.
    if (!ok || (pos_ < n && (IsAlpha(line_[pos_]) || IsDigit(line_[pos_]) || line_[pos_] == '_' ||
                             line_[pos_] == '-' || static_cast<unsigned char>(line_[pos_]) >= 0x80))) {
      size_t end = line_.find_first_of(" \t", tag);
      if (end == std::string_view::npos) end = n;
      return Error(tag - 1, end - tag + 1, "invalid language tag");
    }
    term->language.assign(line_.data() + tag, pos_ - tag);
  } else if (pos_ < n && line_[pos_] == '^') {
    if (pos_ + 1 >= n || line_[pos_ + 1] != '^') return Error(pos_, 1, "expected '^^' before a datatype IRI");
    pos_ += 2;
    if (pos_ >= n || line_[pos_] != '<') {
      size_t end = line_.find_first_of(" \t", pos_);
      if (end == std::string_view::npos) end = n;
      return Error(pos_, end - pos_, "expected a datatype IRI <...> after '^^'");
    }
    Term dt;
    dt.value.reserve(64);
    KG_RETURN_IF_ERROR(ParseIri(&dt));
    term->datatype = std::move(dt.value);
  }
  return Status::OK();
}

Status LocateError(const Status& line_error, std::string_view file, uint64_t line_number,
                   uint64_t line_offset) {
  SourceSpan span = line_error.span().value_or(SourceSpan{});
  span.line = static_cast<uint32_t>(line_number);
  span.offset += line_offset;
  std::string msg;
  if (!file.empty()) {
    msg = std::string(file) + ":" + std::to_string(line_number) + ":" + std::to_string(span.column) + ": ";
  } else {
    msg = "line " + std::to_string(line_number) + ", column " + std::to_string(span.column) + ": ";
  }
  msg += line_error.message();
  Status s(line_error.code(), std::move(msg));
  s.WithSpan(span);
  if (!line_error.hint().empty()) s.WithHint(line_error.hint());
  return s;
}

Status ParseDocument(std::string_view text, Syntax syntax,
                     const std::function<Status(const Quad&, uint64_t line)>& fn) {
  LineParser parser(syntax);
  Quad quad;
  uint64_t line_number = 0;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    ++line_number;
    bool is_statement = false;
    Status st = parser.Parse(text.substr(begin, end - begin), &quad, &is_statement);
    if (!st.ok()) return LocateError(st, {}, line_number, begin);
    if (is_statement) KG_RETURN_IF_ERROR(fn(quad, line_number));
    begin = end + 1;
  }
  return Status::OK();
}

}  // namespace kg::rdf
