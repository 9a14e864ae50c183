// kg::SyntaxModel and the CoNLL-U functions through the public headers only.
// Tests that parse need a model: $KG_SYNTAX_MODEL when set, else the
// repository's models/en.kgm; without one they are skipped. They check the
// shape of the output (offsets, one root, valid heads), not its accuracy, so
// any model trained by kg-train will do.
#include <gtest/gtest.h>
#include <kg/kg.h>
#include <stdlib.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

namespace kg {
namespace {

std::string TestModelPath() {
  const char* env = std::getenv("KG_SYNTAX_MODEL");
  if (env != nullptr && *env != '\0') return env;
  return std::string(KG_TEST_SOURCE_DIR) + "/models/en.kgm";
}

std::shared_ptr<const SyntaxModel> TestModel() {
  if (!std::filesystem::exists(TestModelPath())) return nullptr;
  auto model = SyntaxModel::Load(TestModelPath());
  return model.ok() ? *model : nullptr;
}

#define KG_NEED_MODEL(var) \
  auto var = TestModel();  \
  if (var == nullptr) GTEST_SKIP() << "no syntax model at " << TestModelPath();

// Heads in range and exactly one root: a well-formed tree shape.
void ExpectTree(const SyntaxSentence& s) {
  int roots = 0;
  for (const SyntaxWord& w : s.words) {
    EXPECT_GE(w.head, 0) << w.form;
    EXPECT_LE(w.head, static_cast<int>(s.words.size())) << w.form;
    EXPECT_FALSE(w.upos.empty()) << w.form;
    EXPECT_FALSE(w.deprel.empty()) << w.form;
    roots += w.head == 0;
  }
  EXPECT_EQ(roots, 1) << s.text;
}

class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    const char* old = std::getenv(name);
    if (old != nullptr) old_ = old;
    had_ = old != nullptr;
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() { had_ ? (void)setenv(name_, old_.c_str(), 1) : (void)unsetenv(name_); }

 private:
  const char* name_;
  std::string old_;
  bool had_ = false;
};

std::string TempFile(const std::string& name, const std::string& content) {
  const std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

const char kConllu[] =
    "# sent_id = 1\n"
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n";

TEST(SyntaxConllu, ReadsWordsTextAndMultiwordTokens) {
  auto s = ReadConllu(kConllu);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->size(), 1u);
  const SyntaxSentence& first = (*s)[0];
  EXPECT_EQ(first.text, "I don't know.");
  ASSERT_EQ(first.words.size(), 5u);
  EXPECT_EQ(first.words[2].form, "n't");
  EXPECT_EQ(first.words[2].lemma, "not");
  EXPECT_EQ(first.words[0].feats, "Case=Nom");
  EXPECT_EQ(first.words[1].feats, "");  // "_" is read as none
  EXPECT_EQ(first.words[3].misc, "SpaceAfter=No");
  EXPECT_EQ(first.words[3].head, 0);
  EXPECT_EQ(first.words[0].offset, kNoSyntaxOffset);
  ASSERT_EQ(first.multiword_tokens.size(), 1u);
  EXPECT_EQ(first.multiword_tokens[0].first, 1u);
  EXPECT_EQ(first.multiword_tokens[0].form, "don't");
}

TEST(SyntaxConllu, WritesWhatItReads) {
  auto s = ReadConllu(kConllu);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(WriteConllu(*s), kConllu);
}

TEST(SyntaxConllu, WriteAddsTheTextComment) {
  SyntaxSentence s;
  s.text = "Hi.";
  s.comments = {"sent_id = 7"};
  s.words = {SyntaxWord{.form = "Hi", .misc = "SpaceAfter=No"}, SyntaxWord{.form = "."}};
  EXPECT_EQ(WriteConllu({s}),
            "# sent_id = 7\n# text = "
            "Hi.\n1\tHi\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n");
}

TEST(SyntaxConllu, ErrorsNameTheLine) {
  auto s = ReadConllu("1\tonly\tthree\n");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(s.status().message().rfind("line 1: ", 0), 0u) << s.status().message();
  EXPECT_TRUE(ReadConllu("").ok());
}

TEST(SyntaxModelLoad, MissingFileNamesThePath) {
  auto m = SyntaxModel::Load("/nonexistent/dir/en.kgm");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), Status::Code::kNotFound);
  EXPECT_NE(m.status().message().find("/nonexistent/dir/en.kgm"), std::string::npos);
  EXPECT_FALSE(m.status().hint().empty());
}

