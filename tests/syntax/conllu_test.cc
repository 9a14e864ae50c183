#include "syntax/conllu.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace kg::syntax {
namespace {

// sentence.h has no operator==, so round trips compare field by field.
void ExpectSameSentences(const std::vector<Sentence>& a, const std::vector<Sentence>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    SCOPED_TRACE("sentence " + std::to_string(i));
    EXPECT_EQ(a[i].comments, b[i].comments);
    ASSERT_EQ(a[i].words.size(), b[i].words.size());
    for (size_t j = 0; j < a[i].words.size(); ++j) {
      const Word& x = a[i].words[j];
      const Word& y = b[i].words[j];
      EXPECT_EQ(x.form, y.form);
      EXPECT_EQ(x.lemma, y.lemma);
      EXPECT_EQ(x.upos, y.upos);
      EXPECT_EQ(x.xpos, y.xpos);
      EXPECT_EQ(x.feats, y.feats);
      EXPECT_EQ(x.head, y.head);
      EXPECT_EQ(x.deprel, y.deprel);
      EXPECT_EQ(x.deps, y.deps);
      EXPECT_EQ(x.misc, y.misc);
    }
    ASSERT_EQ(a[i].multiword_tokens.size(), b[i].multiword_tokens.size());
    for (size_t j = 0; j < a[i].multiword_tokens.size(); ++j) {
      EXPECT_EQ(a[i].multiword_tokens[j].first, b[i].multiword_tokens[j].first);
      EXPECT_EQ(a[i].multiword_tokens[j].last, b[i].multiword_tokens[j].last);
      EXPECT_EQ(a[i].multiword_tokens[j].form, b[i].multiword_tokens[j].form);
      EXPECT_EQ(a[i].multiword_tokens[j].misc, b[i].multiword_tokens[j].misc);
    }
  }
}

// Two sentences: comments (one bare "#"), a multiword token, SpaceAfter=No,
// an unknown head and "_" fields.
constexpr char kSample[] =
    "# sent_id = 1\n"
    "# text = I don't know.\n"
    "#\n"
    "1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t4:nsubj\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "4\tknow\tknow\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n"
    "# sent_id = 2\n"
    "1\tJohn's\t_\tPROPN\t_\t_\t_\t_\t_\t_\n"
    "2\tdog\tdog\tNOUN\tNN\t_\t0\troot\t0:root\t_\n"
    "\n";

std::vector<Sentence> ReadOk(std::string_view text, std::vector<std::string>* warnings = nullptr) {
  Result<std::vector<Sentence>> r = ReadConllu(text, warnings);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : std::vector<Sentence>();
}

// Expects InvalidArgument whose message starts with `line` and contains `what`.
void ExpectError(std::string_view text, const std::string& line, const std::string& what) {
  Result<std::vector<Sentence>> r = ReadConllu(text, nullptr);
  ASSERT_FALSE(r.ok()) << "expected an error containing: " << what;
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(r.status().message().rfind(line + ": ", 0), 0u) << r.status().message();
  EXPECT_NE(r.status().message().find(what), std::string::npos) << r.status().message();
}

TEST(ConlluReadTest, CommentsWordsAndFields) {
  std::vector<Sentence> s = ReadOk(kSample);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].comments, (std::vector<std::string>{"sent_id = 1", "text = I don't know.", ""}));
  ASSERT_EQ(s[0].words.size(), 5u);
  const Word& know = s[0].words[3];
  EXPECT_EQ(know.form, "know");
  EXPECT_EQ(know.lemma, "know");
  EXPECT_EQ(know.upos, "VERB");
  EXPECT_EQ(know.xpos, "VB");
  EXPECT_EQ(know.feats, "VerbForm=Inf");
  EXPECT_EQ(know.head, 0);
  EXPECT_EQ(know.deprel, "root");
  EXPECT_EQ(know.deps, "0:root");
  EXPECT_EQ(know.misc, "SpaceAfter=No");
  EXPECT_EQ(s[0].words[0].head, 4);
  EXPECT_EQ(s[0].words[4].feats, "_");  // FEATS keeps "_"
  EXPECT_TRUE(s[0].offsets.empty());
}

