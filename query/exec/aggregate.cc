#include "query/exec/aggregate.h"

#include <limits>

namespace kg::query {

void Accumulate(const BoundAggregate& a, const Row& row, AggState* st, ExecContext* ctx) {
  if (a.star) {
    ++st->count;
    return;
  }
  TermId id = row[static_cast<size_t>(a.var)];
  if (id == kNoTerm) return;
  if (a.distinct && !st->seen.insert(id).second) return;
  ++st->count;
  if (a.kind == AggregateKind::kCount) return;
  const Value& v = ctx->Term(id);
  if (a.kind == AggregateKind::kMin || a.kind == AggregateKind::kMax) {
    if (!st->any ||
        (a.kind == AggregateKind::kMin ? Value::Compare(v, st->best) < 0 : Value::Compare(v, st->best) > 0)) {
      st->best = v;
    }
    st->any = true;
    return;
  }
  if (!v.is_numeric()) return;  // SUM and AVG skip non-numbers
  ++st->numeric;
  if (v.kind() != ValueKind::kInteger) st->all_integer = false;
  if (v.kind() == ValueKind::kInteger) st->isum += v.integer();
  st->sum += v.number();
  if (v.kind() == ValueKind::kMoney) {
    st->money_overflow =
        st->money_overflow || __builtin_add_overflow(st->money_sum, v.money_units(), &st->money_sum);
    if (st->currency.empty()) st->currency = v.currency();
    if (st->currency != v.currency()) st->mixed_currency = true;
  } else {
    st->mixed_currency = st->mixed_currency || !st->currency.empty() || st->numeric > 1;
    if (st->currency.empty()) st->currency = "-";
  }
}

namespace {

// An exact quotient rounded half away from zero (AVG of money).
MoneyUnits DivideRounded(MoneyUnits total, uint64_t n) {
  auto d = static_cast<MoneyUnits>(n);
  MoneyUnits q = total / d, r = total % d;
  if (2 * (r < 0 ? -r : r) >= d) q += total < 0 ? -1 : 1;
  return q;
}

}  // namespace

// SUM and AVG stay exact where their inputs are (docs/query-language.md,
// "Aggregates"): a SUM of integers that leaves the int64 range, or of money
// that leaves the money range, is an error rather than a wrapped or rounded
// total.
Value Finish(const BoundAggregate& a, const AggState& st, ExecContext* ctx) {
  bool one_currency = !st.mixed_currency && st.currency != "-" && !st.currency.empty();
  switch (a.kind) {
    case AggregateKind::kCount:
      return Value::Integer(static_cast<int64_t>(st.count));
    case AggregateKind::kMin:
    case AggregateKind::kMax:
      return st.any ? st.best : Value();
    case AggregateKind::kSum:
      if (st.numeric == 0) return Value::Integer(0);
      if (st.all_integer) {
        if (st.isum > std::numeric_limits<int64_t>::max() || st.isum < std::numeric_limits<int64_t>::min()) {
          ctx->Fail(Status::InvalidArgument(
                        "integer overflow in SUM: the total is outside the 64-bit integer range "
                        "(-9223372036854775808 to 9223372036854775807)")
                        .WithHint("sum fewer rows (add WHERE or group with more RETURN items)"));
          return Value();
        }
        return Value::Integer(static_cast<int64_t>(st.isum));
      }
      if (one_currency) {
        if (st.money_overflow) {
          ctx->Fail(Status::InvalidArgument("overflow in SUM: the total amount of " + st.currency +
                                            " is beyond the money range (about 1.7e34)"));
          return Value();
        }
        return Value::MoneyExact(st.money_sum, st.currency);
      }
      return Value::Decimal(st.sum);
    case AggregateKind::kAvg:
      if (st.numeric == 0) return Value();
      if (one_currency && !st.money_overflow)
        return Value::MoneyExact(DivideRounded(st.money_sum, st.numeric), st.currency);
      if (st.all_integer)
        return Value::Decimal(static_cast<double>(st.isum) / static_cast<double>(st.numeric));
      return Value::Decimal(st.sum / static_cast<double>(st.numeric));
  }
  return Value();
}

}  // namespace kg::query
