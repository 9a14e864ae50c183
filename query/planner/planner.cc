#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "query/planner/plan.h"

namespace kg::query {

namespace {

// Costs in "index entries touched": a seek costs about as much as reading a
// few entries, so a hash join pays off once the input is much larger than the
// pattern's own scan.
constexpr double kSeekCost = 4;
constexpr double kHashMinInput = 256;
constexpr double kHashMaxBuild = 5e6;
// Expected growth of a frontier for unbounded repetition.
constexpr double kPathGrowth = 10;

using VarSet = std::set<VarId>;

bool Bound(const BoundTerm& t, const VarSet& bound) { return !t.is_var() || bound.count(t.var); }

void PathPredicates(const BoundPath& p, std::vector<TermId>* out) {
  if (p.kind == BoundPath::Kind::kPredicate) out->push_back(p.predicate);
  for (const BoundPath& c : p.children) PathPredicates(c, out);
}

bool Unbounded(const BoundPath& p) {
  if (p.kind == BoundPath::Kind::kRepeat && p.max == kUnboundedRepeat) return true;
  for (const BoundPath& c : p.children) {
    if (Unbounded(c)) return true;
  }
  return false;
}

// The fraction of rows a WHERE conjunct keeps, by its form (no value
// histograms: the usual textbook guesses — equality keeps few rows, a range
// a third, a negation the rest).
double Selectivity(const BoundExpr& e) {
  switch (e.kind) {
    case BoundExpr::Kind::kCompare:
      switch (e.op) {
        case CompareOp::kEq:
          return 0.1;
        case CompareOp::kNe:
          return 0.9;
        default:
          return 1.0 / 3;
      }
    case BoundExpr::Kind::kIn:
      return std::min(0.5, 0.1 * static_cast<double>(std::max<size_t>(1, e.children.size() - 1)));
    case BoundExpr::Kind::kContains:
    case BoundExpr::Kind::kStartsWith:
    case BoundExpr::Kind::kEndsWith:
      return 0.25;
    case BoundExpr::Kind::kAnd: {
      double f = 1;
      for (const BoundExpr& c : e.children) f *= Selectivity(c);
      return f;
    }
    case BoundExpr::Kind::kOr: {
      double f = 0;
      for (const BoundExpr& c : e.children) f += Selectivity(c);
      return std::min(1.0, f);
    }
    case BoundExpr::Kind::kNot:
      return e.children.empty() ? 0.5 : 1 - Selectivity(e.children[0]);
    default:
      return 0.5;
  }
}

class Planner {
 public:
  Planner(const BoundQuery& q, const storage::TripleSource& source, bool include_hedged,
          const QueryBudget* budget)
      : q_(q), source_(source), include_hedged_(include_hedged), budget_(budget) {
    for (const BoundExpr& f : q_.filters) {
      filter_vars_.emplace_back();
      f.CollectVars(&filter_vars_.back());
    }
  }

