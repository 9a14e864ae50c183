#include "rdf/export.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "rdf/mapping.h"
#include "rdf/ntriples_writer.h"
#include "storage/triple_source.h"

namespace kg::rdf {

namespace {

constexpr size_t kFlushBytes = 1u << 20;

// Serializes terms once: a term's N-Triples text is cached by id, since hubs,
// predicates and common literals repeat on almost every line and each miss
// costs two dictionary reads. Ids are dense (assigned in sequence), so the
// cache is a vector indexed by id, with a map for any id beyond kDenseIds.
class TermWriter {
 public:
  explicit TermWriter(const storage::TripleSource& src) : src_(src) {}

  Result<const std::string*> Get(storage::TermId id) {
    std::string* slot = Slot(id);
    if (!slot->empty()) return slot;
    auto value = src_.GetTerm(id);
    if (!value.ok()) return value.status();
    std::string iri = src_.GetIri(id);
    const Value& v = value.value();
    if (!iri.empty() && iri.starts_with("_:")) {
      AppendBlankNode(slot, iri.substr(2));
    } else if (!iri.empty()) {
      AppendIri(slot, iri);
    } else if (v.kind() == ValueKind::kEntity && v.text().starts_with("_:")) {
      AppendBlankNode(slot, v.text().substr(2));
    } else {
      AppendTerm(slot, ValueToTerm(v));
    }
    return slot;
  }

 private:
  static constexpr storage::TermId kDenseIds = storage::TermId{1} << 24;

  std::string* Slot(storage::TermId id) {
    if (id >= kDenseIds) return &sparse_[id];
    if (id >= dense_.size()) dense_.resize(std::max<size_t>(id + 1, dense_.size() * 2));
    return &dense_[id];
  }

  const storage::TripleSource& src_;
  std::vector<std::string> dense_;  // "" = not cached yet (no term serializes to "")
  std::unordered_map<storage::TermId, std::string> sparse_;
};

class Writer {
 public:
  Writer(const storage::TripleSource& src, std::ostream& out) : terms_(src), out_(out) {}

  Status Write(const storage::IdTriple& t, const std::string* graph) {
    KG_ASSIGN_OR_RETURN(const std::string* s, terms_.Get(t.s));
    buf_ += *s;
    buf_ += ' ';
    KG_ASSIGN_OR_RETURN(const std::string* p, terms_.Get(t.p));
    buf_ += *p;
    buf_ += ' ';
    KG_ASSIGN_OR_RETURN(const std::string* o, terms_.Get(t.o));
    buf_ += *o;
    if (graph) {
      buf_ += ' ';
      buf_ += *graph;
    }
    buf_ += " .\n";
    ++lines_;
    if (buf_.size() >= kFlushBytes) return Flush();
    return Status::OK();
  }

  Status Flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
    if (!out_) return Status::IOError("cannot write the export output");
    return Status::OK();
  }

  uint64_t lines() const { return lines_; }

 private:
  TermWriter terms_;
  std::ostream& out_;
  std::string buf_;
  uint64_t lines_ = 0;
};

std::string GraphName(const storage::TripleSource& src, storage::TermId article) {
  std::string text;
  std::string iri = src.GetIri(article);
  if (!iri.empty()) {
    AppendIri(&text, iri);
    return text;
  }
  auto v = src.GetTerm(article);
  AppendIri(&text, ArticleIri(v.ok() ? v.value().text() : std::to_string(article)));
  return text;
}

}  // namespace

Status Export(const storage::TripleSource& src, std::ostream& out, ExportFormat format,
              const std::optional<std::string>& article, uint64_t* written) {
  std::vector<storage::TermId> articles;
  if (article) {
    storage::TermId id = src.FindArticle(*article);
    if (id == storage::kNoTerm) return Status::NotFound("no article '" + *article + "'");
    articles.push_back(id);
  }
  Writer writer(src, out);
  if (format == ExportFormat::kNTriples && !article) {
    auto cursor = src.Scan(storage::kNoTerm, storage::kNoTerm, storage::kNoTerm);
    for (; cursor->Valid(); cursor->Next()) KG_RETURN_IF_ERROR(writer.Write(cursor->Get(), nullptr));
    KG_RETURN_IF_ERROR(cursor->status());
  } else {
    if (!article) articles = src.AllArticles();
    std::vector<storage::IdTriple> triples;
    for (storage::TermId a : articles) {
      triples.clear();
      KG_RETURN_IF_ERROR(src.ArticleTriples(a, &triples));
      std::string graph = GraphName(src, a);
      const std::string* g = format == ExportFormat::kNQuads ? &graph : nullptr;
      for (const storage::IdTriple& t : triples) KG_RETURN_IF_ERROR(writer.Write(t, g));
    }
  }
  KG_RETURN_IF_ERROR(writer.Flush());
  if (written) *written = writer.lines();
  return Status::OK();
}

}  // namespace kg::rdf
