#include "loader/tree/patterns/patterns.h"
#include "loader/tree/word_lists.h"

namespace kg::loader::tree {

namespace {

// "Kelvio won a $300 million contract from carmaker Vessa Motors to
// supply battery packs": who wins a contract or an order from someone
// supplies them.
void FromContracts(PatternContext& cx) {
  const SentenceTree& t = cx.tree;
  for (const TreeClause& c : cx.clauses) {
    if (c.negated || c.passive ||
        !OneOf(c.lemma, {"win", "secure", "land", "receive", "get", "sign", "book"}))
      continue;
    bool contract = false;
    for (int o : c.objects) contract = contract || OneOf(t.lemma(o), {"contract", "order", "deal"});
    if (!contract) continue;
    std::vector<std::string> buyers;
    for (const auto& [prep, o] : c.obliques) {
      if (prep == "from") buyers = cx.mentions.EntitiesOf(o);
    }
    for (int o : c.objects) {
      for (int k : t.Children(o, "nmod")) {
        if (buyers.empty() && t.CaseOf(k) == "from") buyers = cx.mentions.EntitiesOf(k);
      }
    }
    const std::vector<std::string> sellers = cx.mentions.EntitiesOfEach(c.subjects);
    const Span s = t.Subtree(c.pred);
    const Evidence ev = cx.mentions.Evid(s.first, s.last, 0.75, c.hedged);
    for (const std::string& buyer : buyers) {
      for (const std::string& seller : sellers) {
        if (seller != buyer) cx.state.AddFact(Value::Entity(seller), "supplies_to", Value::Entity(buyer), ev);
      }
    }
  }
}

}  // namespace

// "the export by Boeing of 14 aircraft to Air Algerie", "GE's sale of
// turbines to X": a sale or delivery noun with its seller ("by X", "X's")
// and buyer ("to Y"): X `supplies_to` Y.
void ExtractSupplies(PatternContext& cx) {
  FromContracts(cx);
  const SentenceTree& t = cx.tree;
  const WordLists& wl = WordLists::Get();
  for (int n = 0; n < t.size(); ++n) {
    if (t.upos(n) != "NOUN" || !wl.InClass("supply", t.lemma(n))) continue;
    std::vector<std::string> sellers;
    std::vector<int> buyers;
    for (int c : t.children(n)) {
      const std::string cs = t.CaseOf(c);
      if ((t.rel(c) == "nmod" && cs == "by") || t.deprel(c) == "nmod:poss") {
        for (const auto& e : cx.mentions.EntitiesOf(c)) sellers.push_back(e);
      }
      // The buyer may hang on the goods ("of 14 aircraft to Air Algerie").
      if (t.rel(c) == "nmod" && cs == "to") buyers.push_back(c);
      if (t.rel(c) == "nmod" && cs == "of") {
        for (int g : t.Children(c, "nmod")) {
          if (t.CaseOf(g) == "to") buyers.push_back(g);
        }
      }
    }
    // Long phrases are often attached to the verb around the noun ("…
    // supporting the export by X of goods to Y"): look there too, after
    // the noun and inside the verb's phrase.
    const int v = t.head(n);
    if (v >= 0 && t.rel(n) == "obj") {
      for (int c : t.Children(v, "obl")) {
        if (c > n && t.CaseOf(c) == "by" && sellers.empty()) sellers = cx.mentions.EntitiesOf(c);
      }
      if (buyers.empty()) {
        const Span vs = t.Subtree(v);
        for (int k = n + 1; k <= vs.last; ++k) {
          if (t.CaseOf(k) == "to" && t.IsNominal(k) && t.rel(k) != "obl") buyers.push_back(k);
        }
      }
      // A long list may have been cut off the verb's phrase by the parser
      // ("… the export by Boeing of 14 aircraft … to Air Algerie"): the
      // first "to" name after the noun, while no other verb intervenes.
      for (int k = n + 1; buyers.empty() && k < t.size(); ++k) {
        if (t.upos(k) == "VERB" && t.rel(k) != "amod") break;
        if (t.CaseOf(k) == "to" && !cx.mentions.NameRun(k).empty() && t.rel(k) != "obl") buyers.push_back(k);
      }
    }
    if (sellers.empty() || buyers.empty()) continue;
    const Span s = t.Subtree(n);
    const Evidence ev = cx.mentions.Evid(s.first, s.last, 0.75, false);
    for (int b : buyers) {
      for (const std::string& buyer : cx.mentions.EntitiesOf(b)) {
        for (const std::string& seller : sellers) {
          cx.state.AddFact(Value::Entity(seller), "supplies_to", Value::Entity(buyer), ev);
        }
      }
    }
  }
}

}  // namespace kg::loader::tree