TEST(ConlluReadTest, UnderscoreFieldsAndUnknownHead) {
  std::vector<Sentence> s = ReadOk(kSample);
  ASSERT_EQ(s.size(), 2u);
  const Word& w = s[1].words[0];
  EXPECT_EQ(w.form, "John's");
  EXPECT_EQ(w.lemma, "");
  EXPECT_EQ(w.xpos, "");
  EXPECT_EQ(w.head, -1);
  EXPECT_EQ(w.deprel, "");
  EXPECT_EQ(w.deps, "_");
  EXPECT_EQ(w.misc, "_");
}

TEST(ConlluReadTest, UnderscoreFormIsKept) {
  std::vector<Sentence> s = ReadOk("1\t_\t_\tPUNCT\tNFP\t_\t0\troot\t_\t_\n");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].words[0].form, "_");
  EXPECT_EQ(s[0].words[0].lemma, "");
}

TEST(ConlluReadTest, MultiwordToken) {
  std::vector<Sentence> s = ReadOk(kSample);
  ASSERT_EQ(s[0].multiword_tokens.size(), 1u);
  const MultiwordToken& t = s[0].multiword_tokens[0];
  EXPECT_EQ(t.first, 1);
  EXPECT_EQ(t.last, 2);
  EXPECT_EQ(t.form, "don't");
  EXPECT_EQ(t.misc, "_");
}

TEST(ConlluReadTest, EmptyNodesSkippedWithOneWarning) {
  const std::string text =
      "1\tgo\tgo\tVERB\tVB\t_\t0\troot\t0:root\t_\n"
      "1.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t0:root\tCopyOf=1\n"
      "\n"
      "0.1\tbe\tbe\tAUX\tVB\t_\t_\t_\t1:cop\t_\n"
      "1\tok\tok\tADJ\tJJ\t_\t0\troot\t0:root\t_\n"
      "1.1\tbe\tbe\tAUX\tVB\t_\t_\t_\t1:cop\t_\n";
  std::vector<std::string> warnings;
  std::vector<Sentence> s = ReadOk(text, &warnings);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].words.size(), 1u);
  EXPECT_EQ(s[1].words.size(), 1u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("skipped 3 empty node"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("not supported"), std::string::npos) << warnings[0];
  EXPECT_TRUE(ReadConllu(text, nullptr).ok());  // warnings may be ignored
}

TEST(ConlluReadTest, NoWarningWithoutEmptyNodes) {
  std::vector<std::string> warnings;
  ReadOk(kSample, &warnings);
  EXPECT_TRUE(warnings.empty());
}

TEST(ConlluReadTest, EmptyInputGivesNoSentences) {
  EXPECT_TRUE(ReadOk("").empty());
  EXPECT_TRUE(ReadOk("\n\n  \n").empty());
}

TEST(ConlluReadTest, CrlfAndMissingFinalBlankLine) {
  std::string crlf;
  for (char c : std::string(kSample)) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  ExpectSameSentences(ReadOk(crlf), ReadOk(kSample));
  std::string no_final(kSample);
  no_final.pop_back();  // "...\t_\n" with no blank line
  ExpectSameSentences(ReadOk(no_final), ReadOk(kSample));
  no_final.pop_back();  // and no final line break either
  ExpectSameSentences(ReadOk(no_final), ReadOk(kSample));
}

TEST(ConlluReadTest, SeveralBlankLinesAndBom) {
  const std::string text = "\xEF\xBB\xBF\n\n" + std::string(kSample) + "\n\n";
  ExpectSameSentences(ReadOk(text), ReadOk(kSample));
}

TEST(ConlluReadTest, AcceptsMultibyteUtf8) {
  std::vector<Sentence> s = ReadOk("1\tcafé→日本😀\t_\t_\t_\t_\t0\troot\t_\t_\n");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].words[0].form, "café→日本😀");
}

TEST(ConlluErrorTest, ColumnCount) {
  ExpectError("1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\n", "line 1", "expected 10 tab-separated columns, found 9");
  ExpectError("# c\n1 I I PRON PRP _ 0 root _ _\n", "line 2", "found 1");
  ExpectError("1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\t_\n", "line 1", "found 11");
}

TEST(ConlluErrorTest, EmptyColumn) {
  ExpectError("1\tI\t\tPRON\tPRP\t_\t0\troot\t_\t_\n", "line 1", "column LEMMA is empty");
}

