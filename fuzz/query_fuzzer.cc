// libFuzzer target for the query front end: arbitrary bytes go through
// Parse → Bind → Plan → EXPLAIN → Execute against a small in-memory graph.
// Any crash, sanitizer report, leak or escaping exception is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kg/options.h"
#include "query/binder/binder.h"
#include "query/engine.h"
#include "query/parser/parser.h"
#include "query/planner/plan.h"
#include "storage/memory_source.h"

namespace {

kg::storage::MemorySource& Graph() {
  static kg::storage::MemorySource* source = [] {
    auto* s = new kg::storage::MemorySource();
    const char* names[] = {"Microsoft", "Amazon", "Japan", "India", "Asia", "Tokyo", "Kanto"};
    const char* preds[] = {"invests_in", "located_in", "part_of", "headquartered_in"};
    for (int i = 0; i < 40; ++i) {
      s->Add(kg::Value::Entity(names[i % 7]), preds[i % 4], kg::Value::Entity(names[(i * 3 + 1) % 7]),
             i % 2 ? "seed" : "aws-japan", static_cast<uint32_t>(i), i % 5 == 0);
    }
    s->Add(kg::Value::Entity("Microsoft"), "investment_amount", kg::Value::Money(1e10, "USD"), "seed", 1);
    s->Add(kg::Value::Entity("Microsoft"), "founded_on", kg::Value::DateValue(kg::Date{1975, 4, 4}), "seed",
           2);
    s->SetSentence("seed", 1, "Microsoft invests $10 billion in Japan.");
    s->Finish();
    return s;
  }();
  return *source;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  kg::storage::MemorySource& source = Graph();
  // Half the inputs run with in-memory pair tables (as a store answers
  // predicates in repeated use), half with index scans.
  source.set_pair_tables(size % 4 < 2);
  kg::Result<kg::query::ParsedScript> parsed = kg::query::Parse(text);
  if (!parsed.ok()) return 0;
  for (const kg::query::ParsedStatement& st : parsed->statements) {
    kg::Result<kg::query::BoundQuery> bound = kg::query::Bind(st, source);
    if (!bound.ok()) continue;
    kg::Result<kg::query::Plan> plan = kg::query::MakePlan(*bound, source);
    if (plan.ok()) (void)plan->Explain();
  }
  kg::QueryOptions options;
  options.max_rows = 20000;
  options.include_hedged = size % 2 == 0;
  kg::Result<kg::QueryResult> result = kg::query::Execute(text, source, options);
  (void)result;
  return 0;
}
