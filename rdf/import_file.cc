// ImportFile: the import pipeline (import.cc) writing into a storage::Store
// through its BulkImporter, so a whole file is one atomic SST ingest.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

#include "rdf/import.h"
#include "storage/bulk_import.h"
#include "storage/store.h"

namespace kg::rdf {

namespace {

class BulkSink : public ImportSink {
 public:
  BulkSink(storage::Store* store, std::unique_ptr<storage::BulkImporter> importer)
      : store_(store), importer_(std::move(importer)) {}

  Status AddEntity(std::string_view article, const EntityData& entity) override {
    return importer_->AddEntity(article, entity);
  }
  Status AddTriple(std::string_view article, const Value& subject, std::string_view predicate,
                   std::string_view predicate_iri, const Value& object) override {
    return importer_->AddTriple(article, subject, predicate, predicate_iri, object);
  }
  bool resolves_ids() const override { return true; }
  Result<uint64_t> ResolveTerm(std::string_view article, const Value& term) override {
    return importer_->ResolveTerm(article, term);
  }
  Status AddTripleIds(std::string_view article, uint64_t subject, uint64_t predicate,
                      std::string_view predicate_iri, uint64_t object) override {
    return importer_->AddTripleIds(article, subject, predicate, predicate_iri, object);
  }
  Status AddEntityId(std::string_view article, uint64_t id, const EntityData& entity) override {
    return importer_->AddEntityId(article, id, entity);
  }
  Result<std::vector<LoadReport>> Finish() override { return importer_->Finish(); }
  void Abort() override { importer_->Abort(); }
  // An empty store has no names to clash with: the worker then skips a
  // dictionary lookup per new entity (two RocksDB reads, each with an
  // iterator set up).
  const storage::TripleSource* existing() const override {
    return importer_->started_empty() ? nullptr : store_;
  }

 private:
  storage::Store* store_;
  std::unique_ptr<storage::BulkImporter> importer_;
};

}  // namespace

Result<ImportReport> ImportFile(storage::Store* store, const std::string& path,
                                const ImportOptions& options) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::InvalidArgument("cannot import '" + path + "': it is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open '" + path + "': " + std::strerror(errno));
  if (store == nullptr) return Status::InvalidArgument("ImportFile: no store");
  uint64_t size = std::filesystem::file_size(path, ec);
  if (ec) size = 0;
  auto importer = storage::BulkImporter::Create(store, options.replace);
  if (!importer.ok()) return importer.status();
  BulkSink sink(store, std::move(importer).value());
  return ImportStream(in, path, size, &sink, options);
}

}  // namespace kg::rdf
