// The entry point of kg-nlp.so, the language module (cli/nlp_module.h).
#include "cli/nlp_module.h"
#include "loader/loader.h"

namespace {

kg::Result<kg::ArticleData> ExtractArticle(const std::string& name, std::string_view text,
                                           const kg::loader::EntityResolver* resolver) {
  return kg::loader::ExtractArticle(name, text, kg::loader::LoaderOptions(), resolver);
}

}  // namespace

extern "C" __attribute__((visibility("default"))) const kg::cli::NlpCommands* kg_nlp_commands_v1() {
  static const kg::cli::NlpCommands commands = {
      .load = &kg::cli::RunLoad,
      .extract = &kg::cli::RunExtract,
      .parse = &kg::cli::RunParse,
      .eval = &kg::cli::RunEval,
      .extract_article = &ExtractArticle,
  };
  return &commands;
}
