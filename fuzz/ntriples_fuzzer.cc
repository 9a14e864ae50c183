// libFuzzer target for the N-Triples / N-Quads reader: arbitrary bytes go
// through the line parser (both syntaxes), the literal → value mapping and
// the whole import pipeline into a sink that discards what it is given.
// Properties checked besides "no crash, no sanitizer report":
//   - every value a literal maps to maps back to a literal that maps to the
//     same value (the export/import round trip docs/rdf.md promises);
//   - every error carries a span that lies inside its input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "rdf/import.h"
#include "rdf/mapping.h"
#include "rdf/ntriples_parser.h"

namespace {

// Keeps nothing: the pipeline's parsing, mapping and worker thread are what
// is under test, not storage.
class DiscardSink : public kg::rdf::ImportSink {
 public:
  kg::Status AddEntity(std::string_view, const kg::EntityData&) override { return kg::Status::OK(); }
  kg::Status AddTriple(std::string_view, const kg::Value&, std::string_view, std::string_view,
                       const kg::Value&) override {
    return kg::Status::OK();
  }
  kg::Result<std::vector<kg::LoadReport>> Finish() override { return std::vector<kg::LoadReport>{}; }
  void Abort() override {}
};

void CheckRoundTrip(const kg::rdf::Term& literal) {
  kg::Result<kg::Value> value = kg::rdf::LiteralToValue(literal);
  if (!value.ok()) return;
  kg::Result<kg::Value> again = kg::rdf::LiteralToValue(kg::rdf::ValueToTerm(*value));
  // A failed round trip is a bug: abort so libFuzzer keeps the input.
  if (!again.ok() || !(*again == *value)) std::abort();
}

void CheckSpan(const kg::Status& status, size_t input_size) {
  if (status.ok() || !status.span()) return;
  if (status.span()->offset > input_size) std::abort();
}

void ParseLines(std::string_view text, kg::rdf::Syntax syntax) {
  kg::Status status = kg::rdf::ParseDocument(text, syntax, [](const kg::rdf::Quad& quad, uint64_t) {
    if (quad.object.kind == kg::rdf::TermKind::kLiteral) CheckRoundTrip(quad.object);
    (void)kg::rdf::PredicateName(quad.predicate.value);
    (void)kg::rdf::LocalName(quad.subject.value);
    return kg::Status::OK();
  });
  CheckSpan(status, text.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ParseLines(text, kg::rdf::Syntax::kNTriples);
  ParseLines(text, kg::rdf::Syntax::kNQuads);
  // The whole import pipeline, half the inputs skipping bad lines.
  std::istringstream in{std::string(text)};
  DiscardSink sink;
  kg::rdf::ImportOptions options;
  options.skip_bad = size % 2 == 0;
  kg::Result<kg::rdf::ImportReport> report =
      kg::rdf::ImportStream(in, size % 3 == 0 ? "fuzz.nq" : "fuzz.nt", size, &sink, options);
  if (!report.ok()) CheckSpan(report.status(), size);
  return 0;
}
