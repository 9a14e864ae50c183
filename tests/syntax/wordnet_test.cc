// The in-memory WordNet (syntax/wordnet.h) against WordNet's own C library
// (syntax/wordnet_library.h): the same word classes, noun and verb lemmas and
// morphstr() base forms for all four parts of speech, for every word form of
// EWT dev, a sample of EWT train, the forms and base forms of the exception
// lists, a sample of the index lemmas with inflectional endings, and strings
// that reach morphstr()'s corner cases (hyphens, collocations, prepositional
// verbs, "-ful" nouns, '(' and NUL bytes).
#include "syntax/wordnet.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "syntax/wordnet_library.h"

namespace kg::syntax {
namespace {

namespace fs = std::filesystem;

// Where both implementations look for the database (wninit()'s rule).
std::string WordNetDir() {
  if (const char* env = std::getenv("WNSEARCHDIR")) return env;
  if (const char* home = std::getenv("WNHOME")) return std::string(home) + "/dict";
  return "/usr/share/wordnet";
}

std::string AsciiLower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// The lower-cased forms and lemmas (CoNLL-U columns 2 and 3) of a treebank's
// word lines; empty when the file is missing.
std::set<std::string> TreebankWords(const std::string& path) {
  std::set<std::string> words;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string col; std::getline(ss, col, '\t');) cols.push_back(col);
    if (cols.size() != 10 || cols[0].find_first_not_of("0123456789") != std::string::npos) continue;
    words.insert(AsciiLower(cols[1]));
    words.insert(AsciiLower(cols[2]));
  }
  return words;
}

// The first column of every line of a WordNet file, and of the exception
// files also the base forms; license lines (starting with a space) skipped.
std::vector<std::string> FileWords(const std::string& path, bool all_columns) {
  std::vector<std::string> words;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;
    std::stringstream ss(line);
    for (std::string w; ss >> w;) {
      words.push_back(w);
      if (!all_columns) break;
    }
  }
  return words;
}

// Strings whose answers depend on the less travelled paths of morphstr().
std::vector<std::string> CornerCases() {
  std::vector<std::string> words;
  const auto add = [&](std::initializer_list<const char*> list) {
    words.insert(words.end(), list.begin(), list.end());
  };
  // Case and '(' (which ends the word for morphstr()).
  add({" ", "(", "((", "a(b", "dogs(n)", "(dogs", "Dogs", "DOGS", "Geese"});
  // Hyphens, underscores and spaces.
  add({"-", "--", "---", "a--b", "a-_b", "a_-b", "dogs-", "-dogs", "_dogs", "dogs_", "dogs__cats",
       "cats--dogs"});
  add({"e-mails", "e-mail", "well-known", "well-knowns", "ice-creams", "ice creams", "ice_creams", "x-rays",
       "t-shirts", "check-ins", "passers-by", "sons-in-law", "mothers in law", "attorneys general"});
  // Verbs followed by a preposition.
  add({"looking at", "looked up cats", "ran into", "gave up on", "came across", "going to the dogs",
       "went off", "set about", "takes off", "took_off", "sat down", "puts up with", "getting into",
       "runs out of dogs", "was in", "goes between", "run- up", "a1 up", "b-b up"});
  // "-ful" nouns, "-ss" and short words.
  add({"spoonsful", "mouthfuls", "handsful", "armful", "ful", "sful", "glass", "glasses", "ss", "s", "as",
       "is", "us"});
  // Exceptions, including forms listed twice ("aurar", "offer").
  add({"axes",     "better", "best",   "offer",    "aurar", "involucra", "sudatoria", "diastemata", "ran",
       "geese",    "mice",   "women",  "churches", "boxes", "ladies",    "hotter",    "hottest",    "running",
       "runnings", "buses",  "busses", "analyses", "data",  "media",     "criteria",  "phenomena"});
  // Periods, apostrophes, digits and non-ASCII bytes.
  add({"u.s.",  "u.s",  "mr.",     "st._louis", "st. louis",   "a.m.",         "e.g.",        "i.e.",
       "1990s", "3d",   "'s",      "n't",       "'hood",       "o'clock",      "rock'n'roll", "café",
       "naïve", "über", "résumés", "ko'd",      "bird's-eyes", "table d'hotes"});
  // Spellings that are empty without '-', '_' or '.' match the license lines
  // of the index files.
  add({"--es", ".s", "--s", "-_s", "..es", "gave--ed", "hand--es", "grow____s", "looked--ing", "spoons--es"});
  // NUL bytes end the word for the library; words up to 60 bytes get answers.
  for (std::string w :
       {std::string("\0", 1), std::string("dog\0s", 5), std::string("ran\0 into", 9), std::string(60, 'a'),
        std::string(59, 'a') + "s", std::string(61, 'a'), std::string(58, 'x') + "es"}) {
    words.push_back(std::move(w));
  }
  return words;
}

