// Part-of-speech tagger: an averaged perceptron that predicts one joint class
// per word, the pair of its universal tag and its Penn Treebank tag
// ("NOUN\tNNS"), greedily from left to right, in two passes. Features: the
// word, its neighbours, affixes, shape, the ambiguity class the training data
// gives the word (which tags it was seen with), the word classes WordNet
// allows it, and the two tags already chosen on the left; the second pass also
// sees the first pass's tags of the two words on the right (docs/syntax.md
// lists them). Both passes share one model, so the second costs only the
// tag features: the word features are scored once per word.
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
  // the share of words the second pass tagged right during the epoch),
  // Finish at the end.
  void Prepare(const std::vector<Sentence>& train);
  double TrainEpoch(const std::vector<Sentence>& train, const std::vector<size_t>& order);
  void Finish() { model_.Average(); }
  // After Finish: drops weights below `fraction` of the largest (Perceptron::Prune).
  void Prune(float fraction) { model_.Prune(fraction); }

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
  // Features of the words alone, the same in both passes.
  size_t WordFeatures(const std::vector<WordHashes>& words, size_t i, uint64_t* keys) const;
  // Features of the tags on the left (prev1, prev2) and, in the second pass,
  // of the first pass's tags `first` on the right (nullptr in the first pass).
  size_t TagFeatures(const std::vector<WordHashes>& words, size_t i, int prev1, int prev2,
                     const std::vector<int>* first, uint64_t* keys) const;
  // One greedy pass over a sentence whose word scores are `base` (one row of
  // classes().size() per word); writes the class of every word to `out`.
  void Decode(const std::vector<WordHashes>& words, const std::vector<float>& base,
              const std::vector<int>* first, std::vector<int>* out) const;
  // One greedy training pass: predicts every word, updates the model where
  // the guess differs from `gold`, and returns how many guesses were right.
  size_t Learn(const std::vector<WordHashes>& words, const std::vector<int>* first,
               const std::vector<int>& gold, std::vector<int>* out);

  LabelSet classes_;
  // Normalized word hash → hash of the sorted set of classes it was seen
  // with (words seen at least twice).
  std::unordered_map<uint64_t, uint64_t> ambiguity_;
  Perceptron model_;
};

}  // namespace kg::syntax

#endif  // KG_SYNTAX_TAGGER_H_
