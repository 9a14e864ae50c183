// The syntax model: tagger, lemmatizer and parser in one versioned file
// (docs/syntax.md "Model file"). Annotate() runs all three on a sentence.
#ifndef KG_SYNTAX_MODEL_H_
#define KG_SYNTAX_MODEL_H_

#include <functional>
#include <string>
#include <string_view>

#include "kg/result.h"
#include "kg/status.h"
#include "syntax/lemmatizer.h"
#include "syntax/model_file.h"
#include "syntax/parser.h"
#include "syntax/sentence.h"
#include "syntax/tagger.h"

namespace kg::syntax {

class Model {
 public:
  Tagger& tagger() { return tagger_; }
  Lemmatizer& lemmatizer() { return lemmatizer_; }
  Parser& parser() { return parser_; }
  const Tagger& tagger() const { return tagger_; }
  const Parser& parser() const { return parser_; }

  // Free text saved with the model: data, licence, dev scores.
  const std::string& description() const { return description_; }
  void set_description(std::string d) { description_ = std::move(d); }

  // Fills upos, xpos, lemma, head and deprel of every word from its form.
  // Thread-safe. Cost is linear in the number of words.
  void Annotate(Sentence& s) const;
  // Annotate, with `adjust` allowed to change the tag ids (indexes into
  // tagger().classes()) before lemmas and the tree are made from them: a
  // caller that knows its text (news: a capital inside a sentence starts
  // a name) corrects the tagger where the training data could not.
  using TagAdjuster = std::function<void(const Sentence& s, const LabelSet& classes, std::vector<int>* ids)>;
  void Annotate(Sentence& s, const TagAdjuster& adjust) const;
  // Tags and lemmatizes only.
  void Tag(Sentence& s) const;

  // The model as file bytes (model_file.h); deterministic for a given zstd
  // level, "" when zstd fails. Level 19 (kg-train) makes the smallest file;
  // tests use a fast level.
  std::string Serialize(int zstd_level = 19) const;
  // Errors (Corruption, NotSupported for another format version) name
  // `origin` (a path) and say what is wrong.
  static Result<Model> Deserialize(std::string_view bytes, std::string_view origin);

  Status SaveFile(const std::string& path) const;
  // Reads the file a frame at a time, straight into the model's tables, on
  // two threads (~25 ms for models/en.kgm; docs/syntax.md).
  static Result<Model> LoadFile(const std::string& path);

 private:
  // Builds the model from a file's sections.
  static Result<Model> Parse(const ModelFileReader& file, std::string_view origin);

  std::string description_;
  Tagger tagger_;
  Lemmatizer lemmatizer_;
  Parser parser_;
};

}  // namespace kg::syntax

#endif  // KG_SYNTAX_MODEL_H_
