// Differential test: random patterns, chains and property paths over random
// graphs, evaluated by the engine and by a deliberately naive evaluator
// written here (nested loops over every triple, paths as relations composed
// to a fixpoint). Rows are compared as multisets.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "kg/query_result.h"
#include "query/engine.h"
#include "storage/memory_source.h"

namespace kg::testing {
namespace {

using Pair = std::pair<std::string, std::string>;
using Binding = std::map<std::string, std::string>;

struct Triple {
  std::string s, p, o;
};

// A random path expression, as text and as a tree for the naive evaluator.
struct Path {
  enum Kind { kPred, kInverse, kSeq, kAlt, kRepeat } kind = kPred;
  std::string pred;
  std::vector<Path> kids;
  int min = 1, max = 1;  // max < 0: unbounded
};

std::string PathText(const Path& p) {
  switch (p.kind) {
    case Path::kPred:
      return p.pred;
    case Path::kInverse:
      return p.kids[0].kind == Path::kRepeat ? "^(" + PathText(p.kids[0]) + ")" : "^" + PathText(p.kids[0]);
    case Path::kSeq:
      return "(" + PathText(p.kids[0]) + "/" + PathText(p.kids[1]) + ")";
    case Path::kAlt:
      return "(" + PathText(p.kids[0]) + "|" + PathText(p.kids[1]) + ")";
    case Path::kRepeat: {
      std::string inner = PathText(p.kids[0]);
      // A modifier applies to one primary: parenthesize repeats and inverses.
      if (p.kids[0].kind == Path::kRepeat || p.kids[0].kind == Path::kInverse) inner = "(" + inner + ")";
      if (p.min == 1 && p.max < 0) return inner + "+";
      if (p.min == 0 && p.max < 0) return inner + "*";
      if (p.min == 0 && p.max == 1) return inner + "?";
      return inner + "{" + std::to_string(p.min) + "," + (p.max < 0 ? "" : std::to_string(p.max)) + "}";
    }
  }
  return "";
}

class Naive {
 public:
  explicit Naive(const std::vector<Triple>& triples) : triples_(triples) {
    for (const Triple& t : triples) {
      nodes_.insert(t.s);
      nodes_.insert(t.o);
    }
  }

  std::set<Pair> Relation(const Path& p) const {
    std::set<Pair> out;
    switch (p.kind) {
      case Path::kPred:
        for (const Triple& t : triples_) {
          if (t.p == p.pred) out.emplace(t.s, t.o);
        }
        break;
      case Path::kInverse:
        for (const Pair& x : Relation(p.kids[0])) out.emplace(x.second, x.first);
        break;
      case Path::kSeq:
        out = Compose(Relation(p.kids[0]), Relation(p.kids[1]));
        break;
      case Path::kAlt: {
        out = Relation(p.kids[0]);
        for (const Pair& x : Relation(p.kids[1])) out.insert(x);
        break;
      }
      case Path::kRepeat: {
        std::set<Pair> step = Relation(p.kids[0]);
        std::set<Pair> power;  // R^0: identity over the graph's nodes
        for (const std::string& n : nodes_) power.emplace(n, n);
        int limit = p.max < 0 ? p.min + static_cast<int>(nodes_.size()) + 1 : p.max;
        for (int k = 0; k <= limit; ++k) {
          if (k >= p.min) out.insert(power.begin(), power.end());
          power = Compose(power, step);
        }
        break;
      }
    }
    return out;
  }

  const std::set<std::string>& nodes() const { return nodes_; }
  const std::vector<Triple>& triples() const { return triples_; }

 private:
  static std::set<Pair> Compose(const std::set<Pair>& a, const std::set<Pair>& b) {
    std::set<Pair> out;
    for (const Pair& x : a) {
      for (const Pair& y : b) {
        if (x.second == y.first) out.emplace(x.first, y.second);
      }
    }
    return out;
  }

  std::vector<Triple> triples_;
  std::set<std::string> nodes_;
};

struct Term {
  bool var = false;
  std::string name;  // variable name without '?', or constant
  std::string Text() const { return var ? "?" + name : name; }
};

struct Edge {
  bool forward = true;
  bool is_path = false;
  Term pred;  // plain edge: constant or variable
  Path path;
};

struct Chain {
  std::vector<Term> nodes;
  std::vector<Edge> edges;
};

class Generator {
 public:
  explicit Generator(uint32_t seed) : rng_(seed) {}

  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool Coin(int percent) { return Int(1, 100) <= percent; }

