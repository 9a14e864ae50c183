#include "rdf/import.h"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "api/case_fold.h"
#include "rdf/mapping.h"
#include "rdf/ntriples_parser.h"
#include "storage/triple_source.h"

namespace kg::rdf {

namespace {

constexpr size_t kChunkBytes = 1u << 20;
constexpr uint64_t kProgressEvery = 4u << 20;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Kept small: a 10^6-triple file has ~160k entities.
struct EntityInfo {
  Value value;      // Value::Entity(name)
  const char* key;  // the IRI (or "_:label"), in EntityTable's arena
  uint32_t key_size = 0;
  uint32_t article = 0;  // the first article using it (index into Importer::articles_)
};

// A 128-bit fingerprint of an entity key (two independent 64-bit hashes of
// 8-byte words). Entities are identified by it without comparing strings: a
// collision among even 10^9 keys has a probability below 10^-20, and
// skipping the string comparison saves a cache miss per lookup, which
// dominated the parse time of large files.
struct Fingerprint {
  uint64_t a = 0;
  uint64_t b = 0;
  bool operator==(const Fingerprint&) const = default;
};

Fingerprint HashKey(std::string_view s, bool blank) {
  uint64_t a = blank ? 0x9E3779B97F4A7C15ull : 0xCBF29CE484222325ull;
  uint64_t b = blank ? 0xC2B2AE3D27D4EB4Full : 0x165667B19E3779F9ull;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    a = (a ^ w) * 0x100000001B3ull;
    a ^= a >> 29;
    b = (b + w) * 0xBF58476D1CE4E5B9ull;
    b ^= b >> 31;
  }
  uint64_t tail = s.size();
  for (; i < s.size(); ++i) tail = (tail << 8) | static_cast<unsigned char>(s[i]);
  a = (a ^ tail) * 0xD6E8FEB86659FD93ull;
  a ^= a >> 32;
  b = (b + tail) * 0x94D049BB133111EBull;
  b ^= b >> 29;
  b = b * 0xBF58476D1CE4E5B9ull;
  return {a ^ (a >> 31), b ^ (b >> 32)};
}

// IRI → entity, open addressing over entries in a deque (no reallocation
// copies while it grows), keys in an arena of 1 MiB blocks. An import
// touches every entity on almost every line; std::unordered_map's scattered
// nodes made those lookups the slowest part of parsing.
class EntityTable {
 public:
  // The entry with fingerprint `fp`: its 1-based index (0 when absent) and
  // first article, both from the slot, so a lookup touches one cache line.
  struct Found {
    uint32_t index = 0;
    uint32_t article = 0;
  };
  Found Find(const Fingerprint& fp) const {
    if (slots_.empty()) return {};
    for (size_t i = fp.a & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.index == 0 || slot.fp == fp) return {slot.index, slot.article};
    }
  }
  // Adds an entry; returns its 1-based index.
  uint32_t Insert(std::string_view key, Value value, uint32_t article, const Fingerprint& fp) {
    if ((entries_.size() + 1) * 2 > slots_.size()) Grow();
    entries_.push_back(EntityInfo{std::move(value), Store(key), static_cast<uint32_t>(key.size()), article});
    uint32_t index = static_cast<uint32_t>(entries_.size());
    Place(Slot{fp, index, article});
    return index;
  }
  EntityInfo& at(uint32_t index) { return entries_[index - 1]; }
  const std::deque<EntityInfo>& entries() const { return entries_; }
  static std::string_view Key(const EntityInfo& e) { return std::string_view(e.key, e.key_size); }

 private:
  static constexpr size_t kBlock = 1u << 20;
  struct Slot {
    Fingerprint fp;
    uint32_t index = 0;  // 1-based into entries_; 0 = empty
    uint32_t article = 0;
  };
  const char* Store(std::string_view key) {
    if (blocks_.empty() || block_used_ + key.size() > kBlock) {
      blocks_.push_back(std::make_unique<char[]>(std::max(kBlock, key.size())));
      block_used_ = 0;
    }
    char* at = blocks_.back().get() + block_used_;
    std::memcpy(at, key.data(), key.size());
    block_used_ += key.size();
    return at;
  }
  void Place(const Slot& slot) {
    size_t i = slot.fp.a & mask_;
    while (slots_[i].index != 0) i = (i + 1) & mask_;
    slots_[i] = slot;
  }
  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.index != 0) Place(s);
    }
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  std::deque<EntityInfo> entries_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_used_ = 0;
};

// A set of fingerprints (open addressing; all-zero marks an empty slot).
class FingerprintSet {
 public:
  // Inserts; false if it was already there.
  bool Insert(Fingerprint fp) {
    if (fp == Fingerprint{}) fp.a = 1;
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    size_t i = fp.a & mask_;
    for (; !(slots_[i] == Fingerprint{}); i = (i + 1) & mask_) {
      if (slots_[i] == fp) return false;
    }
    slots_[i] = fp;
    ++size_;
    return true;
  }