// Where the two implementations disagree on `w`: a description per
// difference.
void Compare(const std::string& w, std::vector<std::string>* diffs) {
  const WordInfo a = LookupWord(w);
  const WordInfo b = wordnet_library::LookupWord(w);
  if (a.noun != b.noun || a.verb != b.verb || a.adj != b.adj || a.adv != b.adv ||
      a.noun_lemma != b.noun_lemma || a.verb_lemma != b.verb_lemma) {
    std::ostringstream out;
    out << "LookupWord(\"" << w << "\"): memory " << a.noun << a.verb << a.adj << a.adv << " n=\""
        << a.noun_lemma << "\" v=\"" << a.verb_lemma << "\", library " << b.noun << b.verb << b.adj << b.adv
        << " n=\"" << b.noun_lemma << "\" v=\"" << b.verb_lemma << "\"";
    diffs->push_back(out.str());
  }
  for (char pos : {'n', 'v', 'a', 'r', 'x'}) {
    const std::string m = MorphBase(w, pos);
    const std::string l = wordnet_library::MorphBase(w, pos);
    if (m != l) diffs->push_back("MorphBase(\"" + w + "\", '" + pos + "'): \"" + m + "\" vs. \"" + l + "\"");
  }
}

void ExpectAgreement(const std::vector<std::string>& words) {
  std::vector<std::string> diffs;
  for (const std::string& w : words) Compare(w, &diffs);
  std::string shown;
  for (size_t i = 0; i < diffs.size() && i < 40; ++i) shown += diffs[i] + "\n";
  EXPECT_TRUE(diffs.empty()) << diffs.size() << " differences in " << words.size() << " words:\n" << shown;
}

class WordNetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!wordnet_library::WordNetAvailable()) GTEST_SKIP() << "WordNet database not installed";
  }
};

TEST_F(WordNetTest, AvailableWhenTheLibraryIs) { EXPECT_TRUE(WordNetAvailable()); }

TEST_F(WordNetTest, KnownAnswers) {
  const WordInfo agencies = LookupWord("agencies");
  EXPECT_TRUE(agencies.noun);
  EXPECT_FALSE(agencies.verb);
  EXPECT_EQ(agencies.noun_lemma, "agency");
  const WordInfo invested = LookupWord("invested");
  EXPECT_TRUE(invested.verb);
  EXPECT_FALSE(invested.noun);
  EXPECT_EQ(invested.verb_lemma, "invest");
  EXPECT_TRUE(LookupWord("hot").adj);
  EXPECT_TRUE(LookupWord("quickly").adv);
  // Listed as a noun, and also in noun.exc: the exception's base form wins.
  EXPECT_EQ(LookupWord("data").noun_lemma, "datum");
  EXPECT_EQ(LookupWord("ice creams").noun_lemma, "ice cream");
  EXPECT_FALSE(LookupWord("zorblax").known());
  EXPECT_EQ(MorphBase("fled", 'v'), "flee");
  EXPECT_EQ(MorphBase("hottest", 'a'), "hot");
  EXPECT_EQ(MorphBase("better", 'r'), "well");
  EXPECT_EQ(MorphBase("ran into", 'v'), "run into");
  EXPECT_EQ(MorphBase("run", 'v'), "");
  EXPECT_EQ(MorphBase("dogs", 'x'), "");
  EXPECT_EQ(MorphBase("", 'n'), "");
  EXPECT_EQ(MorphBase(std::string(58, 'x') + "es", 'n'), "");
}

TEST_F(WordNetTest, SameAnswersAsTheLibraryOnEwtDev) {
  const std::set<std::string> dev = TreebankWords(KG_UD_DIR "/en_ewt-ud-dev.conllu");
  if (dev.empty()) GTEST_SKIP() << "UD English EWT not found in " KG_UD_DIR;
  ExpectAgreement(std::vector<std::string>(dev.begin(), dev.end()));
}