  Result<Plan> Run() {
    Plan plan;
    plan.query = &q_;
    if (q_.kind == ParsedStatement::Kind::kCompare) return plan;
    for (const BoundPattern& p : q_.patterns) {
      if (p.Impossible()) plan.empty = true;
    }
    VarSet bound;
    for (auto& [v, id] : q_.seeds) bound.insert(v);
    double rows = 1;
    std::vector<const BoundPattern*> todo;
    for (const BoundPattern& p : q_.patterns) todo.push_back(&p);
    // The step after which each variable is bound (seeds: none).
    std::map<VarId, size_t> bound_at;
    KG_RETURN_IF_ERROR(
        PlanPatterns(std::move(todo), &bound, &rows, &plan.steps, /*allow_hash=*/true, &bound_at));
    VarSet mandatory = bound;
    // Filters whose variables are all bound by the mandatory patterns go
    // right after the step that binds the last of them.
    std::vector<std::vector<const BoundExpr*>> after(plan.steps.size() + 1);
    std::vector<const BoundExpr*> late;
    for (size_t fi = 0; fi < q_.filters.size(); ++fi) {
      const BoundExpr& f = q_.filters[fi];
      const std::vector<VarId>& vars = filter_vars_[fi];
      bool in_mandatory = std::all_of(vars.begin(), vars.end(), [&](VarId v) { return mandatory.count(v); });
      if (!in_mandatory) {
        late.push_back(&f);
        continue;
      }
      // Right after the step that binds the last of its variables.
      size_t pos = 0;
      for (VarId v : vars) {
        auto it = bound_at.find(v);
        if (it != bound_at.end()) pos = std::max(pos, it->second + 1);
      }
      after[pos].push_back(&f);
    }
    std::vector<PlanStep> steps;
    double est = 1;
    auto add_filters = [&](const std::vector<const BoundExpr*>& fs) {
      for (const BoundExpr* f : fs) {
        PlanStep s;
        s.kind = PlanStep::Kind::kFilter;
        s.filter = f;
        est *= Selectivity(*f);
        s.rows = est;
        steps.push_back(std::move(s));
      }
    };
    add_filters(after[0]);
    for (size_t i = 0; i < plan.steps.size(); ++i) {
      est = plan.steps[i].rows;
      steps.push_back(std::move(plan.steps[i]));
      add_filters(after[i + 1]);
    }
    // Filters shrink the estimates of the steps that follow them.
    double shrink = 1;
    for (PlanStep& s : steps) {
      if (s.kind == PlanStep::Kind::kFilter) {
        shrink *= Selectivity(*s.filter);
      } else {
        s.rows *= shrink;
      }
    }
    rows = steps.empty() ? 1 : steps.back().rows;
    for (const auto& group : q_.optionals) {
      PlanStep opt;
      opt.kind = PlanStep::Kind::kOptional;
      VarSet inner = bound;
      double inner_rows = 1;
      std::vector<const BoundPattern*> todo_opt;
      for (const BoundPattern& p : group) todo_opt.push_back(&p);
      std::map<VarId, size_t> ignored;
      KG_RETURN_IF_ERROR(PlanPatterns(std::move(todo_opt), &inner, &inner_rows, &opt.optional_steps,
                                      /*allow_hash=*/false, &ignored));
      bound = inner;
      opt.fanout = std::max(1.0, inner_rows);
      rows *= opt.fanout;
      opt.rows = rows;
      steps.push_back(std::move(opt));
    }
    est = rows;
    add_filters(late);
    plan.steps = std::move(steps);
    plan.rows = plan.steps.empty() ? 1 : plan.steps.back().rows;
    bool only_counts = q_.kind == ParsedStatement::Kind::kMatch && q_.has_aggregates && !q_.columns.empty();
    for (const BoundColumn& c : q_.columns) {
      only_counts = only_counts && c.aggregate >= 0 && q_.aggregates[c.aggregate].star &&
                    !q_.aggregates[c.aggregate].distinct;
    }
    if (only_counts && !plan.steps.empty()) {
      const PlanStep& last = plan.steps.back();
      plan.count_last = (last.kind == PlanStep::Kind::kScan || last.kind == PlanStep::Kind::kHashJoin ||
                         last.kind == PlanStep::Kind::kPath) &&
                        !last.pattern->has_article;
    }
    if (!plan.empty) ChooseShortcut(&plan);
    if (plan.empty) plan.rows = 0;
    plan.search_steps = search_steps_;
    return plan;
  }

 private:
  // A plain pattern `?a -pred-> ?b` with a known constant predicate, two
  // different variables and no article.
  static bool SimpleEdge(const BoundPattern& p) {
    return !p.is_path && !p.has_article && !p.p.is_var() && !p.p.unknown && p.p.id != kNoTerm &&
           p.s.is_var() && p.o.is_var() && p.s.var != p.o.var;
  }

