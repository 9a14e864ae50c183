#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "loader/text/document.h"
#include "loader/text/short_forms.h"

namespace kg::loader::text {
namespace {

TEST(SentenceSplit, SurvivesAbbreviationsDecimalsAndAmounts) {
  const auto s = SplitSentences(
      "Acme Inc. raised $2.9B from U.S. investors. Shares rose 3.5 percent. Dr. Lee said it was \"a "
      "milestone.\" "
      "The deal closes in Q3.");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0], "Acme Inc. raised $2.9B from U.S. investors.");
  EXPECT_EQ(s[1], "Shares rose 3.5 percent.");
  EXPECT_EQ(s[2], "Dr. Lee said it was \"a milestone.\"");
  EXPECT_EQ(s[3], "The deal closes in Q3.");
}

TEST(SentenceSplit, AmbiguousAbbreviationBeforeSentenceStarter) {
  const auto s = SplitSentences("The company expanded in the U.S. The move was expected.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "The company expanded in the U.S.");
}

TEST(SentenceSplit, CorporateSuffixMidSentence) {
  const auto s = SplitSentences("Widget Corp. Chief Executive Jane Roe left.");
  EXPECT_EQ(s.size(), 1u);
}

TEST(Document, HeaderTitleDateSourceAndBulletsAttached) {
  const std::string text =
      "Acme expands in Kenya\n"
      "date: 2024-04-10\n"
      "source: example\n"
      "\n"
      "Acme faces three risks, including:\n"
      "- Rising costs\n"
      "- Currency swings\n"
      "Acme said it will hire 50 people.\n";
  auto doc = ParseDocument(text);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->title, "Acme expands in Kenya");
  EXPECT_EQ(doc->date, "2024-04-10");
  EXPECT_EQ(doc->source, "example");
  ASSERT_EQ(doc->sentences.size(), 2u);
  const Sentence& s = doc->sentences[0];
  ASSERT_EQ(s.list_items.size(), 2u);
  EXPECT_EQ(s.text.substr(s.list_items[0].first, s.list_items[0].second - s.list_items[0].first),
            "Rising costs");
  EXPECT_EQ(s.text.substr(s.list_items[1].first, s.list_items[1].second - s.list_items[1].first),
            "Currency swings");
  EXPECT_EQ(doc->sentences[1].text, "Acme said it will hire 50 people.");
}

// A first line right above header lines is the title however it reads; a
// licence line is metadata.
TEST(Document, LongPunctuatedTitleAboveHeaderLines) {
  const std::string text =
      "Investment Plan: Halden Bank finances water treatment, clean energy, mobilises EUR 600 million\n"
      "date: 2018-05-03\n"
      "source: https://example.org/item/1\n"
      "licence: CC BY 4.0\n"
      "\n"
      "The bank signed a loan.\n";
  auto doc = ParseDocument(text);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->title,
            "Investment Plan: Halden Bank finances water treatment, clean energy, mobilises EUR 600 million");
  EXPECT_EQ(doc->date, "2018-05-03");
  EXPECT_EQ(doc->source, "https://example.org/item/1");
  ASSERT_EQ(doc->sentences.size(), 1u);
  EXPECT_EQ(doc->sentences[0].text, "The bank signed a loan.");
}

TEST(Document, HeadingsAreKeptButFlagged) {
  auto doc =
      ParseDocument("Title line here\nFirst sentence is here.\nA section heading\nSecond one is here.\n");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->sentences.size(), 3u);
  EXPECT_TRUE(doc->sentences[1].heading);
  EXPECT_FALSE(doc->sentences[2].heading);
}

TEST(Normalize, QuotesDashesSpaces) {
  EXPECT_EQ(NormalizeText("Microsoft\xe2\x80\x99s \xe2\x80\x9c"
                          "AI\xe2\x80\x9d\xc2\xa0push \xe2\x80\x93 2024\r\n"),
            "Microsoft's \"AI\" push - 2024\n");
}

