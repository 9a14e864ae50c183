#include "loader/tree/open_ie_words.h"

namespace kg::loader::tree::open_ie {
namespace {

// A quotation mark left open at one edge of `w` (sorted) takes the
// matching mark right next to that edge: "`` At Home" + "''".
void BalanceQuotes(const SentenceTree& t, std::vector<int>* w) {
  if (w->empty()) return;
  int open = 0;
  for (int i : *w) {
    if (t.lower(i) == "``") ++open;
    if (t.lower(i) == "''") --open;
  }
  const int last = w->back(), first = w->front();
  if (open > 0 && last + 1 < t.size() && t.lower(last + 1) == "''") w->push_back(last + 1);
  if (open < 0 && first > 0 && t.lower(first - 1) == "``") w->insert(w->begin(), first - 1);
}

bool Opening(std::string_view w) { return OneOf(w, {"``", "(", "\"", "`", "["}); }
bool Closing(std::string_view w) { return OneOf(w, {"''", ")", "\"", "'", "]"}); }

}  // namespace

std::vector<int> Subtree(const SentenceTree& t, int i) {
  std::vector<int> w;
  Collect(
      t, i, [](int) { return false; }, &w);
  return w;
}

std::string Render(const SentenceTree& t, std::vector<int> w) {
  std::sort(w.begin(), w.end());
  w.erase(std::unique(w.begin(), w.end()), w.end());
  BalanceQuotes(t, &w);
  size_t b = 0, e = w.size();
  while (b < e && IsPunct(t, w[b]) && !Opening(t.lower(w[b]))) ++b;
  while (e > b && IsPunct(t, w[e - 1]) && !Closing(t.lower(w[e - 1]))) --e;
  bool any_word = false;
  for (size_t k = b; k < e; ++k) any_word = any_word || !IsPunct(t, w[k]);
  if (!any_word) return "";
  std::string out;
  for (size_t k = b; k < e;) {
    size_t j = k;
    while (j + 1 < e && w[j + 1] == w[j] + 1) ++j;
    if (!out.empty()) out += ' ';
    out += t.Text(Span{w[k], w[j]});
    k = j + 1;
  }
  return out;
}

bool ClauseHead(const SentenceTree& t, int i) {
  return t.upos(i) == "VERB" || t.Child(i, "cop") >= 0 || t.Child(i, "nsubj") >= 0 ||
         t.Child(i, "nsubj:pass") >= 0;
}

std::vector<int> Conjuncts(const SentenceTree& t, int n) {
  std::vector<int> out{n};
  for (int c : t.Children(n, "conj")) {
    if (!ClauseHead(t, c)) out.push_back(c);
  }
  return out;
}

std::string NounText(const SentenceTree& t, int n, int v) {
  std::vector<int> w;
  Collect(
      t, n,
      [&](int c) {
        // Spans are cheap; the walk up only runs for the one child whose
        // span holds `v`.
        if (t.Subtree(c).Contains(v) && t.Dominates(c, v)) return true;
        if (t.deprel(c) == "acl:relcl") return true;
        if (t.head(c) != n) return false;
        const std::string_view r = t.rel(c);
        if (c < n && OneOf(r, {"case", "cc", "mark"})) return true;
        if (r == "conj") return ClauseHead(t, c);
        return OneOf(
            r, {"nsubj", "csubj", "cop", "aux", "mark", "advcl", "parataxis", "ccomp", "discourse", "expl"});
      },
      &w);
  return Render(t, std::move(w));
}

}  // namespace kg::loader::tree::open_ie
