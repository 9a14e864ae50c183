// The parser's feature templates: Zhang & Nivre (2011)'s rich non-local set
// for arc-eager parsing (words, tags, labels, distance, valency and label sets
// of the stack top, the buffer front and their dependents), read off a
// ParseState.
#ifndef KG_SYNTAX_PARSER_FEATURES_H_
#define KG_SYNTAX_PARSER_FEATURES_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "syntax/arc_eager.h"
#include "syntax/sentence.h"

namespace kg::syntax {

// Per-sentence inputs of the features: a hash of each word's normalized form
// and its tag id, with the root as word n.
struct ParserInput {
  std::vector<uint64_t> word;
  std::vector<uint64_t> tag;
  std::vector<uint64_t> suffix;  // hash of the last three letters (unseen words)
  // punct_before[i]: punctuation words among 0..i-1.
  std::vector<int> punct_before;
};

// `tags` are the tagger's joint class ids, one per word.
ParserInput MakeParserInput(const Sentence& s, const std::vector<int>& tags);

constexpr size_t kMaxParserFeatures = 96;

// Writes the feature keys of `state` into keys[0..kMaxParserFeatures) and
// returns how many.
size_t ParserFeatures(const ParseState& state, const ParserInput& in, uint64_t* keys);

}  // namespace kg::syntax

#endif  // KG_SYNTAX_PARSER_FEATURES_H_