  std::vector<Triple> Graph(int nodes, int preds, int edges) {
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    std::vector<Triple> out;
    for (int i = 0; i < edges; ++i) {
      Triple t{"n" + std::to_string(Int(0, nodes - 1)), "p" + std::to_string(Int(0, preds - 1)),
               "n" + std::to_string(Int(0, nodes - 1))};
      if (seen.emplace(t.s, t.p, t.o).second) out.push_back(t);
    }
    return out;
  }

  Path RandomPath(int depth, int preds) {
    Path p;
    int choice = depth <= 0 ? 0 : Int(0, 5);
    switch (choice) {
      case 0:
      case 1:
        p.kind = Path::kPred;
        p.pred = "p" + std::to_string(Int(0, preds - 1));
        break;
      case 2:
        p.kind = Path::kInverse;
        p.kids.push_back(RandomPath(depth - 1, preds));
        break;
      case 3:
        p.kind = Path::kSeq;
        p.kids = {RandomPath(depth - 1, preds), RandomPath(depth - 1, preds)};
        break;
      case 4:
        p.kind = Path::kAlt;
        p.kids = {RandomPath(depth - 1, preds), RandomPath(depth - 1, preds)};
        break;
      default: {
        p.kind = Path::kRepeat;
        p.kids.push_back(RandomPath(depth - 1, preds));
        switch (Int(0, 4)) {
          case 0:
            p.min = 1;
            p.max = -1;
            break;
          case 1:
            p.min = 0;
            p.max = -1;
            break;
          case 2:
            p.min = 0;
            p.max = 1;
            break;
          case 3:
            p.min = Int(0, 2);
            p.max = p.min + Int(0, 2);
            break;
          default:
            p.min = Int(1, 3);
            p.max = -1;
            break;
        }
      }
    }
    return p;
  }

  Term Node(int nodes) {
    static const char* kVars[] = {"a", "b", "c", "d"};
    if (Coin(70)) return Term{true, kVars[Int(0, 3)]};
    return Term{false, "n" + std::to_string(Int(0, nodes - 1))};
  }

  Chain RandomChain(int nodes, int preds, bool paths) {
    Chain c;
    int len = Int(1, 2);
    c.nodes.push_back(Node(nodes));
    for (int i = 0; i < len; ++i) {
      Edge e;
      e.forward = Coin(70);
      if (paths && Coin(50)) {
        e.is_path = true;
        e.path = RandomPath(2, preds);
      } else if (Coin(20)) {
        e.pred = Term{true, "p" + std::to_string(Int(0, 1)) + "v"};
      } else {
        e.pred = Term{false, "p" + std::to_string(Int(0, preds - 1))};
      }
      c.edges.push_back(e);
      c.nodes.push_back(Node(nodes));
    }
    return c;
  }