TEST(ConlluErrorTest, NonNumericId) {
  ExpectError("x\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", "line 1", "ID \"x\" is not a number");
  ExpectError("1.x\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", "line 1", "ID \"1.x\" is not a number");
  ExpectError("-1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", "line 1", "range \"-1\" is not two numbers");
}

TEST(ConlluErrorTest, IdsNotConsecutive) {
  ExpectError("2\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", "line 1", "expected word id 1, found 2");
  ExpectError(
      "1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n"
      "3\tgo\tgo\tVERB\tVB\t_\t1\tdep\t_\t_\n",
      "line 2", "expected word id 2, found 3");
}

TEST(ConlluErrorTest, HeadNotANumber) {
  ExpectError("1\tI\tI\tPRON\tPRP\t_\tx\troot\t_\t_\n", "line 1", "HEAD \"x\" is not a number");
  ExpectError("1\tI\tI\tPRON\tPRP\t_\t-1\troot\t_\t_\n", "line 1", "HEAD \"-1\" is not a number");
}

TEST(ConlluErrorTest, HeadOutOfRange) {
  ExpectError(
      "# c\n"
      "1\tI\tI\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
      "2\tgo\tgo\tVERB\tVB\t_\t3\troot\t_\t_\n",
      "line 3", "HEAD 3 is outside 0..2");
}

TEST(ConlluErrorTest, InvalidUtf8) {
  const char* bad[] = {"\xff",        "\xc3", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                       "\xe2\x28\xa1"};
  for (const char* b : bad) {
    SCOPED_TRACE(b);
    ExpectError("# ok\n1\tx" + std::string(b) + "\t_\t_\t_\t_\t0\troot\t_\t_\n", "line 2",
                "invalid UTF-8 at byte 4 of the line");
  }
}

TEST(ConlluErrorTest, LineTooLong) {
  std::string text = "# ok\n# " + std::string(kMaxConlluLineBytes, 'a') + "\n";
  ExpectError(text, "line 2", "line is longer than 1048576 bytes");
}

TEST(ConlluErrorTest, MultiwordRanges) {
  const std::string w1 = "1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n";
  const std::string w2 = "2\tdo\tdo\tAUX\tVBP\t_\t1\taux\t_\t_\n";
  const std::string mwt = "\t_\t_\t_\t_\t_\t_\t_\t_\t_\n";
  ExpectError("1-x" + mwt + w1, "line 1", "range \"1-x\" is not two numbers");
  ExpectError(w1 + "1-2" + mwt + w2, "line 2", "range 1-2 must start at the next word id, 2");
  ExpectError("2-1" + mwt + w1, "line 1", "must start at the next word id, 1");
  ExpectError(w1 + "2-1" + mwt + w2, "line 2", "range 2-1 ends before it starts");
  ExpectError("1-2" + mwt + "1-2" + mwt + w1 + w2, "line 2", "range 1-2 overlaps the previous");
  ExpectError(w1 + "2-3" + mwt + w2 + "\n", "line 2", "range 2-3 ends past the sentence's last word, 2");
}

TEST(ConlluErrorTest, CommentInsideSentence) {
  ExpectError("1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n# late\n", "line 2", "comment inside a sentence");
}

TEST(ConlluErrorTest, SentenceWithoutWords) {
  ExpectError(std::string(kSample) + "\n# orphan\n# comment\n", "line 16", "sentence has no word lines");
}

TEST(ConlluWriteTest, FieldsUnderscoresAndMultiwordLines) {
  Sentence s;
  s.comments = {"text = Im", ""};
  Word a;
  a.form = "I";
  a.head = 2;
  a.misc = "SpaceAfter=No";
  Word b;
  b.form = "m\tx";  // a tab in a field must not break the columns
  b.head = -1;
  b.upos = "AUX";
  s.words = {a, b};
  s.multiword_tokens = {{0, 1, "Im", ""}};
  EXPECT_EQ(WriteConllu({s}),
            "# text = Im\n"
            "#\n"
            "1-2\tIm\t_\t_\t_\t_\t_\t_\t_\t_\n"
            "1\tI\t_\t_\t_\t_\t2\t_\t_\tSpaceAfter=No\n"
            "2\tm x\t_\tAUX\t_\t_\t_\t_\t_\t_\n"
            "\n");
  std::string out = "x";
  WriteConlluSentence(s, &out);  // appends
  EXPECT_EQ(out.substr(0, 12), "x# text = Im");
}

