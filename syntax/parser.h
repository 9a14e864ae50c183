// The dependency parser: arc-eager transitions (arc_eager.h) scored by an
// averaged perceptron over Zhang & Nivre's features (parser_features.h).
// Two ways to search, chosen when training and stored in the model:
// - greedy (beam width 1), trained with the dynamic oracle and exploration
//   (Goldberg & Nivre 2012): after the first epochs it follows its own
//   (possibly wrong) predictions and learns the best move from wherever it is;
// - beam search (width > 1, Zhang & Clark 2008), trained as a structured
//   perceptron with max-violation updates (Huang, Fayong & Guo 2012): every
//   arc-eager derivation of a sentence has 2n transitions, so the scores of
//   the items in a beam are comparable.
#ifndef KG_SYNTAX_PARSER_H_
#define KG_SYNTAX_PARSER_H_

#include <cstdint>
#include <random>
#include <vector>

#include "syntax/arc_eager.h"
#include "syntax/binary_io.h"
#include "syntax/label_set.h"
#include "syntax/perceptron.h"
#include "syntax/sentence.h"

namespace kg::syntax {

class Parser {
 public:
  // Training. `tags[i]` are the tagger's class ids for train[i] (predicted,
  // so the parser learns from the tags it will see).
  void Prepare(const std::vector<Sentence>& train);
  // Beam width for training and parsing; 1 = greedy. Default: 1.
  void set_beam_width(int width) { beam_width_ = width < 1 ? 1 : width; }
  int beam_width() const { return beam_width_; }
  // One epoch; `explore` is the probability of following the model's own
  // choice when it is wrong. Returns the share of gold-consistent decisions.
  double TrainEpoch(const std::vector<Sentence>& train, const std::vector<std::vector<int>>& tags,
                    const std::vector<size_t>& order, double explore, std::mt19937_64& rng);
  void Finish() { model_.Average(); }
  // After Finish: drops weights below `fraction` of the largest (Perceptron::Prune).
  void Prune(float fraction) { model_.Prune(fraction); }

  // Sets head and deprel of every word of `s`, one root per sentence.
  // Thread-safe after Finish/Load.
  void Parse(Sentence& s, const std::vector<int>& tags) const;

  const LabelSet& labels() const { return labels_; }
  const Perceptron& model() const { return model_; }

  void Save(ByteWriter& out) const;
  bool Load(ByteReader& in);

 private:
  ArcEager System() const { return ArcEager(labels_.size(), labels_.Find("root")); }
  int BestLegal(const ParseState& st, const ArcEager& sys, const float* scores) const;
  // Greedy: one sentence with the dynamic oracle; returns (right, total) decisions.
  std::pair<size_t, size_t> TrainGreedy(const Sentence& s, const std::vector<int>& tags, double explore,
                                        std::mt19937_64& rng);
  // Beam: one sentence, max-violation update; returns whether the gold
  // derivation stayed best to the end.
  bool TrainBeam(const Sentence& s, const std::vector<int>& tags);
  ParseState DecodeGreedy(const Sentence& s, const std::vector<int>& tags) const;
  ParseState DecodeBeam(const Sentence& s, const std::vector<int>& tags) const;

  LabelSet labels_;
  Perceptron model_;
  int beam_width_ = 1;
};

}  // namespace kg::syntax

#endif  // KG_SYNTAX_PARSER_H_
