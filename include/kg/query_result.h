// QueryResult: the answer to a query — named columns and rows of typed values.
#ifndef KG_QUERY_RESULT_H_
#define KG_QUERY_RESULT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kg/status.h"
#include "kg/value.h"

namespace kg {

struct QueryTiming {
  double parse_ms = 0;
  double plan_ms = 0;  // binding + planning
  double exec_ms = 0;
};

struct QueryResult {
  std::vector<std::string> columns;      // e.g. {"c", "amt"} for ?c, ?amt
  std::vector<std::vector<Value>> rows;  // each row has columns.size() values
  // Hints for the user that are not errors, e.g. "no entity 'Microsfot'; did
  // you mean Microsoft?" when a name in the query is unknown.
  std::vector<std::string> hints;
  // For EXPLAIN: the plan as text, one operator a line. Empty otherwise; the
  // plan is also returned as rows of a single "plan" column.
  std::string plan;
  QueryTiming timing;
};

// Renders an error for a terminal: "error: <message>", and when the status
// has a span, "  at line L, column C:", the source line and a caret line
// ("^^^") under the offending text, then the hint if any. `source` is the
// text the span refers to.
std::string RenderError(const Status& status, std::string_view source);

}  // namespace kg

#endif  // KG_QUERY_RESULT_H_
