// A serialized ATN with the intervals of each character set in descending
// order, for ANTLR 4.9's C++ deserializer (grammar/lazy_atn.cmake inserts
// the call into the generated recognizers).
//
// Why: IntervalSet::add looks for an interval's place from the front, so the
// ascending order ANTLR serializes makes building a set quadratic in its
// intervals. The lexer's `\p{L}` and `\p{L}\p{N}` classes have 623 and 707,
// and building them was most of the parser thread's work in every query
// process. Added in descending order, each interval goes in front of the
// first one at once. The sets are the same either way.
#ifndef KG_GRAMMAR_ATN_SETS_H_
#define KG_GRAMMAR_ATN_SETS_H_

#include <cstdint>
#include <vector>

namespace kg_grammar {

// `serialized` as the generated code holds it (values + 2, version first),
// its sets' intervals reversed; unchanged when it is not the format this was
// written for (version 3 with Unicode SMP sets, as ANTLR 4.7.2 writes).
std::vector<uint16_t> SetsInDescendingOrder(const std::vector<uint16_t>& serialized);

// Whether the recognizers run ANTLR's structural check of their ATN
// (`ATNDeserializer::verifyATN`) when they load it, once per process. Off:
// the serialized ATN is fixed when the build generates the recognizers, and
// the check was a quarter of the parser thread's work in every query process
// (2 of 8 million instructions). tests/grammar turns it on before its first
// recognizer is built, so a build whose ATN fails the check fails its tests.
bool& VerifyAtnOnLoad();

}  // namespace kg_grammar

#endif  // KG_GRAMMAR_ATN_SETS_H_
