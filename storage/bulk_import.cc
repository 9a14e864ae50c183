#include "storage/bulk_import.h"

#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/sst_file_writer.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <queue>
#include <set>
#include <thread>
#include <unordered_map>

#include "api/case_fold.h"
#include "storage/huge_pages.h"
#include "storage/key_codec.h"
#include "storage/radix_sort.h"
#include "storage/store.h"
#include "storage/store_internal.h"
#include "storage/text_arena.h"

namespace kg::storage {

namespace fs = std::filesystem;
using codec::Index;
using codec::TermTag;

namespace {

// A record of the sorters: four ids already permuted into the sort order, so
// sorting is plain lexicographic comparison.
using Rec = IdRecord;

// External sort of Recs: runs of at most `limit` records are sorted in
// memory and spilled to files; ForEach merges them (and may run repeatedly).
class RunSorter {
 public:
  RunSorter(std::string dir, std::string name, size_t limit)
      : dir_(std::move(dir)), name_(std::move(name)), limit_(std::max<size_t>(limit, 16)) {}
  ~RunSorter() {
    std::error_code ec;
    for (const auto& f : runs_) fs::remove(f, ec);
  }

  Status Add(const Rec& r) {
    // Mapping the whole run costs address space only: pages are touched as
    // records arrive, and no doubling copy ever happens.
    if (buf_.empty()) buf_ = ZeroedArray<Rec>(limit_);
    buf_[n_++] = r;
    if (n_ >= limit_) return Spill();
    return Status::OK();
  }

  // Sorts what is in memory; call once after the last Add.
  Status Seal() {
    SortBuffer();
    if (!runs_.empty() && n_ > 0) return Spill();
    return Status::OK();
  }

  uint64_t size() const { return total_; }

  // Calls fn for every record in sorted order (duplicates included).
  Status ForEach(const std::function<Status(const Rec&)>& fn) const {
    if (runs_.empty()) {
      for (size_t i = 0; i < n_; ++i) KG_RETURN_IF_ERROR(fn(buf_[i]));
      return Status::OK();
    }
    struct Run {
      FILE* f = nullptr;
      std::vector<Rec> buf;
      size_t pos = 0;
      bool Refill() {
        buf.resize(4096);
        size_t n = std::fread(buf.data(), sizeof(Rec), buf.size(), f);
        buf.resize(n);
        pos = 0;
        return n > 0;
      }
    };
    std::vector<Run> runs(runs_.size());
    auto close_all = [&] {
      for (auto& r : runs) {
        if (r.f) std::fclose(r.f);
      }
    };
    using Item = std::pair<Rec, size_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
    for (size_t i = 0; i < runs_.size(); ++i) {
      runs[i].f = std::fopen(runs_[i].c_str(), "rb");
      if (runs[i].f == nullptr) {
        close_all();
        return Status::IOError("cannot reopen sort run " + runs_[i]);
      }
      if (runs[i].Refill()) heap.emplace(runs[i].buf[0], i);
    }
    Status s;
    while (!heap.empty() && s.ok()) {
      auto [rec, i] = heap.top();
      heap.pop();
      s = fn(rec);
      Run& r = runs[i];
      if (++r.pos < r.buf.size() || r.Refill()) heap.emplace(r.buf[r.pos], i);
    }
    close_all();
    return s;
  }

 private:
  void SortBuffer() {
    if (n_ < 2) return;
    ZeroedArray<Rec> scratch(limit_);  // a whole run's room: the two may swap
    if (RadixSortIds(buf_.begin(), scratch.begin(), n_)) std::swap(buf_, scratch);
  }

  Status Spill() {
    SortBuffer();
    std::string path = dir_ + "/" + name_ + "-run" + std::to_string(runs_.size());
    FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) return Status::IOError("cannot write sort run " + path);
    size_t n = std::fwrite(buf_.begin(), sizeof(Rec), n_, f);
    bool ok = n == n_ && std::fclose(f) == 0;
    if (!ok) return Status::IOError("cannot write sort run " + path + " (disk full?)");
    runs_.push_back(path);
    total_ += n_;
    n_ = 0;
    return Status::OK();
  }

  std::string dir_;
  std::string name_;
  size_t limit_;
  ZeroedArray<Rec> buf_;  // room for limit_ records, the first n_ in use
  size_t n_ = 0;
  std::vector<std::string> runs_;
  uint64_t total_ = 0;
};

// term lookup key → id for every term an import touches. Open addressing
// with short keys stored in the slot: a lookup usually costs one cache miss,
// against two or three for std::unordered_map (this is the hot path of
// AddTriple with 10^5+ distinct terms). An all-zero slot is empty (id
// kNoTerm), so fresh slot arrays need no clearing.
class TermTable {
 public:
  TermTable() : slots_(1 << 16) {}

  TermId Find(std::string_view key) const {
    uint64_t h = Hash(key);
    for (size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (s.id == kNoTerm) return kNoTerm;
      if (s.hash == h && KeyOf(s) == key) return s.id;
    }
  }

  bool empty() const { return size_ == 0; }

  // Precondition: key is not in the table.
  void Insert(std::string_view key, TermId id) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    Place(key, Hash(key), id);
    ++size_;
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    TermId id = kNoTerm;
    uint8_t len = 0;  // 0xff: the key is in the arena (a pointer and a length in inl)
    char inl[15];
  };
  static_assert(sizeof(Slot) == 32);

  static uint64_t Hash(std::string_view key) { return std::hash<std::string_view>()(key); }

  std::string_view KeyOf(const Slot& s) const {
    if (s.len != 0xff) return std::string_view(s.inl, s.len);
    const char* at;
    uint32_t len;
    std::memcpy(&at, s.inl, sizeof at);
    std::memcpy(&len, s.inl + sizeof at, 4);
    return std::string_view(at, len);
  }

