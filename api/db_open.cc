// DB::Open of the kg library: LoadArticle runs the loader linked into it.
#include "api/db_impl.h"
#include "loader/loader.h"

namespace kg {

namespace {

Result<ArticleData> ExtractWithLoader(const std::string& name, std::string_view text,
                                      const loader::EntityResolver* resolver) {
  return loader::ExtractArticle(name, text, loader::LoaderOptions(), resolver);
}

}  // namespace

Result<std::unique_ptr<DB>> DB::Open(const std::string& path, const Options& options) {
  return OpenDB(path, options, &ExtractWithLoader);
}

}  // namespace kg