TEST(ConlluWriteTest, MultiwordTokensInWordOrderAndBadOnesDropped) {
  std::vector<Sentence> s = ReadOk("1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n2\tb\t_\t_\t_\t_\t1\tdep\t_\t_\n");
  ASSERT_EQ(s.size(), 1u);
  s[0].multiword_tokens = {{1, 1, "B", "_"}, {0, 0, "A", "_"}, {1, 5, "far", "_"}, {1, 0, "rev", "_"}};
  const std::string out = WriteConllu(s);
  EXPECT_EQ(out,
            "1-1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n"
            "2-2\tB\t_\t_\t_\t_\t_\t_\t_\t_\n2\tb\t_\t_\t_\t_\t1\tdep\t_\t_\n\n");
  EXPECT_EQ(SentenceText(s[0]), "A B");
}

TEST(ConlluWriteTest, RoundTripSmallSample) {
  std::vector<Sentence> s = ReadOk(kSample);
  EXPECT_EQ(WriteConllu(s), kSample);
  ExpectSameSentences(ReadOk(WriteConllu(s)), s);
  EXPECT_EQ(WriteConllu({}), "");
}

TEST(ConlluWriteTest, RoundTripBuiltSentence) {
  Sentence s;
  Word w;
  w.form = "Hello";
  w.lemma = "hello";
  w.feats = "_";
  w.deps = "_";
  w.misc = "_";
  w.head = 0;
  w.deprel = "root";
  s.words = {w, w, w};
  s.words[1].head = -1;
  s.words[2].deprel = "nmod:poss";
  s.multiword_tokens = {{1, 2, "HelloHello", "SpaceAfter=No"}};
  ExpectSameSentences(ReadOk(WriteConllu({s, s})), {s, s});
}

// Reads `path` and drops empty-node lines, which ReadConllu skips.
std::string ReadWithoutEmptyNodes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line, out;
  while (std::getline(in, line)) {
    const size_t tab = line.find('\t');
    if (tab != std::string::npos && line.substr(0, tab).find('.') != std::string::npos) continue;
    out += line + "\n";
  }
  return out;
}

TEST(ConlluWriteTest, RoundTripEwtDev) {
  const std::string path = std::string(KG_UD_DIR) + "/en_ewt-ud-dev.conllu";
  std::ifstream in(path, std::ios::binary);
  if (!in) GTEST_SKIP() << path << " is not present";
  std::stringstream buf;
  buf << in.rdbuf();
  std::vector<std::string> warnings;
  std::vector<Sentence> s = ReadOk(buf.str(), &warnings);
  EXPECT_GT(s.size(), 1000u);
  EXPECT_EQ(warnings.size(), 1u);
  const std::string expected = ReadWithoutEmptyNodes(path);
  const std::string written = WriteConllu(s);
  if (written != expected) {  // report the first differing line, not 1.6 MB
    std::istringstream a(written), b(expected);
    std::string la, lb;
    for (size_t n = 1; std::getline(a, la) && std::getline(b, lb); ++n) {
      ASSERT_EQ(la, lb) << "output line " << n;
    }
    FAIL() << "written " << written.size() << " bytes, expected " << expected.size();
  }
  ExpectSameSentences(ReadOk(written), s);
}

TEST(ConlluTextTest, FromTextComment) {
  std::vector<Sentence> s = ReadOk(kSample);
  EXPECT_EQ(SentenceText(s[0]), "I don't know.");
  Sentence t;
  t.comments = {"textual = no", "text=  Two spaces"};
  EXPECT_EQ(SentenceText(t), " Two spaces");
}

TEST(ConlluTextTest, FromFormsWithSpaceAfterAndMultiwordTokens) {
  std::vector<Sentence> s = ReadOk(kSample);
  s[0].comments.clear();
  EXPECT_EQ(SentenceText(s[0]), "I don't know.");
  EXPECT_EQ(SentenceText(s[1]), "John's dog");
  s[0].multiword_tokens.clear();
  s[0].words[2].misc = "Foo=1|SpaceAfter=No";
  EXPECT_EQ(SentenceText(s[0]), "I do n'tknow.");
  EXPECT_EQ(SentenceText(Sentence()), "");
}

}  // namespace
}  // namespace kg::syntax
