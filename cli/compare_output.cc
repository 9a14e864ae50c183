#include "cli/compare_output.h"

#include <array>
#include <cstddef>
#include <vector>

#include "api/escape_controls.h"

namespace kg::cli {

namespace {

// The sections of a COMPARE result after its metadata rows, in order.
enum Section : size_t { kConflict, kDiffers, kOnlyA, kOnlyB, kBoth, kSections };
constexpr std::array<const char*, kSections> kStatus = {"conflict", "differs", "only_A", "only_B", "both"};

// The positions of COMPARE's columns in a result (npos when absent).
struct Columns {
  explicit Columns(const QueryResult& r) {
    for (size_t c = 0; c < r.columns.size(); ++c) {
      const std::string& n = r.columns[c];
      size_t* slot = n == "status"        ? &status
                     : n == "subject"     ? &subject
                     : n == "predicate"   ? &predicate
                     : n == "object_in_A" ? &object_a
                     : n == "object_in_B" ? &object_b
                     : n == "evidence_A"  ? &evidence_a
                     : n == "evidence_B"  ? &evidence_b
                                          : nullptr;
      if (slot != nullptr) *slot = c;
    }
  }
  static constexpr size_t npos = static_cast<size_t>(-1);
  size_t status = npos, subject = npos, predicate = npos, object_a = npos, object_b = npos;
  size_t evidence_a = npos, evidence_b = npos;
};

const Value& Cell(const std::vector<Value>& row, size_t column) {
  static const Value kNull;
  return column < row.size() ? row[column] : kNull;
}

std::string Text(const std::vector<Value>& row, size_t column) {
  return EscapeControls(Cell(row, column).ToString(), ControlEscape::kTerminal);
}

// The rows of each section, and the metadata rows.
struct Sections {
  std::vector<const std::vector<Value>*> metadata;
  std::array<std::vector<const std::vector<Value>*>, kSections> rows;
};

Sections Split(const QueryResult& result, const Columns& cols) {
  Sections s;
  for (const auto& row : result.rows) {
    const std::string status = Cell(row, cols.status).ToString();
    if (status == "metadata") {
      s.metadata.push_back(&row);
      continue;
    }
    for (size_t i = 0; i < kSections; ++i) {
      if (status == kStatus[i]) s.rows[i].push_back(&row);
    }
  }
  return s;
}

std::string Count(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "  A: name — "title", published D, from FILE" for one article.
void WriteHeaderLine(const char* side, const std::string& name, const Sections& s, const Columns& cols,
                     size_t column, std::ostream& out) {
  out << "  " << side << ": " << EscapeControls(name, ControlEscape::kTerminal);
  std::string sep = " — ";
  for (const auto* row : s.metadata) {
    if (Cell(*row, column).is_null()) continue;
    const std::string field = Cell(*row, cols.predicate).ToString();
    const std::string value = Text(*row, column);
    out << sep
        << (field == "title"    ? "\"" + value + "\""
            : field == "source" ? "from " + value
                                : field + " " + value);
    sep = ", ";
  }
  out << '\n';
}

// One section's table: subject, predicate, and the object columns that are
// not empty throughout, named after the articles.
void WriteSection(const std::vector<const std::vector<Value>*>& rows, const Columns& cols,
                  const CompareView& view, const FormatOptions& table, std::ostream& out) {
  std::vector<std::pair<size_t, std::string>> keep = {{cols.subject, "subject"},
                                                      {cols.predicate, "predicate"}};
  for (auto [column, name] : {std::pair{cols.object_a, view.a}, std::pair{cols.object_b, view.b}}) {
    for (const auto* row : rows) {
      if (!Cell(*row, column).is_null()) {
        keep.emplace_back(column, name);
        break;
      }
    }
  }
  std::vector<std::string> names;
  for (const auto& k : keep) names.push_back(k.second);
  std::vector<std::vector<Value>> cells;
  for (const auto* row : rows) {
    cells.emplace_back();
    for (const auto& k : keep) cells.back().push_back(Cell(*row, k.first));
  }
  WriteRows(names, cells, OutputFormat::kTable, table, out);
}

// Under a table of disagreements: each row's sentences, one article a line.
void WriteEvidence(const std::vector<const std::vector<Value>*>& rows, const Columns& cols,
                   const CompareView& view, std::ostream& out) {
  for (const auto* row : rows) {
    out << '\n' << Text(*row, cols.subject) << ' ' << Text(*row, cols.predicate) << ":\n";
    for (auto [column, name] : {std::pair{cols.evidence_a, view.a}, std::pair{cols.evidence_b, view.b}}) {
      const Value& v = Cell(*row, column);
      out << "  " << EscapeControls(name, ControlEscape::kTerminal) << ' '
          << (v.is_null() ? std::string("(no sentence)") : Text(*row, column)) << '\n';
    }
  }
}

}  // namespace

std::string CompareSummary(const QueryResult& result, const CompareView& view) {
  const Columns cols(result);
  const Sections s = Split(result, cols);
  return Count(s.rows[kConflict].size(), "conflict", "conflicts") + ", " +
         Count(s.rows[kDiffers].size(), "difference", "differences") + ", " +
         std::to_string(s.rows[kOnlyA].size()) + " only in " + view.a + ", " +
         std::to_string(s.rows[kOnlyB].size()) + " only in " + view.b + ", " +
         std::to_string(s.rows[kBoth].size()) + " shared";
}

void WriteCompareTables(const QueryResult& result, const CompareView& view, const FormatOptions& table,
                        std::ostream& out) {
  const Columns cols(result);
  const Sections s = Split(result, cols);
  out << "compare " << EscapeControls(view.a, ControlEscape::kTerminal) << " with "
      << EscapeControls(view.b, ControlEscape::kTerminal);
  if (!view.about.empty()) out << " about " << EscapeControls(view.about, ControlEscape::kTerminal);
  out << '\n';
  WriteHeaderLine("A", view.a, s, cols, cols.object_a, out);
  WriteHeaderLine("B", view.b, s, cols, cols.object_b, out);
  const std::array<std::string, kSections> titles = {"conflicts", "differences", "only in " + view.a,
                                                     "only in " + view.b, "both"};
  bool any = false;
  for (size_t i = 0; i < kSections; ++i) {
    if (s.rows[i].empty()) continue;
    any = true;
    out << "\n== " << EscapeControls(titles[i], ControlEscape::kTerminal) << " (" << s.rows[i].size()
        << ") ==\n";
    WriteSection(s.rows[i], cols, view, table, out);
    if (view.why && (i == kConflict || i == kDiffers)) WriteEvidence(s.rows[i], cols, view, out);
  }
  if (!any) out << "\nno facts to compare\n";
  out << '\n' << CompareSummary(result, view) << '\n';
}

}  // namespace kg::cli
