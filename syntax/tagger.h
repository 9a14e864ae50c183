// Part-of-speech tagger: an averaged perceptron that predicts one joint class
// per word, the pair of its universal tag and its Penn Treebank tag
// ("NOUN\tNNS"), greedily from left to right. Features: the word, its
// neighbours, affixes, shape, the ambiguity class the training data gives the
// word (which tags it was seen with), and the two tags already chosen on the
// left (docs/syntax.md lists them).
#ifndef KG_SYNTAX_TAGGER_H_
#define KG_SYNTAX_TAGGER_H_

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "syntax/binary_io.h"
#include "syntax/label_set.h"
#include "syntax/perceptron.h"
#include "syntax/sentence.h"

namespace kg::syntax {

class Tagger {
 public:
  // Training: Prepare once on the training set, TrainEpoch per pass (returns
  // the share of words tagged right during the pass), Finish at the end.
  void Prepare(const std::vector<Sentence>& train);
  double TrainEpoch(const std::vector<Sentence>& train, const std::vector<size_t>& order);
  void Finish() { model_.Average(); }

  // Sets upos and xpos of every word. Thread-safe after Finish/Load.
  void Tag(Sentence& s) const;
  // The joint class id of every word (indexes into classes()).
  void TagIds(const Sentence& s, std::vector<int>* ids) const;

  const LabelSet& classes() const { return classes_; }
  const Perceptron& model() const { return model_; }

  void Save(ByteWriter& out) const;
  bool Load(ByteReader& in);

 private:
  struct WordHashes;
  void Precompute(const Sentence& s, std::vector<WordHashes>* words) const;
  size_t Features(const std::vector<WordHashes>& words, size_t i, int prev1, int prev2,
                  uint64_t* keys) const;
  int Predict(const uint64_t* keys, size_t n) const;

  LabelSet classes_;
  // Normalized word hash → hash of the sorted set of classes it was seen
  // with (words seen at least twice).
  std::unordered_map<uint64_t, uint64_t> ambiguity_;
  Perceptron model_;
};

}  // namespace kg::syntax

#endif  // KG_SYNTAX_TAGGER_H_
