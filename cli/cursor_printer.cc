#include "cli/cursor_printer.h"

#include <vector>

#include "cli/command_support.h"
#include "cli/row_writer.h"
#include "kg/value.h"

namespace kg::cli {

namespace {

// Rows reach a pipe no later than this after they are computed.
constexpr double kFlushMs = 100;

}  // namespace

Status PrintCursorRows(QueryCursor& cursor, OutputFormat format, std::ostream& out,
                       const std::function<void(const std::string&)>& hint) {
  const size_t known = cursor.hints().size();
  for (const std::string& h : cursor.hints()) hint(h);
  RowWriter writer(cursor.columns(), format, {}, out);
  std::vector<Value> row;
  auto flushed = Clock::now();
  while (cursor.Next(&row)) {
    writer.Add(row);
    if (cursor.rows() == 1 || MsSince(flushed) >= kFlushMs) {
      writer.Flush();
      out.flush();
      flushed = Clock::now();
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