  void Place(std::string_view key, uint64_t h, TermId id) {
    size_t i = h & (slots_.size() - 1);
    while (slots_[i].id != kNoTerm) i = (i + 1) & (slots_.size() - 1);
    Slot& s = slots_[i];
    s.hash = h;
    s.id = id;
    if (key.size() < sizeof(s.inl)) {
      s.len = static_cast<uint8_t>(key.size());
      std::memcpy(s.inl, key.data(), key.size());
    } else {
      s.len = 0xff;
      const char* at = arena_.Add(key).data();
      auto len = static_cast<uint32_t>(key.size());
      std::memcpy(s.inl, &at, sizeof at);
      std::memcpy(s.inl + sizeof at, &len, 4);
    }
  }

  void Grow() {
    ZeroedArray<Slot> old(slots_.size() * 2);
    std::swap(old, slots_);
    for (const Slot& s : old) {
      if (s.id == kNoTerm) continue;
      size_t i = s.hash & (slots_.size() - 1);
      while (slots_[i].id != kNoTerm) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = s;  // arena text never moves
    }
  }

  ZeroedArray<Slot> slots_;
  TextArena arena_;
  size_t size_ = 0;
};

// One SST file for one column family; keys must arrive in increasing order.
class SstOut {
 public:
  // `options`: the column family's own (its table format: block size,
  // restart interval).
  SstOut(const std::string& path, Cf cf, rocksdb::Options options)
      : path_(path), cf_(cf), options_(std::move(options)) {
    // LZ4 even where the column family settles on zstd at the bottom level:
    // writing is the import's critical path, and compaction recompresses.
    options_.compression = rocksdb::kLZ4Compression;
    options_.bottommost_compression = rocksdb::kDisableCompressionOption;
  }
  Status Put(std::string_view key, std::string_view value) {
    if (!open_) {
      // The page cache keeps the file: it is ingested and read right after
      // (the default drops each written megabyte with fadvise).
      writer_ = std::make_unique<rocksdb::SstFileWriter>(rocksdb::EnvOptions(), options_, nullptr,
                                                         /*invalidate_page_cache=*/false);
      KG_RETURN_IF_ERROR(FromRocks(writer_->Open(path_), "cannot create " + path_));
      open_ = true;
    }
    ++entries_;
    rocksdb::Status s = writer_->Put(ToSlice(key), ToSlice(value));
    if (s.ok()) return Status::OK();  // the hot path builds no message
    return FromRocks(s, "cannot write " + path_);
  }
  // Closes the file; false when it stayed empty (nothing to ingest).
  Result<bool> Finish() {
    if (!open_) return false;
    KG_RETURN_IF_ERROR(FromRocks(writer_->Finish(&info_), "cannot finish " + path_));
    writer_.reset();
    return true;
  }
  const std::string& path() const { return path_; }
  Cf cf() const { return cf_; }
  // After Finish: the whole-file checksum the writer computed with the
  // database's checksum function (empty without one).
  const std::string& checksum() const { return info_.file_checksum; }
  const std::string& checksum_function() const { return info_.file_checksum_func_name; }

 private:
  std::string path_;
  Cf cf_;
  rocksdb::Options options_;
  bool open_ = false;
  uint64_t entries_ = 0;
  std::unique_ptr<rocksdb::SstFileWriter> writer_;
  rocksdb::ExternalSstFileInfo info_;
};

// A sorted set of (key, value) pairs written to an SST at the end (small
// column families: terms, aliases, IRIs, registry, statistics, metadata).
using SortedKv = std::map<std::string, std::string>;

}  // namespace

class BulkImporter::Impl {
 public:
  Impl(Store* store, bool replace) : store_(store), replace_(replace), lock_(store->write_mu_) {}
  ~Impl() { Abort(); }

  Status Init() {
    if (store_->read_only())
      return Status::NotSupported("the database is open read-only; a writer must import");
    std::string tmpl = store_->path() + "/kg-import-XXXXXX";
    if (mkdtemp(tmpl.data()) == nullptr)
      return Status::IOError("cannot create a temporary directory in " + store_->path());
    dir_ = tmpl;
    next_id_ = store_->next_id_;
    dict_was_empty_ = next_id_ == 1;
    spoa_ = std::make_unique<RunSorter>(dir_, "spoa", run_records_);
    return Status::OK();
  }

  void set_run_records(size_t n) {
    run_records_ = n;
    if (spoa_ && spoa_->size() == 0) spoa_ = std::make_unique<RunSorter>(dir_, "spoa", run_records_);
  }
  size_t run_records() const { return run_records_; }

  Status AddEntity(std::string_view article, const EntityData& e) {
    KG_RETURN_IF_ERROR(Usable());
    if (e.name.empty()) return Status::InvalidArgument("an entity has an empty name");
    KG_ASSIGN_OR_RETURN(ArticleState * a, GetArticle(article));
    KG_ASSIGN_OR_RETURN(TermId id, Resolve(Value::Entity(e.name)));
    return RecordEntity(a, id, e);
  }

  Status AddEntityId(std::string_view article, TermId id, const EntityData& e) {
    KG_RETURN_IF_ERROR(Usable());
    if (e.name.empty()) return Status::InvalidArgument("an entity has an empty name");
    if (id == kNoTerm || id >= next_id_)
      return Status::InvalidArgument("an entity id this import did not give");
    KG_ASSIGN_OR_RETURN(ArticleState * a, GetArticle(article));
    return RecordEntity(a, id, e);
  }

  Status AddTriple(std::string_view article, const Value& subject, std::string_view predicate,
                   std::string_view predicate_iri, const Value& object) {
    KG_RETURN_IF_ERROR(Usable());
    if (subject.is_null() || object.is_null())
      return Status::InvalidArgument("subject and object are required");
    if (predicate.empty()) return Status::InvalidArgument("the predicate is empty");
    KG_ASSIGN_OR_RETURN(ArticleState * a, GetArticle(article));
    KG_ASSIGN_OR_RETURN(TermId s, Resolve(subject));
    KG_ASSIGN_OR_RETURN(TermId p, Resolve(Value::Predicate(std::string(predicate))));
    KG_ASSIGN_OR_RETURN(TermId o, Resolve(object));
    return Record(a, s, p, predicate_iri, o);
  }