TEST(Input, EmptyAndBlankAreRejected) {
  EXPECT_EQ(CheckInput("").code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(CheckInput("  \n\t\n").code(), Status::Code::kInvalidArgument);
}

TEST(Input, BinaryIsRejected) {
  const std::string bin(
      "\x7f"
      "ELF\x02\x01\x01\x00\x00\x00",
      10);
  const Status st = CheckInput(bin);
  EXPECT_EQ(st.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(st.message().find("binary"), std::string::npos);
}

TEST(Input, InvalidUtf8ReportsLineAndColumn) {
  const Status st = ValidateUtf8(
      "first line\nab\xff"
      "cd\n");
  ASSERT_EQ(st.code(), Status::Code::kInvalidArgument);
  ASSERT_TRUE(st.span().has_value());
  EXPECT_EQ(st.span()->line, 2u);
  EXPECT_EQ(st.span()->column, 3u);
  EXPECT_EQ(st.span()->offset, 13u);
  EXPECT_NE(st.message().find("line 2, column 3"), std::string::npos);
}

TEST(Input, OverlongAndSurrogatesAreInvalid) {
  EXPECT_FALSE(ValidateUtf8("\xc0\xaf").ok());
  EXPECT_FALSE(ValidateUtf8("\xed\xa0\x80").ok());
  EXPECT_TRUE(ValidateUtf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80").ok());
}

TEST(Input, NonEnglishIsRejectedWithMessage) {
  auto doc = ParseDocument(
      "Die Bundesregierung hat heute beschlossen, dass neue Investitionen in die digitale Infrastruktur "
      "gefördert werden sollen. Unternehmen können Anträge bis zum Ende des Jahres stellen, sagte ein "
      "Sprecher.");
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("English"), std::string::npos);
}

TEST(Dates, ParsesCommonForms) {
  EXPECT_EQ(ParseDateText("2024-04-10"), "2024-04-10");
  EXPECT_EQ(ParseDateText("April 10, 2024"), "2024-04-10");
  EXPECT_EQ(ParseDateText("10 April 2024"), "2024-04-10");
  EXPECT_EQ(ParseDateText("April 2024"), "2024-04");
  EXPECT_EQ(ParseDateText("soon"), "");
}

TEST(Document, WireDatelineIsSplitOffTheFirstLine) {
  auto d = ParseDocument("Title here\n\nLONDON, June 3 (Reuters) -- Acme said it will hire 300 people.\n");
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->sentences.size(), 2u);
  EXPECT_TRUE(d->sentences[0].dateline);
  EXPECT_TRUE(d->sentences[0].heading);
  EXPECT_EQ(d->sentences[1].text, "Acme said it will hire 300 people.");
  // Not a dateline: a short acronym, a sentence with lower-case words, a later line.
  for (const char* text : {"NASA - the space agency - said on Monday it will fly.",
                           "Acme, the maker - a big one - grew.", "Acme grew.\nTOKYO (AP) - Acme grew."}) {
    auto e = ParseDocument(text);
    ASSERT_TRUE(e.ok());
    for (const auto& s : e->sentences) EXPECT_FALSE(s.dateline) << text;
  }
}

std::vector<WordRange> Defined(const std::vector<std::string_view>& forms) {
  return BracketDefinedNames(forms, [&forms](size_t i) { return forms[i] != "," && forms[i] != "signed"; });
}

TEST(ShortForms, BaseLettersFoldDiacritics) {
  EXPECT_EQ(BaseLetters("Československá"), "ceskoslovenska");
  EXPECT_EQ(BaseLetters("Ærø"), "aro");
  EXPECT_EQ(BaseLetters("Ωmega"), "?mega");
  EXPECT_TRUE(Capitalized("Úvěr"));
  EXPECT_FALSE(Capitalized("úvěr"));
}

TEST(ShortForms, ABracketedShortFormDefinesTheWordsItSpells) {
  // Letters inside a word count ("Česko-Slovenská" → "CS"); the first must
  // start a word.
  auto d = Defined({"and", "Československá", "obchodní", "banka", "(", "CSOB", ")", "signed"});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].first, 1u);
  EXPECT_EQ(d[0].last, 3u);
  // The shortest spelling wins: "the" is not part of it.
  d = Defined({"the", "European", "Fund", "for", "Strategic", "Investments", "(", "EFSI", ")"});
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].first, 1u);
}

TEST(ShortForms, NoNameWithoutACapitalOrAllItsLetters) {
  EXPECT_TRUE(Defined({"loans", "to", "small", "firms", "(", "SF", ")"}).empty());
  EXPECT_TRUE(Defined({"the", "Nordic", "Fund", "(", "XYZ", ")"}).empty());
  // A punctuation mark ends the words a long form may take.
  EXPECT_TRUE(Defined({"Banka", ",", "obchodní", "(", "BO", ")"}).empty());
}

}  // namespace
}  // namespace kg::loader::text
