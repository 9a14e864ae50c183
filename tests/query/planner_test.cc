// Planning cost grows gently with the query (counted in search steps, not
// timed), planning stops when cancelled, and "did you mean" work is bounded.
#include <gtest/gtest.h>

#include <atomic>
#include <string>

#include "kg/options.h"
#include "query/binder/binder.h"
#include "query/budget.h"
#include "query/engine.h"
#include "query/parser/parser.h"
#include "query/planner/plan.h"
#include "storage/memory_source.h"

namespace kg::query {
namespace {

const storage::MemorySource& Graph() {
  static storage::MemorySource* source = [] {
    auto* s = new storage::MemorySource();
    for (int i = 0; i < 5000; ++i) {
      s->Add(Value::Entity("company" + std::to_string(i)), "partners_with",
             Value::Entity("company" + std::to_string((i * 7 + 1) % 5000)));
    }
    s->Finish();
    return s;
  }();
  return *source;
}

std::string Chain(int hops) {
  std::string q = "MATCH ?x0";
  for (int i = 1; i <= hops; ++i) q += " -partners_with-> ?x" + std::to_string(i);
  return q + " RETURN ?x0";
}

Result<Plan> PlanOf(const std::string& text, BoundQuery* bound, const QueryBudget* budget = nullptr) {
  Result<ParsedScript> parsed = Parse(text);
  if (!parsed.ok()) return parsed.status();
  Result<BoundQuery> b = Bind(parsed->statements[0], Graph());
  if (!b.ok()) return b.status();
  *bound = std::move(b).value();
  return MakePlan(*bound, Graph(), false, budget);
}

// The greedy search evaluates only the patterns connected to what is bound:
// linear for a chain (main evaluated every pattern at every step, with a
// copy of the bound variables each time: cubic).
TEST(PlannerTest, AChainOf2000HopsPlansInLinearSearchSteps) {
  BoundQuery bound;
  Result<Plan> plan = PlanOf(Chain(2000), &bound);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_EQ(plan->steps.size(), 2000u);
  EXPECT_LE(plan->search_steps, 10u * 2000);
}

TEST(PlannerTest, PlanningStopsWhenCancelled) {
  std::atomic<bool> cancel{true};
  QueryOptions options;
  options.cancel = &cancel;
  QueryBudget budget(options);
  BoundQuery bound;
  Result<Plan> plan = PlanOf(Chain(50), &bound, &budget);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.status().code(), Status::Code::kCancelled);
}

// 1000 unknown names: only the first few get suggestions, and the entity
// names are read once.
TEST(PlannerTest, DidYouMeanWorkIsBoundedPerStatement) {
  std::string list;
  for (int i = 0; i < 1000; ++i) list += (i ? ", " : "") + std::string("compani") + std::to_string(i) + "x";
  Result<ParsedScript> parsed = Parse("MATCH ?c -partners_with-> ?k WHERE ?k IN [" + list + "] RETURN ?c");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  Result<BoundQuery> bound = Bind(parsed->statements[0], Graph());
  ASSERT_TRUE(bound.ok()) << bound.status().ToString();
  EXPECT_EQ(bound->hints.size(), 1000u);
  EXPECT_NE(bound->hints[0].find("did you mean"), std::string::npos) << bound->hints[0];
  EXPECT_LE(bound->hint_work, 10u * 5000);
}

}  // namespace
}  // namespace kg::query
