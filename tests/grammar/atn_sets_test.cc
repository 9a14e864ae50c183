// SetsInDescendingOrder changes the order in which the deserializer meets
// the intervals of each character set, never the sets: the lexer's ATN has
// the same transitions, labels included, with and without it. (The parser
// keeps its serialized ATN private; the query tests parse through it.)
#include "atn_sets.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ANTLRInputStream.h"
#include "CommonTokenStream.h"
#include "KgQueryLexer.h"
#include "KgQueryParser.h"
#include "atn/ATN.h"
#include "atn/ATNDeserializer.h"
#include "atn/ATNState.h"
#include "atn/Transition.h"

namespace kg_grammar {
namespace {

// Before any test builds a recognizer: this binary's lexer and parser run
// ANTLR's structural check of their ATNs as they load them, which kg skips
// (grammar/atn_sets.h, VerifyAtnOnLoad).
const bool kVerifying = (VerifyAtnOnLoad() = true);

// Every transition of every state: target state, type and label.
std::vector<std::string> Transitions(const std::vector<uint16_t>& serialized) {
  antlr4::atn::ATNDeserializer deserializer;
  antlr4::atn::ATN atn = deserializer.deserialize(serialized);
  std::vector<std::string> out;
  for (antlr4::atn::ATNState* state : atn.states) {
    if (state == nullptr) continue;
    for (size_t i = 0; i < state->transitions.size(); ++i) {
      const antlr4::atn::Transition* t = state->transitions[i];
      const auto type = t->getSerializationType();
      // Only these have a label (others throw when asked).
      const bool labelled = type == antlr4::atn::Transition::SET ||
                            type == antlr4::atn::Transition::NOT_SET ||
                            type == antlr4::atn::Transition::ATOM || type == antlr4::atn::Transition::RANGE;
      out.push_back(std::to_string(state->stateNumber) + " -> " + std::to_string(t->target->stateNumber) +
                    " " + std::to_string(static_cast<int>(type)) + " " +
                    (labelled ? t->label().toString() : ""));
    }
  }
  return out;
}

size_t LongestSet(const std::vector<std::string>& transitions) {
  size_t longest = 0;
  for (const std::string& t : transitions) longest = std::max(longest, t.size());
  return longest;
}

TEST(AtnSets, TheLexersSetsAreUnchanged) {
  antlr4::ANTLRInputStream input("");
  KgQueryLexer lexer(&input);
  const std::vector<uint16_t> serialized = lexer.getSerializedATN();
  const std::vector<uint16_t> reversed = SetsInDescendingOrder(serialized);
  EXPECT_NE(reversed, serialized);  // the letter classes were found and turned round
  const std::vector<std::string> expected = Transitions(serialized);
  EXPECT_EQ(Transitions(reversed), expected);
  EXPECT_GT(LongestSet(expected), 1000u);  // the \p{L} classes are among them
}

// verifyATN throws when a check fails, so loading both recognizers here is
// the check of the ATNs the build generated.
TEST(AtnSets, TheRecognizersAtnsPassAntlrsCheck) {
  ASSERT_TRUE(kVerifying);
  antlr4::ANTLRInputStream input("MATCH ?c -invests_in-> ?k RETURN ?c");
  KgQueryLexer lexer(&input);
  antlr4::CommonTokenStream tokens(&lexer);
  KgQueryParser parser(&tokens);
  parser.script();
  EXPECT_EQ(parser.getNumberOfSyntaxErrors(), 0u);
}

TEST(AtnSets, AnotherFormatIsLeftAsItIs) {
  std::vector<uint16_t> other = {4, 1, 2, 3};
  EXPECT_EQ(SetsInDescendingOrder(other), other);
  antlr4::ANTLRInputStream input("");
  KgQueryLexer lexer(&input);
  std::vector<uint16_t> cut = lexer.getSerializedATN();
  cut.resize(cut.size() / 3);  // ends inside the states: not walked past its end
  EXPECT_EQ(SetsInDescendingOrder(cut), cut);
}

}  // namespace
}  // namespace kg_grammar
