#include "syntax/parser.h"

#include <algorithm>

#include "syntax/parser_features.h"
#include "syntax/parser_tree.h"

namespace kg::syntax {

void Parser::Prepare(const std::vector<Sentence>& train) {
  labels_.Add("root");
  for (const auto& s : train)
    for (const auto& w : s.words) labels_.Add(w.deprel);
  model_ = Perceptron(System().num_actions());
}

int Parser::BestLegal(const ParseState& st, const ArcEager& sys, const float* scores) const {
  int best = -1;
  for (int a = 0; a < sys.num_actions(); ++a)
    if (st.Legal(sys, a) && (best < 0 || scores[a] > scores[best])) best = a;
  return best;
}

double Parser::TrainEpoch(const std::vector<Sentence>& train, const std::vector<std::vector<int>>& tags,
                          const std::vector<size_t>& order, double explore, std::mt19937_64& rng) {
  size_t right = 0, total = 0;
  for (size_t si : order) {
    if (!TrainableTree(train[si])) continue;
    if (beam_width_ > 1) {
      right += TrainBeam(train[si], tags[si]);
      ++total;
    } else {
      auto [r, t] = TrainGreedy(train[si], tags[si], explore, rng);
      right += r;
      total += t;
    }
  }
  return total == 0 ? 0.0 : static_cast<double>(right) / static_cast<double>(total);
}

std::pair<size_t, size_t> Parser::TrainGreedy(const Sentence& s, const std::vector<int>& tags, double explore,
                                              std::mt19937_64& rng) {
  const ArcEager sys = System();
  std::vector<int> gh, gl, costs;
  GoldTree(s, labels_, &gh, &gl);
  ParserInput in = MakeParserInput(s, tags);
  ParseState st(static_cast<int>(s.words.size()));
  uint64_t keys[kMaxParserFeatures];
  size_t right = 0, total = 0;
  while (!st.Terminal()) {
    size_t n = ParserFeatures(st, in, keys);
    float scores[kMaxParserActions] = {};
    model_.Score(keys, n, scores);
    ActionCosts(sys, st, gh, gl, &costs);
    int guess = BestLegal(st, sys, scores), gold = -1;
    for (int a = 0; a < sys.num_actions(); ++a)
      if (costs[static_cast<size_t>(a)] == 0 && (gold < 0 || scores[a] > scores[gold])) gold = a;
    if (gold < 0) gold = guess;  // no zero-cost move (non-projective leftovers)
    model_.Tick();
    model_.Update(keys, n, gold, guess);
    right += guess == gold;
    ++total;
    // Explore: follow the wrong guess with probability `explore`.
    double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
    st.Apply(sys, guess != gold && u < explore ? guess : gold);
  }
  return {right, total};
}

ParseState Parser::DecodeGreedy(const Sentence& s, const std::vector<int>& tags) const {
  const ArcEager sys = System();
  ParserInput in = MakeParserInput(s, tags);
  ParseState st(static_cast<int>(s.words.size()));
  uint64_t keys[kMaxParserFeatures];
  while (!st.Terminal()) {
    float scores[kMaxParserActions] = {};
    model_.Score(keys, ParserFeatures(st, in, keys), scores);
    st.Apply(sys, BestLegal(st, sys, scores));
  }
  return st;
}

void Parser::Parse(Sentence& s, const std::vector<int>& tags) const {
  if (s.words.empty()) return;
  ParseState st = beam_width_ > 1 ? DecodeBeam(s, tags) : DecodeGreedy(s, tags);
  WriteTree(st, labels_, &s);
}

void Parser::Save(ByteWriter& out) const {
  labels_.Save(out);
  out.Put<uint32_t>(static_cast<uint32_t>(beam_width_));
  model_.Save(out);
}

bool Parser::Load(ByteReader& in) {
  if (!labels_.Load(in) || labels_.Find("root") != 0) return false;
  beam_width_ = static_cast<int>(in.Get<uint32_t>());
  if (!in.ok() || beam_width_ < 1 || beam_width_ > 256) return false;
  if (!model_.Load(in)) return false;
  return model_.num_classes() == System().num_actions() && System().num_actions() <= kMaxParserActions;
}

}  // namespace kg::syntax