  Result<TermId> ResolveTerm(std::string_view article, const Value& term) {
    KG_RETURN_IF_ERROR(Usable());
    if (term.is_null()) return Status::InvalidArgument("subject and object are required");
    if (term.kind() == ValueKind::kPredicate && term.text().empty())
      return Status::InvalidArgument("the predicate is empty");
    // The article first, as AddTriple does: its id comes before its terms'.
    KG_RETURN_IF_ERROR(GetArticle(article).status());
    return Resolve(term);
  }

  Status AddTripleIds(std::string_view article, TermId s, TermId p, std::string_view predicate_iri,
                      TermId o) {
    KG_RETURN_IF_ERROR(Usable());
    KG_ASSIGN_OR_RETURN(ArticleState * a, GetArticle(article));
    return Record(a, s, p, predicate_iri, o);
  }

  bool started_empty() const { return dict_was_empty_; }

  void Abort() {
    done_ = true;
    spoa_.reset();
    if (!dir_.empty()) {
      std::error_code ec;
      fs::remove_all(dir_, ec);
      dir_.clear();
    }
    if (lock_.owns_lock()) lock_.unlock();
  }

  Result<std::vector<LoadReport>> Finish() {
    KG_RETURN_IF_ERROR(Usable());
    Result<std::vector<LoadReport>> r = DoFinish();
    Abort();  // the temporary files go either way
    return r;
  }

 private:
  struct ArticleState {
    std::string name;
    TermId id = kNoTerm;
    bool existed = false;
    bool unchanged = false;
    std::string old_hash;
    codec::ContentHasher hasher;
    // EncodeEntity records (in the importer's entity_text_); released once
    // written.
    std::vector<std::string_view> entity_records;
    uint64_t entity_count = 0;
    uint64_t triples = 0;
  };
  struct Stat {
    int64_t triples = 0, subjects = 0, objects = 0;
  };

  // One assertion of a resolved triple (the per-triple hot path: no
  // allocation).
  Status Record(ArticleState* a, TermId s, TermId p, std::string_view predicate_iri, TermId o) {
    if (!predicate_iri.empty() && p != last_iri_predicate_ && !pred_iris_.count(p))
      pred_iris_.emplace(p, std::string(predicate_iri));
    if (!predicate_iri.empty()) last_iri_predicate_ = p;
    char rec[24];
    codec::StoreU64(rec, s), codec::StoreU64(rec + 8, p), codec::StoreU64(rec + 16, o);
    a->hasher.Update(std::string_view(rec, sizeof rec));
    return spoa_->Add(Rec{s, p, o, a->id});
  }

  // The entity `id` of article `a`: aliases, IRI, record, type triple.
  Status RecordEntity(ArticleState* a, TermId id, const EntityData& e) {
    for (const auto& alias : e.aliases) {
      std::string folded = FoldCase(alias);
      if (folded.empty()) continue;
      if (pending_alias_.Find(folded) == kNoTerm) pending_alias_.Insert(folded, id);
      std::string v = codec::IdKey(id);
      v += alias;
      aliases_.emplace_back(codec::AliasKey(folded, a->id), std::move(v));
    }
    if (!e.iri.empty()) AddIri(id, e.iri);
    record_.clear();
    codec::AppendEntity(&record_, e);
    a->hasher.Update(record_);
    a->entity_records.push_back(entity_text_.Add(record_));
    ++a->entity_count;  // compact: imports carry 10^5+ entities
    if (!e.type.empty()) {
      KG_ASSIGN_OR_RETURN(TermId tp, Resolve(Value::Predicate(std::string(kTypePredicate))));
      KG_ASSIGN_OR_RETURN(TermId ty, Resolve(Value::Entity(e.type)));
      KG_RETURN_IF_ERROR(spoa_->Add(Rec{id, tp, ty, a->id}));
    }
    return Status::OK();
  }

  Status Usable() const {
    if (done_) return Status::InvalidArgument("the importer has already finished or been aborted");
    return Status::OK();
  }

  Result<ArticleState*> GetArticle(std::string_view name) {
    if (name.empty()) return Status::InvalidArgument("an article needs a name");
    if (last_article_ && last_article_->name == name) return last_article_;
    auto it = articles_.find(std::string(name));
    if (it == articles_.end()) {
      ArticleState st;
      st.name = std::string(name);
      auto info = store_->GetArticleInfo(name);
      if (info.ok()) {
        if (!replace_) {
          return Status::AlreadyExists("article '" + st.name +
                                       "' is already stored; use --replace to replace it");
        }
        st.existed = true;
        st.old_hash = info->content_hash;
      }
      KG_ASSIGN_OR_RETURN(st.id, Resolve(Value::Article(st.name)));
      it = articles_.emplace(st.name, std::move(st)).first;
    }
    last_article_ = &it->second;
    return last_article_;
  }

  // The id of a term: this import's, the store's, or a new one. Entities go
  // by folded canonical name, then by alias (this import's or stored).
  Result<TermId> Resolve(const Value& v) {
    KG_ASSIGN_OR_RETURN(std::string key, codec::TermLookupKey(v));
    if (TermId known = terms_.Find(key); known != kNoTerm) return known;
    TermId id = dict_was_empty_ ? kNoTerm : store_->LookupId(key);
    // Aliases: this import's (none in an RDF import), then the store's.
    if (id == kNoTerm && v.kind() == ValueKind::kEntity && !(pending_alias_.empty() && dict_was_empty_)) {
      std::string folded = key.substr(1);
      if (TermId aliased = pending_alias_.Find(folded); aliased != kNoTerm) {
        id = aliased;
      } else if (!dict_was_empty_) {
        id = store_->LookupAlias(folded);
      }
    }
    if (id == kNoTerm) {
      KG_ASSIGN_OR_RETURN(std::string enc, codec::EncodeTerm(v));
      id = next_id_++;
      ++count_delta_[static_cast<uint8_t>(enc[0])];
      new_dict_.emplace_back(id, term_text_.Add(enc));
      new_terms_.emplace_back(term_text_.Add(key), id);
    }
    terms_.Insert(key, id);
    return id;
  }

