// PrintCursorRows (cli/cursor_printer.h): rows reach the stream, flushed, at
// once for the first and no later than 100 ms after they are computed for
// the others.
#include "cli/cursor_printer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace kg::cli {
namespace {

// What reached the stream's destination: text arrives only on flush (sync).
class FlushedText : public std::stringbuf {
 public:
  std::string flushed;

 protected:
  int sync() override {
    flushed = str();
    return 0;
  }
};

// Hands out `delays_ms.size()` one-column rows ("r0", "r1", …), sleeping
// delays_ms[i] before row i as if computing it, and records what had been
// flushed when each row was asked for.
class SlowCursor : public QueryCursor {
 public:
  SlowCursor(std::vector<int> delays_ms, const FlushedText* sink)
      : delays_(std::move(delays_ms)), sink_(sink) {}
  const std::vector<std::string>& columns() const override { return columns_; }
  const std::vector<std::string>& hints() const override { return hints_; }
  const std::string& plan() const override { return plan_; }
  bool streaming() const override { return true; }
  bool Next(std::vector<Value>* row) override {
    seen_.push_back(sink_->flushed);
    if (rows_ >= delays_.size()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(delays_[rows_]));
    *row = {Value::String("r" + std::to_string(rows_))};
    ++rows_;
    return true;
  }
  const Status& status() const override { return status_; }
  uint64_t rows() const override { return rows_; }
  QueryTiming timing() const override { return {}; }
  // seen()[i]: what had been flushed when row i was asked for.
  const std::vector<std::string>& seen() const { return seen_; }

 private:
  std::vector<int> delays_;
  const FlushedText* sink_;
  std::vector<std::string> columns_{"x"}, hints_;
  std::string plan_;
  Status status_;
  uint64_t rows_ = 0;
  std::vector<std::string> seen_;
};

TEST(CursorPrinterTest, FlushesTheFirstRowAtOnceAndSlowRowsWithinTheInterval) {
  FlushedText buf;
  std::ostream out(&buf);
  // r1 and r2 come at once after r0; r3 takes 250 ms, r4 comes at once.
  SlowCursor cursor({0, 0, 0, 250, 0}, &buf);
  ASSERT_TRUE(PrintCursorRows(cursor, OutputFormat::kTsv, out, [](const std::string&) {}).ok());
  const std::vector<std::string>& seen = cursor.seen();
  ASSERT_EQ(seen.size(), 6u);
  // (Whether r1, r2 and r4 wait in the buffer depends on the machine not
  // stalling for 100 ms; only what must have been flushed is checked.)
  EXPECT_EQ(seen[1], "x\nr0\n");              // the first row, at once
  EXPECT_EQ(seen[4], "x\nr0\nr1\nr2\nr3\n");  // r3 came 250 ms later: flushed with it
  EXPECT_EQ(buf.flushed, "x\nr0\nr1\nr2\nr3\nr4\n");
}

}  // namespace
}  // namespace kg::cli
