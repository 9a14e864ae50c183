// Hand-made parses for tests of the loader's parse repairs and hints: the
// words of a sentence with their tags, heads (1-based, 0 for the root) and
// relations, as the trained parser would give them.
#ifndef KG_TESTS_LOADER_HAND_PARSE_H_
#define KG_TESTS_LOADER_HAND_PARSE_H_

#include <string>
#include <vector>

#include "syntax/sentence.h"

namespace kg::loader::linguistics {

struct W {
  const char* form;
  const char* upos;
  const char* xpos;
  int head;
  const char* deprel;
  const char* lemma = "";
};

// A parsed sentence from its words, separated by single spaces unless a
// form starts with "~" (no space before it: "Oslo ~- ~based").
inline syntax::Sentence Parsed(const std::vector<W>& words) {
  syntax::Sentence s;
  uint32_t pos = 0;
  for (const W& w : words) {
    std::string form = w.form;
    if (!form.empty() && form[0] == '~') {
      form.erase(0, 1);
      --pos;
    }
    s.offsets.push_back(pos);
    pos += static_cast<uint32_t>(form.size()) + 1;
    syntax::Word word;
    word.form = form;
    word.upos = w.upos;
    word.xpos = w.xpos;
    word.head = w.head;
    word.deprel = w.deprel;
    word.lemma = w.lemma;
    s.words.push_back(std::move(word));
  }
  return s;
}

// "form>head:deprel" for each word, space-separated: the tree to compare.
inline std::string Tree(const syntax::Sentence& s) {
  std::string out;
  for (const syntax::Word& w : s.words) {
    if (!out.empty()) out += ' ';
    out += w.form + ">" + std::to_string(w.head) + ":" + w.deprel;
  }
  return out;
}

}  // namespace kg::loader::linguistics

#endif  // KG_TESTS_LOADER_HAND_PARSE_H_