  void ChooseShortcut(Plan* plan) const {
    if (q_.kind != ParsedStatement::Kind::kMatch || !q_.has_aggregates || !q_.optionals.empty() ||
        !q_.filters.empty() || !q_.seeds.empty()) {
      return;
    }
    // COUNT(*) (not DISTINCT) only.
    for (const BoundAggregate& a : q_.aggregates) {
      if (!a.star || a.distinct || a.kind != AggregateKind::kCount) return;
    }
    std::vector<VarId> groups;
    for (const BoundColumn& c : q_.columns) {
      if (c.aggregate < 0) groups.push_back(c.var);
    }
    if (q_.patterns.size() == 2 && plan->count_last && groups.empty()) {
      const BoundPattern& a = q_.patterns[0];
      const BoundPattern& b = q_.patterns[1];
      if (!SimpleEdge(a) || !SimpleEdge(b)) return;
      int shared = 0;
      for (VarId x : {a.s.var, a.o.var}) {
        for (VarId y : {b.s.var, b.o.var}) shared += x == y;
      }
      if (shared != 1) return;
      plan->shortcut = Plan::Shortcut::kCountJoin;
      plan->key_var = (a.s.var == b.s.var || a.s.var == b.o.var) ? a.s.var : a.o.var;
      plan->key_is_object[0] = a.o.var == b.s.var || a.o.var == b.o.var;
      plan->key_is_object[1] = b.o.var == a.s.var || b.o.var == a.o.var;
      return;
    }
    if (q_.patterns.size() == 2 && !groups.empty()) {
      ChooseGroupCountJoin(groups, plan);
      return;
    }
    if (q_.patterns.size() == 1 && !groups.empty()) {
      const BoundPattern& a = q_.patterns[0];
      if (!SimpleEdge(a)) return;
      for (VarId g : groups) {
        if (g != groups[0]) return;
      }
      if (groups[0] != a.s.var && groups[0] != a.o.var) return;
      plan->shortcut = Plan::Shortcut::kGroupCount;
      plan->key_var = groups[0];
      plan->key_is_object[0] = groups[0] == a.o.var;
    }
  }

  // kGroupCountJoin: two plain patterns sharing exactly one variable, all
  // group columns the same variable, which is the other end of one pattern.
  void ChooseGroupCountJoin(const std::vector<VarId>& groups, Plan* plan) const {
    const BoundPattern& a = q_.patterns[0];
    const BoundPattern& b = q_.patterns[1];
    if (!SimpleEdge(a) || !SimpleEdge(b)) return;
    for (VarId g : groups) {
      if (g != groups[0]) return;
    }
    int shared = 0;
    VarId key = kNoVar;
    for (VarId x : {a.s.var, a.o.var}) {
      for (VarId y : {b.s.var, b.o.var}) {
        if (x == y) ++shared, key = x;
      }
    }
    if (shared != 1 || groups[0] == key) return;
    const int gp = groups[0] == b.s.var || groups[0] == b.o.var ? 1 : 0;
    const BoundPattern& g = q_.patterns[gp];
    if (groups[0] != g.s.var && groups[0] != g.o.var) return;
    plan->shortcut = Plan::Shortcut::kGroupCountJoin;
    plan->group_pattern = gp;
    plan->key_var = key;
    plan->key_is_object[0] = a.o.var == key;
    plan->key_is_object[1] = b.o.var == key;
  }

  // Estimated rows one input row produces for `p` given the bound variables.
  double Fanout(const BoundPattern& p, const VarSet& bound) const {
    if (p.Impossible()) return 0;
    bool sb = Bound(p.s, bound), ob = Bound(p.o, bound);
    if (p.is_path) {
      std::vector<TermId> preds;
      PathPredicates(p.path, &preds);
      double t = 0, ds = 1, dobj = 1;
      for (TermId id : preds) {
        storage::TermStats st = source_.PredicateStats(id);
        t += static_cast<double>(st.triples);
        ds = std::max(ds, static_cast<double>(st.distinct_subjects));
        dobj = std::max(dobj, static_cast<double>(st.distinct_objects));
      }
      double growth = Unbounded(p.path) ? kPathGrowth : 1;
      if (sb && ob) return 1;
      if (sb) return std::max(1.0, t / ds * growth);
      if (ob) return std::max(1.0, t / dobj * growth);
      return std::max(1.0, t * growth);
    }
    bool pb = Bound(p.p, bound);
    // A constant predicate with one constant end and the other end free:
    // the exact size from the source's per-key counts, not an average
    // (a hub object has a hundred times the mean number of subjects).
    if (!p.p.is_var() && !p.has_article && p.s.is_var() != p.o.is_var() && !(p.s.is_var() && sb) &&
        !(p.o.is_var() && ob)) {
      // Asked once per pattern: the search evaluates a pattern many times.
      auto [it, fresh] = key_counts_.try_emplace(&p, -1.0);
      if (fresh) {
        const bool by_object = !p.o.is_var();
        Result<uint64_t> n =
            source_.CountKey(p.p.id, by_object, by_object ? p.o.id : p.s.id, include_hedged_);
        if (n.ok()) it->second = static_cast<double>(*n);
      }
      if (it->second >= 0) return it->second;
    }
    storage::TermStats st = source_.PredicateStats(p.p.is_var() ? kNoTerm : p.p.id);
    double t = static_cast<double>(st.triples);
    double ds = std::max<double>(1, static_cast<double>(st.distinct_subjects));
    double dobj = std::max<double>(1, static_cast<double>(st.distinct_objects));
    if (p.p.is_var() && pb) t /= 4;  // a bound predicate variable narrows the scan
    if (sb && ob) return std::min(1.0, t / (ds * dobj) * std::max(ds, dobj));
    if (sb) return t / ds;
    if (ob) return t / dobj;
    return t;
  }

