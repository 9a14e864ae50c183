// The reference implementation of syntax/wordnet.h: the same three functions,
// answered by Debian's WordNet 3.0 C library (libwordnet) itself. kg's
// lemmatizer and tagger use syntax/wordnet.h, which answers from memory; this
// one stays for tests that check the two agree word for word
// (tests/syntax/wordnet_test.cc). It is slow: every call binary-searches the
// dictionary files through stdio, and nothing is cached.
#ifndef KG_SYNTAX_WORDNET_LIBRARY_H_
#define KG_SYNTAX_WORDNET_LIBRARY_H_

#include <string>
#include <string_view>

#include "syntax/wordnet.h"

namespace kg::syntax::wordnet_library {

// As kg::syntax::LookupWord: in_wn() for the word classes, morphstr() for the
// noun and verb lemmas. Thread-safe (one mutex around the library, which
// keeps global state and static buffers).
WordInfo LookupWord(std::string_view lower);

// As kg::syntax::MorphBase: the first morphstr() answer. Thread-safe.
std::string MorphBase(std::string_view lower, char pos);

// Whether wninit() succeeded (WNSEARCHDIR, else $WNHOME/dict, else
// /usr/share/wordnet). Thread-safe.
bool WordNetAvailable();

}  // namespace kg::syntax::wordnet_library

#endif  // KG_SYNTAX_WORDNET_LIBRARY_H_
