#include "cli/format.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "cli/row_writer.h"

namespace kg::cli {
namespace {

std::string Render(const std::vector<std::string>& cols, const std::vector<std::vector<Value>>& rows,
                   OutputFormat f, FormatOptions o = {}) {
  std::ostringstream out;
  WriteRows(cols, rows, f, o, out);
  return out.str();
}

TEST(FormatTest, ParseOutputFormatAcceptsKnownNamesCaseInsensitively) {
  EXPECT_EQ(ParseOutputFormat("table"), OutputFormat::kTable);
  EXPECT_EQ(ParseOutputFormat("TSV"), OutputFormat::kTsv);
  EXPECT_EQ(ParseOutputFormat("Csv"), OutputFormat::kCsv);
  EXPECT_EQ(ParseOutputFormat("json"), OutputFormat::kJson);
  EXPECT_FALSE(ParseOutputFormat("xml").has_value());
  EXPECT_FALSE(ParseOutputFormat("").has_value());
}

TEST(FormatTest, DisplayWidthCountsWideAndCombiningCharacters) {
  EXPECT_EQ(DisplayWidth("Japan"), 5u);
  EXPECT_EQ(DisplayWidth("日本"), 4u);              // CJK: two columns each
  EXPECT_EQ(DisplayWidth("e\xCC\x81"), 1u);         // e + combining acute
  EXPECT_EQ(DisplayWidth("M\xC3\xBCnchen"), 7u);    // ü is one column
  EXPECT_EQ(DisplayWidth("\xF0\x9F\x98\x80"), 2u);  // emoji
  EXPECT_EQ(DisplayWidth("\xFF\xFE"), 2u);          // invalid bytes: one each
  EXPECT_EQ(DisplayWidth(""), 0u);
}

TEST(FormatTest, TruncateKeepsWholeCodePointsAndAddsEllipsis) {
  EXPECT_EQ(TruncateToWidth("Microsoft", 20), "Microsoft");
  EXPECT_EQ(TruncateToWidth("Microsoft", 5), "Micr…");
  EXPECT_EQ(DisplayWidth(TruncateToWidth("Microsoft", 5)), 5u);
  // A wide character that does not fit is dropped whole, not split.
  EXPECT_EQ(TruncateToWidth("日本語です", 4), "日…");
  EXPECT_LE(DisplayWidth(TruncateToWidth("日本語です", 4)), 4u);
  EXPECT_EQ(TruncateToWidth("abc", 0), "");
}

TEST(FormatTest, TsvHasHeaderAndEscapesTabsAndNewlines) {
  std::string out = Render({"c", "amt"},
                           {{Value::Entity("Microsoft"), Value::Money(1e10, "USD")},
                            {Value::String("a\tb\nc\\d"), Value::Integer(3)}},
                           OutputFormat::kTsv);
  EXPECT_EQ(out, "c\tamt\nMicrosoft\t10000000000 USD\na\\tb\\nc\\\\d\t3\n");
}

TEST(FormatTest, CsvQuotesPerRfc4180) {
  EXPECT_EQ(EscapeCsv("plain"), "plain");
  EXPECT_EQ(EscapeCsv("a,b"), "\"a,b\"");
  EXPECT_EQ(EscapeCsv("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(EscapeCsv("two\nlines"), "\"two\nlines\"");
  std::string out =
      Render({"name", "n"}, {{Value::Entity("Ministry of Economy, Trade and Industry"), Value::Integer(1)}},
             OutputFormat::kCsv);
  EXPECT_EQ(out, "name,n\r\n\"Ministry of Economy, Trade and Industry\",1\r\n");
}

TEST(FormatTest, JsonIsArrayOfObjectsWithTypedValues) {
  std::string out =
      Render({"c", "amt", "n", "d", "ok", "when", "hq"},
             {{Value::Entity("Microsoft"), Value::Money(1e10, "USD"), Value::Integer(3), Value::Decimal(0.5),
               Value::Bool(true), Value::DateValue({2024, 4, 10}), Value()}},
             OutputFormat::kJson);
  EXPECT_EQ(out,
            "[\n{\"c\":\"Microsoft\",\"amt\":{\"amount\":10000000000,\"currency\":\"USD\"},\"n\":3,\"d\":0.5,"
            "\"ok\":true,\"when\":\"2024-04-10\",\"hq\":null}\n]\n");
  EXPECT_EQ(Render({"c"}, {}, OutputFormat::kJson), "[]\n");
}

TEST(FormatTest, JsonStringEscapesControlsAndRepairsInvalidUtf8) {
  EXPECT_EQ(JsonString("a\"b\\c\n\x01"), "\"a\\\"b\\\\c\\n\\u0001\"");
  EXPECT_EQ(JsonString("bad\xFF"), "\"bad\xEF\xBF\xBD\"");
  EXPECT_EQ(JsonString("日本"), "\"日本\"");
}

TEST(FormatTest, TableAlignsColumnsByDisplayWidth) {
  std::string out =
      Render({"name", "n"},
             {{Value::Entity("日本"), Value::Integer(5)}, {Value::Entity("Japan"), Value::Integer(12)}},
             OutputFormat::kTable);
  EXPECT_EQ(out,
            " name  | n\n"
            "-------+----\n"
            " 日本  |  5\n"
            " Japan | 12\n");
}

TEST(FormatTest, TableTruncatesLongCellsToFitTerminal) {
  std::string long_text(100, 'x');
  FormatOptions opts;
  opts.max_width = 30;
  std::string out =
      Render({"a", "b"}, {{Value::String(long_text), Value::String("short")}}, OutputFormat::kTable, opts);
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) EXPECT_LE(DisplayWidth(line), 30u) << line;
  EXPECT_NE(out.find("…"), std::string::npos);
  EXPECT_NE(out.find("short"), std::string::npos);
  // Without a terminal width nothing is cut.
  EXPECT_NE(Render({"a"}, {{Value::String(long_text)}}, OutputFormat::kTable).find(long_text),
            std::string::npos);
}

TEST(FormatTest, TableShowsControlCharactersInCellsEscaped) {
  std::string out = Render({"s"}, {{Value::String("two\nlines")}}, OutputFormat::kTable);
  EXPECT_EQ(out, " s\n------------\n two\\nlines\n");
}

// Issue 12: a stored name must not drive the terminal (title setting, screen
// clearing) in any output format.
const char kHostile[] =
    "Evil\x1b]0;pwned\x07"
    "Corp\x1b[2J\xc2\x9b";

TEST(FormatTest, EveryFormatEscapesTerminalControls) {
  for (OutputFormat f : {OutputFormat::kTable, OutputFormat::kTsv, OutputFormat::kCsv, OutputFormat::kJson}) {
    std::string out = Render({"c"}, {{Value::Entity(kHostile)}}, f);
    EXPECT_EQ(out.find('\x1b'), std::string::npos) << OutputFormatName(f) << ": " << out;
    EXPECT_EQ(out.find('\x07'), std::string::npos) << OutputFormatName(f);
    EXPECT_EQ(out.find("\xc2\x9b"), std::string::npos) << OutputFormatName(f);  // C1 CSI
  }
  EXPECT_EQ(EscapeTsv(kHostile), "Evil\\x1b]0;pwned\\x07Corp\\x1b[2J\\u{009b}");
  EXPECT_EQ(EscapeCsv(kHostile), "Evil\\x1b]0;pwned\\x07Corp\\x1b[2J\\u{009b}");
  EXPECT_EQ(JsonString(kHostile), "\"Evil\\u001b]0;pwned\\u0007Corp\\u001b[2J\\u009b\"");
  // TSV stays reversible: a backslash in the data is doubled.
  EXPECT_EQ(EscapeTsv("a\\x1b"), "a\\\\x1b");
}

// What tsv / csv output was before RowWriter formatted into a buffer: each
// field is Value::ToString() through EscapeTsv / EscapeCsv, written as it
// came. The buffered writer must produce the same bytes.
std::string Reference(const std::vector<std::string>& cols, const std::vector<std::vector<Value>>& rows,
                      OutputFormat f) {
  const bool csv = f == OutputFormat::kCsv;
  auto escape = [&](std::string_view s) { return csv ? EscapeCsv(s) : EscapeTsv(s); };
  std::string out;
  auto line = [&](const std::vector<std::string>& fields) {
    for (size_t c = 0; c < fields.size(); ++c) out += (c ? (csv ? "," : "\t") : "") + escape(fields[c]);
    out += csv ? "\r\n" : "\n";
  };
  line(cols);
  for (const auto& row : rows) {
    std::vector<std::string> fields;
    for (size_t c = 0; c < cols.size(); ++c) fields.push_back(c < row.size() ? row[c].ToString() : "");
    line(fields);
  }
  return out;
}

std::vector<std::vector<Value>> AwkwardRows() {
  return {
      {Value::Entity("Microsoft"), Value::String("back\\slash"), Value::Integer(-42)},
      {Value::String("tab\there"), Value::String("line\nbreak"), Value::Decimal(1.5)},
      {Value::String("esc\x1b[2J"), Value::String("M\xC3\xBCnchen"), Value::MoneyExact(123450000, "USD")},
      {Value::String("bad \xFF utf8"), Value::String("a,b"), Value::DateValue(Date{2024, 3, 0})},
      {Value::String("say \"hi\""), Value::String(" padded "), Value::Bool(true)},
      {Value::String("c1 \xC2\x9B csi"), Value(), Value::Predicate("invests_in")},
      {Value::Article("news"), Value::Integer(0)},  // a short row: the rest is null
  };
}

TEST(RowWriterTest, BufferedTsvAndCsvMatchFieldByFieldEscaping) {
  const std::vector<std::string> cols = {"who", "what,\"col\"", "n"};
  for (OutputFormat f : {OutputFormat::kTsv, OutputFormat::kCsv}) {
    EXPECT_EQ(Render(cols, AwkwardRows(), f), Reference(cols, AwkwardRows(), f)) << OutputFormatName(f);
  }
}

TEST(RowWriterTest, ManyRowsCrossBlockBoundariesUnchanged) {
  std::vector<std::vector<Value>> rows;
  for (int i = 0; i < 20000; ++i) {
    rows.push_back({Value::Entity("company_" + std::to_string(i)), Value::Integer(i * 1000003LL)});
  }
  EXPECT_EQ(Render({"c", "n"}, rows, OutputFormat::kTsv), Reference({"c", "n"}, rows, OutputFormat::kTsv));
}

// The plain-text test reads eight bytes at a time: a byte to escape (or to
// quote in csv) must be found at every position of a word and in the tail.
TEST(RowWriterTest, SpecialByteAtEveryPositionEscapedAsBefore) {
  const std::string special[] = {std::string(1, '\0'), "\t", "\n", "\r", "\x1f", "\\", "\x7f", "\x80",
                                 "\xC3\xBC",           "\"", ",",  " ",  "~"};
  std::vector<std::vector<Value>> rows;
  for (const std::string& sp : special) {
    for (size_t at = 0; at < 19; ++at) {
      std::string text(19, 'a');
      text.replace(at, 1, sp);
      rows.push_back({Value::String(text), Value::Entity("b" + text)});
    }
  }
  for (OutputFormat f : {OutputFormat::kTsv, OutputFormat::kCsv}) {
    EXPECT_EQ(Render({"x", "y"}, rows, f), Reference({"x", "y"}, rows, f)) << OutputFormatName(f);
  }
}

TEST(RowWriterTest, HeaderAtOnceRowsAtFlushAndAtDestruction) {
  std::ostringstream out;
  {
    RowWriter writer({"x"}, OutputFormat::kTsv, {}, out);
    EXPECT_EQ(out.str(), "x\n");  // the header is not held back
    writer.Add({Value::Entity("a")});
    EXPECT_EQ(out.str(), "x\n");  // a row waits for a block or Flush
    writer.Flush();
    EXPECT_EQ(out.str(), "x\na\n");
    writer.Add({Value::Entity("b")});
  }  // no Finish (an error ended the rows): what was added still reaches the stream
  EXPECT_EQ(out.str(), "x\na\nb\n");
}

TEST(RowWriterTest, JsonRowsMatchWholeAnswer) {
  std::ostringstream out;
  RowWriter writer({"a", "b"}, OutputFormat::kJson, {}, out);
  for (const auto& row : AwkwardRows()) writer.Add({row[0], row[1]});
  writer.Finish();
  std::vector<std::vector<Value>> two;
  for (const auto& row : AwkwardRows()) two.push_back({row[0], row[1]});
  std::string expected = "[\n";
  for (size_t r = 0; r < two.size(); ++r) {
    expected += "{\"a\":" + JsonValue(two[r][0]) + ",\"b\":" + JsonValue(two[r][1]) + "}";
    expected += r + 1 < two.size() ? ",\n" : "\n]\n";
  }
  EXPECT_EQ(out.str(), expected);
}

TEST(FormatTest, RowCountPluralizes) {
  EXPECT_EQ(RowCount(0), "0 rows");
  EXPECT_EQ(RowCount(1), "1 row");
  EXPECT_EQ(RowCount(2), "2 rows");
}

}  // namespace
}  // namespace kg::cli
