#include "loader/tree/open_ie.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "loader/tree/sentence_tree.h"
#include "loader/tree/tree_clauses.h"

namespace kg::loader::tree {
namespace {

bool OneOf(std::string_view w, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// Heads in range, offsets inside the text, no cycles.
bool WellFormed(const syntax::Sentence& p, std::string_view text) {
  const size_t n = p.words.size();
  if (n == 0 || p.offsets.size() != n) return false;
  for (size_t i = 0; i < n; ++i) {
    const int h = p.words[i].head;
    if (h < 0 || static_cast<size_t>(h) > n || static_cast<size_t>(h) == i + 1) return false;
    if (p.offsets[i] > text.size() || p.words[i].form.size() > text.size() - p.offsets[i]) return false;
  }
  // Every word reaches the root: 0 unknown, 1 on the current path, 2 reaches the root.
  std::vector<char> state(n, 0);
  std::vector<size_t> path;
  for (size_t i = 0; i < n; ++i) {
    size_t w = i;
    path.clear();
    while (state[w] == 0) {
      state[w] = 1;
      path.push_back(w);
      const int h = p.words[w].head;
      if (h == 0) break;
      w = static_cast<size_t>(h - 1);
    }
    if (state[w] == 1 && p.words[w].head != 0) return false;
    for (size_t q : path) state[q] = 2;
  }
  return true;
}

void DumpParse(const SentenceTree& t) {
  for (int i = 0; i < t.size(); ++i) {
    std::fprintf(stderr, "%d\t%s\t%s\t%s\t%d\t%s\n", i + 1, t.word(i).form.c_str(), t.lemma(i).c_str(),
                 t.upos(i).c_str(), t.word(i).head, t.deprel(i).c_str());
  }
}

// Development switches (KG_OIE_X=1), removed once decided.
bool Flag(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && v[0] == '1';
}

struct Tuple {
  std::string arg1;
  std::string rel;
  std::vector<std::string> args;
  double conf = 0.8;
  std::string feats;  // development: what the confidence is computed from
  bool negated = false;
  bool hedged = false;
};

class Extractor {
 public:
  explicit Extractor(const SentenceTree& t) : t_(t), consumed_(static_cast<size_t>(t.size()), 0) {}

  std::vector<Tuple> Run() {
    const std::vector<TreeClause> clauses = BuildClauses(t_);
    for (const TreeClause& c : clauses) ClauseTuples(c);
    if (Flag("KG_OIE_APPOS")) Appositions();
    return std::move(out_);
  }

 private:
  struct Arg {
    int head = -1;
    std::vector<int> words;
    bool before = false;  // stands before the predicate
  };
  struct Pred {
    std::vector<int> rel;  // relation words
    std::vector<Arg> args;
  };

  bool Punct(int i) const { return t_.upos(i) == "PUNCT"; }

  template <typename Skip>
  void Collect(int i, const Skip& skip, std::vector<int>* out) const {
    out->push_back(i);
    for (int c : t_.children(i)) {
      if (!skip(c)) Collect(c, skip, out);
    }
  }
  std::vector<int> All(int i) const {
    std::vector<int> w;
    Collect(
        i, [](int) { return false; }, &w);
    return w;
  }

  // Words as text: trimmed of punctuation at the edges, contiguous runs as
  // written, runs joined by a space.
  std::string Render(std::vector<int> w) const {
    std::sort(w.begin(), w.end());
    size_t b = 0, e = w.size();
    while (b < e && Punct(w[b]) && !OneOf(t_.lower(w[b]), {"``", "(", "\"", "`"})) ++b;
    while (e > b && Punct(w[e - 1]) && !OneOf(t_.lower(w[e - 1]), {"''", ")", "\"", "'"})) --e;
    std::string out;
    for (size_t k = b; k < e;) {
      size_t j = k;
      while (j + 1 < e && w[j + 1] == w[j] + 1) ++j;
      if (!out.empty()) out += ' ';
      out += t_.Text(Span{w[k], w[j]});
      k = j + 1;
    }
    return out;
  }

  // A clause of its own: a verb, a copular predicate, or anything with a subject.
  bool ClauseHead(int i) const {
    return t_.upos(i) == "VERB" || t_.Child(i, "cop") >= 0 || t_.Child(i, "nsubj") >= 0 ||
           t_.Child(i, "nsubj:pass") >= 0;
  }

  // Nominal conjuncts of `n` (n first).
  std::vector<int> Conjuncts(int n) const {
    std::vector<int> out{n};
    for (int c : t_.Children(n, "conj")) {
      if (!ClauseHead(c)) out.push_back(c);
    }
    return out;
  }

  // The text of nominal `n` standing for itself in the clause of `v`: a noun
  // modified by the clause loses that clause, a prepositional object its
  // preposition; with `alone`, conjuncts are left out.
  std::string NounText(int n, int v, bool alone) const {
    std::vector<int> w;
    Collect(
        n,
        [&](int c) {
          if (t_.Dominates(c, v)) return true;
          const std::string_view r = t_.rel(c);
          if (t_.head(c) == n && c < n && (r == "case" || r == "cc" || r == "mark")) return true;
          // A predicate nominal stands for itself without its clause.
          if (t_.head(c) == n && OneOf(r, {"nsubj", "csubj", "cop", "aux", "mark", "advcl", "parataxis",
                                           "ccomp", "discourse", "expl"}))
            return true;
          if (t_.head(c) == n && r == "conj" && ClauseHead(c)) return true;
          if (Flag("KG_OIE_SUBJNORELCL") && t_.deprel(c) == "acl:relcl") return true;
          if (Flag("KG_OIE_SUBJNOACL") && r == "acl") return true;
          return alone && t_.head(c) == n && r == "conj" && !ClauseHead(c);
        },
        &w);
    return Render(w);
  }

  bool RelationWord(int c, bool copula) const {
    const std::string& d = t_.deprel(c);
    if (d == "aux" || d == "aux:pass" || d == "compound:prt") return true;
    if (copula && d == "cop") return true;
    if (t_.rel(c) == "advmod" && OneOf(t_.lower(c), {"not", "n't", "never"})) return true;
    if (t_.rel(c) == "advmod" && t_.children(c).empty() && t_.upos(c) == "ADV") {
      const int v = t_.head(c);
      int first = v;  // the verb group's first word
      for (int a : t_.children(v)) {
        const std::string_view r = t_.rel(a);
        if ((r == "aux" || r == "cop") && a < first) first = a;
      }
      // "has also been", "often refers", "grows well": adverbs in and at
      // the edges of the verb group.
      if (c >= first - 1 && c <= v + 1) return true;
    }
    return false;
  }

  bool Skipped(int c) const {
    const std::string_view r = t_.rel(c);
    if (r == "advcl") {
      const int v = t_.head(c);
      const int m = t_.Child(c, "mark");
      (void)m;
      // "taught at X until he switched over to Y": an adverbial clause
      // after the verb is part of what the clause says.
      if (c > v) return false;
    }
    if (r == "xcomp") return ClauseHead(c);
    if (r == "conj") return ClauseHead(c);
    return OneOf(r, {"nsubj", "csubj", "expl", "punct", "cc", "mark", "advcl", "parataxis", "discourse",
                     "vocative", "dep", "acl", "appos", "reparandum", "orphan", "list"});
  }

  // Relation words and arguments of predicate `v`.
  void Predicate(int v, bool copula, Pred* p) const {
    if (!copula) p->rel.push_back(v);
    Arg nominal;  // a copula's predicate nominal with its own modifiers
    nominal.head = v;
    if (copula) nominal.words.push_back(v);
    std::vector<Arg> before;
    for (int c : t_.children(v)) {
      if (RelationWord(c, copula)) {
        p->rel.push_back(c);
        continue;
      }
      if (Skipped(c)) continue;
      const std::string_view r = t_.rel(c);
      if (copula && r != "obl" && r != "advmod") {
        Collect(
            c, [](int) { return false; }, &nominal.words);
        continue;
      }
      Arg a;
      a.head = c;
      if (Flag("KG_OIE_ARGNORELCL") || Flag("KG_OIE_ARGNOACL")) {
        Collect(
            c,
            [&](int d) {
              return (Flag("KG_OIE_ARGNORELCL") && t_.deprel(d) == "acl:relcl") ||
                     (Flag("KG_OIE_ARGNOACL") && t_.rel(d) == "acl");
            },
            &a.words);
      } else {
        a.words = All(c);
      }
      a.before = c < v;
      (a.before ? before : p->args).push_back(std::move(a));
    }
    if (copula) p->args.insert(p->args.begin(), std::move(nominal));
    if (!Flag("KG_OIE_NOBEFORE"))
      for (auto& b : before) p->args.push_back(std::move(b));
  }

  // "agreed to buy": an open clausal complement joins the relation.
  int ChainedXcomp(int v) const {
    if (t_.Child(v, "obj") >= 0) return -1;
    for (int c : t_.Children(v, "xcomp")) {
      if (ClauseHead(c) && t_.Child(c, "nsubj") < 0) return c;
    }
    return -1;
  }

  // "The doctor , Erasistratus ,": (Erasistratus; is; The doctor).
  void Appositions() {
    for (int n = 0; n < t_.size(); ++n) {
      if (!t_.IsNominal(n)) continue;
      for (int a : t_.Children(n, "appos")) {
        if (!t_.IsNominal(a)) continue;
        std::vector<int> head_words;
        Collect(
            n,
            [&](int c) {
              return c == a || (t_.head(c) == n && c < n && OneOf(t_.rel(c), {"case", "cc", "mark"})) ||
                     (t_.head(c) == n && c > a);
            },
            &head_words);
        std::vector<int> app = All(a);
        Tuple tu;
        tu.rel = std::getenv("KG_OIE_APPOS_BE") ? "be" : "is";
        const bool swap = Flag("KG_OIE_APPOS_SWAP") && t_.upos(a) == "PROPN" && t_.upos(n) != "PROPN";
        tu.arg1 = Render(swap ? app : head_words);
        tu.args.push_back(Render(swap ? head_words : app));
        if (tu.arg1.empty() || tu.args[0].empty()) continue;
        tu.conf = 0.75;
        tu.feats = "kind=appos";
        out_.push_back(tu);
      }
    }
  }

  // Moves the first argument (a copula's predicate) into the relation.
  static void NominalIntoRelation(Pred* p) {
    if (p->args.empty()) return;
    p->rel.insert(p->rel.end(), p->args[0].words.begin(), p->args[0].words.end());
    p->args.erase(p->args.begin());
  }

  // A subject the clause builder found none for, read off a parse that
  // went astray: the noun a participle or infinitive modifies, the subject
  // of the governing predicate, the noun a verb is hung on.
  int FallbackSubject(int v) const {
    const int h = t_.head(v);
    if (h < 0) return -1;
    const std::string_view r = t_.rel(v);
    if (r == "acl" && t_.IsNominal(h) && Flag("KG_OIE_FB_ACL")) return h;
    if (!OneOf(r, {"conj", "parataxis", "advcl", "xcomp", "dep", "appos"})) return -1;
    for (int k : t_.children(h)) {
      if (OneOf(t_.deprel(k), {"nsubj", "nsubj:pass"})) return k;
    }
    if (t_.IsNominal(h) && h < v && OneOf(r, {"parataxis", "dep", "appos"})) return h;
    return -1;
  }

  void ClauseTuples(const TreeClause& in) {
    TreeClause c = in;
    if (c.subjects.empty()) {
      const int s = FallbackSubject(c.pred);
      if (s >= 0) {
        c.subjects.push_back(s);
        c.inherited = true;
      }
    }
    if (c.subjects.empty() || consumed_[static_cast<size_t>(c.pred)]) return;
    Pred p;
    const bool verbal = c.copula && true && t_.upos(c.pred) == "VERB";
    const bool copula = c.copula && !verbal;
    Predicate(c.pred, copula, &p);
    if (verbal) {
      for (int k : t_.children(c.pred))
        if (t_.rel(k) == "cop" || (t_.rel(k) == "mark" && t_.lower(k) == "to")) p.rel.push_back(k);
    }
    const bool adj = copula && t_.upos(c.pred) == "ADJ";
    if (adj && ChainedXcomp(c.pred) >= 0) NominalIntoRelation(&p);
    if (adj && p.args.size() > 1 && !p.args[1].before && t_.rel(p.args[1].head) == "obl")
      NominalIntoRelation(&p);
    if (copula && !p.args.empty() && p.args[0].head == c.pred) {
      for (int k : t_.Children(c.pred, "case")) {
        if (k > c.pred) continue;
        p.rel.push_back(k);
        for (int f : t_.Children(k, "fixed")) p.rel.push_back(f);
        auto& w = p.args[0].words;
        w.erase(std::remove_if(w.begin(), w.end(), [&](int i) { return i == k || t_.head(i) == k; }),
                w.end());
      }
    }
    bool hedged = c.hedged, negated = c.negated;
    for (int v = c.pred, x = ChainedXcomp(v), guard = 0; x >= 0 && guard < t_.size();
         v = x, x = ChainedXcomp(x), ++guard) {
      consumed_[static_cast<size_t>(x)] = 1;
      for (int m : t_.Children(x, "mark")) p.rel.push_back(m);
      Pred q;
      Predicate(x, t_.Child(x, "cop") >= 0, &q);
      p.rel.insert(p.rel.end(), q.rel.begin(), q.rel.end());
      // The complement's arguments come first; the governor's stay.
      q.args.insert(q.args.end(), p.args.begin(), p.args.end());
      p.args = std::move(q.args);
      (void)v;
    }
    // "served as the first Prime Minister": the preposition of a first
    // oblique joins the relation.
    if (!Flag("KG_OIE_NOPREP") && !p.args.empty() && !p.args[0].before && t_.rel(p.args[0].head) == "obl") {
      const int head = p.args[0].head;
      for (int k : t_.Children(head, "case")) {
        if (k > head) continue;
        p.rel.push_back(k);
        for (int f : t_.Children(k, "fixed")) p.rel.push_back(f);
        auto& w = p.args[0].words;
        w.erase(std::remove_if(w.begin(), w.end(), [&](int i) { return i == k || t_.head(i) == k; }),
                w.end());
      }
    }
    std::sort(p.rel.begin(), p.rel.end());
    Tuple tu;
    tu.rel = Render(p.rel);
    tu.negated = negated;
    tu.hedged = hedged;
    tu.conf = 0.9 - (c.inherited ? 0.1 : 0.0) - (p.args.empty() ? 0.3 : 0.0) - (hedged ? 0.1 : 0.0);
    {
      std::string f;
      auto add = [&](const std::string& k, const std::string& v) { f += k + "=" + v + " "; };
      add("inh", c.inherited ? "1" : "0");
      add("nargs", std::to_string(std::min<size_t>(p.args.size(), 4)));
      add("cop", c.copula ? "1" : "0");
      add("pass", c.passive ? "1" : "0");
      add("hedged", hedged ? "1" : "0");
      add("clrel", std::string(t_.deprel(c.pred)));
      add("pos", t_.upos(c.pred));
      add("nsubj", std::to_string(c.subjects.size()));
      add("subjpos", t_.upos(c.subjects[0]));
      add("firstarg", p.args.empty() ? "none" : std::string(t_.deprel(p.args[0].head)));
      add("before", (!p.args.empty() && p.args.back().before) ? "1" : "0");
      add("rellen", std::to_string(std::min<size_t>(p.rel.size(), 5)));
      add("n", std::to_string(std::min(t_.size() / 10, 6)));
      tu.feats = f;
    }
    const bool split = c.subjects.size() > 1 && Flag("KG_OIE_SPLITSUBJ");
    for (int s : c.subjects) {
      if (!split && s != c.subjects[0]) break;
      tu.arg1 = NounText(s, c.pred, split);
      if (tu.arg1.empty() || tu.rel.empty()) continue;
      EmitSplit(tu, p.args);
    }
  }

  bool Splittable(const Arg& a) const {
    const std::string_view r = t_.rel(a.head);
    if (r == "obj") return !Flag("KG_OIE_NOSPLITOBJ");
    if (r == "obl") return Flag("KG_OIE_SPLITOBL");
    if (t_.Child(a.head, "cop") >= 0) return Flag("KG_OIE_SPLITCOP");
    return false;
  }

  // One tuple per conjunct of the first coordinated argument.
  void EmitSplit(Tuple tu, const std::vector<Arg>& args) {
    size_t k = 0;
    while (k < args.size() && !(Splittable(args[k]) && Conjuncts(args[k].head).size() > 1)) ++k;
    std::vector<std::vector<int>> variants;
    if (k < args.size()) {
      const Arg& a = args[k];
      const std::vector<int> conj = Conjuncts(a.head);
      // The argument's words outside the coordination stay with each conjunct.
      for (int cj : conj) {
        std::vector<int> w;
        for (int i : a.words) {
          bool inside = false;
          for (int other : conj) inside = inside || (t_.Dominates(other, i) && other != a.head);
          const bool own_conj_part = t_.head(i) == a.head && (t_.rel(i) == "cc");
          if (cj == a.head) {
            if (!inside && !own_conj_part) w.push_back(i);
          } else if (t_.Dominates(cj, i) && !(t_.head(i) == cj && t_.rel(i) == "cc")) {
            w.push_back(i);
          } else if (!inside && !t_.Dominates(a.head, i)) {
            w.push_back(i);  // words outside the head's subtree (a moved preposition's object…)
          }
        }
        variants.push_back(std::move(w));
      }
    }
    if (variants.empty()) {
      tu.args.clear();
      for (const Arg& a : args) {
        std::string s = Render(a.words);
        if (!s.empty()) tu.args.push_back(std::move(s));
      }
      out_.push_back(tu);
      return;
    }
    for (const auto& v : variants) {
      tu.args.clear();
      for (size_t j = 0; j < args.size(); ++j) {
        std::string s = Render(j == k ? v : args[j].words);
        if (!s.empty()) tu.args.push_back(std::move(s));
      }
      out_.push_back(tu);
    }
  }

  const SentenceTree& t_;
  std::vector<char> consumed_;
  std::vector<Tuple> out_;
};

}  // namespace

std::vector<RawFact> OpenIeFromTree(const syntax::Sentence& parse, std::string_view text) {
  if (!WellFormed(parse, text)) return {};
  const SentenceTree t(parse, text);
  static const bool debug = std::getenv("KG_OPENIE_DEBUG") != nullptr;
  if (debug) DumpParse(t);
  std::vector<RawFact> out;
  for (Tuple& tu : Extractor(t).Run()) {
    RawFact f;
    f.arg1 = std::move(tu.arg1);
    f.relation = std::move(tu.rel);
    f.args = std::move(tu.args);
    f.confidence = std::clamp(tu.conf, 0.01, 1.0);
    f.negated = tu.negated;
    f.hedged = tu.hedged;
    static const bool feats = std::getenv("KG_OIE_FEATS") != nullptr;
    if (feats)
      std::fprintf(stderr, "FEAT\t%d\t%s\t%.*s\n", f.negated ? 1 : 0, tu.feats.c_str(),
                   static_cast<int>(text.size()), text.data());
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace kg::loader::tree
