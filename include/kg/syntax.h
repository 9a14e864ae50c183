// kg::SyntaxModel — kg's English part-of-speech tagger, lemmatizer and
// dependency parser, for programs that want the parse itself
// (docs/syntax.md). Output follows Universal Dependencies as in the English
// Web Treebank the model is trained on, and reads and writes CoNLL-U.
//
//   auto model = kg::SyntaxModel::Load();             // the installed model
//   auto sentences = model.value()->ParseText("Microsoft invests in Japan.");
//   std::cout << kg::WriteConllu(*sentences);
//
// Thread-safety: a loaded SyntaxModel is immutable; ParseText and Annotate
// may be called from several threads at once. The free functions share no
// state.
#ifndef KG_SYNTAX_H_
#define KG_SYNTAX_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kg/result.h"
#include "kg/status.h"

namespace kg {

// SyntaxWord::offset of a word that did not come from SyntaxModel::ParseText.
inline constexpr uint32_t kNoSyntaxOffset = std::numeric_limits<uint32_t>::max();

// One syntactic word: a CoNLL-U word line. Empty strings are written as "_".
struct SyntaxWord {
  std::string form;    // as written in the text ("n't", "Inc.")
  std::string lemma;   // "be", "invest"
  std::string upos;    // universal part of speech: "NOUN", "VERB", "PUNCT"…
  std::string xpos;    // Penn Treebank tag: "NNS", "VBZ"…
  std::string feats;   // morphological features; not predicted: kept as read, "" from ParseText
  int head = -1;       // 1-based index of the head word, 0 for the root, -1 unknown
  std::string deprel;  // UD relation with subtype: "nsubj", "nmod:poss", "root"
  std::string misc;    // CoNLL-U MISC: "SpaceAfter=No" when no space follows in the text
  // Byte offset of the word in the text given to ParseText (so
  // text.substr(offset, form.size()) == form); kNoSyntaxOffset otherwise.
  uint32_t offset = kNoSyntaxOffset;
};

// A multiword token of CoNLL-U input ("don't" over the words "do" "n't"):
// words[first..last] (0-based, inclusive). ParseText creates none (its
// words are all substrings of the text); ReadConllu keeps them so that
// re-annotated CoNLL-U is written back with its token lines.
struct SyntaxMultiwordToken {
  size_t first = 0;
  size_t last = 0;
  std::string form;
  std::string misc;
};

struct SyntaxSentence {
  std::vector<SyntaxWord> words;
  // The sentence as written: from ParseText a substring of the input, from
  // ReadConllu the "# text = ..." comment (else the forms joined).
  std::string text;
  // CoNLL-U comment lines without the leading "# " ("sent_id = 3"), in order.
  std::vector<std::string> comments;
  std::vector<SyntaxMultiwordToken> multiword_tokens;
};

class SyntaxModel {
 public:
  // The longest sentence parsed in one piece, in words. Longer sentences
  // from ParseText are split into several sentences of at most this many
  // words; Annotate parses longer sentences in pieces of this size and
  // attaches the root of each later piece to the first piece's root as
  // "parataxis". Either way the cost stays linear in the number of words.
  static constexpr size_t kMaxSentenceWords = 1000;

  // Loads the model file at `path`, or at DefaultPath() when `path` is empty.
  // A model is read once per process and path (loading takes ~0.1 s); later
  // calls return the same object. Errors, each with a hint saying what to
  // do: NotFound naming the file or, for the default model, every location
  // tried; InvalidArgument if `path` is a directory; Corruption for a file
  // that is not a kg syntax model or is damaged; NotSupported for a model
  // of another format version (written by an older or a newer kg).
  static Result<std::shared_ptr<const SyntaxModel>> Load(const std::string& path = "");

  // Where Load("") looks: $KG_SYNTAX_MODEL when set and not empty; else the
  // first existing file of <kg library dir>/../share/kg/en.kgm (an installed
  // kg), <source tree>/models/en.kgm (a build tree), <install
  // prefix>/share/kg/en.kgm. Returns "" when none exists.
  static std::string DefaultPath();

  // Splits raw text into sentences (each line on its own: a line break
  // ends a sentence), tokenizes them as the English Web Treebank does
  // ("don't" → "do" "n't", "$10" → "$" "10") and annotates every word.
  // Curly quotes, dashes and odd spaces are normalized for the model, but
  // forms, texts and offsets are those of `text`. Errors (InvalidArgument):
  // empty or blank text; binary data; invalid UTF-8 (the message gives line
  // and column, the status a span); text of 4 GiB or more.
  Result<std::vector<SyntaxSentence>> ParseText(std::string_view text) const;

  // Annotates pre-tokenized words from their forms: sets lemma, upos, xpos,
  // head and deprel of every word; form, feats, misc and offset are kept. A
  // sentence without words is left as is.
  void Annotate(SyntaxSentence& sentence) const;

  // The file the model was loaded from.
  const std::string& path() const;
  // The text stored with the model: training data, licence, dev scores.
  const std::string& description() const;

  ~SyntaxModel();
  SyntaxModel(const SyntaxModel&) = delete;
  SyntaxModel& operator=(const SyntaxModel&) = delete;

 private:
  struct Impl;
  explicit SyntaxModel(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Parses CoNLL-U text (Universal Dependencies). "_" in LEMMA, UPOS, XPOS,
// FEATS, DEPREL and MISC is read as "" (a FORM "_" stays "_"), a "_" head as
// -1; enhanced dependencies (DEPS) and empty nodes ("8.1") are dropped; every
// comment is kept, and `text` is the "text = ..." comment's value (else the
// forms joined as SpaceAfter says). Empty input gives no sentences. Errors:
// InvalidArgument with a message starting "line N: " that says what is wrong.
Result<std::vector<SyntaxSentence>> ReadConllu(std::string_view text);

// Writes sentences as CoNLL-U: each comment as "# " + comment, then
// "# text = " + text when text is set and no comment starts with "text =",
// the words (multiword token lines before their first word), a blank line.
// Empty fields are written as "_"; tabs and line breaks inside fields as
// spaces. For sentences with words, ReadConllu(WriteConllu(s)) gives back
// the words (offsets aside), text and multiword tokens of s, and its comments
// plus the "text = " line if one was added.
std::string WriteConllu(const std::vector<SyntaxSentence>& sentences);

}  // namespace kg

#endif  // KG_SYNTAX_H_