  using StatMap = std::map<TermId, Stat>;
  // One iterator per index and thread for the "did this exist before?"
  // checks; seeks arrive in increasing order within a pass.
  struct Probe {
    Impl* self;
    bool base_has_triples;
    std::array<std::unique_ptr<rocksdb::Iterator>, static_cast<int>(Cf::kCount)> iters;
    // True when the committed index `cf` holds a key starting with `prefix`
    // (always false for a store that had no triples).
    bool Exists(Cf cf, std::string_view prefix) {
      if (!base_has_triples) return false;
      auto& it = iters[static_cast<int>(cf)];
      if (!it) it.reset(self->store_->db_->NewIterator(rocksdb::ReadOptions(), self->store_->cf(cf)));
      it->Seek(ToSlice(prefix));
      return it->Valid() && it->key().starts_with(ToSlice(prefix));
    }
    // Like Exists for a whole key; `hedged` tells whether its value has the
    // hedged flag (triple indexes).
    bool Find(Cf cf, std::string_view key, bool* hedged) {
      *hedged = false;
      if (!Exists(cf, key)) return false;
      const rocksdb::Slice v = iters[static_cast<int>(cf)]->value();
      *hedged = !v.empty() && (static_cast<uint8_t>(v[0]) & kTripleHedged) != 0;
      return true;
    }
  };

  // Values of the pos sorter's slot 3: what the store held of the triple.
  static constexpr uint64_t kTripleKept = 0;       // stored, not hedged
  static constexpr uint64_t kTripleNew = 1;        // not stored
  static constexpr uint64_t kTripleWasHedged = 2;  // stored hedged (imports assert, so it is no longer)

  // Per-key count changes, as (p, role, key id, new triples << 32 | triples
  // no longer hedged); a change too large for 32 bits takes several records.
  static Status AddCountDelta(RunSorter* sorter, TermId p, bool by_object, TermId key, uint64_t plus,
                              uint64_t unhedged) {
    constexpr uint64_t kMax = 0xffffffffu;
    while (plus > 0 || unhedged > 0) {
      uint64_t a = std::min(plus, kMax), b = std::min(unhedged, kMax);
      KG_RETURN_IF_ERROR(sorter->Add(Rec{p, by_object ? 1u : 0u, key, (a << 32) | b}));
      plus -= a, unhedged -= b;
    }
    return Status::OK();
  }

  std::string Path(const char* name) const { return dir_ + "/" + name + ".sst"; }

  // The table file `name` for `cf`, in the column family's table format
  // (e.g. 32 KB blocks for the triple indexes, 4 KB for the dictionary).
  SstOut Out(const char* name, Cf cf) const {
    return SstOut(Path(name), cf, store_->db_->GetOptions(store_->cf(cf)));
  }

  // Runs `a` here and `b` on another thread (the machine has 2 cores).
  static Status RunBoth(const std::function<Status()>& a, const std::function<Status()>& b) {
    Status sb;
    std::thread t([&] { sb = b(); });
    Status sa = a();
    t.join();
    return sa.ok() ? sb : sa;
  }

  bool Skipped(TermId article) const { return !skip_.empty() && skip_.count(article) > 0; }

  // spo file, subject statistics, and every distinct triple for the pos
  // sorter (slot 3 = 1 when the triple is new to the store).
  Status PassSpo(SstOut* spo, RunSorter* pos_sorter, StatMap* stats, Probe* probe, RunSorter* counts) {
    Rec prev{0, 0, 0, 0};
    bool have_prev = false;
    TermId g_s = 0, g_p = 0;
    bool g_sp_plus = false, g_s_plus = false, g_open = false;
    uint64_t g_sp_new = 0, g_sp_unhedged = 0;  // per-key counts of (p, subject)
    char key[24];
    auto close_sp = [&]() -> Status {
      if (g_open && g_sp_plus) {
        char pre[16];
        codec::StoreU64(pre, g_s), codec::StoreU64(pre + 8, g_p);
        if (!probe->Exists(Cf::kSpo, std::string_view(pre, 16))) ++(*stats)[g_p].subjects;
      }
      Status st;
      if (g_open) st = AddCountDelta(counts, g_p, false, g_s, g_sp_new, g_sp_unhedged);
      g_sp_new = g_sp_unhedged = 0;
      return st;
    };
    auto close_s = [&] {
      if (g_open && g_s_plus) {
        char pre[8];
        codec::StoreU64(pre, g_s);
        if (!probe->Exists(Cf::kSpo, std::string_view(pre, 8))) ++(*stats)[kNoTerm].subjects;
      }
    };
    Status st = spoa_->ForEach([&](const Rec& r) -> Status {
      if (have_prev && r[0] == prev[0] && r[1] == prev[1] && r[2] == prev[2]) return Status::OK();
      if (Skipped(r[3])) return Status::OK();
      prev = r, have_prev = true;
      if (!g_open || r[0] != g_s || r[1] != g_p) {
        KG_RETURN_IF_ERROR(close_sp());
        if (!g_open || r[0] != g_s) {
          close_s();
          g_s_plus = false;
        }
        g_s = r[0], g_p = r[1], g_sp_plus = false, g_open = true;
      }
      codec::StoreU64(key, r[0]), codec::StoreU64(key + 8, r[1]), codec::StoreU64(key + 16, r[2]);
      bool was_hedged = false;
      bool plus = !probe->Find(Cf::kSpo, std::string_view(key, 24), &was_hedged);
      if (plus) {
        ++(*stats)[r[1]].triples, ++(*stats)[kNoTerm].triples;
        g_sp_plus = g_s_plus = true;
        ++g_sp_new;
      }
      if (was_hedged) ++g_sp_unhedged;
      KG_RETURN_IF_ERROR(spo->Put(std::string_view(key, 24), ""));
      return pos_sorter->Add(
          Rec{r[1], r[2], r[0], plus ? kTripleNew : (was_hedged ? kTripleWasHedged : kTripleKept)});
    });
    KG_RETURN_IF_ERROR(st);
    KG_RETURN_IF_ERROR(close_sp());
    close_s();
    return Status::OK();
  }

