// Beam search for the parser and its max-violation training (parser.h).
#include <algorithm>
#include <cstdint>
#include <vector>

#include "syntax/parser.h"
#include "syntax/parser_features.h"
#include "syntax/parser_tree.h"

namespace kg::syntax {

namespace {

struct Item {
  ParseState st{0};
  double score = 0;
  bool gold = false;  // still on the gold derivation
};

struct Candidate {
  double score;
  int item;
  int action;
};

// Best first; ties broken by position so the search is deterministic.
bool Better(const Candidate& a, const Candidate& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.item != b.item) return a.item < b.item;
  return a.action < b.action;
}

// One step's bookkeeping for backtracking: parent item and action of each
// item of the new beam.
struct Step {
  std::vector<std::pair<int, int>> from;
};

// Expands every item of `beam` by every legal action and keeps the best
// `width` candidates (sorted, best first).
void Expand(const Perceptron& model, const ArcEager& sys, const ParserInput& in,
            const std::vector<Item>& beam, int width, std::vector<Candidate>* out) {
  out->clear();
  uint64_t keys[kMaxParserFeatures];
  for (size_t i = 0; i < beam.size(); ++i) {
    float scores[kMaxParserActions] = {};
    model.Score(keys, ParserFeatures(beam[i].st, in, keys), scores);
    for (int a = 0; a < sys.num_actions(); ++a)
      if (beam[i].st.Legal(sys, a))
        out->push_back(Candidate{beam[i].score + scores[a], static_cast<int>(i), a});
  }
  size_t keep = std::min(out->size(), static_cast<size_t>(width));
  std::partial_sort(out->begin(), out->begin() + static_cast<long>(keep), out->end(), Better);
  out->resize(keep);
}

// The new beam: each candidate's parent state with its action applied.
void Advance(const ArcEager& sys, const std::vector<Item>& beam, const std::vector<Candidate>& cands,
             int gold_action, std::vector<Item>* next) {
  next->resize(cands.size());
  for (size_t j = 0; j < cands.size(); ++j) {
    const Item& parent = beam[static_cast<size_t>(cands[j].item)];
    Item& it = (*next)[j];
    it.st = parent.st;
    it.st.Apply(sys, cands[j].action);
    it.score = cands[j].score;
    it.gold = parent.gold && cands[j].action == gold_action;
  }
}

}  // namespace

ParseState Parser::DecodeBeam(const Sentence& s, const std::vector<int>& tags) const {
  const ArcEager sys = System();
  ParserInput in = MakeParserInput(s, tags);
  std::vector<Item> beam(1), next;
  beam[0].st = ParseState(static_cast<int>(s.words.size()));
  std::vector<Candidate> cands;
  while (!beam[0].st.Terminal()) {
    Expand(model_, sys, in, beam, beam_width_, &cands);
    Advance(sys, beam, cands, -1, &next);
    beam.swap(next);
  }
  return beam[0].st;
}

bool Parser::TrainBeam(const Sentence& s, const std::vector<int>& tags) {
  const ArcEager sys = System();
  const int n = static_cast<int>(s.words.size());
  std::vector<int> gh, gl;
  GoldTree(s, labels_, &gh, &gl);
  // The gold derivation and the gold prefix scores under the current model.
  std::vector<int> gold_actions;
  std::vector<double> gold_score(1, 0.0);
  ParserInput in = MakeParserInput(s, tags);
  uint64_t keys[kMaxParserFeatures];
  for (ParseState g(n); !g.Terminal();) {
    int a = StaticOracle(sys, g, gh, gl);
    if (a < 0) return false;
    float scores[kMaxParserActions] = {};
    model_.Score(keys, ParserFeatures(g, in, keys), scores);
    gold_score.push_back(gold_score.back() + scores[a]);
    gold_actions.push_back(a);
    g.Apply(sys, a);
  }
  std::vector<Item> beam(1), next;
  beam[0].st = ParseState(n);
  beam[0].gold = true;
  std::vector<Candidate> cands;
  std::vector<Step> steps;
  double worst = 0;
  size_t worst_step = 0;
  for (size_t t = 0; t < gold_actions.size(); ++t) {
    Expand(model_, sys, in, beam, beam_width_, &cands);
    Advance(sys, beam, cands, gold_actions[t], &next);
    Step step;
    for (const Candidate& c : cands) step.from.emplace_back(c.item, c.action);
    steps.push_back(std::move(step));
    beam.swap(next);
    double violation = beam[0].score - gold_score[t + 1];
    if (!beam[0].gold && violation >= worst) worst = violation, worst_step = t + 1;
  }
  model_.Tick();
  if (worst_step == 0) return true;
  // The predicted derivation of the best item at the worst step.
  std::vector<int> predicted(worst_step);
  for (int item = 0, t = static_cast<int>(worst_step) - 1; t >= 0; --t) {
    predicted[static_cast<size_t>(t)] = steps[static_cast<size_t>(t)].from[static_cast<size_t>(item)].second;
    item = steps[static_cast<size_t>(t)].from[static_cast<size_t>(item)].first;
  }
  // Replay both prefixes; identical leading steps cancel out.
  ParseState g(n), p(n);
  bool same = true;
  uint64_t pkeys[kMaxParserFeatures];
  for (size_t t = 0; t < worst_step; ++t) {
    same = same && predicted[t] == gold_actions[t];
    if (!same) {
      model_.Add(keys, ParserFeatures(g, in, keys), gold_actions[t], 1.0f);
      model_.Add(pkeys, ParserFeatures(p, in, pkeys), predicted[t], -1.0f);
    }
    g.Apply(sys, gold_actions[t]);
    p.Apply(sys, predicted[t]);
  }
  return false;
}

}  // namespace kg::syntax
