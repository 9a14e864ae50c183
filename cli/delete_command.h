// `kg delete ARTICLE` and the shell's `.delete ARTICLE`: remove one article
// and exactly the facts only it states (DB::DeleteArticle), after asking
// when a person is at the terminal.
#ifndef KG_CLI_DELETE_COMMAND_H_
#define KG_CLI_DELETE_COMMAND_H_

#include <optional>
#include <ostream>
#include <string>

#include "kg/db.h"

namespace kg::cli {

// The stored article `name`, or nullopt after printing why there is none
// (no such article: the nearest name; a storage error) to stderr.
std::optional<ArticleInfo> FindArticleOrExplain(DB& db, const std::string& name);

// "delete article 'NAME' (S sentences, F facts)? [y/N] "
std::string DeleteQuestion(const ArticleInfo& article);

// Whether `answer` (a line the user typed) says yes: "y" or "yes", any case,
// blanks around allowed. Anything else, the empty line included, is no.
bool IsYes(const std::string& answer);

// Deletes `article` through `writer` without asking and prints
// "deleted NAME (S sentences, F facts; …)" to `out`. Returns the exit status
// (kExitUserError, with the error on stderr, when the delete fails).
int DeleteStoredArticle(DB& writer, const ArticleInfo& article, std::ostream& out);

struct DeleteArgs {
  std::string db_path;
  std::string article;
  bool yes = false;  // --yes: do not ask
};
// `kg delete`: looks the article up through a reader, asks on stderr when
// stdin is a terminal (unless --yes), then opens the writer for the delete
// alone. Declining deletes nothing and exits 1.
int RunDelete(const DeleteArgs& args, std::ostream& out);

}  // namespace kg::cli

#endif  // KG_CLI_DELETE_COMMAND_H_
