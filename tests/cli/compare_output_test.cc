#include "cli/compare_output.h"

#include <gtest/gtest.h>

#include <sstream>

namespace kg::cli {
namespace {

QueryResult Result(bool why) {
  QueryResult r;
  r.columns = {"status", "subject", "predicate", "object_in_A", "object_in_B"};
  if (why) {
    r.columns.push_back("evidence_A");
    r.columns.push_back("evidence_B");
  }
  auto row = [&](const char* status, Value s, const char* p, Value a, Value b, const char* ea = nullptr,
                 const char* eb = nullptr) {
    std::vector<Value> v = {Value::String(status), std::move(s), Value::String(p), std::move(a),
                            std::move(b)};
    if (why) {
      v.push_back(ea ? Value::String(ea) : Value());
      v.push_back(eb ? Value::String(eb) : Value());
    }
    r.rows.push_back(std::move(v));
  };
  row("metadata", Value(), "title", Value::String("Deal A"), Value());
  row("metadata", Value(), "published", Value::String("2024-03-04"), Value::String("2024-03-05"));
  row("conflict", Value::Entity("Acme investment in Kestria"), "amount", Value::Money(25, "USD"),
      Value::Money(30, "USD"), "[0] Acme invests $25.", "[2] Acme invests $30.");
  row("differs", Value::Entity("Acme"), "partners_with", Value::Entity("Vantrel"), Value::Entity("Oskaro"),
      "[1] With Vantrel.", nullptr);
  row("only_B", Value::Entity("Acme"), "expands_in", Value(), Value::Entity("Peru"));
  row("both", Value::Entity("Acme"), "invests_in", Value::Entity("Kestria"), Value::Entity("Kestria"));
  return r;
}

std::string Tables(const QueryResult& r, bool why) {
  std::ostringstream out;
  WriteCompareTables(r, CompareView{"deal-a", "deal-b", "", why}, FormatOptions{}, out);
  return out.str();
}

TEST(CompareOutputTest, HeaderSectionsInOrderAndSummary) {
  EXPECT_EQ(Tables(Result(false), false),
            "compare deal-a with deal-b\n"
            "  A: deal-a — \"Deal A\", published 2024-03-04\n"
            "  B: deal-b — published 2024-03-05\n"
            "\n== conflicts (1) ==\n"
            " subject                    | predicate | deal-a | deal-b\n"
            "----------------------------+-----------+--------+--------\n"
            " Acme investment in Kestria | amount    | 25 USD | 30 USD\n"
            "\n== differences (1) ==\n"
            " subject | predicate     | deal-a  | deal-b\n"
            "---------+---------------+---------+--------\n"
            " Acme    | partners_with | Vantrel | Oskaro\n"
            "\n== only in deal-b (1) ==\n"
            " subject | predicate  | deal-b\n"
            "---------+------------+--------\n"
            " Acme    | expands_in | Peru\n"
            "\n== both (1) ==\n"
            " subject | predicate  | deal-a  | deal-b\n"
            "---------+------------+---------+---------\n"
            " Acme    | invests_in | Kestria | Kestria\n"
            "\n1 conflict, 1 difference, 0 only in deal-a, 1 only in deal-b, 1 shared\n");
}

TEST(CompareOutputTest, WhyPrintsEachSidesSentencesUnderDisagreements) {
  const std::string out = Tables(Result(true), true);
  EXPECT_NE(out.find(" Acme investment in Kestria | amount    | 25 USD | 30 USD\n"
                     "\nAcme investment in Kestria amount:\n"
                     "  deal-a [0] Acme invests $25.\n"
                     "  deal-b [2] Acme invests $30.\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("\nAcme partners_with:\n  deal-a [1] With Vantrel.\n  deal-b (no sentence)\n"),
            std::string::npos)
      << out;
  // Not under agreements, and the evidence columns stay out of the tables.
  EXPECT_EQ(out.find("invests_in:"), std::string::npos) << out;
  EXPECT_EQ(out.find("evidence"), std::string::npos) << out;
}

TEST(CompareOutputTest, NothingToCompare) {
  QueryResult r;
  r.columns = {"status", "subject", "predicate", "object_in_A", "object_in_B"};
  std::ostringstream out;
  WriteCompareTables(r, CompareView{"a", "b", "Acme", false}, FormatOptions{}, out);
  EXPECT_EQ(out.str(),
            "compare a with b about Acme\n  A: a\n  B: b\n\nno facts to compare\n\n"
            "0 conflicts, 0 differences, 0 only in a, 0 only in b, 0 shared\n");
}

}  // namespace
}  // namespace kg::cli