 private:
  void Grow() {
    std::vector<Fingerprint> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Fingerprint{});
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const Fingerprint& fp : old) {
      if (!(fp == Fingerprint{})) Insert(fp);
    }
  }
  std::vector<Fingerprint> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

// A triple parsed and mapped, waiting to be handed to the sink. Entities go
// by their 1-based index in the Importer's EntityTable; a triple that is the
// first to name an entity carries its Value (the table itself belongs to the
// parsing thread). The strings it points to (article name, predicate name
// and IRI) are owned by the Importer and never move.
struct PendingTriple {
  const std::string* article;
  uint32_t subject;
  uint32_t object_entity;  // 0: the object is the literal in `object`
  const std::string* predicate;
  const std::string* predicate_iri;
  Value subject_value;  // set when this triple first names the subject
  Value object;         // the literal, or the object entity when first named here
};

// The worker's side of the hand-over: keeps what it has seen of each entity
// (its Value, or its id for a sink that resolves ids) by entity index, so a
// term is looked up in the sink once, not on every line that names it.
class TripleFeeder {
 public:
  explicit TripleFeeder(ImportSink* sink) : sink_(sink), by_id_(sink->resolves_ids()) {}

  Status Add(PendingTriple& t) { return by_id_ ? AddIds(t) : AddValues(t); }

 private:
  Status AddValues(PendingTriple& t) {
    if (t.subject > values_.size()) values_.push_back(std::move(t.subject_value));
    const Value* object = &t.object;
    if (t.object_entity != 0) {
      if (t.object_entity > values_.size()) values_.push_back(std::move(t.object));
      object = &values_[t.object_entity - 1];
    }
    return sink_->AddTriple(*t.article, values_[t.subject - 1], *t.predicate, *t.predicate_iri, *object);
  }

  // Resolves in the order AddTriple would (subject, predicate, object), so
  // the sink allocates the same ids.
  Status AddIds(PendingTriple& t) {
    KG_ASSIGN_OR_RETURN(uint64_t s, EntityId(*t.article, t.subject, t.subject_value));
    KG_ASSIGN_OR_RETURN(uint64_t p, PredicateId(*t.article, t.predicate));
    uint64_t o = 0;
    if (t.object_entity != 0) {
      KG_ASSIGN_OR_RETURN(o, EntityId(*t.article, t.object_entity, t.object));
    } else {
      KG_ASSIGN_OR_RETURN(o, sink_->ResolveTerm(*t.article, t.object));
    }
    return sink_->AddTripleIds(*t.article, s, p, *t.predicate_iri, o);
  }

  Result<uint64_t> EntityId(const std::string& article, uint32_t index, const Value& first_seen) {
    if (index <= ids_.size()) return ids_[index - 1];
    KG_ASSIGN_OR_RETURN(uint64_t id, sink_->ResolveTerm(article, first_seen));
    ids_.push_back(id);
    return id;
  }

  Result<uint64_t> PredicateId(const std::string& article, const std::string* name) {
    if (name == last_predicate_) return last_predicate_id_;
    auto it = predicate_ids_.find(name);
    if (it == predicate_ids_.end()) {
      KG_ASSIGN_OR_RETURN(uint64_t id, sink_->ResolveTerm(article, Value::Predicate(*name)));
      it = predicate_ids_.emplace(name, id).first;
    }
    last_predicate_ = name, last_predicate_id_ = it->second;
    return it->second;
  }

  ImportSink* sink_;
  const bool by_id_;
  std::vector<Value> values_;  // by entity index - 1 (sinks taking Values)
  std::vector<uint64_t> ids_;  // by entity index - 1 (sinks resolving ids)
  std::unordered_map<const std::string*, uint64_t> predicate_ids_;
  const std::string* last_predicate_ = nullptr;
  uint64_t last_predicate_id_ = 0;
};

// Feeds the sink from a second thread, so that on two cores parsing (this
// thread) overlaps with the storage's per-triple work (dictionary, sorting).
// Batches go through a short bounded queue; the sink is only ever called
// from the worker while it runs.
class SinkPipeline {
 public:
  static constexpr size_t kBatch = 4096;
  static constexpr size_t kMaxQueued = 4;

  explicit SinkPipeline(ImportSink* sink) : sink_(sink), worker_([this] { Work(); }) {}
  ~SinkPipeline() { (void)Close(); }

