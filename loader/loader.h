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

// Where the tagger's ambiguous word classes ("plans": noun or verb?) are
// settled (docs/loader.md, stage 2b).
enum class SyntaxSource {
  // The trained tagger and dependency parser (syntax/model.h), on every
  // sentence; its parse is kept with the sentence's analysis.
  kTrainedParser,
  // link-grammar, on sentences of at most `max_parse_words` words.
  kLinkGrammar,
  // The rule-based tagger's context rules alone.
  kNone,
};

struct LoaderOptions {
  // Default: kTrainedParser (docs/loader.md has the measurements). When its
  // model cannot be loaded the loader uses kNone and says so in the
  // article's warnings (naming the path tried and how to fix it).
  SyntaxSource syntax_source = SyntaxSource::kTrainedParser;
  // The model file for kTrainedParser; "" uses syntax::DefaultModelPath()
  // ($KG_SYNTAX_MODEL, else the installed or source-tree models/en.kgm).
  // Default: ""
  std::string syntax_model;
  // kLinkGrammar only: per-sentence time limit in milliseconds (rounded up
  // to whole seconds, link-grammar's unit); sentences that exceed it get no
  // hints. Default: 200
  int parse_timeout_ms = 200;
  // kLinkGrammar only: longest sentence (in words) given to link-grammar;
  // 0 disables it. Parse time grows steeply with length, so longer
  // sentences go to the shallow tagger alone. Default: 25
  int max_parse_words = 25;
  // Open IE tuples (ArticleData::raw_facts) read off the dependency tree
  // (loader/tree/open_ie.h) instead of the chunker's clauses; needs
  // kTrainedParser (other sources keep the chunker's). CaRB dev F1 0.581
  // against the chunker's 0.482 (docs/loader.md). Default: true
  bool tree_open_ie = true;
  // Facts from the chunker's clause patterns as well as the tree patterns
  // (loader/tree/patterns/); false keeps the tree's alone (for measuring
  // them, docs/loader.md). Default: true
  bool chunker_facts = true;
};

// Extracts the article. `name` becomes ArticleData::name. Errors:
// InvalidArgument for invalid UTF-8 (with line:column), empty or binary input.
// Thread-safe: several articles may be extracted concurrently.
Result<ArticleData> ExtractArticle(const std::string& name, std::string_view text,
                                   const LoaderOptions& options = {},
                                   const EntityResolver* resolver = nullptr);

}  // namespace kg::loader

#endif  // KG_LOADER_LOADER_H_
