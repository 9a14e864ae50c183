// DB::Open of the kg command: LoadArticle extracts through the language
// module (cli/nlp_module.h), loaded the first time an article is extracted.
#include "api/db_impl.h"
#include "cli/nlp_module.h"

namespace kg {

namespace {

Result<ArticleData> ExtractWithModule(const std::string& name, std::string_view text,
                                      const loader::EntityResolver* resolver) {
  KG_ASSIGN_OR_RETURN(const cli::NlpCommands* module, cli::NlpModule());
  return module->extract_article(name, text, resolver);
}

}  // namespace

Result<std::unique_ptr<DB>> DB::Open(const std::string& path, const Options& options) {
  return OpenDB(path, options, &ExtractWithModule);
}

}  // namespace kg
