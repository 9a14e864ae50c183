#include "cli/cursor_printer.h"

#include <vector>

#include "cli/command_support.h"
#include "cli/row_writer.h"
#include "kg/value.h"

namespace kg::cli {

namespace {

// Rows reach a pipe no later than this after they are computed (give or
// take the coarse clock's few milliseconds).
constexpr int64_t kFlushMs = 100;

}  // namespace

Status PrintCursorRows(QueryCursor& cursor, OutputFormat format, std::ostream& out,
                       const std::function<void(const std::string&)>& hint) {
  const size_t known = cursor.hints().size();
  for (const std::string& h : cursor.hints()) hint(h);
  RowWriter writer(cursor.columns(), format, {}, out);
  std::vector<Value> row;
  // The clock is read once per row: a coarse one (Clock::now() per row was
  // a quarter of a REPL statement printing 1,000 rows here).
  int64_t flushed = CoarseMs();
  while (cursor.Next(&row)) {
    writer.Add(row);
    if (cursor.rows() == 1 || CoarseMs() - flushed >= kFlushMs) {
      writer.Flush();
      out.flush();
      flushed = CoarseMs();
    }
  }
  if (!cursor.status().ok()) {
    writer.Flush();
    out.flush();
    return cursor.status();
  }
  writer.Finish();
  out.flush();
  for (size_t i = known; i < cursor.hints().size(); ++i) hint(cursor.hints()[i]);
  return Status::OK();
}

}  // namespace kg::cli
