#include "cli/dot.h"

#include <deque>
#include <map>
#include <set>
#include <string_view>

namespace kg::cli {

namespace {

// Predicates that give an entity's type: the loader's and RDF's `is_a`, and
// `type`, under which storage keeps EntityData::type.
bool IsTypePredicate(std::string_view p) { return p == "is_a" || p == "type"; }

// A key that tells values of different kinds apart ("Japan" the entity vs
// "Japan" the string).
std::string ValueKey(const Value& v) {
  std::string key(v.KindName());
  key += '\x1f';
  key += v.ToString();
  return key;
}

std::string TripleKey(const Triple& t) {
  return ValueKey(t.subject) + '\x1e' + t.predicate + '\x1e' + ValueKey(t.object);
}

}  // namespace

std::string DotQuote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      continue;
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

Result<std::vector<Triple>> CollectAround(const ScanFn& scan, const std::string& entity, int depth,
                                          size_t max_triples) {
  std::vector<Triple> result;
  std::set<std::string> seen_triples;
  std::set<std::string> visited;
  std::deque<std::pair<Value, int>> frontier;
  frontier.emplace_back(Value::Entity(entity), 0);
  visited.insert(ValueKey(Value::Entity(entity)));
  bool truncated = false;
  bool any = false;
  while (!frontier.empty() && !truncated) {
    auto [node, dist] = frontier.front();
    frontier.pop_front();
    if (dist >= depth) continue;
    auto visit = [&](const Triple& t) {
      any = true;
      if (!seen_triples.insert(TripleKey(t)).second) return true;
      if (result.size() >= max_triples) {
        truncated = true;
        return false;
      }
      result.push_back(t);
      for (const Value* next : {&t.subject, &t.object}) {
        if (next->kind() == ValueKind::kEntity && visited.insert(ValueKey(*next)).second) {
          frontier.emplace_back(*next, dist + 1);
        }
      }
      return true;
    };
    TriplePattern out_edges;
    out_edges.subject = node;
    if (Status s = scan(out_edges, visit); !s.ok()) return s;
    if (truncated) break;
    TriplePattern in_edges;
    in_edges.object = node;
    if (Status s = scan(in_edges, visit); !s.ok()) return s;
  }
  if (!any && depth > 0) {
    return Status::NotFound("no entity '" + entity + "' in the database (or it has no facts)");
  }
  return result;
}

void WriteDot(const std::vector<Triple>& triples, std::ostream& out, const std::string& graph_name) {
  // Node ids in first-appearance order, so the output is stable.
  std::map<std::string, size_t> ids;
  std::vector<const Value*> nodes;
  std::map<std::string, std::vector<std::string>> types;  // entity key -> types
  auto node_id = [&](const Value& v) {
    auto [it, inserted] = ids.emplace(ValueKey(v), nodes.size());
    if (inserted) nodes.push_back(&v);
    return it->second;
  };
  struct Edge {
    size_t from, to;
    std::string label;
  };
  std::vector<Edge> edges;
  for (const Triple& t : triples) {
    size_t s = node_id(t.subject);
    if (IsTypePredicate(t.predicate)) {
      auto& list = types[ValueKey(t.subject)];
      std::string type = t.object.ToString();
      bool dup = false;
      for (const auto& existing : list) dup = dup || existing == type;
      if (!dup) list.push_back(type);
      continue;
    }
    size_t o = node_id(t.object);
    edges.push_back({s, o, t.predicate});
  }
  out << "digraph " << DotQuote(graph_name) << " {\n";
  out << "  rankdir=LR;\n";
  out << "  node [fontname=\"Helvetica\"];\n";
  out << "  edge [fontname=\"Helvetica\", fontsize=10];\n";
  for (size_t i = 0; i < nodes.size(); ++i) {
    const Value& v = *nodes[i];
    std::string label = v.ToString();
    std::string attrs;
    if (v.kind() == ValueKind::kEntity) {
      auto it = types.find(ValueKey(v));
      if (it != types.end()) {
        label += "\n(";
        for (size_t k = 0; k < it->second.size(); ++k) label += (k ? ", " : "") + it->second[k];
        label += ")";
      }
      attrs = "shape=ellipse";
    } else {
      attrs = "shape=box, style=rounded, color=gray40";
    }
    out << "  n" << i << " [label=" << DotQuote(label) << ", " << attrs << "];\n";
  }
  for (const Edge& e : edges) {
    out << "  n" << e.from << " -> n" << e.to << " [label=" << DotQuote(e.label) << "];\n";
  }
  out << "}\n";
}

}  // namespace kg::cli
