#include "query/binder/binder.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

namespace kg::query {

bool BoundPattern::Impossible() const {
  if (s.unknown || o.unknown || p.unknown || (has_article && article.unknown)) return true;
  if (is_path) {
    // A path can still match through its other branches or zero-length
    // repetitions; only a plain unknown predicate rules it out entirely.
    return path.kind == BoundPath::Kind::kPredicate && path.predicate == kNoTerm;
  }
  return false;
}

std::vector<VarId> BoundPattern::Vars() const {
  std::vector<VarId> out;
  for (const BoundTerm* t : {&s, &p, &o}) {
    if (t->is_var()) out.push_back(t->var);
  }
  if (has_article && article.is_var()) out.push_back(article.var);
  return out;
}

void BoundExpr::CollectVars(std::vector<VarId>* out) const {
  if (kind == Kind::kVariable) out->push_back(var);
  for (const BoundExpr& c : children) c.CollectVars(out);
}

size_t EditDistance(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

namespace {

// Upper bound on names read for a "did you mean" hint.
constexpr size_t kHintScanLimit = 50000;
// Unknown names per statement that get "did you mean" suggestions; the rest
// are reported without. Each suggestion compares the name with up to
// kHintScanLimit others (~36 ms on a 162k-entity store), so a long IN list of
// unknown names would otherwise take seconds.
constexpr size_t kMaxSuggestions = 5;

std::string Nearest(std::string_view name, const std::vector<std::string>& candidates) {
  size_t budget = std::max<size_t>(2, name.size() / 3);
  std::vector<std::pair<size_t, std::string>> best;
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  auto starts_with = [&](std::string_view whole, std::string_view prefix) {
    if (prefix.size() < 3 || prefix.size() > whole.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      if (lower(whole[i]) != lower(prefix[i])) return false;
    }
    return true;
  };
  for (const std::string& c : candidates) {
    // A name the user typed only the beginning of ("Micro", "invests") is
    // suggested after the close misspellings.
    if (starts_with(c, name) || starts_with(name, c)) {
      best.emplace_back(budget + 1, c);
      continue;
    }
    if (c.size() > name.size() + budget || name.size() > c.size() + budget) continue;
    size_t d = EditDistance(name, c);
    if (d <= budget) best.emplace_back(d, c);
  }
  std::sort(best.begin(), best.end());
  std::string out;
  std::set<std::string> seen;
  for (auto& [d, c] : best) {
    if (seen.size() == 3) break;
    if (!seen.insert(c).second) continue;
    if (!out.empty()) out += ", ";
    out += c;
  }
  return out;
}

class Binder {
 public:
  Binder(const ParsedStatement& st, const storage::TripleSource& source) : st_(st), source_(source) {}

  Result<BoundQuery> Run() {
    q_.kind = st_.kind;
    q_.explain = st_.explain;
    if (st_.kind == ParsedStatement::Kind::kCompare) {
      KG_RETURN_IF_ERROR(BindCompare());
      return std::move(q_);
    }
    // Bare names used as pattern nodes, for "did you mean ?x" hints.
    for (const ParsedPattern& p : st_.patterns) NoteNames(p);
    for (const auto& group : st_.optionals) {
      for (const ParsedPattern& p : group) NoteNames(p);
    }
    for (const ParsedPattern& p : st_.patterns) KG_RETURN_IF_ERROR(BindPattern(p, &q_.patterns));
    for (VarId v = 0; v < static_cast<VarId>(q_.var_names.size()); ++v) mandatory_.insert(v);
    for (const auto& group : st_.optionals) {
      q_.optionals.emplace_back();
      for (const ParsedPattern& p : group) KG_RETURN_IF_ERROR(BindPattern(p, &q_.optionals.back()));
    }
    if (st_.kind == ParsedStatement::Kind::kWhy) {
      for (const BoundPattern& p : q_.patterns) {
        if (p.is_path) {
          return Status::InvalidArgument("WHY explains plain facts; it cannot follow a path")
              .WithSpan(p.span)
              .WithHint("use a plain predicate such as -invests_in->");
        }
      }
    }
    if (st_.where) KG_RETURN_IF_ERROR(BindWhere(*st_.where));
    if (st_.kind == ParsedStatement::Kind::kMatch) KG_RETURN_IF_ERROR(BindReturn());
    return std::move(q_);
  }

 private:
  void NoteNames(const ParsedPattern& p) {
    for (const ParsedNode& n : p.nodes) {
      if (n.kind == ParsedNode::Kind::kName) bare_names_.insert(n.text);
    }
  }

  VarId Slot(const std::string& name) {
    auto it = slots_.find(name);
    if (it != slots_.end()) return it->second;
    VarId v = static_cast<VarId>(q_.var_names.size());
    q_.var_names.push_back(name);
    slots_.emplace(name, v);
    return v;
  }

  void Hint(std::string h) {
    if (std::find(q_.hints.begin(), q_.hints.end(), h) == q_.hints.end()) q_.hints.push_back(std::move(h));
  }

  // The nearest of `candidates` to `name` while the statement's suggestion
  // allowance lasts, else empty.
  std::string Suggest(const std::string& name, const std::vector<std::string>& candidates) {
    if (suggestions_ >= kMaxSuggestions) return "";
    ++suggestions_;
    q_.hint_work += candidates.size();
    return Nearest(name, candidates);
  }

  // Entity names for suggestions, read once per statement.
  const std::vector<std::string>& EntityNamesForHints() {
    if (!entity_names_) entity_names_ = source_.EntityNames("", kHintScanLimit);
    return *entity_names_;
  }

  void UnknownEntity(const std::string& name) {
    std::string near = suggestions_ < kMaxSuggestions ? Suggest(name, EntityNamesForHints()) : "";
    Hint("no entity '" + name + "'" + (near.empty() ? "" : "; did you mean " + near + "?"));
  }

  void UnknownPredicate(const std::string& name) {
    // Entity types were stored under `type` before format version 4; they
    // are `is_a` now, as classes are (docs/vocabulary.md).
    std::string folded = name;
    for (char& c : folded) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (folded == "type") {
      Hint("no predicate '" + name + "'; entity types are is_a: did you mean is_a?");
      return;
    }
    std::string near = suggestions_ < kMaxSuggestions ? Suggest(name, source_.PredicateNames()) : "";
    Hint("no predicate '" + name + "'" + (near.empty() ? "" : "; did you mean " + near + "?"));
  }

  void UnknownArticle(const std::string& name) {
    if (suggestions_ >= kMaxSuggestions) {
      Hint("no article '" + name + "'");
      return;
    }
    std::vector<std::string> names;
    for (TermId id : source_.AllArticles()) {
      Result<Value> v = source_.GetTerm(id);
      if (v.ok()) names.push_back(v->text());
    }
    std::string near = Suggest(name, names);
    if (near.empty() && !names.empty()) {
      for (size_t i = 0; i < names.size() && i < 5; ++i) near += (i ? ", " : "") + names[i];
      Hint("no article '" + name + "'; known articles: " + near);
      return;
    }
    Hint("no article '" + name + "'" + (near.empty() ? "" : "; did you mean " + near + "?"));
  }

  BoundTerm BindNode(const ParsedNode& n) {
    BoundTerm t;
    switch (n.kind) {
      case ParsedNode::Kind::kVariable:
        t.var = Slot(n.text);
        t.label = "?" + n.text;
        break;
      case ParsedNode::Kind::kName:
        t.id = source_.FindEntity(n.text);
        t.label = n.text;
        if (t.id == kNoTerm) {
          t.unknown = true;
          UnknownEntity(n.text);
        }
        break;
      case ParsedNode::Kind::kString:
        t.id = source_.FindEntity(n.text);
        if (t.id == kNoTerm) t.id = source_.FindLiteral(Value::String(n.text));
        t.label = "\"" + n.text + "\"";
        if (t.id == kNoTerm) {
          t.unknown = true;
          UnknownEntity(n.text);
        }
        break;
      case ParsedNode::Kind::kLiteral:
        t.id = source_.FindLiteral(n.literal);
        t.label = n.literal.ToString();
        t.unknown = t.id == kNoTerm;
        break;
    }
    return t;
  }

  Status BindPath(const ParsedPath& p, BoundPath* out, std::string* label) {
    switch (p.kind) {
      case ParsedPath::Kind::kPredicate:
        out->kind = BoundPath::Kind::kPredicate;
        out->predicate = source_.FindPredicate(p.name);
        if (out->predicate == kNoTerm) UnknownPredicate(p.name);
        *label += p.name;
        return Status::OK();
      case ParsedPath::Kind::kVariable:
        return Status::InvalidArgument("a predicate variable cannot be part of a path expression")
            .WithSpan(p.span)
            .WithHint("use ?" + p.name + " alone inside the arrow: -?" + p.name + "->");
      case ParsedPath::Kind::kInverse: {
        out->kind = BoundPath::Kind::kInverse;
        *label += "^";
        out->children.emplace_back();
        return BindPath(p.children[0], &out->children[0], label);
      }
      case ParsedPath::Kind::kSequence:
      case ParsedPath::Kind::kAlternative: {
        bool alt = p.kind == ParsedPath::Kind::kAlternative;
        out->kind = alt ? BoundPath::Kind::kAlternative : BoundPath::Kind::kSequence;
        *label += "(";
        for (size_t i = 0; i < p.children.size(); ++i) {
          if (i) *label += alt ? "|" : "/";
          out->children.emplace_back();
          KG_RETURN_IF_ERROR(BindPath(p.children[i], &out->children.back(), label));
        }
        *label += ")";
        return Status::OK();
      }
      case ParsedPath::Kind::kRepeat: {
        out->kind = BoundPath::Kind::kRepeat;
        out->min = p.min;
        out->max = p.max;
        out->children.emplace_back();
        KG_RETURN_IF_ERROR(BindPath(p.children[0], &out->children[0], label));
        if (p.min == 1 && p.max == kUnboundedRepeat) {
          *label += "+";
        } else if (p.min == 0 && p.max == kUnboundedRepeat) {
          *label += "*";
        } else if (p.min == 0 && p.max == 1) {
          *label += "?";
        } else {
          *label += "{" + std::to_string(p.min) + "," +
                    (p.max == kUnboundedRepeat ? "" : std::to_string(p.max)) + "}";
        }
        return Status::OK();
      }
    }
    return Status::OK();
  }

  Status BindPattern(const ParsedPattern& pp, std::vector<BoundPattern>* out) {
    std::vector<BoundTerm> nodes;
    for (size_t i = 0; i < pp.nodes.size(); ++i) {
      nodes.push_back(BindNode(pp.nodes[i]));
      if (i < pp.edges.size()) {
        // Bind the predicate between the nodes so slots follow first appearance.
        const ParsedEdge& e = pp.edges[i];
        BoundPattern b;
        b.span = e.span;
        if (e.path.kind == ParsedPath::Kind::kVariable) {
          b.p.var = Slot(e.path.name);
          b.p.label = "?" + e.path.name;
        } else if (e.path.kind == ParsedPath::Kind::kPredicate) {
          b.p.id = source_.FindPredicate(e.path.name);
          b.p.label = e.path.name;
          if (b.p.id == kNoTerm) {
            b.p.unknown = true;
            UnknownPredicate(e.path.name);
          }
        } else {
          b.is_path = true;
          KG_RETURN_IF_ERROR(BindPath(e.path, &b.path, &b.p.label));
        }
        edges_.push_back(std::move(b));
      }
    }
    BoundTerm article;
    if (pp.article) {
      const ParsedNode& a = *pp.article;
      if (a.kind == ParsedNode::Kind::kVariable) {
        article.var = Slot(a.text);
        article.label = "?" + a.text;
      } else {
        article.id = source_.FindArticle(a.text);
        article.label = "\"" + a.text + "\"";
        if (article.id == kNoTerm) {
          article.unknown = true;
          UnknownArticle(a.text);
        }
      }
    }
    for (size_t i = 0; i < edges_.size(); ++i) {
      BoundPattern& b = edges_[i];
      bool forward = pp.edges[i].forward;
      b.s = forward ? nodes[i] : nodes[i + 1];
      b.o = forward ? nodes[i + 1] : nodes[i];
      if (pp.article) {
        b.has_article = true;
        b.article = article;
      }
      b.text = b.s.label + " -" + b.p.label + "-> " + b.o.label;
      if (b.has_article) b.text += " @ " + b.article.label;
      out->push_back(std::move(b));
    }
    edges_.clear();
    return Status::OK();
  }

  bool HasVar(const std::string& name) const { return slots_.count(name) != 0; }

  Status UnboundVariable(const std::string& name, SourceSpan span) {
    Status s = Status::InvalidArgument("variable ?" + name + " is not bound by any pattern").WithSpan(span);
    if (bare_names_.count(name)) {
      s.WithHint("'" + name + "' in the pattern is a name; write ?" + name + " there to make it a variable");
    } else if (!q_.var_names.empty()) {
      std::string near = Nearest(name, q_.var_names);
      if (!near.empty()) s.WithHint("did you mean ?" + near.substr(0, near.find(',')) + "?");
    }
    return s;
  }

  static bool IsCondition(const BoundExpr& e) {
    switch (e.kind) {
      case BoundExpr::Kind::kConstant:
        return e.value.kind() == ValueKind::kBool;
      case BoundExpr::Kind::kVariable:
        return false;
      case BoundExpr::Kind::kCall:
        return e.fn == "bound";
      default:
        return true;
    }
  }

  Status Condition(const ParsedExpr& p, BoundExpr* out) {
    KG_RETURN_IF_ERROR(BindExpr(p, out));
    if (!IsCondition(*out)) {
      return Status::InvalidArgument("a condition needs a comparison")
          .WithSpan(p.span)
          .WithHint("compare values, e.g. ?amount > 1000000 or ?name CONTAINS \"Cloud\"");
    }
    return Status::OK();
  }

  Status BindExpr(const ParsedExpr& p, BoundExpr* out) {
    out->span = p.span;
    switch (p.kind) {
      case ParsedExpr::Kind::kVariable:
        if (!HasVar(p.name)) return UnboundVariable(p.name, p.span);
        out->kind = BoundExpr::Kind::kVariable;
        out->var = slots_[p.name];
        out->text = "?" + p.name;
        return Status::OK();
      case ParsedExpr::Kind::kName: {
        out->kind = BoundExpr::Kind::kConstant;
        out->term = source_.FindEntity(p.name);
        // A bare name may also be a predicate (`WHERE ?p = invests_in`).
        if (out->term == kNoTerm) out->term = source_.FindPredicate(p.name);
        out->text = p.name;
        if (out->term == kNoTerm) {
          if (HasVar(p.name)) {
            return Status::InvalidArgument("'" + p.name + "' is not a variable")
                .WithSpan(p.span)
                .WithHint("variables start with '?': write ?" + p.name);
          }
          UnknownEntity(p.name);
          out->value = Value::Entity(p.name);
        } else {
          Result<Value> v = source_.GetTerm(out->term);
          out->value = v.ok() ? *v : Value::Entity(p.name);
        }
        return Status::OK();
      }
      case ParsedExpr::Kind::kString:
        out->kind = BoundExpr::Kind::kConstant;
        out->value = Value::String(p.name);
        out->term = source_.FindEntity(p.name);
        out->text = "\"" + p.name + "\"";
        return Status::OK();
      case ParsedExpr::Kind::kLiteral:
        out->kind = BoundExpr::Kind::kConstant;
        out->value = p.literal;
        out->term = source_.FindLiteral(p.literal);
        out->text = p.literal.ToString();
        return Status::OK();
      case ParsedExpr::Kind::kAnd:
      case ParsedExpr::Kind::kOr:
      case ParsedExpr::Kind::kNot: {
        out->kind = p.kind == ParsedExpr::Kind::kAnd  ? BoundExpr::Kind::kAnd
                    : p.kind == ParsedExpr::Kind::kOr ? BoundExpr::Kind::kOr
                                                      : BoundExpr::Kind::kNot;
        std::string sep = p.kind == ParsedExpr::Kind::kAnd ? " AND " : " OR ";
        for (const ParsedExpr& c : p.children) {
          out->children.emplace_back();
          KG_RETURN_IF_ERROR(Condition(c, &out->children.back()));
        }
        if (out->kind == BoundExpr::Kind::kNot) {
          out->text = "NOT " + out->children[0].text;
        } else {
          out->text = "(";
          for (size_t i = 0; i < out->children.size(); ++i)
            out->text += (i ? sep : "") + out->children[i].text;
          out->text += ")";
        }
        return Status::OK();
      }
      case ParsedExpr::Kind::kCompare:
      case ParsedExpr::Kind::kContains:
      case ParsedExpr::Kind::kStartsWith:
      case ParsedExpr::Kind::kEndsWith:
      case ParsedExpr::Kind::kIn:
      case ParsedExpr::Kind::kIsNull: {
        static const char* kOps[] = {"=", "!=", "<", "<=", ">", ">="};
        switch (p.kind) {
          case ParsedExpr::Kind::kCompare:
            out->kind = BoundExpr::Kind::kCompare;
            break;
          case ParsedExpr::Kind::kContains:
            out->kind = BoundExpr::Kind::kContains;
            break;
          case ParsedExpr::Kind::kStartsWith:
            out->kind = BoundExpr::Kind::kStartsWith;
            break;
          case ParsedExpr::Kind::kEndsWith:
            out->kind = BoundExpr::Kind::kEndsWith;
            break;
          case ParsedExpr::Kind::kIn:
            out->kind = BoundExpr::Kind::kIn;
            break;
          default:
            out->kind = BoundExpr::Kind::kIsNull;
            break;
        }
        out->op = p.op;
        out->negated = p.negated;
        for (const ParsedExpr& c : p.children) {
          out->children.emplace_back();
          KG_RETURN_IF_ERROR(BindExpr(c, &out->children.back()));
          if (IsCondition(out->children.back()) && out->children.back().kind != BoundExpr::Kind::kConstant) {
            return Status::InvalidArgument("a condition cannot be compared").WithSpan(c.span);
          }
        }
        const std::string& a = out->children[0].text;
        std::string neg = p.negated ? "NOT " : "";
        switch (out->kind) {
          case BoundExpr::Kind::kCompare:
            out->text = a + " " + kOps[static_cast<int>(p.op)] + " " + out->children[1].text;
            break;
          case BoundExpr::Kind::kContains:
            out->text = a + " " + neg + "CONTAINS " + out->children[1].text;
            break;
          case BoundExpr::Kind::kStartsWith:
            out->text = a + " " + neg + "STARTS WITH " + out->children[1].text;
            break;
          case BoundExpr::Kind::kEndsWith:
            out->text = a + " " + neg + "ENDS WITH " + out->children[1].text;
            break;
          case BoundExpr::Kind::kIn: {
            out->text = a + " " + neg + "IN [";
            for (size_t i = 1; i < out->children.size(); ++i)
              out->text += (i > 1 ? ", " : "") + out->children[i].text;
            out->text += "]";
            break;
          }
          default:
            out->text = a + " IS " + neg + "NULL";
            break;
        }
        return Status::OK();
      }
      case ParsedExpr::Kind::kAggregate:
        return Status::InvalidArgument("aggregate functions are not allowed here")
            .WithSpan(p.span)
            .WithHint("aggregates (COUNT, SUM, MIN, MAX, AVG) belong in RETURN or ORDER BY, not in WHERE");
      case ParsedExpr::Kind::kCall: {
        static const std::map<std::string, size_t> kFunctions = {
            {"bound", 1}, {"lower", 1}, {"upper", 1}, {"str", 1}, {"year", 1}};
        auto it = kFunctions.find(p.name);
        if (it == kFunctions.end()) {
          return Status::InvalidArgument("unknown function '" + p.name + "'")
              .WithSpan(p.span)
              .WithHint("known functions: bound, lower, upper, str, year, date");
        }
        if (p.children.size() != it->second) {
          return Status::InvalidArgument(p.name + "() takes " + std::to_string(it->second) + " argument")
              .WithSpan(p.span);
        }
        out->kind = BoundExpr::Kind::kCall;
        out->fn = p.name;
        for (const ParsedExpr& c : p.children) {
          out->children.emplace_back();
          KG_RETURN_IF_ERROR(BindExpr(c, &out->children.back()));
        }
        if (p.name == "bound" && out->children[0].kind != BoundExpr::Kind::kVariable) {
          return Status::InvalidArgument("bound() takes a variable").WithSpan(p.span);
        }
        out->text = p.name + "(" + out->children[0].text + ")";
        return Status::OK();
      }
    }
    return Status::OK();
  }

  Status BindWhere(const ParsedExpr& where) {
    std::vector<const ParsedExpr*> conjuncts;
    std::vector<const ParsedExpr*> stack = {&where};
    while (!stack.empty()) {
      const ParsedExpr* e = stack.back();
      stack.pop_back();
      if (e->kind == ParsedExpr::Kind::kAnd) {
        for (auto it = e->children.rbegin(); it != e->children.rend(); ++it) stack.push_back(&*it);
      } else {
        conjuncts.push_back(e);
      }
    }
    std::set<VarId> seeded;
    for (const ParsedExpr* c : conjuncts) {
      BoundExpr b;
      KG_RETURN_IF_ERROR(Condition(*c, &b));
      // Constant pushdown: `?v = Name` with a known entity binds ?v before
      // the scans, so patterns on ?v become lookups.
      if (b.kind == BoundExpr::Kind::kCompare && b.op == CompareOp::kEq) {
        const BoundExpr* var = nullptr;
        const BoundExpr* cst = nullptr;
        for (const BoundExpr& side : b.children) {
          if (side.kind == BoundExpr::Kind::kVariable) var = &side;
          if (side.kind == BoundExpr::Kind::kConstant) cst = &side;
        }
        if (var && cst && cst->term != kNoTerm && cst->value.kind() == ValueKind::kEntity &&
            mandatory_.count(var->var) && !seeded.count(var->var)) {
          seeded.insert(var->var);
          q_.seeds.emplace_back(var->var, cst->term);
          q_.seed_text.push_back(var->text + " = " + cst->text);
          continue;
        }
      }
      q_.filters.push_back(std::move(b));
    }
    return Status::OK();
  }

  Status BindAggregate(const ParsedExpr& p, BoundAggregate* out) {
    out->kind = p.aggregate;
    out->distinct = p.distinct;
    out->star = p.star;
    if (!p.star) {
      const ParsedExpr& arg = p.children[0];
      if (arg.kind == ParsedExpr::Kind::kAggregate) {
        return Status::InvalidArgument("aggregate functions cannot be nested").WithSpan(arg.span);
      }
      if (arg.kind == ParsedExpr::Kind::kName && HasVar(arg.name)) {
        return Status::InvalidArgument("'" + arg.name + "' is not a variable")
            .WithSpan(arg.span)
            .WithHint("variables start with '?': write ?" + arg.name);
      }
      if (arg.kind != ParsedExpr::Kind::kVariable) {
        return Status::InvalidArgument("an aggregate takes a variable or '*'").WithSpan(arg.span);
      }
      if (!HasVar(arg.name)) return UnboundVariable(arg.name, arg.span);
      out->var = slots_[arg.name];
    }
    return Status::OK();
  }

  static std::string AggregateName(const BoundAggregate& a, const std::vector<std::string>& vars) {
    static const char* kNames[] = {"count", "sum", "min", "max", "avg"};
    std::string n = kNames[static_cast<int>(a.kind)];
    if (a.star) return n;
    return n + "_" + vars[a.var];
  }

  static bool SameAggregate(const BoundAggregate& a, const BoundAggregate& b) {
    return a.kind == b.kind && a.distinct == b.distinct && a.star == b.star && a.var == b.var;
  }

  Status BindReturn() {
    if (!st_.has_return && q_.var_names.empty()) {
      // A pattern without variables asks whether (how often) it holds.
      BoundAggregate count;
      count.star = true;
      q_.aggregates.push_back(count);
      q_.has_aggregates = true;
      q_.columns.push_back(BoundColumn{"matches", kNoVar, 0});
    } else if (!st_.has_return || st_.return_star) {
      for (VarId v = 0; v < static_cast<VarId>(q_.var_names.size()); ++v) {
        q_.columns.push_back(BoundColumn{q_.var_names[v], v, -1});
      }
    } else {
      for (const ParsedReturnItem& item : st_.items) {
        BoundColumn col;
        const ParsedExpr& e = item.expr;
        if (e.kind == ParsedExpr::Kind::kVariable) {
          if (!HasVar(e.name)) return UnboundVariable(e.name, e.span);
          col.var = slots_[e.name];
          col.name = e.name;
        } else if (e.kind == ParsedExpr::Kind::kAggregate) {
          BoundAggregate a;
          KG_RETURN_IF_ERROR(BindAggregate(e, &a));
          col.aggregate = static_cast<int>(q_.aggregates.size());
          col.name = AggregateName(a, q_.var_names);
          q_.aggregates.push_back(a);
          q_.has_aggregates = true;
        } else if (e.kind == ParsedExpr::Kind::kName) {
          Status s = Status::InvalidArgument("'" + e.name + "' is not a variable").WithSpan(e.span);
          return s.WithHint("variables start with '?': write ?" + e.name);
        } else {
          return Status::InvalidArgument("RETURN lists variables and aggregates")
              .WithSpan(e.span)
              .WithHint("e.g. RETURN ?c, COUNT(?k) AS n");
        }
        if (!item.alias.empty()) col.name = item.alias;
        for (const BoundColumn& other : q_.columns) {
          if (other.name == col.name) {
            return Status::InvalidArgument("duplicate column name '" + col.name + "'")
                .WithSpan(item.span)
                .WithHint("rename one of them with AS");
          }
        }
        q_.columns.push_back(std::move(col));
      }
    }
    q_.visible_columns = q_.columns.size();
    q_.distinct = st_.distinct;
    for (const ParsedOrderItem& item : st_.order) {
      BoundOrder o;
      o.descending = item.descending;
      KG_ASSIGN_OR_RETURN(o.column, OrderColumn(item.expr));
      q_.order.push_back(o);
    }
    q_.limit = st_.limit;
    q_.offset = st_.offset.value_or(0);
    return Status::OK();
  }

  Result<size_t> OrderColumn(const ParsedExpr& e) {
    auto by_name = [&](const std::string& name) -> int {
      for (size_t i = 0; i < q_.visible_columns; ++i) {
        if (q_.columns[i].name == name) return static_cast<int>(i);
      }
      return -1;
    };
    if (e.kind == ParsedExpr::Kind::kVariable) {
      if (HasVar(e.name)) {
        VarId v = slots_[e.name];
        for (size_t i = 0; i < q_.visible_columns; ++i) {
          if (q_.columns[i].var == v) return i;
        }
      }
      int i = by_name(e.name);
      if (i >= 0) return static_cast<size_t>(i);
      if (!HasVar(e.name)) return UnboundVariable(e.name, e.span);
      if (q_.has_aggregates) {
        return Status::InvalidArgument("ORDER BY ?" + e.name +
                                       " must be a returned column in a query with aggregates")
            .WithSpan(e.span)
            .WithHint("add ?" + e.name + " to RETURN to group by it");
      }
      if (q_.distinct) {
        return Status::InvalidArgument("with DISTINCT, ORDER BY ?" + e.name + " must be a returned column")
            .WithSpan(e.span);
      }
      q_.columns.push_back(BoundColumn{e.name, slots_[e.name], -1});
      return q_.columns.size() - 1;
    }
    if (e.kind == ParsedExpr::Kind::kName) {
      int i = by_name(e.name);
      if (i >= 0) return static_cast<size_t>(i);
      Status s =
          Status::InvalidArgument("ORDER BY '" + e.name + "' is not a returned column").WithSpan(e.span);
      if (HasVar(e.name)) s.WithHint("variables start with '?': write ?" + e.name);
      return s;
    }
    if (e.kind == ParsedExpr::Kind::kAggregate) {
      if (!q_.has_aggregates) {
        return Status::InvalidArgument("ORDER BY an aggregate needs an aggregate in RETURN").WithSpan(e.span);
      }
      BoundAggregate a;
      KG_RETURN_IF_ERROR(BindAggregate(e, &a));
      for (size_t i = 0; i < q_.columns.size(); ++i) {
        int ai = q_.columns[i].aggregate;
        if (ai >= 0 && SameAggregate(q_.aggregates[ai], a)) return i;
      }
      q_.columns.push_back(
          BoundColumn{AggregateName(a, q_.var_names), kNoVar, static_cast<int>(q_.aggregates.size())});
      q_.aggregates.push_back(a);
      return q_.columns.size() - 1;
    }
    return Status::InvalidArgument("ORDER BY takes returned columns, variables or aggregates")
        .WithSpan(e.span);
  }

  Status BindCompare() {
    auto article = [&](const ParsedNode& n, TermId* id, std::string* name) {
      *name = n.text;
      *id = source_.FindArticle(n.text);
      if (*id == kNoTerm) UnknownArticle(n.text);
    };
    article(st_.article_a, &q_.article_a, &q_.name_a);
    article(st_.article_b, &q_.article_b, &q_.name_b);
    if (st_.about) {
      if (st_.about->kind == ParsedNode::Kind::kVariable) {
        return Status::InvalidArgument("ABOUT takes an entity name, not a variable")
            .WithSpan(st_.about->span);
      }
      q_.has_about = true;
      q_.about = BindNode(*st_.about);
    }
    q_.compare_all = st_.compare_all;
    q_.compare_why = st_.compare_why;
    for (const char* c : {"status", "subject", "predicate", "object_in_A", "object_in_B"}) {
      q_.columns.push_back(BoundColumn{c, kNoVar, -1});
    }
    if (q_.compare_why) {
      for (const char* c : {"evidence_A", "evidence_B"}) q_.columns.push_back(BoundColumn{c, kNoVar, -1});
    }
    q_.visible_columns = q_.columns.size();
    return Status::OK();
  }

  const ParsedStatement& st_;
  const storage::TripleSource& source_;
  BoundQuery q_;
  std::map<std::string, VarId> slots_;
  std::set<VarId> mandatory_;
  std::set<std::string> bare_names_;
  size_t suggestions_ = 0;  // unknown names given suggestions so far
  std::optional<std::vector<std::string>> entity_names_;
  std::vector<BoundPattern> edges_;
};

}  // namespace

Result<BoundQuery> Bind(const ParsedStatement& statement, const storage::TripleSource& source) {
  Binder binder(statement, source);
  return binder.Run();
}

}  // namespace kg::query
