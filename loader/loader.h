// The article loader: English news text → ArticleData (entities, typed and
// normalized facts, raw Open IE facts, provenance). No database access: entity
// resolution against stored entities goes through an EntityResolver.
#ifndef KG_LOADER_LOADER_H_
#define KG_LOADER_LOADER_H_

#include <optional>
#include <string>
#include <string_view>

#include "kg/article.h"
#include "kg/result.h"

namespace kg::loader {

// Maps a surface form to the canonical name of an entity already known
// (e.g. stored by earlier articles). Implementations must be thread-safe.
class EntityResolver {
 public:
  virtual ~EntityResolver() = default;
  // The canonical name for `surface` (case-insensitive), or nullopt.
  virtual std::optional<std::string> Resolve(std::string_view surface) const = 0;
};

struct LoaderOptions {
  // Per-sentence time limit for the full parser, in milliseconds; sentences
  // that exceed it fall back to the shallow chunker. Default: 200
  int parse_timeout_ms = 200;
  // Longest sentence (in words) given to the full parser; 0 disables it.
  // Parse time grows steeply with length, so longer sentences go to the
  // shallow tagger alone (docs/loader.md has the measurements). Default: 25
  int max_parse_words = 25;
};

// Extracts the article. `name` becomes ArticleData::name. Errors:
// InvalidArgument for invalid UTF-8 (with line:column), empty or binary input.
// Thread-safe: several articles may be extracted concurrently.
Result<ArticleData> ExtractArticle(const std::string& name, std::string_view text,
                                   const LoaderOptions& options = {},
                                   const EntityResolver* resolver = nullptr);

}  // namespace kg::loader

#endif  // KG_LOADER_LOADER_H_
