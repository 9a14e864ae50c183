#include "loader/tree/open_ie_conjuncts.h"

#include <algorithm>

#include "loader/tree/open_ie_words.h"

namespace kg::loader::tree::open_ie {
namespace {

// The words of `a` that belong with conjunct `cj` of its head: the head
// without the other conjuncts and the coordinator, or a later conjunct
// without its coordinator ("and an annual banquet").
// `in` marks the words of `a`.
std::vector<int> ConjunctWords(const SentenceTree& t, const Argument& a, const std::vector<char>& in,
                               const std::vector<int>& conjuncts, int cj) {
  const bool first = cj == a.head;
  std::vector<int> w;
  Collect(
      t, cj,
      [&](int c) {
        if (t.head(c) != cj) return false;
        if (t.rel(c) == "cc") return true;
        return first && c != cj && std::find(conjuncts.begin(), conjuncts.end(), c) != conjuncts.end();
      },
      &w);
  w.erase(std::remove_if(w.begin(), w.end(), [&](int i) { return !in[static_cast<size_t>(i)]; }), w.end());
  return w;
}

std::vector<std::string> Texts(const SentenceTree& t, const std::vector<Argument>& args, size_t k,
                               const std::vector<int>* kth) {
  std::vector<std::string> out;
  for (size_t j = 0; j < args.size(); ++j) {
    std::string s = Render(t, j == k && kth != nullptr ? *kth : args[j].words);
    if (!s.empty()) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

std::vector<std::vector<std::string>> ArgumentTexts(const SentenceTree& t,
                                                    const std::vector<Argument>& args) {
  size_t k = 0;
  std::vector<int> conjuncts;
  for (; k < args.size(); ++k) {
    if (t.rel(args[k].head) != "obj") continue;
    conjuncts = Conjuncts(t, args[k].head);
    if (conjuncts.size() > 1) break;
  }
  if (k == args.size()) return {Texts(t, args, k, nullptr)};
  std::vector<char> in(static_cast<size_t>(t.size()), 0);
  for (int i : args[k].words) in[static_cast<size_t>(i)] = 1;
  std::vector<std::vector<std::string>> out;
  for (int cj : conjuncts) {
    const std::vector<int> w = ConjunctWords(t, args[k], in, conjuncts, cj);
    out.push_back(Texts(t, args, k, &w));
  }
  return out;
}

}  // namespace kg::loader::tree::open_ie