  // Queues a batch, waiting while the queue is full. False once the worker
  // has failed (the caller should stop; Close() returns the error).
  bool Push(std::vector<PendingTriple>&& batch) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return queue_.size() < kMaxQueued || !error_.ok(); });
    if (!error_.ok()) return false;
    queue_.push_back(std::move(batch));
    not_empty_.notify_one();
    return true;
  }

  // Waits for the worker to finish everything queued; its first error.
  Status Close() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      closed_ = true;
      not_empty_.notify_one();
    }
    if (worker_.joinable()) worker_.join();
    return error_;
  }

 private:
  void Work() {
    TripleFeeder feeder(sink_);
    std::vector<PendingTriple> batch;
    while (true) {
      {
        std::unique_lock<std::mutex> lock(mu_);
        not_empty_.wait(lock, [&] { return !queue_.empty() || closed_; });
        if (queue_.empty()) return;
        batch = std::move(queue_.front());
        queue_.pop_front();
        not_full_.notify_one();
      }
      for (PendingTriple& t : batch) {
        Status st = feeder.Add(t);
        if (!st.ok()) {
          std::lock_guard<std::mutex> lock(mu_);
          error_ = std::move(st);
          queue_.clear();
          not_full_.notify_one();
          return;
        }
      }
    }
  }

  ImportSink* sink_;
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<std::vector<PendingTriple>> queue_;
  bool closed_ = false;
  Status error_;
  std::thread worker_;  // last: starts after the members it uses exist
};

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
  // The 1-based index in entities_ of the entity for `term`, created on
  // first sight and marked as used by `article`.
  uint32_t Entity(const Term& term, uint32_t article);
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
  std::vector<PendingTriple> batch_;
  // (entity index << 32 | article) for entities used by more than their
  // first article (N-Quads with several graphs).
  std::unordered_set<uint64_t> more_articles_;
  std::unordered_map<std::string, uint32_t> article_index_;
  int64_t default_index_ = -1;
  Term last_graph_;
  int64_t last_graph_index_ = -1;
  EntityTable entities_;
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
  pipeline_ = std::make_unique<SinkPipeline>(sink_);
  batch_.reserve(SinkPipeline::kBatch);
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
  uint32_t article = ArticleIndex(quad_);
  const uint32_t known = static_cast<uint32_t>(entities_.entries().size());
  const uint32_t subject = Entity(quad_.subject, article);
  const uint32_t object_entity = quad_.object.kind == TermKind::kLiteral ? 0 : Entity(quad_.object, article);
  const auto& predicate = Predicate(quad_.predicate.value);
  ++progress_.triples;
  ++report_.triples;
  PendingTriple& t = batch_.emplace_back(PendingTriple{&articles_[article],
                                                       subject,
                                                       object_entity,
                                                       &predicate.second,
                                                       &predicate.first,
                                                       {},
                                                       std::move(object)});
  // Entities this line created travel with it (TripleFeeder).
  if (subject > known) t.subject_value = entities_.at(subject).value;
  if (object_entity > known && object_entity != subject) t.object = entities_.at(object_entity).value;
  if (batch_.size() >= SinkPipeline::kBatch && !PushBatch()) {
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

uint32_t Importer::Entity(const Term& term, uint32_t article) {
  const bool blank = term.kind == TermKind::kBlankNode;
  const Fingerprint hash = HashKey(term.value, blank);
  auto [index, first_article] = entities_.Find(hash);
  if (index == 0) {
    first_article = article;
    std::string key = blank ? "_:" + term.value : term.value;
    std::string name;
    if (blank) {
      name = key;
    } else {
      name = LocalName(term.value);
      // Insert returns false when another IRI of this import has the name.
      bool clash = !names_taken_.Insert(HashKey(FoldCase(name), false));
      if (!clash) {
        if (const storage::TripleSource* existing = sink_->existing()) {
          storage::TermId id = existing->FindEntity(name);
          if (id != storage::kNoTerm) {
            std::string stored_iri = existing->GetIri(id);
            clash = !stored_iri.empty() && stored_iri != term.value;
          }
        }
      }
      if (clash) name = term.value;
    }
    index = entities_.Insert(key, Value::Entity(std::move(name)), article, hash);
  }
  if (first_article != article) more_articles_.insert(static_cast<uint64_t>(index) << 32 | article);
  return index;
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
  if (batch_.empty()) return true;
  bool ok = pipeline_->Push(std::move(batch_));
  batch_.clear();
  batch_.reserve(SinkPipeline::kBatch);
  return ok;
}

// Hands every entity (with its IRI) to the sink once per article using it.
Status Importer::Flush() {
  EntityData data;
  for (const EntityInfo& info : entities_.entries()) {
    data.name = info.value.text();
    data.iri = entities_.Key(info);
    KG_RETURN_IF_ERROR(sink_->AddEntity(articles_[info.article], data));
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
