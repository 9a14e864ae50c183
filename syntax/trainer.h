// Training the syntax model from a UD treebank (kg-train): the tagger first,
// then the lemmatizer, then the parser on tags predicted by jackknifing (each
// fold of the training set tagged by a tagger trained on the other folds), so
// the parser learns from tags as good as the ones it will see. Every step is
// deterministic for a given seed: the same treebank gives the same model
// file, byte for byte.
#ifndef KG_SYNTAX_TRAINER_H_
#define KG_SYNTAX_TRAINER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "kg/result.h"
#include "syntax/model.h"
#include "syntax/sentence.h"

namespace kg::syntax {

struct TrainOptions {
  // Epoch counts and beam width were chosen on EWT dev (docs/syntax.md).
  int tagger_epochs = 8;  // Default: 8
  int parser_epochs = 8;  // Default: 8
  int jackknife_folds = 5;  // 0: train the parser on gold tags. Default: 5
  // Exploration: from this epoch on (0-based), a wrong move is followed with
  // probability `explore`. Default: 1 and 0.9 (Goldberg & Nivre 2012).
  int explore_from = 1;
  // Parser beam width; 1 trains a greedy parser with the dynamic oracle.
  // Default: 8
  int beam_width = 8;
  // Beam width the saved model parses with. A narrower beam than in training
  // loses little (dev UAS 87.01 at 8, 86.95 at 4) and doubles the speed.
  // Default: 4
  int decode_beam_width = 4;
  double explore = 0.9;
  // Averaged weights below this fraction of the largest are dropped from the
  // saved model (docs/syntax.md has the size/accuracy trade-off). Default: 0.005
  float prune = 0.005f;
  uint64_t seed = 1;
  // Progress lines (epoch scores); may be empty.
  std::function<void(const std::string&)> log;
};

// Trains on `train`; `dev` (may be empty) is scored after every epoch.
Result<Model> TrainModel(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                         const TrainOptions& options);

}  // namespace kg::syntax

#endif  // KG_SYNTAX_TRAINER_H_
