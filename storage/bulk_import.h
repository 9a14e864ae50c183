// BulkImporter: loads large RDF data as whole articles through sorted SST
// files ingested atomically (the layout is that of storage/FORMAT.md; the
// result is indistinguishable from AddArticle of the same triples, except
// that imported assertions have no sentence: Provenance::sentence ==
// kNoSentence, confidence 1).
//
// Usage: Create → AddEntity/AddTriple (any order, any number of articles) →
// Finish. The importer holds the store's write lock for its whole life, so
// AddArticle/DeleteArticle from other threads wait until it is finished or
// destroyed. Not thread-safe itself: call it from one thread.
#ifndef KG_STORAGE_BULK_IMPORT_H_
#define KG_STORAGE_BULK_IMPORT_H_

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "kg/article.h"
#include "kg/result.h"
#include "kg/status.h"
#include "kg/value.h"

namespace kg::storage {

class Store;

// Builds whole articles (one per N-Quads graph / N-Triples file) into sorted
// SST files and ingests them into the store atomically in Finish(); nothing
// is visible before, and Abort()/destruction without Finish() leaves the
// database untouched. Memory stays bounded: records are sorted in runs of at
// most run_records() entries (32 bytes each) spilled to temporary files, then
// merged.
class BulkImporter {
 public:
  // Errors: NotSupported for a read-only store; IOError if the temporary
  // directory cannot be created.
  static Result<std::unique_ptr<BulkImporter>> Create(Store* store, bool replace);
  ~BulkImporter();
  BulkImporter(const BulkImporter&) = delete;
  BulkImporter& operator=(const BulkImporter&) = delete;

  // Records the entity for `article`: its aliases go to the alias table, its
  // iri is kept for export, a non-empty type becomes (entity, type, Type).
  // Errors: AlreadyExists if `article` is stored and !replace;
  // InvalidArgument for an empty article or entity name.
  Status AddEntity(std::string_view article, const EntityData& entity);

  // predicate_iri may be empty; subject/object Values as in Fact (entity or
  // typed literal). Same errors as AddEntity, plus InvalidArgument for a null
  // subject/object or an empty predicate.
  Status AddTriple(std::string_view article, const Value& subject, std::string_view predicate,
                   std::string_view predicate_iri, const Value& object);

  // The id this import gives `term` (a subject or object Value as in
  // AddTriple, or Value::Predicate(name)): this import's, the store's, or a
  // new one. A caller that resolves each distinct term once and then passes
  // ids to AddTripleIds skips the per-triple case folding and hash lookups of
  // AddTriple; the stored result is the same. Same errors as AddTriple
  // (`article` is checked as there).
  Result<uint64_t> ResolveTerm(std::string_view article, const Value& term);

  // AddTriple with ids that ResolveTerm of this importer returned.
  Status AddTripleIds(std::string_view article, uint64_t subject, uint64_t predicate,
                      std::string_view predicate_iri, uint64_t object);

  // AddEntity for an entity whose name ResolveTerm of this importer has
  // resolved to `id` (as Value::Entity(entity.name)); the stored result is
  // the same, without resolving the name again. Same errors as AddEntity,
  // plus InvalidArgument for an id no term of the store or this import has.
  Status AddEntityId(std::string_view article, uint64_t id, const EntityData& entity);

  // Sorts, writes and ingests everything; one report per article, in name
  // order (kReplaced for replaced articles, kUnchanged when a replaced
  // article's triples are identical). With replace, an existing article is
  // first deleted in its own WriteBatch, then the new data is ingested (a
  // crash in between leaves that article absent, never half present).
  // The importer cannot be used afterwards.
  Result<std::vector<LoadReport>> Finish();

  // Drops everything added; the database is untouched. Idempotent.
  void Abort();

  // True when the store held no terms at all when the import began: then no
  // name of the import can clash with a stored one, and callers can skip
  // looking.
  bool started_empty() const;

  // Records per sorted run before it is spilled to disk. Default: 2^20
  // (32 MiB; at most four sorters hold a run at once). Set before adding anything (tests use small values).
  void set_run_records(size_t n);
  size_t run_records() const;

 private:
  class Impl;
  explicit BulkImporter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg::storage

#endif  // KG_STORAGE_BULK_IMPORT_H_