  // Provenance file (one assertion per triple and article) and the number
  // of distinct triples per article.
  Status PassProv(SstOut* prov) {
    Rec prev{0, 0, 0, 0};
    bool have_prev = false;
    char key[36];
    ArticleState* last = nullptr;
    return spoa_->ForEach([&](const Rec& r) -> Status {
      if (have_prev && r == prev) return Status::OK();
      prev = r, have_prev = true;
      if (Skipped(r[3])) return Status::OK();
      codec::StoreU64(key, r[0]), codec::StoreU64(key + 8, r[1]), codec::StoreU64(key + 16, r[2]);
      codec::StoreU64(key + 24, r[3]);
      for (int i = 0; i < 4; ++i) key[32 + i] = static_cast<char>(0xff);  // kNoSentence
      if (last == nullptr || last->id != r[3]) last = articles_by_id_.at(r[3]);
      ++last->triples;
      return prov->Put(std::string_view(key, 36), "");
    });
  }

  // pos file and distinct objects per predicate.
  // pos file, distinct objects per predicate and the per-key count changes
  // of (p, object).
  Status PassPos(const RunSorter& pos_sorter, SstOut* pos, StatMap* stats, Probe* probe, RunSorter* counts) {
    TermId g_p = 0, g_o = 0;
    bool g_open = false, g_plus = false;
    uint64_t g_new = 0, g_unhedged = 0;
    char key[24];
    auto close = [&]() -> Status {
      if (!g_open) return Status::OK();
      if (g_plus && !probe->Exists(Cf::kPos, std::string_view(key, 16))) ++(*stats)[g_p].objects;
      Status st = AddCountDelta(counts, g_p, true, g_o, g_new, g_unhedged);
      g_new = g_unhedged = 0;
      return st;
    };
    Status st = pos_sorter.ForEach([&](const Rec& r) -> Status {
      if (!g_open || r[0] != g_p || r[1] != g_o) {
        KG_RETURN_IF_ERROR(close());
        g_p = r[0], g_o = r[1], g_plus = false, g_open = true;
      }
      g_plus = g_plus || r[3] == kTripleNew;
      g_new += r[3] == kTripleNew;
      g_unhedged += r[3] == kTripleWasHedged;
      codec::StoreU64(key, r[0]), codec::StoreU64(key + 8, r[1]), codec::StoreU64(key + 16, r[2]);
      return pos->Put(std::string_view(key, 24), "");
    });
    KG_RETURN_IF_ERROR(st);
    return close();
  }

  // The counts file: every changed key's committed counts plus the change
  // (a bulk import only adds triples and clears hedged flags, so no key
  // drops to zero). Keys arrive in counts-key order: (p, role, key id).
  Status PassCounts(const RunSorter& counts, SstOut* out, bool base_has_triples) {
    std::unique_ptr<rocksdb::Iterator> it;
    if (base_has_triples) it.reset(store_->db_->NewIterator(rocksdb::ReadOptions(), store_->cf(Cf::kCounts)));
    Rec cur{0, 0, 0, 0};
    bool open = false;
    uint64_t plus = 0, unhedged = 0;
    char key[codec::kCountsKeySize];
    auto close = [&]() -> Status {
      if (!open) return Status::OK();
      codec::StoreCountsKey(key, cur[0], cur[1] != 0, cur[2]);
      const std::string_view k(key, sizeof key);
      codec::KeyCount c;
      if (it) {
        it->Seek(ToSlice(k));
        if (it->Valid() && it->key() == ToSlice(k)) {
          KG_ASSIGN_OR_RETURN(
              c, codec::DecodeKeyCount(std::string_view(it->value().data(), it->value().size())));
        }
        KG_RETURN_IF_ERROR(FromRocks(it->status(), "read counts"));
      }
      if (unhedged > c.hedged) return Status::Corruption("per-key counts disagree with the indexes");
      c.triples += plus;
      c.hedged -= unhedged;
      return out->Put(k, codec::EncodeKeyCount(c));
    };
    Status st = counts.ForEach([&](const Rec& r) -> Status {
      if (!open || r[0] != cur[0] || r[1] != cur[1] || r[2] != cur[2]) {
        KG_RETURN_IF_ERROR(close());
        cur = r, open = true, plus = unhedged = 0;
      }
      plus += r[3] >> 32;
      unhedged += r[3] & 0xffffffffu;
      return Status::OK();
    });
    KG_RETURN_IF_ERROR(st);
    return close();
  }

