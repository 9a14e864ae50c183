// The parsed query: kg's own AST, built from the ANTLR parse tree by the
// transformer in parser.cc. Every node carries the source span it came from so
// the binder can report semantic errors at the right place.
#ifndef KG_QUERY_PARSER_AST_H_
#define KG_QUERY_PARSER_AST_H_

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kg/status.h"
#include "kg/value.h"

namespace kg::query {

inline constexpr uint32_t kUnboundedRepeat = std::numeric_limits<uint32_t>::max();

// A node of a pattern (subject/object position) or an `@ …` article ref.
struct ParsedNode {
  enum class Kind : uint8_t {
    kVariable,  // ?x: text is the name without '?'
    kName,      // a bare name: an entity (text)
    kString,    // a quoted string: an entity name, else a string literal
    kLiteral,   // a number, money, date or boolean: literal
  };
  Kind kind = Kind::kName;
  std::string text;
  Value literal;
  SourceSpan span;
};

// The inside of an arrow: a predicate, a predicate variable, or a path.
struct ParsedPath {
  enum class Kind : uint8_t {
    kPredicate,    // name
    kVariable,     // ?p: name without '?'
    kInverse,      // ^child
    kSequence,     // a/b/c
    kAlternative,  // a|b|c
    kRepeat,       // child{min,max}; + is {1,∞}, * is {0,∞}, ? is {0,1}
  };
  Kind kind = Kind::kPredicate;
  std::string name;
  std::vector<ParsedPath> children;
  uint32_t min = 1;
  uint32_t max = 1;
  SourceSpan span;
};

struct ParsedEdge {
  bool forward = true;  // -p-> (true) or <-p- (false)
  ParsedPath path;
  SourceSpan span;
};

// A chain: nodes[0] edges[0] nodes[1] edges[1] nodes[2] …, optionally
// followed by `@ ?article` or `@ "name"`.
struct ParsedPattern {
  std::vector<ParsedNode> nodes;
  std::vector<ParsedEdge> edges;
  std::optional<ParsedNode> article;
  SourceSpan span;
};

enum class CompareOp : uint8_t { kEq, kNe, kLt, kLe, kGt, kGe };
enum class AggregateKind : uint8_t { kCount, kSum, kMin, kMax, kAvg };

struct ParsedExpr {
  enum class Kind : uint8_t {
    kVariable,  // name
    kName,      // a bare name (an entity, or an alias in ORDER BY)
    kString,    // name holds the string
    kLiteral,   // literal
    kAnd,       // children
    kOr,        // children
    kNot,       // children[0]
    kCompare,   // children[0] op children[1]
    kContains,  // children[0] CONTAINS children[1]; negated for NOT CONTAINS
    kStartsWith,
    kEndsWith,
    kIn,         // children[0] IN children[1..]
    kIsNull,     // children[0] IS [NOT] NULL (negated)
    kAggregate,  // aggregate(children[0]) or aggregate(*) when star
    kCall,       // name(children…)
  };
  Kind kind = Kind::kLiteral;
  std::string name;
  Value literal;
  CompareOp op = CompareOp::kEq;
  AggregateKind aggregate = AggregateKind::kCount;
  bool negated = false;
  bool distinct = false;
  bool star = false;
  std::vector<ParsedExpr> children;
  SourceSpan span;
};

struct ParsedReturnItem {
  ParsedExpr expr;
  std::string alias;  // empty when there is no AS
  SourceSpan span;
};

struct ParsedOrderItem {
  ParsedExpr expr;
  bool descending = false;
};

struct ParsedStatement {
  enum class Kind : uint8_t { kMatch, kWhy, kCompare };
  Kind kind = Kind::kMatch;
  bool explain = false;
  SourceSpan span;

  // kMatch and kWhy.
  std::vector<ParsedPattern> patterns;
  std::vector<std::vector<ParsedPattern>> optionals;
  std::optional<ParsedExpr> where;
  bool has_return = false;
  bool return_star = false;
  bool distinct = false;
  std::vector<ParsedReturnItem> items;
  std::vector<ParsedOrderItem> order;
  std::optional<uint64_t> limit;
  std::optional<uint64_t> offset;

  // kCompare: COMPARE [ALL] article_a WITH article_b [ABOUT about] [WHY].
  ParsedNode article_a;
  ParsedNode article_b;
  std::optional<ParsedNode> about;
  bool compare_all = false;  // ALL: bookkeeping facts too
  bool compare_why = false;  // WHY: the evidence sentences of each side
};

struct ParsedScript {
  std::vector<ParsedStatement> statements;
};

}  // namespace kg::query

#endif  // KG_QUERY_PARSER_AST_H_