  static std::string BoundText(const BoundPattern& p, const VarSet& bound) {
    std::string out;
    auto add = [&](const char* n) { out += out.empty() ? n : std::string(",") + n; };
    if (Bound(p.s, bound)) add("s");
    if (!p.is_path && Bound(p.p, bound)) add("p");
    if (Bound(p.o, bound)) add("o");
    return out.empty() ? "none" : out;
  }

  static std::string IndexFor(bool s, bool p, bool o) {
    if (s && !p && o) return "OSP";
    if (s) return "SPO";
    if (p) return "POS";
    if (o) return "OSP";
    return "SPO";
  }

  // Greedy join order: repeatedly the cheapest pattern connected to what
  // is bound (sharing a bound variable, or with a constant end), else the
  // cheapest of all. Only the connected ones are evaluated when there are
  // any — they are found through the variables as these become bound — so
  // a chain of N patterns costs O(N) evaluations and any query O(N^2), not
  // the O(N^3) of re-examining every pattern against a copied variable set.
  Status PlanPatterns(std::vector<const BoundPattern*> todo, VarSet* bound, double* rows,
                      std::vector<PlanStep>* out, bool allow_hash, std::map<VarId, size_t>* bound_at) {
    const size_t n = todo.size();
    std::map<VarId, std::vector<size_t>> users;  // variable -> patterns (indexes into todo)
    std::set<size_t> connected;                  // not yet placed, in pattern order
    std::vector<std::vector<VarId>> vars(n);
    for (size_t i = 0; i < n; ++i) {
      const BoundPattern& p = *todo[i];
      vars[i] = p.Vars();
      for (VarId v : vars[i]) users[v].push_back(i);
      const bool always =
          vars[i].empty() || !p.s.is_var() || !p.o.is_var() ||
          std::any_of(vars[i].begin(), vars[i].end(), [&](VarId v) { return bound->count(v); });
      if (always) connected.insert(i);
    }
    std::vector<bool> placed(n, false);
    for (size_t left = n; left > 0; --left) {
      if (budget_ != nullptr) KG_RETURN_IF_ERROR(budget_->Check());
      size_t best = n;
      double best_cost = 0;
      auto consider = [&](size_t i) {
        const BoundPattern& p = *todo[i];
        ++search_steps_;
        double cost = Fanout(p, *bound);
        // Paths are cheap only from a bound end: prefer plain scans first.
        if (p.is_path && !Bound(p.s, *bound) && !Bound(p.o, *bound)) cost *= 4;
        // Rows a WHERE conjunct drops as soon as this pattern binds its last
        // variable are rows the later joins never see.
        cost *= NewFilterFactor(vars[i], *bound);
        if (best == n || cost < best_cost) {
          best = i;
          best_cost = cost;
        }
      };
      if (!connected.empty()) {
        for (size_t i : connected) consider(i);
      } else {
        for (size_t i = 0; i < n; ++i) {
          if (!placed[i]) consider(i);
        }
      }
      placed[best] = true;
      connected.erase(best);
      const BoundPattern& p = *todo[best];
      PlanStep step;
      step.pattern = &p;
      step.fanout = Fanout(p, *bound);
      step.bound = BoundText(p, *bound);
      bool sb = Bound(p.s, *bound), ob = Bound(p.o, *bound);
      if (p.is_path) {
        step.kind = PlanStep::Kind::kPath;
        step.path_backward = !sb && ob;
        step.index = step.path_backward ? "BFS from o" : (sb ? "BFS from s" : "BFS from every node");
      } else {
        step.kind = PlanStep::Kind::kScan;
        step.index = IndexFor(sb, Bound(p.p, *bound), ob);
        std::vector<VarId> join;
        for (VarId v : p.Vars()) {
          if (bound->count(v) && std::find(join.begin(), join.end(), v) == join.end()) join.push_back(v);
        }
        if (allow_hash && !join.empty() && *rows >= kHashMinInput && !(p.has_article && p.article.is_var())) {
          VarSet constants_only;
          double build = Fanout(p, constants_only);
          double nested = *rows * (kSeekCost + step.fanout);
          double hashed = build + *rows;
          if (build <= kHashMaxBuild && hashed < nested) {
            step.kind = PlanStep::Kind::kHashJoin;
            step.join_vars = join;
            step.index = IndexFor(!p.s.is_var(), !p.p.is_var(), !p.o.is_var());
          }
        }
      }
      *rows *= step.fanout;
      step.rows = *rows;
      for (VarId v : vars[best]) {
        if (!bound->insert(v).second) continue;
        bound_at->emplace(v, out->size());
        for (size_t u : users[v]) {
          if (!placed[u]) connected.insert(u);
        }
      }
      out->push_back(std::move(step));
    }
    return Status::OK();
  }