  // osp file and distinct objects of the store.
  Status PassOsp(const RunSorter& pos_sorter, SstOut* osp, StatMap* stats, Probe* probe) {
    RunSorter osp_sorter(dir_, "osp", run_records_);
    KG_RETURN_IF_ERROR(pos_sorter.ForEach([&](const Rec& r) {
      return osp_sorter.Add(Rec{r[1], r[2], r[0], r[3]});
    }));
    KG_RETURN_IF_ERROR(osp_sorter.Seal());
    TermId g_o = 0;
    bool g_open = false, g_plus = false;
    char key[24];
    auto close = [&] {
      if (g_open && g_plus && !probe->Exists(Cf::kOsp, std::string_view(key, 8))) ++(*stats)[kNoTerm].objects;
    };
    Status st = osp_sorter.ForEach([&](const Rec& r) -> Status {
      if (!g_open || r[0] != g_o) {
        close();
        g_o = r[0], g_plus = false, g_open = true;
      }
      g_plus = g_plus || r[3] == kTripleNew;
      codec::StoreU64(key, r[0]), codec::StoreU64(key + 8, r[1]), codec::StoreU64(key + 16, r[2]);
      return osp->Put(std::string_view(key, 24), "");
    });
    KG_RETURN_IF_ERROR(st);
    close();
    return Status::OK();
  }

  // Per-article triple chunks merged with the entity records (same column
  // family; keys interleave by article id).
  Status PassArticles(SstOut* adata) {
    // The entity records in key order: by article id, then number.
    std::vector<const ArticleState*> by_id;
    size_t with_triples = 0;
    for (auto& [name, a] : articles_) {
      if (a.unchanged) continue;
      with_triples += a.triples > 0;
      by_id.push_back(&a);
    }
    std::sort(by_id.begin(), by_id.end(), [](const auto* x, const auto* y) { return x->id < y->id; });
    std::vector<std::pair<std::string, std::string_view>> extra;
    for (const ArticleState* a : by_id) {
      for (size_t i = 0; i < a->entity_records.size(); ++i) {
        extra.emplace_back(
            codec::ArticleDataKey(a->id, codec::ArticleDataKind::kEntity, static_cast<uint32_t>(i)),
            a->entity_records[i]);
      }
    }
    size_t next_extra = 0;
    auto emit = [&](const std::string& key, const std::string& value) -> Status {
      for (; next_extra < extra.size() && extra[next_extra].first < key; ++next_extra) {
        KG_RETURN_IF_ERROR(adata->Put(extra[next_extra].first, extra[next_extra].second));
      }
      return adata->Put(key, value);
    };
    TermId cur = kNoTerm;
    uint32_t chunk_no = 0;
    std::string chunk;
    auto flush = [&]() -> Status {
      if (chunk.empty()) return Status::OK();
      Status s = emit(codec::ArticleDataKey(cur, codec::ArticleDataKind::kTripleChunk, chunk_no++), chunk);
      chunk.clear();
      return s;
    };
    Rec prev{0, 0, 0, 0};
    bool have_prev = false;
    // r in (article, s, p, o) order.
    auto add = [&](const Rec& r) -> Status {
      if (have_prev && r == prev) return Status::OK();
      prev = r, have_prev = true;
      if (r[0] != cur) {
        KG_RETURN_IF_ERROR(flush());
        cur = r[0], chunk_no = 0;
      }
      codec::AppendTripleKey(&chunk, Index::kSpo, r[1], r[2], r[3]);
      if (chunk.size() >= 24 * codec::kTriplesPerChunk) return flush();
      return Status::OK();
    };
    if (with_triples <= 1) {
      // One article: spo order is already its order.
      KG_RETURN_IF_ERROR(spoa_->ForEach([&](const Rec& r) -> Status {
        if (Skipped(r[3])) return Status::OK();
        return add(Rec{r[3], r[0], r[1], r[2]});
      }));
    } else {
      RunSorter art_sorter(dir_, "aspo", run_records_);
      KG_RETURN_IF_ERROR(spoa_->ForEach([&](const Rec& r) -> Status {
        if (Skipped(r[3])) return Status::OK();
        return art_sorter.Add(Rec{r[3], r[0], r[1], r[2]});
      }));
      KG_RETURN_IF_ERROR(art_sorter.Seal());
      KG_RETURN_IF_ERROR(art_sorter.ForEach(add));
    }
    KG_RETURN_IF_ERROR(flush());
    for (; next_extra < extra.size(); ++next_extra) {
      KG_RETURN_IF_ERROR(adata->Put(extra[next_extra].first, extra[next_extra].second));
    }
    decltype(extra)().swap(extra);
    for (auto& [name, a] : articles_) {  // peak memory
      std::vector<std::string_view>().swap(a.entity_records);
    }
    entity_text_.Clear();
    return Status::OK();
  }

