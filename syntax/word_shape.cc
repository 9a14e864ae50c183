#include "syntax/word_shape.h"

namespace kg::syntax {

std::string NormalizeWord(std::string_view form) {
  std::string out(form);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    else if (c >= '0' && c <= '9') c = '0';
  }
  return out;
}

std::string WordShape(std::string_view form) {
  std::string out;
  char last = 0;
  int run = 0;
  for (unsigned char c : form) {
    char k;
    if (c >= 'A' && c <= 'Z') k = 'X';
    else if (c >= 'a' && c <= 'z') k = 'x';
    else if (c >= '0' && c <= '9') k = 'd';
    else if (c >= 0x80) k = 'u';  // any byte of a non-ASCII letter or symbol
    else k = static_cast<char>(c);
    run = (k == last) ? run + 1 : 1;
    last = k;
    if (run <= 2) out.push_back(k);
  }
  return out;
}

}  // namespace kg::syntax
