#include "cli/delete_command.h"

#include <cctype>
#include <iostream>

#include "api/escape_controls.h"
#include "cli/commands.h"

namespace kg::cli {

namespace {

std::string Shown(std::string_view text) { return EscapeControls(text, ControlEscape::kTerminal); }

std::string Count(uint64_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

std::optional<ArticleInfo> FindArticleOrExplain(DB& db, const std::string& name) {
  auto articles = db.Articles();
  if (!articles.ok()) {
    PrintError(articles.status());
    return std::nullopt;
  }
  std::vector<std::string> known;
  for (const ArticleInfo& a : *articles) {
    if (a.name == name) return a;
    known.push_back(a.name);
  }
  PrintNoArticle(name, known);
  return std::nullopt;
}

std::string DeleteQuestion(const ArticleInfo& article) {
  return "delete article '" + Shown(article.name) + "' (" + Count(article.sentences, "sentence") + ", " +
         Count(article.facts, "fact") + ")? [y/N] ";
}

bool IsYes(const std::string& answer) {
  std::string word;
  for (char c : answer) {
    if (!std::isspace(static_cast<unsigned char>(c)))
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return word == "y" || word == "yes";
}

int DeleteStoredArticle(DB& writer, const ArticleInfo& article, std::ostream& out) {
  Status s = writer.DeleteArticle(article.name);
  if (!s.ok()) {
    out.flush();
    PrintError(s);
    return kExitUserError;
  }
  out << "deleted " << Shown(article.name) << " (" << Count(article.sentences, "sentence") << ", "
      << Count(article.facts, "fact") << "; facts other articles also state are kept)\n";
  return kExitOk;
}

int RunDelete(const DeleteArgs& args, std::ostream& out) {
  // Look up and ask without the writer lock: the question may wait for a
  // person, and other processes may write meanwhile.
  std::optional<ArticleInfo> article;
  {
    std::unique_ptr<DB> reader = OpenDatabase(args.db_path, /*writer=*/false);
    if (!reader) return kExitUserError;
    article = FindArticleOrExplain(*reader, args.article);
  }
  if (!article) return kExitUserError;
  if (!args.yes && StdinIsTerminal()) {
    std::cerr << DeleteQuestion(*article);
    std::cerr.flush();
    std::string answer;
    if (!std::getline(std::cin, answer)) std::cerr << '\n';
    if (!IsYes(answer)) {
      std::cerr << "nothing deleted\n";
      return kExitUserError;
    }
  }
  std::unique_ptr<DB> writer = OpenDatabase(args.db_path, /*writer=*/true, /*create=*/false);
  if (!writer) return kExitUserError;
  // Another process may have deleted or replaced it since the question.
  std::optional<ArticleInfo> still = FindArticleOrExplain(*writer, args.article);
  if (!still) return kExitUserError;
  return DeleteStoredArticle(*writer, *still, out);
}

}  // namespace kg::cli
