// The UTF-8 decoder shared by kg's modules (output escaping, display widths,
// case folding), so that every module agrees on what is valid UTF-8.
#ifndef KG_API_UTF8_H_
#define KG_API_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kg::utf8 {

// What Decode reports for a byte that does not start a valid sequence.
inline constexpr int32_t kInvalid = -1;

// Decodes the code point that starts at s[pos] (precondition: pos <
// s.size()). Returns the number of bytes it takes (>= 1) and sets *cp. An
// invalid, truncated or overlong sequence, a surrogate or a value above
// U+10FFFF consumes one byte and sets *cp = kInvalid, so callers always make
// progress through broken input.
size_t Decode(std::string_view s, size_t pos, int32_t* cp);

// Whether all of s is valid UTF-8 (by Decode's rules); when not, and
// bad_offset is given, sets it to the byte offset of the first invalid byte.
bool Valid(std::string_view s, size_t* bad_offset = nullptr);

// Appends the UTF-8 encoding of the scalar value cp (0 .. 0x10FFFF, not a
// surrogate).
void Append(std::string* out, int32_t cp);

}  // namespace kg::utf8

#endif  // KG_API_UTF8_H_