 private:
  std::mt19937 rng_;
};

std::string ChainText(const Chain& c) {
  std::string out = c.nodes[0].Text();
  for (size_t i = 0; i < c.edges.size(); ++i) {
    const Edge& e = c.edges[i];
    std::string inside = e.is_path ? PathText(e.path) : e.pred.Text();
    out += e.forward ? " -" + inside + "-> " : " <-" + inside + "- ";
    out += c.nodes[i + 1].Text();
  }
  return out;
}

// Extends each binding with each matching tuple of one edge.
std::vector<Binding> JoinEdge(const std::vector<Binding>& in, const Naive& naive, const Term& s,
                              const Term& o, const Edge& e) {
  struct Tuple {
    std::string s, p, o;
  };
  std::vector<Tuple> tuples;
  if (e.is_path) {
    for (const Pair& x : naive.Relation(e.path)) tuples.push_back({x.first, "", x.second});
  } else {
    for (const Triple& t : naive.triples()) {
      if (!e.pred.var && t.p != e.pred.name) continue;
      tuples.push_back({t.s, t.p, t.o});
    }
  }
  std::vector<Binding> out;
  for (const Binding& b : in) {
    for (const Tuple& t : tuples) {
      Binding nb = b;
      auto bind = [&](const Term& term, const std::string& value) {
        if (!term.var) return term.name == value;
        auto it = nb.find(term.name);
        if (it == nb.end()) {
          nb[term.name] = value;
          return true;
        }
        return it->second == value;
      };
      bool ok = bind(s, t.s) && bind(o, t.o);
      if (ok && !e.is_path) ok = bind(e.pred, t.p);
      if (ok) out.push_back(std::move(nb));
    }
  }
  return out;
}

class DifferentialTest : public ::testing::TestWithParam<int> {};

TEST_P(DifferentialTest, EngineMatchesNaiveEvaluator) {
  Generator gen(static_cast<uint32_t>(GetParam()) * 7919u + 17u);
  int nodes = gen.Int(4, 9), preds = gen.Int(2, 3);
  std::vector<Triple> graph = gen.Graph(nodes, preds, gen.Int(6, 22));
  storage::MemorySource source;
  for (const Triple& t : graph) source.Add(Value::Entity(t.s), t.p, Value::Entity(t.o));
  // Make sure every predicate name exists so the query never names an
  // unknown predicate (that path is covered by the .test files).
  for (int p = 0; p < preds; ++p) source.Add(Value::Entity("x"), "p" + std::to_string(p), Value::Entity("y"));
  graph.clear();
  source.Finish();
  // Rebuild the naive graph from the source's own contents.
  for (const storage::IdTriple& t : source.Triples()) {
    graph.push_back({source.GetTerm(t.s)->text(), source.GetTerm(t.p)->text(), source.GetTerm(t.o)->text()});
  }
  Naive naive(graph);

  for (int q = 0; q < 30; ++q) {
    std::vector<Chain> chains;
    int n = gen.Int(1, 2);
    bool paths = gen.Coin(60);
    for (int i = 0; i < n; ++i) chains.push_back(gen.RandomChain(nodes, preds, paths));
    // Variables in order of first appearance.
    std::vector<std::string> vars;
    auto note = [&](const Term& t) {
      if (t.var && std::find(vars.begin(), vars.end(), t.name) == vars.end()) vars.push_back(t.name);
    };
    for (const Chain& c : chains) {
      for (size_t i = 0; i < c.nodes.size(); ++i) {
        note(c.nodes[i]);
        if (i < c.edges.size() && !c.edges[i].is_path) note(c.edges[i].pred);
      }
    }
    if (vars.empty()) continue;
    bool distinct = gen.Coin(25);
    std::string text = "MATCH ";
    for (size_t i = 0; i < chains.size(); ++i) text += (i ? ", " : "") + ChainText(chains[i]);
    text += distinct ? " RETURN DISTINCT " : " RETURN ";
    for (size_t i = 0; i < vars.size(); ++i) text += (i ? ", ?" : "?") + vars[i];
    SCOPED_TRACE(text);

    std::vector<Binding> bindings = {Binding{}};
    for (const Chain& c : chains) {
      for (size_t i = 0; i < c.edges.size(); ++i) {
        const Edge& e = c.edges[i];
        const Term& s = e.forward ? c.nodes[i] : c.nodes[i + 1];
        const Term& o = e.forward ? c.nodes[i + 1] : c.nodes[i];
        bindings = JoinEdge(bindings, naive, s, o, e);
      }
    }
    std::vector<std::vector<std::string>> want;
    for (const Binding& b : bindings) {
      std::vector<std::string> row;
      for (const std::string& v : vars) row.push_back(b.at(v));
      want.push_back(row);
    }
    std::sort(want.begin(), want.end());
    if (distinct) want.erase(std::unique(want.begin(), want.end()), want.end());

    // Once scanning the indexes, once answering from in-memory pair tables
    // (TripleSource::HotPairs), as a store does for predicates in repeated use.
    for (bool tables : {false, true}) {
      SCOPED_TRACE(tables ? "with pair tables" : "scanning");
      source.set_pair_tables(tables);
      Result<QueryResult> got = query::Execute(text, source);
      ASSERT_TRUE(got.ok()) << RenderError(got.status(), text);
      std::vector<std::vector<std::string>> rows;
      for (const auto& r : got->rows) {
        std::vector<std::string> row;
        for (const Value& v : r) row.push_back(v.ToString());
        rows.push_back(row);
      }
      std::sort(rows.begin(), rows.end());
      ASSERT_EQ(want, rows);

      if (!distinct) {
        // The same patterns counted (count-only plans skip producing rows).
        std::string count_text = text.substr(0, text.find(" RETURN ")) + " RETURN COUNT(*) AS n";
        Result<QueryResult> counted = query::Execute(count_text, source);
        ASSERT_TRUE(counted.ok()) << RenderError(counted.status(), count_text);
        ASSERT_EQ(counted->rows.size(), 1u);
        EXPECT_EQ(counted->rows[0][0].integer(), static_cast<int64_t>(want.size())) << count_text;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Graphs, DifferentialTest, ::testing::Range(0, 100));

}  // namespace
}  // namespace kg::testing