  // The selectivity of the WHERE conjuncts that become evaluable once a
  // pattern binds its variables `vars` on top of `bound` (1 when none does).
  double NewFilterFactor(const std::vector<VarId>& vars, const VarSet& bound) const {
    double f = 1;
    for (size_t i = 0; i < filter_vars_.size(); ++i) {
      const std::vector<VarId>& fv = filter_vars_[i];
      if (fv.empty()) continue;
      auto in_bound = [&](VarId v) { return bound.count(v) > 0; };
      auto in_after = [&](VarId v) {
        return in_bound(v) || std::find(vars.begin(), vars.end(), v) != vars.end();
      };
      if (std::all_of(fv.begin(), fv.end(), in_after) && !std::all_of(fv.begin(), fv.end(), in_bound))
        f *= Selectivity(q_.filters[i]);
    }
    return f;
  }

  const BoundQuery& q_;
  const storage::TripleSource& source_;
  bool include_hedged_;
  const QueryBudget* budget_;
  std::vector<std::vector<VarId>> filter_vars_;               // per WHERE conjunct
  mutable std::map<const BoundPattern*, double> key_counts_;  // CountKey per pattern, -1: unknown
  uint64_t search_steps_ = 0;
};

std::string Estimate(double v) {
  char buf[32];
  if (v < 10) {
    std::snprintf(buf, sizeof(buf), "%.1f", v);
  } else {
    std::snprintf(buf, sizeof(buf), "%.0f", std::round(v));
  }
  return buf;
}

void ExplainSteps(const std::vector<PlanStep>& steps, const BoundQuery& q, const std::string& indent,
                  std::string* out, bool first_is_scan) {
  for (size_t i = 0; i < steps.size(); ++i) {
    const PlanStep& s = steps[i];
    std::string line = indent;
    switch (s.kind) {
      case PlanStep::Kind::kScan:
        line += (first_is_scan && i == 0 ? "Scan " : "IndexJoin ") + s.pattern->text + "  index=" + s.index +
                " bound=" + s.bound + " est=" + Estimate(s.rows);
        break;
      case PlanStep::Kind::kHashJoin: {
        line += "HashJoin " + s.pattern->text + "  index=" + s.index + " on=";
        for (size_t k = 0; k < s.join_vars.size(); ++k)
          line += (k ? "," : "") + ("?" + q.var_names[s.join_vars[k]]);
        line += " est=" + Estimate(s.rows);
        break;
      }
      case PlanStep::Kind::kPath:
        line += "Path " + s.pattern->text + "  " + s.index + " bound=" + s.bound + " est=" + Estimate(s.rows);
        break;
      case PlanStep::Kind::kFilter:
        line += "Filter " + s.filter->text;
        break;
      case PlanStep::Kind::kOptional:
        line += "Optional est=" + Estimate(s.rows);
        *out += line + "\n";
        ExplainSteps(s.optional_steps, q, indent + "  ", out, false);
        continue;
    }
    *out += line + "\n";
    if (s.kind != PlanStep::Kind::kFilter) first_is_scan = false;
  }
}

}  // namespace

Result<Plan> MakePlan(const BoundQuery& query, const storage::TripleSource& source, bool include_hedged,
                      const QueryBudget* budget) {
  Planner planner(query, source, include_hedged, budget);
  return planner.Run();
}

std::string Plan::Explain() const {
  const BoundQuery& q = *query;
  std::string out;
  if (q.kind == ParsedStatement::Kind::kCompare) {
    out = std::string(q.compare_all ? "Compare all " : "Compare ") + "\"" + q.name_a + "\" with \"" +
          q.name_b + "\"";
    if (q.has_about) out += " about " + q.about.label;
    if (q.compare_why) out += " with evidence";
    return out + "\n";
  }
  if (empty) return "Empty (a pattern names an unknown term)\n";
  for (const std::string& seed : q.seed_text) out += "Bind " + seed + "\n";
  ExplainSteps(steps, q, "", &out, true);
  if (q.kind == ParsedStatement::Kind::kWhy) return out + "Provenance article, sentence, text\n";
  auto col_list = [&](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += (i ? ", " : "") + q.columns[i].name;
    return s;
  };
  if (shortcut == Shortcut::kCountJoin) {
    // Replaces the pipeline above: both patterns are read as per-key counts.
    const std::string key = "?" + q.var_names[static_cast<size_t>(key_var)];
    out = "CountJoin on " + key + ": sum of count(" + q.patterns[0].text + ") * count(" + q.patterns[1].text +
          ")  counts by " + (key_is_object[0] ? "o" : "s") + "," + (key_is_object[1] ? "o" : "s") + "\n";
  } else if (shortcut == Shortcut::kGroupCountJoin) {
    const std::string key = "?" + q.var_names[static_cast<size_t>(key_var)];
    const int cp = 1 - group_pattern;
    out = "GroupCountJoin on " + key + ": per triple of " +
          q.patterns[static_cast<size_t>(group_pattern)].text + ", count(" +
          q.patterns[static_cast<size_t>(cp)].text + ")  counts by " + (key_is_object[cp] ? "o" : "s") + "\n";
  } else if (shortcut == Shortcut::kGroupCount) {
    const std::string key = "?" + q.var_names[static_cast<size_t>(key_var)];
    out = "GroupCount " + q.patterns[0].text + " by " + key + "  counts by " +
          (key_is_object[0] ? "o" : "s") + "\n";
  }
  if (q.has_aggregates) {
    std::string groups;
    for (const BoundColumn& c : q.columns) {
      if (c.aggregate < 0) groups += (groups.empty() ? "" : ", ") + c.name;
    }
    out += "Aggregate group=[" + groups + "]" +
           (shortcut != Shortcut::kNone ? "" : (count_last ? " (counts the last join's matches)" : "")) +
           "\n";
  }
  out += "Project " + col_list(q.visible_columns) + "\n";
  if (q.distinct) out += "Distinct\n";
  if (!q.order.empty()) {
    std::string keys;
    for (const BoundOrder& o : q.order) {
      keys += (keys.empty() ? "" : ", ") + q.columns[o.column].name + (o.descending ? " DESC" : "");
    }
    out += (q.limit ? "TopK " + std::to_string(*q.limit + q.offset) + " by " : "Sort ") + keys + "\n";
  }
  if (q.limit || q.offset) {
    out += "Limit " + (q.limit ? std::to_string(*q.limit) : std::string("all"));
    if (q.offset) out += " offset " + std::to_string(q.offset);
    if (q.order.empty() && !q.has_aggregates) out += " (early stop)";
    out += "\n";
  }
  return out;
}

}  // namespace kg::query