  // Writes key/value pairs in key order; for a key given several times the
  // last one wins (as repeated Puts would).
  static Status WriteSortedLastWins(std::vector<std::pair<std::string, std::string>>* kv, SstOut* out) {
    std::stable_sort(kv->begin(), kv->end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    for (size_t i = 0; i < kv->size(); ++i) {
      if (i + 1 < kv->size() && (*kv)[i + 1].first == (*kv)[i].first) continue;
      KG_RETURN_IF_ERROR(out->Put((*kv)[i].first, (*kv)[i].second));
    }
    return Status::OK();
  }

  void AddIri(TermId id, std::string_view iri) { iris_.push_back(IriEntry{id, iri_text_.Add(iri)}); }

  // The IRI table in key (id) order; for an id given several times the last
  // one wins (as repeated Puts would).
  Status WriteIris(SstOut* out) {
    std::stable_sort(iris_.begin(), iris_.end(),
                     [](const IriEntry& x, const IriEntry& y) { return x.id < y.id; });
    for (size_t i = 0; i < iris_.size(); ++i) {
      if (i + 1 < iris_.size() && iris_[i + 1].id == iris_[i].id) continue;
      const IriEntry& e = iris_[i];
      KG_RETURN_IF_ERROR(out->Put(codec::IdKey(e.id), e.text));
    }
    return Status::OK();
  }

  // Dictionary, lookup keys, aliases and IRIs (independent of the triples).
  Status PassTerms(SstOut* dict, SstOut* terms, SstOut* alias, SstOut* iri) {
    // Groups of 64 ids (FORMAT.md, "Dictionary"); the first may be partly stored.
    KG_RETURN_IF_ERROR(store_->WriteDictGroups(
        &new_dict_, [&](std::string_view key, std::string_view value) { return dict->Put(key, value); },
        nullptr));
    std::sort(new_terms_.begin(), new_terms_.end());
    for (const auto& [k, id] : new_terms_) KG_RETURN_IF_ERROR(terms->Put(k, codec::IdKey(id)));
    KG_RETURN_IF_ERROR(WriteSortedLastWins(&aliases_, alias));
    for (auto& [p, v] : pred_iris_) AddIri(p, v);
    KG_RETURN_IF_ERROR(WriteIris(iri));
    // Written: release them before the next (memory-hungry) phase.
    decltype(new_dict_)().swap(new_dict_);
    decltype(new_terms_)().swap(new_terms_);
    decltype(aliases_)().swap(aliases_);
    decltype(iris_)().swap(iris_);
    iri_text_.Clear();
    term_text_.Clear();
    return Status::OK();
  }

  Result<std::vector<LoadReport>> DoFinish() {
    // Name resolution is over: its tables are the largest thing held.
    terms_ = TermTable();
    pending_alias_ = TermTable();
    KG_RETURN_IF_ERROR(spoa_->Seal());
    for (auto& [name, a] : articles_) articles_by_id_[a.id] = &a;
    // Replaced articles: identical content is left alone, the rest is deleted
    // first (its own WriteBatch per article).
    for (auto& [name, a] : articles_) {
      if (!a.existed) continue;
      if (a.hasher.HexDigest() == a.old_hash) {
        a.unchanged = true;
        skip_.insert(a.id);
        continue;
      }
      KG_RETURN_IF_ERROR(store_->DeleteArticleLocked(name));
    }
    const bool base_has_triples = store_->PredicateStats(kNoTerm).triples > 0;
    StatMap stats, stats_pos, stats_osp;
    Probe probe_a{this, base_has_triples, {}}, probe_b{this, base_has_triples, {}};

    SstOut dict = Out("dict", Cf::kDict), terms = Out("terms", Cf::kTerms), alias = Out("alias", Cf::kAlias),
           iri = Out("iri", Cf::kIri);
    SstOut spo = Out("spo", Cf::kSpo), prov = Out("prov", Cf::kProv), pos = Out("pos", Cf::kPos),
           osp = Out("osp", Cf::kOsp), adata = Out("article_data", Cf::kArticleData);
    RunSorter pos_sorter(dir_, "pos", run_records_);
    // Few records (one per changed key); small runs keep the peak memory
    // where it was before the counts existed.
    RunSorter counts_sorter(dir_, "counts", run_records_ / 16);
    // Two similar halves for the two cores: the spo file then the
    // dictionary; provenance then the article chunks.
    Status phase = RunBoth(
        [&] {
          KG_RETURN_IF_ERROR(PassSpo(&spo, &pos_sorter, &stats, &probe_a, &counts_sorter));
          return PassTerms(&dict, &terms, &alias, &iri);
        },
        [&] {
          KG_RETURN_IF_ERROR(PassProv(&prov));  // counts each article's triples first
          return PassArticles(&adata);
        });
    KG_RETURN_IF_ERROR(phase);
    spoa_.reset();  // the derived sorters hold everything from here on
    KG_RETURN_IF_ERROR(pos_sorter.Seal());
    // The counts are complete once pos is written: they overlap with osp,
    // which re-sorts every triple.
    SstOut counts_out = Out("counts", Cf::kCounts);
    phase = RunBoth(
        [&] {
          KG_RETURN_IF_ERROR(PassPos(pos_sorter, &pos, &stats_pos, &probe_a, &counts_sorter));
          KG_RETURN_IF_ERROR(counts_sorter.Seal());
          return PassCounts(counts_sorter, &counts_out, base_has_triples);
        },
        [&] { return PassOsp(pos_sorter, &osp, &stats_osp, &probe_b); });
    KG_RETURN_IF_ERROR(phase);
    for (const auto& [p, d] : stats_pos) stats[p].objects += d.objects;
    for (const auto& [p, d] : stats_osp) stats[p].objects += d.objects;
    probe_a.iters = {};  // iterators pin files; release them before ingesting
    probe_b.iters = {};

    // The small column families: registry, statistics, metadata.
    SortedKv registry, stats_kv, meta;
    std::vector<LoadReport> reports;
    const int64_t now = static_cast<int64_t>(std::time(nullptr));
    for (auto& [name, a] : articles_) {
      LoadReport rep;
      rep.article = name;
      if (a.unchanged) {
        rep.outcome = LoadOutcome::kUnchanged;
        auto info = store_->GetArticleInfo(name);
        if (info.ok()) rep.facts = info->facts, rep.entities = info->entities;
        rep.warnings.push_back("article '" + name +
                               "' is already stored with identical content; nothing changed");
        reports.push_back(std::move(rep));
        continue;
      }
      codec::ArticleRecord rec;
      rec.id = a.id;
      rec.info.name = name;
      rec.info.content_hash = a.hasher.HexDigest();
      rec.info.loaded_at = now;
      rec.info.facts = a.triples;
      rec.info.entities = a.entity_count;
      registry[name] = codec::EncodeArticleRecord(rec);
      rep.outcome = a.existed ? LoadOutcome::kReplaced : LoadOutcome::kLoaded;
      rep.facts = a.triples;
      rep.entities = a.entity_count;
      reports.push_back(std::move(rep));
    }
    for (const auto& [p, d] : stats) {
      TermStats st = store_->PredicateStats(p);
      st.triples += static_cast<uint64_t>(d.triples);
      st.distinct_subjects += static_cast<uint64_t>(d.subjects);
      st.distinct_objects += static_cast<uint64_t>(d.objects);
      if (st.triples > 0) stats_kv[codec::IdKey(p)] = codec::EncodeStats(st);
    }
    if (next_id_ != store_->next_id_) {
      std::string v;
      codec::PutU64(&v, next_id_);
      meta[std::string(codec::kMetaNextId)] = v;
      for (int t = 1; t < codec::kNumTermTags; ++t) {
        if (count_delta_[t] == 0) continue;
        std::string c;
        codec::PutU64(&c, store_->term_counts_[t] + count_delta_[t]);
        meta[codec::MetaTermCountKey(static_cast<TermTag>(t))] = c;
      }
    }
    SstOut registry_out = Out("articles", Cf::kArticles), stats_out = Out("stats", Cf::kStats),
           meta_out = Out("meta", Cf::kMeta);
    for (const auto& [k, v] : registry) KG_RETURN_IF_ERROR(registry_out.Put(k, v));
    for (const auto& [k, v] : stats_kv) KG_RETURN_IF_ERROR(stats_out.Put(k, v));
    for (const auto& [k, v] : meta) KG_RETURN_IF_ERROR(meta_out.Put(k, v));

    std::vector<rocksdb::IngestExternalFileArg> args;
    for (SstOut* out : {&dict, &terms, &alias, &iri, &spo, &pos, &osp, &prov, &adata, &registry_out,
                        &stats_out, &meta_out, &counts_out}) {
      KG_ASSIGN_OR_RETURN(bool has_data, out->Finish());
      if (!has_data) continue;
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = store_->cf(out->cf());
      arg.external_files = {out->path()};
      arg.options.move_files = true;
      // The writer computed each file's checksum as it wrote it (the
      // database's CRC32c): handing it over spares ingestion a second read
      // of every file. No sequence number is written into a file, which
      // would change it after its checksum was taken (kg reads its files
      // with RocksDB 7.8 only, which keeps that number in the MANIFEST).
      arg.options.write_global_seqno = false;
      if (!out->checksum().empty()) {
        arg.files_checksums = {out->checksum()};
        arg.files_checksum_func_names = {out->checksum_function()};
        arg.options.verify_file_checksum = false;
      }
      args.push_back(std::move(arg));
    }
    if (!args.empty()) {
      KG_RETURN_IF_ERROR(FromRocks(store_->db_->IngestExternalFiles(args), "ingest"));
    }
    store_->next_id_ = next_id_;
    for (int t = 1; t < codec::kNumTermTags; ++t) store_->term_counts_[t] += count_delta_[t];
    return reports;
  }

  Store* store_;
  bool replace_;
  std::unique_lock<std::mutex> lock_;
  std::string dir_;
  bool done_ = false;
  bool dict_was_empty_ = false;
  size_t run_records_ = size_t{1} << 20;
  TermId next_id_ = 1;
  std::array<uint64_t, 11> count_delta_{};  // by TermTag (codec::kNumTermTags)
  std::unique_ptr<RunSorter> spoa_;
  TermTable terms_;
  TermTable pending_alias_;  // folded alias → entity, this import's
  // This import's new terms: encodings and lookup keys, the text in
  // term_text_.
  std::vector<std::pair<TermId, std::string_view>> new_dict_;
  std::vector<std::pair<std::string_view, TermId>> new_terms_;
  TextArena term_text_;
  std::vector<std::pair<std::string, std::string>> aliases_;  // key, value; sorted in Finish
  // IRIs by term id.
  struct IriEntry {
    TermId id;
    std::string_view text;  // in iri_text_
  };
  std::vector<IriEntry> iris_;
  TextArena iri_text_;
  TextArena entity_text_;  // the entity records of every article
  std::string record_;     // RecordEntity's, reused
  std::unordered_map<TermId, std::string> pred_iris_;
  TermId last_iri_predicate_ = kNoTerm;  // has an entry in pred_iris_
  std::map<std::string, ArticleState> articles_;
  ArticleState* last_article_ = nullptr;
  std::unordered_map<TermId, ArticleState*> articles_by_id_;
  std::set<TermId> skip_;  // replaced articles whose content is unchanged
};

BulkImporter::BulkImporter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
BulkImporter::~BulkImporter() = default;

Result<std::unique_ptr<BulkImporter>> BulkImporter::Create(Store* store, bool replace) {
  if (store == nullptr) return Status::InvalidArgument("no store");
  if (store->read_only()) return Status::NotSupported("the database is open read-only; a writer must import");
  auto impl = std::make_unique<Impl>(store, replace);
  KG_RETURN_IF_ERROR(impl->Init());
  return std::unique_ptr<BulkImporter>(new BulkImporter(std::move(impl)));
}

Status BulkImporter::AddEntity(std::string_view article, const EntityData& entity) {
  return impl_->AddEntity(article, entity);
}

Status BulkImporter::AddEntityId(std::string_view article, uint64_t id, const EntityData& entity) {
  return impl_->AddEntityId(article, id, entity);
}

Status BulkImporter::AddTriple(std::string_view article, const Value& subject, std::string_view predicate,
                               std::string_view predicate_iri, const Value& object) {
  return impl_->AddTriple(article, subject, predicate, predicate_iri, object);
}

Result<uint64_t> BulkImporter::ResolveTerm(std::string_view article, const Value& term) {
  return impl_->ResolveTerm(article, term);
}

Status BulkImporter::AddTripleIds(std::string_view article, uint64_t subject, uint64_t predicate,
                                  std::string_view predicate_iri, uint64_t object) {
  return impl_->AddTripleIds(article, subject, predicate, predicate_iri, object);
}

Result<std::vector<LoadReport>> BulkImporter::Finish() { return impl_->Finish(); }

void BulkImporter::Abort() { impl_->Abort(); }

bool BulkImporter::started_empty() const { return impl_->started_empty(); }

void BulkImporter::set_run_records(size_t n) { impl_->set_run_records(n); }
size_t BulkImporter::run_records() const { return impl_->run_records(); }

}  // namespace kg::storage
