// The import's hand-over between its two threads (rdf/import.cc): parsed
// statements in batches (PendingTriple, Batch), a bounded queue with a
// worker thread (SinkPipeline), and the worker's feeding of the sink with
// ids resolved once per term (TripleFeeder).
#ifndef KG_RDF_IMPORT_PIPELINE_H_
#define KG_RDF_IMPORT_PIPELINE_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kg/result.h"
#include "kg/status.h"
#include "kg/value.h"
#include "rdf/entity_table.h"
#include "rdf/import.h"

namespace kg::rdf::internal {

// An entity term of a parsed statement: its index (EntityIndex), and for
// an entity this statement names first, its IRI (or blank node label) in the
// batch's text.
struct StagedTerm {
  uint32_t index = 0;
  bool is_new = false;
  bool blank = false;
  uint32_t offset = 0;
  uint32_t size = 0;
};

// A statement parsed on the reading thread, waiting to be mapped (entity
// names, ids) and handed to the sink on the worker. The strings it points
// to (article name, predicate name and IRI) are owned by the Importer and
// never move.
struct PendingTriple {
  const std::string* article;
  uint32_t article_index;
  StagedTerm subject;
  StagedTerm object;  // unless the object is a literal
  bool literal;
  const std::string* predicate;
  const std::string* predicate_iri;
  Value literal_value;
};

struct Batch {
  std::vector<PendingTriple> triples;
  std::string text;  // the entity terms' IRIs and labels, end to end

  std::string_view Text(const StagedTerm& t) const { return std::string_view(text).substr(t.offset, t.size); }
};

// Hands mapped triples to the sink: as Values, or, for a sink that resolves
// ids, as ids, keeping each entity's and predicate's id so a term is looked
// up in the sink once, not on every line that names it. Runs on the worker.
class TripleFeeder {
 public:
  TripleFeeder(ImportSink* sink, const EntityList* entities)
      : sink_(sink), entities_(entities), by_id_(sink->resolves_ids()) {}

  // `subject` and `object` are 1-based entity indexes; object 0 means
  // `literal`.
  Status Add(const std::string& article, uint32_t subject, const std::string& predicate,
             const std::string& predicate_iri, uint32_t object, const Value& literal) {
    if (!by_id_) {
      const Value& o = object != 0 ? entities_->at(object).value : literal;
      return sink_->AddTriple(article, entities_->at(subject).value, predicate, predicate_iri, o);
    }
    // Resolved in the order AddTriple would (subject, predicate, object), so
    // the sink allocates the same ids.
    KG_ASSIGN_OR_RETURN(uint64_t s, EntityId(article, subject));
    KG_ASSIGN_OR_RETURN(uint64_t p, PredicateId(article, &predicate));
    uint64_t o = 0;
    if (object != 0) {
      KG_ASSIGN_OR_RETURN(o, EntityId(article, object));
    } else {
      KG_ASSIGN_OR_RETURN(o, sink_->ResolveTerm(article, literal));
    }
    return sink_->AddTripleIds(article, s, p, predicate_iri, o);
  }

  // The id the sink gave entity `index` (1-based), or 0 when it has not
  // resolved it (a sink without ids, or an entity in no added triple).
  uint64_t KnownId(uint32_t index) const { return index <= ids_.size() ? ids_[index - 1] : 0; }

 private:
  Result<uint64_t> EntityId(const std::string& article, uint32_t index) {
    if (index <= ids_.size() && ids_[index - 1] != 0) return ids_[index - 1];
    KG_ASSIGN_OR_RETURN(uint64_t id, sink_->ResolveTerm(article, entities_->at(index).value));
    if (index > ids_.size()) ids_.resize(index, 0);
    ids_[index - 1] = id;
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
  const EntityList* entities_;
  const bool by_id_;
  std::vector<uint64_t> ids_;  // by entity index - 1; 0 = not resolved yet
  std::unordered_map<const std::string*, uint64_t> predicate_ids_;
  const std::string* last_predicate_ = nullptr;
  uint64_t last_predicate_id_ = 0;
};

// Runs `consume` on every batch on a second thread, so that on two cores
// reading and parsing (this thread) overlap with mapping entities and the
// storage's per-triple work (dictionary, sorting). Batches go through a
// short bounded queue.
class SinkPipeline {
 public:
  static constexpr size_t kBatch = 4096;
  static constexpr size_t kMaxQueued = 4;

  explicit SinkPipeline(std::function<Status(Batch&)> consume)
      : consume_(std::move(consume)), worker_([this] { Work(); }) {}
  ~SinkPipeline() { (void)Close(); }

  // Queues a batch, waiting while the queue is full. False once the worker
  // has failed (the caller should stop; Close() returns the error).
  bool Push(Batch&& batch) {
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
    Batch batch;
    while (true) {
      {
        std::unique_lock<std::mutex> lock(mu_);
        not_empty_.wait(lock, [&] { return !queue_.empty() || closed_; });
        if (queue_.empty()) return;
        batch = std::move(queue_.front());
        queue_.pop_front();
        not_full_.notify_one();
      }
      Status st = consume_(batch);
      if (!st.ok()) {
        std::lock_guard<std::mutex> lock(mu_);
        error_ = std::move(st);
        queue_.clear();
        not_full_.notify_one();
        return;
      }
    }
  }

  std::function<Status(Batch&)> consume_;
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<Batch> queue_;
  bool closed_ = false;
  Status error_;
  std::thread worker_;  // last: starts after the members it uses exist
};

}  // namespace kg::rdf::internal

#endif  // KG_RDF_IMPORT_PIPELINE_H_
