#include "query/exec/expression.h"

#include <cmath>
#include <string>

#include "api/case_fold.h"

namespace kg::query {

namespace {

// A value with the stored term it came from (0 for computed values).
// Variables and constants are borrowed (the context keeps decoded terms for
// the whole query): a filter runs once per row and a copy of a Value costs
// more than the comparison.
struct Operand {
  const Value* ref = nullptr;  // borrowed, or null for a computed value
  Value owned;
  TermId term = kNoTerm;
  const Value& value() const { return ref != nullptr ? *ref : owned; }
};

bool TermKind(ValueKind k) {
  return k == ValueKind::kEntity || k == ValueKind::kPredicate || k == ValueKind::kArticle;
}
bool TextKind(ValueKind k) { return TermKind(k) || k == ValueKind::kString; }

// Names compare by the rule they are stored under (api/case_fold.h).
std::string Fold(const std::string& s) { return FoldCase(s); }

Operand EvalOperand(const BoundExpr& e, const Row& row, ExecContext* ctx) {
  switch (e.kind) {
    case BoundExpr::Kind::kVariable: {
      TermId id = row[static_cast<size_t>(e.var)];
      return Operand{&ctx->Term(id), Value(), id};
    }
    case BoundExpr::Kind::kConstant:
      return Operand{&e.value, Value(), e.term};
    case BoundExpr::Kind::kCall: {
      Operand a = EvalOperand(e.children[0], row, ctx);
      if (e.fn == "bound") return Operand{nullptr, Value::Bool(!a.value().is_null()), kNoTerm};
      if (a.value().is_null()) return Operand{};
      if (e.fn == "str") return Operand{nullptr, Value::String(a.value().ToString()), kNoTerm};
      if (e.fn == "year") {
        if (a.value().kind() != ValueKind::kDate) return Operand{};
        return Operand{nullptr, Value::Integer(a.value().date().year), kNoTerm};
      }
      std::string s = a.value().ToString();
      for (char& c : s) {
        if (e.fn == "lower" && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (e.fn == "upper" && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      }
      return Operand{nullptr, Value::String(s), kNoTerm};
    }
    default:
      return Operand{nullptr, Value::Bool(EvalCondition(e, row, ctx)), kNoTerm};
  }
}

bool Equal(const Operand& a, const Operand& b) {
  if (a.value().is_null() || b.value().is_null()) return false;
  if (a.term != kNoTerm && a.term == b.term) return true;
  ValueKind ka = a.value().kind(), kb = b.value().kind();
  if (a.value().is_numeric() && b.value().is_numeric()) {
    if (ka == ValueKind::kMoney && kb == ValueKind::kMoney && a.value().currency() != b.value().currency())
      return false;
    return Value::CompareNumbers(a.value(), b.value()) == 0;
  }
  if (ka == ValueKind::kDate && kb == ValueKind::kDate) return a.value().date() == b.value().date();
  if (ka == ValueKind::kBool && kb == ValueKind::kBool) return a.value().integer() == b.value().integer();
  if (TextKind(ka) && TextKind(kb)) {
    if (TermKind(ka) && TermKind(kb)) {
      // Two stored terms with different ids are different terms.
      if (a.term != kNoTerm && b.term != kNoTerm) return false;
      return Fold(a.value().text()) == Fold(b.value().text());
    }
    if (TermKind(ka) || TermKind(kb)) return Fold(a.value().text()) == Fold(b.value().text());
    return a.value().text() == b.value().text();
  }
  return false;
}

// <0, 0, >0, or nullopt-like 2 when incomparable.
int Order(const Operand& a, const Operand& b, bool* comparable) {
  *comparable = false;
  if (a.value().is_null() || b.value().is_null()) return 0;
  ValueKind ka = a.value().kind(), kb = b.value().kind();
  if (a.value().is_numeric() && b.value().is_numeric()) {
    if (ka == ValueKind::kMoney && kb == ValueKind::kMoney && a.value().currency() != b.value().currency())
      return 0;
    *comparable = true;
    return Value::CompareNumbers(a.value(), b.value());
  }
  if ((ka == ValueKind::kDate && kb == ValueKind::kDate) ||
      (ka == ValueKind::kBool && kb == ValueKind::kBool)) {
    *comparable = true;
    return Value::Compare(a.value(), b.value());
  }
  if (TextKind(ka) && TextKind(kb)) {
    *comparable = true;
    int c = a.value().text().compare(b.value().text());
    return c < 0 ? -1 : c > 0;
  }
  return 0;
}

}  // namespace

bool EvalCondition(const BoundExpr& e, const Row& row, ExecContext* ctx) {
  switch (e.kind) {
    case BoundExpr::Kind::kAnd:
      for (const BoundExpr& c : e.children) {
        if (!EvalCondition(c, row, ctx)) return false;
      }
      return true;
    case BoundExpr::Kind::kOr:
      for (const BoundExpr& c : e.children) {
        if (EvalCondition(c, row, ctx)) return true;
      }
      return false;
    case BoundExpr::Kind::kNot:
      return !EvalCondition(e.children[0], row, ctx);
    case BoundExpr::Kind::kCompare: {
      Operand a = EvalOperand(e.children[0], row, ctx);
      Operand b = EvalOperand(e.children[1], row, ctx);
      if (a.value().is_null() || b.value().is_null()) return false;
      if (e.op == CompareOp::kEq) return Equal(a, b);
      if (e.op == CompareOp::kNe) return !Equal(a, b);
      bool comparable = false;
      int c = Order(a, b, &comparable);
      if (!comparable) return false;
      switch (e.op) {
        case CompareOp::kLt:
          return c < 0;
        case CompareOp::kLe:
          return c <= 0;
        case CompareOp::kGt:
          return c > 0;
        case CompareOp::kGe:
          return c >= 0;
        default:
          return false;
      }
    }
    case BoundExpr::Kind::kContains:
    case BoundExpr::Kind::kStartsWith:
    case BoundExpr::Kind::kEndsWith: {
      Operand a = EvalOperand(e.children[0], row, ctx);
      Operand b = EvalOperand(e.children[1], row, ctx);
      if (a.value().is_null() || b.value().is_null()) return false;
      std::string hay = Fold(a.value().ToString()), needle = Fold(b.value().ToString());
      bool r;
      if (e.kind == BoundExpr::Kind::kContains) {
        r = hay.find(needle) != std::string::npos;
      } else if (e.kind == BoundExpr::Kind::kStartsWith) {
        r = hay.compare(0, needle.size(), needle) == 0;
      } else {
        r = hay.size() >= needle.size() &&
            hay.compare(hay.size() - needle.size(), needle.size(), needle) == 0;
      }
      return r != e.negated;
    }
    case BoundExpr::Kind::kIn: {
      Operand a = EvalOperand(e.children[0], row, ctx);
      if (a.value().is_null()) return false;
      bool found = false;
      for (size_t i = 1; i < e.children.size() && !found; ++i)
        found = Equal(a, EvalOperand(e.children[i], row, ctx));
      return found != e.negated;
    }
    case BoundExpr::Kind::kIsNull: {
      Operand a = EvalOperand(e.children[0], row, ctx);
      return a.value().is_null() != e.negated;
    }
    case BoundExpr::Kind::kConstant:
      return e.value.kind() == ValueKind::kBool && e.value.integer() != 0;
    case BoundExpr::Kind::kCall: {
      Operand a = EvalOperand(e, row, ctx);
      return a.value().kind() == ValueKind::kBool && a.value().integer() != 0;
    }
    case BoundExpr::Kind::kVariable:
      return false;
  }
  return false;
}

}  // namespace kg::query
