// A trained English lemmatizer for tagged words, following the conventions of
// the treebank it learns from (UD English EWT: "n't" → "not", "'s" stays
// "'s", proper nouns keep their case, common words are lower-cased).
//
// A lemma comes from the first of these sources that answers:
//   1. an exception dictionary (lower-cased form, XPOS) → lemma, holding only
//      the training words that the later sources would get wrong;
//   2. WordNet's morphological base form (syntax/wordnet.h) for inflected
//      open-class words, when the model was trained with WordNet and WordNet
//      is available;
//   3. suffix rewrite rules learned per XPOS ("strip k bytes, append s"), the
//      longest matching suffix with enough support winning;
//   4. the form itself, normalized as learned per (XPOS, word shape):
//      lower-cased, title-cased, kept, or without digit-group commas.
#ifndef KG_SYNTAX_LEMMATIZER_H_
#define KG_SYNTAX_LEMMATIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "syntax/binary_io.h"
#include "syntax/sentence.h"

namespace kg::syntax {

struct LemmatizerOptions {
  // Consult WordNet (when available at training time; the choice is stored
  // in the model). Default: true.
  bool use_wordnet = true;
  // Longest suffix, in bytes, that a rewrite rule matches. Default: 5.
  int max_suffix = 5;
  // Distinct training words a suffix must end to get a rule (the empty
  // suffix always gets one). Default: 3.
  int min_support = 3;
};

// Which source gave a lemma (for evaluation and debugging).
enum class LemmaSource { kDictionary, kWordNet, kSuffixRule, kForm };

class Lemmatizer {
 public:
  Lemmatizer() = default;
  explicit Lemmatizer(const LemmatizerOptions& options) : options_(options) {}

  // Learns from gold words (form, xpos, lemma); words with an empty form,
  // xpos or lemma are ignored. Replaces any earlier model. Deterministic:
  // the same sentences (and WordNet availability) give the same model.
  void Train(const std::vector<Sentence>& sentences);

  // The lemma of `form` tagged `xpos` (Penn Treebank tag). `upos` is
  // accepted for interface symmetry with the other stages; the model keys
  // on XPOS. Never empty for a non-empty form. An untrained lemmatizer
  // returns the form lower-cased (NNP/NNPS: unchanged). Sets *source when
  // source is non-null. Thread-safe for concurrent calls on a const object.
  std::string Lemma(std::string_view form, std::string_view upos, std::string_view xpos,
                    LemmaSource* source = nullptr) const;

  // Appends the model. The bytes depend only on the model (keys are
  // written sorted), so equal models give equal bytes.
  void Save(ByteWriter& out) const;
  // Reads a model written by Save. Returns false, leaving this lemmatizer
  // unchanged, when the data is truncated or damaged.
  bool Load(ByteReader& in);

  size_t dictionary_size() const { return dictionary_.size(); }
  size_t rule_count() const { return rules_.size(); }

 private:
  struct Rule {
    uint8_t strip = 0;
    std::string append;
  };

  // Sources 2–4: what Lemma answers when the dictionary has no entry.
  std::string Fallback(std::string_view form, std::string_view xpos, LemmaSource* source) const;
  // The form as the rules see it: case (and digit-group commas) normalized.
  std::string Normalize(std::string_view form, std::string_view xpos) const;
  std::string ApplyRules(const std::string& word, std::string_view xpos) const;

  LemmatizerOptions options_;
  bool wordnet_ = false;  // trained with WordNet: consult it when answering
  uint8_t max_suffix_ = 0;
  // "XPOS\tshape" → form mode (0 keep, 1 lower-case, 2 title-case, 3 drop
  // the commas of grouped digits: "1,100" → "1100").
  std::unordered_map<std::string, uint8_t> form_modes_;
  // "lower-cased form\tXPOS" → lemma.
  std::unordered_map<std::string, std::string> dictionary_;
  // "XPOS\tsuffix" → rewrite of the case-normalized form.
  std::unordered_map<std::string, Rule> rules_;
};

}  // namespace kg::syntax

#endif  // KG_SYNTAX_LEMMATIZER_H_