TEST(SyntaxModelLoad, DirectoryIsInvalidArgument) {
  auto m = SyntaxModel::Load(std::filesystem::temp_directory_path().string());
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), Status::Code::kInvalidArgument);
}

TEST(SyntaxModelLoad, CorruptFileIsCorruption) {
  std::string garbage;
  for (int i = 0; i < 5000; ++i) garbage.push_back(static_cast<char>((i * 7919) & 0xFF));
  const std::string path = TempFile("kg-syntax-garbage.kgm", garbage);
  auto m = SyntaxModel::Load(path);
  std::filesystem::remove(path);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), Status::Code::kCorruption);
  EXPECT_NE(m.status().message().find(path), std::string::npos);
  EXPECT_NE(m.status().hint().find("kg-train"), std::string::npos);
}

TEST(SyntaxModelLoad, EnvironmentVariableChoosesTheDefault) {
  ScopedEnv env("KG_SYNTAX_MODEL", "/nonexistent/from-env.kgm");
  EXPECT_EQ(SyntaxModel::DefaultPath(), "/nonexistent/from-env.kgm");
  auto m = SyntaxModel::Load();
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), Status::Code::kNotFound);
  EXPECT_NE(m.status().message().find("KG_SYNTAX_MODEL"), std::string::npos);
}

TEST(SyntaxModelLoad, LoadsOncePerPath) {
  KG_NEED_MODEL(model);
  auto again = SyntaxModel::Load(TestModelPath());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->get(), model.get());
  EXPECT_FALSE(model->path().empty());
}

TEST(SyntaxModelParse, TextGivesTokensOffsetsAndTrees) {
  KG_NEED_MODEL(model);
  const std::string text =
      "Microsoft didn't say how much it’ll invest in Japan—$2.9 billion?\n\nThe U.S. firm agreed.";
  auto s = model->ParseText(text);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->size(), 2u);
  EXPECT_EQ((*s)[1].text, "The U.S. firm agreed.");
  std::vector<std::string> forms;
  for (const SyntaxSentence& sentence : *s) {
    ExpectTree(sentence);
    for (const SyntaxWord& w : sentence.words) {
      ASSERT_NE(w.offset, kNoSyntaxOffset);
      EXPECT_EQ(text.substr(w.offset, w.form.size()), w.form);
      forms.push_back(w.form);
    }
  }
  const std::vector<std::string> expected = {"Microsoft", "did",    "n't", "say",   "how",  "much",   "it",
                                             "’ll",       "invest", "in",  "Japan", "—",    "$",      "2.9",
                                             "billion",   "?",      "The", "U.S.",  "firm", "agreed", "."};
  EXPECT_EQ(forms, expected);
  EXPECT_EQ((*s)[0].words[1].misc, "SpaceAfter=No");  // did|n't
  EXPECT_EQ((*s)[0].words[2].misc, "");
  EXPECT_EQ((*s)[0].words[10].misc, "SpaceAfter=No");  // Japan|—
}