TEST_F(WordNetTest, SameAnswersAsTheLibraryOnEwtTrainSample) {
  const std::set<std::string> dev = TreebankWords(KG_UD_DIR "/en_ewt-ud-dev.conllu");
  const std::set<std::string> train = TreebankWords(KG_UD_DIR "/en_ewt-ud-train.conllu");
  if (train.empty()) GTEST_SKIP() << "UD English EWT not found in " KG_UD_DIR;
  std::vector<std::string> sample;
  size_t i = 0;
  for (const std::string& w : train) {
    if (!dev.contains(w) && i++ % 25 == 0) sample.push_back(w);
  }
  EXPECT_GT(sample.size(), 300u);
  ExpectAgreement(sample);
}

TEST_F(WordNetTest, SameAnswersAsTheLibraryOnExceptionLists) {
  std::vector<std::string> words;
  for (const char* part : {"noun", "verb", "adj", "adv"}) {
    for (std::string& w : FileWords(WordNetDir() + "/" + part + ".exc", /*all_columns=*/true)) {
      for (char& c : w) {
        if (c == '_') c = ' ';
      }
      words.push_back(std::move(w));
    }
  }
  EXPECT_GT(words.size(), 10000u);
  ExpectAgreement(words);
}

// Every 97th lemma of each index, the first and the last among them (the ends
// of the library's binary search), as given and with inflectional endings.
TEST_F(WordNetTest, SameAnswersAsTheLibraryOnInflectedLemmas) {
  std::vector<std::string> words;
  for (const char* part : {"noun", "verb", "adj", "adv"}) {
    const std::vector<std::string> lemmas = FileWords(WordNetDir() + "/index." + part, /*all_columns=*/false);
    ASSERT_FALSE(lemmas.empty()) << part;
    for (size_t i = 0; i < lemmas.size(); ++i) {
      if (i % 97 != 0 && i + 1 != lemmas.size()) continue;
      std::string w = lemmas[i];
      for (char& c : w) {
        if (c == '_') c = ' ';
      }
      for (const char* ending : {"", "s", "es", "ed", "ing", "er", "est", "men", "ful"})
        words.push_back(w + ending);
    }
  }
  ExpectAgreement(words);
}

TEST_F(WordNetTest, SameAnswersAsTheLibraryOnCornerCases) { ExpectAgreement(CornerCases()); }

TEST_F(WordNetTest, ConcurrentLookupsAgree) {
  const std::vector<std::string> words = CornerCases();
  std::vector<std::string> expected;
  for (const std::string& w : words) expected.push_back(LookupWord(w).noun_lemma + "|" + MorphBase(w, 'v'));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        for (size_t i = 0; i < words.size(); ++i) {
          if (LookupWord(words[i]).noun_lemma + "|" + MorphBase(words[i], 'v') != expected[i])
            ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

// Run in a child process: links every database file but verb.exc into a new
// directory, points WNSEARCHDIR at it and returns 0 when both implementations
// then report WordNet unavailable and answer nothing.
int CheckWithoutVerbExceptions() {
  const fs::path dir = fs::temp_directory_path() / ("kg_wordnet_test_" + std::to_string(getpid()));
  std::error_code ec;
  fs::create_directories(dir, ec);
  for (const fs::directory_entry& e : fs::directory_iterator(WordNetDir(), ec)) {
    if (e.path().filename() != "verb.exc") fs::create_symlink(e.path(), dir / e.path().filename(), ec);
  }
  setenv("WNSEARCHDIR", dir.c_str(), 1);
  const bool empty = !WordNetAvailable() && !wordnet_library::WordNetAvailable() &&
                     !LookupWord("dogs").known() && MorphBase("dogs", 'n').empty();
  fs::remove_all(dir, ec);
  return empty ? 0 : 1;
}

// The database is opened once per process, so this runs in a re-executed
// child ("threadsafe" style) that has not opened it yet.
TEST(WordNetDeathTest, MissingExceptionFileMakesWordNetUnavailable) {
  if (!fs::exists(fs::path(WordNetDir()) / "index.noun")) GTEST_SKIP() << "WordNet database not installed";
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(std::exit(CheckWithoutVerbExceptions()), ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace kg::syntax
