#include "rdf/import.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "api/case_fold.h"
#include "rdf/entity_table.h"
#include "rdf/import_pipeline.h"
#include "rdf/mapping.h"
#include "rdf/ntriples_parser.h"
#include "storage/triple_source.h"

namespace kg::rdf {

namespace {

using internal::Batch;
using internal::EntityIndex;
using internal::EntityInfo;
using internal::EntityList;
using internal::Fingerprint;
using internal::FingerprintSet;
using internal::HashKey;
using internal::PendingTriple;
using internal::SinkPipeline;
using internal::StagedTerm;
using internal::TripleFeeder;

constexpr size_t kChunkBytes = 1u << 20;
constexpr uint64_t kProgressEvery = 4u << 20;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// One import run: the parser, the name tables and the counters.
class Importer {
 public:
  Importer(const std::string& file, uint64_t bytes_total, ImportSink* sink, const ImportOptions& options)
      : file_(file),
        sink_(sink),
        options_(options),
        parser_(options.syntax.value_or(EndsWith(file, ".nq") ? Syntax::kNQuads : Syntax::kNTriples)) {
    default_article_ = options.article.empty() ? FileStem(file) : options.article;
    progress_.bytes_total = bytes_total;
    report_.file = file;
  }

  Result<ImportReport> Run(std::istream& in);

 private:
  Status HandleLine(std::string_view line, uint64_t offset);
  Status HandleQuad(std::string_view line, uint64_t offset);
  uint32_t ArticleIndex(const Quad& quad);
  int64_t ArticleNamed(const std::string& name);
  // The entity of `term`: numbered on first sight (then its text goes in the
  // batch), marked as used by `article`.
  StagedTerm Stage(const Term& term, uint32_t article);
  // Names the batch's new entities and hands its triples to the sink (the
  // worker).
  Status MapBatch(Batch& batch);
  // Names a new entity (its IRI or blank node label) and adds it to
  // entities_ (the worker).
  void NameEntity(std::string_view value, bool blank, uint32_t article);
  // The (IRI, name) entry of a predicate IRI.
  const std::pair<const std::string, std::string>& Predicate(const std::string& iri);
  // Hands the current batch to the pipeline; false if the sink failed.
  bool PushBatch();
  Status Flush();

  const std::string file_;
  ImportSink* sink_;
  const ImportOptions& options_;
  LineParser parser_;
  std::string default_article_;
  Quad quad_;
  ImportProgress progress_;
  ImportReport report_;
  uint64_t next_progress_ = kProgressEvery;

