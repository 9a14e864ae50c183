// The bound query: names resolved to term ids, variables to slots. Produced by
// the binder, consumed by the planner and the executor.
#ifndef KG_QUERY_BINDER_BOUND_QUERY_H_
#define KG_QUERY_BINDER_BOUND_QUERY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kg/status.h"
#include "kg/value.h"
#include "query/parser/ast.h"
#include "storage/triple_source.h"

namespace kg::query {

using storage::kNoTerm;
using storage::TermId;
using VarId = int32_t;
inline constexpr VarId kNoVar = -1;

// A pattern position: a variable slot or a constant term.
struct BoundTerm {
  VarId var = kNoVar;
  TermId id = kNoTerm;   // the constant (var == kNoVar)
  bool unknown = false;  // a constant naming nothing stored: never matches
  std::string label;     // "?x", "Microsoft", "42" (EXPLAIN and messages)
  bool is_var() const { return var != kNoVar; }
};

struct BoundPath {
  enum class Kind : uint8_t { kPredicate, kInverse, kSequence, kAlternative, kRepeat };
  Kind kind = Kind::kPredicate;
  TermId predicate = kNoTerm;  // kPredicate; kNoTerm when unknown
  std::vector<BoundPath> children;
  uint32_t min = 1;
  uint32_t max = 1;
};

// One edge of a chain: s -p-> o with a plain predicate (or predicate
// variable), or s -path-> o with a path expression.
struct BoundPattern {
  BoundTerm s, p, o;
  bool is_path = false;
  BoundPath path;            // is_path
  bool has_article = false;  // `@ ?a` or `@ "name"` on the chain
  BoundTerm article;
  std::string text;  // e.g. "?c -invests_in-> Japan" for EXPLAIN
  SourceSpan span;

  // True when a constant is unknown, so the pattern can never match.
  bool Impossible() const;
  std::vector<VarId> Vars() const;
};

struct BoundExpr {
  enum class Kind : uint8_t {
    kVariable,
    kConstant,  // value (+ term when it names a stored term)
    kAnd,
    kOr,
    kNot,
    kCompare,
    kContains,
    kStartsWith,
    kEndsWith,
    kIn,
    kIsNull,
    kCall,  // fn: bound, lower, upper, str, year
  };
  Kind kind = Kind::kConstant;
  VarId var = kNoVar;
  Value value;
  TermId term = kNoTerm;
  CompareOp op = CompareOp::kEq;
  bool negated = false;
  std::string fn;
  std::vector<BoundExpr> children;
  std::string text;  // source text, for EXPLAIN
  SourceSpan span;

  void CollectVars(std::vector<VarId>* out) const;
};

struct BoundAggregate {
  AggregateKind kind = AggregateKind::kCount;
  bool distinct = false;
  bool star = false;
  VarId var = kNoVar;  // the argument (not star)
};

// An output column (visible or a hidden sort key).
struct BoundColumn {
  std::string name;
  VarId var = kNoVar;  // a variable column
  int aggregate = -1;  // or an index into BoundQuery::aggregates
};

struct BoundOrder {
  size_t column = 0;  // index into BoundQuery::columns
  bool descending = false;
};

struct BoundQuery {
  ParsedStatement::Kind kind = ParsedStatement::Kind::kMatch;
  bool explain = false;
  std::vector<std::string> var_names;  // slot → name (without '?')

  std::vector<BoundPattern> patterns;                // mandatory
  std::vector<std::vector<BoundPattern>> optionals;  // each group left-joined
  std::vector<BoundExpr> filters;                    // WHERE, split on top-level AND
  std::vector<std::pair<VarId, TermId>> seeds;       // ?v = constant pushed down
  std::vector<std::string> seed_text;                // "?v = Name" per seed

  std::vector<BoundColumn> columns;  // visible first, then hidden sort keys
  size_t visible_columns = 0;
  std::vector<BoundAggregate> aggregates;
  bool has_aggregates = false;
  bool distinct = false;
  std::vector<BoundOrder> order;
  std::optional<uint64_t> limit;
  uint64_t offset = 0;

  // COMPARE.
  TermId article_a = kNoTerm, article_b = kNoTerm;
  std::string name_a, name_b;
  bool has_about = false;
  BoundTerm about;
  bool compare_all = false;  // COMPARE ALL: bookkeeping facts too
  bool compare_why = false;  // COMPARE … WHY: evidence columns

  // Notes for the user (unknown names and their nearest known names).
  std::vector<std::string> hints;
  // Names compared for "did you mean" suggestions (bounded per statement;
  // tests check the bound).
  uint64_t hint_work = 0;
};

}  // namespace kg::query

#endif  // KG_QUERY_BINDER_BOUND_QUERY_H_
