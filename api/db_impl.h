// The implementation of kg::DB behind DB::Open, shared by the two ways kg is
// linked: the kg library (api/db_open.cc: the loader linked in) and the kg
// command (cli/db_open_command.cc: the loader in the kg-nlp module, loaded
// on first use so that queries never pay for the NLP libraries).
#ifndef KG_API_DB_IMPL_H_
#define KG_API_DB_IMPL_H_

#include <memory>
#include <string>
#include <string_view>

#include "kg/article.h"
#include "kg/db.h"
#include "kg/options.h"
#include "kg/result.h"

namespace kg::loader {
class EntityResolver;
}  // namespace kg::loader

namespace kg {

// Extracts article `name` from `text` (loader::ExtractArticle's contract),
// resolving surface forms through `resolver`.
using ArticleExtractor = Result<ArticleData> (*)(const std::string& name, std::string_view text,
                                                 const loader::EntityResolver* resolver);

// DB::Open's work: opens the store and wraps it in a DB whose LoadArticle
// extracts with `extract`.
Result<std::unique_ptr<DB>> OpenDB(const std::string& path, const Options& options, ArticleExtractor extract);

// Ends `db` in a process that exits right after without running destructors
// (the kg command): a reader (OpenMode::kReader) is left open for the exit to
// reclaim (it leaves nothing on disk to clean up) — closing RocksDB and
// freeing its caches and the term cache cost a one-shot query about a tenth
// of its CPU. A writer, or a DB not opened by OpenDB, is closed as usual.
void ReleaseBeforeExit(std::unique_ptr<DB> db);

}  // namespace kg

#endif  // KG_API_DB_IMPL_H_
