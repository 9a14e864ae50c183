#include "syntax/trainer.h"

#include <chrono>
#include <random>

#include <fmt/format.h>

#include "syntax/evaluate.h"

namespace kg::syntax {

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// A deterministic permutation (std::shuffle's algorithm is fixed by the
// library, but the distribution it uses is not; this one is ours).
std::vector<size_t> Shuffled(size_t n, std::mt19937_64& rng) {
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
  return order;
}

void Log(const TrainOptions& o, const std::string& line) {
  if (o.log) o.log(line);
}

Tagger TrainTagger(const std::vector<Sentence>& train, const std::vector<size_t>& subset,
                   const std::vector<Sentence>& dev, const TrainOptions& o, std::mt19937_64& rng,
                   bool verbose) {
  Tagger tagger;
  std::vector<Sentence> part;
  for (size_t i : subset) part.push_back(train[i]);
  tagger.Prepare(part);
  for (int e = 0; e < o.tagger_epochs; ++e) {
    auto start = Clock::now();
    double acc = tagger.TrainEpoch(part, Shuffled(part.size(), rng));
    if (!verbose) continue;
    std::string line = fmt::format("tagger epoch {}: train {:.2f}%", e + 1, 100 * acc);
    if (!dev.empty()) {
      Tagger copy = tagger;
      copy.Finish();
      Scores sc;
      for (const Sentence& g : dev) {
        Sentence s = g;
        copy.Tag(s);
        Accumulate(g, s, &sc);
      }
      line += fmt::format(", dev UPOS {:.2f} XPOS {:.2f}", sc.Percent(sc.upos), sc.Percent(sc.xpos));
    }
    Log(o, line + fmt::format(" ({:.1f} s)", Seconds(start)));
  }
  tagger.Finish();
  return tagger;
}

// Predicted tag ids for every training sentence, each tagged by a tagger that
// did not see it.
std::vector<std::vector<int>> JackknifeTags(const std::vector<Sentence>& train, const Tagger& full,
                                            const TrainOptions& o, std::mt19937_64& rng) {
  std::vector<std::vector<int>> tags(train.size());
  if (o.jackknife_folds < 2) {
    for (size_t i = 0; i < train.size(); ++i)
      for (const Word& w : train[i].words)
        tags[i].push_back(full.classes().Find(w.upos + "\t" + w.xpos));
    return tags;
  }
  const auto k = static_cast<size_t>(o.jackknife_folds);
  for (size_t fold = 0; fold < k; ++fold) {
    std::vector<size_t> rest;
    for (size_t i = 0; i < train.size(); ++i)
      if (i % k != fold) rest.push_back(i);
    Tagger t = TrainTagger(train, rest, {}, o, rng, false);
    std::vector<int> ids;
    for (size_t i = fold; i < train.size(); i += k) {
      t.TagIds(train[i], &ids);
      // Map the fold tagger's class ids to the full tagger's.
      for (int& id : ids) id = full.classes().Find(t.classes().Name(id));
      tags[i] = ids;
    }
    Log(o, fmt::format("jackknife fold {}/{} tagged", fold + 1, k));
  }
  return tags;
}

void ScoreParser(const Model& m, const std::vector<Sentence>& dev, Scores* sc) {
  for (const Sentence& g : dev) {
    Sentence s = g;
    m.Annotate(s);
    Accumulate(g, s, sc);
  }
}

}  // namespace

Result<Model> TrainModel(const std::vector<Sentence>& train, const std::vector<Sentence>& dev,
                         const TrainOptions& o) {
  if (train.empty()) return Status::InvalidArgument("training treebank has no sentences");
  std::mt19937_64 rng(o.seed);
  Model model;
  std::vector<size_t> all(train.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  model.tagger() = TrainTagger(train, all, dev, o, rng, true);
  model.lemmatizer().Train(train);
  auto tags = JackknifeTags(train, model.tagger(), o, rng);
  // Tags the full tagger never saw on a fold would map to -1; use class 0.
  for (auto& t : tags)
    for (int& id : t) id = id < 0 ? 0 : id;
  Parser& parser = model.parser();
  parser.Prepare(train);
  parser.set_beam_width(o.beam_width);
  for (int e = 0; e < o.parser_epochs; ++e) {
    auto start = Clock::now();
    double explore = e >= o.explore_from ? o.explore : 0.0;
    double acc = parser.TrainEpoch(train, tags, Shuffled(train.size(), rng), explore, rng);
    std::string line = fmt::format("parser epoch {}: train {:.2f}%", e + 1, 100 * acc);
    if (!dev.empty()) {
      Model copy = model;
      copy.parser().Finish();
      Scores sc;
      auto t0 = Clock::now();
      ScoreParser(copy, dev, &sc);
      line += fmt::format(", dev UAS {:.2f} LAS {:.2f} ({:.0f} words/s)", sc.Percent(sc.uas),
                          sc.Percent(sc.las), static_cast<double>(sc.words) / Seconds(t0));
    }
    Log(o, line + fmt::format(" ({:.1f} s)", Seconds(start)));
  }
  parser.Finish();
  parser.Prune(o.prune);
  parser.set_beam_width(o.decode_beam_width);
  model.tagger().Prune(o.prune);
  return model;
}

}  // namespace kg::syntax
