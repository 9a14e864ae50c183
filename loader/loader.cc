// The loader's public entry points (loader/loader.h; ExtractOneSentence for
// extract_format.cc): one ArticleExtractor per article or sentence. The
// pipeline itself is ArticleExtractor::Run in loader/article/article_extractor.cc.
#include "loader/loader.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "loader/article/article_extractor.h"
#include "loader/text/document.h"

namespace kg::loader {

Result<ArticleData> ExtractArticle(const std::string& name, std::string_view text,
                                   const LoaderOptions& options, const EntityResolver* resolver) {
  KG_ASSIGN_OR_RETURN(text::Document doc, text::ParseDocument(text));
  ArticleData out;
  out.name = name;
  out.title = doc.title;
  out.date = doc.date;
  out.source = doc.source;
  out.content = std::string(text);
  out.warnings = doc.warnings;
  ArticleExtractor ex(&out, options, resolver);
  ex.Run(doc);
  return out;
}

namespace internal {

// Open IE over single sentences (used by ExtractSentences in extract_format.cc).
// Warnings are added to `warnings` unless already there.
std::vector<RawFact> ExtractOneSentence(const std::string& sentence, uint32_t index,
                                        const LoaderOptions& options, std::vector<std::string>* warnings) {
  ArticleData tmp;
  ArticleExtractor ex(&tmp, options, nullptr);
  ex.RunSentence(sentence);
  for (auto& f : tmp.raw_facts) f.sentence = index;
  for (auto& w : tmp.warnings) {
    if (std::find(warnings->begin(), warnings->end(), w) == warnings->end())
      warnings->push_back(std::move(w));
  }
  return std::move(tmp.raw_facts);
}

}  // namespace internal
}  // namespace kg::loader
