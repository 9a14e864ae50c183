// libFuzzer target for the article reader and loader: arbitrary bytes go
// through loader::ExtractArticle (UTF-8 check, sentences, tokens, tagger and
// parser, fact extraction, canonicalization) and what it extracts through the
// storage codec that writes it (entities, raw facts, terms). Besides "no
// crash, no sanitizer report", checks the contracts storage relies on: every
// fact's sentence exists and its span lies inside that sentence, and every
// record round-trips through the codec.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "loader/loader.h"
#include "storage/key_codec.h"

namespace {

namespace codec = kg::storage::codec;

void Require(bool condition) {
  // Abort so libFuzzer keeps the input that broke a contract.
  if (!condition) std::abort();
}

void CheckFact(const kg::ArticleData& article, const kg::Fact& fact) {
  Require(fact.sentence < article.sentences.size() || fact.sentence == 0xffffffffu);
  if (fact.sentence < article.sentences.size()) {
    Require(fact.span_begin <= fact.span_end);
    Require(fact.span_end <= article.sentences[fact.sentence].size());
  }
  Require(fact.confidence >= 0 && fact.confidence <= 1);
  for (const kg::Value* v : {&fact.subject, &fact.object}) {
    kg::Result<std::string> bytes = codec::EncodeTerm(*v);
    Require(bytes.ok());
    kg::Result<kg::Value> back = codec::DecodeTerm(*bytes);
    Require(back.ok() && *back == *v);
  }
}

void CheckArticle(const kg::ArticleData& article) {
  for (const kg::Fact& fact : article.facts) CheckFact(article, fact);
  for (const kg::RawFact& raw : article.raw_facts) {
    kg::Result<kg::RawFact> back = codec::DecodeRawFact(codec::EncodeRawFact(raw));
    Require(back.ok() && back->arg1 == raw.arg1 && back->args == raw.args);
  }
  for (const kg::EntityData& entity : article.entities) {
    kg::Result<kg::EntityData> back = codec::DecodeEntity(codec::EncodeEntity(entity));
    Require(back.ok() && back->name == entity.name && back->aliases == entity.aliases);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Parsing time grows with length; long inputs teach the fuzzer nothing the
  // short ones do not.
  if (size > 4096) return 0;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  kg::loader::LoaderOptions options;
  // The trained parser is the default path; the rule-based tagger alone is
  // the fallback when the model is missing. Both are exercised.
  options.syntax_source =
      size % 3 == 0 ? kg::loader::SyntaxSource::kNone : kg::loader::SyntaxSource::kTrainedParser;
  kg::Result<kg::ArticleData> article = kg::loader::ExtractArticle("fuzz", text, options);
  if (article.ok()) CheckArticle(*article);
  return 0;
}
