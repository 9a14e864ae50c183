#include "api/syntax_text.h"

#include <limits>

#include "loader/text/document.h"
#include "syntax/tokenizer.h"

namespace kg::api {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

size_t Utf8Length(std::string_view s, size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  return std::min(n, s.size() - i);
}

// One line of the input normalized as the loader normalizes text (curly
// quotes → ASCII, dashes → "-", Unicode spaces → " "), remembering for every
// normalized byte the bytes of the input character it came from. The
// normalized text is what the sentence splitter, the tokenizer and the model
// see (the model was trained mostly on ASCII punctuation); the map gives
// forms and offsets back in terms of the user's text.
struct MappedLine {
  std::string text;
  std::vector<uint32_t> from;  // input offset of the character that made text[i]
};

MappedLine NormalizeLine(std::string_view src, size_t begin, size_t end) {
  MappedLine line;
  for (size_t i = begin; i < end;) {
    const size_t n = Utf8Length(src, i);
    const char c = src[i];
    std::string piece;
    if (n == 1) {
      piece.assign(1, IsAsciiSpace(c) ? ' ' : c);
    } else {
      // The loader's normalization, one character at a time so each output
      // byte knows its source.
      piece = loader::text::NormalizeText(src.substr(i, n));
    }
    for (char p : piece) {
      line.text.push_back(p);
      line.from.push_back(static_cast<uint32_t>(i));
    }
    i += n;
  }
  return line;
}

// Whether the input character at `i` is white space (or the text ends).
bool SpaceAt(std::string_view src, size_t i) {
  if (i >= src.size()) return true;
  if (IsAsciiSpace(src[i])) return true;
  if (static_cast<unsigned char>(src[i]) < 0x80) return false;
  return loader::text::NormalizeText(src.substr(i, Utf8Length(src, i))) == " ";
}

// Tokenizes the sentence line.text[pos, pos + size) and maps it back.
TextSentence MapSentence(std::string_view src, const MappedLine& line, size_t pos, size_t size) {
  TextSentence out;
  const std::string_view sentence = std::string_view(line.text).substr(pos, size);
  for (const syntax::Token& t : syntax::Tokenize(sentence)) {
    TextToken tok;
    tok.begin = line.from[pos + t.begin];
    const uint32_t last = line.from[pos + t.end - 1];  // the token's last input character
    tok.end = last + static_cast<uint32_t>(Utf8Length(src, last));
    tok.model_form = std::string(sentence.substr(t.begin, t.end - t.begin));
    tok.space_after = SpaceAt(src, tok.end);
    out.tokens.push_back(std::move(tok));
  }
  return out;
}

// Appends the sentences of the input line [begin, end) to `out`.
void SplitLine(std::string_view src, size_t begin, size_t end, std::vector<TextSentence>* out) {
  const MappedLine line = NormalizeLine(src, begin, end);
  size_t cursor = 0;
  for (const std::string& s : loader::text::SplitSentences(line.text)) {
    // The splitter returns trimmed substrings of the line, in order: each
    // starts after the previous one and the spaces that follow it.
    size_t pos = cursor;
    while (pos < line.text.size() && line.text[pos] == ' ') ++pos;
    if (line.text.compare(pos, s.size(), s) != 0) pos = line.text.find(s, cursor);
    if (pos == std::string::npos) continue;
    cursor = pos + s.size();
    TextSentence sentence = MapSentence(src, line, pos, s.size());
    if (!sentence.tokens.empty()) out->push_back(std::move(sentence));
  }
}

bool IsCutPunct(std::string_view form) { return form == "." || form == ";" || form == "," || form == ":"; }

}  // namespace

Result<std::vector<TextSentence>> SplitText(std::string_view text) {
  if (text.size() >= std::numeric_limits<uint32_t>::max())
    return Status::InvalidArgument("text is too long: " + std::to_string(text.size()) +
                                   " bytes; parse texts under 4 GiB");
  size_t first = 0;
  while (first < text.size() && IsAsciiSpace(text[first])) ++first;
  if (first == text.size()) return Status::InvalidArgument("empty text: nothing to parse");
  if (Status s = loader::text::CheckInput(text); !s.ok()) return s;
  std::vector<TextSentence> out;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = begin;
    while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
    SplitLine(text, begin, end, &out);
    begin = end + 1;
  }
  // Only invisible characters (zero-width spaces, soft hyphens) left.
  if (out.empty()) return Status::InvalidArgument("empty text: nothing to parse (only invisible characters)");
  return out;
}

std::vector<std::pair<size_t, size_t>> SplitLongSentence(const std::vector<std::string_view>& forms,
                                                         size_t max_words) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t begin = 0;
  while (begin < forms.size()) {
    size_t end = std::min(forms.size(), begin + max_words);
    if (end < forms.size()) {
      for (size_t k = end; k > begin + max_words / 2; --k) {
        if (IsCutPunct(forms[k - 1])) {
          end = k;
          break;
        }
      }
    }
    out.emplace_back(begin, end);
    begin = end;
  }
  return out;
}

}  // namespace kg::api
