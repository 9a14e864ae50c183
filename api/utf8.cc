#include "api/utf8.h"

namespace kg::utf8 {

size_t Decode(std::string_view s, size_t pos, int32_t* cp) {
  auto c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t len = 0;
  int32_t value = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    value = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    value = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    value = c & 0x07;
  } else {
    *cp = kInvalid;
    return 1;
  }
  if (pos + len > s.size()) {
    *cp = kInvalid;
    return 1;
  }
  for (size_t i = 1; i < len; ++i) {
    auto cc = static_cast<unsigned char>(s[pos + i]);
    if ((cc & 0xC0) != 0x80) {
      *cp = kInvalid;
      return 1;
    }
    value = (value << 6) | (cc & 0x3F);
  }
  // Overlong forms, surrogates and out-of-range values are invalid.
  static constexpr int32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kMin[len] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    *cp = kInvalid;
    return 1;
  }
  *cp = value;
  return len;
}

bool Valid(std::string_view s, size_t* bad_offset) {
  for (size_t pos = 0; pos < s.size();) {
    int32_t cp = 0;
    size_t len = Decode(s, pos, &cp);
    if (cp == kInvalid) {
      if (bad_offset != nullptr) *bad_offset = pos;
      return false;
    }
    pos += len;
  }
  return true;
}

void Append(std::string* out, int32_t cp) {
  auto u = static_cast<uint32_t>(cp);
  if (u < 0x80) {
    out->push_back(static_cast<char>(u));
  } else if (u < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (u >> 6)));
    out->push_back(static_cast<char>(0x80 | (u & 0x3F)));
  } else if (u < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (u >> 12)));
    out->push_back(static_cast<char>(0x80 | ((u >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (u & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (u >> 18)));
    out->push_back(static_cast<char>(0x80 | ((u >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((u >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (u & 0x3F)));
  }
}

}  // namespace kg::utf8
