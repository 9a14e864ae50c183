// The EWT-style tokenizer: conventions one by one, byte offsets and
// SpaceAfter, robustness (any bytes, linear time), and agreement with the
// gold tokenization of the EWT dev set.
#include "syntax/tokenizer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "syntax/conllu.h"

namespace kg::syntax {
namespace {

std::vector<std::string> Forms(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.emplace_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

using V = std::vector<std::string>;

TEST(Tokenizer, SplitsCliticsOffWords) {
  EXPECT_EQ(Forms("I don't know"), (V{"I", "do", "n't", "know"}));
  EXPECT_EQ(Forms("can't won't ain't"), (V{"ca", "n't", "wo", "n't", "ai", "n't"}));
  EXPECT_EQ(Forms("He's she'll we're I've I'm you'd"),
            (V{"He", "'s", "she", "'ll", "we", "'re", "I", "'ve", "I", "'m", "you", "'d"}));
  EXPECT_EQ(Forms("Microsoft's AWS’s DON'T"), (V{"Microsoft", "'s", "AWS", "’s", "DO", "N'T"}));
  EXPECT_EQ(Forms("cannot gonna dont"), (V{"can", "not", "gon", "na", "do", "nt"}));
  EXPECT_EQ(Forms("the 1990's O'Connell"), (V{"the", "1990's", "O'Connell"}));
  EXPECT_EQ(Forms("the Smiths' house"), (V{"the", "Smiths", "'", "house"}));
}

TEST(Tokenizer, SplitsPunctuationAndKeepsRuns) {
  EXPECT_EQ(Forms("Hello, world!"), (V{"Hello", ",", "world", "!"}));
  EXPECT_EQ(Forms("(see \"this\"); ok?!"), (V{"(", "see", "\"", "this", "\"", ")", ";", "ok", "?!"}));
  EXPECT_EQ(Forms("wait... now--really...?"), (V{"wait", "...", "now", "--", "really", "...", "?"}));
  EXPECT_EQ(Forms("“Quoted” — dash"), (V{"“", "Quoted", "”", "—", "dash"}));
}

TEST(Tokenizer, KeepsAbbreviationsExceptAtTheEnd) {
  EXPECT_EQ(Forms("The U.S. and Acme Inc. e.g. Dr. J. Smith left."),
            (V{"The", "U.S.", "and", "Acme", "Inc.", "e.g.", "Dr.", "J.", "Smith", "left", "."}));
  EXPECT_EQ(Forms("He works for Cargill, Inc."), (V{"He", "works", "for", "Cargill", ",", "Inc", "."}));
  EXPECT_EQ(Forms("at 2:30 p.m.)"), (V{"at", "2:30", "p.m", ".", ")"}));
  EXPECT_EQ(Forms("CCNG, Inc.."), (V{"CCNG", ",", "Inc.", "."}));
}

TEST(Tokenizer, NumbersMoneyAndUnits) {
  EXPECT_EQ(Forms("$10 and 2.9% of 1,000 on 11/28/2000"),
            (V{"$", "10", "and", "2.9", "%", "of", "1,000", "on", "11/28/2000"}));
  EXPECT_EQ(Forms("£15 or €20"), (V{"£", "15", "or", "€", "20"}));
  EXPECT_EQ(Forms("65k at 8:30am, 10MM"), (V{"65", "k", "at", "8:30", "am", ",", "10MM"}));
  EXPECT_EQ(Forms("call 713-853-3989 in 1969-1970, the 20th"),
            (V{"call", "713-853-3989", "in", "1969", "-", "1970", ",", "the", "20th"}));
}

TEST(Tokenizer, HyphensSplitExceptAfterKeptPrefixes) {
  EXPECT_EQ(Forms("Al-Zaman a 15-year e-mail non-profit"),
            (V{"Al", "-", "Zaman", "a", "15", "-", "year", "e-mail", "non-profit"}));
  EXPECT_EQ(Forms("and/or w/o 1/2"), (V{"and", "/", "or", "w/o", "1/2"}));
}

TEST(Tokenizer, UrlsEmailsEmoticonsStayWhole) {
  EXPECT_EQ(Forms("See http://example.com/a-b?x=1. Mail (bob.smith@enron.com) :)"),
            (V{"See", "http://example.com/a-b?x=1", ".", "Mail", "(", "bob.smith@enron.com", ")", ":)"}));
  EXPECT_EQ(Forms("fine:-)."), (V{"fine", ":-)", "."}));
}

TEST(Tokenizer, OffsetsAndSpaceAfter) {
  const std::string text = "  Don't\tgo, “now”.";
  const std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 8u);  // Do n't go , “ now ” .
  const std::vector<uint32_t> begins = {2, 4, 8, 10, 12, 15, 18, 21};
  const std::vector<bool> space = {false, true, false, true, false, false, false, true};
  for (size_t i = 0; i < tokens.size(); ++i) {
    EXPECT_EQ(tokens[i].begin, begins[i]) << i;
    EXPECT_EQ(tokens[i].space_after, space[i]) << i;
    if (i > 0) {
      EXPECT_GE(tokens[i].begin, tokens[i - 1].end);
    }
  }
  EXPECT_EQ(text.substr(tokens[5].begin, tokens[5].end - tokens[5].begin), "now");
}

TEST(Tokenizer, AcceptsAnyBytes) {
  EXPECT_TRUE(Tokenize("").empty());
  EXPECT_TRUE(Tokenize(" \t\n\u00a0 ").empty());
  std::string bytes;
  for (int c = 0; c < 256; ++c) bytes.push_back(static_cast<char>(c));
  bytes += "\xE2\x80";  // truncated sequence at the end
  size_t end = 0;
  for (const Token& t : Tokenize(bytes)) {
    EXPECT_LT(t.begin, t.end);
    EXPECT_GE(t.begin, end);
    end = t.end;
  }
  EXPECT_LE(end, bytes.size());
  EXPECT_EQ(Forms("北京是中国的首都。"), (V{"北京是中国的首都", "。"}));
}

// Inputs that would be quadratic if the scanner rescanned words: each is
// 1 MB and must tokenize in well under a second.
TEST(Tokenizer, LinearOnPathologicalInput) {
  for (const std::string unit : {"a-", "1-", "a.", "'", "U.S.", "a@", ".", "x", "can't", "-a"}) {
    std::string text;
    while (text.size() < (1u << 20)) text += unit;
    const auto start = std::chrono::steady_clock::now();
    const size_t n = Tokenize(text).size();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_GT(n, 0u) << unit;
    EXPECT_LT(s, 2.0) << unit;
  }
}

// Re-tokenizes every dev sentence's "# text" and compares with the gold
// words. The remaining differences are mostly typos EWT splits by hand
// ("its" → "it" "s"); 95.3 % of sentences agree at the time of writing.
TEST(Tokenizer, AgreesWithEwtDevTokenization) {
  std::ifstream in(std::string(KG_UD_DIR) + "/en_ewt-ud-dev.conllu");
  if (!in) GTEST_SKIP() << "no EWT dev file at " << KG_UD_DIR;
  std::stringstream buf;
  buf << in.rdbuf();
  auto sentences = ReadConllu(buf.str(), nullptr);
  ASSERT_TRUE(sentences.ok()) << sentences.status().ToString();
  size_t same = 0;
  for (const Sentence& s : *sentences) {
    const std::string text = SentenceText(s);
    const std::vector<std::string> forms = Forms(text);
    bool equal = forms.size() == s.words.size();
    for (size_t i = 0; equal && i < forms.size(); ++i) equal = forms[i] == s.words[i].form;
    same += equal;
  }
  const double share = 100.0 * static_cast<double>(same) / static_cast<double>(sentences->size());
  std::cout << "tokenizer: " << same << "/" << sentences->size() << " dev sentences (" << share
            << " %) match the gold words\n";
  EXPECT_GE(share, 94.0);
}

}  // namespace
}  // namespace kg::syntax