TEST(SyntaxModelParse, BadTextIsAClearError) {
  KG_NEED_MODEL(model);
  for (std::string bad : {std::string(""), std::string(" \n\t "), std::string("\xE2\x80\x8B")}) {
    auto s = model->ParseText(bad);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().code(), Status::Code::kInvalidArgument);
    EXPECT_NE(s.status().message().find("empty"), std::string::npos) << s.status().message();
  }
  auto utf8 = model->ParseText("Fine line.\nBad \xC3\x28 byte.");
  ASSERT_FALSE(utf8.ok());
  EXPECT_NE(utf8.status().message().find("line 2, column 5"), std::string::npos) << utf8.status().message();
  ASSERT_TRUE(utf8.status().span().has_value());
  EXPECT_EQ(utf8.status().span()->offset, 15u);
  auto binary = model->ParseText(std::string("PK\x03\x04\0\0\x01\x02", 8));
  ASSERT_FALSE(binary.ok());
  EXPECT_NE(binary.status().message().find("binary"), std::string::npos);
}

TEST(SyntaxModelParse, NonEnglishTextDoesNotCrash) {
  KG_NEED_MODEL(model);
  for (const char* text : {"Der Hund läuft über die Straße.", "Собака бежит по улице.", "北京是中国的首都。",
                           "الكلب يركض في الشارع.", "🙂🙂 ¿Qué? «Oui» …"}) {
    auto s = model->ParseText(text);
    ASSERT_TRUE(s.ok()) << text << ": " << s.status().ToString();
    for (const SyntaxSentence& sentence : *s) ExpectTree(sentence);
  }
}

// A 5,000-word sentence without punctuation: parsed in bounded time, split
// into pieces of at most kMaxSentenceWords words.
TEST(SyntaxModelParse, VeryLongSentenceIsBounded) {
  KG_NEED_MODEL(model);
  std::string text;
  for (int i = 0; i < 5000; ++i) text += (i % 9 == 8) ? "and " : "buffalo ";
  const auto start = std::chrono::steady_clock::now();
  auto s = model->ParseText(text);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(s.ok());
  size_t words = 0;
  for (const SyntaxSentence& sentence : *s) {
    EXPECT_LE(sentence.words.size(), SyntaxModel::kMaxSentenceWords);
    ExpectTree(sentence);
    words += sentence.words.size();
  }
  EXPECT_EQ(words, 5000u);
  EXPECT_LT(seconds, 10.0);
}

TEST(SyntaxModelAnnotate, PreTokenizedWordsKeepFormsAndGetATree) {
  KG_NEED_MODEL(model);
  auto s = ReadConllu(kConllu);
  ASSERT_TRUE(s.ok());
  SyntaxSentence& sentence = (*s)[0];
  for (SyntaxWord& w : sentence.words) w = SyntaxWord{.form = w.form, .feats = w.feats, .misc = w.misc};
  model->Annotate(sentence);
  ExpectTree(sentence);
  EXPECT_EQ(sentence.words[1].form, "do");
  EXPECT_EQ(sentence.words[0].feats, "Case=Nom");
  EXPECT_EQ(sentence.words[3].misc, "SpaceAfter=No");
  SyntaxSentence empty;
  model->Annotate(empty);
  EXPECT_TRUE(empty.words.empty());
}

TEST(SyntaxModelAnnotate, LongSentenceKeepsOneRoot) {
  KG_NEED_MODEL(model);
  SyntaxSentence sentence;
  for (int i = 0; i < 5000; ++i) sentence.words.push_back(SyntaxWord{.form = i % 10 == 9 ? "," : "word"});
  model->Annotate(sentence);
  ExpectTree(sentence);
}

TEST(SyntaxModelParse, ThreadSafe) {
  KG_NEED_MODEL(model);
  const std::string text = "Amazon will invest $15 billion in Japan by 2027. Analysts welcomed the plan.";
  auto reference = model->ParseText(text);
  ASSERT_TRUE(reference.ok());
  const std::string expected = WriteConllu(*reference);
  std::vector<std::thread> threads;
  std::vector<int> same(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        auto r = model->ParseText(text);
        same[t] += r.ok() && WriteConllu(*r) == expected;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int n : same) EXPECT_EQ(n, 20);
}

}  // namespace
}  // namespace kg