  std::deque<std::string> articles_;  // a deque: PendingTriple points into it
  Batch batch_;
  // (entity index << 32 | article) for entities used by more than their
  // first article (N-Quads with several graphs).
  std::unordered_set<uint64_t> more_articles_;
  std::unordered_map<std::string, uint32_t> article_index_;
  int64_t default_index_ = -1;
  Term last_graph_;
  int64_t last_graph_index_ = -1;
  EntityIndex entity_index_;  // the reading thread's
  // Only the worker touches these while the pipeline runs.
  EntityList entities_;
  TripleFeeder feeder_{sink_, &entities_};
  // Folded local names already given to an entity of this import (a second
  // IRI with the same local name is necessarily a different one).
  FingerprintSet names_taken_;
  std::unordered_map<std::string, std::string> predicates_;  // IRI → name
  const std::string rdf_type_ = kRdfType;
  // The last predicate looked up: most files use a handful of predicates.
  const std::pair<const std::string, std::string>* last_predicate_ = nullptr;
  // Last, so it is destroyed (its worker joined) before the strings that
  // queued triples point to.
  std::unique_ptr<SinkPipeline> pipeline_;
};

Result<ImportReport> Importer::Run(std::istream& in) {
  std::string buf;
  buf.reserve(kChunkBytes * 2);
  size_t start = 0;         // first unconsumed byte of buf
  uint64_t buf_offset = 0;  // file offset of buf[0]
  bool eof = false;
  Status st;
  pipeline_ = std::make_unique<SinkPipeline>([this](Batch& batch) { return MapBatch(batch); });
  batch_.triples.reserve(SinkPipeline::kBatch);
  while (!eof && st.ok()) {
    buf.erase(0, start);
    buf_offset += start;
    start = 0;
    size_t old = buf.size();
    buf.resize(old + kChunkBytes);
    in.read(buf.data() + old, static_cast<std::streamsize>(kChunkBytes));
    size_t got = static_cast<size_t>(in.gcount());
    buf.resize(old + got);
    eof = got == 0;
    if (in.bad()) st = Status::IOError("error reading '" + file_ + "'");
    progress_.bytes_read += got;
    while (st.ok()) {
      size_t nl = buf.find('\n', start);
      if (nl == std::string::npos) {
        if (!eof || start >= buf.size()) break;
        nl = buf.size();  // last line without a newline
      }
      st = HandleLine(std::string_view(buf).substr(start, nl - start), buf_offset + start);
      start = std::min(nl + 1, buf.size());
      if (nl == buf.size()) break;
    }
    if (options_.progress && progress_.bytes_read >= next_progress_) {
      next_progress_ = progress_.bytes_read + kProgressEvery;
      options_.progress(progress_);
    }
  }
  if (st.ok()) PushBatch();
  // The sink's own error (e.g. an article that exists) explains a stop best.
  Status sink_status = pipeline_->Close();
  if (!sink_status.ok()) st = sink_status;
  if (st.ok()) st = Flush();
  if (!st.ok()) {
    sink_->Abort();
    return st;
  }
  auto loaded = sink_->Finish();
  if (!loaded.ok()) return loaded.status();
  report_.articles = std::move(loaded).value();
  if (options_.progress) options_.progress(progress_);
  return std::move(report_);
}

Status Importer::HandleLine(std::string_view line, uint64_t offset) {
  ++progress_.lines;
  ++report_.lines;
  // Some tools start files with a UTF-8 byte order mark; it is not part of
  // the first statement.
  if (offset == 0 && line.starts_with("\xEF\xBB\xBF")) {
    line.remove_prefix(3);
    offset = 3;
  }
  Status st = HandleQuad(line, offset);
  if (st.ok()) return st;
  // Storage failures are never "bad lines".
  if (st.code() != Status::Code::kSyntaxError && st.code() != Status::Code::kInvalidArgument) return st;
  if (!options_.skip_bad) return st;
  ++report_.skipped;
  if (report_.skipped_errors.size() < options_.max_reported_errors) report_.skipped_errors.push_back(st);
  return Status::OK();
}

Status Importer::HandleQuad(std::string_view line, uint64_t offset) {
  bool is_statement = false;
  Status st = parser_.Parse(line, &quad_, &is_statement);
  if (!st.ok()) return LocateError(st, file_, report_.lines, offset);
  if (!is_statement) return Status::OK();

  // Convert the literal first: an ill-typed literal must reject the line
  // before anything of it is recorded.
  Value object;
  if (quad_.object.kind == TermKind::kLiteral) {
    auto v = LiteralToValue(quad_.object);
    if (!v.ok()) {
      // The literal is the first '"' of the line: IRIs and blank node labels
      // cannot contain one unescaped.
      size_t begin = line.find('"');
      size_t end = line.rfind(quad_.object.datatype.empty() ? '"' : '>');
      if (begin == std::string_view::npos) begin = 0;
      if (end == std::string_view::npos || end < begin) end = line.size() - 1;
      SourceSpan span;
      span.line = 1;
      size_t column = 1;
      for (size_t i = 0; i < begin; ++i) column += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
      span.column = static_cast<uint32_t>(column);
      span.offset = begin;
      span.length = end - begin + 1;
      Status bad(Status::Code::kInvalidArgument, v.status().message());
      bad.WithSpan(span);
      return LocateError(bad, file_, report_.lines, offset);
    }
    object = std::move(v).value();
    if (!quad_.object.language.empty()) {
      ++report_.language_tags_dropped;
    } else if (object.kind() == ValueKind::kString && !quad_.object.datatype.empty() &&
               quad_.object.datatype != kXsdString && quad_.object.datatype != kRdfLangString) {
      ++report_.datatypes_dropped;
    }
  }
  const uint32_t article = ArticleIndex(quad_);
  const auto& predicate = Predicate(quad_.predicate.value);
  ++progress_.triples;
  ++report_.triples;
  PendingTriple& t = batch_.triples.emplace_back();
  t.article = &articles_[article];
  t.article_index = article;
  t.subject = Stage(quad_.subject, article);
  t.literal = quad_.object.kind == TermKind::kLiteral;
  if (t.literal) {
    t.literal_value = std::move(object);
  } else {
    t.object = Stage(quad_.object, article);
  }
  t.predicate = &predicate.second;
  t.predicate_iri = &predicate.first;
  if (batch_.triples.size() >= SinkPipeline::kBatch && !PushBatch()) {
    return Status::Internal("the import pipeline stopped");  // replaced by the sink's error in Run
  }
  return Status::OK();
}

uint32_t Importer::ArticleIndex(const Quad& quad) {
  // Statements of one graph usually come together: remember the last one.
  if (!quad.has_graph) {
    if (default_index_ < 0) default_index_ = ArticleNamed(default_article_);
    return static_cast<uint32_t>(default_index_);
  }
  if (last_graph_index_ >= 0 && quad.graph.kind == last_graph_.kind &&
      quad.graph.value == last_graph_.value) {
    return static_cast<uint32_t>(last_graph_index_);
  }
  last_graph_ = quad.graph;
  last_graph_index_ = ArticleNamed(quad.graph.kind == TermKind::kBlankNode ? "_:" + quad.graph.value
                                                                           : LocalName(quad.graph.value));
  return static_cast<uint32_t>(last_graph_index_);
}

int64_t Importer::ArticleNamed(const std::string& name) {
  auto it = article_index_.find(name);
  if (it != article_index_.end()) return it->second;
  uint32_t index = static_cast<uint32_t>(articles_.size());
  articles_.push_back(name);
  article_index_.emplace(name, index);
  return index;
}

StagedTerm Importer::Stage(const Term& term, uint32_t article) {
  StagedTerm staged;
  staged.blank = term.kind == TermKind::kBlankNode;
  const Fingerprint fp = HashKey(term.value, staged.blank);
  const EntityIndex::Found found = entity_index_.Find(fp);
  if (found.index != 0) {
    if (found.article != article) more_articles_.insert(static_cast<uint64_t>(found.index) << 32 | article);
    staged.index = found.index;
    return staged;
  }
  staged.index = entity_index_.Add(fp, article);
  staged.is_new = true;
  staged.offset = static_cast<uint32_t>(batch_.text.size());
  staged.size = static_cast<uint32_t>(term.value.size());
  batch_.text += term.value;
  return staged;
}

Status Importer::MapBatch(Batch& batch) {
  for (const PendingTriple& t : batch.triples) {
    // New entities arrive in index order (the order Stage numbered them).
    if (t.subject.is_new) NameEntity(batch.Text(t.subject), t.subject.blank, t.article_index);
    if (!t.literal && t.object.is_new) NameEntity(batch.Text(t.object), t.object.blank, t.article_index);
    KG_RETURN_IF_ERROR(feeder_.Add(*t.article, t.subject.index, *t.predicate, *t.predicate_iri,
                                   t.literal ? 0 : t.object.index, t.literal_value));
  }
  return Status::OK();
}

void Importer::NameEntity(std::string_view value, bool blank, uint32_t article) {
  std::string key = blank ? "_:" + std::string(value) : std::string(value);
  std::string name;
  if (blank) {
    name = key;
  } else {
    name = LocalName(value);
    // Insert returns false when another IRI of this import has the name.
    bool clash = !names_taken_.Insert(HashKey(FoldCase(name), false));
    if (!clash) {
      if (const storage::TripleSource* existing = sink_->existing()) {
        storage::TermId id = existing->FindEntity(name);
        if (id != storage::kNoTerm) {
          std::string stored_iri = existing->GetIri(id);
          clash = !stored_iri.empty() && stored_iri != value;
        }
      }
    }
    if (clash) name = std::string(value);
  }
  entities_.Add(key, Value::Entity(std::move(name)), article);
}

const std::pair<const std::string, std::string>& Importer::Predicate(const std::string& iri) {
  if (last_predicate_ != nullptr && iri == last_predicate_->first) return *last_predicate_;
  // Entity types in an export of kg before format 4 are rdf:type now: the
  // IRI kept for re-export must be rdf:type too.
  const std::string& key = iri == kLegacyTypeIri ? rdf_type_ : iri;
  auto it = predicates_.find(key);
  if (it == predicates_.end()) it = predicates_.emplace(key, PredicateName(key)).first;
  last_predicate_ = &*it;  // unordered_map nodes do not move on rehash
  return *it;
}

bool Importer::PushBatch() {
  if (batch_.triples.empty()) return true;
  const size_t text = batch_.text.size();
  bool ok = pipeline_->Push(std::move(batch_));
  batch_ = Batch();
  batch_.triples.reserve(SinkPipeline::kBatch);
  batch_.text.reserve(text);
  return ok;
}

// Hands every entity (with its IRI) to the sink once per article using it.
Status Importer::Flush() {
  EntityData data;
  uint32_t index = 0;
  for (const EntityInfo& info : entities_.entries()) {
    data.name = info.value.text();
    data.iri = entities_.Key(info);
    // Every entity is in a triple, so the sink has resolved its name once
    // already: handing over the id spares it a second lookup.
    const uint64_t id = feeder_.KnownId(++index);
    if (id != 0) {
      KG_RETURN_IF_ERROR(sink_->AddEntityId(articles_[info.article], id, data));
    } else {
      KG_RETURN_IF_ERROR(sink_->AddEntity(articles_[info.article], data));
    }
  }
  for (uint64_t pair : more_articles_) {
    const EntityInfo& info = entities_.at(static_cast<uint32_t>(pair >> 32));
    data.name = info.value.text();
    data.iri = entities_.Key(info);
    KG_RETURN_IF_ERROR(sink_->AddEntity(articles_[pair & 0xffffffffu], data));
  }
  return Status::OK();
}

}  // namespace

Result<uint64_t> ImportSink::ResolveTerm(std::string_view, const Value&) {
  return Status::NotSupported("this import sink takes terms, not ids");
}

Status ImportSink::AddTripleIds(std::string_view, uint64_t, uint64_t, std::string_view, uint64_t) {
  return Status::NotSupported("this import sink takes terms, not ids");
}

Status ImportSink::AddEntityId(std::string_view, uint64_t, const EntityData&) {
  return Status::NotSupported("this import sink takes terms, not ids");
}

std::string FileStem(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.rfind('.');
  if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  return std::string(name);
}

Result<ImportReport> ImportStream(std::istream& in, const std::string& file, uint64_t bytes_total,
                                  ImportSink* sink, const ImportOptions& options) {
  Importer importer(file, bytes_total, sink, options);
  return importer.Run(in);
}

}  // namespace kg::rdf
