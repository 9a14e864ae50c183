// Importing N-Triples / N-Quads files into a kg store (`kg import`).
//
// Mapping (details in docs/rdf.md and rdf/mapping.h): every IRI keeps its
// text for export, its local name becomes the kg name; rdf:type becomes
// `is_a`; XSD-typed literals become typed values; blank node _:x is the
// entity "_:x".
//
// Articles: in N-Quads each graph name becomes an article named after the
// graph IRI's local name; default-graph statements go to the article named
// ImportOptions::article, or else after the file's stem. In N-Triples every
// statement goes to that one article.
//
// Name clashes: two different IRIs with the same local name (compared
// case-insensitively, as kg matches entities) cannot share a name. The first
// IRI seen (in the store, else in the file) keeps the local name; a later one
// is named by its full IRI. An IRI whose local name matches an entity that is
// already stored without an IRI (e.g. one found by the text loader) merges
// with it.
//
// Thread-safety: ImportFile writes through the store's single-writer bulk
// importer (other writers wait until it is done). It reads and parses on
// the calling thread; one worker thread maps IRIs to entities and hands
// triples to the importer.
//
// Memory: the importer keeps one entry per distinct IRI (≈0.3 KB each; about
// 50 MB for the 160,000 entities of a 10^6-triple file) plus what the
// storage bulk importer needs; the file itself is streamed in 1 MiB chunks.
#ifndef KG_RDF_IMPORT_H_
#define KG_RDF_IMPORT_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kg/article.h"
#include "kg/result.h"
#include "kg/status.h"
#include "kg/value.h"
#include "rdf/term.h"

namespace kg::storage {
class Store;
class TripleSource;
}  // namespace kg::storage

namespace kg::rdf {

struct ImportProgress {
  uint64_t bytes_read = 0;
  uint64_t bytes_total = 0;  // 0 when unknown (a stream)
  uint64_t lines = 0;
  uint64_t triples = 0;
};

struct ImportOptions {
  // The article for N-Triples statements and N-Quads default-graph
  // statements (`kg import --id NAME`). Default: empty = the file's stem
  // ("news.nt" → "news").
  std::string article;
  // Skip lines that do not parse (or hold an invalid typed literal), counting
  // them in ImportReport::skipped. When false, the first bad line aborts the
  // import and nothing is stored. Default: false
  bool skip_bad = false;
  // Replace articles of the same name that are already stored. Default: false
  bool replace = false;
  // The syntax; default: N-Quads for a ".nq" file, N-Triples otherwise.
  std::optional<Syntax> syntax;
  // Called about every 4 MiB of input and once at the end (for a progress
  // bar). Default: none.
  std::function<void(const ImportProgress&)> progress;
  // How many skipped-line errors ImportReport keeps. Default: 20
  size_t max_reported_errors = 20;
};

struct ImportReport {
  std::string file;
  uint64_t lines = 0;
  uint64_t triples = 0;                // statements handed to storage
  uint64_t skipped = 0;                // bad lines skipped (skip_bad)
  std::vector<Status> skipped_errors;  // the first max_reported_errors of them
  // What kg does not model and stores simplified (docs/rdf.md), counted so
  // the loss is reported, not silent: literals whose language tag was dropped,
  // and literals of an unmodelled datatype kept as strings of their text.
  uint64_t language_tags_dropped = 0;
  uint64_t datatypes_dropped = 0;
  std::vector<LoadReport> articles;  // one per article written, from storage
};

// Imports `path` into `store` as one atomic bulk ingest (all articles of the
// file or none).
// Errors (nothing is stored on any of them):
//   NotFound "cannot open '<path>': …" for a missing file;
//   SyntaxError "<path>:<line>:<column>: <what was expected>: '<offending text>'"
//     for the first bad line when !skip_bad, with a span whose line/column are
//     the line's and whose offset/length are bytes within the file;
//   InvalidArgument "<path>:<line>:<column>: invalid xsd:integer literal …"
//     for an ill-typed literal (same span convention) when !skip_bad;
//   AlreadyExists / others from the store (e.g. an article with different
//   content without replace).
Result<ImportReport> ImportFile(storage::Store* store, const std::string& path,
                                const ImportOptions& options = {});

// --- Lower level: the import pipeline against any sink (used by tests and
// by ImportFile through an adapter over storage::BulkImporter). -------------

// Where imported entities and triples go; mirrors storage::BulkImporter.
// ImportStream calls a sink from one thread at a time: AddTriple,
// ResolveTerm, AddTripleIds and existing() on a worker thread it starts (the
// calling thread reads and parses meanwhile), then AddEntity and Finish() or
// Abort() on the calling thread once the worker has ended. Every triple is
// added before any AddEntity; then exactly one of Finish() or Abort() is
// called.
class ImportSink {
 public:
  virtual ~ImportSink() = default;
  virtual Status AddEntity(std::string_view article, const EntityData& entity) = 0;
  virtual Status AddTriple(std::string_view article, const Value& subject, std::string_view predicate,
                           std::string_view predicate_iri, const Value& object) = 0;
  virtual Result<std::vector<LoadReport>> Finish() = 0;
  virtual void Abort() = 0;

  // Terms as ids (optional; storage::BulkImporter's ResolveTerm and
  // AddTripleIds). When resolves_ids() is true, the pipeline resolves every
  // distinct entity and predicate once with ResolveTerm (literals at each
  // use) and hands triples to AddTripleIds instead of AddTriple, in the same
  // order, then entities to AddEntityId with the id ResolveTerm gave their
  // name. The defaults: false, and NotSupported.
  virtual bool resolves_ids() const { return false; }
  virtual Result<uint64_t> ResolveTerm(std::string_view article, const Value& term);
  virtual Status AddTripleIds(std::string_view article, uint64_t subject, uint64_t predicate,
                              std::string_view predicate_iri, uint64_t object);
  virtual Status AddEntityId(std::string_view article, uint64_t id, const EntityData& entity);

  // Existing data to check name clashes against; may be null.
  virtual const storage::TripleSource* existing() const { return nullptr; }
};

// Parses `in` and feeds `sink`, calling sink->Finish() at the end, or
// sink->Abort() on error. `file` names the input in messages and supplies the
// default article name (its stem); `bytes_total` (0 if unknown) is passed to
// the progress callback. Same errors as ImportFile.
Result<ImportReport> ImportStream(std::istream& in, const std::string& file, uint64_t bytes_total,
                                  ImportSink* sink, const ImportOptions& options = {});

// The article name ImportFile uses by default for `path`: its file name
// without directory and without the last extension.
std::string FileStem(std::string_view path);

}  // namespace kg::rdf

#endif  // KG_RDF_IMPORT_H_
