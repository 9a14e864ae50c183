#include "loader/tree/patterns/patterns.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::tree {
namespace {

bool HasDigit(const SentenceTree& t, Span s) {
  for (int k = s.first; k <= s.last; ++k) {
    for (char ch : t.word(k).form) {
      if (ch >= '0' && ch <= '9') return true;
    }
  }
  return false;
}

// "Boeing 737 Next Generation": a company the article already knows,
// then a model designation with a number: the company's name.
std::string MakerInName(PatternContext& cx, Span run) {
  if (!HasDigit(cx.tree, run)) return "";
  for (int e = run.last - 1; e >= run.first; --e) {
    const std::string prefix = cx.tree.Text(Span{run.first, e});
    if (!cx.state.KnownName(prefix)) continue;
    const std::string maker = cx.state.Entity(prefix, "");
    if (cx.state.TypeOf(maker) == "Company") return maker;
  }
  return "";
}

// The word after a bracketed aside that starts at k (at most five words
// inside), else k.
int AfterBracket(const SentenceTree& t, int k) {
  if (k >= t.size() || t.lower(k) != "(") return k;
  for (int e = k + 1; e < t.size() && e <= k + 6; ++e) {
    if (t.lower(e) == ")") return e + 1;
  }
  return k;
}

}  // namespace

// A name written before a product noun is a product: "its new Grenadier
// SUV vehicles", "14 Boeing 737 Next Generation aircraft". Its maker is the
// noun's possessor ("its", "INEOS'") or a company the name starts with.
void ExtractProducts(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  const WordLists& wl = WordLists::Get();
  for (Span run : cx.mentions.NameRuns()) {
    // "Grenadier SUV vehicles": a capitalized product word ends the name
    // and says what it is.
    while (run.last > run.first && wl.InClass("product", t.lower(run.last))) --run.last;
    // The product noun: the first common noun after the run that the run's
    // words hang on, with only common-noun or capitalized compounds between
    // ("Grenadier SUV vehicles").
    // ("one Boeing 767-300ER (extended range) aircraft": past a bracket.)
    const int after = AfterBracket(t, run.last + 1);
    int noun = -1;
    for (int k = after; k < t.size() && k <= after + 2; ++k) {
      if (t.upos(k) != "NOUN" && t.upos(k) != "PROPN") break;
      if (wl.InClass("product", t.lemma(k)) && !t.Capitalized(k)) {
        noun = k;
        break;
      }
    }
    // Written right before the noun, the name is its modifier whatever the
    // parser attached it to ("14 Boeing 737 Next Generation aircraft").
    if (noun < 0 || cx.mentions.SplitRole(run)) continue;
    if (noun != after && !t.Subtree(noun).Contains(run.first)) continue;
    std::string maker;
    if (const int poss = t.Child(noun, "nmod:poss"); poss >= 0 && poss < run.first)
      maker = cx.mentions.EntityOf(poss);
    if (maker.empty()) maker = MakerInName(cx, run);
    if (maker.empty() || IsPlaceType(cx.state.TypeOf(maker))) continue;
    const std::string product = cx.state.Entity(t.Text(run), "Product");
    if (product.empty() || product == maker) continue;
    const Evidence ev = cx.mentions.Evid(run.first, noun, 0.8, false);
    cx.state.AddFact(Value::Entity(product), "product_of", Value::Entity(maker), ev);
    // What it is: the words between the name and the noun ("SUV"), else
    // the noun.
    const Span kind = after < noun ? Span{after, noun - 1} : Span{noun, noun};
    cx.state.AddFact(Value::Entity(product), "is_a", Value::String(t.Text(kind)), ev);
  }
}

}  // namespace kg::loader::tree
